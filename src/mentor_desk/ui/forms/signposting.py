"""Signposting: the service directory searched offline, and this person's referrals.

Search by words (full text over name, organisation, what it offers and area), by pathway
and by area; each service says how long ago it was last checked. A referral takes two
actions: choose a service, press **Refer…** (a small dialog opens filled in: today,
referred, made, follow up in two weeks), then Save. Follow-ups due also show in the
caseload. Coordinators can add and change services here; mentors read them.

A referral to a service run by a partner organisation comes back answered at a later sync
(issue 15): the table's "The service's answer" column says so in words — "Declined by the
service on 4 Dec: no places until March" (:func:`answer_text`).
"""

from __future__ import annotations

import html
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mentor_desk.export import log
from mentor_desk.store.records import Record, Store
from mentor_desk.ui.forms.base import RecordTab
from mentor_desk.ui.forms.common import choice_text, pathway_options
from mentor_desk.ui.forms.consent import OVERRIDE_PREFIX, covers
from mentor_desk.ui.forms.data import FormsData, age_text, today_iso
from mentor_desk.ui.forms.directory import service_dialog
from mentor_desk.ui.forms.records import (
    RecordDialog,
    RecordTableModel,
    button,
    open_dialog,
    record_table,
    selected,
)
from mentor_desk.ui.shell.i18n import translate
from mentor_desk.ui.shell.tasks import TaskRunner
from mentor_desk.ui.shell.widgets import label, named, plain, set_error

REFERRAL_FIELDS = (
    "service_id",
    "pathway",
    "referred_on",
    "kind",
    "status",
    "follow_up_on",
    "outcome_note",
)
OPEN_STATUSES = ("suggested", "made", "accepted")


def service_html(s: Record) -> str:
    esc = html.escape
    checked = s.get("last_checked_on")
    never = translate("Signposting", "never")
    last = f"{checked or never} ({age_text(checked)})"
    rows = [
        (translate("Signposting", "What it offers"), s.get("offers")),
        (translate("Signposting", "Who can use it"), s.get("eligibility")),
        (translate("Signposting", "How to refer"), plain(s.get("how_to_refer"))),
        (translate("Signposting", "Area"), s.get("area_covered")),
        (translate("Signposting", "Address"), s.get("address")),
        (translate("Signposting", "Phone"), s.get("phone")),
        (translate("Signposting", "Email"), s.get("email")),
        (translate("Signposting", "Web"), s.get("website")),
        (translate("Signposting", "Open"), s.get("opening_times")),
        (translate("Signposting", "Last checked"), last),
    ]
    body = "".join(f"<p><b>{esc(k)}:</b> {esc(str(v))}</p>" for k, v in rows if v)
    return f"<h3>{esc(s['name'])}</h3><p><i>{esc(s.get('organisation') or '')}</i></p>{body}"


class ReferralDialog(RecordDialog):
    """A referral, checked against consent; coordinators may override with a reason."""

    def __init__(
        self,
        runner: TaskRunner,
        data: FormsData,
        *,
        service: Record | None = None,
        record: Record | None = None,
        parent: QWidget | None = None,
    ) -> None:
        today = date.today()
        chosen = service or data.service((record or {}).get("service_id"))
        pathways = (chosen or {}).get("pathways") or [None]
        super().__init__(
            runner,
            "referral",
            REFERRAL_FIELDS,
            title=translate("Signposting", "Change referral")
            if record
            else translate("Signposting", "Refer to {service}").format(
                service=(chosen or {}).get("name", "")
            ),
            base={"participant_id": data.participant["id"]},
            record=record,
            initial={
                "service_id": (chosen or {}).get("id"),
                "pathway": pathways[0],
                "referred_on": today.isoformat(),
                "kind": "referred",
                "status": "made",
                "follow_up_on": (today + timedelta(days=14)).isoformat(),
            },
            options={"service_id": [(s["id"], s["name"]) for s in data.services]},
            parent=parent,
        )
        self._data = data
        self.consent_note = label("", "error", wrap=True)
        self.override = named(
            QLineEdit(),
            translate("Signposting", "Reason for going ahead without consent (coordinators only)"),
        )
        self.override.setPlaceholderText(
            translate("Signposting", "Coordinator's reason for going ahead without consent")
        )
        self.body.insertWidget(self.body.count() - 2, self.consent_note)
        self.body.insertWidget(self.body.count() - 2, self.override)
        self.form.changed.connect(self._check_consent)
        self._check_consent()
        self.resize(580, 620)

    def consent_problem(self) -> str:
        values = self.form.values()
        ok, why = covers(
            self._data.consents, self._data.service(values.get("service_id")), values.get("kind")
        )
        return "" if ok else why

    def _check_consent(self) -> None:
        why = self.consent_problem()
        if why and self._data.coordinator:
            why += " " + translate(
                "Signposting", "As a coordinator you may go ahead: give your reason below."
            )
        elif why:
            why += " " + translate(
                "Signposting",
                "Record new consent first, ask a coordinator, or choose “signposted” "
                "(just giving them the details).",
            )
        set_error(self.consent_note, why)
        self.override.setVisible(bool(why) and self._data.coordinator)

    def changes(self) -> dict[str, Any]:
        values = super().changes()
        reason = self.override.text().strip()
        if self.consent_problem() and reason:
            note = values.get("outcome_note") or ""
            values["outcome_note"] = f"{OVERRIDE_PREFIX}{reason}\n{note}".strip()
            pid = self._data.participant["id"]

            def audit(store: Store, _rec: Record) -> None:
                log.record(
                    store, "referral_consent_override", participant_id=pid, override_reason=reason
                )

            self.after_save = audit
        return values

    def save(self) -> None:
        problem = self.consent_problem()
        if problem and not self._data.coordinator:
            set_error(
                self.error,
                translate("Signposting", "This referral needs their consent or a coordinator."),
            )
            return
        if problem and not self.override.text().strip():
            set_error(
                self.error,
                translate("Signposting", "Give the reason for going ahead without consent."),
            )
            self.override.setFocus()
            return
        super().save()


