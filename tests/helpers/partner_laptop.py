"""A store as a partner organisation's laptop holds it after a sync (issue 15).

Only what ``server/partner_scope.py`` lets through, inserted as pulled records
(``syncstate.apply_page``): the directory and timetable (some run by this partner, some
not), and of each participant in reach only the projected fields — the ``reference``, a
``preferred_name`` for some, ``shared_safety_flags`` — never a given or family name;
attendance at the partner's sessions and referrals to its services. Every name is invented.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from mentor_desk.domain.ids import uuid7
from mentor_desk.store import syncstate
from mentor_desk.store.keys import KdfParams
from mentor_desk.store.profile import Profile
from mentor_desk.store.records import Store
from mentor_desk.store.syncstate import RemoteChange

PASSPHRASE = "correct horse battery staple"
TRUST = "org-trust-0001"
OTHER = "org-housing-0002"


@dataclass
class PartnerSeed:
    football: str  # a session the trust runs (two attendees)
    boxing: str  # another of the trust's sessions (nobody yet)
    elsewhere: str  # a session another organisation runs
    coaching: str  # a service the trust runs
    housing: str  # a service another organisation runs
    flagged: str  # participant with a preferred name and a shared flag
    plain: str  # participant with only a reference
    ref_new: str  # referral to the trust's coaching, not answered
    ref_old: str  # an older referral to the trust's coaching, not answered
    ref_other: str  # referral to the other organisation's service


def _change(entity: str, rid: str, seq: int, fields: dict[str, Any]) -> RemoteChange:
    return RemoteChange(entity, rid, seq, 1, False, fields, {k: seq for k in fields})


def seed_partner_store(store: Store, today: date | None = None) -> PartnerSeed:
    today = today or date.today()
    day = today.isoformat()
    s = PartnerSeed(*(uuid7() for _ in range(10)))
    with store.transaction():
        store.set_meta("user_role", "partner")
        store.set_meta("organisation_id", TRUST)
    changes = [
        _change(
            "activity_session",
            s.football,
            1,
            {
                "name": "Walking football",
                "venue": "Riverside pitch 2",
                "weekday": "tuesday",
                "time": "18:00",
                "run_by_organisation_id": TRUST,
            },
        ),
        _change(
            "activity_session",
            s.boxing,
            2,
            {"name": "Boxing fitness", "weekday": "thursday", "run_by_organisation_id": TRUST},
        ),
        _change(
            "activity_session",
            s.elsewhere,
            3,
            {"name": "Allotment group", "weekday": "friday", "run_by_organisation_id": OTHER},
        ),
        _change(
            "service",
            s.coaching,
            4,
            {"name": "Coaching badge course", "run_by_organisation_id": TRUST},
        ),
        _change(
            "service",
            s.housing,
            5,
            {"name": "Tenancy support", "run_by_organisation_id": OTHER},
        ),
        _change(
            "participant",
            s.flagged,
            6,
            {
                "reference": "LDN-2026-0042",
                "preferred_name": "Sunny",
                "shared_safety_flags": ["Do not pair with LDN-2026-0007"],
            },
        ),
        _change("participant", s.plain, 7, {"reference": "LDN-2026-0057"}),
        _change(
            "attendance",
            uuid7(),
            8,
            {
                "participant_id": s.flagged,
                "session_id": s.football,
                "attended_on": (today - timedelta(days=7)).isoformat(),
                "attended": "yes",
            },
        ),
        _change(
            "attendance",
            uuid7(),
            9,
            {
                "participant_id": s.plain,
                "session_id": s.football,
                "attended_on": (today - timedelta(days=7)).isoformat(),
                "attended": "late",
            },
        ),
        _change(
            "referral",
            s.ref_new,
            10,
            {
                "participant_id": s.plain,
                "service_id": s.coaching,
                "referred_on": day,
                "kind": "referred",
                "status": "made",
            },
        ),
        _change(
            "referral",
            s.ref_old,
            11,
            {
                "participant_id": s.flagged,
                "service_id": s.coaching,
                "referred_on": (today - timedelta(days=10)).isoformat(),
                "kind": "accompanied",
                "status": "made",
            },
        ),
        _change(
            "referral",
            s.ref_other,
            12,
            {
                "participant_id": s.flagged,
                "service_id": s.housing,
                "referred_on": day,
                "kind": "referred",
                "status": "made",
            },
        ),
    ]
    syncstate.apply_page(store, changes, next_cursor=12)
    return s


def seed_partner_profile(profile_dir: Path) -> PartnerSeed:
    """Make the profile (passphrase :data:`PASSPHRASE`) as a partner's laptop holds it."""
    store = Profile(profile_dir).create(
        PASSPHRASE, kdf=KdfParams.fast_for_tests(), actor_name="Casey Coach"
    )
    try:
        return seed_partner_store(store)
    finally:
        store.close()
