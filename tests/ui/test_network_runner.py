"""The network runner at shutdown: calls that never ran are dropped quietly."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from mentor_desk.ui.shell.network import NetRunner


def test_calls_cancelled_at_shutdown_are_dropped_and_the_runner_goes_idle(qtbot: QtBot) -> None:
    runner = NetRunner(workers=1)
    started, release = threading.Event(), threading.Event()
    answers: list[object] = []
    failures: list[str] = []

    def slow() -> str:
        started.set()
        release.wait(5)
        return "done"

    runner.run(slow, answers.append, lambda message, _error: failures.append(message))
    started.wait(5)
    for n in range(3):  # queued behind the slow call; cancelled by the shutdown
        runner.run(lambda n=n: n, answers.append, lambda message, _e: failures.append(message))
    threading.Timer(0.2, release.set).start()
    with qtbot.waitSignal(runner.idle, timeout=5000):
        runner.shutdown()  # cancels what has not started, waits for the call in flight
    assert answers == ["done"] and failures == []
    assert runner.pending == 0
