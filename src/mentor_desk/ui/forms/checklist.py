"""The release-day checklist: a state per item as quick toggle buttons, and a note.

Each item's state is one :class:`StateSelector`: a single keyboard stop that takes the first
letter of a state (``D`` done, ``A`` arranged, ``N`` not needed, ``O`` outstanding), or the
arrow keys, and four buttons for the mouse. Tab moves on to the item's note, then the next
item, so the whole checklist can be filled in from the keyboard in a minute.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from mentor_desk.domain import resources
from mentor_desk.ui.shell.i18n import QT_TRANSLATE_NOOP, translate
from mentor_desk.ui.shell.widgets import label, named

#: The checklist's states in words (translated by :func:`state_words`).
STATE_WORDS = {
    "done": QT_TRANSLATE_NOOP("Checklist", "Done"),
    "arranged": QT_TRANSLATE_NOOP("Checklist", "Arranged"),
    "not_needed": QT_TRANSLATE_NOOP("Checklist", "Not needed"),
    "outstanding": QT_TRANSLATE_NOOP("Checklist", "Outstanding"),
}
STATE_COLOURS = {
    "done": "#2e7d32",
    "arranged": "#1d5c8f",
    "not_needed": "#6b7178",
    "outstanding": "#b26a00",
}


def state_words() -> dict[str, str]:
    """:data:`STATE_WORDS` in the program's language."""
    return {state: translate("Checklist", words) for state, words in STATE_WORDS.items()}


class StateSelector(QWidget):
    """One choice among a few states, as toggle buttons with one keyboard stop.

    Signals:
        changed(str): the user picked a state.
    """

    changed = Signal(str)

    def __init__(
        self,
        subject: str,
        states: Sequence[str],
        words: dict[str, str],
        colours: dict[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.subject = subject
        self.states = tuple(states)
        self.words = words
        self._state: str | None = None
        self._read_only = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        row = QHBoxLayout(self)
        row.setContentsMargins(3, 3, 3, 3)
        row.setSpacing(2)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)  # "no state yet" must be possible
        self.buttons: dict[str, QPushButton] = {}
        for state in self.states:
            b = named(
                QPushButton(words[state]),
                translate("Checklist", "{subject}: {state}").format(
                    subject=subject, state=words[state]
                ),
            )
            b.setCheckable(True)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the selector itself takes the keys
            colour = (colours or {}).get(state) or "palette(highlight)"
            b.setStyleSheet(
                "QPushButton { padding: 2px 6px; }"
                f"QPushButton:checked {{ background: {colour}; color: white;"
                f" border: 1px solid {colour}; border-radius: 3px; }}"
            )
            b.clicked.connect(lambda _c=False, s=state: self._pick(s))
            self.group.addButton(b)
            row.addWidget(b)
            self.buttons[state] = b
        self._refresh()

    @property
    def state(self) -> str | None:
        return self._state

    def set_state(self, state: str | None) -> None:
        self._state = state if state in self.states else None
        self._refresh()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for b in self.buttons.values():
            b.setEnabled(not read_only or b.isChecked())

    def _pick(self, state: str) -> None:
        if self._read_only:
            self._refresh()
            return
        self._state = state
        self._refresh()
        self.changed.emit(state)

    def _refresh(self) -> None:
        for state, b in self.buttons.items():
            b.setChecked(state == self._state)
        now = self.words.get(self._state or "", translate("Checklist", "not set"))
        keys = ", ".join(
            translate("Checklist", "{letter} for {state}").format(
                letter=self.words[s][0], state=self.words[s].lower()
            )
            for s in self.states
        )
        self.setAccessibleName(
            translate("Checklist", "{subject}: {state}").format(subject=self.subject, state=now)
        )
        self.setAccessibleDescription(
            translate("Checklist", "Press {keys}; or the arrow keys").format(keys=keys)
        )
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text().lower()
        for state in self.states:
            if text and self.words[state].lower().startswith(text):
                self._pick(state)
                return
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Space):
            step = -1 if key == Qt.Key.Key_Left else 1
            at = self.states.index(self._state) if self._state in self.states else -1
            self._pick(self.states[(at + step) % len(self.states)])
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.hasFocus():
            painter = QPainter(self)
            pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 2)
            painter.setPen(pen)
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 4, 4)
            painter.end()


