"""Go → Partnership…: the partnership screen (:mod:`mentor_desk.ui.partnership`).

Built by the composition root beside the sync wiring, since saving an agreement needs the
network pool. The screen's module is imported when it first opens, not at start-up, and the
screen closes when the program locks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from mentor_desk.ui.shell.host import HostWindow
from mentor_desk.ui.shell.i18n import translate
from mentor_desk.ui.shell.network import NetRunner

if TYPE_CHECKING:
    from mentor_desk.ui.partnership.screen import PartnershipWindow


class PartnershipAction(QObject):
    """The Go menu's "Partnership…" entry on ``window`` (enabled while unlocked)."""

    def __init__(self, window: HostWindow, net: NetRunner) -> None:
        super().__init__(window)
        self.window, self.net = window, net
        self.screen: PartnershipWindow | None = None
        self.action = QAction(translate("Partnership", "&Partnership…"), window)
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.triggered.connect(lambda _checked=False: self.open())
        go = next(
            (m for m in window.act_caseload.associatedObjects() if isinstance(m, QMenu)), None
        )
        if go is not None:
            go.addSeparator()
            go.addAction(self.action)
        window.addAction(self.action)
        window.unlocked_actions.append(self.action)
        self.action.setEnabled(window.is_unlocked)
        window.locked.connect(self._close)

    def open(self) -> PartnershipWindow | None:
        if not self.window.is_unlocked:
            return None
        if self.screen is None:
            from mentor_desk.ui.partnership.screen import PartnershipWindow

            screen = self.screen = PartnershipWindow(self.window.runner, self.net, self.window)
            screen.finished.connect(lambda _r: self._forget(screen))
            screen.show()
        else:  # already open: bring it to the front with fresh figures
            self.screen.reload()
            self.screen.raise_()
        self.screen.activateWindow()
        return self.screen

    def _forget(self, screen: PartnershipWindow) -> None:
        if self.screen is screen:
            self.screen = None
        screen.deleteLater()

    def _close(self) -> None:
        if self.screen is not None:
            self.screen.reject()
