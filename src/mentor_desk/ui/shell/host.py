"""What the window's helpers may ask of the main window: :class:`HostWindow`.

The menus and the sync wiring (:mod:`mentor_desk.ui.window.export_menu`,
:mod:`mentor_desk.ui.window.records_menu`, :mod:`mentor_desk.ui.sync.wiring`) are built by
the main window or the composition root and act on it. They take this small base class,
not :class:`~mentor_desk.ui.window.main_window.MainWindow`, so none of them imports the
window that imports them (no import circle), and a test can stand one up without the rest.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QTableView, QTabWidget, QWidget

from mentor_desk.store.profile import Profile
from mentor_desk.ui.shell.i18n import translate
from mentor_desk.ui.shell.start_pages import FirstRunPage
from mentor_desk.ui.shell.tasks import TaskRunner


class OpenRecord(Protocol):
    """A participant's workspace as the window's helpers see it."""

    @property
    def participant_id(self) -> str: ...

    @property
    def header(self) -> QWidget: ...

    def reload(self) -> None: ...


class HostWindow(QMainWindow):
    """The main window's face to its helpers.

    Signals:
        unlocked(): the store is open and the caseload is showing.
        ready(): after an unlock, the caseload's rows are on screen (or could not be read):
            background work (syncing, the full page check) starts here, so that it does not
            compete with the first screen.
        locked(): the store was closed and the unlock screen is showing.
    """

    unlocked = Signal()
    ready = Signal()
    locked = Signal()

    profile: Profile
    runner: TaskRunner
    is_unlocked: bool
    stack: QStackedWidget
    first_run: FirstRunPage
    unlocked_actions: list[QAction]
    tabs: QTabWidget  # the caseload and the open participants
    act_caseload: QAction  # Go → Caseload (the partnership screen's entry joins it)
    act_lock: QAction  # File → Lock (the sync wiring puts "Join…" above it)
    act_help: QAction  # Help → Keyboard shortcuts (the Sync menu goes before Help)
    #: The store is a partner organisation's (issue 15): the partner's home shows instead of
    #: the caseload, and the mentor's screens do not open.
    partner_mode: bool = False

    def refuse_for_partner(self) -> bool:
        """On a partner's laptop say plainly why a mentor's screen does not open; True then."""
        if not self.partner_mode:
            return False
        self.statusBar().showMessage(
            translate(
                "PartnerHome",
                "Not on a partner's computer: it holds only the reference, the name they go "
                "by and the safety flags you need to know of the people at your sessions, so "
                "the mentor's screens do not open here.",
            ),
            10_000,
        )
        return True

    def take_partner_attendance(self) -> object:
        """Attendance at the chosen one of the partner's sessions (partner mode only)."""
        raise NotImplementedError

    def caseload_view(self) -> QTableView:
        """The caseload's table (for its right-click menu)."""
        raise NotImplementedError

    def refresh_caseload(self) -> None:
        raise NotImplementedError

    def chosen_participant(self) -> str | None:
        """The participant in front, else the one selected in the caseload."""
        raise NotImplementedError

    def current_workspace(self) -> OpenRecord | None:
        raise NotImplementedError

    def workspaces(self) -> list[OpenRecord]:
        raise NotImplementedError

    def open_participant(self, participant_id: str) -> object:
        raise NotImplementedError

    def return_to_first_run(self) -> None:
        raise NotImplementedError
