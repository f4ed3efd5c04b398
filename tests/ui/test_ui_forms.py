"""Forms validate as you type and say, under the field, what is wrong."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from mentor_desk.ui.participant.profile_form import NewParticipantDialog
from tests.helpers.ui import TIMEOUT, first_run, open_note_editor, press, start


def test_new_participant_form_shows_field_messages_as_you_type(qtbot: QtBot, make_app: Any) -> None:
    services = make_app()
    start(qtbot, services)
    first_run(qtbot, services)
    press(qtbot, services, "Ctrl+N")
    window = services.window
    qtbot.waitUntil(lambda: window.findChild(NewParticipantDialog) is not None, timeout=TIMEOUT)
    dialog = window.findChild(NewParticipantDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=TIMEOUT)
    form = dialog.form
    reference = form.editors["reference"]
    assert isinstance(reference, QLineEdit) and reference.text()  # made by the store
    assert all(not m.isVisibleTo(dialog) for m in form.messages.values())  # nothing nags yet

    qtbot.keyClicks(form.editors["date_of_birth"], "1990-02-30")
    message = form.messages["date_of_birth"]
    assert message.isVisibleTo(dialog)
    assert "not a real date" in message.text()
    assert "not a real date" in form.editors["date_of_birth"].accessibleDescription()

    dob = form.editors["date_of_birth"]
    assert isinstance(dob, QLineEdit)
    dob.clear()
    qtbot.keyClicks(dob, "1990-02-28")
    assert not message.isVisibleTo(dialog)

    dialog.save_button.click()  # given and family names are still missing
    assert "is needed" in form.messages["given_name"].text()
    assert dialog.isVisible()


def test_note_editor_says_what_is_missing(qtbot: QtBot, make_app: Any) -> None:
    from tests.helpers.ui import add_participant

    services = make_app()
    start(qtbot, services)
    first_run(qtbot, services)
    add_participant(qtbot, services, "Ida", "Rowe")
    editor = open_note_editor(qtbot, services)
    editor.save()
    assert editor.error.isVisibleTo(editor)
    assert "Note is needed" in editor.error.text()