class SignpostingTab(RecordTab):
    """The directory (search, details, Refer) above this person's referrals."""

    def __init__(self, runner: TaskRunner, participant_id: str, parent: QWidget | None = None):
        super().__init__(runner, participant_id, parent)
        self._matches: set[str] | None = None
        self._generation = 0
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = named(QLineEdit(), translate("Signposting", "Search the directory"))
        self.search.setPlaceholderText(
            translate("Signposting", "Search services by words, e.g. housing, boxing, debt")
        )
        self.search.setClearButtonEnabled(True)
        self.pathway = named(QComboBox(), translate("Signposting", "Pathway"))
        self.pathway.addItem(translate("Signposting", "Any pathway"), None)
        for key, text in pathway_options():
            self.pathway.addItem(text, key)
        self.area = named(QLineEdit(), translate("Signposting", "Area"))
        self.area.setPlaceholderText(translate("Signposting", "Area"))
        self.area.setMaximumWidth(160)
        bar.addWidget(self.search, 3)
        bar.addWidget(self.pathway, 2)
        bar.addWidget(self.area, 1)
        layout.addLayout(bar)
        self.services = RecordTableModel(
            [
                (translate("Signposting", "Service"), lambda s: s["name"]),
                (translate("Signposting", "Organisation"), lambda s: s.get("organisation") or ""),
                (translate("Signposting", "Pathways"), _pathways),
                (translate("Signposting", "Area"), lambda s: s.get("area_covered") or ""),
                (
                    translate("Signposting", "Last checked"),
                    lambda s: age_text(s.get("last_checked_on")),
                ),
            ],
            self,
        )
        self.service_table = record_table(
            self.services, translate("Signposting", "Services"), stretch=2
        )
        self.details = named(QTextBrowser(), translate("Signposting", "About the chosen service"))
        self.details.setOpenExternalLinks(False)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.service_table)
        split.addWidget(self.details)
        split.setSizes([760, 420])
        layout.addWidget(split, 3)
        row = QHBoxLayout()
        self.count = label("", "hint")
        self.refer_button = button(
            translate("Signposting", "Refer…"),
            translate("Signposting", "Refer to the chosen service"),
            translate("Signposting", "Two steps: Refer, Save"),
        )
        self.refer_button.setProperty("role", "primary")
        self.new_service = button(
            translate("Signposting", "New service…"),
            translate("Signposting", "Add a service to the directory"),
        )
        self.edit_service = button(
            translate("Signposting", "Change service…"),
            translate("Signposting", "Change the chosen service"),
        )
        row.addWidget(self.count, 1)
        row.addWidget(self.new_service)
        row.addWidget(self.edit_service)
        row.addWidget(self.refer_button)
        layout.addLayout(row)
        layout.addWidget(label(translate("Signposting", "Referrals for this person"), "subtitle"))
        self.referrals = RecordTableModel(
            [
                (translate("Signposting", "Service"), self._service_name),
                (
                    translate("Signposting", "Pathway"),
                    lambda r: choice_text("pathway", r.get("pathway")),
                ),
                (translate("Signposting", "Date"), lambda r: r.get("referred_on") or ""),
                (translate("Signposting", "Kind"), lambda r: plain(r.get("kind"))),
                (translate("Signposting", "Status"), lambda r: plain(r.get("status"))),
                (translate("Signposting", "Follow up"), _follow_up),
                (translate("Signposting", "The service's answer"), answer_text),
            ],
            self,
        )
        self.referral_table = record_table(
            self.referrals, translate("Signposting", "Referrals"), stretch=6
        )
        layout.addWidget(self.referral_table, 2)
        self.edit_referral = button(
            translate("Signposting", "Change referral…"),
            translate("Signposting", "Change the chosen referral"),
        )
        layout.addLayout(_right(self.edit_referral))
        self.search.textChanged.connect(lambda _t: self._run_search())
        self.pathway.currentIndexChanged.connect(lambda _i: self._filter())
        self.area.textChanged.connect(lambda _t: self._filter())
        self.service_table.selectionModel().currentRowChanged.connect(lambda *_a: self._chosen())
        self.service_table.doubleClicked.connect(lambda _i: self.refer())
        self.refer_button.clicked.connect(self.refer)
        self.new_service.clicked.connect(lambda: self._service(None))
        self.edit_service.clicked.connect(lambda: self._service(selected(self.service_table)))
        self.edit_referral.clicked.connect(self.change_referral)
        self.referral_table.doubleClicked.connect(lambda _i: self.change_referral())

    def _service_name(self, referral: Record) -> str:
        service = self.data.service(referral.get("service_id")) if self.data else None
        return (service or {}).get("name") or translate("Signposting", "(service no longer listed)")

    # -- showing ---------------------------------------------------------------------
    def show_data(self, data: FormsData) -> None:
        super().show_data(data)
        self._filter()
        self.referrals.set_records(data.referrals)
        self.new_service.setVisible(data.coordinator)
        self.edit_service.setVisible(data.coordinator)
        self.set_read_only(self.read_only)

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.refer_button.setEnabled(not read_only)
        self.edit_referral.setEnabled(not read_only)

    def _run_search(self) -> None:
        text = self.search.text().strip()
        self._generation += 1
        generation = self._generation
        if not text:
            self._matches = None
            self._filter()
            return

        def found(ids: set[str]) -> None:
            if generation == self._generation:
                self._matches = ids
                self._filter()

        def op(store: Store) -> set[str]:
            return {h.record_id for h in store.search(text, entities=["service"])}

        self.runner.run(op, found, owner=self)

    def _filter(self) -> None:
        if self.data is None:
            return
        pathway = self.pathway.currentData()
        area = self.area.text().strip().casefold()
        shown = [
            s
            for s in self.data.services
            if (self._matches is None or s["id"] in self._matches)
            and (pathway is None or pathway in (s.get("pathways") or []))
            and (not area or area in (s.get("area_covered") or "").casefold())
        ]
        chosen = (selected(self.service_table) or {}).get("id")
        self.services.set_records(shown)
        row = next((i for i, s in enumerate(shown) if s["id"] == chosen), 0)
        if shown:
            self.service_table.selectRow(row)
        self._chosen()
        self.count.setText(
            translate("Signposting", "{shown} of {total} services").format(
                shown=len(shown), total=len(self.data.services)
            )
        )

    def _chosen(self) -> None:
        service = selected(self.service_table)
        self.details.setHtml(service_html(service) if service else "")
        self.edit_service.setEnabled(service is not None)

    # -- actions -------------------------------------------------------------------------
    def refer(self) -> ReferralDialog | None:
        service = selected(self.service_table)
        if service is None or self.data is None or self.read_only:
            return None
        dialog = ReferralDialog(self.runner, self.data, service=service, parent=self)
        open_dialog(dialog, self.saved)
        return dialog

    def change_referral(self) -> ReferralDialog | None:
        referral = selected(self.referral_table)
        if referral is None or self.data is None or self.read_only:
            return None
        dialog = ReferralDialog(self.runner, self.data, record=referral, parent=self)
        open_dialog(dialog, self.saved)
        return dialog

    def _service(self, service: Record | None) -> None:
        if self.data is not None and self.data.coordinator:
            open_dialog(service_dialog(self.runner, service, self), self.saved)


