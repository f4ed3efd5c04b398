"""When something goes wrong that nobody caught: a plain notice instead of a vanished window.

:class:`CrashNotice` is what :func:`mentor_desk.logs.install_excepthooks` calls after it
has logged the traceback. It may be called from any thread; the notice is shown on the
GUI thread, queued behind whatever failed, and only one at a time (a fault repeated by a
timer does not stack up dialogs). Qt's own warnings go into the log too (:func:`qt_to_log`).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    Qt,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QMessageBox, QWidget

from mentor_desk.ui.shell.i18n import QT_TRANSLATE_NOOP, translate

# In English here; the notice shows them translated.
TITLE = QT_TRANSLATE_NOOP("Crash", "Something went wrong")
TEXT = QT_TRANSLATE_NOOP("Crash", "Something went wrong — your work is saved.")
DETAIL = QT_TRANSLATE_NOOP(
    "Crash",
    "Mentor Desk noted what happened in its log, without names or notes. You can carry on; "
    "if it happens again, choose Help → Copy a problem report and send it to the person "
    "who looks after Mentor Desk for your partnership.",
)
qt_log = logging.getLogger("qt")


class CrashNotice(QObject):
    """Shows :data:`TEXT` over ``window``; :meth:`notify` is safe from any thread."""

    _crashed = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.box: QMessageBox | None = None
        self._crashed.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def notify(self) -> None:
        self._crashed.emit()

    def _show(self) -> None:
        if self.box is not None and self.box.isVisible():
            return
        title = translate("Crash", TITLE)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            title,
            translate("Crash", TEXT),
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setInformativeText(translate("Crash", DETAIL))
        box.setAccessibleName(title)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._closed)
        self.box = box
        box.open()

    def _closed(self, _result: int) -> None:
        self.box = None


_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    qt_log.log(_LEVELS.get(kind, logging.WARNING), "%s (%s)", message, context.category)


def qt_to_log() -> None:
    """Send Qt's warnings to the program's log instead of the terminal."""
    qInstallMessageHandler(_qt_message)
