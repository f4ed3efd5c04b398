"""Every dialog and window of the record screens names its controls for a screen reader."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from tests.helpers.ui import TIMEOUT, wait_idle
from tests.ui.forms.helpers import (
    add_service,
    add_session,
    make_coordinator,
    participant,
    reload_workspace,
    save_dialog,
)
from tests.ui.test_ui_accessibility import unnamed_focusable


def _check(qtbot: QtBot, services: Any, dialog: QDialog | None) -> None:
    assert dialog is not None
    wait_idle(qtbot, services)
    assert unnamed_focusable(dialog) == [], dialog.windowTitle()
    dialog.reject()


def test_record_dialogs_name_their_controls(qtbot: QtBot, make_app: Any) -> None:
    services, ws = participant(qtbot, make_app)
    add_service(qtbot, services, "Step Up Housing")
    add_session(qtbot, services, "Boxing")
    make_coordinator(qtbot, services)
    reload_workspace(qtbot, services, ws)
    f = ws.forms
    goal = f.plan.add_goal()
    assert unnamed_focusable(goal) == []
    qtbot.keyClicks(goal.form.editors["goal_text"], "Get a job")
    save_dialog(qtbot, services, goal)
    qtbot.waitUntil(lambda: f.plan.goals.rowCount() == 1, timeout=TIMEOUT)
    for index in range(ws.tabs.count()):
        ws.tabs.setCurrentIndex(index)
        assert unnamed_focusable(ws) == [], ws.tabs.tabText(index)
    for make in (
        f.plan.add_step,
        f.plan.add_review,
        f.plan.agree,
        f.signposting.refer,
        f.consent.record_consent,
        f.sessions.record_attendance,
        f.sessions.new_check_in,
        f.end_of_support.close_support,
    ):
        _check(qtbot, services, make())
    actions = services.window.form_actions
    for open_it in (
        actions.open_release_day,
        actions.open_attendance,
        actions.open_team,
        actions.open_directory,
        actions.open_timetable,
    ):
        _check(qtbot, services, open_it())
