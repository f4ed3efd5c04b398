"""The main window's actions for the record screens, kept out of the window itself.

:class:`FormActions` adds a "Records" menu, the caseload's right-click menu and the
shortcuts: Release-day mode (Ctrl+R) for the participant chosen in the caseload or open in
front, session attendance for a whole session (Ctrl+Shift+A), and for coordinators the team
view (Ctrl+T), the service directory and the activity timetable.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog

from mentor_desk.ui import shortcuts
from mentor_desk.ui.caseload_model import ID_ROLE
from mentor_desk.ui.forms.release_day import ReleaseDayWindow

if TYPE_CHECKING:
    from mentor_desk.ui.main_window import MainWindow


class FormActions(QObject):
    """Actions of the record screens on ``window`` (enabled only while unlocked)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.release_day = self._action(
            "&Release-day mode…", shortcuts.RELEASE_DAY, self.open_release_day
        )
        menu = window.menuBar().addMenu("&Records")
        menu.addAction(self.release_day)
        table = window.caseload.table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        table.addAction(self.release_day)
        self.actions = [self.release_day]
        window.unlocked_actions.extend(self.actions)
        for act in self.actions:
            act.setEnabled(window.is_unlocked)

    def _action(self, text: str, keys: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    def chosen_participant(self) -> str | None:
        """The participant in front, else the one selected in the caseload."""
        ws = self.window.current_workspace()
        if ws is not None:
            return ws.participant_id
        index = self.window.caseload.table.currentIndex()
        return str(index.data(ID_ROLE)) if index.isValid() else None

    def _show(self, dialog: QDialog) -> QDialog:
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.show()
        dialog.activateWindow()
        return dialog

    def open_release_day(self) -> ReleaseDayWindow | None:
        pid = self.chosen_participant()
        if pid is None or not self.window.is_unlocked:
            self.window.statusBar().showMessage(
                "Choose someone in the caseload first, then press Ctrl+R.", 6000
            )
            return None
        dialog = ReleaseDayWindow(self.window.runner, pid, self.window)
        dialog.changed.connect(self._refresh_open)
        self._show(dialog)
        return dialog

    def _refresh_open(self) -> None:
        for ws in self.window.workspaces():
            ws.reload()
