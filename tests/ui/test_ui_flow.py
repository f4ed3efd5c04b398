"""The main path through the program, driven through real widgets."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mentor_desk.store.profile import Profile
from mentor_desk.ui.participant.note_editor import NoteEditor
from mentor_desk.ui.participant.profile_form import NewParticipantDialog
from tests.helpers.ui import (
    PASSPHRASE,
    TIMEOUT,
    add_participant,
    caseload_ids,
    current_workspace,
    first_run,
    open_note_editor,
    press,
    start,
    unlock,
    wait_idle,
)


def _write_note(qtbot: QtBot, editor: NoteEditor, text: str) -> None:
    qtbot.keyClicks(editor.place, "Cafe on Briggate")
    qtbot.keyClicks(editor.text, text)
    with qtbot.waitSignal(editor.saved, timeout=TIMEOUT):
        qtbot.keyClick(editor.text, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def test_first_run_participant_note_lock_unlock(qtbot: QtBot, make_app: Any) -> None:
    services = make_app()
    start(qtbot, services)
    first_run(qtbot, services)
    pid = add_participant(qtbot, services, "Dana", "Whitfield")
    assert pid
    ws = current_workspace(services)
    qtbot.waitUntil(lambda: ws.header.name.text() == "Dana Whitfield", timeout=TIMEOUT)
    editor = open_note_editor(qtbot, services)
    _write_note(qtbot, editor, "Met at the gate, talked about housing")
    wait_idle(qtbot, services)
    qtbot.waitUntil(lambda: ws.notes.model.rowCount() == 1, timeout=TIMEOUT)

    press(qtbot, services, "Ctrl+L")
    assert services.window.stack.currentWidget() is services.window.unlock_page
    assert services.window.workspaces() == []
    assert services.window.caseload.model.rowCount() == 0
    wait_idle(qtbot, services)
    assert not services.worker.is_open

    unlock(qtbot, services)
    qtbot.waitUntil(lambda: caseload_ids(services) == [pid], timeout=TIMEOUT)
    services.window.open_participant(pid)
    ws = current_workspace(services)
    qtbot.waitUntil(lambda: ws.notes.model.rowCount() == 1, timeout=TIMEOUT)
    text = ws.notes.model.index(0, 0).data()
    assert "Face to face" in text
    assert "housing" in text


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def test_wrong_passphrase_shows_message_and_changes_nothing(
    qtbot: QtBot, make_app: Any, profile_dir: Path
) -> None:
    Profile(profile_dir).create(
        PASSPHRASE,
        kdf=__import__("mentor_desk.store.keys", fromlist=["KdfParams"]).KdfParams.fast_for_tests(),
    ).close()
    before = _digest(profile_dir)
    services = make_app()
    start(qtbot, services)
    page = services.window.unlock_page
    assert services.window.stack.currentWidget() is page
    qtbot.keyClicks(page.passphrase, "not my passphrase")
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=TIMEOUT)
    wait_idle(qtbot, services)
    assert "not right" in page.error.text()
    assert services.window.stack.currentWidget() is page
    assert not services.worker.is_open
    assert _digest(profile_dir) == before


def test_keychain_box_only_when_a_keychain_exists(qtbot: QtBot, make_app: Any) -> None:
    services = make_app()
    start(qtbot, services)
    assert services.window.first_run.keychain_box.isHidden()
    assert services.window.unlock_page.keychain_box.isHidden()


def test_keychain_unlocks_next_time(qtbot: QtBot, make_app: Any, memory_keyring: Any) -> None:
    services = make_app()
    start(qtbot, services)
    page = services.window.first_run
    assert page.keychain_box.isVisibleTo(services.window)
    page.keychain_box.setChecked(True)
    first_run(qtbot, services)
    assert memory_keyring.items
    press(qtbot, services, "Ctrl+L")
    wait_idle(qtbot, services)
    second = make_app()
    with qtbot.waitSignal(second.window.unlocked, timeout=TIMEOUT):
        start(qtbot, second)


def test_lock_closes_open_dialogs(qtbot: QtBot, make_app: Any) -> None:
    services = make_app()
    start(qtbot, services)
    first_run(qtbot, services)
    press(qtbot, services, "Ctrl+N")
    window = services.window
    qtbot.waitUntil(lambda: window.findChild(NewParticipantDialog) is not None, timeout=TIMEOUT)
    dialog = window.findChild(NewParticipantDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.form.editors["given_name"], "Half typed")
    window.lock()
    assert not dialog.isVisible()
    wait_idle(qtbot, services)


def test_enter_in_the_caseload_opens_the_participant(qtbot: QtBot, make_app: Any) -> None:
    services = make_app()
    start(qtbot, services)
    first_run(qtbot, services)
    pid = add_participant(qtbot, services, "Eli", "Stone")
    press(qtbot, services, "Ctrl+W")
    assert services.window.workspaces() == []
    table = services.window.caseload.table
    qtbot.waitUntil(lambda: caseload_ids(services) == [pid], timeout=TIMEOUT)
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert current_workspace(services).participant_id == pid


def test_keys_typed_while_unlocking_reach_the_caseload(qtbot: QtBot, make_app: Any) -> None:
    """Issue 12.12: passphrase, Enter, then at once Ctrl+F and a name: none of it is lost."""
    services = make_app()
    start(qtbot, services)
    first_run(qtbot, services)
    add_participant(qtbot, services, "Noor", "Haddad")
    add_participant(qtbot, services, "Dana", "Whitfield")
    press(qtbot, services, "Ctrl+1")
    press(qtbot, services, "Ctrl+L")
    wait_idle(qtbot, services)
    page = services.window.unlock_page
    page.passphrase.setFocus()

    # The unlock answers only when the event loop runs again (waitUntil below), so every
    # key here is typed while the store is still opening.
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    assert not services.window.is_unlocked
    press(qtbot, services, "Ctrl+F")
    for ch in "Whit":
        press(qtbot, services, ch)
    qtbot.waitUntil(lambda: services.window.is_unlocked, timeout=TIMEOUT)
    search = services.window.caseload.search
    qtbot.waitUntil(lambda: search.text().casefold() == "whit", timeout=TIMEOUT)
    assert search.hasFocus()
    qtbot.waitUntil(lambda: services.window.caseload.proxy.rowCount() == 1, timeout=TIMEOUT)


def test_keys_typed_after_a_wrong_passphrase_are_not_kept(qtbot: QtBot, make_app: Any) -> None:
    services = make_app()
    start(qtbot, services)
    first_run(qtbot, services)
    press(qtbot, services, "Ctrl+L")
    wait_idle(qtbot, services)
    page = services.window.unlock_page
    page.passphrase.setFocus()
    qtbot.keyClicks(page.passphrase, "wrong guess")
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    for ch in "abc":
        press(qtbot, services, ch)
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=TIMEOUT)
    assert page.passphrase.text() == "wrong guess"  # selected for retyping, nothing added
    assert page.typeahead is not None and not page.typeahead.capturing
    qtbot.keyClicks(page.passphrase, "x")  # typing works again at once
    assert page.passphrase.text() == "x"
