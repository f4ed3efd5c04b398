"""The main window's export and report actions, kept out of the window itself.

:class:`ExportActions` adds an "Export" menu (the participant's documents, and the
coordinator's CSV files), a "Reports" menu (the dashboard), an "Export or print" button on
every participant's header, and a small progress indicator in the status bar. The work is
done by :class:`~mentor_desk.ui.exports.controller.ExportController`, made (and every export module
loaded) the first time it is needed; the dashboard (and with it matplotlib) is imported only
when it is first opened. Start-up loads neither (docs/benchmarks.md, "Start-up").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressBar,
    QWidget,
)

from mentor_desk.store.role import COORDINATOR, acting_role
from mentor_desk.ui.shell import shortcuts
from mentor_desk.ui.shell.host import HostWindow
from mentor_desk.ui.shell.i18n import translate

if TYPE_CHECKING:
    from mentor_desk.ui.dashboard.window import DashboardWindow
    from mentor_desk.ui.exports.controller import ExportController
    from mentor_desk.ui.exports.files import ChoosePath, Preview


class ExportStatus(QWidget):
    """ "Writing plan.pdf…" with a small bar, in the status bar while an export runs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.text = QLabel("")
        self.bar = QProgressBar()
        self.bar.setAccessibleName(translate("ExportMenu", "Export progress"))
        self.bar.setMaximumWidth(120)
        self.bar.setTextVisible(False)
        row.addWidget(self.text)
        row.addWidget(self.bar)
        self.hide()

    def show_step(self, text: str, step: int, steps: int) -> None:
        self.text.setText(text)
        self.bar.setRange(0, steps)
        self.bar.setValue(step)
        self.setVisible(bool(text))

    def done(self) -> None:
        self.hide()


