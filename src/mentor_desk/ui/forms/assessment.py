"""Needs assessment by pathway: dated, with earlier assessments and the change since the last.

Each pathway gets a need level (none, some, high — one keyboard stop, keys N/S/H) and a
note. Saving makes a new dated assessment (or changes the one of the same date); the
history table shows every assessment side by side with ↑ (more need than the time before),
↓ (less) or = (the same).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mentor_desk.domain import resources
from mentor_desk.domain.validation import validate
from mentor_desk.domain.vocabulary import NEED_LEVELS
from mentor_desk.store.records import Record, Store
from mentor_desk.ui.forms.base import RecordTab
from mentor_desk.ui.forms.checklist import StateSelector
from mentor_desk.ui.forms.common import date_hint
from mentor_desk.ui.forms.data import FormsData, today_iso
from mentor_desk.ui.forms.records import button
from mentor_desk.ui.shell.i18n import QT_TRANSLATE_NOOP, translate
from mentor_desk.ui.shell.tasks import TaskRunner
from mentor_desk.ui.shell.widgets import label, named, set_error

#: The need levels in words (translated by :func:`level_words`).
LEVEL_WORDS = {
    "none": QT_TRANSLATE_NOOP("Assessment", "None"),
    "some": QT_TRANSLATE_NOOP("Assessment", "Some"),
    "high": QT_TRANSLATE_NOOP("Assessment", "High"),
}
LEVEL_COLOURS = {"none": "#2e7d32", "some": "#b26a00", "high": "#c62828"}
_RANK = {level: i for i, level in enumerate(NEED_LEVELS)}


def level_words() -> dict[str, str]:
    """:data:`LEVEL_WORDS` in the program's language."""
    return {level: translate("Assessment", words) for level, words in LEVEL_WORDS.items()}


def change_mark(now: str | None, before: str | None) -> str:
    """↑ more need than before, ↓ less, = the same, "" when either is unknown."""
    if now not in _RANK or before not in _RANK:
        return ""
    diff = _RANK[now] - _RANK[before]
    return "↑" if diff > 0 else "↓" if diff < 0 else "="


