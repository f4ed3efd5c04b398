"""One person from release day to end of support, through every tab, as a mentor would."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSpinBox
from pytestqt.qtbot import QtBot

from tests.helpers.ui import TIMEOUT, press, wait_idle
from tests.ui.forms.helpers import (
    add_service,
    add_session,
    participant,
    query,
    reload_workspace,
    save_dialog,
)
from tests.ui.test_ui_accessibility import unnamed_focusable


def test_release_day_to_end_of_support(qtbot: QtBot, make_app: Any) -> None:
    services, ws = participant(qtbot, make_app, "Jordan", "Ellis")
    add_service(qtbot, services, "Step Up Housing", offers="Tenancy help")
    add_session(qtbot, services, "Walking football")
    reload_workspace(qtbot, services, ws)
    forms = ws.forms

    # Release day, from the keyboard.
    ws.tabs.setCurrentWidget(forms.release_day)
    panel = forms.release_day
    soon = (datetime.now().astimezone() + timedelta(hours=4)).strftime("%Y-%m-%d %H:%M")
    panel.form.editors["planned_release_at"].setText(
        (datetime.now().astimezone() - timedelta(hours=1)).strftime("%Y-%m-%d %H:%M")
    )
    panel.form.editors["probation_appointment_at"].setText(soon)
    for key in ("stay_tonight", "probation_appointment", "phone_and_credit"):
        qtbot.keyClick(panel.checklist.selectors[key], Qt.Key.Key_A)
    assert panel.countdown.text().startswith("in 3 h") or panel.countdown.text() == "in 4 h 0 min"
    with qtbot.waitSignal(panel.changed, timeout=TIMEOUT):
        press(qtbot, services, "Ctrl+S")
    wait_idle(qtbot, services)

    # Needs assessment.
    ws.tabs.setCurrentWidget(forms.assessment)
    qtbot.keyClick(forms.assessment.levels["accommodation"], Qt.Key.Key_H)
    qtbot.keyClick(forms.assessment.levels["sport"], Qt.Key.Key_S)
    with qtbot.waitSignal(forms.assessment.changed, timeout=TIMEOUT):
        forms.assessment.save()
    wait_idle(qtbot, services)

    # Plan: a goal in their words, a step, agreed as version 1.
    ws.tabs.setCurrentWidget(forms.plan)
    goal = forms.plan.add_goal()
    qtbot.keyClicks(goal.form.editors["goal_text"], "Get my own flat")
    save_dialog(qtbot, services, goal)
    qtbot.waitUntil(lambda: forms.plan.goals.rowCount() == 1, timeout=TIMEOUT)
    step = forms.plan.add_step()
    assert step is not None
    qtbot.keyClicks(step.form.editors["what"], "Ring the council")
    step.form.editors["due_date"].setText((date.today() + timedelta(days=3)).isoformat())
    save_dialog(qtbot, services, step)
    agree = forms.plan.agree()
    assert agree is not None
    with qtbot.waitSignal(agree.saved, timeout=TIMEOUT):
        agree.save_button.click()
    wait_idle(qtbot, services)

    # Consent, then a referral in two actions.
    ws.tabs.setCurrentWidget(forms.consent)
    consent = forms.consent.record_consent()
    assert consent is not None
    consent.form.editors["privacy_notice_version"].setText("2026-01")
    consent.form.editors["share_with_services"].setPlainText("all services")
    save_dialog(qtbot, services, consent)
    ws.tabs.setCurrentWidget(forms.signposting)
    qtbot.waitUntil(lambda: forms.signposting.services.rowCount() == 1, timeout=TIMEOUT)
    referral = forms.signposting.refer()
    assert referral is not None and referral.consent_note.text() == ""
    save_dialog(qtbot, services, referral)

    # Sessions and check-ins.
    ws.tabs.setCurrentWidget(forms.sessions)
    attendance = forms.sessions.record_attendance()
    assert attendance is not None
    save_dialog(qtbot, services, attendance)
    check_in = forms.sessions.new_check_in()
    spin = check_in.form.editors["happiness"]
    assert isinstance(spin, QSpinBox)
    spin.setValue(6)
    save_dialog(qtbot, services, check_in)
    qtbot.waitUntil(lambda: forms.sessions.check_ins.rowCount() == 1, timeout=TIMEOUT)

    # History shows it all, plan version included.
    ws.tabs.setCurrentWidget(forms.history)
    qtbot.waitUntil(lambda: forms.history.model.rowCount() >= 10, timeout=TIMEOUT)
    kinds = {forms.history.model.index(r, 1).data() for r in range(forms.history.model.rowCount())}
    assert {"Release day", "Needs assessment", "Goal", "Step", "Plan agreement"} <= kinds
    assert {"Referral", "Attendance", "Check-in", "Consent", "Participant"} <= kinds
    for index in range(ws.tabs.count()):
        ws.tabs.setCurrentIndex(index)
        assert unnamed_focusable(ws) == [], ws.tabs.tabText(index)

    # End of support: the goal achieved, then everything read-only.
    ws.tabs.setCurrentWidget(forms.end_of_support)
    closing = forms.end_of_support.close_support()
    assert closing is not None
    [(outcome, comment)] = closing.outcomes.values()
    outcome.setCurrentIndex(outcome.findData("achieved"))
    comment.setText("Moved in last week")
    closing.summary.setPlainText("Housed, in work, playing football every week.")
    with qtbot.waitSignal(closing.saved, timeout=TIMEOUT):
        closing.save_button.click()
    wait_idle(qtbot, services)
    qtbot.waitUntil(lambda: forms.closed_bar.isVisibleTo(ws), timeout=TIMEOUT)
    assert not forms.signposting.refer_button.isEnabled()
    assert not forms.sessions.checkin_button.isEnabled()

    pid = ws.participant_id
    counts = query(
        qtbot,
        services,
        lambda s: {
            name: len(s.list(name, participant_id=pid))
            for name in (
                "release_day",
                "assessment",
                "goal",
                "goal_step",
                "plan_agreement",
                "consent",
                "referral",
                "attendance",
                "check_in",
                "end_of_support",
            )
        },
    )
    assert set(counts.values()) == {1}
    person = query(qtbot, services, lambda s: s.get("participant", pid))
    assert person is not None and person["status"] == "closed"
