"""Information-sharing consent: record, view and withdraw it; check a referral against it.

Consent is versioned: recording it again makes version N+1, withdrawing sets the date it
was withdrawn. A referral that passes a person's details to an outside service (kind
*referred* or *accompanied*) must be covered by the current consent — the service (or its
organisation) named in "Share with these services", or "all services". When it is not, a
coordinator may override with a reason; the reason is kept at the top of the referral's
outcome note ("Consent override: …") and in the store's local audit of sharing
(:mod:`mentor_desk.export.log`, kind ``referral_consent_override``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QVBoxLayout, QWidget

from mentor_desk.store.records import Record
from mentor_desk.ui.forms.base import RecordTab
from mentor_desk.ui.forms.data import FormsData, today_iso
from mentor_desk.ui.forms.records import (
    RecordDialog,
    RecordTableModel,
    button,
    open_dialog,
    record_table,
)
from mentor_desk.ui.shell.tasks import TaskRunner
from mentor_desk.ui.shell.widgets import label

CONSENT_FIELDS = (
    "given_on",
    "privacy_notice_version",
    "share_with_server",
    "share_with_probation",
    "share_with_services",
    "recorded_by",
)
CONSENT_LABELS = {
    "share_with_server": "Share with the partnership (the server)",
    "share_with_probation": "Share with their probation practitioner",
    "share_with_services": "Share with these services (one per line; “all services” for any)",
}
SHARING_KINDS = ("referred", "accompanied")
OVERRIDE_PREFIX = "Consent override: "


def _yes(value: object) -> str:
    return "yes" if value else "no"


def current_consent(consents: list[Record]) -> Record | None:
    """The newest consent that has not been withdrawn."""
    live = [c for c in consents if not c.get("withdrawn_on")]
    return max(live, key=lambda c: c["consent_version"]) if live else None


def covers(consents: list[Record], service: Record | None, kind: str | None) -> tuple[bool, str]:
    """Does the current consent allow this referral? And if not, why not (plain words)."""
    if kind not in SHARING_KINDS:
        return True, ""
    consent = current_consent(consents)
    if consent is None:
        return False, "There is no current consent to share their details with anyone."
    wanted = {str(s).strip().casefold() for s in consent.get("share_with_services") or []}
    names = {str((service or {}).get(k) or "").strip().casefold() for k in ("name", "organisation")}
    if "all services" in wanted or (names - {""}) & wanted:
        return True, ""
    who = (service or {}).get("name") or "this service"
    return False, (
        f"Their consent (version {consent['consent_version']}) does not cover sharing "
        f"their details with {who}."
    )


def consent_text(consent: Record | None) -> str:
    if consent is None:
        return "No consent recorded. Nothing may be shared until it is."
    parts = []
    if consent.get("share_with_server"):
        parts.append("the partnership")
    if consent.get("share_with_probation"):
        parts.append("probation")
    parts += list(consent.get("share_with_services") or [])
    return (
        f"Version {consent['consent_version']}, given {consent['given_on']} "
        f"(privacy notice {consent['privacy_notice_version']}"
        f"{', recorded by ' + consent['recorded_by'] if consent.get('recorded_by') else ''}). "
        f"They agreed to share with: {', '.join(parts) or 'no one'}."
    )


class ConsentTab(RecordTab):
    """The current consent in words, every version, and Record / Withdraw."""

    def __init__(self, runner: TaskRunner, participant_id: str, parent: QWidget | None = None):
        super().__init__(runner, participant_id, parent)
        layout = QVBoxLayout(self)
        layout.addWidget(label("Information-sharing consent", "subtitle"))
        self.current = label("", "", wrap=True)
        layout.addWidget(self.current)
        row = QHBoxLayout()
        self.record_button = button("Record consent…", "Record consent")
        self.record_button.setProperty("role", "primary")
        self.withdraw_button = button("Withdraw consent…", "Withdraw consent")
        row.addWidget(self.record_button)
        row.addWidget(self.withdraw_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(label("Every version", "subtitle"))
        self.model = RecordTableModel(
            [
                ("Version", lambda c: str(c["consent_version"])),
                ("Given", lambda c: c.get("given_on") or ""),
                ("Notice", lambda c: c.get("privacy_notice_version") or ""),
                ("Partnership", lambda c: _yes(c.get("share_with_server"))),
                ("Probation", lambda c: _yes(c.get("share_with_probation"))),
                ("Services", lambda c: ", ".join(c.get("share_with_services") or [])),
                ("Recorded by", lambda c: c.get("recorded_by") or ""),
                ("Withdrawn", lambda c: c.get("withdrawn_on") or ""),
            ],
            self,
        )
        self.table = record_table(self.model, "Consent versions", stretch=5)
        layout.addWidget(self.table, 1)
        self.record_button.clicked.connect(self.record_consent)
        self.withdraw_button.clicked.connect(self.withdraw)

    def show_data(self, data: FormsData) -> None:
        super().show_data(data)
        self.model.set_records(data.consents)
        consent = current_consent(data.consents)
        self.current.setText(consent_text(consent))
        self.current.setAccessibleName(self.current.text())
        self.set_read_only(self.read_only)

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        live = self.data is not None and current_consent(self.data.consents) is not None
        self.record_button.setEnabled(not read_only)
        self.withdraw_button.setEnabled(not read_only and live)

    def record_consent(self) -> RecordDialog | None:
        if self.data is None:
            return None
        last = self.data.consents[0] if self.data.consents else {}
        dialog = RecordDialog(
            self.runner,
            "consent",
            CONSENT_FIELDS,
            title="Record consent",
            base={
                "participant_id": self.participant_id,
                "consent_version": int(last.get("consent_version") or 0) + 1,
            },
            initial={
                "given_on": today_iso(),
                "privacy_notice_version": last.get("privacy_notice_version") or "",
                "share_with_server": True,
                "recorded_by": self.data.actor_name,
            },
            labels=CONSENT_LABELS,
            intro="Show them the privacy notice first. Record exactly what they agreed to.",
            parent=self,
        )
        open_dialog(dialog, self.saved)
        return dialog

    def withdraw(self) -> None:
        consent = current_consent(self.data.consents if self.data else [])
        if consent is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Withdraw consent",
            "Record that they have withdrawn their consent today? Nothing more will be "
            "shared about them.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setAccessibleName("Withdraw consent")
        cid = consent["id"]

        def answered(result: int) -> None:
            if result == QMessageBox.StandardButton.Yes:
                self.withdraw_now(cid)

        box.finished.connect(answered)
        box.finished.connect(lambda _r: box.deleteLater())
        box.open()

    def withdraw_now(self, consent_id: str) -> None:
        today = today_iso()
        self.runner.run(
            lambda store: store.update("consent", consent_id, {"withdrawn_on": today}),
            self.saved,
            writes=True,
            owner=self,
        )
