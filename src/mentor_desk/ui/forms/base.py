"""The shape every record tab of the workspace shares."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from mentor_desk.ui.forms.data import FormsData
from mentor_desk.ui.shell.tasks import TaskRunner


class RecordTab(QWidget):
    """One tab of a participant's records.

    Signals:
        changed(): something was saved; the workspace reloads every tab.
    """

    changed = Signal()

    def __init__(self, runner: TaskRunner, participant_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.participant_id = participant_id
        self.data: FormsData | None = None
        self.read_only = False

    def show_data(self, data: FormsData) -> None:
        """Show freshly loaded records (keeps unsaved typing where a tab has any)."""
        self.data = data

    def set_read_only(self, read_only: bool) -> None:
        """A closed participant is read-only until reopened."""
        self.read_only = read_only

    def save(self) -> bool:
        """Ctrl+S: save what this tab is editing; False when there is nothing to save."""
        return False

    def saved(self, _result: object = None) -> None:
        self.changed.emit()