class ChecklistWidget(QWidget):
    """Every checklist item of ``resources/checklist.json``: its state and a note.

    Signals:
        changed(): a state or a note was changed by the user.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items = resources.checklist_items()
        self.selectors: dict[str, StateSelector] = {}
        self.notes: dict[str, QLineEdit] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(2, 1)
        row, group = 0, ""
        for item in self.items:
            if item.get("group") != group:
                group = str(item.get("group"))
                heading = label(group, "hint")
                heading.setContentsMargins(0, 6 if row else 0, 0, 0)
                grid.addWidget(heading, row, 0, 1, 3)
                row += 1
            text = str(item["label"]) + ("  ★" if item.get("urgent") else "")
            name = QLabel(text)
            name.setToolTip(
                translate("Checklist", "The most urgent item") if item.get("urgent") else ""
            )
            selector = StateSelector(
                str(item["label"]), resources.checklist_states(), state_words(), STATE_COLOURS
            )
            note = named(
                QLineEdit(), translate("Checklist", "Note: {item}").format(item=item["label"])
            )
            note.setPlaceholderText(translate("Checklist", "Note"))
            name.setBuddy(selector)
            grid.addWidget(name, row, 0)
            grid.addWidget(selector, row, 1)
            grid.addWidget(note, row, 2)
            selector.changed.connect(lambda _s: self.changed.emit())
            note.textEdited.connect(lambda _t: self.changed.emit())
            self.selectors[str(item["key"])] = selector
            self.notes[str(item["key"])] = note
            row += 1
        for key in self.selectors:
            self.setTabOrder(self.selectors[key], self.notes[key])

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, selector in self.selectors.items():
            note = self.notes[key].text().strip()
            if selector.state:
                out[key] = {"state": selector.state, "note": note}
            elif note:
                out[key] = {"state": "outstanding", "note": note}
        return out

    def set_values(self, checklist: dict[str, Any] | None) -> None:
        checklist = checklist or {}
        for key, selector in self.selectors.items():
            item = checklist.get(key) or {}
            selector.set_state(item.get("state") or "outstanding")
            self.notes[key].setText(str(item.get("note") or ""))

    def set_read_only(self, read_only: bool) -> None:
        for key, selector in self.selectors.items():
            selector.set_read_only(read_only)
            self.notes[key].setReadOnly(read_only)

    def summary(self) -> str:
        states = [s.state for s in self.selectors.values()]
        settled = sum(1 for s in states if s in ("done", "arranged", "not_needed"))
        return translate("Checklist", "{settled} of {total} sorted").format(
            settled=settled, total=len(states)
        )

    def first(self) -> StateSelector:
        return next(iter(self.selectors.values()))


def _span(seconds: float) -> str:
    minutes = int(abs(seconds) // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days == 1:
        return translate("Checklist", "1 day {hours} h").format(hours=hours)
    if days:
        return translate("Checklist", "{days} days {hours} h").format(days=days, hours=hours)
    if hours:
        return translate("Checklist", "{hours} h {mins} min").format(hours=hours, mins=mins)
    return translate("Checklist", "{mins} min").format(mins=mins)


def countdown_text(target: datetime, now: datetime) -> str:
    """ "in 3 h 20 min", "now", or "overdue by 40 min" (both arguments timezone-aware)."""
    seconds = (target - now).total_seconds()
    if abs(seconds) < 60:
        return translate("Checklist", "now")
    if seconds > 0:
        return translate("Checklist", "in {span}").format(span=_span(seconds))
    return translate("Checklist", "overdue by {span}").format(span=_span(seconds))


def countdown_colour(target: datetime, now: datetime) -> QColor:
    """Red when overdue, amber within two hours, else the calm accent."""
    seconds = (target - now).total_seconds()
    if seconds < 0:
        return QColor("#c62828")
    if seconds < 2 * 3600:
        return QColor("#b26a00")
    return QColor("#2f6f73")
