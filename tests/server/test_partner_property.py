"""A property test of the partner's reach (issue 15): random agreements, consents and records,
and every record the server would give a partner checked against the rule written out again
here, independently of ``domain/partnership.py`` and ``server/partner_scope.py``.

Each example is a fresh in-memory database holding what the server's tables would hold;
``partner_scope.held`` is what the partner's pull serves (the pull adds only bookkeeping;
tests/e2e/test_partnership.py checks that end to end over HTTP).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from mentor_desk.server import partner_scope
from mentor_desk.server.models import (
    Base,
    ConsentOverride,
    Organisation,
    ParticipantScope,
    Record,
    SharingAgreement,
    User,
)

TODAY = date(2026, 12, 3)
LEAD, TRUST, OTHER = "org-lead", "org-trust", "org-other"
SESSIONS = {"s-trust": TRUST, "s-other": OTHER}
SERVICES = {"v-trust": TRUST, "v-other": OTHER}
#: Fields an agreement may draw from in these examples, and some it may list but never gets.
CANDIDATE_FIELDS = [
    "participant.preferred_name",
    "participant.shared_safety_flags",
    "participant.safety_flags",  # never shared
    "participant.phone",
    "attendance.minutes_active",
    "attendance.concern",
    "referral.outcome_note",
    "goal.goal_text",
    "case_note.text",  # never shared
]
NEVER = {"participant.safety_flags", "case_note.text"}
WORK = {
    "participant": {"reference"},
    "referral": {"participant_id", "service_id", "referred_on", "kind", "status"}
    | {"partner_answer", "partner_reply", "answered_on"},
    "attendance": {"participant_id", "session_id", "attended_on", "attended"},
}

days = st.integers(min_value=-60, max_value=60).map(lambda n: TODAY + timedelta(days=n))
agreements = st.lists(
    st.fixed_dictionaries(
        {
            "to": st.sampled_from([TRUST, OTHER]),
            "fields": st.lists(st.sampled_from(CANDIDATE_FIELDS), min_size=1, unique=True),
            "starts_on": days,
            "review_on": st.none() | days,
            "ends_on": st.none() | days,
        }
    ),
    max_size=3,
)
people = st.lists(
    st.fixed_dictionaries(
        {
            "consents": st.lists(
                st.fixed_dictionaries(
                    {
                        "orgs": st.lists(st.sampled_from([TRUST, OTHER]), unique=True),
                        "partnership": st.booleans(),
                        "withdrawn": st.booleans(),
                        "deleted": st.booleans(),
                    }
                ),
                max_size=3,
            ),
            "attends": st.lists(st.sampled_from(sorted(SESSIONS)), max_size=2),
            "referred": st.lists(st.sampled_from(sorted(SERVICES)), max_size=2),
            "override": st.booleans(),
            "goal": st.booleans(),
        }
    ),
    min_size=1,
    max_size=4,
)


def _record(session: Session, entity: str, rid: str, pid: str | None, data: dict[str, Any]) -> None:
    now = datetime(2026, 12, 1, tzinfo=UTC)
    session.add(
        Record(
            entity=entity,
            id=rid,
            participant_id=pid,
            organisation_id=LEAD if pid else None,
            data=data,
            field_versions={},
            version=1,
            deleted=False,
            created_at=now,
            updated_at=now,
        )
    )


def _live(a: dict[str, Any]) -> bool:
    return (
        a["starts_on"] <= TODAY
        and (a["ends_on"] is None or a["ends_on"] >= TODAY)
        and (a["review_on"] is None or a["review_on"] >= TODAY)
    )


def _expected(ags: list[dict[str, Any]], who: list[dict[str, Any]]) -> dict[str, set[str]]:
    """Participant → the agreed fields the trust may hold, by the rule as written in the
    issue: a live agreement to the trust, consent naming the trust (the latest version that
    is not deleted, not withdrawn) or an override, and a link to the trust's work."""
    agreed = set().union(*[set(a["fields"]) for a in ags if a["to"] == TRUST and _live(a)]) - NEVER
    out: dict[str, set[str]] = {}
    for i, p in enumerate(who):
        live = [c for c in p["consents"] if not c["deleted"]]
        latest = live[-1] if live else None  # versions go up with the list
        consents = (
            latest is not None
            and not latest["withdrawn"]
            and latest["partnership"]
            and TRUST in latest["orgs"]
        )
        linked = "s-trust" in p["attends"] or "v-trust" in p["referred"]
        if agreed and linked and (consents or p["override"]):
            out[f"p{i}"] = agreed
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ags=agreements, who=people)
def test_every_held_record_is_allowed(ags: list[dict[str, Any]], who: list[dict[str, Any]]) -> None:
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    now = datetime(2026, 12, 1, tzinfo=UTC)
    with Session(engine) as session:
        for org in (LEAD, TRUST, OTHER):
            session.add(Organisation(id=org, name=org, kind="lead", created_at=now))
        partner = User(
            id="u-partner",
            username="partner",
            name="Partner",
            role="partner",
            organisation_id=TRUST,
            password_hash="x",
            active=True,
            created_at=now,
            updated_at=now,
        )
        for sid, org in SESSIONS.items():
            _record(
                session, "activity_session", sid, None, {"name": sid, "run_by_organisation_id": org}
            )
        for vid, org in SERVICES.items():
            _record(session, "service", vid, None, {"name": vid, "run_by_organisation_id": org})
        for n, a in enumerate(ags):
            session.add(
                SharingAgreement(
                    id=f"a{n}",
                    from_organisation_id=LEAD,
                    to_organisation_id=a["to"],
                    purpose="test",
                    legal_basis="consent",
                    fields=a["fields"],
                    starts_on=a["starts_on"].isoformat(),
                    review_on=a["review_on"].isoformat() if a["review_on"] else None,
                    ends_on=a["ends_on"].isoformat() if a["ends_on"] else None,
                    signed_by="test",
                    created_at=now,
                    updated_at=now,
                )
            )
        full: dict[tuple[str, str], dict[str, Any]] = {}

        def add(entity: str, rid: str, pid: str, data: dict[str, Any]) -> None:
            full[(entity, rid)] = data
            _record(session, entity, rid, pid, data)

        for i, p in enumerate(who):
            pid = f"p{i}"
            session.add(ParticipantScope(participant_id=pid, organisation_id=LEAD, version=1))
            add(
                "participant",
                pid,
                pid,
                {
                    "reference": f"R-{i}",
                    "given_name": "Given",
                    "family_name": "Family",
                    "preferred_name": f"P{i}",
                    "phone": "0113 496 0000",
                    "status": "active",
                    "safety_flags": ["unshared"],
                    "shared_safety_flags": ["shared"],
                },
            )
            for v, c in enumerate(p["consents"], start=1):
                data = {
                    "participant_id": pid,
                    "consent_version": v,
                    "given_on": "2026-11-01",
                    "privacy_notice_version": "1",
                    "share_with_server": c["partnership"],
                    "share_with_organisations": c["orgs"],
                    "withdrawn_on": "2026-11-20" if c["withdrawn"] else None,
                }
                _record(session, "consent", f"{pid}-c{v}", pid, data)
                if c["deleted"]:
                    session.flush()
                    row = session.get(Record, ("consent", f"{pid}-c{v}"))
                    assert row is not None
                    row.deleted = True
            for k, sid in enumerate(p["attends"]):
                add(
                    "attendance",
                    f"{pid}-a{k}",
                    pid,
                    {
                        "participant_id": pid,
                        "session_id": sid,
                        "attended_on": "2026-11-25",
                        "attended": "yes",
                        "minutes_active": 30,
                        "concern": "a concern",
                    },
                )
            for k, vid in enumerate(p["referred"]):
                add(
                    "referral",
                    f"{pid}-r{k}",
                    pid,
                    {
                        "participant_id": pid,
                        "service_id": vid,
                        "referred_on": "2026-11-25",
                        "kind": "referred",
                        "status": "made",
                        "outcome_note": "mentor's note",
                    },
                )
            if p["goal"]:
                add("goal", f"{pid}-g", pid, {"participant_id": pid, "goal_text": "a goal"})
            add("case_note", f"{pid}-n", pid, {"participant_id": pid, "text": "private"})
            if p["override"]:
                session.add(
                    ConsentOverride(
                        id=f"{pid}-o",
                        participant_id=pid,
                        organisation_id=TRUST,
                        reason="safeguarding",
                        by_user_id="u-coordinator",
                        at=now,
                    )
                )
        session.flush()
        reach = partner_scope.reach(session, partner, TODAY)
        held = partner_scope.held(session, reach)

    expected = _expected(ags, who)
    assert {pid for pid in reach.participants} == set(expected)
    for (entity, rid), (record, fields) in held.items():
        pid = str(record.participant_id)
        assert pid in expected, (entity, rid)
        agreed = {n.partition(".")[2] for n in expected[pid] if n.startswith(entity + ".")}
        assert set(fields) <= agreed | WORK.get(entity, set()) | {"participant_id"}, (
            entity,
            fields,
        )
        assert entity != "case_note" and "safety_flags" not in fields
        if entity in ("attendance", "referral"):  # only the trust's own work
            target = fields["session_id"] if entity == "attendance" else fields["service_id"]
            assert target.endswith("-trust")
        for key, value in fields.items():
            assert full[(entity, rid)][key] == value
    # And nothing it may hold is missing: each agreed field of each visible record is there.
    for pid, agreed in expected.items():
        for name in agreed:
            entity, _, field = name.partition(".")
            for (ent, rid), data in full.items():
                if ent != entity or not rid.startswith(pid) or field not in data:
                    continue
                if ent in ("attendance", "referral") and not (
                    data.get("session_id", "") + data.get("service_id", "")
                ).endswith("-trust"):
                    continue
                assert held[(ent, rid)][1][field] == data[field], (ent, rid, field)
    engine.dispose()
