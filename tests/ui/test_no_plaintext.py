"""QUALITY.md "No plaintext on disk", for a whole session in the program.

Everything the program might write outside the store — settings, caches, temp files, logs —
is pointed into one sandbox folder; after a session that types known marker strings into a
name, a saved note, an unsaved draft and a search, and locks and unlocks, no file in the
sandbox or the profile contains a marker, and no log line does.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.helpers.ui import (
    TIMEOUT,
    add_participant,
    first_run,
    open_note_editor,
    press,
    start,
    unlock,
    wait_idle,
)

MARKERS = ["Zqxmarkname", "Vwkmarkfamily", "Jplmarknote", "Rtgmarkdraft", "Hbnmarksearch"]


def _files_with_markers(root: Path) -> list[str]:
    found = []
    for path in root.rglob("*"):
        if path.is_file():
            data = path.read_bytes().lower()
            for m in MARKERS:
                for enc in ("utf-8", "utf-16-le"):
                    if m.lower().encode(enc) in data:
                        found.append(f"{m} in {path.relative_to(root)}")
    return found


def test_a_whole_session_leaves_no_plaintext_anywhere(
    qtbot: QtBot,
    make_app: Any,
    profile_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sandbox = tmp_path / "sandbox"
    for name in ("home", "config", "data", "cache", "state", "tmp", "runtime"):
        (sandbox / name).mkdir(parents=True)
    monkeypatch.setenv("HOME", str(sandbox / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(sandbox / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(sandbox / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(sandbox / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(sandbox / "state"))
    monkeypatch.setenv("TMPDIR", str(sandbox / "tmp"))
    monkeypatch.setattr(tempfile, "tempdir", str(sandbox / "tmp"))
    log_file = sandbox / "state" / "mentor-desk.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        services = make_app(autosave_ms=200)
        start(qtbot, services)
        first_run(qtbot, services)
        add_participant(qtbot, services, MARKERS[0], MARKERS[1])
        editor = open_note_editor(qtbot, services)
        qtbot.keyClicks(editor.text, f"Met at the library, talked about {MARKERS[2]}")
        with qtbot.waitSignal(editor.saved, timeout=TIMEOUT):
            press(qtbot, services, "Ctrl+S")
        wait_idle(qtbot, services)
        draft = open_note_editor(qtbot, services)
        qtbot.keyClicks(draft.text, f"Half a thought about {MARKERS[3]}")
        qtbot.wait(600)  # the autosave keeps it as an encrypted draft
        wait_idle(qtbot, services)
        services.window.tabs.setCurrentWidget(services.window.caseload)
        qtbot.keyClicks(services.window.caseload.search, MARKERS[4])
        qtbot.wait(400)
        wait_idle(qtbot, services)
        press(qtbot, services, "Ctrl+L")
        wait_idle(qtbot, services)
        leaks = _files_with_markers(sandbox) + _files_with_markers(profile_dir)
        assert leaks == [], leaks
        unlock(qtbot, services)
        handler.flush()
        assert log_file.stat().st_size > 0  # the program did log; none of it was personal
        leaks = _files_with_markers(sandbox) + _files_with_markers(profile_dir)
        assert leaks == [], leaks
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
        handler.close()
