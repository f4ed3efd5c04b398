"""The main window on a partner's laptop (issue 15): the partner's home instead of the caseload.

:class:`PartnerScreens` puts :class:`~mentor_desk.ui.partner.home.PartnerHome` into the
window's stack once a partner's store is open, refreshes it when the store changes or a
sync brings changes, and clears it on lock. Its module is imported only on a partner's
laptop (start-up loads only what the unlock screen and the caseload need).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from mentor_desk.ui.shell.host import HostWindow

if TYPE_CHECKING:
    from mentor_desk.ui.partner.attendance import PitchAttendanceDialog
    from mentor_desk.ui.partner.home import PartnerHome


class PartnerScreens(QObject):
    """The partner's home in ``window``'s stack, made on first use.

    Signals:
        loaded(): the home has read the store once since it was last shown or refreshed.
    """

    loaded = Signal()

    def __init__(self, window: HostWindow) -> None:
        super().__init__(window)
        self.window = window
        self.home: PartnerHome | None = None

    def show(self) -> PartnerHome:
        """Show the home (made the first time) and read the store for it."""
        if self.home is None:
            from mentor_desk.ui.partner.home import PartnerHome

            self.home = PartnerHome(self.window.runner)
            self.home.loaded.connect(self.loaded)
            self.window.stack.addWidget(self.home)
        self.window.stack.setCurrentWidget(self.home)
        self.home.refresh()
        self.home.focus_first()
        return self.home

    def is_showing(self) -> bool:
        return self.home is not None and self.window.stack.currentWidget() is self.home

    def refresh(self) -> None:
        if self.home is not None:
            self.home.refresh()

    def clear(self) -> None:
        if self.home is not None:
            self.home.clear()

    def take_attendance(self) -> PitchAttendanceDialog | None:
        if self.home is None:
            return None
        self.home.tabs.setCurrentWidget(self.home.sessions)
        return self.home.sessions.take_attendance()