class ExportActions(QObject):
    """Export and report actions on ``window`` (enabled only while unlocked).

    ``choose_path`` and ``preview`` default to the system's save dialog and print preview.
    """

    def __init__(
        self,
        window: HostWindow,
        choose_path: ChoosePath | None = None,
        preview: Preview | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self._choose_path, self._preview = choose_path, preview
        self._controller: ExportController | None = None
        self.dashboard_window: DashboardWindow | None = None
        self.coordinator = False
        self.last_error: QMessageBox | None = None
        self.plan_pdf = self._participant_action(
            translate("ExportMenu", "Action plan (&PDF)…"),
            lambda pid: self.controller.export_plan(pid, "pdf"),
        )
        self.plan_odt = self._participant_action(
            translate("ExportMenu", "Action plan (editable, .&odt)…"),
            lambda pid: self.controller.export_plan(pid, "odt"),
        )
        self.print_plan = self._participant_action(
            translate("ExportMenu", "P&rint plan…"),
            lambda pid: self.controller.export_plan(pid, "print"),
            shortcuts.PRINT_PLAN,
        )
        self.release_sheet = self._participant_action(
            translate("ExportMenu", "&Release-day sheet…"),
            lambda pid: self.controller.export_release_sheet(pid),
        )
        self.probation = self._participant_action(
            translate("ExportMenu", "Progress summary for pro&bation…"),
            lambda pid: self.controller.export_probation_summary(pid),
        )
        self.subject_access = self._participant_action(
            translate("ExportMenu", "&Everything held about this person (ZIP)…"),
            lambda pid: self.controller.export_subject_access(pid),
        )
        self.csv = self._action(
            translate("ExportMenu", "&CSV files for coordinators…"),
            "",
            lambda: self.controller.export_csv(),
        )
        self.csv.setToolTip(translate("ExportMenu", "For coordinators"))
        self.dashboard = self._action(
            translate("ExportMenu", "&Dashboard…"), shortcuts.DASHBOARD, self.open_dashboard
        )
        self.participant_actions = [
            self.plan_pdf,
            self.plan_odt,
            self.print_plan,
            self.release_sheet,
            self.probation,
            self.subject_access,
        ]
        export_menu = window.menuBar().addMenu(shortcuts.menu("export"))
        self.participant_menu = QMenu(translate("ExportMenu", "Export or print"), window)
        for menu in (export_menu, self.participant_menu):
            menu.addActions(self.participant_actions[:3])
            menu.addSeparator()
            menu.addActions(self.participant_actions[3:])
        export_menu.addSeparator()
        export_menu.addAction(self.csv)
        reports = window.menuBar().addMenu(shortcuts.menu("reports"))
        reports.addAction(self.dashboard)
        reports.addAction(self.csv)
        window.unlocked_actions.extend([*self.participant_actions, self.dashboard])
        for act in [*self.participant_actions, self.dashboard]:
            act.setEnabled(window.is_unlocked)
        self.csv.setEnabled(False)

        self.status = ExportStatus()
        window.statusBar().addPermanentWidget(self.status)
        window.tabs.currentChanged.connect(self._equip_workspace)
        window.unlocked.connect(self.check_role)
        window.locked.connect(self._locked)

    @property
    def controller(self) -> ExportController:
        """The export controller, made on first use (it loads every export module)."""
        if self._controller is None:
            from mentor_desk.ui.exports.controller import ExportController
            from mentor_desk.ui.exports.files import print_preview
            from mentor_desk.ui.shell.files import ask_save_path

            c = ExportController(
                self.window.runner,
                self.window,
                self._choose_path or ask_save_path,
                self._preview or print_preview,
            )
            c.progress.connect(self.status.show_step)
            c.saved.connect(self._saved)
            c.failed.connect(self._failed)
            self._controller = c
        return self._controller

    def _action(self, text: str, keys: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.window)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    def _participant_action(
        self, text: str, slot: Callable[[str], object], keys: str = ""
    ) -> QAction:
        return self._action(text, keys, lambda: self._for_participant(slot))

    def chosen_participant(self) -> str | None:
        """The participant in front, else the one selected in the caseload."""
        return self.window.chosen_participant()

    def _for_participant(self, slot: Callable[[str], object]) -> None:
        if self.window.refuse_for_partner():
            return
        pid = self.chosen_participant()
        if pid is None or not self.window.is_unlocked:
            self.window.statusBar().showMessage(
                translate(
                    "ExportMenu", "Choose someone in the caseload first, or open their record."
                ),
                6000,
            )
            return
        slot(pid)

    def _equip_workspace(self, _index: int = -1) -> None:
        """Give each participant's header its "Export or print" menu."""
        for ws in self.window.workspaces():
            button = getattr(ws.header, "export_button", None)
            if button is not None and button.menu() is None:
                button.setMenu(self.participant_menu)

    # -- role, lock ----------------------------------------------------------------------
    def check_role(self) -> None:
        """CSV files are offered to coordinators only (the server decides who sees what)."""
        self.window.runner.run(
            lambda store: acting_role(store) == COORDINATOR,
            self._set_coordinator,
            owner=self.window,
        )

    def _set_coordinator(self, on: bool) -> None:
        self.coordinator = on
        self.csv.setEnabled(on and self.window.is_unlocked)

    def _locked(self) -> None:
        self._set_coordinator(False)
        if self._controller is not None:
            self._controller.close_dialogs()
        if self.dashboard_window is not None:
            self.dashboard_window.close()
            self.dashboard_window = None
        self.status.done()

    # -- results -------------------------------------------------------------------------
    def _saved(self, path: str) -> None:
        self.status.done()
        self.window.statusBar().showMessage(
            translate("ExportMenu", "Saved to {path}").format(path=path), 15_000
        )

    def _failed(self, message: str) -> None:
        self.status.done()
        self.window.statusBar().showMessage(message, 15_000)
        title = translate("ExportMenu", "Nothing was saved")
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self.window
        )
        box.setAccessibleName(title)
        box.finished.connect(lambda _r: box.deleteLater())
        box.open()
        self.last_error = box

    # -- the dashboard ------------------------------------------------------------------------
    def open_dashboard(self) -> DashboardWindow | None:
        """Reports → Dashboard…; matplotlib is imported here, the first time only."""
        if not self.window.is_unlocked or self.window.refuse_for_partner():
            return None
        if self.dashboard_window is not None:
            self.dashboard_window.raise_()
            self.dashboard_window.activateWindow()
            return self.dashboard_window
        from mentor_desk.ui.dashboard.window import DashboardWindow

        dashboard = DashboardWindow(self.window.runner, self.controller, self.window)
        self.dashboard_window = dashboard
        dashboard.finished.connect(lambda _r: self._dashboard_closed(dashboard))
        dashboard.show()
        dashboard.activateWindow()
        return dashboard

    def _dashboard_closed(self, dashboard: DashboardWindow) -> None:
        if self.dashboard_window is dashboard:
            self.dashboard_window = None
        dashboard.deleteLater()
