"""The background page check after unlock: every page of the store authenticated.

Unlock only touches the first pages of each table (a full check reads the whole file, over a
second at office size). After unlock, :class:`IntegrityCheck` runs the full check on the
network pool, on its own read-only connection, and warns plainly if any page is damaged —
before the damage can surprise the mentor in the middle of writing a note.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from mentor_desk.ui.shell.i18n import QT_TRANSLATE_NOOP, translate
from mentor_desk.ui.shell.network import NetRunner
from mentor_desk.ui.shell.tasks import TaskRunner

# In English here; the warning shows them translated.
DAMAGED_TITLE = QT_TRANSLATE_NOOP("Integrity", "Your data file is damaged")
DAMAGED_TEXT = QT_TRANSLATE_NOOP(
    "Integrity",
    "Mentor Desk checked your encrypted data file and found damaged parts. What you can "
    "see now may be incomplete, and saving may fail.\n\n"
    "Do not delete anything. If this computer syncs with a partnership server, ask your "
    "coordinator to set it up again from the server; otherwise restore the data folder from "
    "a backup.",
)


class IntegrityCheck(QObject):
    """Runs the full page check once per unlock.

    Signals:
        finished(int): damaged pages found (0 = all good, -1 = the file could not be read).
    """

    finished = Signal(int)

    def __init__(
        self,
        window: QWidget,
        runner: TaskRunner,
        net: NetRunner,
        warn: Callable[[QWidget, str, str], object] | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.runner = runner
        self.net = net
        self.warn = warn or (lambda w, t, m: QMessageBox.warning(w, t, m))

    def start(self) -> None:
        self.runner.run(lambda s: s.page_check, self._check, owner=self)

    def _check(self, page_check: Callable[[], int]) -> None:
        self.net.run(page_check, self._done, lambda _m, _e: self._done(-1), owner=self)

    def _done(self, damaged: int) -> None:
        if damaged:
            self.warn(
                self.window,
                translate("Integrity", DAMAGED_TITLE),
                translate("Integrity", DAMAGED_TEXT),
            )
        self.finished.emit(damaged)
