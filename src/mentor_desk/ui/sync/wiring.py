"""Puts sync into the window: status bar corner, Sync menu (F5), joining, dialogs, banner.

Kept out of :mod:`main_window` so the window only arranges screens; the composition root
(``mentor_desk.app``) builds a :class:`SyncUi` for the window and the controller.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox, QToolBar

from mentor_desk.store.keys import KdfParams
from mentor_desk.ui.shell import shortcuts
from mentor_desk.ui.shell.host import HostWindow
from mentor_desk.ui.shell.i18n import translate
from mentor_desk.ui.shell.network import NetRunner
from mentor_desk.ui.shell.widgets import named
from mentor_desk.ui.sync.controller import Phase, SyncController, SyncState
from mentor_desk.ui.sync.join import JoinDialog, JoinServerPage
from mentor_desk.ui.sync.status import FirstSyncDialog, SyncBanner, SyncStatusWidget

if TYPE_CHECKING:
    # The dialogs are imported when first opened, not at start-up.
    from mentor_desk.sync.engine import SyncReport
    from mentor_desk.ui.sync.attention import AttentionDialog
    from mentor_desk.ui.sync.conflicts import ConflictsDialog
    from mentor_desk.ui.sync.sign_in_again import SignInAgainDialog


class SyncUi(QObject):
    """The sync parts of the window, wired to one :class:`SyncController`."""

    def __init__(
        self,
        window: HostWindow,
        sync: SyncController,
        net: NetRunner,
        kdf: KdfParams,
        *,
        demo: bool = False,
    ) -> None:
        super().__init__(window)
        self.window, self.sync, self.net, self.demo = window, sync, net, demo
        self.first_sync: FirstSyncDialog | None = None
        self.conflicts: ConflictsDialog | None = None
        self.attention: AttentionDialog | None = None
        self.join_dialog: JoinDialog | None = None
        self.sign_in_dialog: SignInAgainDialog | None = None
        self.notice: QMessageBox | None = None
        self.status = SyncStatusWidget()
        window.statusBar().addPermanentWidget(self.status)
        self.banner = SyncBanner()
        self.banner_bar = QToolBar(translate("SyncWiring", "Sync warnings"))
        self.banner_bar.setObjectName("sync-banner")
        self.banner_bar.setMovable(False)
        self.banner_bar.setFloatable(False)
        self.banner_bar.toggleViewAction().setEnabled(False)
        self.banner_bar.addWidget(self.banner)
        self.banner_bar.hide()
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.banner_bar)
        self.join_page = JoinServerPage(window.profile, window.runner, net, kdf)
        window.stack.addWidget(self.join_page)
        self._build_actions()
        window.first_run.join_requested.connect(self.show_join_page)
        self.join_page.back.connect(self._back_to_first_run)
        self.join_page.unlocked.connect(window.first_run.unlocked)
        window.ready.connect(sync.activate)  # after the first screen, not competing with it
        window.locked.connect(self._locked)
        self.status.conflicts_clicked.connect(self.show_conflicts)
        self.status.attention_clicked.connect(self.show_attention)
        self.status.sign_in_clicked.connect(self.show_sign_in)
        sync.state_changed.connect(self._state_changed)
        sync.cycle_started.connect(self._cycle_started)
        sync.progress.connect(self._progress)
        sync.cycle_finished.connect(self._cycle_finished)
        sync.revoked.connect(self._revoked)
        sync.too_old.connect(self.banner_message)
        sync.mass_delete.connect(self._ask_mass_delete)
        if demo:
            window.first_run.join_button.hide()

    def _build_actions(self) -> None:
        w = self.window
        self.act_sync_now = self._action(
            translate("SyncWiring", "&Sync now"), shortcuts.SYNC_NOW, self.sync_now
        )
        self.act_conflicts = self._action(
            translate("SyncWiring", "&Conflicts to review…"), "", self.show_conflicts
        )
        self.act_attention = self._action(
            translate("SyncWiring", "Changes that need &attention…"), "", self.show_attention
        )
        self.act_join = self._action(
            translate("SyncWiring", "&Join a partnership server…"), "", self.show_join_dialog
        )
        self.act_sign_in = self._action(
            translate("SyncWiring", "Sign &in again…"), "", self.show_sign_in
        )
        menu = QMenu(shortcuts.menu("sync"), w)
        for act in (self.act_sync_now, self.act_sign_in, self.act_conflicts, self.act_attention):
            menu.addAction(act)
        menu.addSeparator()
        menu.addAction(self.act_join)
        help_action = w.act_help.associatedObjects()
        before = next((m.menuAction() for m in help_action if isinstance(m, QMenu)), None)
        if before is not None:
            w.menuBar().insertMenu(before, menu)
        else:
            w.menuBar().addMenu(menu)
        file_menu = next((m for m in w.act_lock.associatedObjects() if isinstance(m, QMenu)), None)
        if file_menu is not None:
            file_menu.insertAction(w.act_lock, self.act_join)
            file_menu.insertSeparator(w.act_lock)
        self.sync_menu = menu
        self._enable(SyncState())

    def _action(self, text: str, keys: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.window)
        if keys:
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    # -- state ----------------------------------------------------------------------------
    def _state_changed(self, state: SyncState) -> None:
        self.status.show_state(state)
        self._enable(state)
        self._state_stopped(state)
        if state.phase not in (Phase.STOPPED, Phase.LOCKED):
            self.banner_message("")

    def _enable(self, state: SyncState) -> None:
        open_ = state.phase is not Phase.LOCKED
        joined = open_ and state.phase is not Phase.LOCAL
        self.act_sync_now.setEnabled(joined)
        self.act_conflicts.setEnabled(open_)
        self.act_attention.setEnabled(open_)
        self.act_join.setEnabled(open_ and not joined and not self.demo)
        self.act_join.setVisible(not self.demo)
        self.act_sign_in.setEnabled(state.phase is Phase.STOPPED and state.signed_out)

    def banner_message(self, text: str) -> None:
        if text:
            self.banner.show_message(text)
            self.banner_bar.show()
        else:
            self.banner.clear()
            self.banner_bar.hide()

    def _locked(self) -> None:
        self.sync.deactivate()
        self.banner_message("")
        dialog, self.first_sync = self.first_sync, None
        if dialog is not None:
            dialog.ended = True
            dialog.close()
            dialog.deleteLater()

    def sync_now(self) -> None:
        if not self.sync.is_joined:
            self.window.statusBar().showMessage(
                translate(
                    "SyncWiring",
                    "This profile is not joined to a server: File → Join a partnership server…",
                ),
                8000,
            )
            return
        if not self.sync.sync_now(manual=True):
            self.window.statusBar().showMessage(
                translate("SyncWiring", "A sync is already running."), 4000
            )

    # -- first sync progress ------------------------------------------------------------------
    def _cycle_started(self, first: bool) -> None:
        if first:
            self.show_first_sync()

    def show_first_sync(self) -> FirstSyncDialog:
        if self.first_sync is None:
            dialog = self.first_sync = FirstSyncDialog(self.window)
            dialog.finished.connect(lambda _r: self._first_sync_closed(dialog))
            dialog.show()
        return self.first_sync

    def _first_sync_closed(self, dialog: FirstSyncDialog) -> None:
        if not dialog.ended:
            return  # "Keep working": hidden, still following the sync
        if self.first_sync is dialog:
            self.first_sync = None
        dialog.deleteLater()

    def _progress(self, phase: str, done: int, total: int) -> None:
        if (
            self.first_sync is None
            and phase == "pull"
            and total - done >= self.sync.timing.large_pull
        ):
            self.show_first_sync()
        if self.first_sync is not None:
            self.first_sync.set_progress(phase, done, total)

    def _cycle_finished(self, report: SyncReport) -> None:
        self._end_first_sync(report, "")
        if report.pulled or report.scope_removed:
            self.window.refresh_caseload()
        if report.pulled:  # other people's changes: open records show them too
            for workspace in self.window.workspaces():
                workspace.reload()
        for view in (self.conflicts, self.attention):
            if view is not None and view.isVisible():
                view.reload()

    def _end_first_sync(self, report: SyncReport | None, message: str) -> None:
        dialog = self.first_sync
        if dialog is None:
            return
        hidden = not dialog.isVisible()
        dialog.finish(report, message)
        if hidden:
            self.first_sync = None
            dialog.deleteLater()

    def _state_stopped(self, state: SyncState) -> None:
        if state.phase in (Phase.OFFLINE, Phase.RETRYING, Phase.STOPPED):
            self._end_first_sync(None, state.problem)

    # -- screens -----------------------------------------------------------------------------
    def show_conflicts(self) -> None:
        if not self.window.is_unlocked:
            return
        if self.conflicts is None:
            from mentor_desk.ui.sync.conflicts import ConflictsDialog

            dialog = self.conflicts = ConflictsDialog(self.window.runner, self.sync, self.window)
            dialog.finished.connect(lambda _r: self._forget("conflicts", dialog))
        self.conflicts.show()
        self.conflicts.raise_()
        self.conflicts.activateWindow()

    def show_attention(self) -> None:
        if not self.window.is_unlocked:
            return
        if self.attention is None:
            from mentor_desk.ui.sync.attention import AttentionDialog

            dialog = self.attention = AttentionDialog(self.window.runner, self.sync, self.window)
            dialog.open_participant.connect(self.window.open_participant)
            dialog.finished.connect(lambda _r: self._forget("attention", dialog))
        self.attention.show()
        self.attention.raise_()
        self.attention.activateWindow()

    def _forget(self, name: str, dialog: QDialog) -> None:
        if getattr(self, name) is dialog:
            setattr(self, name, None)
        dialog.deleteLater()

    def show_join_dialog(self) -> None:
        if not self.window.is_unlocked or self.sync.is_joined or self.demo:
            return
        if self.join_dialog is None:
            dialog = self.join_dialog = JoinDialog(self.window.runner, self.net, self.window)
            dialog.joined.connect(self.sync.activate)
            dialog.finished.connect(lambda _r: self._forget("join_dialog", dialog))
        self.join_dialog.open()

    def show_sign_in(self) -> None:
        """Sign in again after a 401; the sync goes on once the new token is kept."""
        account = self.sync.account
        if not self.window.is_unlocked or account is None or not self.sync.state.signed_out:
            return
        if self.sign_in_dialog is None:
            from mentor_desk.ui.sync.sign_in_again import SignInAgainDialog

            dialog = SignInAgainDialog(self.window.runner, self.net, account.url, self.window)
            self.sign_in_dialog = dialog
            dialog.signed_in.connect(self.sync.activate)
            dialog.finished.connect(lambda _r: self._forget("sign_in_dialog", dialog))
        self.sign_in_dialog.open()

    def show_join_page(self) -> None:
        self.window.stack.setCurrentWidget(self.join_page)
        self.join_page.focus_first()

    def _back_to_first_run(self) -> None:
        self.window.stack.setCurrentWidget(self.window.first_run)
        self.window.first_run.focus_first()

    # -- stops that need the person ----------------------------------------------------------------
    def _revoked(self, message: str) -> None:
        self.window.return_to_first_run()
        self._tell(translate("SyncWiring", "This computer was disconnected"), message)

    def _tell(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=self.window)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.finished.connect(lambda _r: box.deleteLater())
        self.notice = box
        box.open()

    def _ask_mass_delete(self, doomed: int, total: int) -> None:
        self._end_first_sync(None, translate("SyncWiring", "Sync stopped to ask you something."))
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            translate("SyncWiring", "The server asks to remove many records"),
            translate(
                "SyncWiring",
                "The server's answer would remove {doomed} of the {total} records on this "
                "computer. That can be right (for example after a big reassignment), or a sign "
                "that something went wrong on the server.\n\nIf you are not sure, choose Stop "
                "and ask your coordinator. Nothing has been removed.",
            ).format(doomed=f"{doomed:,}", total=f"{total:,}"),
            parent=self.window,
        )
        go_on_text = translate("SyncWiring", "Continue")
        stop_text = translate("SyncWiring", "Stop")
        go_on = named(box.addButton(go_on_text, QMessageBox.ButtonRole.AcceptRole), go_on_text)
        stop = named(box.addButton(stop_text, QMessageBox.ButtonRole.RejectRole), stop_text)
        box.setDefaultButton(stop)

        def answered(_r: int) -> None:
            if box.clickedButton() is go_on:
                self.sync.continue_mass_delete()
            box.deleteLater()

        box.finished.connect(answered)
        self.notice = box
        box.open()
