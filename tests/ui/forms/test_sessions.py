"""Sessions and check-ins: per-person and whole-session attendance, ONS4 check-ins, trend."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSpinBox
from pytestqt.qtbot import QtBot

from mentor_desk.ui.forms.checkins import ATTRIBUTION, ONS4
from mentor_desk.ui.forms.sessions import SessionAttendanceDialog
from tests.helpers.ui import TIMEOUT, add_participant, press, wait_idle
from tests.ui.forms.helpers import (
    add_session,
    dialog_of,
    participant,
    query,
    reload_workspace,
    save_dialog,
)


def test_attendance_per_person_with_tell_probation(qtbot: QtBot, make_app: Any) -> None:
    services, ws = participant(qtbot, make_app)
    tab = ws.forms.sessions
    assert not tab.record_button.isEnabled()  # no timetable yet
    add_session(qtbot, services, "Walking football")
    reload_workspace(qtbot, services, ws)
    dialog = tab.record_attendance()
    assert dialog is not None
    minutes = dialog.form.editors["minutes_active"]
    assert isinstance(minutes, QSpinBox)
    minutes.setValue(45)
    dialog.form.editors["concern"].setText("Argued with another player")
    dialog.form.editors["tell_probation_behaviour"].setChecked(True)
    when = dialog.form.editors["attended_on"]
    assert isinstance(when, QLineEdit)
    when.setText("2026-04-31")
    dialog.save()
    assert "not a real date" in dialog.form.message("attended_on")
    when.setText(date.today().isoformat())
    save_dialog(qtbot, services, dialog)
    qtbot.waitUntil(lambda: tab.attendance.rowCount() == 1, timeout=TIMEOUT)
    assert tab.attendance.index(0, 5).data() == "behaviour"
    [rec] = query(qtbot, services, lambda s: s.list("attendance"))
    assert rec["minutes_active"] == 45 and rec["tell_probation_behaviour"] is True


def test_whole_session_attendance_from_the_main_window(qtbot: QtBot, make_app: Any) -> None:
    services, _ws = participant(qtbot, make_app)
    add_participant(qtbot, services, "Sam", "Okafor")
    add_session(qtbot, services, "Boxing")
    press(qtbot, services, "Ctrl+Shift+A")
    dialog = dialog_of(qtbot, SessionAttendanceDialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=TIMEOUT)
    attended, minutes, engaged = dialog.row_widgets(0)
    attended.setCurrentIndex(attended.findData("late"))
    minutes.setValue(30)
    qtbot.keyClicks(engaged, "Joined in after a slow start")
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT) as blocker:
        dialog.save_button.click()
    wait_idle(qtbot, services)
    assert blocker.args == [1]
    [rec] = query(qtbot, services, lambda s: s.list("attendance"))
    assert rec["attended"] == "late" and rec["minutes_active"] == 30


def test_check_in_with_ons4_wording_and_trend(qtbot: QtBot, make_app: Any) -> None:
    services, ws = participant(qtbot, make_app)
    tab = ws.forms.sessions
    for days_ago, life, anxiety in ((20, 4, 8), (2, 7, 5)):
        dialog = tab.new_check_in()
        texts = [w.text() for w in dialog.findChildren(QLabel)]
        assert any(ONS4["anxiety"] in t for t in texts)
        assert ATTRIBUTION in texts
        checked = dialog.form.editors["checked_on"]
        assert isinstance(checked, QLineEdit)
        checked.setText((date.today() - timedelta(days=days_ago)).isoformat())
        for name, value in (("life_satisfaction", life), ("anxiety", anxiety), ("active_days", 3)):
            spin = dialog.form.editors[name]
            assert isinstance(spin, QSpinBox)
            spin.setValue(value)
        housing = dialog.form.editors["accommodation_status"]
        assert isinstance(housing, QComboBox)
        housing.setCurrentIndex(housing.findData("temporary"))
        save_dialog(qtbot, services, dialog)
    qtbot.waitUntil(lambda: tab.check_ins.rowCount() == 2, timeout=TIMEOUT)
    assert tab.trend.latest["life_satisfaction"].text() == "7/10 ↑"
    assert tab.trend.latest["anxiety"].text() == "5/10 ↓"
    assert tab.trend.lines["life_satisfaction"].accessibleName() == "Satisfied with life: 4, 7"

    future = tab.new_check_in()
    future.form.editors["checked_on"].setText((date.today() + timedelta(days=5)).isoformat())
    assert future.form.message("checked_on") == "Date is in the future"
    future.reject()
