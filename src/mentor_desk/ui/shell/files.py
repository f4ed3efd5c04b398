"""Saving a file the person chose: where the dialog starts, and what to say when it fails.

Shared by every screen that writes a file (the export menu, release-day mode's sheet), so
each save dialog opens in the person's Documents folder — never in the folder the program
was started from — and every failure reads the same.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from mentor_desk.export.common import ExportError
from mentor_desk.ui.shell.i18n import translate
from mentor_desk.ui.shell.tasks import user_message

__all__ = ["ask_save_path", "documents_folder", "failure_text"]


def documents_folder() -> Path:
    """The person's Documents folder (their home folder if the system names none)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()


def ask_save_path(parent: QWidget, caption: str, suggested: str, file_filter: str) -> str | None:
    """The system's save dialog, starting in Documents."""
    path, _f = QFileDialog.getSaveFileName(
        parent, caption, str(documents_folder() / suggested), file_filter
    )
    return path or None


def failure_text(error: BaseException, path: Path | None = None) -> str:
    """What went wrong, in words for the person who asked (never record content)."""
    if isinstance(error, ExportError):
        return str(error)
    if isinstance(error, PermissionError):
        if path is None:
            return translate(
                "Files", "Mentor Desk may not write to that folder. Choose another place."
            )
        return translate(
            "Files", "Mentor Desk may not write to {folder}. Choose another place."
        ).format(folder=path)
    if isinstance(error, OSError):
        reason = error.strerror or type(error).__name__
        return translate(
            "Files", "The file could not be written ({reason}). Nothing was saved."
        ).format(reason=reason)
    return user_message(error)
