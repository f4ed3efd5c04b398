"""A profile filled with generated data plus one known participant, for the UI export and
dashboard tests (the export module's own tests plant more, in ``tests/export/conftest.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from mentor_desk.demo_data import generate
from mentor_desk.store.keys import KdfParams
from mentor_desk.store.profile import Profile

PASSPHRASE = "correct horse battery staple"
GOAL_TEXT = "Get a flat near my sister GOALTEXT-7731"
STEP_TEXT = "Ring the housing office on Monday STEPTEXT-4402"
NOTE_MARKER = "CASENOTE-MARKER-9921"
FLAG_MARKER = "SAFETYFLAG-MARKER-5530"


@dataclass
class Seeded:
    pid: str  # consents to sharing with probation
    no_consent_pid: str  # has never consented to sharing with probation
    reference: str


def iso(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def seed_profile(profile_dir: Path, *, role: str | None = "mentor") -> Seeded:
    """Make the profile (passphrase :data:`PASSPHRASE`) with ``demo_data`` "tiny" and two
    known people; ``role`` sets the store's ``user_role`` as a joined account's would
    ("mentor" unless told; None leaves a local-only profile, its own coordinator)."""
    store = Profile(profile_dir).create(
        PASSPHRASE, kdf=KdfParams.fast_for_tests(), actor_name="Robin Mentor"
    )
    try:
        generate(store, size="tiny")
        now = datetime.now(UTC).replace(microsecond=0)
        today = now.date()
        with store.transaction():
            if role:
                store.set_meta("user_role", role)
            me = store.create(
                "participant",
                {
                    "reference": "TST-2026-0101",
                    "given_name": "Jordan",
                    "family_name": "Example",
                    "status": "active",
                    "release_date": (today - timedelta(days=20)).isoformat(),
                    "assigned_mentor_name": "Robin Mentor",
                    "safety_flags": [FLAG_MARKER],
                },
            )
            pid = me["id"]
            store.create(
                "consent",
                {
                    "participant_id": pid,
                    "consent_version": 1,
                    "given_on": (today - timedelta(days=20)).isoformat(),
                    "privacy_notice_version": "2026-01",
                    "share_with_server": True,
                    "share_with_probation": True,
                },
            )
            goal = store.create(
                "goal",
                {
                    "participant_id": pid,
                    "pathway": "accommodation",
                    "goal_text": GOAL_TEXT,
                    "status": "in_progress",
                    "position": 0,
                },
            )
            store.create(
                "goal_step",
                {
                    "participant_id": pid,
                    "goal_id": goal["id"],
                    "position": 0,
                    "what": STEP_TEXT,
                    "who": "participant",
                    "due_date": (today + timedelta(days=3)).isoformat(),
                    "done": False,
                },
            )
            store.create(
                "case_note",
                {
                    "participant_id": pid,
                    "occurred_at": iso(now - timedelta(days=1)),
                    "contact_kind": "face_to_face",
                    "text": f"{NOTE_MARKER} private note",
                },
            )
            store.create(
                "release_day",
                {
                    "participant_id": pid,
                    "planned_release_at": iso(now - timedelta(days=20)),
                    "prison": "HMP Testmoor",
                    "met": True,
                    "probation_appointment_at": iso(now + timedelta(hours=4)),
                    "probation_appointment_place": "Probation office, 1 Park Row",
                },
            )
            other = store.create(
                "participant",
                {
                    "reference": "TST-2026-0102",
                    "given_name": "Casey",
                    "family_name": "Noconsent",
                    "status": "active",
                },
            )
            store.create(
                "consent",
                {
                    "participant_id": other["id"],
                    "consent_version": 1,
                    "given_on": today.isoformat(),
                    "privacy_notice_version": "2026-01",
                    "share_with_server": True,
                    "share_with_probation": False,
                },
            )
        return Seeded(pid, other["id"], "TST-2026-0101")
    finally:
        store.close()
