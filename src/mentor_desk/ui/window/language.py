"""File → Language…: which language Mentor Desk uses, from its next start.

The choice is kept by :func:`mentor_desk.ui.shell.i18n.choose` in the program's settings
and read at start (docs/ui.md, "Language"); nothing on screen changes until then, and the
dialog says so. "Follow the system" removes the setting.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QLocale
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from mentor_desk.ui.shell import i18n
from mentor_desk.ui.shell.i18n import translate
from mentor_desk.ui.shell.widgets import label, named

#: A language is listed in its own words, so that someone who cannot read the language on
#: screen still finds theirs: these names are never translated.
ENGLISH = "English"
ENGLISH_CODE = "en_GB"


def language_name(code: str) -> str:
    """'Cymraeg' for "cy": the language's own name for itself."""
    if code.split("_")[0] == "en":
        return ENGLISH
    name = QLocale(code).nativeLanguageName()
    return name[:1].upper() + name[1:] if name else code


def stored_choice() -> str:
    """The language kept in the settings ("" when the program follows the system)."""
    value = i18n.settings().value(i18n.SETTING, "")
    return value.strip() if isinstance(value, str) else ""


class LanguageDialog(QDialog):
    """Choose the language; OK keeps it for the next start and says so, Cancel keeps nothing.

    Attributes:
        told: the message box that says what happens next (after OK), for tests.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Language", "Language"))
        self.told: QMessageBox | None = None
        self.choice = named(QComboBox(), translate("Language", "Language for Mentor Desk"))
        self.choice.addItem(translate("Language", "Follow the system"), "")
        self.choice.addItem(ENGLISH, ENGLISH_CODE)
        for code in i18n.available():
            if language_name(code) != ENGLISH:  # English is the source text, listed once
                self.choice.addItem(language_name(code), code)
        current = self.choice.findData(stored_choice())
        self.choice.setCurrentIndex(max(current, 0))
        prompt = QLabel(translate("Language", "&Language:"))
        prompt.setBuddy(self.choice)
        hint = label(
            translate("Language", "Mentor Desk starts in this language next time."),
            "hint",
            wrap=True,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.choice)
        layout.addWidget(hint)
        if os.environ.get(i18n.ENV, "").strip():
            override = translate(
                "Language", "While {variable} is set, it decides the language instead."
            )
            layout.addWidget(label(override.format(variable=i18n.ENV), "hint", wrap=True))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.choice.setFocus()

    def chosen(self) -> str:
        """The code of the language picked in the list ("" to follow the system)."""
        return str(self.choice.currentData() or "")

    def accept(self) -> None:
        code = self.chosen()
        i18n.choose(code)
        if code:
            said = translate("Language", "Mentor Desk will use {language} next time it starts.")
            message = said.format(language=language_name(code))
        else:
            message = translate(
                "Language", "Mentor Desk will follow the system's language next time it starts."
            )
        super().accept()
        self.told = QMessageBox(
            QMessageBox.Icon.Information,
            translate("Language", "Language"),
            message,
            QMessageBox.StandardButton.Ok,
            self.parentWidget(),
        )
        self.told.setAccessibleName(message)
        self.told.open()


class LanguageAction:
    """The action for the window's File menu (no shortcut): opens :class:`LanguageDialog`."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent
        self.dialog: LanguageDialog | None = None
        self.action = QAction(translate("Language", "Lan&guage…"), parent)
        self.action.setStatusTip(
            translate("Language", "Choose the language Mentor Desk uses from its next start")
        )
        self.action.triggered.connect(lambda _checked=False: self.open())

    def open(self) -> LanguageDialog:
        self.dialog = LanguageDialog(self.parent)
        self.dialog.open()
        return self.dialog
