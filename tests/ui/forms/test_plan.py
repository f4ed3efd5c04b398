"""Assessment and action plan: goals, steps, reviews, agreed versions, overdue steps."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from mentor_desk.ui.forms.agreement import AgreeDialog
from mentor_desk.ui.forms.assessment import change_mark
from mentor_desk.ui.forms.records import RecordDialog
from mentor_desk.ui.participant.workspace import ParticipantWorkspace
from tests.helpers.ui import TIMEOUT, wait_idle
from tests.ui.forms.helpers import participant, query, save_dialog


def add_goal(qtbot: QtBot, services: Any, ws: ParticipantWorkspace, text: str) -> dict[str, Any]:
    dialog = ws.forms.plan.add_goal()
    goal_text = dialog.form.editors["goal_text"]
    assert isinstance(goal_text, QPlainTextEdit)
    qtbot.keyClicks(goal_text, text)
    pathway = dialog.form.editors["pathway"]
    assert isinstance(pathway, QComboBox)
    pathway.setCurrentIndex(pathway.findData("accommodation"))
    rec = save_dialog(qtbot, services, dialog)
    qtbot.waitUntil(lambda: ws.forms.plan.goals.rowCount() >= 1, timeout=TIMEOUT)
    return rec


def add_step(
    qtbot: QtBot, services: Any, ws: ParticipantWorkspace, what: str, due: date
) -> dict[str, Any]:
    dialog = ws.forms.plan.add_step()
    assert dialog is not None
    qtbot.keyClicks(dialog.form.editors["what"], what)
    qtbot.keyClicks(dialog.form.editors["due_date"], due.isoformat())
    rec = save_dialog(qtbot, services, dialog)
    wait_idle(qtbot, services)
    return rec


def overdue(qtbot: QtBot, services: Any) -> int:
    qtbot.waitUntil(lambda: services.window.caseload.model.rowCount() == 1, timeout=TIMEOUT)
    return services.window.caseload.model.rows()[0].overdue_steps


def test_goal_steps_review_and_overdue_in_caseload(qtbot: QtBot, make_app: Any) -> None:
    services, ws = participant(qtbot, make_app)
    ws.tabs.setCurrentWidget(ws.forms.plan)
    goal = add_goal(qtbot, services, ws, "Get my own flat")
    assert goal["status"] == "not_started" and goal["pathway"] == "accommodation"
    add_step(qtbot, services, ws, "Fill in the housing form", date.today() - timedelta(days=2))
    add_step(qtbot, services, ws, "Visit the flat", date.today() + timedelta(days=5))
    qtbot.waitUntil(lambda: ws.forms.plan.steps.rowCount() == 2, timeout=TIMEOUT)
    assert ws.forms.plan.steps.index(0, 4).data() == "overdue"
    assert overdue(qtbot, services) == 1

    ws.forms.plan.step_table.selectRow(0)
    ws.forms.plan.done_step.click()
    wait_idle(qtbot, services)
    qtbot.waitUntil(lambda: ws.forms.plan.steps.index(0, 4).data() == "✓ done", timeout=TIMEOUT)
    assert overdue(qtbot, services) == 0

    ws.forms.plan.step_table.selectRow(1)
    ws.forms.plan.step_up.click()
    wait_idle(qtbot, services)
    qtbot.waitUntil(lambda: ws.forms.plan.steps.index(0, 1).data() == "Visit the flat")

    dialog = ws.forms.plan.add_review()
    assert dialog is not None
    qtbot.keyClicks(dialog.form.editors["progress"], "Form sent, viewing booked")
    status = dialog.form.editors["new_status"]
    assert isinstance(status, QComboBox)
    status.setCurrentIndex(status.findData("in_progress"))
    save_dialog(qtbot, services, dialog)
    wait_idle(qtbot, services)
    [stored] = query(qtbot, services, lambda s: s.list("goal"))
    assert stored["status"] == "in_progress"
    qtbot.waitUntil(lambda: ws.forms.plan.reviews.rowCount() == 1, timeout=TIMEOUT)


def test_goal_form_says_what_is_wrong(qtbot: QtBot, make_app: Any) -> None:
    services, ws = participant(qtbot, make_app)
    dialog = ws.forms.plan.add_goal()
    target = dialog.form.editors["target_date"]
    assert isinstance(target, QLineEdit)
    qtbot.keyClicks(target, "2026-13-01")
    assert dialog.form.message("target_date") == (
        "Target date is not a real date (use the form 2026-11-23)"
    )
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.form.message("goal_text") == "Goal, in their words is needed"
    assert dialog.form.message("pathway") == ""  # a pathway is always chosen
    goal_text = dialog.form.editors["goal_text"]
    assert isinstance(goal_text, QPlainTextEdit)
    goal_text.setPlainText("x" * 2001)
    assert "is too long (2,001 characters; the most is 2,000)" in dialog.form.message("goal_text")
    goal_text.setPlainText("Найти работу 仕事を見つける")
    target.setText("2026-12-01")
    rec = save_dialog(qtbot, services, dialog)
    assert rec["goal_text"] == "Найти работу 仕事を見つける"
    [stored] = query(qtbot, services, lambda s: s.list("goal"))
    assert stored["goal_text"] == "Найти работу 仕事を見つける"


def test_agreeing_makes_versions_that_stay_readable(qtbot: QtBot, make_app: Any) -> None:
    services, ws = participant(qtbot, make_app)
    plan = ws.forms.plan
    assert plan.agreed.text() == "This plan has not been agreed yet"
    add_goal(qtbot, services, ws, "Get my own flat")
    dialog = plan.agree()
    assert isinstance(dialog, AgreeDialog)
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT):
        dialog.save_button.click()
    wait_idle(qtbot, services)
    qtbot.waitUntil(lambda: "version 1 agreed" in plan.agreed.text(), timeout=TIMEOUT)
    assert "nothing changed" in plan.agreed.text()

    plan.goal_table.selectRow(0)
    change = plan.change_goal()
    assert isinstance(change, RecordDialog)
    text = change.form.editors["goal_text"]
    assert isinstance(text, QPlainTextEdit)
    text.setPlainText("Get my own flat near my kids")
    save_dialog(qtbot, services, change)
    qtbot.waitUntil(lambda: "changed since" in plan.agreed.text(), timeout=TIMEOUT)
    again = plan.agree()
    assert again is not None
    with qtbot.waitSignal(again.saved, timeout=TIMEOUT):
        again.save_button.click()
    wait_idle(qtbot, services)
    qtbot.waitUntil(lambda: plan.versions.count() == 2, timeout=TIMEOUT)
    versions = query(qtbot, services, lambda s: s.list("plan_agreement", order_by=["plan_version"]))
    assert [v["plan_version"] for v in versions] == [1, 2]
    assert versions[0]["snapshot"]["goals"][0]["goal_text"] == "Get my own flat"
    plan.versions.setCurrentIndex(1)  # newest first: version 1 is second
    reader = plan.read_version()
    assert reader is not None
    assert "Get my own flat" in reader.browser.toPlainText()
    assert "near my kids" not in reader.browser.toPlainText()
    reader.reject()


def test_assessment_history_shows_change_since_last(qtbot: QtBot, make_app: Any) -> None:
    assert change_mark("high", "some") == "↑"
    assert change_mark("none", "some") == "↓"
    assert change_mark("some", "some") == "="
    services, ws = participant(qtbot, make_app)
    tab = ws.forms.assessment
    ws.tabs.setCurrentWidget(tab)
    tab.date.setText((date.today() - timedelta(days=30)).isoformat())
    housing = tab.levels["accommodation"]
    housing.setFocus()
    qtbot.keyClick(housing, Qt.Key.Key_H)
    qtbot.keyClicks(tab.notes["accommodation"], "Sofa surfing")
    qtbot.keyClick(tab.levels["ete"], Qt.Key.Key_S)
    with qtbot.waitSignal(tab.changed, timeout=TIMEOUT):
        tab.save()
    wait_idle(qtbot, services)
    tab.start_new()
    qtbot.keyClick(housing, Qt.Key.Key_S)
    assert tab.marks["accommodation"].text() == "↓"
    assert tab.marks["ete"].text() == "="
    with qtbot.waitSignal(tab.changed, timeout=TIMEOUT):
        tab.save()
    wait_idle(qtbot, services)
    qtbot.waitUntil(lambda: tab.history.columnCount() == 2, timeout=TIMEOUT)
    assert tab.history.item(0, 0).text() == "Some ↓"
    stored = query(qtbot, services, lambda s: s.list("assessment", order_by=["assessed_on"]))
    assert stored[0]["needs"]["accommodation"] == {"level": "high", "note": "Sofa surfing"}
    assert stored[1]["needs"]["accommodation"]["level"] == "some"

    tab.date.setText("2026-02-30")
    assert tab.date_error.text() == "Date is not a real date (use the form 2026-11-23)"