class AssessmentTab(RecordTab):
    """The needs assessment form and the history of earlier assessments."""

    def __init__(self, runner: TaskRunner, participant_id: str, parent: QWidget | None = None):
        super().__init__(runner, participant_id, parent)
        self.record: Record | None = None
        self.dirty = False
        self.pathways = resources.pathway_labels()
        self.words = level_words()
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(label(translate("Assessment", "Needs assessment"), "subtitle"))
        top.addStretch(1)
        when = QLabel(translate("Assessment", "&Date (needed)"))
        self.date = named(QLineEdit(), translate("Assessment", "Date of the assessment"))
        self.date.setPlaceholderText(date_hint())
        self.date.setMaximumWidth(140)
        when.setBuddy(self.date)
        top.addWidget(when)
        top.addWidget(self.date)
        left.addLayout(top)
        self.date_error = label("", "error", wrap=True)
        self.date_error.hide()
        left.addWidget(self.date_error)
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setColumnStretch(2, 1)
        grid.setVerticalSpacing(2)
        self.levels: dict[str, StateSelector] = {}
        self.notes: dict[str, QLineEdit] = {}
        self.marks: dict[str, QLabel] = {}
        for row, (key, text) in enumerate(self.pathways.items()):
            name = QLabel(text)
            selector = StateSelector(text, NEED_LEVELS, self.words, LEVEL_COLOURS)
            name.setBuddy(selector)
            note = named(
                QLineEdit(), translate("Assessment", "Note: {pathway}").format(pathway=text)
            )
            note.setPlaceholderText(translate("Assessment", "Note"))
            mark = QLabel("")
            mark.setMinimumWidth(24)
            grid.addWidget(name, row, 0)
            grid.addWidget(selector, row, 1)
            grid.addWidget(note, row, 2)
            grid.addWidget(mark, row, 3)
            selector.changed.connect(lambda _s: self._changed())
            note.textEdited.connect(lambda _t: self._changed())
            self.levels[key], self.notes[key], self.marks[key] = selector, note, mark
        grid.setRowStretch(len(self.pathways), 1)  # rows together at the top
        for key in self.levels:
            self.setTabOrder(self.levels[key], self.notes[key])
        scroll = named(QScrollArea(), translate("Assessment", "Need by pathway"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        left.addWidget(scroll, 1)
        left.addWidget(
            label(
                translate("Assessment", "↑ more need than last time · ↓ less · = the same"), "hint"
            )
        )
        self.error = label("", "error", wrap=True)
        self.error.hide()
        left.addWidget(self.error)
        bottom = QHBoxLayout()
        self.hint = label("", "hint")
        self.new_button = button(
            translate("Assessment", "Start a new assessment"),
            tip=translate("Assessment", "Today's date, levels carried over"),
        )
        self.save_button = button(
            translate("Assessment", "Save assessment"), tip=translate("Assessment", "Save (Ctrl+S)")
        )
        self.save_button.setProperty("role", "primary")
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.new_button)
        bottom.addWidget(self.save_button)
        left.addLayout(bottom)
        layout.addLayout(left, 3)
        right = QVBoxLayout()
        right.addWidget(label(translate("Assessment", "Earlier assessments"), "subtitle"))
        self.history = named(
            QTableWidget(), translate("Assessment", "Earlier assessments by pathway")
        )
        self.history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.history.setTabKeyNavigation(False)
        self.history.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        right.addWidget(self.history, 1)
        layout.addLayout(right, 2)
        self.date.textChanged.connect(lambda _t: self._changed())
        self.save_button.clicked.connect(self.save)
        self.new_button.clicked.connect(self.start_new)

    # -- showing ---------------------------------------------------------------------
    def show_data(self, data: FormsData) -> None:
        super().show_data(data)
        self._fill_history(data.assessments)
        if not self.dirty:
            self.record = data.assessments[0] if data.assessments else None
            self._fill(self.record)

    def _fill(self, record: Record | None, date_text: str | None = None) -> None:
        needs: dict[str, Any] = (record or {}).get("needs") or {}
        self.date.blockSignals(True)
        self.date.setText(date_text or (record or {}).get("assessed_on") or today_iso())
        self.date.blockSignals(False)
        for key, selector in self.levels.items():
            item = needs.get(key) or {}
            selector.set_state(item.get("level"))
            self.notes[key].setText(str(item.get("note") or ""))
        self.dirty = False
        self.hint.setText("" if self.record else translate("Assessment", "No assessment yet"))
        set_error(self.date_error, "")
        self._marks()

    def _fill_history(self, assessments: list[Record]) -> None:
        shown = assessments[:6]
        self.history.clear()
        self.history.setRowCount(len(self.pathways))
        self.history.setColumnCount(len(shown))
        self.history.setVerticalHeaderLabels(list(self.pathways.values()))
        self.history.setHorizontalHeaderLabels([a["assessed_on"] for a in shown])
        for col, a in enumerate(shown):
            before = shown[col + 1]["needs"] if col + 1 < len(shown) else {}
            for row, key in enumerate(self.pathways):
                now = ((a.get("needs") or {}).get(key) or {}).get("level")
                prev = ((before or {}).get(key) or {}).get("level")
                text = f"{self.words.get(now or '', '—')} {change_mark(now, prev)}".strip()
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.history.setItem(row, col, item)

    def _marks(self) -> None:
        previous = self._previous()
        for key, selector in self.levels.items():
            before = ((previous or {}).get("needs") or {}).get(key) or {}
            mark = change_mark(selector.state, before.get("level"))
            self.marks[key].setText(mark)
            was = self.words.get(str(before.get("level")), "—")
            self.marks[key].setToolTip(
                translate("Assessment", "Last time: {level}").format(level=was)
            )

    def _previous(self) -> Record | None:
        """The assessment before the one being edited."""
        if self.data is None:
            return None
        date_text = self.date.text().strip()
        older = [a for a in self.data.assessments if a["assessed_on"] < date_text]
        return older[0] if older else None

    def start_new(self) -> None:
        """Today's date, with the last levels carried over to adjust."""
        current = self.values()
        self.record = None
        self._fill({"needs": current["needs"]}, today_iso())
        self.hint.setText(translate("Assessment", "A new assessment — not saved yet"))
        self.dirty = True

    def _changed(self) -> None:
        self.dirty = True
        self.hint.setText(translate("Assessment", "Unsaved changes"))
        errors = validate("assessment", self.values())
        date_errors = [e.message for e in errors if e.field == "assessed_on"]
        set_error(
            self.date_error,
            translate("Assessment", "Date {problem}").format(problem=date_errors[0])
            if date_errors
            else "",
        )
        self._marks()

    def values(self) -> dict[str, Any]:
        needs = {
            key: {"level": selector.state, "note": self.notes[key].text().strip()}
            for key, selector in self.levels.items()
            if selector.state
        }
        return {
            "participant_id": self.participant_id,
            "assessed_on": self.date.text().strip(),
            "needs": needs,
        }

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.date.setReadOnly(read_only)
        for key, selector in self.levels.items():
            selector.set_read_only(read_only)
            self.notes[key].setReadOnly(read_only)
        self.save_button.setEnabled(not read_only)
        self.new_button.setEnabled(not read_only)

    def save(self) -> bool:
        if self.read_only:
            return False
        values = self.values()
        errors = validate("assessment", values)
        if errors:
            set_error(
                self.error, "; ".join(f"{e.field.replace('_', ' ')} {e.message}" for e in errors)
            )
            return True
        earlier = self.data.assessments if self.data else []
        same_day = next((a for a in earlier if a["assessed_on"] == values["assessed_on"]), None)
        rec_id = same_day["id"] if same_day else None
        self.save_button.setEnabled(False)

        def op(store: Store) -> Record:
            if rec_id is None:
                return store.create("assessment", values)
            return store.update("assessment", rec_id, values)

        self.runner.run(op, self._saved, self._failed, writes=True, owner=self)
        return True

    def _saved(self, record: Record) -> None:
        self.record = record
        self.dirty = False
        self.save_button.setEnabled(not self.read_only)
        set_error(self.error, "")
        self.hint.setText(translate("Assessment", "Saved"))
        self.saved()

    def _failed(self, message: str, _e: BaseException) -> None:
        self.save_button.setEnabled(True)
        set_error(self.error, message)
