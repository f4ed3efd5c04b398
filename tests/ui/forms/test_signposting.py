"""Signposting: offline directory search, two-action referrals, consent, coordinator editing."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from mentor_desk.export import log
from mentor_desk.ui.forms.signposting import ReferralDialog
from tests.helpers.ui import TIMEOUT, wait_idle
from tests.ui.forms.helpers import (
    add_service,
    make_coordinator,
    participant,
    query,
    reload_workspace,
    save_dialog,
)


def test_search_refer_in_two_actions_and_follow_up_in_caseload(qtbot: QtBot, make_app: Any) -> None:
    services, ws = participant(qtbot, make_app)
    old = (date.today() - timedelta(days=100)).isoformat()
    add_service(qtbot, services, "Step Up Housing", offers="Hostel beds and tenancy help")
    add_service(
        qtbot,
        services,
        "Boxing Club",
        pathways=["sport"],
        offers="Boxing nights",
        area_covered="Bradford",
        last_checked_on=old,
    )
    reload_workspace(qtbot, services, ws)
    tab = ws.forms.signposting
    ws.tabs.setCurrentWidget(tab)
    assert tab.services.rowCount() == 2
    qtbot.keyClicks(tab.search, "tenancy")
    qtbot.waitUntil(lambda: tab.services.rowCount() == 1, timeout=TIMEOUT)
    assert tab.services.index(0, 0).data() == "Step Up Housing"
    tab.search.clear()
    qtbot.waitUntil(lambda: tab.services.rowCount() == 2, timeout=TIMEOUT)
    tab.pathway.setCurrentIndex(tab.pathway.findData("sport"))
    assert tab.services.rowCount() == 1
    assert tab.services.index(0, 4).data() == "3 months ago"
    tab.pathway.setCurrentIndex(0)
    qtbot.keyClicks(tab.area, "leeds")
    assert [tab.services.index(r, 0).data() for r in range(tab.services.rowCount())] == [
        "Step Up Housing"
    ]

    # Two actions: Refer (the service is chosen), then Save. Signposting needs no consent.
    dialog = tab.refer()
    assert isinstance(dialog, ReferralDialog)
    kind = dialog.form.editors["kind"]
    assert isinstance(kind, QComboBox)
    assert "no current consent" in dialog.consent_note.text()
    kind.setCurrentIndex(kind.findData("signposted"))
    assert not dialog.consent_note.isVisibleTo(dialog)
    follow = dialog.form.editors["follow_up_on"]
    assert isinstance(follow, QLineEdit)
    follow.setText("2026-02-31")
    dialog.save()
    assert "not a real date" in dialog.form.message("follow_up_on")
    follow.setText(date.today().isoformat())
    rec = save_dialog(qtbot, services, dialog)
    assert rec["kind"] == "signposted" and rec["pathway"] == "accommodation"
    qtbot.waitUntil(lambda: tab.referrals.rowCount() == 1, timeout=TIMEOUT)
    assert tab.referrals.index(0, 5).data().endswith("— due")
    qtbot.waitUntil(
        lambda: services.window.caseload.model.rows()[0].follow_ups_due == 1, timeout=TIMEOUT
    )


def test_referral_without_consent_needs_a_coordinator_reason(qtbot: QtBot, make_app: Any) -> None:
    services, ws = participant(qtbot, make_app)
    add_service(qtbot, services, "Step Up Housing")
    reload_workspace(qtbot, services, ws)
    tab = ws.forms.signposting
    dialog = tab.refer()
    assert dialog is not None
    dialog.save()  # a mentor cannot go ahead
    assert "needs their consent or a coordinator" in dialog.error.text()
    dialog.reject()

    make_coordinator(qtbot, services)
    reload_workspace(qtbot, services, ws)
    dialog = tab.refer()
    assert dialog is not None and dialog.override.isVisibleTo(dialog)
    dialog.save()
    assert "Give the reason" in dialog.error.text()
    qtbot.keyClicks(dialog.override, "Urgent: rough sleeping tonight")
    rec = save_dialog(qtbot, services, dialog)
    assert rec["outcome_note"] == "Consent override: Urgent: rough sleeping tonight"
    [audit] = query(qtbot, services, lambda s: log.entries(s))
    assert audit["kind"] == "referral_consent_override"
    assert audit["override_reason"] == "Urgent: rough sleeping tonight"


def test_consent_recorded_covers_a_named_service_and_can_be_withdrawn(
    qtbot: QtBot, make_app: Any
) -> None:
    services, ws = participant(qtbot, make_app)
    add_service(qtbot, services, "Step Up Housing")
    reload_workspace(qtbot, services, ws)
    consent = ws.forms.consent
    ws.tabs.setCurrentWidget(consent)
    assert "No consent recorded" in consent.current.text()
    dialog = consent.record_consent()
    assert dialog is not None
    dialog.save()
    assert dialog.form.message("privacy_notice_version") == "Privacy notice shown is needed"
    qtbot.keyClicks(dialog.form.editors["privacy_notice_version"], "2026-01")
    qtbot.keyClicks(dialog.form.editors["share_with_services"], "step up housing")
    save_dialog(qtbot, services, dialog)
    qtbot.waitUntil(lambda: "Version 1" in consent.current.text(), timeout=TIMEOUT)
    dialog = ws.forms.signposting.refer()
    assert dialog is not None and dialog.consent_note.text() == ""
    save_dialog(qtbot, services, dialog)

    consent.withdraw_now(consent.model.record(0)["id"])  # type: ignore[index]
    wait_idle(qtbot, services)
    qtbot.waitUntil(lambda: "withdrawn" in consent.current.text(), timeout=TIMEOUT)
    [stored] = query(qtbot, services, lambda s: s.list("consent"))
    assert stored["withdrawn_on"] == date.today().isoformat()
    assert stored["share_with_services"] == ["step up housing"]


def _record(qtbot: QtBot, services: Any, consent: Any, *, probation: bool) -> dict[str, Any]:
    dialog = consent.record_consent()
    assert dialog is not None
    editors = dialog.form.editors
    if not editors["privacy_notice_version"].text():
        qtbot.keyClicks(editors["privacy_notice_version"], "2026-01")
    editors["share_with_server"].setChecked(True)
    editors["share_with_probation"].setChecked(probation)
    editors["share_with_services"].setPlainText("all services")
    return save_dialog(qtbot, services, dialog)


def test_withdrawing_the_latest_consent_never_brings_an_older_one_back(
    qtbot: QtBot, make_app: Any
) -> None:
    """Issue 12.1 and 12.3: the latest version decides; a withdrawal shares nothing."""
    services, ws = participant(qtbot, make_app)
    add_service(qtbot, services, "Step Up Housing")
    reload_workspace(qtbot, services, ws)
    consent = ws.forms.consent
    ws.tabs.setCurrentWidget(consent)

    # A first consent starts with every box unticked: consent is an active opt-in.
    first = consent.record_consent()
    assert first is not None
    values = first.form.values()
    assert not values["share_with_server"] and not values["share_with_probation"]
    assert not values["share_with_services"]
    first.reject()

    _record(qtbot, services, consent, probation=True)
    qtbot.waitUntil(lambda: "Version 1" in consent.current.text(), timeout=TIMEOUT)
    v2 = _record(qtbot, services, consent, probation=True)
    assert v2["consent_version"] == 2
    qtbot.waitUntil(lambda: "Version 2" in consent.current.text(), timeout=TIMEOUT)

    # The next version starts as the one in force has it.
    again = consent.record_consent()
    assert again is not None
    assert again.form.values()["share_with_probation"] is True
    again.reject()

    consent.withdraw_now(v2["id"])
    wait_idle(qtbot, services)
    qtbot.waitUntil(lambda: "withdrawn" in consent.current.text(), timeout=TIMEOUT)
    text = consent.current.text()
    assert "Version 2" in text and "Nothing may be shared" in text
    assert "Version 1" not in text and "agreed to share" not in text
    assert not consent.withdraw_button.isEnabled()

    # A referral that passes their details on is stopped; signposting is not.
    dialog = ws.forms.signposting.refer()
    assert isinstance(dialog, ReferralDialog)
    kind = dialog.form.editors["kind"]
    assert isinstance(kind, QComboBox)
    kind.setCurrentIndex(kind.findData("referred"))
    assert "withdrawn" in dialog.consent_note.text()
    kind.setCurrentIndex(kind.findData("signposted"))
    assert dialog.consent_note.text() == ""
    dialog.reject()

    # After a withdrawal the next consent starts unticked again.
    after = consent.record_consent()
    assert after is not None
    values = after.form.values()
    assert not values["share_with_server"] and not values["share_with_probation"]
    assert not values["share_with_services"]
    after.reject()


def test_coordinator_edits_the_directory_mentor_cannot(qtbot: QtBot, make_app: Any) -> None:
    services, ws = participant(qtbot, make_app)
    actions = services.window.form_actions
    assert not actions.directory.isEnabled()
    assert not ws.forms.signposting.new_service.isVisibleTo(ws)
    make_coordinator(qtbot, services)
    assert actions.directory.isEnabled()
    editor = actions.open_directory()
    assert editor is not None
    dialog = editor.edit(None)
    save = dialog.save_button
    dialog.save()
    assert dialog.form.message("name") == "Name is needed"
    dialog.form.editors["name"].setText("Café Ünïcode — 咖啡")
    assert save.isEnabled()
    save_dialog(qtbot, services, dialog)
    qtbot.waitUntil(lambda: editor.model.rowCount() == 1, timeout=TIMEOUT)
    timetable = actions.open_timetable()
    assert timetable is not None
    session = timetable.edit(None)
    session.form.editors["name"].setText("Walking football")
    session.form.editors["time"].setText("25:00")
    assert session.form.message("time") == "Time must be a time like 18:30"
    session.form.editors["time"].setText("18:30")
    save_dialog(qtbot, services, session)
    [stored] = query(qtbot, services, lambda s: s.list("activity_session"))
    assert stored["time"] == "18:30"
    timetable.reject()
    editor.reject()


def test_consent_names_the_partner_organisations_it_covers(qtbot: QtBot, make_app: Any) -> None:
    """With the partnership cached by a sync, the consent form offers its organisations to
    tick; what is ticked is what the server's sharing rule reads (docs/partnership.md)."""
    import json

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QListWidget

    from mentor_desk.sync.partnership import CACHE_KEY

    services, ws = participant(qtbot, make_app)
    cache = {
        "fetched_at": "2026-12-03T09:00:00Z",
        "organisations": [
            {"id": "org-lead", "name": "Northside Trust", "kind": "lead"},
            {"id": "org-trust", "name": "Southside Football", "kind": "sport"},
        ],
        "agreements": [],
    }
    query(qtbot, services, lambda s: s.set_meta(CACHE_KEY, json.dumps(cache)))
    query(qtbot, services, lambda s: s.set_meta("organisation_id", "org-lead"))
    reload_workspace(qtbot, services, ws)
    consent = ws.forms.consent
    ws.tabs.setCurrentWidget(consent)
    dialog = consent.record_consent()
    assert dialog is not None
    box = dialog.form.editors["share_with_organisations"]
    assert isinstance(box, QListWidget)
    assert [box.item(i).text() for i in range(box.count())] == ["Southside Football"]
    qtbot.keyClicks(dialog.form.editors["privacy_notice_version"], "2026-01")
    dialog.form.editors["share_with_server"].setChecked(True)
    box.item(0).setCheckState(Qt.CheckState.Checked)
    save_dialog(qtbot, services, dialog)
    [stored] = query(qtbot, services, lambda s: s.list("consent"))
    assert stored["share_with_organisations"] == ["org-trust"]
