"""Sessions and check-ins: attendance at activity sessions, wellbeing check-ins and the trend.

Attendance is recorded per person here (with engagement, any concern and the two "tell
probation" flags), or for a whole session at once with :class:`SessionAttendanceDialog`
(Records → Session attendance, Ctrl+Shift+A): everyone active is listed, and only the
people given yes / late / no are saved.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mentor_desk.domain.validation import validate
from mentor_desk.store.caseload import display_name
from mentor_desk.store.records import Record, Store
from mentor_desk.ui.forms.base import RecordTab
from mentor_desk.ui.forms.checkins import TrendView, checkin_dialog
from mentor_desk.ui.forms.common import date_hint
from mentor_desk.ui.forms.data import FormsData, today_iso
from mentor_desk.ui.forms.directory import session_label
from mentor_desk.ui.forms.records import (
    RecordDialog,
    RecordTableModel,
    button,
    open_dialog,
    record_table,
)
from mentor_desk.ui.shell.i18n import QT_TRANSLATE_NOOP, translate
from mentor_desk.ui.shell.tasks import TaskRunner
from mentor_desk.ui.shell.widgets import label, named, plain, save_from, set_error

ATTENDANCE_FIELDS = (
    "session_id",
    "attended_on",
    "attended",
    "minutes_active",
    "engagement",
    "concern",
    "tell_probation_behaviour",
    "tell_probation_concern",
)
ATTENDANCE_LABELS = {
    "tell_probation_behaviour": QT_TRANSLATE_NOOP(
        "Sessions", "Tell probation about poor behaviour"
    ),
    "tell_probation_concern": QT_TRANSLATE_NOOP("Sessions", "Tell probation about a concern"),
}


def _yes(value: object) -> str:
    return "✓" if value else ""


class SessionsTab(RecordTab):
    """This person's attendance (left) and check-ins with the trend (right)."""

    def __init__(self, runner: TaskRunner, participant_id: str, parent: QWidget | None = None):
        super().__init__(runner, participant_id, parent)
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(label(translate("Sessions", "Sessions attended"), "subtitle"))
        self.attendance = RecordTableModel(
            [
                (translate("Sessions", "Date"), lambda a: a.get("attended_on") or ""),
                (translate("Sessions", "Session"), self._session_name),
                (translate("Sessions", "Attended"), lambda a: plain(a.get("attended"))),
                (translate("Sessions", "Minutes"), lambda a: str(a.get("minutes_active") or "")),
                (translate("Sessions", "How they engaged"), lambda a: a.get("engagement") or ""),
                (translate("Sessions", "Tell probation"), self._tell),
            ],
            self,
        )
        self.attendance_table = record_table(
            self.attendance, translate("Sessions", "Sessions attended"), stretch=4
        )
        left.addWidget(self.attendance_table, 1)
        self.record_button = button(
            translate("Sessions", "Record attendance…"),
            translate("Sessions", "Record attendance at a session"),
        )
        left.addLayout(_row(self.record_button))
        right = QVBoxLayout()
        right.addWidget(label(translate("Sessions", "Check-ins"), "subtitle"))
        self.trend = TrendView()
        right.addWidget(self.trend)
        self.check_ins = RecordTableModel(
            [
                (translate("Sessions", "Date"), lambda c: c["checked_on"]),
                (translate("Sessions", "Life"), lambda c: _num(c.get("life_satisfaction"))),
                (translate("Sessions", "Worth"), lambda c: _num(c.get("worthwhile"))),
                (translate("Sessions", "Happy"), lambda c: _num(c.get("happiness"))),
                (translate("Sessions", "Anxious"), lambda c: _num(c.get("anxiety"))),
                (translate("Sessions", "Active days"), lambda c: _num(c.get("active_days"))),
                (translate("Sessions", "Housing"), lambda c: plain(c.get("accommodation_status"))),
                (translate("Sessions", "Offence/arrest/recall"), _trouble),
            ],
            self,
        )
        self.checkin_table = record_table(
            self.check_ins, translate("Sessions", "Check-ins"), stretch=6
        )
        right.addWidget(self.checkin_table, 1)
        self.checkin_button = button(
            translate("Sessions", "New check-in…"), translate("Sessions", "New check-in")
        )
        right.addLayout(_row(self.checkin_button))
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)
        self.record_button.clicked.connect(self.record_attendance)
        self.checkin_button.clicked.connect(self.new_check_in)

    def _session_name(self, a: Record) -> str:
        session = self.data.session(a.get("session_id")) if self.data else None
        return (session or {}).get("name") or translate("Sessions", "(session no longer listed)")

    @staticmethod
    def _tell(a: Record) -> str:
        said = [translate("Sessions", "behaviour") if a.get("tell_probation_behaviour") else ""]
        said.append(translate("Sessions", "concern") if a.get("tell_probation_concern") else "")
        return ", ".join(s for s in said if s)

    def show_data(self, data: FormsData) -> None:
        super().show_data(data)
        self.attendance.set_records(data.attendance)
        self.check_ins.set_records(list(reversed(data.check_ins)))
        self.trend.set_check_ins(data.check_ins)
        self.set_read_only(self.read_only)

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        has_sessions = bool(self.data and self.data.sessions)
        self.record_button.setEnabled(not read_only and has_sessions)
        self.record_button.setToolTip(
            "" if has_sessions else translate("Sessions", "The timetable has no sessions yet")
        )
        self.checkin_button.setEnabled(not read_only)

    def record_attendance(self) -> RecordDialog | None:
        if self.data is None or not self.data.sessions:
            return None
        dialog = RecordDialog(
            self.runner,
            "attendance",
            ATTENDANCE_FIELDS,
            title=translate("Sessions", "Record attendance"),
            base={"participant_id": self.participant_id},
            initial={"attended_on": today_iso(), "attended": "yes"},
            labels={name: translate("Sessions", text) for name, text in ATTENDANCE_LABELS.items()},
            options={"session_id": [(s["id"], session_label(s)) for s in self.data.sessions]},
            parent=self,
        )
        open_dialog(dialog, self.saved)
        return dialog

    def new_check_in(self) -> RecordDialog:
        dialog = checkin_dialog(self.runner, self.participant_id, self)
        open_dialog(dialog, self.saved)
        return dialog


