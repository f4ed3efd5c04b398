"""Small shared pieces: accessible naming, plain labels for stored codes, dates for people."""

from __future__ import annotations

from datetime import date, datetime
from typing import TypeVar

from PySide6.QtCore import QDate, QLocale
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QWidget,
)

from mentor_desk.domain.words import plain as plain  # re-exported for the screens
from mentor_desk.ui.shell.i18n import translate

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str, description: str = "") -> W:
    """Give ``widget`` the name a screen reader says (and optionally a longer description)."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
    return widget


def label(text: str, role: str = "", *, wrap: bool = False) -> QLabel:
    """A QLabel with a style role (title, subtitle, hint, error, banner)."""
    widget = QLabel(text)
    if role:
        widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    return widget


def day(value: date | None, today: date | None = None) -> str:
    """A date as people say it: "Today", "Tomorrow", "Yesterday", or "Mon 23 Nov"."""
    if value is None:
        return ""
    today = today or date.today()
    delta = (value - today).days
    if delta == 0:
        return translate("Widgets", "Today")
    if delta == 1:
        return translate("Widgets", "Tomorrow")
    if delta == -1:
        return translate("Widgets", "Yesterday")
    year = "" if value.year == today.year else f" {value.year}"
    locale = _screen_locale()
    if locale is not None:  # the chosen language's own names: "Llun 23 Tach"
        pattern = "ddd d MMM" + ("" if not year else " yyyy")
        return locale.toString(QDate(value.year, value.month, value.day), pattern)
    return f"{value:%a} {value.day} {value:%b}{year}"


def _screen_locale() -> QLocale | None:
    """The program's locale when it is not English (English keeps the house style above)."""
    current = QLocale()
    if current.language() in (QLocale.Language.C, QLocale.Language.English):
        return None
    return current


def local_time(iso: str | None) -> str:
    """A stored UTC instant in local time: "Mon 23 Nov, 14:05" (year shown if not this)."""
    if not iso:
        return ""
    try:
        instant = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return iso
    year = "" if instant.year == date.today().year else f" {instant.year}"
    locale = _screen_locale()
    if locale is not None:
        on = QDate(instant.year, instant.month, instant.day)
        return f"{locale.toString(on, 'ddd d MMM' + (' yyyy' if year else ''))}, {instant:%H:%M}"
    return f"{instant:%a} {instant.day} {instant:%b}{year}, {instant:%H:%M}"


def elide(text: str, limit: int) -> str:
    """The first ``limit`` characters of ``text``, cut at a word, with "…" if shortened."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] or text[:limit]
    return cut.rstrip(".,;:") + "…"


def set_error(widget: QLabel, message: str) -> None:
    """Show ``message`` (or hide the label when empty)."""
    widget.setText(message)
    widget.setVisible(bool(message))


def save_from(dialog: QWidget, button: QPushButton) -> QShortcut:
    """Ctrl+S in ``dialog`` does what its Save button does (when the button is enabled).

    docs/ui.md promises Ctrl+S saves whatever is being edited; a window-modal form blocks
    the main window's Save action, so each form gets its own.
    """

    def save() -> None:
        if button.isEnabled() and button.isVisible():
            button.click()

    return QShortcut(QKeySequence(QKeySequence.StandardKey.Save), dialog, save)


def error_and_buttons(
    dialog: QDialog, layout: QBoxLayout, save_text: str, save_name: str = ""
) -> tuple[QLabel, QPushButton]:
    """The foot of a record dialog: a hidden error line and Save/Cancel buttons.

    ``save_text`` and ``save_name`` are shown, so the caller passes them translated.
    Save calls ``dialog.save()``; Cancel rejects. Returns (error label, save button).
    """
    error = label("", "error", wrap=True)
    error.hide()
    layout.addWidget(error)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
    save_button.setText(save_text)
    named(save_button, save_name or save_text)
    named(buttons.button(QDialogButtonBox.StandardButton.Cancel), translate("Widgets", "Cancel"))
    buttons.accepted.connect(dialog.save)  # type: ignore[attr-defined]
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    save_from(dialog, save_button)
    return error, save_button
