"""The pieces every export in the program is made of: where, how it is written, what it says.

:func:`ask_save_path` (the save dialog) and :func:`print_preview` are the defaults the
:class:`~mentor_desk.ui.exports.controller.ExportController` is given (tests give it functions
instead); :class:`BackgroundFiles` writes files on a background thread; the ``*_writer``
functions turn laid-out data into a function that writes one file through ``<file>.part``
(:func:`mentor_desk.export.common.open_target`), safe to run off the GUI thread.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QDialog, QWidget

from mentor_desk.export import subject_access
from mentor_desk.export.common import write_bytes
from mentor_desk.export.document import pdf_bytes
from mentor_desk.ui.shell.i18n import translate

Writer = Callable[[Path], None]
Done = Callable[[BaseException | None], None]
#: (parent, caption, suggested file name, filter such as "PDF (*.pdf)") → chosen path or None
ChoosePath = Callable[[QWidget, str, str, str], str | None]
#: (document, parent, called once printed) → the preview dialog
Preview = Callable[[QTextDocument, QWidget, Callable[[], None]], QDialog]


def print_preview(doc: QTextDocument, parent: QWidget, on_printed: Callable[[], None]) -> QDialog:
    """Qt's print preview with the system's printers; ``on_printed`` once it is printed."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(translate("ExportFiles", "Print the plan"))
    dialog.setAccessibleName(translate("ExportFiles", "Print preview of the plan"))
    dialog.paintRequested.connect(doc.print_)
    dialog.accepted.connect(on_printed)
    # the printer and the document live as long as the dialog
    dialog.finished.connect(lambda _r, p=printer, d=doc: dialog.deleteLater())
    dialog.open()
    return dialog


def with_suffix(path: str, suffix: str) -> Path:
    """The chosen path, with ``suffix`` added when the person typed none."""
    chosen = Path(path)
    return chosen if chosen.suffix.lower() == suffix else chosen.with_name(chosen.name + suffix)


@dataclass
class Job:
    """One export on its way: what it is (in words, translated), where it goes, what the log
    says (``kind``, never translated)."""

    what: str
    path: Path
    kind: str
    participant_id: str | None = None
    override_reason: str | None = None


class BackgroundFiles(QObject):
    """Writes files on one background thread; calls back on the GUI thread."""

    _finished = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="export")
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def run(self, fn: Callable[[], None], done: Done) -> None:
        future = self._pool.submit(fn)

        def finished(f: Future[None]) -> None:
            with contextlib.suppress(RuntimeError):  # deleted while the file was written
                self._finished.emit((f, done))

        future.add_done_callback(finished)

    def _deliver(self, payload: tuple[Future[None], Done]) -> None:
        future, done = payload
        done(future.exception())

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True)


def bytes_writer(data: bytes) -> Writer:
    return lambda path: write_bytes(path, data)


def pdf_writer(doc: QTextDocument, title: str) -> Writer:
    return bytes_writer(pdf_bytes(doc, title=title))


def subject_access_writer(pid: str, files: dict[str, list[dict[str, Any]]]) -> Writer:
    """Lay out the readable PDF here (GUI thread); the ZIP is written on the background
    thread by ``export.subject_access``."""
    pdf = subject_access.subject_access_pdf(files)
    return lambda path: subject_access.write_subject_access_zip(path, pid, files, pdf)
