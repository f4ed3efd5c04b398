"""Help → Copy a problem report, and the notice for an error nobody caught (issue 14.8)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from mentor_desk import diagnostics, logs
from mentor_desk.app import Services
from mentor_desk.ui.shell import crash, shortcuts
from mentor_desk.ui.window.help_menu import COPIED, LOCKED
from tests.helpers import markers
from tests.helpers.ui import (
    TIMEOUT,
    add_participant,
    first_run,
    open_note_editor,
    press,
    start,
    wait_idle,
)


def _help_menu(services: Services) -> QMenu:
    for action in services.window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and action.text() == shortcuts.MENUS["help"]:
            return menu
    raise AssertionError("no Help menu")


def _copy_report(qtbot: QtBot, services: Services) -> str:
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("before")
    items = {a.text(): a for a in _help_menu(services).actions()}
    items["Copy a &problem report"].trigger()
    bar = services.window.statusBar()
    qtbot.waitUntil(lambda: bar.currentMessage() == COPIED, timeout=TIMEOUT)
    text = clipboard.text()
    assert text.startswith(diagnostics.TITLE)
    return text


def _line(report: str, label: str) -> str:
    found = [ln for ln in report.splitlines() if ln.startswith(label + ":")]
    assert len(found) == 1, (label, report)
    return found[0].split(":", 1)[1].strip()


def test_copy_a_problem_report_from_the_help_menu(
    qtbot: QtBot, make_app: Any, profile_dir: Path, program_logging: None
) -> None:
    services = make_app()
    start(qtbot, services)
    first_run(qtbot, services, name=markers.ACTOR)
    logs.log_to_file(profile_dir)
    add_participant(qtbot, services, markers.GIVEN, markers.FAMILY)
    editor = open_note_editor(qtbot, services)
    qtbot.keyClicks(editor.text, f"Talked about {markers.NOTE}")
    with qtbot.waitSignal(editor.saved, timeout=TIMEOUT):
        press(qtbot, services, "Ctrl+S")
    wait_idle(qtbot, services)

    text = _copy_report(qtbot, services)
    assert markers.found_in(text) == []
    assert _line(text, "participant records") == "1"
    assert _line(text, "case_note records") == "1"
    assert _line(text, "Joined a server") == "no (this computer only)"
    assert _line(text, "Changes waiting to be sent") != "0"
    assert _line(text, "SQLCipher") != ""

    press(qtbot, services, "Ctrl+L")  # locked: what can be said without the store
    wait_idle(qtbot, services)
    text = _copy_report(qtbot, services)
    assert _line(text, "Not included") == LOCKED
    assert "participant records" not in text
    assert _line(text, "Key file").startswith("present")
    assert markers.found_in(text) == []
    assert markers.found_in_files(profile_dir) == []


@pytest.fixture
def hooks(
    make_app: Any, profile_dir: Path, program_logging: None
) -> Iterator[tuple[Services, crash.CrashNotice]]:
    """The program's hooks for unhandled errors, as ``run_gui`` installs them."""
    services = make_app()
    logs.log_to_file(profile_dir, create=True)
    notice = crash.CrashNotice(services.window)
    undo = logs.install_excepthooks(notice.notify)
    yield services, notice
    undo()


def _notice_shown(qtbot: QtBot, notice: crash.CrashNotice) -> None:
    qtbot.waitUntil(lambda: notice.box is not None and notice.box.isVisible(), timeout=TIMEOUT)
    assert notice.box is not None
    assert notice.box.text() == "Something went wrong — your work is saved."
    notice.box.accept()
    qtbot.waitUntil(lambda: notice.box is None, timeout=TIMEOUT)


@pytest.mark.qt_no_exception_capture
def test_an_unhandled_error_in_a_slot_shows_the_notice_and_is_logged_without_values(
    qtbot: QtBot, hooks: tuple[Services, crash.CrashNotice], profile_dir: Path
) -> None:
    services, notice = hooks
    start(qtbot, services)

    def boom() -> None:
        raise ValueError(f"nobody caught this for {markers.GIVEN}")

    QTimer.singleShot(0, boom)
    _notice_shown(qtbot, notice)
    text = (profile_dir / logs.LOG_NAME).read_text(encoding="utf-8")
    assert "unhandled exception in the main thread" in text
    assert "builtins.ValueError" in text and "in boom" in text
    assert markers.found_in(text) == []


@pytest.mark.qt_no_exception_capture
def test_an_unhandled_error_in_another_thread_shows_the_notice_on_the_gui_thread(
    qtbot: QtBot, hooks: tuple[Services, crash.CrashNotice], profile_dir: Path
) -> None:
    services, notice = hooks
    start(qtbot, services)

    def boom() -> None:
        raise RuntimeError(f"a worker failed on {markers.NOTE}")

    worker = threading.Thread(target=boom, name="test-worker")
    worker.start()
    worker.join()
    _notice_shown(qtbot, notice)
    text = (profile_dir / logs.LOG_NAME).read_text(encoding="utf-8")
    assert "unhandled exception in thread test-worker" in text
    assert "builtins.RuntimeError" in text
    assert markers.found_in(text) == []


@pytest.mark.qt_no_exception_capture
def test_errors_in_a_burst_show_one_notice(
    qtbot: QtBot, hooks: tuple[Services, crash.CrashNotice], profile_dir: Path
) -> None:
    services, notice = hooks
    start(qtbot, services)

    def boom() -> None:
        raise KeyError("again")

    def logged() -> int:
        return (profile_dir / logs.LOG_NAME).read_text(encoding="utf-8").count("unhandled")

    for _ in range(3):
        QTimer.singleShot(0, boom)
    qtbot.waitUntil(lambda: logged() == 3, timeout=TIMEOUT)
    QCoreApplication.sendPostedEvents()  # every queued notice request has been handled
    assert notice.box is not None and notice.box.isVisible()
    first = notice.box
    notice.notify()
    QCoreApplication.sendPostedEvents()
    assert notice.box is first
    assert [b for b in services.window.findChildren(QMessageBox) if b.isVisible()] == [first]
    _notice_shown(qtbot, notice)
