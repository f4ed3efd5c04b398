"""The partner's reads and writes on its own laptop (store/partner.py, issue 15)."""

from __future__ import annotations

from datetime import date

import pytest

from mentor_desk.domain.validation import ValidationFailed
from mentor_desk.store import Store, partner, syncstate
from mentor_desk.store.caseload import caseload
from mentor_desk.store.syncstate import RemoteChange
from tests.helpers.partner_laptop import seed_partner_store
from tests.store.test_records import add_participant


def test_my_sessions_are_those_my_organisation_runs(store: Store) -> None:
    seed = seed_partner_store(store)
    assert [s["id"] for s in partner.my_sessions(store)] == [seed.boxing, seed.football]


def test_attendees_show_reference_preferred_name_and_shared_flags_only(store: Store) -> None:
    seed = seed_partner_store(store)
    people = {a.participant_id: a for a in partner.attendees(store, seed.football)}
    assert set(people) == {seed.flagged, seed.plain}
    sunny = people[seed.flagged]
    assert (sunny.reference, sunny.name) == ("LDN-2026-0042", "Sunny")
    assert sunny.shared_flags == ("Do not pair with LDN-2026-0007",)
    # no preferred name came: the reference stands in for it
    assert people[seed.plain].name == "LDN-2026-0057" and people[seed.plain].shared_flags == ()
    assert partner.attendees(store, seed.boxing) == []


def test_attendance_is_saved_once_per_person_and_day(store: Store) -> None:
    seed = seed_partner_store(store)
    day = "2026-11-24"
    assert store.outbox_count() == 0  # what was pulled is not sent back
    marks = {seed.flagged: "yes", seed.plain: None}
    assert partner.save_attendance(store, seed.football, day, marks) == 1
    assert partner.attendance_on(store, seed.football, day) == {seed.flagged: "yes"}
    # again, changed: the same record is changed, not a second one made
    assert partner.save_attendance(store, seed.football, day, {seed.flagged: "late"}) == 1
    assert partner.save_attendance(store, seed.football, day, {seed.flagged: "late"}) == 0
    rows = store.list("attendance", where={"session_id": seed.football, "attended_on": day})
    assert [r["attended"] for r in rows] == ["late"]
    out = store.outbox()
    assert {r.entity for r in out} == {"attendance"}
    first = out[0]
    assert set(first.fields) == {"participant_id", "session_id", "attended_on", "attended"}
    with pytest.raises(ValidationFailed):
        partner.save_attendance(store, seed.football, day, {seed.plain: "maybe"})


def test_the_inbox_lists_my_services_referrals_newest_first(store: Store) -> None:
    seed = seed_partner_store(store)
    rows = partner.referral_inbox(store)
    assert [r.referral_id for r in rows] == [seed.ref_new, seed.ref_old]
    assert rows[0].service == "Coaching badge course"
    assert (rows[0].name, rows[1].name) == ("LDN-2026-0057", "Sunny")
    assert rows[0].answer == ""


def test_an_answer_writes_only_the_answer_fields(store: Store) -> None:
    seed = seed_partner_store(store)
    assert store.outbox_count() == 0
    rec = partner.answer_referral(
        store, seed.ref_new, "declined", " No places until March ", date(2026, 12, 4)
    )
    assert rec["status"] == "declined" and rec["partner_answer"] == "declined"
    assert (rec["partner_reply"], rec["answered_on"]) == ("No places until March", "2026-12-04")
    [row] = store.outbox()
    assert set(row.fields) == set(partner.ANSWER_CHANGES)
    assert set(row.fields) <= {"partner_answer", "partner_reply", "answered_on", "status"}


def test_a_decline_needs_a_reason_and_answers_are_the_partners_three(store: Store) -> None:
    seed = seed_partner_store(store)
    with pytest.raises(ValidationFailed):
        partner.answer_referral(store, seed.ref_new, "declined", "  ")
    with pytest.raises(ValidationFailed):
        partner.answer_referral(store, seed.ref_new, "made", "")
    assert store.outbox_count() == 0
    rec = partner.answer_referral(store, seed.ref_new, "attended", "")
    assert rec["status"] == "attended" and rec.get("partner_reply") is None


def test_a_store_with_no_organisation_shows_nothing(store: Store) -> None:
    seed_partner_store(store)
    store.set_meta("organisation_id", None)
    assert partner.my_sessions(store) == [] and partner.referral_inbox(store) == []


@pytest.mark.parametrize(
    ("answer", "still_open"), [("accepted", 1), ("declined", 0), ("attended", 0)]
)
def test_the_mentors_caseload_counts_an_answered_referral_by_its_status(
    store: Store, answer: str, still_open: int
) -> None:
    """On the mentor's laptop the partner's answer arrives by sync and the caseload's
    "open referrals" follows it: declined or attended is no longer open."""
    pid = add_participant(store)
    svc = store.create("service", {"name": "Coaching badge course"})
    ref = store.create(
        "referral",
        {
            "participant_id": pid,
            "service_id": svc["id"],
            "referred_on": "2026-11-20",
            "kind": "referred",
            "status": "made",
            "follow_up_on": "2026-11-21",
        },
    )
    syncstate.acknowledge(store, [])
    store.conn.execute("DELETE FROM outbox")
    [row] = caseload(store, today=date(2026, 12, 5))
    assert (row.open_referrals, row.follow_ups_due) == (1, 1)
    fields = {
        **{k: ref[k] for k in ("participant_id", "service_id", "referred_on", "kind")},
        "follow_up_on": "2026-11-21",
        "status": answer,
        "partner_answer": answer,
        "partner_reply": "Starts Monday" if answer != "declined" else "No places",
        "answered_on": "2026-12-04",
    }
    syncstate.apply_page(
        store, [RemoteChange("referral", ref["id"], 20, 2, False, fields, {})], next_cursor=20
    )
    [row] = caseload(store, today=date(2026, 12, 5))
    assert row.open_referrals == still_open and row.follow_ups_due == still_open
    got = store.get("referral", ref["id"])
    assert got is not None and got["partner_answer"] == answer
