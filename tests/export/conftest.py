"""Fixtures for the export tests: generated data plus one participant with planted markers.

``planted`` holds texts that must appear in the participant's plan (goals, steps, services)
and marker texts that must never leave the store in a participant-facing export (case
notes, amendments, safety flags, the immediate-risks note, another participant's goals).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from mentor_desk.demo_data import generate
from mentor_desk.domain import resources
from mentor_desk.store import Store

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

MENTOR_CONTACT = "07700 900 456 · sam.work@gatetogoal.example"
PARTNERSHIP = "Gate to Goal West Yorkshire"


def iso(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def pdf_text(path: Path | bytes) -> str:
    """All text of a PDF, read back with a real parser, whitespace squashed."""
    from io import BytesIO

    reader = PdfReader(BytesIO(path) if isinstance(path, bytes) else path)
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return " ".join(text.split())


@dataclass
class Planted:
    pid: str
    other_pid: str
    goal_texts: list[str] = field(default_factory=list)
    why_texts: list[str] = field(default_factory=list)
    step_texts: list[str] = field(default_factory=list)
    done_step: str = ""
    service_names: list[str] = field(default_factory=list)
    service_phone: str = ""
    forbidden: dict[str, str] = field(default_factory=dict)
    stay_tonight: str = ""
    probation_place: str = ""
    practitioner_contact: str = ""


def plant(store: Store, *, goals: int = 3, today: date | None = None) -> Planted:
    """Generated data plus one fully known participant (and one other with markers)."""
    generate(store, size="tiny", seed=11)
    today = today or datetime.now(UTC).date()
    now = datetime.now(UTC).replace(microsecond=0)
    store.set_meta("actor_name", "Samira Okafor")
    me = store.create(
        "participant",
        {
            "reference": "TST-2026-0001",
            "given_name": "Jordan",
            "family_name": "Zebedee-Marker",
            "preferred_name": "Jay",
            "date_of_birth": "1990-04-02",
            "status": "active",
            "release_date": (today - timedelta(days=2)).isoformat(),
            "probation_practitioner_name": "Priya Practitioner",
            "probation_practitioner_contact": "0113 496 7777",
            "assigned_mentor_id": "m-1",
            "assigned_mentor_name": "Samira Okafor",
            "organisation_id": "org-a",
            "safety_flags": ["SAFETYFLAG-MARKER meet in public only"],
        },
    )
    other = store.create(
        "participant",
        {
            "reference": "TST-2026-0002",
            "given_name": "Other",
            "family_name": "Person",
            "status": "active",
            "organisation_id": "org-b",
        },
    )
    pid, opid = me["id"], other["id"]
    p = Planted(pid=pid, other_pid=opid)
    p.practitioner_contact = "0113 496 7777"
    service = store.create(
        "service",
        {
            "name": "Harbour Lights Housing Help",
            "offers": "Rooms and tenancy support",
            "phone": "0113 496 5151",
            "address": "12 Quay Street",
            "opening_times": "Mon–Fri 9am–5pm",
            "website": "https://harbour.example",
        },
    )
    p.service_names.append("Harbour Lights Housing Help")
    p.service_phone = "0113 496 5151"
    pathways = resources.pathway_keys()
    for g in range(goals):
        text = f"Goal number {g + 1} in my words: get a place near my sister {g + 1}"
        goal = store.create(
            "goal",
            {
                "participant_id": pid,
                "pathway": pathways[g % 9],
                "goal_text": text,
                "why_it_matters": f"Because it matters {g + 1}",
                "target_date": (today + timedelta(days=30 + g)).isoformat(),
                "status": "in_progress",
                "position": g,
            },
        )
        p.goal_texts.append(text)
        p.why_texts.append(f"Because it matters {g + 1}")
        for s in range(2):
            what = f"Step {g + 1}.{s + 1} ring the housing office"
            store.create(
                "goal_step",
                {
                    "participant_id": pid,
                    "goal_id": goal["id"],
                    "position": s,
                    "what": what,
                    "who": ("participant", "mentor")[s],
                    "due_date": (today + timedelta(days=3 + s)).isoformat(),
                    "done": False,
                },
            )
            p.step_texts.append(what)
        if g == 0:
            p.done_step = "Finished step already ticked off"
            store.create(
                "goal_step",
                {
                    "participant_id": pid,
                    "goal_id": goal["id"],
                    "position": 9,
                    "what": p.done_step,
                    "done": True,
                },
            )
            store.create(
                "goal_review",
                {
                    "participant_id": pid,
                    "goal_id": goal["id"],
                    "reviewed_on": today.isoformat(),
                    "progress": "REVIEW-MARKER private progress",
                },
            )
    store.create(
        "referral",
        {
            "participant_id": pid,
            "service_id": service["id"],
            "pathway": "accommodation",
            "referred_on": today.isoformat(),
            "kind": "referred",
            "status": "made",
            "follow_up_on": (today + timedelta(days=7)).isoformat(),
            "outcome_note": "OUTCOME-MARKER private outcome",
        },
    )
    p.stay_tonight = "Harbour Hostel, 4 Dock Road, room 12"
    p.probation_place = "Probation office, 1 Park Row"
    checklist = {
        item["key"]: {"state": "outstanding", "note": ""} for item in resources.checklist_items()
    }
    checklist["stay_tonight"] = {"state": "arranged", "note": p.stay_tonight}
    checklist["immediate_risks"] = {"state": "arranged", "note": "RISK-MARKER worried about X"}
    store.create(
        "release_day",
        {
            "participant_id": pid,
            "planned_release_at": iso(now - timedelta(hours=1)),
            "prison": "HMP Testmoor",
            "met": True,
            "checklist": checklist,
            "probation_appointment_at": iso(now + timedelta(hours=4)),
            "probation_appointment_place": p.probation_place,
            "next_meeting_at": iso(now + timedelta(days=2)),
            "next_meeting_place": "Café Marina",
        },
    )
    note = store.create(
        "case_note",
        {
            "participant_id": pid,
            "occurred_at": iso(now - timedelta(days=1)),
            "contact_kind": "face_to_face",
            "text": "CASENOTE-MARKER private note",
            "place": "PLACE-MARKER",
        },
    )
    store.create(
        "note_amendment",
        {
            "participant_id": pid,
            "note_id": note["id"],
            "kind": "amendment",
            "text": "AMENDMENT-MARKER correction",
        },
    )
    store.create(
        "attendance",
        {
            "participant_id": pid,
            "session_id": store.list("activity_session")[0]["id"],
            "attended_on": today.isoformat(),
            "attended": "yes",
            "minutes_active": 45,
            "concern": "CONCERN-MARKER private concern",
            "tell_probation_concern": False,
        },
    )
    store.create(
        "check_in",
        {
            "participant_id": pid,
            "checked_on": today.isoformat(),
            "life_satisfaction": 6,
            "worthwhile": 7,
            "happiness": 5,
            "anxiety": 3,
            "active_days": 4,
        },
    )
    store.create(
        "goal",
        {
            "participant_id": opid,
            "pathway": "sport",
            "goal_text": "OTHERPERSON-MARKER goal",
            "status": "in_progress",
        },
    )
    store.create(
        "case_note",
        {
            "participant_id": opid,
            "occurred_at": iso(now - timedelta(days=1)),
            "contact_kind": "phone",
            "text": "OTHERNOTE-MARKER note",
        },
    )
    p.forbidden = {
        "case note": "CASENOTE-MARKER",
        "note place": "PLACE-MARKER",
        "amendment": "AMENDMENT-MARKER",
        "safety flag": "SAFETYFLAG-MARKER",
        "immediate risks": "RISK-MARKER",
        "goal review": "REVIEW-MARKER",
        "referral outcome": "OUTCOME-MARKER",
        "attendance concern": "CONCERN-MARKER",
        "other participant": "OTHERPERSON-MARKER",
        "other participant's note": "OTHERNOTE-MARKER",
        "family name": "Zebedee-Marker",
    }
    return p


@pytest.fixture
def planted(store: Store) -> Planted:
    return plant(store)
