"""End of support (read-only until reopened), the coordinator's team view, history."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from mentor_desk.ui.coordinator.team import ReassignDialog
from mentor_desk.ui.forms.end_of_support import CloseSupportDialog, participant_reason
from tests.helpers.ui import TIMEOUT, wait_idle
from tests.ui.forms.helpers import make_coordinator, participant, query, reload_workspace


def test_participant_reason_mapping() -> None:
    assert participant_reason("completed") == "completed_plan"
    assert participant_reason("moved_out_of_area") == "moved_away"
    assert participant_reason("other") == "other"
    assert participant_reason("sentence_ended") == "other"


def test_close_support_then_read_only_until_reopened(qtbot: QtBot, make_app: Any) -> None:
    services, ws = participant(qtbot, make_app)
    pid = ws.participant_id
    goal = query(
        qtbot,
        services,
        lambda s: s.create(
            "goal",
            {
                "participant_id": pid,
                "pathway": "ete",
                "goal_text": "Get a job",
                "status": "achieved",
            },
        ),
    )
    reload_workspace(qtbot, services, ws)
    tab = ws.forms.end_of_support
    dialog = tab.close_support()
    assert isinstance(dialog, CloseSupportDialog)
    box, comment = dialog.outcomes[goal["id"]]
    assert box.currentData() == "achieved"
    comment.setText("Started at the warehouse — 仕事")
    dialog.ended_on.setText("2026-02-30")
    dialog.save()
    assert "Date support ended is not a real date" in dialog.error.text()
    dialog.ended_on.setText("2026-01-15")
    dialog.reason.setCurrentIndex(dialog.reason.findData("completed"))
    dialog.summary.setPlainText("Finished the plan and in work.")
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT):
        dialog.save_button.click()
    wait_idle(qtbot, services)
    person = query(qtbot, services, lambda s: s.get("participant", pid))
    assert person is not None
    assert person["status"] == "closed" and person["closure_reason"] == "completed_plan"
    [ending] = query(qtbot, services, lambda s: s.list("end_of_support"))
    assert ending["goal_outcomes"][goal["id"]]["comment"] == "Started at the warehouse — 仕事"

    qtbot.waitUntil(lambda: ws.forms.closed_bar.isVisibleTo(ws), timeout=TIMEOUT)
    assert not ws.forms.plan.new_goal.isEnabled()
    assert not ws.forms.release_day.save_button.isEnabled()
    given = ws.overview.form.editors["given_name"]
    assert isinstance(given, QLineEdit) and given.isReadOnly()
    assert not ws.notes.new_button.isEnabled()
    ws.new_note()  # Ctrl+Shift+N does not get round it
    assert ws.notes.editor is None
    assert "Completed" in tab.endings.toPlainText()

    ws.forms.closed_bar.reopen_button.click()
    wait_idle(qtbot, services)
    qtbot.waitUntil(lambda: not ws.forms.closed_bar.isVisibleTo(ws), timeout=TIMEOUT)
    assert ws.forms.plan.new_goal.isEnabled() and not given.isReadOnly()


def test_team_view_reassigns_in_two_actions(qtbot: QtBot, make_app: Any) -> None:
    services, ws = participant(qtbot, make_app)
    pid = ws.participant_id

    def seed(store: Any) -> None:
        store.update(
            "participant", pid, {"assigned_mentor_id": "m1", "assigned_mentor_name": "Ann"}
        )
        store.create(
            "participant",
            {
                "reference": "X-2026-0001",
                "given_name": "Lee",
                "family_name": "Carter",
                "status": "active",
                "assigned_mentor_id": "m2",
                "assigned_mentor_name": "Bo",
                "organisation_id": "trust",
            },
        )

    query(qtbot, services, seed)
    assert services.window.form_actions.open_team() is None  # mentors have no team view
    make_coordinator(qtbot, services)
    team = services.window.form_actions.open_team()
    assert team is not None
    qtbot.waitUntil(lambda: team.model.rowCount() == 2, timeout=TIMEOUT)
    team.organisation.setCurrentIndex(team.organisation.findData("trust"))
    assert team.model.rowCount() == 1
    team.organisation.setCurrentIndex(0)
    team.mentor.setCurrentIndex(team.mentor.findData("m1"))
    assert team.model.rowCount() == 1
    dialog = team.reassign()
    assert isinstance(dialog, ReassignDialog)
    assert dialog.mentor.currentText() == "Bo"
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT):
        dialog.save_button.click()
    wait_idle(qtbot, services)
    person = query(qtbot, services, lambda s: s.get("participant", pid))
    assert person is not None and person["assigned_mentor_id"] == "m2"
    assert person["assigned_mentor_name"] == "Bo"
    team.reject()


def test_history_lists_everything_newest_first(qtbot: QtBot, make_app: Any) -> None:
    services, ws = participant(qtbot, make_app)
    pid = ws.participant_id
    query(
        qtbot,
        services,
        lambda s: s.create(
            "goal",
            {
                "participant_id": pid,
                "pathway": "ete",
                "goal_text": "Get a job",
                "status": "in_progress",
            },
        ),
    )
    reload_workspace(qtbot, services, ws)
    tab = ws.forms.history
    assert tab.model.rowCount() == 2
    assert tab.model.index(0, 1).data() == "Goal"
    assert tab.model.index(1, 1).data() == "Participant"
    assert "Get a job" in tab.details.toPlainText()
