"""Attendance at the pitch, offline: one of the partner's sessions, a date, who came.

:class:`PitchAttendanceDialog` lists the session's attendees (their reference and preferred
name — all a partner holds) with yes / late / no for each; Save writes attendance records
through the store (``store/partner.save_attendance``: a person already recorded that day has
their record changed, not a second one made). They go out at the next sync.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mentor_desk.store import partner
from mentor_desk.store.partner import Attendee
from mentor_desk.store.records import Record, Store
from mentor_desk.ui.forms.common import date_hint
from mentor_desk.ui.forms.directory import session_label
from mentor_desk.ui.shell.i18n import QT_TRANSLATE_NOOP, translate
from mentor_desk.ui.shell.tasks import TaskRunner
from mentor_desk.ui.shell.widgets import error_and_buttons, label, named, set_error

#: The choices per person, in the order the keyboard meets them (first letters Y, L, N).
MARKS = (
    ("", QT_TRANSLATE_NOOP("Attendance", "— not recorded")),
    ("yes", QT_TRANSLATE_NOOP("Attendance", "Yes, came")),
    ("late", QT_TRANSLATE_NOOP("Attendance", "Late")),
    ("no", QT_TRANSLATE_NOOP("Attendance", "No, did not come")),
)


def _valid_day(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


class PitchAttendanceDialog(QDialog):
    """Who came to one session on one day.

    Signals:
        saved(int): how many attendance records were written.
    """

    saved = Signal(int)

    def __init__(
        self,
        runner: TaskRunner,
        session: Record,
        people: list[Attendee],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self.session = session
        self.people = list(people)
        title = translate("Attendance", "Attendance: {session}").format(
            session=session_label(session)
        )
        self.setWindowTitle(title)
        named(self, title)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.date = named(
            QLineEdit(date.today().isoformat()), translate("Attendance", "Date of the session")
        )
        self.date.setPlaceholderText(date_hint())
        form.addRow(translate("Attendance", "&Date"), self.date)
        layout.addLayout(form)
        layout.addWidget(
            label(
                translate(
                    "Attendance",
                    "For each person choose Yes, Late or No (type Y, L or N); people left at "
                    "“not recorded” are not saved. Saved here, sent at the next sync.",
                ),
                "hint",
                wrap=True,
            )
        )
        self.table = named(QTableWidget(0, 3), translate("Attendance", "Who came"))
        self.table.setHorizontalHeaderLabels(
            [
                translate("Attendance", "Reference"),
                translate("Attendance", "Name"),
                translate("Attendance", "Attended"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.marks: list[QComboBox] = []
        self.table.setRowCount(len(self.people))
        for row, person in enumerate(self.people):
            self.table.setItem(row, 0, QTableWidgetItem(person.reference))
            self.table.setItem(row, 1, QTableWidgetItem(person.name))
            box = named(
                QComboBox(),
                translate("Attendance", "Attended: {name}").format(name=person.name),
            )
            for code, text in MARKS:
                box.addItem(translate("Attendance", text), code or None)
            self.table.setCellWidget(row, 2, box)
            self.marks.append(box)
        layout.addWidget(self.table, 1)
        self.error, self.save_button = error_and_buttons(
            self,
            layout,
            translate("Attendance", "Save attendance"),
        )
        if not self.people:
            set_error(
                self.error,
                translate(
                    "Attendance",
                    "Nobody is expected at this session yet: the people a mentor refers "
                    "here appear after the next sync.",
                ),
            )
            self.save_button.setEnabled(False)
        self.date.editingFinished.connect(self.load_day)
        self.resize(640, 520)
        self.load_day()

    def load_day(self) -> None:
        """Show what is already recorded for the date typed (changing it, not doubling it)."""
        day = self.date.text().strip()
        if not _valid_day(day):
            return
        sid = str(self.session["id"])
        self._runner.run(
            lambda store: partner.attendance_on(store, sid, day),
            self._show_day,
            owner=self,
        )

    def _show_day(self, recorded: dict[str, str]) -> None:
        for person, box in zip(self.people, self.marks, strict=True):
            index = box.findData(recorded.get(person.participant_id) or None)
            box.setCurrentIndex(max(index, 0))

    def marks_chosen(self) -> dict[str, str | None]:
        """participant id → the mark chosen (``None``: not recorded)."""
        return {
            person.participant_id: box.currentData()
            for person, box in zip(self.people, self.marks, strict=True)
        }

    def save(self) -> None:
        day = self.date.text().strip()
        if not _valid_day(day):
            set_error(
                self.error,
                translate("Attendance", "Type the date as {hint}.").format(hint=date_hint()),
            )
            self.date.setFocus()
            return
        marks = self.marks_chosen()
        if all(m is None for m in marks.values()):
            set_error(
                self.error, translate("Attendance", "Choose Yes, Late or No for someone first.")
            )
            return
        self.save_button.setEnabled(False)
        sid = str(self.session["id"])

        def op(store: Store) -> int:
            return partner.save_attendance(store, sid, day, marks)

        self._runner.run(op, self._saved, self._failed, writes=True, owner=self)

    def _saved(self, count: int) -> None:
        self.saved.emit(count)
        self.accept()

    def _failed(self, message: str, _e: BaseException) -> None:
        self.save_button.setEnabled(True)
        set_error(self.error, message)
