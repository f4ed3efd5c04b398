"""Drivers shared by the record-screen tests: a participant to work on, store queries."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from mentor_desk.app import Services
from mentor_desk.store.records import Store
from mentor_desk.ui.forms.records import RecordDialog
from mentor_desk.ui.participant.workspace import ParticipantWorkspace
from tests.helpers.ui import (
    TIMEOUT,
    add_participant,
    current_workspace,
    first_run,
    start,
    wait_idle,
)

T = TypeVar("T")
D = TypeVar("D", bound=QDialog)


def participant(
    qtbot: QtBot,
    make_app: Any,
    given: str = "Noor",
    family: str = "Haddad",
    role: str = "mentor",
) -> tuple[Services, ParticipantWorkspace]:
    services = make_app()
    start(qtbot, services)
    first_run(qtbot, services)
    # As a mentor of a partnership (a local-only profile is its own coordinator).
    make_coordinator(qtbot, services, role)
    add_participant(qtbot, services, given, family)
    ws = current_workspace(services)
    qtbot.waitUntil(lambda: ws.forms.data is not None, timeout=TIMEOUT)
    wait_idle(qtbot, services)
    activate(qtbot, services.window)
    return services, ws


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Offscreen, a closed dialog leaves no active window: keys need one."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=TIMEOUT)


def query(qtbot: QtBot, services: Services, op: Callable[[Store], T]) -> T:
    """Run ``op`` on the store worker (as the program does) and wait for its result."""
    box: list[T] = []
    services.runner.run(op, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=TIMEOUT)
    return box[0]


def dialog_of(qtbot: QtBot, kind: type[D]) -> D:
    found: list[D] = []

    def visible() -> bool:
        found[:] = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()
        ]
        return bool(found)

    qtbot.waitUntil(visible, timeout=TIMEOUT)
    return found[-1]


def save_dialog(qtbot: QtBot, services: Services, dialog: RecordDialog) -> dict[str, Any]:
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, services)
    result = blocker.args[0] if blocker.args else {}
    assert isinstance(result, dict)
    return result


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type ASCII text; non-Latin text is set with setText (key typing cannot send it)."""
    qtbot.keyClicks(widget, text)


def reloaded(qtbot: QtBot, services: Services, ws: ParticipantWorkspace) -> None:
    wait_idle(qtbot, services)
    qtbot.waitUntil(lambda: services.runner.pending == 0, timeout=TIMEOUT)


def make_coordinator(qtbot: QtBot, services: Services, role: str = "coordinator") -> None:
    def op(store: Store) -> None:
        with store.transaction():
            store.set_meta("user_role", role)

    query(qtbot, services, op)
    services.window.form_actions.check_role()
    wait_idle(qtbot, services)


def add_service(qtbot: QtBot, services: Services, name: str, **values: Any) -> dict[str, Any]:
    row = {"name": name, "pathways": ["accommodation"], "area_covered": "Leeds", **values}
    return query(qtbot, services, lambda s: s.create("service", row))


def add_session(qtbot: QtBot, services: Services, name: str) -> dict[str, Any]:
    row = {"name": name, "weekday": "tuesday", "time": "18:30", "venue": "Sports hall"}
    return query(qtbot, services, lambda s: s.create("activity_session", row))


def reload_workspace(qtbot: QtBot, services: Services, ws: ParticipantWorkspace) -> None:
    ws.reload()
    wait_idle(qtbot, services)