def _num(value: object) -> str:
    return "" if value is None else str(value)


def _trouble(c: Record) -> str:
    words = (
        (translate("Sessions", "offence"), "new_offence"),
        (translate("Sessions", "arrest"), "arrested"),
        (translate("Sessions", "recall"), "recalled"),
    )
    said = [w for w, k in words if c.get(k)]
    return "⚠ " + ", ".join(said) if said else ""


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    for w in widgets:
        row.addWidget(w)
    return row


@dataclass
class Roll:
    """What the whole-session dialog needs: the timetable and everyone active."""

    sessions: list[Record]
    people: list[Record]


def load_roll(store: Store) -> Roll:
    people = store.list("participant", where={"status": "active"}, order_by=["family_name"])
    return Roll(store.list("activity_session", order_by=["name"]), people)


class SessionAttendanceDialog(QDialog):
    """Attendance for a whole session: one row per active participant.

    Signals:
        saved(int): how many attendance records were written.
    """

    saved = Signal(int)
    ATTENDED = ("", "yes", "late", "no")

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.people: list[Record] = []
        self.setWindowTitle(translate("Sessions", "Session attendance"))
        named(self, translate("Sessions", "Session attendance"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.session = named(QComboBox(), translate("Sessions", "Session"))
        self.date = named(QLineEdit(today_iso()), translate("Sessions", "Date of the session"))
        self.date.setPlaceholderText(date_hint())
        form.addRow(translate("Sessions", "&Session"), self.session)
        form.addRow(translate("Sessions", "&Date"), self.date)
        layout.addLayout(form)
        layout.addWidget(
            label(
                translate(
                    "Sessions", "Set Attended for each person expected; the others are left out."
                ),
                "hint",
            )
        )
        self.table = named(QTableWidget(0, 4), translate("Sessions", "Who came"))
        self.table.setHorizontalHeaderLabels(
            [
                translate("Sessions", "Person"),
                translate("Sessions", "Attended"),
                translate("Sessions", "Minutes active"),
                translate("Sessions", "How they engaged"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.error = label("", "error", wrap=True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        named(self.save_button, translate("Sessions", "Save attendance"))
        named(
            buttons.button(QDialogButtonBox.StandardButton.Cancel), translate("Sessions", "Cancel")
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        save_from(self, self.save_button)
        self.save_button.setEnabled(False)
        self.resize(760, 560)
        runner.run(load_roll, self._loaded, owner=self)

    def _loaded(self, roll: Roll) -> None:
        for s in roll.sessions:
            self.session.addItem(session_label(s), s["id"])
        self.people = roll.people
        self.table.setRowCount(len(roll.people))
        for row, p in enumerate(roll.people):
            name = display_name(p.get("given_name"), p.get("family_name"), p.get("preferred_name"))
            self.table.setItem(row, 0, QTableWidgetItem(f"{name} ({p['reference']})"))
            attended = named(
                QComboBox(), translate("Sessions", "Attended: {name}").format(name=name)
            )
            for code in self.ATTENDED:
                attended.addItem(plain(code) or "—", code or None)
            minutes = named(
                QSpinBox(), translate("Sessions", "Minutes active: {name}").format(name=name)
            )
            minutes.setRange(0, 600)
            minutes.setSpecialValueText("—")
            engaged = named(
                QLineEdit(), translate("Sessions", "How they engaged: {name}").format(name=name)
            )
            self.table.setCellWidget(row, 1, attended)
            self.table.setCellWidget(row, 2, minutes)
            self.table.setCellWidget(row, 3, engaged)
        self.save_button.setEnabled(bool(roll.sessions and roll.people))
        if not roll.sessions:
            set_error(
                self.error,
                translate(
                    "Sessions", "The timetable has no sessions yet (a coordinator adds them)."
                ),
            )

    def row_widgets(self, row: int) -> tuple[QComboBox, QSpinBox, QLineEdit]:
        a, m, e = (self.table.cellWidget(row, c) for c in (1, 2, 3))
        assert isinstance(a, QComboBox) and isinstance(m, QSpinBox) and isinstance(e, QLineEdit)
        return a, m, e

    def rows(self) -> list[dict[str, object]]:
        out: list[dict[str, object]] = []
        for row, person in enumerate(self.people):
            attended, minutes, engaged = self.row_widgets(row)
            if attended.currentData() is None:
                continue
            values: dict[str, object] = {
                "participant_id": person["id"],
                "session_id": self.session.currentData(),
                "attended_on": self.date.text().strip(),
                "attended": attended.currentData(),
            }
            if minutes.value():
                values["minutes_active"] = minutes.value()
            if engaged.text().strip():
                values["engagement"] = engaged.text().strip()
            out.append(values)
        return out

    def save(self) -> None:
        rows = self.rows()
        if not rows:
            set_error(self.error, translate("Sessions", "Set Attended for at least one person."))
            return
        errors = [e for r in rows for e in validate("attendance", r)]
        if errors:
            words = {
                "attended_on": translate("Sessions", "Date"),
                "session_id": translate("Sessions", "Session"),
            }
            first = errors[0]
            set_error(self.error, f"{words.get(first.field, first.field)} {first.message}")
            return
        self.save_button.setEnabled(False)

        def op(store: Store) -> int:
            with store.transaction():
                for values in rows:
                    store.create("attendance", values)
            return len(rows)

        self._runner.run(op, self._saved, self._failed, writes=True, owner=self)

    def _saved(self, count: int) -> None:
        self.saved.emit(count)
        self.accept()

    def _failed(self, message: str, _e: BaseException) -> None:
        self.save_button.setEnabled(True)
        set_error(self.error, message)
