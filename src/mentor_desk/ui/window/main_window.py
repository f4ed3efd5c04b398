"""The main window: start pages while locked, the caseload and participant tabs once open.

The window only arranges screens and routes actions; each screen owns its own work (see
:mod:`start_pages`, :mod:`caseload`, :mod:`workspace`). Locking (Ctrl+L or idle) keeps every
unsaved note as an encrypted draft, closes the store, and drops every participant's data
from the screen. On a partner organisation's laptop the partner's home shows instead of the
caseload, and the mentor's screens do not open (:mod:`partner_mode`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QWidget,
)

from mentor_desk.store.keys import KdfParams
from mentor_desk.store.profile import Profile
from mentor_desk.store.records import Record, Store
from mentor_desk.store.role import MENTOR, PARTNER, acting_role
from mentor_desk.ui.caseload.model import ID_ROLE
from mentor_desk.ui.caseload.page import CaseloadPage
from mentor_desk.ui.shell import shortcuts
from mentor_desk.ui.shell.drafts import (
    FORM_DRAFT_KIND,
    PROFILE_DRAFT_KIND,
    Draft,
    keep_forms_for_lock,
    load_drafts,
)
from mentor_desk.ui.shell.host import HostWindow
from mentor_desk.ui.shell.i18n import translate
from mentor_desk.ui.shell.idle import IdleWatcher
from mentor_desk.ui.shell.start_pages import FirstRunPage, PreparingPage, UnlockPage
from mentor_desk.ui.shell.tasks import TaskRunner
from mentor_desk.ui.shell.theme import icon
from mentor_desk.ui.window.export_menu import ExportActions
from mentor_desk.ui.window.help_menu import About, ProblemReport
from mentor_desk.ui.window.language import LanguageAction
from mentor_desk.ui.window.partner_mode import PartnerScreens
from mentor_desk.ui.window.records_menu import FormActions

if TYPE_CHECKING:
    # Imported where first used: start-up loads only what the unlock screen and the
    # caseload need (docs/benchmarks.md, "Start-up").
    from mentor_desk.ui.participant.workspace import ParticipantWorkspace
    from mentor_desk.ui.partner.attendance import PitchAttendanceDialog
    from mentor_desk.ui.shell.drafts import DraftOfferDialog

DemoOpener = Callable[[Callable[[int, int], None]], Store]


@dataclass(frozen=True)
class WindowOptions:
    """What the composition root decides for the window (see ``mentor_desk.app``)."""

    kdf: KdfParams
    idle_lock_ms: int = 10 * 60 * 1000
    autosave_ms: int = 3000
    demo_passphrase: str | None = None
    demo_opener: DemoOpener | None = None


class MainWindow(HostWindow):
    """Mentor Desk's one window (its signals are :class:`HostWindow`'s)."""

    _demo_progress = Signal(int, int)

    def __init__(
        self,
        profile: Profile,
        runner: TaskRunner,
        options: WindowOptions,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.profile, self.runner, self.options = profile, runner, options
        self.is_unlocked = False
        self._ready_pending = False
        self.offers: list[DraftOfferDialog] = []
        self.setWindowTitle(
            translate("MainWindow", "Mentor Desk — demo")
            if options.demo_passphrase
            else "Mentor Desk"
        )
        self.setWindowIcon(icon("app", "#2f6f73"))
        self.resize(1280, 800)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.first_run = FirstRunPage(profile, runner, options.kdf)
        self.unlock_page = UnlockPage(profile, runner, options.demo_passphrase)
        self.preparing = PreparingPage()
        self.tabs = QTabWidget()
        tabs_name = translate("MainWindow", "Caseload and open participants")
        self.tabs.setAccessibleName(tabs_name)
        self.tabs.tabBar().setAccessibleName(tabs_name)
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.caseload = CaseloadPage(runner)
        self.tabs.addTab(self.caseload, icon("people"), translate("MainWindow", "Caseload"))
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)
        for page in (self.first_run, self.unlock_page, self.preparing, self.tabs):
            self.stack.addWidget(page)
        self.idle = IdleWatcher(options.idle_lock_ms, self)
        self._build_status_bar()
        self._build_actions()
        self.form_actions = FormActions(self)  # release-day mode, attendance, team, directory
        self.export_actions = ExportActions(self)  # exports, print, dashboard
        self.partner = PartnerScreens(self)  # a partner organisation's home
        self.partner.loaded.connect(self._caseload_shown)
        self.first_run.unlocked.connect(self._on_unlocked)
        self.unlock_page.unlocked.connect(self._on_unlocked)
        self.caseload.open_participant.connect(self.open_participant)
        self.caseload.loaded.connect(self._caseload_shown)
        self.caseload.load_failed.connect(self._caseload_failed)
        self.caseload.new_participant.connect(self.new_participant)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.idle.timed_out.connect(self.lock)
        self.runner.data_changed.connect(self._data_changed)
        self.runner.failed.connect(lambda m: self.statusBar().showMessage(m, 10_000))
        self.runner.busy_changed.connect(self._show_busy)
        self._demo_progress.connect(self.preparing.progress)

    # -- building ----------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        # The sharing status next to it is added by ``sync_ui.SyncUi``.
        self.busy = QProgressBar()
        self.busy.setAccessibleName(translate("MainWindow", "Working"))
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.hide()
        self.statusBar().addPermanentWidget(self.busy)

    def _show_busy(self, busy: bool) -> None:
        """The status bar's "Working" bar; not while a start page shows its own progress."""
        working = self.stack.currentWidget() is self.tabs or self.partner.is_showing()
        self.busy.setVisible(busy and working)

    def _action(
        self, text: str, keys: str, slot: Callable[[], object], icon_name: str = ""
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if icon_name:
            action.setIcon(icon(icon_name))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        s = shortcuts
        self.act_new_participant = self._action(
            translate("MainWindow", "&New participant…"),
            s.NEW_PARTICIPANT,
            self.new_participant,
            "person-add",
        )
        self.act_new_note = self._action(
            translate("MainWindow", "New &note"), s.NEW_NOTE, self.new_note, "note-add"
        )
        self.act_save = self._action(translate("MainWindow", "&Save"), s.SAVE, self.save, "save")
        self.act_close_tab = self._action(
            translate("MainWindow", "&Close participant"),
            s.CLOSE_TAB,
            lambda: self.close_tab(self.tabs.currentIndex()),
        )
        self.act_lock = self._action(translate("MainWindow", "&Lock"), s.LOCK, self.lock, "lock")
        self.act_quit = self._action(translate("MainWindow", "&Quit"), s.QUIT, self.close)
        self.act_search = self._action(
            translate("MainWindow", "&Search caseload"), s.SEARCH, self.focus_search, "search"
        )
        self.act_caseload = self._action(
            translate("MainWindow", "&Caseload"),
            s.CASELOAD,
            self.show_home,
            "people",
        )
        self.act_help = self._action(
            translate("MainWindow", "&Keyboard shortcuts"), s.HELP, self.show_shortcuts, "help"
        )
        self.unlocked_actions = [
            self.act_new_participant,
            self.act_new_note,
            self.act_save,
            self.act_close_tab,
            self.act_lock,
            self.act_search,
            self.act_caseload,
        ]
        bar = self.menuBar()
        file_menu = bar.addMenu(s.menu("file"))
        for act in (self.act_new_participant, self.act_new_note, self.act_save, self.act_close_tab):
            file_menu.addAction(act)
        file_menu.addSeparator()
        self.language = LanguageAction(self)  # File → Language… (works while locked too)
        file_menu.addAction(self.language.action)
        file_menu.addAction(self.act_lock)
        file_menu.addAction(self.act_quit)
        go_menu = bar.addMenu(s.menu("go"))
        go_menu.addAction(self.act_caseload)
        go_menu.addAction(self.act_search)
        help_menu = bar.addMenu(s.menu("help"))
        help_menu.addAction(self.act_help)
        self.problem_report = ProblemReport(self)
        help_menu.addAction(self.problem_report.action)
        self.about = About(self)
        help_menu.addAction(self.about.action)
        self._set_unlocked_actions(False)

    def _set_unlocked_actions(self, on: bool) -> None:
        for act in self.unlocked_actions:
            act.setEnabled(on)

    # -- start, unlock, lock ----------------------------------------------------------------
    def start(self) -> None:
        """Show the right first screen: demo preparation, unlock, or first-run setup."""
        opener = self.options.demo_opener
        if opener is not None:
            self.stack.setCurrentWidget(self.preparing)
            emit = self._demo_progress.emit
            self.runner.open(
                lambda: opener(emit),
                lambda _s: self._on_unlocked(),
                lambda m, _e: self._demo_failed(m),
                owner=self,
            )
        elif self.profile.exists():
            self.show_unlock()
            self.unlock_page.try_keychain()
        else:
            self.stack.setCurrentWidget(self.first_run)
            self.first_run.focus_first()

    def show_unlock(self) -> None:
        self.stack.setCurrentWidget(self.unlock_page)
        self.unlock_page.focus_first()

    def _demo_failed(self, message: str) -> None:
        QMessageBox.critical(
            self, translate("MainWindow", "The demo could not be prepared"), message
        )
        self.close()

    def _on_unlocked(self) -> None:
        self.is_unlocked = True
        # The role decides the first screen: a partner's laptop never shows the caseload.
        self.runner.run(acting_role, self._opened, lambda _m, _e: self._opened(MENTOR), owner=self)

    def _opened(self, role: str) -> None:
        if not self.is_unlocked:
            return  # locked again meanwhile
        self.partner_mode = role == PARTNER
        self._set_unlocked_actions(True)
        self._ready_pending = True
        if self.partner_mode:
            self.partner.show()
        else:
            self.stack.setCurrentWidget(self.tabs)
            self.tabs.setCurrentWidget(self.caseload)
            self.caseload.refresh()
            self.caseload.focus_search()
        self.unlock_page.replay_typeahead()  # keys typed while the store was opening
        self.idle.start()
        if not self.partner_mode:  # a partner's forms keep no drafts (docs/partnership.md)
            self.runner.run(load_drafts, self._offer_drafts, owner=self)
        self.unlocked.emit()

    def _caseload_shown(self) -> None:
        if self._ready_pending:
            self._ready_pending = False
            # Queued behind the paint the new rows asked for.
            QTimer.singleShot(0, self._emit_ready)

    def _caseload_failed(self, message: str) -> None:
        self.statusBar().showMessage(message, 10_000)
        self._caseload_shown()

    def _emit_ready(self) -> None:
        if self.is_unlocked:
            self.ready.emit()

    def lock(self) -> None:
        """Keep drafts, close the store, hide everything, show the unlock screen."""
        if not self.is_unlocked:
            return
        self._clear_screens(keep_drafts=True)
        self.runner.close()
        self.show_unlock()
        self.locked.emit()

    def return_to_first_run(self) -> None:
        """The store is gone (wiped when the server withdrew this computer): start afresh."""
        self._clear_screens(keep_drafts=False)
        self.stack.setCurrentWidget(self.first_run)
        self.first_run.focus_first()
        self.locked.emit()

    def _clear_screens(self, keep_drafts: bool) -> None:
        self.is_unlocked = False
        self._ready_pending = False
        self.idle.stop()
        self.offers.clear()
        # queued before the store closes: a half-filled form is kept (not when wiping)
        keep_forms_for_lock(self, keep_drafts)
        for dialog in self.findChildren(QDialog):
            dialog.reject()  # e.g. a half-filled "New participant": nothing stays on screen
        if keep_drafts:
            for ws in self.workspaces():
                ws.flush_drafts()
        while self.tabs.count() > 1:
            widget = self.tabs.widget(1)
            self.tabs.removeTab(1)
            if widget is not None:
                widget.deleteLater()
        self.caseload.clear()
        self.partner.clear()
        self.partner_mode = False
        self._set_unlocked_actions(False)

    # -- drafts -----------------------------------------------------------------------------
    def _offer_drafts(self, drafts: list[Draft]) -> None:
        if not self.is_unlocked:
            return
        from mentor_desk.ui.shell.drafts import DraftOfferDialog

        for draft in drafts:
            if any(
                ws.notes.editor and ws.notes.editor.draft_key == draft.key
                for ws in self.workspaces()
            ):
                continue
            dialog = DraftOfferDialog(draft, self)
            dialog.recover.connect(self._recover_draft)
            dialog.discard.connect(
                lambda d: self.runner.run(lambda store: store.delete_draft(d.key))
            )
            dialog.finished.connect(lambda _r, dlg=dialog: self._offer_done(dlg))
            self.offers.append(dialog)
        if self.offers:
            self.offers[0].open()

    def _offer_done(self, dialog: DraftOfferDialog) -> None:
        if dialog in self.offers:
            self.offers.remove(dialog)
        dialog.deleteLater()
        if self.offers and self.is_unlocked:
            self.offers[0].open()

    def _recover_draft(self, draft: Draft) -> None:
        if draft.kind == FORM_DRAFT_KIND:
            self._recover_form(draft)
            return
        ws = self.open_participant(draft.participant_id)
        if ws is None:
            return
        if draft.kind == PROFILE_DRAFT_KIND:
            ws.tabs.setCurrentWidget(ws.overview)
            ws.overview.restore_draft(draft.body)
            return
        ws.show_notes()
        ws.notes.new_note(draft=draft.body, draft_key=draft.key)

    def _recover_form(self, draft: Draft) -> None:
        """Open the form a draft was kept from again, holding what was typed."""
        values = dict(draft.body.get("values") or {})
        if draft.body.get("new_participant"):
            self.new_participant(recovered=values, draft_key=draft.key)
            return
        from mentor_desk.ui.forms.records import RecordDialog

        recipe = dict(draft.body.get("recipe") or {})
        ws = self.open_participant(draft.participant_id)
        if ws is None:
            return
        rid = recipe.get("record_id")
        name = str(recipe.get("entity") or "")

        def reopen(record: Record | None) -> None:
            if rid and record is None:
                self.statusBar().showMessage(
                    translate(
                        "MainWindow",
                        "That record was deleted since; what was typed is kept for now.",
                    ),
                    10_000,
                )
                return
            dialog = RecordDialog.reopen(self.runner, recipe, values, record, draft.key, ws)
            dialog.saved.connect(lambda _rec: ws.reload())
            dialog.finished.connect(lambda _r: dialog.deleteLater())
            dialog.open()

        self.runner.run(lambda store: store.get(name, rid) if rid else None, reopen, owner=ws)

    # -- participants -------------------------------------------------------------------------
    def caseload_view(self) -> QTableView:
        return self.caseload.table

    def refresh_caseload(self) -> None:
        if self.partner_mode:
            self.partner.refresh()
        else:
            self.caseload.refresh()

    def chosen_participant(self) -> str | None:
        ws = self.current_workspace()
        if ws is not None:
            return ws.participant_id
        index = self.caseload.table.currentIndex()
        return str(index.data(ID_ROLE)) if index.isValid() else None

    def workspaces(self) -> list[ParticipantWorkspace]:  # type: ignore[override]
        if self.tabs.count() <= 1:
            return []  # only the caseload (so no need to load the workspace's module)
        from mentor_desk.ui.participant.workspace import ParticipantWorkspace

        found = (self.tabs.widget(i) for i in range(self.tabs.count()))
        return [w for w in found if isinstance(w, ParticipantWorkspace)]

    def current_workspace(self) -> ParticipantWorkspace | None:
        widget = self.tabs.currentWidget()
        if widget is None or widget is self.caseload:
            return None
        from mentor_desk.ui.participant.workspace import ParticipantWorkspace

        return widget if isinstance(widget, ParticipantWorkspace) else None

    def open_participant(self, participant_id: str) -> ParticipantWorkspace | None:
        if self.refuse_for_partner():
            return None
        for ws in self.workspaces():
            if ws.participant_id == participant_id:
                self.tabs.setCurrentWidget(ws)
                return ws
        from mentor_desk.ui.participant.workspace import ParticipantWorkspace

        ws = ParticipantWorkspace(self.runner, participant_id, self.options.autosave_ms)
        index = self.tabs.addTab(ws, "…")
        ws.loaded.connect(lambda name, w=ws: self.tabs.setTabText(self.tabs.indexOf(w), name))
        ws.missing.connect(lambda w=ws: self.close_tab(self.tabs.indexOf(w)))
        self.tabs.setCurrentIndex(index)
        ws.reload()
        return ws

    def close_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget is None or widget is self.caseload:
            return
        from mentor_desk.ui.participant.workspace import ParticipantWorkspace

        if not isinstance(widget, ParticipantWorkspace):
            return
        if widget.overview.dirty or (widget.notes.editor is not None and widget.notes.editor.dirty):
            widget.flush_drafts()
            self.statusBar().showMessage(
                translate(
                    "MainWindow",
                    "Your unsaved work is kept safely; it will be offered back next time.",
                ),
                8000,
            )
        self.tabs.removeTab(index)
        widget.deleteLater()

    def new_participant(
        self, recovered: dict[str, Any] | None = None, draft_key: str | None = None
    ) -> None:
        """Ctrl+N; or the form again from a kept draft (``recovered`` values, its key)."""
        if not self.is_unlocked or self.refuse_for_partner():
            return
        from mentor_desk.ui.participant.profile_form import NewParticipantDialog

        dialog = NewParticipantDialog(self.runner, self, recovered=recovered, draft_key=draft_key)
        dialog.created.connect(self.open_participant)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()

    def new_note(self) -> None:
        if self.refuse_for_partner():
            return
        ws = self.current_workspace()
        if ws is None:
            self.statusBar().showMessage(
                translate("MainWindow", "Open a participant first, then press {keys}.").format(
                    keys=shortcuts.NEW_NOTE
                ),
                6000,
            )
            return
        ws.new_note()

    def save(self) -> None:
        ws = self.current_workspace()
        if ws is not None:
            ws.save()

    def focus_search(self) -> None:
        if self.partner_mode:
            self.show_home()
            return
        self.tabs.setCurrentWidget(self.caseload)
        self.caseload.focus_search()

    def show_home(self) -> None:
        """Ctrl+1: the caseload, or on a partner's laptop the partner's home."""
        if self.partner_mode and self.partner.home is not None:
            self.stack.setCurrentWidget(self.partner.home)
            self.partner.home.focus_first()
            return
        self.tabs.setCurrentWidget(self.caseload)

    def take_partner_attendance(self) -> PitchAttendanceDialog | None:
        return self.partner.take_attendance() if self.partner_mode else None

    def show_shortcuts(self) -> None:
        dialog = shortcuts.ShortcutsDialog(self)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()

    # -- status ---------------------------------------------------------------------------------
    def _data_changed(self) -> None:
        self.refresh_caseload()

    def raise_window(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        for ws in self.workspaces():
            ws.flush_drafts()
        self.idle.stop()
        event.accept()
