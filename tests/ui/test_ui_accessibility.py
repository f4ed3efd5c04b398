"""Every control a keyboard can reach has a name a screen reader can say (SPEC.md §6)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from mentor_desk.store.keys import KdfParams
from mentor_desk.store.profile import Profile
from mentor_desk.ui.participant.profile_form import NewParticipantDialog
from tests.helpers.ui import (
    PASSPHRASE,
    TIMEOUT,
    add_participant,
    first_run,
    open_note_editor,
    press,
    start,
    wait_idle,
)


def unnamed_focusable(root: QWidget) -> list[str]:
    """Describe every visible, enabled, focusable widget under ``root`` without a name."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isEnabled():
            continue
        if isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox):
            continue  # the inner line edit; the reader announces the spin box or combo
        if not widget.accessibleName().strip():
            found.append(
                f"{type(widget).__name__} {widget.objectName()!r} "
                f"in {type(widget.parentWidget()).__name__}"
            )
    return found


def test_every_screen_names_its_controls(qtbot: QtBot, make_app: Any) -> None:
    services = make_app()
    window = services.window
    start(qtbot, services)
    assert unnamed_focusable(window.first_run) == []
    first_run(qtbot, services)
    wait_idle(qtbot, services)
    assert unnamed_focusable(window.caseload) == []
    assert unnamed_focusable(window.tabs) == []

    press(qtbot, services, "Ctrl+N")
    qtbot.waitUntil(lambda: window.findChild(NewParticipantDialog) is not None, timeout=TIMEOUT)
    dialog = window.findChild(NewParticipantDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=TIMEOUT)
    assert unnamed_focusable(dialog) == []
    dialog.reject()

    add_participant(qtbot, services, "Noor", "Haddad")
    ws = window.current_workspace()
    assert ws is not None
    qtbot.waitUntil(lambda: ws.header.name.text() == "Noor Haddad", timeout=TIMEOUT)
    for index in range(ws.tabs.count()):
        ws.tabs.setCurrentIndex(index)
        assert unnamed_focusable(ws) == [], ws.tabs.tabText(index)
    editor = open_note_editor(qtbot, services)
    assert unnamed_focusable(editor) == []
    assert unnamed_focusable(ws) == []
    qtbot.keyClicks(editor.text, "Short note")
    with qtbot.waitSignal(editor.saved, timeout=TIMEOUT):
        editor.save()
    qtbot.waitUntil(lambda: ws.notes.model.rowCount() == 1, timeout=TIMEOUT)
    ws.notes.list.setCurrentIndex(ws.notes.proxy.index(0, 0))
    assert ws.notes.view.isVisibleTo(ws)
    assert unnamed_focusable(ws) == []

    press(qtbot, services, "Ctrl+L")
    assert unnamed_focusable(window.unlock_page) == []


def test_unlock_screen_names_its_controls_with_a_keychain(
    qtbot: QtBot, make_app: Any, profile_dir: Any, memory_keyring: Any
) -> None:
    Profile(profile_dir).create(PASSPHRASE, kdf=KdfParams.fast_for_tests()).close()
    services = make_app()
    start(qtbot, services)
    page = services.window.unlock_page
    assert page.keychain_box.isVisibleTo(page)
    assert unnamed_focusable(page) == []