def short_day(iso: str | None, today: date | None = None) -> str:
    """A stored date as "4 Dec" (with the year when not this year), in the program's language."""
    if not iso:
        return ""
    try:
        value = date.fromisoformat(str(iso)[:10])
    except ValueError:
        return str(iso)
    shape = "d MMM" if value.year == (today or date.today()).year else "d MMM yyyy"
    return QLocale().toString(QDate(value.year, value.month, value.day), shape)


def answer_text(referral: Record) -> str:
    """The partner service's answer to a referral, in words (empty when it has none)."""
    answer = referral.get("partner_answer")
    when = short_day(referral.get("answered_on"))
    if answer == "accepted":
        text = translate("Signposting", "Accepted by the service on {date}")
    elif answer == "declined":
        text = translate("Signposting", "Declined by the service on {date}")
    elif answer == "attended":
        text = translate("Signposting", "Attended, the service said on {date}")
    else:
        return ""
    text = text.format(date=when)
    reply = " ".join(str(referral.get("partner_reply") or "").split())
    return f"{text}: {reply}" if reply else text


def _pathways(service: Record) -> str:
    return ", ".join(choice_text("pathway", p) for p in service.get("pathways") or [])


def _follow_up(referral: Record) -> str:
    when = referral.get("follow_up_on")
    if not when:
        return ""
    due = referral.get("status") in OPEN_STATUSES and when <= today_iso()
    return translate("Signposting", "{date} — due").format(date=when) if due else when


def _right(widget: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(widget)
    return row
