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

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mentor_desk.store.keys import KdfParams
from mentor_desk.store.profile import Profile
from mentor_desk.ui.drafts import DraftOfferDialog
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
