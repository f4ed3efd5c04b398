"""Drivers for the desktop program in tests: build a fresh service graph, click through it.

Every helper works through real widgets (typing, clicking, shortcuts) and waits on the task
runner, so tests exercise the same paths a person does.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from mentor_desk.app import AppConfig, Services, build
from mentor_desk.store.keys import KdfParams
from mentor_desk.ui.caseload.model import ID_ROLE
from mentor_desk.ui.participant.note_editor import NoteEditor
from mentor_desk.ui.participant.profile_form import NewParticipantDialog
from mentor_desk.ui.participant.workspace import ParticipantWorkspace

PASSPHRASE = "correct horse battery staple"
TIMEOUT = 10_000


def make_services(
    profile_dir: Path,
    *,
    idle_lock_ms: int = 10 * 60 * 1000,
    autosave_ms: int = 3000,
    demo: bool = False,
    language: str | None = "C",
) -> Services:
    config = AppConfig(
        profile_dir=profile_dir,
        kdf=KdfParams.fast_for_tests(),
        idle_lock_ms=idle_lock_ms,
        autosave_ms=autosave_ms,
        demo=demo,
        language=language,
    )
    return build(config)


def wait_idle(qtbot: QtBot, services: Services) -> None:
    qtbot.waitUntil(lambda: services.runner.pending == 0, timeout=TIMEOUT)


def press(qtbot: QtBot, services: Services, keys: str) -> None:
    """Press a shortcut on the focused widget of the window, as a person would."""
    seq = QKeySequence(keys)
    combo = seq[0]
    if QApplication.activeWindow() is None:  # offscreen: a closed dialog leaves none active
        services.window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is not None, timeout=TIMEOUT)
    target = QApplication.focusWidget() or QApplication.activeWindow() or services.window
    qtbot.keyClick(target, combo.key(), combo.keyboardModifiers())


def start(qtbot: QtBot, services: Services) -> None:
    services.window.show()
    qtbot.waitExposed(services.window)
    services.window.start()
    wait_idle(qtbot, services)


def first_run(
    qtbot: QtBot, services: Services, passphrase: str = PASSPHRASE, name: str = "Robin Mentor"
) -> None:
    page = services.window.first_run
    assert services.window.stack.currentWidget() is page
    qtbot.keyClicks(page.name_edit, name)
    qtbot.keyClicks(page.passphrase, passphrase)
    qtbot.keyClicks(page.repeat, passphrase)
    assert page.create_button.isEnabled()
    with qtbot.waitSignal(services.window.unlocked, timeout=TIMEOUT):
        qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, services)


def unlock(qtbot: QtBot, services: Services, passphrase: str = PASSPHRASE) -> None:
    page = services.window.unlock_page
    qtbot.waitUntil(lambda: page.passphrase.isEnabled(), timeout=TIMEOUT)
    qtbot.keyClicks(page.passphrase, passphrase)
    with qtbot.waitSignal(services.window.unlocked, timeout=TIMEOUT):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    wait_idle(qtbot, services)


def add_participant(qtbot: QtBot, services: Services, given: str, family: str) -> str:
    press(qtbot, services, "Ctrl+N")
    qtbot.waitUntil(lambda: _visible(NewParticipantDialog) is not None, timeout=TIMEOUT)
    dialog = _visible(NewParticipantDialog)
    assert isinstance(dialog, NewParticipantDialog)
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=TIMEOUT)
    qtbot.keyClicks(dialog.form.editors["given_name"], given)
    qtbot.keyClicks(dialog.form.editors["family_name"], family)
    with qtbot.waitSignal(dialog.created, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, services)
    return str(blocker.args[0]) if blocker.args else ""


def _visible(kind: type[QWidget]) -> QWidget | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind) and widget.isVisible():
            return widget
    return None


def current_workspace(services: Services) -> ParticipantWorkspace:
    ws = services.window.current_workspace()
    assert ws is not None
    return ws


def open_note_editor(qtbot: QtBot, services: Services) -> NoteEditor:
    press(qtbot, services, "Ctrl+Shift+N")
    ws = current_workspace(services)
    qtbot.waitUntil(lambda: ws.notes.editor is not None, timeout=TIMEOUT)
    assert ws.notes.editor is not None
    return ws.notes.editor


def caseload_ids(services: Services) -> list[str]:
    proxy = services.window.caseload.proxy
    return [str(proxy.index(r, 0).data(ID_ROLE)) for r in range(proxy.rowCount())]


def shutdown(services: Services) -> None:
    services.window.close()
    services.shutdown()
    services.window.deleteLater()


Factory = Callable[..., Services]
