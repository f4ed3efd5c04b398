"""The program locks itself after a period without use; using it postpones the lock."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.helpers.ui import first_run, start


def test_idle_lock_fires(qtbot: QtBot, make_app: Any) -> None:
    services = make_app(idle_lock_ms=400)
    start(qtbot, services)
    first_run(qtbot, services)
    with qtbot.waitSignal(services.window.locked, timeout=3000):
        pass
    assert services.window.stack.currentWidget() is services.window.unlock_page
    qtbot.waitUntil(lambda: not services.worker.is_open, timeout=3000)


def test_typing_postpones_the_idle_lock(qtbot: QtBot, make_app: Any) -> None:
    services = make_app(idle_lock_ms=600)
    start(qtbot, services)
    first_run(qtbot, services)
    search = services.window.caseload.search
    locked: list[bool] = []
    services.window.locked.connect(lambda: locked.append(True))
    began = time.monotonic()
    while time.monotonic() - began < 1.5:  # 2.5 timeouts of steady typing
        qtbot.keyClick(search, Qt.Key.Key_A)
        qtbot.wait(150)
    assert locked == []
    assert services.window.is_unlocked
    with qtbot.waitSignal(services.window.locked, timeout=3000):
        pass
