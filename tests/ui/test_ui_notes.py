"""Notes: shared notes are read-only and take corrections; unshared ones can be changed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mentor_desk.app import Services
from mentor_desk.ui.participant.workspace import ParticipantWorkspace
from tests.helpers.ui import (
    TIMEOUT,
    add_participant,
    current_workspace,
    first_run,
    open_note_editor,
    start,
    wait_idle,
)


def _workspace_with_note(qtbot: QtBot, services: Services, text: str) -> ParticipantWorkspace:
    start(qtbot, services)
    first_run(qtbot, services)
    add_participant(qtbot, services, "Tess", "Avery")
    ws = current_workspace(services)
    editor = open_note_editor(qtbot, services)
    qtbot.keyClicks(editor.text, text)
    with qtbot.waitSignal(editor.saved, timeout=TIMEOUT):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ws.notes.model.rowCount() == 1, timeout=TIMEOUT)
    return ws


def test_unshared_note_can_be_changed(qtbot: QtBot, make_app: Any) -> None:
    services = make_app()
    ws = _workspace_with_note(qtbot, services, "First version")
    ws.notes.list.setCurrentIndex(ws.notes.proxy.index(0, 0))
    assert ws.notes.view.edit_button.isVisibleTo(ws)
    qtbot.mouseClick(ws.notes.view.edit_button, Qt.MouseButton.LeftButton)
    editor = ws.notes.editor
    assert editor is not None and editor.note_id is not None
    editor.text.selectAll()
    qtbot.keyClicks(editor.text, "Second version")
    with qtbot.waitSignal(editor.saved, timeout=TIMEOUT):
        editor.save()
    qtbot.waitUntil(lambda: "Second version" in ws.notes.model.index(0, 0).data(), timeout=TIMEOUT)
    assert ws.notes.model.rowCount() == 1


def test_shared_note_is_read_only_and_takes_corrections(qtbot: QtBot, make_app: Any) -> None:
    services = make_app()
    ws = _workspace_with_note(qtbot, services, "Met at the library")
    # What a sync does to a note the server has accepted: it gets a server version.
    services.runner.run(lambda store: store.conn.execute("UPDATE case_note SET version = 7"))
    wait_idle(qtbot, services)
    ws.reload()
    wait_idle(qtbot, services)
    ws.notes.list.setCurrentIndex(ws.notes.proxy.index(0, 0))
    view = ws.notes.view
    assert not view.edit_button.isVisibleTo(ws)
    assert view.locked_hint.isVisibleTo(ws)
    qtbot.keyClicks(view.amend_text, "It was the community centre, not the library")
    with qtbot.waitSignal(view.amended, timeout=TIMEOUT):
        qtbot.mouseClick(view.amend_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "1 correction" in ws.notes.model.index(0, 0).data(), timeout=TIMEOUT)
    assert "community centre" in view.browser.toPlainText()
    assert "Met at the library" in view.browser.toPlainText()


def test_notes_search_filters_the_list(qtbot: QtBot, make_app: Any) -> None:
    services = make_app()
    ws = _workspace_with_note(qtbot, services, "Talked about football training")
    qtbot.keyClicks(ws.notes.search, "football")
    assert ws.notes.proxy.rowCount() == 1
    ws.notes.search.clear()
    qtbot.keyClicks(ws.notes.search, "housing")
    assert ws.notes.proxy.rowCount() == 0
