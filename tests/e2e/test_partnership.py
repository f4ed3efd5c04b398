"""The partnership over real HTTP, on SQLite and PostgreSQL (issue 15, docs/partnership.md).

Northside Trust (the lead organisation: the mentors) and Southside Football (a sport trust
that runs the walking football). A session leader of the trust syncs a laptop of their own:

- before any agreement, nothing of Northside's participants reaches it;
- under an agreement, it holds exactly the agreed fields of the consenting participants at
  its sessions or referred to its services — checked field by field against the records —
  and nothing of anyone else, no case note, no unshared safety flag;
- it takes attendance offline and answers a referral; the mentor sees both after a sync;
- withdrawing consent, or the agreement ending, takes the participant off its laptop at its
  next sync; a guessed participant id answers 404.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import date, timedelta
from typing import Any

from mentor_desk.domain import ENTITIES
from mentor_desk.domain import partnership as rule
from tests.helpers.server_proc import Laptop, ServerProcess, api

MakeLaptop = Callable[..., Laptop]
TODAY = date.today()
AGREED = [
    "participant.preferred_name",
    "participant.shared_safety_flags",
    "attendance.minutes_active",
]


def _consent(laptop: Laptop, pid: str, version: int, organisations: list[str]) -> str:
    rec = laptop.s.create(
        "consent",
        {
            "participant_id": pid,
            "consent_version": version,
            "given_on": (TODAY - timedelta(days=10)).isoformat(),
            "privacy_notice_version": "2026-01",
            "share_with_server": bool(organisations),
            "share_with_probation": False,
            "share_with_services": [],
            "share_with_organisations": organisations,
        },
    )
    return str(rec["id"])


def _agreement(server: ServerProcess, method: str = "POST", path: str = "", **kw: Any) -> Any:
    body = {
        "from_organisation_id": server.organisations["a"],
        "to_organisation_id": server.organisations["b"],
        "purpose": "Walking football sessions: who is coming and what to look out for",
        "legal_basis": "consent",
        "fields": AGREED,
        "starts_on": (TODAY - timedelta(days=30)).isoformat(),
        "review_on": (TODAY + timedelta(days=150)).isoformat(),
        "ends_on": None,
        "signed_by": "Chair of Northside Trust; Head of Community, Southside Football",
        **kw,
    }
    resp = api(server, method, "/partnership/agreements" + path, "coordinator", json=body)
    assert resp.status_code in (200, 201), resp.text
    return resp.json()


def _held(laptop: Laptop, *, typed: Collection[str] = ()) -> dict[tuple[str, str], dict[str, Any]]:
    """Every case record on ``laptop`` (but those it ``typed`` and the server refused):
    (entity, id) → its non-empty declared fields."""
    out = {}
    for ent in ENTITIES.values():
        if not ent.scoped:
            continue
        for rec in laptop.s.list(ent.name):
            if rec["id"] in typed:
                continue
            values = {k: rec.get(k) for k in ent.names if rec.get(k) not in (None, [], "")}
            out[(ent.name, str(rec["id"]))] = values
    return out


def test_a_partner_holds_exactly_what_the_agreement_and_consent_allow(
    server: ServerProcess, laptop: MakeLaptop
) -> None:
    trust = server.organisations["b"]
    office = laptop("coordinator")
    football = office.s.create(
        "activity_session",
        {"name": "Walking football", "weekday": "tuesday", "run_by_organisation_id": trust},
    )["id"]
    signup = office.s.create(
        "service", {"name": "Football sign-up", "run_by_organisation_id": trust}
    )["id"]
    other_service = office.s.create("service", {"name": "Hostel line"})["id"]
    assert office.sync().rejected == 0

    mentor = laptop("mentor_a")
    mentor.sync()
    flags = {"safety_flags": ["Do not meet alone"], "shared_safety_flags": ["Asthma: inhaler"]}
    jay = mentor.add_participant("Jay", "Example", preferred_name="J", **flags)
    kit = mentor.add_participant("Kit", "Example", preferred_name="K")  # no consent for B
    lee = mentor.add_participant("Lee", "Example", preferred_name="L")  # consents, not linked
    _consent(mentor, jay, 1, [trust])
    _consent(mentor, kit, 1, [])
    _consent(mentor, lee, 1, [trust])
    mentor.add_note(jay, "Talked about the football")
    full: dict[str, dict[str, Any]] = {}
    for pid in (jay, kit):
        att = mentor.s.create(
            "attendance",
            {
                "participant_id": pid,
                "session_id": football,
                "attended_on": TODAY.isoformat(),
                "attended": "yes",
                "minutes_active": 40,
                "concern": "Seemed low today",
            },
        )
        full[str(att["id"])] = att
    referral = mentor.s.create(
        "referral",
        {
            "participant_id": jay,
            "service_id": signup,
            "referred_on": TODAY.isoformat(),
            "kind": "referred",
            "status": "made",
            "outcome_note": "Mentor's own note on the referral",
        },
    )["id"]
    elsewhere = mentor.s.create(
        "referral",
        {
            "participant_id": jay,
            "service_id": other_service,
            "referred_on": TODAY.isoformat(),
            "kind": "signposted",
            "status": "made",
        },
    )["id"]
    assert mentor.sync().rejected == 0

    # No agreement yet: the trust's laptop has the timetable and directory, no one's records.
    partner = laptop("partner_b")
    partner.sync()
    assert partner.s.get("activity_session", football) is not None
    assert _held(partner) == {}

    agreement = _agreement(server)
    assert agreement["status"] == "live"
    partner.sync()
    held = _held(partner)
    assert {pid for (e, pid) in held if e == "participant"} == {jay}
    allowed = frozenset(AGREED)
    for (entity, _rid), values in held.items():
        keep = rule.project(entity, values, allowed)
        assert values == keep, (entity, sorted(set(values) - set(keep)))
    assert held[("participant", jay)] == {
        "reference": mentor.s.get("participant", jay)["reference"],  # type: ignore[index]
        "preferred_name": "J",
        "shared_safety_flags": ["Asthma: inhaler"],
    }
    jay_attendance = [rid for (e, rid) in held if e == "attendance"]
    assert len(jay_attendance) == 1
    att_id = jay_attendance[0]
    assert held[("attendance", att_id)] == {
        "participant_id": jay,
        "session_id": football,
        "attended_on": TODAY.isoformat(),
        "attended": "yes",
        "minutes_active": 40,
    }  # never the mentor's "concern"
    assert ("referral", referral) in held and ("referral", elsewhere) not in held
    assert "outcome_note" not in held[("referral", referral)]
    assert not [k for k in held if k[0] in ("case_note", "consent")]

    # A guessed id tells a partner nothing.
    for pid in (kit, lee, jay):
        assert api(server, "GET", f"/participants/{pid}", "partner_b").status_code == 404
        assert api(server, "GET", f"/records/participant/{pid}", "partner_b").status_code == 404

    # At the pitch, offline: attendance for next week, and the referral answered.
    next_week = (TODAY + timedelta(days=7)).isoformat()
    new_att = partner.s.create(
        "attendance",
        {
            "participant_id": jay,
            "session_id": football,
            "attended_on": next_week,
            "attended": "late",
        },
    )["id"]
    partner.s.update(
        "referral",
        referral,
        {
            "partner_answer": "declined",
            "status": "declined",
            "partner_reply": "The Tuesday group is full until March",
            "answered_on": TODAY.isoformat(),
        },
    )
    # Guessing: attendance for someone outside its reach is refused, nothing stored.
    guess = partner.s.create(
        "attendance",
        {"participant_id": kit, "session_id": football, "attended_on": next_week, "attended": "no"},
    )["id"]
    report = partner.sync()
    assert report.applied == 2 and report.rejected == 1, report.summary()
    refused = {str(guess)}  # stays on the laptop as typed, in "needs attention", until discarded

    mentor.sync()
    answered = mentor.s.get("referral", referral)
    assert answered is not None
    assert answered["status"] == "declined" and answered["partner_answer"] == "declined"
    assert answered["partner_reply"] == "The Tuesday group is full until March"
    assert answered["outcome_note"] == "Mentor's own note on the referral"  # untouched
    assert mentor.s.get("attendance", new_att) is not None

    # Consent withdrawn: Jay leaves the trust's laptop at its next sync.
    latest = next(iter(mentor.s.list("consent", participant_id=jay)))
    mentor.s.update("consent", str(latest["id"]), {"withdrawn_on": TODAY.isoformat()})
    assert mentor.sync().rejected == 0
    partner.sync()
    assert _held(partner, typed=refused) == {}

    # A new consent brings Jay back; the agreement ending takes Jay off again.
    _consent(mentor, jay, 2, [trust])
    assert mentor.sync().rejected == 0
    partner.sync()
    assert ("participant", jay) in _held(partner)
    _agreement(
        server,
        "PUT",
        f"/{agreement['id']}",
        ends_on=(TODAY - timedelta(days=1)).isoformat(),
    )
    partner.sync()
    assert _held(partner, typed=refused) == {}


def test_fewer_agreed_fields_are_taken_back(server: ServerProcess, laptop: MakeLaptop) -> None:
    """An agreement narrowed to fewer fields: the laptop loses the ones no longer agreed."""
    trust = server.organisations["b"]
    office = laptop("coordinator")
    football = office.s.create(
        "activity_session", {"name": "Walking football", "run_by_organisation_id": trust}
    )["id"]
    office.sync()
    mentor = laptop("mentor_a")
    mentor.sync()
    jay = mentor.add_participant("Jay", "Example", preferred_name="J")
    _consent(mentor, jay, 1, [trust])
    mentor.s.create(
        "attendance",
        {
            "participant_id": jay,
            "session_id": football,
            "attended_on": TODAY.isoformat(),
            "attended": "yes",
        },
    )
    mentor.sync()
    agreement = _agreement(server)
    partner = laptop("partner_b")
    partner.sync()
    assert _held(partner)[("participant", jay)]["preferred_name"] == "J"
    _agreement(server, "PUT", f"/{agreement['id']}", fields=["attendance.minutes_active"])
    partner.sync()
    assert "preferred_name" not in _held(partner)[("participant", jay)]
    # A lapsed review stops the flow like an ending.
    _agreement(
        server,
        "PUT",
        f"/{agreement['id']}",
        starts_on=(TODAY - timedelta(days=400)).isoformat(),
        review_on=(TODAY - timedelta(days=1)).isoformat(),
    )
    partner.sync()
    assert _held(partner) == {}
