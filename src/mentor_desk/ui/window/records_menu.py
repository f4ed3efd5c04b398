"""The main window's actions for the record screens, kept out of the window itself.

:class:`FormActions` adds a "Records" menu, the caseload's right-click menu and the
shortcuts: Release-day mode (Ctrl+R) for the participant chosen in the caseload or open in
front, session attendance for a whole session (Ctrl+Shift+A), and for coordinators the team
view (Ctrl+T), the service directory and the activity timetable. Each screen's module is
imported when the screen is first opened, not at start-up (docs/benchmarks.md, "Start-up").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog

from mentor_desk.store.role import COORDINATOR, acting_role
from mentor_desk.ui.shell import shortcuts
from mentor_desk.ui.shell.host import HostWindow
from mentor_desk.ui.shell.i18n import translate

if TYPE_CHECKING:
    from mentor_desk.ui.coordinator.team import TeamWindow
    from mentor_desk.ui.forms.directory import ListEditorDialog
    from mentor_desk.ui.forms.release_day import ReleaseDayWindow
    from mentor_desk.ui.forms.sessions import SessionAttendanceDialog


class FormActions(QObject):
    """Actions of the record screens on ``window`` (enabled only while unlocked)."""

    def __init__(self, window: HostWindow) -> None:
        super().__init__(window)
        self.window = window
        self.release_day = self._action(
            translate("RecordsMenu", "&Release-day mode…"),
            shortcuts.RELEASE_DAY,
            self.open_release_day,
        )
        self.attendance = self._action(
            translate("RecordsMenu", "Session &attendance…"),
            shortcuts.SESSION_ATTENDANCE,
            self.open_attendance,
        )
        self.team = self._action(translate("RecordsMenu", "&Team…"), shortcuts.TEAM, self.open_team)
        self.directory = self._action(
            translate("RecordsMenu", "Service &directory…"), "", self.open_directory
        )
        self.timetable = self._action(
            translate("RecordsMenu", "Activity time&table…"), "", self.open_timetable
        )
        menu = window.menuBar().addMenu(shortcuts.menu("records"))
        menu.addAction(self.release_day)
        menu.addAction(self.attendance)
        section = translate("RecordsMenu", "Coordinators")
        coordinators = menu.addSection(section)
        coordinators.setText(section)
        for act in (self.team, self.directory, self.timetable):
            menu.addAction(act)
        table = window.caseload_view()
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        table.addAction(self.release_day)
        self.actions = [self.release_day, self.attendance]
        self.coordinator_actions = [self.team, self.directory, self.timetable]
        window.unlocked_actions.extend(self.actions)
        for act in self.actions:
            act.setEnabled(window.is_unlocked)
        for act in self.coordinator_actions:
            act.setEnabled(False)
            act.setToolTip(translate("RecordsMenu", "For coordinators"))
        window.unlocked.connect(self.check_role)
        window.locked.connect(lambda: self._set_coordinator(False))

    def check_role(self) -> None:
        """Coordinator tools are offered only to a coordinator (the server checks again)."""
        self.window.runner.run(
            lambda store: acting_role(store) == COORDINATOR,
            self._set_coordinator,
            owner=self.window,
        )

    def _set_coordinator(self, on: bool) -> None:
        for act in self.coordinator_actions:
            act.setEnabled(on and self.window.is_unlocked)

    def _action(self, text: str, keys: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.window)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    def chosen_participant(self) -> str | None:
        """The participant in front, else the one selected in the caseload."""
        return self.window.chosen_participant()

    def _show(self, dialog: QDialog) -> QDialog:
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.show()
        dialog.activateWindow()
        return dialog

    def open_release_day(self) -> ReleaseDayWindow | None:
        if self.window.refuse_for_partner():
            return None
        pid = self.chosen_participant()
        if pid is None or not self.window.is_unlocked:
            self.window.statusBar().showMessage(
                translate(
                    "RecordsMenu", "Choose someone in the caseload first, then press {keys}."
                ).format(keys=shortcuts.RELEASE_DAY),
                6000,
            )
            return None
        from mentor_desk.ui.forms.release_day import ReleaseDayWindow

        dialog = ReleaseDayWindow(self.window.runner, pid, self.window)
        dialog.changed.connect(self._refresh_open)
        self._show(dialog)
        return dialog

    def open_attendance(self) -> SessionAttendanceDialog | None:
        if not self.window.is_unlocked:
            return None
        if self.window.partner_mode:  # the pitch's own attendance: only its attendees
            self.window.take_partner_attendance()
            return None
        from mentor_desk.ui.forms.sessions import SessionAttendanceDialog

        dialog = SessionAttendanceDialog(self.window.runner, self.window)
        dialog.saved.connect(lambda _n: self._refresh_open())
        self._show(dialog)
        return dialog

    def open_team(self) -> TeamWindow | None:
        if not self.team.isEnabled():
            return None
        from mentor_desk.ui.coordinator.team import TeamWindow

        dialog = TeamWindow(self.window.runner, self.window)
        dialog.finished.connect(lambda _r: self._refresh_open())
        self._show(dialog)
        return dialog

    def open_directory(self) -> ListEditorDialog | None:
        if not self.directory.isEnabled():
            return None
        from mentor_desk.ui.forms.directory import directory_editor

        dialog = directory_editor(self.window.runner, self.window)
        dialog.finished.connect(lambda _r: self._refresh_open())
        self._show(dialog)
        return dialog

    def open_timetable(self) -> ListEditorDialog | None:
        if not self.timetable.isEnabled():
            return None
        from mentor_desk.ui.forms.directory import timetable_editor

        dialog = timetable_editor(self.window.runner, self.window)
        dialog.finished.connect(lambda _r: self._refresh_open())
        self._show(dialog)
        return dialog

    def _refresh_open(self) -> None:
        for ws in self.window.workspaces():
            ws.reload()
