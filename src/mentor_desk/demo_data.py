"""Realistic, invented sample data for the demo, the tests and the benchmarks.

Every name, place and note here is made up from word lists; nothing comes from a real
person. Sizes follow QUALITY.md "Data sizes". The same seed gives the same data.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from mentor_desk.domain import resources
from mentor_desk.domain.ids import uuid7
from mentor_desk.domain.vocabulary import (
    ACCOMMODATION_STATUSES,
    EMPLOYMENT_STATUSES,
    REFERRAL_KINDS,
    REFERRAL_STATUSES,
    WEEKDAYS,
)
from mentor_desk.store.records import Store

#: The fixed passphrase of ``mentor-desk --demo`` profiles (shown on screen).
DEMO_PASSPHRASE = "demo mentor desk"

SIZES: dict[str, dict[str, int]] = {
    "tiny": {"participants": 5, "notes_per": 5},
    "mentor": {"participants": 40, "notes_per": 50},
    "office": {"participants": 2000, "notes_per": 50},
    "region": {"participants": 20000, "notes_per": 50},
}

GIVEN = [
    "Aaron",
    "Abdi",
    "Aisha",
    "Alfie",
    "Amir",
    "Ben",
    "Bilal",
    "Callum",
    "Carla",
    "Chloe",
    "Connor",
    "Dale",
    "Dean",
    "Demi",
    "Donna",
    "Dylan",
    "Ellie",
    "Ewan",
    "Faisal",
    "Gemma",
    "Grace",
    "Harvey",
    "Hassan",
    "Imran",
    "Jade",
    "Jamal",
    "Jason",
    "Jodie",
    "Kai",
    "Kayleigh",
    "Kieran",
    "Lee",
    "Leon",
    "Liam",
    "Lola",
    "Luke",
    "Marcus",
    "Mason",
    "Nadia",
    "Nathan",
    "Olu",
    "Paige",
    "Reece",
    "Rhys",
    "Ryan",
    "Sam",
    "Shane",
    "Sian",
    "Tariq",
    "Tom",
    "Tyler",
    "Wayne",
    "Yusuf",
    "Zara",
    "Zoe",
]
FAMILY = [
    "Adeyemi",
    "Ahmed",
    "Ali",
    "Bailey",
    "Barker",
    "Begum",
    "Bennett",
    "Brooks",
    "Carter",
    "Chowdhury",
    "Clarke",
    "Davies",
    "Doyle",
    "Edwards",
    "Evans",
    "Fletcher",
    "Foster",
    "Green",
    "Hall",
    "Harris",
    "Hughes",
    "Hussain",
    "Jackson",
    "James",
    "Jones",
    "Kaur",
    "Kelly",
    "Khan",
    "Lewis",
    "Lloyd",
    "Mahmood",
    "Marsh",
    "Mills",
    "Mitchell",
    "Murphy",
    "Nowak",
    "Okafor",
    "Owen",
    "Parry",
    "Patel",
    "Price",
    "Quinn",
    "Reid",
    "Roberts",
    "Shah",
    "Singh",
    "Taylor",
    "Turner",
    "Walsh",
    "Ward",
    "Watson",
    "Webb",
    "Williams",
    "Wilson",
    "Wright",
    "Young",
]
PRISONS = (
    "HMP Brackenmoor",
    "HMP Eastfield",
    "HMP Kettleby",
    "HMP Northgate",
    "HMP Rowan Hill",
    "HMP Stonebridge",
    "HMP Westmarsh",
)
AREAS = ("LS1", "LS6", "LS9", "LS11", "BD3", "BD7", "WF1", "WF10", "HX1", "HD2", "S2", "S5")
PLACES = (
    "the café on the high street",
    "the library",
    "the probation office",
    "the hostel",
    "the community centre",
    "the football ground",
    "the bus station",
    "the park",
    "the job centre",
    "the GP surgery",
)
SERVICE_KINDS = (
    ("Open Door Housing Advice", "accommodation", "Help to find somewhere to live"),
    ("Second Chances Recovery Hub", "drugs_alcohol", "Drop-in recovery support and groups"),
    ("Kick-Off Football Sessions", "sport", "Weekly football for adults, kit provided"),
    ("Pathway to Work", "ete", "CV help, interview practice and job matching"),
    ("Money Matters Advice", "finance", "Benefits, debt and budgeting advice"),
    ("Families Together", "family", "Support to rebuild contact with family"),
    ("Mind Your Head", "health", "Talking therapies and wellbeing groups"),
    ("Community Allotment Project", "community", "Grow food, meet people, learn skills"),
    ("Fresh Start Skills College", "ete", "Free courses in English, maths and trades"),
    ("Safe Haven Women's Centre", "abuse", "Support for women affected by abuse"),
)
SUBJECTS = (
    "housing",
    "the benefit claim",
    "the probation appointment",
    "football on Tuesday",
    "the job application",
    "his daughter's birthday",
    "her tenancy",
    "the food bank",
    "the recovery group",
    "the GP registration",
    "the bank account",
    "a CV",
    "the training course",
    "the hostel rules",
    "money worries",
    "the bus pass",
)
FEELINGS = (
    "seemed upbeat",
    "were tired but engaged",
    "were worried",
    "were calm",
    "were frustrated",
    "were proud of the progress",
    "were quieter than usual",
    "laughed a lot",
)
ACTIONS = (
    "We agreed to call the council together on Monday.",
    "I gave the number for the advice line and we rang it together.",
    "We made a list of what to take to the appointment.",
    "We walked to the job centre and booked the interview.",
    "We talked through what to say if things get difficult at the hostel.",
    "I will chase the referral and let them know by Friday.",
    "They want to try the football session next week.",
    "We set a small goal for this week: get up for the 10 am appointment.",
)
GOALS = {
    "accommodation": ("Get my own flat", "Stay at the hostel without problems"),
    "ete": ("Get a job on a building site", "Do my English and maths course", "Get my CSCS card"),
    "health": ("Register with a doctor", "Sleep better"),
    "drugs_alcohol": ("Stay clean", "Go to the recovery group every week"),
    "finance": ("Sort out my Universal Credit", "Open a bank account", "Pay off my fines"),
    "family": ("See my kids again", "Get back in touch with my mum"),
    "sport": ("Play football every week", "Get fit again"),
    "community": ("Make some new friends who are good for me", "Volunteer at the food bank"),
    "attitudes": ("Keep my temper", "Think before I act"),
}
STEPS = (
    "Phone the council",
    "Fill in the form",
    "Go to the drop-in",
    "Book the appointment",
    "Get a photo ID",
    "Ask the mentor to come along",
    "Buy trainers",
    "Write a CV",
    "Go to the first session",
    "Call back on Friday",
)

#: Invented lone-working risk assessments: (risks to the mentor, to others, where to meet,
#: triggers, meet in pairs, the flags raised, those session leaders may see).
RISKS: tuple[tuple[str, str, str, str, bool, list[str], list[str]], ...] = (
    (
        "Has been verbally aggressive to staff when an appointment was cancelled.",
        "None known.",
        "Public places in the daytime: the library, the café on the high street.",
        "Late or cancelled appointments; talk about his ex-partner.",
        False,
        ["Meet in public places only"],
        ["Meet in public places only"],
    ),
    (
        "A dog at the address that is not always shut away.",
        "Lives with a partner who does not want visitors.",
        "The probation office or the community centre; no home visits.",
        "Visitors at home.",
        True,
        ["No home visits", "Meet in pairs"],
        ["No home visits"],
    ),
    (
        "Low, but has left meetings abruptly when upset.",
        "May be at risk from people he owed money to in prison.",
        "Anywhere public in the town centre.",
        "Being asked about money or old friends.",
        False,
        [],
        [],
    ),
)


ATTEMPTS = (
    "Rang twice, no answer. Left a voicemail asking them to call back.",
    "Went to the hostel at the agreed time; they were not there. Left a note with staff.",
    "Texted to confirm today's meeting, no reply yet. Will try again tomorrow.",
    "Phone switched off. Asked their key worker to pass on a message.",
)


def _note(rng: random.Random, kind: str) -> tuple[str, str | None, int]:
    """Text, place and minutes of an invented note that reads right for its contact kind."""
    if kind == "attempted":
        return rng.choice(ATTEMPTS), None, rng.choice((5, 10, 15))
    talked = f"Talked about {rng.choice(SUBJECTS)} and {rng.choice(SUBJECTS)}."
    if kind == "at_the_gate":
        opening, place = "Met them at the gate on release. " + talked, "the prison gate"
    elif kind == "phone":
        opening, place = "Spoke on the phone. " + talked, None
    elif kind == "video":
        opening, place = "Video call. " + talked, None
    elif kind == "text_message":
        opening, place = f"Messages back and forth about {rng.choice(SUBJECTS)}.", None
    else:
        place = rng.choice(PLACES)
        opening = f"Met at {place}. " + talked
    minutes = rng.choice((10, 15, 30, 45, 60, 90))
    return f"{opening} They {rng.choice(FEELINGS)}. " + _next_steps(rng), place, minutes


def _next_steps(rng: random.Random) -> str:
    parts: list[str] = []
    for _ in range(rng.randint(1, 4)):
        parts.append(rng.choice(ACTIONS))
    if rng.random() < 0.3:
        parts.append(f"Next time: follow up on {rng.choice(SUBJECTS)}.")
    return " ".join(parts)


def _iso(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def generate(
    store: Store,
    size: str = "mentor",
    seed: int = 7,
    progress: Callable[[int, int], None] | None = None,
    today: date | None = None,
    mentors: list[tuple[str, str]] | None = None,
) -> dict[str, int]:
    """Fill ``store`` with invented records of ``size``; returns counts by record type.

    ``mentors`` are (user id, name) pairs to assign participants to (random ones if None).
    Every record goes through the store's normal write path (validation, search queue,
    outbox), in one transaction per participant so an interrupted run leaves whole records;
    the search index is written for all of them at the end.
    """
    spec = SIZES[size]
    rng = random.Random(seed)
    today = today or datetime.now(UTC).date()
    now = datetime.now(UTC).replace(microsecond=0)
    counts: dict[str, int] = {}
    pathways = resources.pathway_keys()
    kinds = resources.contact_kind_keys()
    checklist = resources.checklist_items()

    def add(entity_name: str, values: dict[str, Any]) -> str:
        rec = store.create(entity_name, values)
        counts[entity_name] = counts.get(entity_name, 0) + 1
        return str(rec["id"])

    mentors = mentors or [
        (uuid7(), f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}")
        for _ in range(max(1, spec["participants"] // 40))
    ]
    with store.transaction():
        services = []
        for name, pathway, offers in SERVICE_KINDS:
            services.append(
                (
                    add(
                        "service",
                        {
                            "name": name,
                            "organisation": name.split()[0] + " Trust",
                            "pathways": [pathway],
                            "offers": offers,
                            "eligibility": "Adults in the area after release",
                            "how_to_refer": rng.choice(("self_referral", "referral_form", "phone")),
                            "area_covered": "West Yorkshire",
                            "address": f"{rng.randint(1, 200)} Market St",
                            "phone": f"0113 496 {rng.randint(1000, 9999)}",
                            "email": "hello@example.org",
                            "website": "https://example.org",
                            "opening_times": "Mon–Fri 9:00–17:00",
                            "last_checked_on": (
                                today - timedelta(days=rng.randint(1, 200))
                            ).isoformat(),
                        },
                    ),
                    pathway,
                )
            )
        sessions = [
            add(
                "activity_session",
                {
                    "name": n,
                    "provider": "Community Football Trust",
                    "venue": v,
                    "weekday": rng.choice(WEEKDAYS[:5]),
                    "time": t,
                    "contact": "Coach on 07700 900123",
                },
            )
            for n, v, t in (
                ("Walking football", "Northside 3G pitch", "10:00"),
                ("Five-a-side", "Leisure centre", "18:30"),
                ("Gym induction", "City gym", "14:00"),
            )
        ]

    total = spec["participants"]
    # Risk assessments draw from their own generator, so the rest of the caseload is the
    # same as before they were added (same seed, same people and notes).
    risk_rng = random.Random(seed + 15)
    for i in range(total):
        with store.transaction():
            mentor_id, mentor_name = rng.choice(mentors)
            given, family = rng.choice(GIVEN), rng.choice(FAMILY)
            release = today - timedelta(days=rng.randint(-14, 300))
            status = rng.choices(("active", "referred", "paused", "closed"), (70, 10, 10, 10))[0]
            pid = add(
                "participant",
                {
                    "reference": store.new_reference(),
                    "given_name": given,
                    "family_name": family,
                    "preferred_name": given if rng.random() < 0.8 else given[:3],
                    "date_of_birth": date(
                        rng.randint(1960, 2004), rng.randint(1, 12), rng.randint(1, 28)
                    ).isoformat(),
                    "pronouns": rng.choice(("he/him", "she/her", "they/them")),
                    "phone": f"07700 9{rng.randint(10000, 99999)}",
                    "area": rng.choice(AREAS),
                    "prison": rng.choice(PRISONS),
                    "release_date": release.isoformat(),
                    "supervision_type": rng.choice(
                        ("licence", "post_sentence_supervision", "community_order", "none")
                    ),
                    "probation_practitioner_name": f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}",
                    "probation_practitioner_contact": f"0113 496 {rng.randint(1000, 9999)}",
                    "assigned_mentor_id": mentor_id,
                    "assigned_mentor_name": mentor_name,
                    "status": status,
                    "closure_reason": rng.choice(("completed_plan", "moved_away", "disengaged"))
                    if status == "closed"
                    else None,
                    "safety_flags": ["Meet in public places only"] if rng.random() < 0.15 else [],
                    "next_contact_due": (today + timedelta(days=rng.randint(-5, 14))).isoformat(),
                },
            )
            add(
                "consent",
                {
                    "participant_id": pid,
                    "consent_version": 1,
                    "share_with_server": True,
                    "share_with_probation": True,
                    "share_with_services": [],
                    "privacy_notice_version": "2026-01",
                    "given_on": release.isoformat(),
                    "recorded_by": mentor_name,
                },
            )
            released_at = datetime(release.year, release.month, release.day, 8, 30, tzinfo=UTC)
            add(
                "release_day",
                {
                    "participant_id": pid,
                    "planned_release_at": _iso(released_at),
                    "prison": rng.choice(PRISONS),
                    "met": True,
                    "met_at": _iso(released_at),
                    "met_where": "At the gate",
                    "met_by": mentor_name,
                    "checklist": {
                        item["key"]: {
                            "state": rng.choice(("done", "arranged", "not_needed", "outstanding")),
                            "note": "",
                        }
                        for item in checklist
                    },
                    "probation_appointment_at": _iso(released_at + timedelta(hours=5)),
                    "probation_appointment_place": "Probation office, Park Row",
                    "next_meeting_at": _iso(released_at + timedelta(days=2)),
                    "next_meeting_place": "The café on the high street",
                },
            )
            add(
                "assessment",
                {
                    "participant_id": pid,
                    "assessed_on": min(release + timedelta(days=3), today).isoformat(),
                    "needs": {
                        p: {"level": rng.choice(("none", "some", "high")), "note": ""}
                        for p in pathways[:9]
                    },
                },
            )
            if risk_rng.random() < 0.7:
                mentor_risk, others, places, triggers, pairs, flags, shared = risk_rng.choice(RISKS)
                assessed = min(release + timedelta(days=risk_rng.randint(0, 5)), today)
                add(
                    "risk_assessment",
                    {
                        "participant_id": pid,
                        "assessed_on": assessed.isoformat(),
                        "risks_to_mentor": mentor_risk,
                        "risks_to_others": others,
                        "meeting_places": places,
                        "meet_in_pairs": pairs,
                        "triggers": triggers,
                        # some reviews have come (a due item on the caseload), most are ahead
                        "review_on": (today + timedelta(days=risk_rng.randint(-7, 90))).isoformat(),
                        "flags": flags,
                        "flags_shared": shared,
                        "assessed_by": mentor_name,
                    },
                )
            goal_ids = []
            for g in range(rng.randint(2, 4)):
                pathway = rng.choice(list(GOALS))
                goal_id = add(
                    "goal",
                    {
                        "participant_id": pid,
                        "pathway": pathway,
                        "goal_text": rng.choice(GOALS[pathway]),
                        "why_it_matters": "So I can stand on my own two feet.",
                        "target_date": (today + timedelta(days=rng.randint(10, 120))).isoformat(),
                        "priority": rng.choice(("high", "medium", "low")),
                        "status": rng.choice(
                            ("not_started", "in_progress", "in_progress", "achieved")
                        ),
                        "position": g,
                    },
                )
                goal_ids.append(goal_id)
                for s in range(rng.randint(1, 3)):
                    add(
                        "goal_step",
                        {
                            "participant_id": pid,
                            "goal_id": goal_id,
                            "position": s,
                            "what": rng.choice(STEPS),
                            "who": rng.choice(("participant", "mentor")),
                            "due_date": (today + timedelta(days=rng.randint(-10, 30))).isoformat(),
                            "done": rng.random() < 0.4,
                        },
                    )
            for _ in range(rng.randint(1, 3)):
                service_id, pathway = rng.choice(services)
                add(
                    "referral",
                    {
                        "participant_id": pid,
                        "service_id": service_id,
                        "pathway": pathway,
                        "referred_on": (today - timedelta(days=rng.randint(0, 60))).isoformat(),
                        "kind": rng.choice(REFERRAL_KINDS),
                        "status": rng.choice(REFERRAL_STATUSES),
                        "follow_up_on": (today + timedelta(days=rng.randint(-7, 21))).isoformat(),
                    },
                )
            for _ in range(rng.randint(0, 4)):
                add(
                    "attendance",
                    {
                        "participant_id": pid,
                        "session_id": rng.choice(sessions),
                        "attended_on": (today - timedelta(days=rng.randint(0, 90))).isoformat(),
                        "attended": rng.choice(("yes", "yes", "late", "no")),
                        "minutes_active": rng.randint(20, 90),
                        "engagement": "Joined in well",
                    },
                )
            for _ in range(rng.randint(1, 3)):
                add(
                    "check_in",
                    {
                        "participant_id": pid,
                        "checked_on": (today - timedelta(days=rng.randint(0, 90))).isoformat(),
                        "life_satisfaction": rng.randint(2, 9),
                        "worthwhile": rng.randint(2, 9),
                        "happiness": rng.randint(2, 9),
                        "anxiety": rng.randint(1, 9),
                        "active_days": rng.randint(0, 7),
                        "accommodation_status": rng.choice(ACCOMMODATION_STATUSES),
                        "employment_status": rng.choice(EMPLOYMENT_STATUSES),
                        "new_offence": False,
                        "arrested": False,
                        "recalled": rng.random() < 0.03,
                    },
                )
            n_notes = max(1, int(rng.gauss(spec["notes_per"], spec["notes_per"] / 4)))
            for n in range(n_notes):
                day = now.date() - timedelta(days=rng.randint(0, 300))
                at = datetime(
                    day.year,
                    day.month,
                    day.day,
                    rng.randint(9, 18),
                    rng.choice((0, 15, 30, 45)),
                    tzinfo=UTC,
                )
                at = min(at, now)
                kind = rng.choice(kinds)
                text, place, minutes = _note(rng, kind)
                add(
                    "case_note",
                    {
                        "participant_id": pid,
                        "occurred_at": _iso(at),
                        "contact_kind": kind,
                        "place": place,
                        "duration_minutes": minutes,
                        "pathways": rng.sample(pathways[:9], rng.randint(0, 2)),
                        "text": text,
                        "safeguarding_concern": rng.random() < 0.02,
                        "author_name": mentor_name,
                    },
                )
                del n
        if progress:
            progress(i + 1, total)
    store.flush_search_index()  # every record searchable now, not at the first search
    return counts
