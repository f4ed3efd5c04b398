"""Keys typed while the program is busy unlocking are kept and played back afterwards.

A mentor at a café types the passphrase, Enter, then at once Ctrl+F and a name. Opening
the store takes 0.2 s on a quiet laptop and up to ~2 s under load; without this those keys
would land on a disabled passphrase box and be lost. While :class:`TypeAhead` is
capturing, every key of the window is held (and no shortcut fires); :meth:`replay` sends
them, in order, to whatever has the focus once the caseload is showing, exactly as Qt
plays back recorded input (a non-spontaneous key press is offered to shortcuts first).
:meth:`discard` drops them — after a wrong passphrase nothing typed is kept.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

_KEYS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease)
LIMIT = 200  # keys held at most; more is not typing ahead


class TypeAhead(QObject):
    """Holds the keys typed into ``window`` between :meth:`capture` and :meth:`replay`."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._held: list[tuple[QEvent.Type, int, object, str, bool, int]] = []
        self.capturing = False

    def capture(self) -> None:
        self._held.clear()
        if not self.capturing:
            self.capturing = True
            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self)

    def _stop(self) -> None:
        if self.capturing:
            self.capturing = False
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)

    def discard(self) -> None:
        self._stop()
        self._held.clear()

    def replay(self) -> int:
        """Send the held keys to the focused widget, in order; return how many."""
        self._stop()
        held, self._held = self._held, []
        for kind, key, modifiers, text, repeat, count in held:
            target = QApplication.focusWidget() or self._window
            event = QKeyEvent(kind, key, modifiers, text, repeat, count)  # type: ignore[call-overload]
            QApplication.sendEvent(target, event)
        return sum(1 for h in held if h[0] == QEvent.Type.KeyPress)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.capturing or not isinstance(watched, QWidget):
            return False
        if watched.window() is not self._window:
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # no shortcut fires while unlocking: the key comes to us
            return True
        if event.type() in _KEYS and isinstance(event, QKeyEvent):
            if len(self._held) < LIMIT:
                self._held.append(
                    (
                        event.type(),
                        event.key(),
                        event.modifiers(),
                        event.text(),
                        event.isAutoRepeat(),
                        event.count(),
                    )
                )
            return True
        return False
