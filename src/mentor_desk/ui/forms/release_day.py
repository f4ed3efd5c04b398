"""Release day: the tab, and the focused "Release-day mode" window opened from the caseload.

Both show the same :class:`ReleaseDayPanel`: the first probation appointment at the top with
a live countdown ("in 3 h 20 min", "overdue by 40 min"), the next meeting with the mentor,
then the details (planned release, prison, met or why not, who met them) beside the
checklist. It fits a 1280×720 laptop screen; everything is reachable by keyboard and
Ctrl+S saves.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mentor_desk.domain.validation import FieldError, parse_datetime
from mentor_desk.store.caseload import display_name
from mentor_desk.store.records import Record, Store
from mentor_desk.ui.forms.base import RecordTab
from mentor_desk.ui.forms.checklist import ChecklistWidget, countdown_colour, countdown_text
from mentor_desk.ui.forms.common import FieldForm, utc_iso
from mentor_desk.ui.forms.data import FormsData, load_forms
from mentor_desk.ui.forms.records import button
from mentor_desk.ui.forms.risk import reminder_details, reminder_text
from mentor_desk.ui.shell.i18n import QT_TRANSLATE_NOOP, translate
from mentor_desk.ui.shell.shortcuts import lock_from
from mentor_desk.ui.shell.tasks import TaskRunner
from mentor_desk.ui.shell.widgets import label, local_time, named, set_error

DETAILS = (
    "planned_release_at",
    "prison",
    "met",
    "met_at",
    "met_where",
    "not_met_reason",
    "met_by",
    "probation_appointment_at",
    "probation_appointment_place",
    "next_meeting_at",
    "next_meeting_place",
)
LABELS = {
    "met": QT_TRANSLATE_NOOP("ReleaseDay", "We met them at release"),
    "met_at": QT_TRANSLATE_NOOP("ReleaseDay", "When we met"),
}
TICK_MS = 30_000
PAST_LIMIT_DAYS = 365
FUTURE_LIMIT_DAYS = 2 * 365


def release_rules(values: Mapping[str, Any], today: date | None = None) -> list[FieldError]:
    """This screen's own checks, on top of the vocabulary's."""
    today = today or date.today()
    errors: list[FieldError] = []
    planned = values.get("planned_release_at")
    if isinstance(planned, str):
        day = parse_datetime(planned).date()
        if day < today - timedelta(days=PAST_LIMIT_DAYS):
            errors.append(
                FieldError(
                    "planned_release_at",
                    translate("ReleaseDay", "is more than a year ago (check it)"),
                )
            )
        elif day > today + timedelta(days=FUTURE_LIMIT_DAYS):
            errors.append(
                FieldError(
                    "planned_release_at", translate("ReleaseDay", "is more than two years away")
                )
            )
    appointment = values.get("probation_appointment_at")
    if (
        isinstance(planned, str)
        and isinstance(appointment, str)
        and parse_datetime(appointment) < parse_datetime(planned) - timedelta(hours=12)
    ):
        errors.append(
            FieldError("probation_appointment_at", translate("ReleaseDay", "is before the release"))
        )
    if values.get("met") is False and values.get("met_at"):
        errors.append(
            FieldError(
                "met_at", translate("ReleaseDay", "is filled in, but 'We met them' is not ticked")
            )
        )
    return errors


class ReleaseDayPanel(RecordTab):
    """The latest release of one participant, editable.

    Signals:
        changed(): the release-day record was saved.
    """

    def __init__(
        self,
        runner: TaskRunner,
        participant_id: str,
        *,
        compact: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, participant_id, parent)
        self.record: Record | None = None
        self.dirty = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self._build_card(compact))
        body = QHBoxLayout()
        self.form = FieldForm(
            "release_day",
            DETAILS,
            base={"participant_id": participant_id},
            labels={name: translate("ReleaseDay", text) for name, text in LABELS.items()},
            extra=release_rules,
        )
        details = named(QScrollArea(), translate("ReleaseDay", "Release details"))
        details.setWidgetResizable(True)
        details.setWidget(self.form)
        details.setMinimumWidth(340)
        details.setMaximumWidth(460)
        self.checklist = ChecklistWidget()
        checks = named(QScrollArea(), translate("ReleaseDay", "Checklist"))
        checks.setWidgetResizable(True)
        checks.setWidget(self.checklist)
        left = QVBoxLayout()
        left.addWidget(label(translate("ReleaseDay", "Release"), "subtitle"))
        left.addWidget(details, 1)
        right = QVBoxLayout()
        self.checklist_title = label(translate("ReleaseDay", "Checklist"), "subtitle")
        right.addWidget(self.checklist_title)
        right.addWidget(checks, 1)
        body.addLayout(left, 2)
        body.addLayout(right, 4)
        layout.addLayout(body, 1)
        bottom = QHBoxLayout()
        self.error = label("", "error", wrap=True)
        self.error.hide()
        self.hint = label("", "hint")
        self.another_button = button(
            translate("ReleaseDay", "Record another release"),
            tip=translate("ReleaseDay", "Start a new release-day record (after a recall)"),
        )
        self.save_button = button(
            translate("ReleaseDay", "Save release day"),
            tip=translate("ReleaseDay", "Save (Ctrl+S)"),
        )
        self.save_button.setProperty("role", "primary")
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.another_button)
        bottom.addWidget(self.save_button)
        layout.addWidget(self.error)
        layout.addLayout(bottom)
        self.form.changed.connect(self._changed)
        self.checklist.changed.connect(self._changed)
        self.save_button.clicked.connect(self.save)
        self.another_button.clicked.connect(self._another)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self.setTabOrder(self.form, self.checklist)

    def _build_card(self, compact: bool) -> QFrame:
        card = QFrame()
        card.setProperty("role", "card")
        row = QHBoxLayout(card)
        row.setContentsMargins(14, 8, 14, 8)
        left = QVBoxLayout()
        left.addWidget(
            label(
                translate("ReleaseDay", "First probation appointment — the most urgent thing"),
                "hint",
            )
        )
        self.appointment = label("", "title", wrap=True)
        left.addWidget(self.appointment)
        self.meeting = label("", "", wrap=True)
        left.addWidget(self.meeting)
        # Before meeting them: the lone-working risk assessment (or that there is none).
        self.risk = label("", "", wrap=True)
        left.addWidget(self.risk)
        row.addLayout(left, 3)
        self.countdown = label("", "")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        font = self.countdown.font()
        font.setPointSizeF(font.pointSizeF() * (1.8 if compact else 1.6))
        font.setBold(True)
        self.countdown.setFont(font)
        row.addWidget(self.countdown, 2)
        return card

    # -- showing -------------------------------------------------------------------------
    def show_data(self, data: FormsData) -> None:
        super().show_data(data)
        self._show_risk(data.risk_assessments)
        if self.dirty:
            return
        self.record = data.release_days[0] if data.release_days else None
        self._fill(self.record or self._new_values(data))

    def _show_risk(self, assessments: list[Record]) -> None:
        text = reminder_text(assessments)
        self.risk.setText(text)
        self.risk.setAccessibleName(text)
        details = reminder_details(assessments)
        self.risk.setToolTip(details)
        self.risk.setAccessibleDescription(details)
        role = "error" if not assessments else ""  # none yet: make one before the meeting
        if self.risk.property("role") != role:
            self.risk.setProperty("role", role)
            self.risk.style().unpolish(self.risk)
            self.risk.style().polish(self.risk)

    def _new_values(self, data: FormsData) -> dict[str, Any]:
        person = data.participant
        values: dict[str, Any] = {"prison": person.get("prison"), "met_by": data.actor_name}
        if person.get("release_date"):
            values["planned_release_at"] = utc_iso(f"{person['release_date']} 08:00")
        return values

    def _fill(self, values: Mapping[str, Any]) -> None:
        self.form.set_values(values)
        self.checklist.set_values(values.get("checklist"))
        self.dirty = False
        self.hint.setText("" if self.record else translate("ReleaseDay", "Not saved yet"))
        set_error(self.error, "")
        self.tick()

    def _another(self) -> None:
        if self.data is None:
            return
        self.record = None
        self._fill(self._new_values(self.data))
        self.form.set_values({**self.form.values(), "planned_release_at": None})
        self.hint.setText(translate("ReleaseDay", "A new release — not saved yet"))
        self.form.editors["planned_release_at"].setFocus()

    def _changed(self) -> None:
        self.dirty = True
        self.hint.setText(translate("ReleaseDay", "Unsaved changes"))
        self.tick()

    def tick(self) -> None:
        """Refresh the appointment card and the countdown (every 30 s, and on edits)."""
        values = self.form.values()
        when, place = (
            values.get("probation_appointment_at"),
            values.get("probation_appointment_place"),
        )
        done = self.checklist.selectors["probation_appointment"].state == "done"
        target = _instant(when)
        if target is None:
            self.appointment.setText(translate("ReleaseDay", "Not booked yet"))
            self.countdown.setText("")
        else:
            self.appointment.setText(local_time(when) + (f" — {place}" if place else ""))
            now = datetime.now(UTC)
            text = translate("ReleaseDay", "✓ done") if done else countdown_text(target, now)
            colour = "#2e7d32" if done else countdown_colour(target, now).name()
            if not done and target < now - timedelta(days=1):
                # an old release: no alarm
                text, colour = translate("ReleaseDay", "in the past"), "#6b7178"
            self.countdown.setText(text)
            self.countdown.setStyleSheet(f"color: {colour};")
        self.countdown.setAccessibleName(
            translate("ReleaseDay", "Probation appointment {countdown}").format(
                countdown=self.countdown.text()
            )
        )
        meet, meet_place = values.get("next_meeting_at"), values.get("next_meeting_place")
        when = local_time(meet) if _instant(meet) else translate("ReleaseDay", "not fixed yet")
        self.meeting.setText(
            translate("ReleaseDay", "Next meeting with the mentor: {when}").format(when=when)
            + (f" — {meet_place}" if meet_place else "")
        )
        self.checklist_title.setText(
            translate("ReleaseDay", "Checklist — {summary}").format(
                summary=self.checklist.summary()
            )
        )

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.form.set_read_only(read_only)
        self.checklist.set_read_only(read_only)
        self.save_button.setEnabled(not read_only)
        self.another_button.setEnabled(not read_only)

    # -- saving --------------------------------------------------------------------------
    def save(self) -> bool:
        if self.read_only:
            return False
        self.form.show_all_errors()
        if not self.form.valid:
            set_error(
                self.error,
                translate("ReleaseDay", "Some details need a look (see the messages in red)."),
            )
            return True
        rec_id = (self.record or {}).get("id")
        values = {**self.form.values(), "checklist": self.checklist.values()}
        new = {k: v for k, v in {**self.form.base, **values}.items() if v is not None}
        self.save_button.setEnabled(False)

        def op(store: Store) -> Record:
            if rec_id is None:
                return store.create("release_day", new)
            return store.update("release_day", rec_id, values)

        self.runner.run(op, self._saved, self._failed, writes=True, owner=self)
        return True

    def _saved(self, record: Record) -> None:
        self.record = record
        self.dirty = False
        self.save_button.setEnabled(True)
        set_error(self.error, "")
        self.hint.setText(translate("ReleaseDay", "Saved"))
        self.saved()

    def _failed(self, message: str, _e: BaseException) -> None:
        self.save_button.setEnabled(True)
        set_error(self.error, message)


def _instant(iso: Any) -> datetime | None:
    if not isinstance(iso, str):
        return None
    try:
        return parse_datetime(iso)
    except ValueError:
        return None


class ReleaseDayWindow(QDialog):
    """Release-day mode: one person's release day, nothing else, in a window of its own.

    Closed like any dialog on lock. Ctrl+S saves; Escape (or Close) saves what was typed
    and closes without asking — at the gate there is no time for a question, and nothing
    typed is ever thrown away (docs/ui.md, "Release-day mode").

    Signals:
        changed(): the release-day record was saved.
    """

    changed = Signal()

    def __init__(self, runner: TaskRunner, participant_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self.participant_id = participant_id
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        title = translate("ReleaseDay", "Release-day mode")
        self.setWindowTitle(title)
        named(self, title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        top = QHBoxLayout()
        self.who = label("", "title")
        top.addWidget(self.who, 1)
        self.flags = label("", "banner", wrap=True)
        self.flags.hide()
        self.sheet_button = button(
            translate("ReleaseDay", "Save the “what happens next” sheet…"),
            translate("ReleaseDay", "Save the what happens next sheet"),
            translate(
                "ReleaseDay", "A one-page PDF for them: appointment, where to stay, next meeting"
            ),
        )
        self.close_button = button(
            translate("ReleaseDay", "Close"), translate("ReleaseDay", "Close release-day mode")
        )
        top.addWidget(self.sheet_button)
        top.addWidget(self.close_button)
        layout.addLayout(top)
        layout.addWidget(self.flags)
        self.panel = ReleaseDayPanel(runner, participant_id, compact=True)
        layout.addWidget(self.panel, 1)
        self.panel.changed.connect(self.changed)
        self.close_button.clicked.connect(self.reject)
        self.sheet_button.clicked.connect(self.save_sheet)
        QShortcut(QKeySequence("Ctrl+S"), self, self.panel.save)
        lock_from(self)
        self.resize(1180, 700)
        self.reload()

    def reload(self) -> None:
        pid = self.participant_id
        self._runner.run(lambda store: load_forms(store, pid), self._show, owner=self)

    def _show(self, data: FormsData | None) -> None:
        if data is None:
            self.reject()
            return
        person = data.participant
        name = display_name(
            person.get("given_name"), person.get("family_name"), person.get("preferred_name")
        )
        self.who.setText(
            translate("ReleaseDay", "Release day — {name} ({reference})").format(
                name=name, reference=person["reference"]
            )
        )
        flags = person.get("safety_flags") or []
        self.flags.setText(
            translate("ReleaseDay", "⚠ Safety: {flags}").format(flags=" · ".join(flags))
            if flags
            else ""
        )
        self.flags.setVisible(bool(flags))
        self.panel.show_data(data)
        self.panel.set_read_only(data.closed)
        self.panel.checklist.first().setFocus()

    def save_sheet(self) -> None:
        # Read on the store worker, lay out here (QTextDocument belongs to the GUI thread),
        # then write and log on the worker; see ui/exports/controller.py for the full pipeline.
        from mentor_desk.export import log
        from mentor_desk.export.common import path_hint, write_bytes
        from mentor_desk.export.document import pdf_bytes
        from mentor_desk.export.release_sheet import collect_release_sheet, render_release_sheet
        from mentor_desk.ui.shell.files import ask_save_path, failure_text

        path = ask_save_path(
            self,
            translate("ReleaseDay", "Save the sheet"),
            "what-happens-next.pdf",
            translate("ReleaseDay", "PDF (*.pdf)"),
        )
        if not path:
            return
        pid = self.participant_id

        def failed(_message: str, error: BaseException) -> None:
            set_error(self.panel.error, failure_text(error))

        def collect(store: Store) -> Any:
            contact = store.meta("export_mentor_contact") or ""
            return collect_release_sheet(store, pid, mentor_contact=contact)

        def lay_out(data: Any) -> None:
            pdf = pdf_bytes(
                render_release_sheet(data), title=translate("ReleaseDay", "What happens next")
            )

            def write(store: Store) -> None:
                write_bytes(path, pdf)
                log.record(store, "release_sheet", participant_id=pid, path_hint=path_hint(path))

            self._runner.run(
                write,
                lambda _r: self.panel.hint.setText(translate("ReleaseDay", "Sheet saved")),
                failed,
                owner=self,
            )

        self._runner.run(collect, lay_out, failed, owner=self)

    def reject(self) -> None:
        if self.panel.dirty and self.isVisible():
            self.panel.save()
        super().reject()
