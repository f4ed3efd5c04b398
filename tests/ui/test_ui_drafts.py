"""Typed text is never lost: drafts survive a lock and a crash, and are offered back."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mentor_desk.store.keys import KdfParams
from mentor_desk.store.profile import Profile
from mentor_desk.ui.shell.drafts import DraftOfferDialog
from tests.helpers.ui import (
    PASSPHRASE,
    TIMEOUT,
    add_participant,
    current_workspace,
    first_run,
    open_note_editor,
    press,
    start,
    unlock,
    wait_idle,
)

ROOT = Path(__file__).resolve().parents[2]


def _offer(
    qtbot: QtBot, services: Any, title: str = "Recover the note you were writing?"
) -> DraftOfferDialog:
    qtbot.waitUntil(
        lambda: bool(services.window.offers) and services.window.offers[0].isVisible(),
        timeout=TIMEOUT,
    )
    dialog = services.window.offers[0]
    assert dialog.windowTitle() == title
    return dialog


def test_lock_keeps_the_unsaved_note_and_offers_it_back(qtbot: QtBot, make_app: Any) -> None:
    services = make_app()
    start(qtbot, services)
    first_run(qtbot, services)
    pid = add_participant(qtbot, services, "Kai", "Moss")
    editor = open_note_editor(qtbot, services)
    qtbot.keyClicks(editor.text, "Half-written note about the job fair")
    press(qtbot, services, "Ctrl+L")
    wait_idle(qtbot, services)
    unlock(qtbot, services)
    dialog = _offer(qtbot, services)
    qtbot.mouseClick(dialog.recover_button, Qt.MouseButton.LeftButton)
    ws = current_workspace(services)
    assert ws.participant_id == pid
    assert ws.notes.editor is not None
    assert ws.notes.editor.text.toPlainText() == "Half-written note about the job fair"
    with qtbot.waitSignal(ws.notes.editor.saved, timeout=TIMEOUT):
        ws.notes.editor.save()
    wait_idle(qtbot, services)
    services.runner.run(lambda store: store.drafts(), lambda d: setattr(ws, "_left", d))
    wait_idle(qtbot, services)
    assert ws._left == []  # type: ignore[attr-defined]


def test_discarding_an_offered_draft_deletes_it(qtbot: QtBot, make_app: Any) -> None:
    services = make_app()
    start(qtbot, services)
    first_run(qtbot, services)
    add_participant(qtbot, services, "Kai", "Moss")
    editor = open_note_editor(qtbot, services)
    qtbot.keyClicks(editor.text, "Throw me away")
    press(qtbot, services, "Ctrl+L")
    unlock(qtbot, services)
    qtbot.mouseClick(_offer(qtbot, services).discard_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, services)
    drafts: list[Any] = []
    services.runner.run(lambda store: store.drafts(), drafts.extend)
    wait_idle(qtbot, services)
    assert drafts == []


def _read_until(proc: subprocess.Popen[str], marker: str, timeout: float) -> None:
    assert proc.stdout is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([proc.stdout], [], [], 0.2)
        if ready:
            line = proc.stdout.readline()
            if marker in line:
                return
            if not line and proc.poll() is not None:
                break
    raise AssertionError(f"the child never printed {marker!r}")


def test_draft_survives_a_crash(qtbot: QtBot, make_app: Any, profile_dir: Path) -> None:
    store = Profile(profile_dir).create(PASSPHRASE, kdf=KdfParams.fast_for_tests())
    pid = store.create(
        "participant",
        {
            "reference": store.new_reference(),
            "given_name": "Rae",
            "family_name": "Quinn",
            "status": "active",
        },
    )["id"]
    store.close()
    text = "Rae asked about the boxing club on Thursday"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.crash_child", str(profile_dir), pid, text],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        _read_until(proc, "DRAFT-SAVED", 60)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    assert proc.returncode == -signal.SIGKILL

    services = make_app()
    start(qtbot, services)
    unlock(qtbot, services)
    dialog = _offer(qtbot, services)
    assert "Rae Quinn" in dialog.message.text()
    qtbot.mouseClick(dialog.recover_button, Qt.MouseButton.LeftButton)
    ws = current_workspace(services)
    assert ws.participant_id == pid
    assert ws.notes.editor is not None
    assert ws.notes.editor.text.toPlainText() == text


def test_unsaved_profile_changes_survive_a_lock(qtbot: QtBot, make_app: Any) -> None:
    services = make_app()
    start(qtbot, services)
    first_run(qtbot, services)
    pid = add_participant(qtbot, services, "Mo", "Blake")
    ws = current_workspace(services)
    qtbot.waitUntil(lambda: ws.header.name.text() == "Mo Blake", timeout=TIMEOUT)
    qtbot.keyClicks(ws.overview.form.editors["phone"], "07700 900123")
    assert ws.overview.dirty
    press(qtbot, services, "Ctrl+L")
    unlock(qtbot, services)
    dialog = _offer(qtbot, services, "Recover the profile changes you were making?")
    qtbot.mouseClick(dialog.recover_button, Qt.MouseButton.LeftButton)
    ws = current_workspace(services)
    assert ws.participant_id == pid
    phone = ws.overview.form.editors["phone"]
    qtbot.waitUntil(lambda: phone.text() == "07700 900123", timeout=TIMEOUT)  # type: ignore[union-attr]
    assert ws.overview.dirty
    ws.overview.save()
    wait_idle(qtbot, services)
    records: list[Any] = []
    services.runner.run(
        lambda store: (store.get("participant", pid), store.drafts()), records.append
    )
    wait_idle(qtbot, services)
    record, drafts = records[0]
    assert record["phone"] == "07700 900123"
    assert drafts == []


def _lock_from(qtbot: QtBot, dialog: Any) -> None:
    """Ctrl+L typed in an open form, as a person would (the form is the active window)."""
    from PySide6.QtWidgets import QApplication

    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=TIMEOUT)
    target = QApplication.focusWidget() or dialog
    qtbot.keyClick(target, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)


def _drafts(qtbot: QtBot, services: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    services.runner.run(lambda store: store.drafts(), found.extend)
    wait_idle(qtbot, services)
    return found


def test_a_half_filled_form_survives_a_lock_and_reopens_with_what_was_typed(
    qtbot: QtBot, make_app: Any
) -> None:
    from PySide6.QtWidgets import QComboBox

    from mentor_desk.ui.forms.records import RecordDialog
    from tests.ui.forms.helpers import participant, save_dialog

    services, ws = participant(qtbot, make_app)
    pid = ws.participant_id
    ws.tabs.setCurrentWidget(ws.forms.plan)
    dialog = ws.forms.plan.add_goal()
    qtbot.keyClicks(dialog.form.editors["goal_text"], "Get back into boxing")
    pathway = dialog.form.editors["pathway"]
    assert isinstance(pathway, QComboBox)
    pathway.setCurrentIndex(pathway.findData("health"))
    _lock_from(qtbot, dialog)
    wait_idle(qtbot, services)
    assert not services.window.is_unlocked
    assert (
        not shiboken6.isValid(dialog) or not dialog.isVisible()
    )  # nothing stays on screen  # nothing of the person stays on screen
    unlock(qtbot, services)
    offer = _offer(qtbot, services, "Recover the form you were filling in?")
    assert "New goal" in offer.message.text() and offer.typed is not None
    assert "Get back into boxing" in offer.typed.toPlainText()
    assert "Pathway: Health" in offer.typed.toPlainText()  # the choice's words, not its key
    qtbot.mouseClick(offer.recover_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: any(isinstance(w, RecordDialog) and w.isVisible() for w in _dialogs(services)),
        timeout=TIMEOUT,
    )
    [again] = [w for w in _dialogs(services) if isinstance(w, RecordDialog) and w.isVisible()]
    assert current_workspace(services).participant_id == pid
    assert again.form.values()["goal_text"] == "Get back into boxing"
    assert again.form.values()["pathway"] == "health"
    goal = save_dialog(qtbot, services, again)
    assert goal["goal_text"] == "Get back into boxing" and goal["participant_id"] == pid
    assert _drafts(qtbot, services) == []  # saved: the draft is gone


def _dialogs(services: Any) -> list[Any]:
    from PySide6.QtWidgets import QDialog

    return list(services.window.findChildren(QDialog))


def test_a_form_is_kept_every_few_seconds_and_cancelling_forgets_it(
    qtbot: QtBot, make_app: Any, monkeypatch: Any
) -> None:
    from mentor_desk.ui.shell import drafts
    from tests.ui.forms.helpers import participant

    monkeypatch.setattr(drafts, "FORM_AUTOSAVE_MS", 50)
    services, ws = participant(qtbot, make_app)
    dialog = ws.forms.plan.add_goal()
    qtbot.wait(200)
    assert _drafts(qtbot, services) == []  # nothing typed, nothing kept
    qtbot.keyClicks(dialog.form.editors["goal_text"], "Find a dentist")
    qtbot.waitUntil(lambda: bool(_drafts(qtbot, services)), timeout=TIMEOUT)
    [kept] = _drafts(qtbot, services)
    assert kept["kind"] == "form" and kept["participant_id"] == ws.participant_id
    assert kept["body"]["values"]["goal_text"] == "Find a dentist"  # a crash now loses nothing
    dialog.reject()  # Cancel: the person chose to throw it away
    wait_idle(qtbot, services)
    assert _drafts(qtbot, services) == []


def test_a_new_participant_half_registered_survives_a_lock(qtbot: QtBot, make_app: Any) -> None:
    from mentor_desk.ui.participant.profile_form import NewParticipantDialog

    services = make_app()
    start(qtbot, services)
    first_run(qtbot, services)
    press(qtbot, services, "Ctrl+N")
    qtbot.waitUntil(
        lambda: any(isinstance(w, NewParticipantDialog) for w in _dialogs(services)),
        timeout=TIMEOUT,
    )
    [dialog] = [w for w in _dialogs(services) if isinstance(w, NewParticipantDialog)]
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=TIMEOUT)  # reference made
    qtbot.keyClicks(dialog.form.editors["given_name"], "Tomasz")
    qtbot.keyClicks(dialog.form.editors["family_name"], "Wrobel")
    _lock_from(qtbot, dialog)
    wait_idle(qtbot, services)
    unlock(qtbot, services)
    offer = _offer(qtbot, services, "Recover the form you were filling in?")
    assert "a new participant" in offer.message.text()
    qtbot.mouseClick(offer.recover_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, NewParticipantDialog) and w.isVisible() for w in _dialogs(services)
        ),
        timeout=TIMEOUT,
    )
    [again] = [
        w for w in _dialogs(services) if isinstance(w, NewParticipantDialog) and w.isVisible()
    ]
    qtbot.waitUntil(again.save_button.isEnabled, timeout=TIMEOUT)
    values = again.form.values()
    assert (values["given_name"], values["family_name"]) == ("Tomasz", "Wrobel")
    with qtbot.waitSignal(again.created, timeout=TIMEOUT):
        qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, services)
    assert _drafts(qtbot, services) == []


def test_a_form_that_does_more_than_save_offers_its_text_to_copy(
    qtbot: QtBot, make_app: Any
) -> None:
    from PySide6.QtWidgets import QApplication

    from tests.ui.forms.helpers import participant
    from tests.ui.forms.test_plan import add_goal

    services, ws = participant(qtbot, make_app)
    add_goal(qtbot, services, ws, "Open a bank account")
    ws.forms.plan.goal_table.selectRow(0)
    review = ws.forms.plan.add_review()  # saving it also moves the goal's status
    assert review is not None and not review.reopenable
    qtbot.keyClicks(review.form.editors["progress"], "Bank wants proof of address")
    _lock_from(qtbot, review)
    wait_idle(qtbot, services)
    unlock(qtbot, services)
    offer = _offer(qtbot, services, "Recover the form you were filling in?")
    assert offer.recover_button.text() == "Copy" and "copy it from here" in offer.message.text()
    qtbot.mouseClick(offer.recover_button, Qt.MouseButton.LeftButton)
    assert "Bank wants proof of address" in QApplication.clipboard().text()
    qtbot.mouseClick(offer.discard_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, services)
    assert _drafts(qtbot, services) == []
