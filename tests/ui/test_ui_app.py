"""Composition-root pieces: one instance per profile, the demo, the shortcuts list."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from mentor_desk.app import demo_passphrase
from mentor_desk.ui.shell import shortcuts
from mentor_desk.ui.shell.single_instance import SingleInstance, server_name
from tests.helpers.ui import TIMEOUT, start, wait_idle
from tests.ui.test_ui_accessibility import unnamed_focusable


def test_second_start_asks_the_first_to_come_forward(qtbot: QtBot, tmp_path: Path) -> None:
    first = SingleInstance(tmp_path / "one")
    assert first.claim()
    try:
        with qtbot.waitSignal(first.raise_requested, timeout=TIMEOUT):
            assert not SingleInstance(tmp_path / "one").claim()
        other = SingleInstance(tmp_path / "two")
        assert other.claim()  # another profile is another instance
        other.release()
    finally:
        first.release()
    assert server_name(tmp_path / "one") != server_name(tmp_path / "two")


def test_demo_opens_straight_into_a_filled_caseload(qtbot: QtBot, make_app: Any) -> None:
    services = make_app(demo=True)
    start(qtbot, services)
    window = services.window
    qtbot.waitUntil(lambda: window.is_unlocked, timeout=60_000)
    qtbot.waitUntil(lambda: window.caseload.model.rowCount() > 0, timeout=TIMEOUT)
    wait_idle(qtbot, services)
    window.lock()
    hint = window.unlock_page.demo_hint
    assert hint is not None and hint.isVisibleTo(window)
    assert demo_passphrase() in hint.text()
    assert unnamed_focusable(window.unlock_page) == []


def test_every_shortcut_is_listed_in_help() -> None:
    listed = {keys for keys, _ in shortcuts.TABLE}
    for keys in (
        shortcuts.NEW_PARTICIPANT,
        shortcuts.NEW_NOTE,
        shortcuts.SEARCH,
        shortcuts.SAVE,
        shortcuts.CLOSE_TAB,
        shortcuts.LOCK,
    ):
        assert keys in listed


def test_help_is_the_last_menu(qapp: Any, tmp_path: Path) -> None:
    from tests.helpers.ui import make_services

    services = make_services(tmp_path / "p")
    titles = [a.text().replace("&", "") for a in services.window.menuBar().actions()]
    assert titles[0] == "File" and titles[-1] == "Help"
    assert {"Sync", "Records", "Export", "Reports"} <= set(titles)
    services.shutdown()
