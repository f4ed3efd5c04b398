"""The partnership screen and the agreement editor, from a cache seeded in the store's meta
(issue 15 points 1 and 6). Invented organisations only."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from mentor_desk.app import Services
from mentor_desk.store.records import Store
from mentor_desk.sync.partnership import CACHE_KEY
from mentor_desk.ui.partnership.editor import AgreementEditor
from mentor_desk.ui.partnership.screen import PartnershipWindow
from tests.export.conftest import pdf_text
from tests.helpers.ui import TIMEOUT, first_run, start, wait_idle
from tests.ui.forms.helpers import query

TODAY = date.today()
LEAD, SPORT, HOUSING = "org-lead-1", "org-sport-2", "org-housing-3"
FETCHED = "2026-12-01T09:30:00+00:00"
ORGS = [
    {"id": SPORT, "name": "Riverside Community Football", "kind": "sport"},
    {"id": LEAD, "name": "Northside Mentoring Trust", "kind": "lead"},
    {"id": HOUSING, "name": "Harbour Housing Advice", "kind": "housing"},
]
LIVE = {
    "id": "agr-1",
    "from_organisation_id": LEAD,
    "to_organisation_id": SPORT,
    "purpose": "Walking football: who is coming and what to look out for",
    "legal_basis": "consent",
    "fields": ["participant.preferred_name", "attendance.minutes_active"],
    "starts_on": (TODAY - timedelta(days=60)).isoformat(),
    "review_on": (TODAY + timedelta(days=100)).isoformat(),
    "ends_on": None,
    "signed_by": "Chair, Northside Mentoring Trust; Director, Riverside Community Football",
    "status": "live",
    "updated_at": FETCHED,
}
OVERDUE = {
    **LIVE,
    "id": "agr-2",
    "to_organisation_id": HOUSING,
    "purpose": "Housing referrals",
    "legal_basis": "public_task",
    "fields": ["referral.referred_on"],
    "review_on": (TODAY - timedelta(days=3)).isoformat(),
    # the server said "live" when it was fetched; the screen works it out for today
    "status": "live",
}


def _seed(
    store: Store,
    *,
    joined: bool = True,
    role: str = "mentor",
    cache: bool = True,
) -> None:
    with store.transaction():
        store.set_meta("server_url", "https://desk.example.org" if joined else None)
        store.set_meta("user_role", role if joined else None)
        if cache:
            doc = {"fetched_at": FETCHED, "organisations": ORGS, "agreements": [LIVE, OVERDUE]}
            store.set_meta(CACHE_KEY, json.dumps(doc))
    store.create(
        "service",
        {
            "name": "Football sign-up",
            "offers": "Kit and boots lent",
            "run_by_organisation_id": SPORT,
        },
    )
    store.create(
        "activity_session",
        {
            "name": "Walking football",
            "weekday": "tuesday",
            "time": "18:00",
            "venue": "Riverside Park",
            "run_by_organisation_id": SPORT,
        },
    )
    store.create("service", {"name": "Hostel line", "offers": "Beds tonight"})  # nobody's


def _open(qtbot: QtBot, make_app: Any, **seed: Any) -> tuple[Services, PartnershipWindow]:
    services = make_app()
    start(qtbot, services)
    first_run(qtbot, services)
    query(qtbot, services, lambda s: _seed(s, **seed))
    assert services.partnership is not None
    screen = services.partnership.open()
    assert screen is not None
    qtbot.waitUntil(lambda: screen.view is not None, timeout=TIMEOUT)
    wait_idle(qtbot, services)
    return services, screen


def test_go_menu_has_the_partnership_and_it_opens_only_unlocked(
    qtbot: QtBot, make_app: Any
) -> None:
    services = make_app()
    start(qtbot, services)
    assert services.partnership is not None
    action = services.partnership.action
    go = next(m for m in action.associatedObjects() if isinstance(m, QMenu))
    assert go.title().replace("&", "") == "Go"
    assert not action.isEnabled() and services.partnership.open() is None
    first_run(qtbot, services)
    assert action.isEnabled()


def test_a_local_only_profile_is_told_the_partnership_needs_a_server(
    qtbot: QtBot, make_app: Any
) -> None:
    _services, screen = _open(qtbot, make_app, joined=False, cache=False)
    assert screen.message.isVisibleTo(screen)
    assert "needs a server" in screen.message.text()
    assert not screen.table.isVisibleTo(screen)
    assert not screen.new_button.isEnabled() and not screen.print_button.isEnabled()


def test_no_cache_yet_says_sync_once(qtbot: QtBot, make_app: Any) -> None:
    _services, screen = _open(qtbot, make_app, cache=False)
    assert "Sync once to see the partnership" in screen.message.text()
    assert screen.model.rowCount() == 0


def test_the_partnership_at_a_glance(qtbot: QtBot, make_app: Any, qtmodeltester: Any) -> None:
    services, screen = _open(qtbot, make_app)
    assert not screen.message.isVisibleTo(screen)
    assert screen.as_of.text().startswith("As of ")
    text = screen.organisations.toPlainText()
    # grouped by kind, the lead first, each with what it runs
    lead = text.index("Lead organisation (the mentors)")
    sport = text.index("Community sport")
    housing = text.index("Housing")
    assert lead < text.index("Northside Mentoring Trust") < sport < housing
    riverside = text[sport:housing]
    assert "Service: Football sign-up — Kit and boots lent" in riverside
    assert "Session: Walking football — Tuesday 18:00, Riverside Park" in riverside
    assert "Hostel line" not in text  # run by nobody in the partnership
    assert "No services or sessions listed" in text[housing:]

    qtmodeltester.check(screen.model)
    rows = [
        [screen.model.index(r, c).data() for c in range(screen.model.columnCount())]
        for r in range(screen.model.rowCount())
    ]
    assert rows[0][:2] == ["Northside Mentoring Trust", "Riverside Community Football"]
    assert rows[0][4] == "In force"
    assert rows[1][1] == "Harbour Housing Advice" and rows[1][3] == "Public task"
    # an overdue review is said in words (and a sign), not by colour alone
    assert rows[1][4] == "⚠ Review overdue — nothing flows"
    assert rows[1][5].startswith("⚠ Overdue: was due ")
    assert not rows[0][5].startswith("⚠")
    # a mentor reads it; keeping agreements is for the lead's coordinators
    assert not screen.new_button.isEnabled() and not screen.change_button.isEnabled()
    assert "coordinator of the lead" in screen.new_button.toolTip()
    assert screen.print_button.isEnabled()
    assert screen.new_agreement() is None
    for widget in (screen.organisations, screen.table, screen.print_button):
        assert widget.accessibleName()
    services.window.lock()
    qtbot.waitUntil(
        lambda: services.partnership is not None and services.partnership.screen is None,
        timeout=TIMEOUT,
    )


def test_print_summary_writes_the_agreement_in_plain_words(
    qtbot: QtBot, make_app: Any, tmp_path: Path
) -> None:
    services, screen = _open(qtbot, make_app)
    screen.table.selectRow(1)
    target = tmp_path / "housing-isa"
    screen.print_summary(str(target))
    saved = tmp_path / "housing-isa.pdf"
    qtbot.waitUntil(saved.exists, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: services.net.pending == 0, timeout=TIMEOUT)
    assert "Saved to" in screen.notice.text()
    text = pdf_text(saved)
    assert (
        "Northside Mentoring Trust (lead organisation) shares with Harbour Housing Advice" in text
    )
    assert "Housing referrals" in text and "Public task" in text
    assert "Referral" in text and "Date" in text
    assert "OVERDUE" in text and "nothing flows until the agreement is reviewed" in text
    assert "Case note: all of it" in text and "Participant: Safety flags" in text


def test_the_editor_for_a_coordinator_keyboard_only(qtbot: QtBot, make_app: Any) -> None:
    _services, screen = _open(qtbot, make_app, role="coordinator")
    assert screen.new_button.isEnabled() and screen.change_button.isEnabled()
    screen.table.setFocus()
    screen.table.selectRow(0)
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)  # Enter on a row opens it
    qtbot.waitUntil(lambda: screen.editor is not None, timeout=TIMEOUT)
    editor = screen.editor
    assert isinstance(editor, AgreementEditor) and editor.agreement_id == LIVE["id"]
    qtbot.waitExposed(editor)
    assert not editor.error.isVisibleTo(editor)  # the Enter that opened it did not save
    body = editor.body()
    assert body["from_organisation_id"] == LEAD and body["to_organisation_id"] == SPORT
    assert sorted(body["fields"]) == sorted(LIVE["fields"])
    assert body["legal_basis"] == "consent" and body["review_on"] == LIVE["review_on"]
    # grouped by record type, with the vocabulary's labels
    model = editor.fields_model
    groups = [model.item(g).text() for g in range(model.rowCount())]
    assert groups[0] == "Participant — 1 ticked" and "Attendance — 1 ticked" in groups
    assert "Goal" in groups and not any(g.startswith("Case note") for g in groups)
    labels = [model.item(0).child(r).text() for r in range(model.item(0).rowCount())]
    assert "Preferred name" in labels and "Safety flags" not in labels
    # Space ticks the field in focus
    editor.fields.setFocus()
    first = model.item(0).child(0)
    editor.fields.setCurrentIndex(first.index())
    before = first.checkState()
    qtbot.keyClick(editor.fields, Qt.Key.Key_Space)
    assert first.checkState() != before
    assert model.item(0).text() == "Participant — 2 ticked"  # "Reference" is ticked now
    for widget in (editor.from_org, editor.to_org, editor.purpose, editor.basis, editor.fields):
        assert widget.accessibleName()
    # what is plainly missing is said before asking the server, and nothing typed is lost
    editor.purpose.clear()
    editor.review_on.setText("soon")
    qtbot.keyClicks(editor.signed_by, " and the vicar")
    editor.save()
    assert editor.error.isVisibleTo(editor)
    assert "Say what the sharing is for" in editor.error.text()
    assert "Review by: type a date like 2026-12-03" in editor.error.text()
    assert editor.signed_by.text().endswith(" and the vicar")
    assert editor.save_button.isEnabled()
    editor.reject()


def test_a_local_refusal_when_not_joined_is_plain(qtbot: QtBot, make_app: Any) -> None:
    """The meta says "joined" but no device is registered: the save fails in words."""
    services, screen = _open(qtbot, make_app, role="coordinator")
    editor = screen.new_agreement()
    assert editor is not None
    editor.to_org.setCurrentIndex(editor.to_org.findData(HOUSING))
    editor.from_org.setCurrentIndex(editor.from_org.findData(LEAD))
    qtbot.keyClicks(editor.purpose, "Housing advice referrals")
    editor.fields_model.set_checked("referral.referred_on", True)
    qtbot.keyClicks(editor.signed_by, "Both chairs")
    editor.save()
    qtbot.waitUntil(lambda: editor.save_button.isEnabled(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: services.net.pending == 0, timeout=TIMEOUT)
    assert editor.error.text() == "Not saved: This profile is not joined to a server."
    assert editor.purpose.toPlainText() == "Housing advice referrals"
    editor.reject()
