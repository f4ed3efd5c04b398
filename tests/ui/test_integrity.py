"""The background page check after unlock warns about a damaged store, quietly passes a
good one, and never runs on the GUI thread."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from mentor_desk.store import KdfParams, Profile
from mentor_desk.ui.shell.integrity import DAMAGED_TITLE, IntegrityCheck
from tests.helpers.damage import store_with_damage_in_the_middle
from tests.helpers.ui import PASSPHRASE, TIMEOUT, make_services, start


def _checker(services: object) -> IntegrityCheck:
    window = services.window  # type: ignore[attr-defined]
    found = window.findChildren(IntegrityCheck)
    assert len(found) == 1
    return found[0]


def test_good_store_passes_quietly(qtbot: QtBot, tmp_path: Path) -> None:
    Profile(tmp_path / "p").create(PASSPHRASE, kdf=KdfParams.fast_for_tests()).close()
    services = make_services(tmp_path / "p")
    check = _checker(services)
    warned: list[str] = []
    check.warn = lambda _w, title, _m: warned.append(title)
    start(qtbot, services)
    with qtbot.waitSignal(check.finished, timeout=TIMEOUT) as blocker:
        qtbot.keyClicks(services.window.unlock_page.passphrase, PASSPHRASE)
        services.window.unlock_page.unlock_button.click()
    assert blocker.args == [0] and warned == []
    services.shutdown()


def test_damage_deep_in_the_file_is_reported(qtbot: QtBot, tmp_path: Path) -> None:
    store_with_damage_in_the_middle(tmp_path / "p", PASSPHRASE)
    services = make_services(tmp_path / "p")
    check = _checker(services)
    warned: list[str] = []
    check.warn = lambda _w, title, _m: warned.append(title)
    start(qtbot, services)
    with qtbot.waitSignal(check.finished, timeout=TIMEOUT) as blocker:
        qtbot.keyClicks(services.window.unlock_page.passphrase, PASSPHRASE)
        services.window.unlock_page.unlock_button.click()
    assert blocker.args[0] != 0 and warned == [DAMAGED_TITLE]
    services.shutdown()
