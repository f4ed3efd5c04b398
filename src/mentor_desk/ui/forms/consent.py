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

from mentor_desk.domain.consent import covers_referral, in_force, latest_consent, sharing
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
from mentor_desk.ui.shell.i18n import QT_TRANSLATE_NOOP, translate
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
    "share_with_server": QT_TRANSLATE_NOOP(
        "Consent", "Share with other organisations in the partnership"
    ),
    "share_with_probation": QT_TRANSLATE_NOOP("Consent", "Share with their probation practitioner"),
    "share_with_services": QT_TRANSLATE_NOOP(
        "Consent", "Share with these services (one per line; “all services” for any)"
    ),
    "share_with_organisations": QT_TRANSLATE_NOOP(
        "Consent",
        "Share with these partner organisations (only what a sharing agreement allows)",
    ),
}
#: Kept in the referral's stored outcome note as an audit marker, so never translated.
OVERRIDE_PREFIX = "Consent override: "


def _yes(value: object) -> str:
    return translate("Consent", "yes") if value else translate("Consent", "no")


def current_consent(consents: list[Record]) -> Record | None:
    """The consent in force (domain rule: the latest version, unless it was withdrawn)."""
    consent = in_force(consents)
    return dict(consent) if consent is not None else None


def covers(consents: list[Record], service: Record | None, kind: str | None) -> tuple[bool, str]:
    """Does the consent in force allow this referral? And if not, why not (plain words)."""
    return covers_referral(consents, service, kind)


def consent_text(consents: list[Record]) -> str:
    """The consent in force in words, or why nothing may be shared."""
    latest = latest_consent(consents)
    if latest is None:
        return translate("Consent", "No consent recorded. Nothing may be shared until it is.")
    if latest.get("withdrawn_on"):
        return translate(
            "Consent",
            "Version {version}: {why} "
            "Nothing may be shared about them until a new consent is recorded.",
        ).format(version=latest["consent_version"], why=sharing(consents).why_nothing)
    parts = []
    if latest.get("share_with_server"):
        parts.append(translate("Consent", "other organisations in the partnership"))
    if latest.get("share_with_probation"):
        parts.append(translate("Consent", "probation"))
    parts += list(latest.get("share_with_services") or [])
    text = (
        translate(
            "Consent",
            "Version {version}, given {given} (privacy notice {notice}, recorded by {recorder}). "
            "They agreed to share with: {whom}.",
        )
        if latest.get("recorded_by")
        else translate(
            "Consent",
            "Version {version}, given {given} (privacy notice {notice}). "
            "They agreed to share with: {whom}.",
        )
    )
    return text.format(
        version=latest["consent_version"],
        given=latest["given_on"],
        notice=latest["privacy_notice_version"],
        recorder=latest.get("recorded_by") or "",
        whom=", ".join(parts) or translate("Consent", "no one"),
    )


class ConsentTab(RecordTab):
    """The current consent in words, every version, and Record / Withdraw."""

    def __init__(self, runner: TaskRunner, participant_id: str, parent: QWidget | None = None):
        super().__init__(runner, participant_id, parent)
        layout = QVBoxLayout(self)
        layout.addWidget(label(translate("Consent", "Information-sharing consent"), "subtitle"))
        self.current = label("", "", wrap=True)
        layout.addWidget(self.current)
        row = QHBoxLayout()
        self.record_button = button(
            translate("Consent", "Record consent…"), translate("Consent", "Record consent")
        )
        self.record_button.setProperty("role", "primary")
        self.withdraw_button = button(
            translate("Consent", "Withdraw consent…"), translate("Consent", "Withdraw consent")
        )
        row.addWidget(self.record_button)
        row.addWidget(self.withdraw_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(label(translate("Consent", "Every version"), "subtitle"))
        self.model = RecordTableModel(
            [
                (translate("Consent", "Version"), lambda c: str(c["consent_version"])),
                (translate("Consent", "Given"), lambda c: c.get("given_on") or ""),
                (translate("Consent", "Notice"), lambda c: c.get("privacy_notice_version") or ""),
                (translate("Consent", "Partnership"), lambda c: _yes(c.get("share_with_server"))),
                (translate("Consent", "Probation"), lambda c: _yes(c.get("share_with_probation"))),
                (
                    translate("Consent", "Services"),
                    lambda c: ", ".join(c.get("share_with_services") or []),
                ),
                (translate("Consent", "Recorded by"), lambda c: c.get("recorded_by") or ""),
                (translate("Consent", "Withdrawn"), lambda c: c.get("withdrawn_on") or ""),
            ],
            self,
        )
        self.table = record_table(self.model, translate("Consent", "Consent versions"), stretch=5)
        layout.addWidget(self.table, 1)
        self.record_button.clicked.connect(self.record_consent)
        self.withdraw_button.clicked.connect(self.withdraw)

    def show_data(self, data: FormsData) -> None:
        super().show_data(data)
        self.model.set_records(data.consents)
        self.current.setText(consent_text(data.consents))
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
        latest = latest_consent(self.data.consents) or {}
        # Consent is an active opt-in: each box starts as the consent in force has it,
        # unticked when there is none (never recorded, or withdrawn).
        now = current_consent(self.data.consents) or {}
        partners = self.data.partners
        names: tuple[str, ...] = CONSENT_FIELDS
        if partners:  # the partnership's organisations, from the last sync (docs/partnership.md)
            names = (*CONSENT_FIELDS[:-1], "share_with_organisations", CONSENT_FIELDS[-1])
        dialog = RecordDialog(
            self.runner,
            "consent",
            names,
            options={"share_with_organisations": partners},
            title=translate("Consent", "Record consent"),
            base={
                "participant_id": self.participant_id,
                "consent_version": int(latest.get("consent_version") or 0) + 1,
            },
            initial={
                "given_on": today_iso(),
                "privacy_notice_version": latest.get("privacy_notice_version") or "",
                "share_with_server": bool(now.get("share_with_server")),
                "share_with_probation": bool(now.get("share_with_probation")),
                "share_with_services": list(now.get("share_with_services") or []),
                "share_with_organisations": [
                    o for o in now.get("share_with_organisations") or [] if o in dict(partners)
                ],
                "recorded_by": self.data.actor_name,
            },
            labels={name: translate("Consent", text) for name, text in CONSENT_LABELS.items()},
            wrap=True,  # each question above its answer, read out in full
            intro=translate(
                "Consent",
                "Show them the privacy notice first. Record exactly what they agreed to; "
                "leave a box unticked unless they said yes. Their record is kept on your "
                "organisation's own server whatever they choose here.",
            ),
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
            translate("Consent", "Withdraw consent"),
            translate(
                "Consent",
                "Record that they have withdrawn their consent today? Nothing more will be "
                "shared about them.",
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setAccessibleName(translate("Consent", "Withdraw consent"))
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
