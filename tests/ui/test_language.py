"""File → Language…: the choice is kept for the next start, by keyboard alone; Cancel keeps
nothing. The settings live in ``tmp_path`` (as in test_translations.py's setting test)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from mentor_desk.ui.shell import i18n
from mentor_desk.ui.window.language import LanguageDialog, stored_choice
from tests.helpers.ui import start


@pytest.fixture
def settings_here(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qapp: QApplication) -> None:
    """The program's settings in tmp_path, no language in them, none from the environment."""
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    monkeypatch.delenv(i18n.ENV, raising=False)
    i18n.choose("")
    assert stored_choice() == ""


def _open_from_the_file_menu(qtbot: QtBot, window: Any) -> LanguageDialog:
    file_menu = window.menuBar().actions()[0].menu()
    (action,) = [a for a in file_menu.actions() if a.text() == "Lan&guage…"]
    assert action.isEnabled()  # while locked too: the first-run page is showing
    action.trigger()
    dialog = window.language.dialog
    assert isinstance(dialog, LanguageDialog)
    qtbot.waitExposed(dialog)
    return dialog


def _items(dialog: LanguageDialog) -> list[tuple[str, str]]:
    box = dialog.choice
    return [(box.itemText(i), str(box.itemData(i))) for i in range(box.count())]


def test_choosing_welsh_by_keyboard_keeps_it_for_the_next_start(
    qtbot: QtBot, make_app: Any, settings_here: None
) -> None:
    services = make_app()
    start(qtbot, services)
    dialog = _open_from_the_file_menu(qtbot, services.window)
    assert _items(dialog) == [("Follow the system", ""), ("English", "en_GB"), ("Cymraeg", "cy")]
    assert dialog.choice.currentIndex() == 0  # nothing chosen yet: the system's language
    assert dialog.choice.accessibleName() == "Language for Mentor Desk"
    (prompt,) = [w for w in dialog.findChildren(QLabel) if w.buddy() is dialog.choice]
    assert prompt.text() == "&Language:"

    qtbot.waitUntil(lambda: dialog.choice.hasFocus())
    qtbot.keyClick(dialog.choice, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.choice, Qt.Key.Key_Down)
    assert dialog.choice.currentText() == "Cymraeg"
    qtbot.keyClick(dialog.choice, Qt.Key.Key_Return)  # OK is the default button

    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert i18n.chosen_language() == "cy"
    assert dialog.told is not None
    assert dialog.told.text() == "Mentor Desk will use Cymraeg next time it starts."
    assert dialog.told.accessibleName() == dialog.told.text()
    dialog.told.close()
    # The running program is not switched: the next start is.
    assert services.window.menuBar().actions()[0].text() == "&File"


def test_cancel_changes_nothing(qtbot: QtBot, settings_here: None) -> None:
    i18n.choose("cy")
    dialog = LanguageDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.choice.currentText() == "Cymraeg"  # opens on what is kept
    qtbot.keyClick(dialog.choice, Qt.Key.Key_Up)
    assert dialog.choice.currentText() == "English"
    qtbot.keyClick(dialog.choice, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == LanguageDialog.DialogCode.Rejected
    assert stored_choice() == "cy" and i18n.chosen_language() == "cy"
    assert dialog.told is None


def test_follow_the_system_removes_the_choice(qtbot: QtBot, settings_here: None) -> None:
    i18n.choose("cy")
    dialog = LanguageDialog()
    qtbot.addWidget(dialog)
    dialog.choice.setCurrentIndex(0)
    dialog.accept()
    assert stored_choice() == ""
    assert i18n.chosen_language() == QLocale.system().name()
    assert dialog.told is not None
    follow = "Mentor Desk will follow the system's language next time it starts."
    assert dialog.told.text() == follow
    dialog.told.close()


def test_the_dialog_says_when_the_environment_decides(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, settings_here: None
) -> None:
    monkeypatch.setenv(i18n.ENV, "en_GB")
    dialog = LanguageDialog()
    qtbot.addWidget(dialog)
    texts = [w.text() for w in dialog.findChildren(QLabel)]
    assert "While MENTOR_DESK_LANGUAGE is set, it decides the language instead." in texts
