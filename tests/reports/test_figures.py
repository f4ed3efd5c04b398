"""Coordinator figures from known records, with every filter and both vocabularies."""

from __future__ import annotations

from datetime import date

import pytest

from mentor_desk.demo_data import generate
from mentor_desk.reports import FIGURES, Filters, all_figures
from mentor_desk.reports.figures import (
    checkin_trends,
    contacts_per_week,
    goals_achieved,
    participants_by_status,
    recalls_and_offences,
    referrals_by_pathway_and_outcome,
)
from mentor_desk.store import Store


def _person(store: Store, ref: str, org: str, mentor: str, status: str = "active") -> str:
    rec = store.create(
        "participant",
        {
            "reference": ref,
            "given_name": "A",
            "family_name": "B",
            "status": status,
            "organisation_id": org,
            "assigned_mentor_id": mentor,
            "closure_reason": "recalled" if status == "closed" else None,
        },
    )
    return str(rec["id"])


@pytest.fixture
def known(store: Store) -> dict[str, str]:
    a = _person(store, "R-1", "org-a", "m1")
    b = _person(store, "R-2", "org-a", "m2", "paused")
    c = _person(store, "R-3", "org-b", "m3", "closed")
    for pid, at, kind in (
        (a, "2026-03-02T10:00:00Z", "face_to_face"),  # Monday
        (a, "2026-03-04T10:00:00Z", "phone"),
        (b, "2026-03-05T10:00:00Z", "attempted"),  # not a contact
        (b, "2026-03-18T10:00:00Z", "video"),  # two weeks later
        (c, "2026-03-03T10:00:00Z", "phone"),
    ):
        store.create(
            "case_note",
            {"participant_id": pid, "occurred_at": at, "contact_kind": kind, "text": "n"},
        )
    service = store.create("service", {"name": "S"})["id"]
    for pid, pathway, status, day in (
        (a, "accommodation", "made", "2026-03-01"),
        (a, "sport", "attended", "2026-03-02"),
        (b, "sport", "attended", "2026-04-02"),
        (c, "finance", "declined", "2026-03-02"),
    ):
        store.create(
            "referral",
            {
                "participant_id": pid,
                "service_id": service,
                "pathway": pathway,
                "referred_on": day,
                "kind": "referred",
                "status": status,
            },
        )
    goal = store.create(
        "goal", {"participant_id": a, "pathway": "sport", "goal_text": "g", "status": "achieved"}
    )
    store.create(
        "goal_review",
        {
            "participant_id": a,
            "goal_id": goal["id"],
            "reviewed_on": "2026-03-10",
            "new_status": "achieved",
        },
    )
    store.create(
        "goal", {"participant_id": b, "pathway": "ete", "goal_text": "g", "status": "in_progress"}
    )
    for pid, day, scores, recalled in (
        (a, "2026-03-03", (4, 5, 6, 7, 2), False),
        (b, "2026-03-20", (6, 7, 8, 3, 4), True),
        (a, "2026-04-03", (8, 8, 8, 2, 5), False),
    ):
        ls, w, h, anx, act = scores
        store.create(
            "check_in",
            {
                "participant_id": pid,
                "checked_on": day,
                "life_satisfaction": ls,
                "worthwhile": w,
                "happiness": h,
                "anxiety": anx,
                "active_days": act,
                "recalled": recalled,
                "new_offence": recalled,
            },
        )
    store.create(
        "end_of_support",
        {"participant_id": c, "ended_on": "2026-03-25", "closure_reason": "recalled"},
    )
    return {"a": a, "b": b, "c": c}


def test_participants_by_status_filters_by_organisation_and_mentor(
    store: Store, known: dict[str, str]
) -> None:
    t = participants_by_status(store)
    assert t.columns == ("status", "participants")
    assert dict(t.rows) == {"referred": 0, "active": 1, "paused": 1, "closed": 1}
    assert dict(participants_by_status(store, Filters(organisation_id="org-a")).rows)["closed"] == 0
    assert sum(n for _, n in participants_by_status(store, Filters(mentor_id="m2")).rows) == 1


def test_contacts_per_week_leave_out_attempts_and_show_empty_weeks(
    store: Store, known: dict[str, str]
) -> None:
    t = contacts_per_week(store, Filters(organisation_id="org-a"))
    assert t.rows == [("2026-03-02", 2, 1), ("2026-03-09", 0, 0), ("2026-03-16", 1, 1)]
    t = contacts_per_week(store, Filters(since=date(2026, 3, 3), until=date(2026, 3, 8)))
    assert t.rows == [("2026-03-02", 2, 2)]


def test_referrals_by_pathway_and_outcome_in_both_vocabularies(
    store: Store, known: dict[str, str]
) -> None:
    t = referrals_by_pathway_and_outcome(store, Filters(until=date(2026, 3, 31)))
    assert t.as_dicts() == [
        {"pathway": "accommodation", "status": "made", "referrals": 1},
        {"pathway": "finance", "status": "declined", "referrals": 1},
        {"pathway": "sport", "status": "attended", "referrals": 1},
    ]
    crs = referrals_by_pathway_and_outcome(store, vocabulary="crs")
    assert crs.columns[0] == "crs_category"
    got = {(r[0], r[1]): r[2] for r in crs.rows}
    # sport maps to emotional wellbeing and social inclusion: counted in both
    assert got[("wellbeing", "attended")] == 2 and got[("social_inclusion", "attended")] == 2
    assert got[("accommodation", "made")] == 1


def test_goals_achieved_by_review_date(store: Store, known: dict[str, str]) -> None:
    t = goals_achieved(store)
    rows = {r[0]: r for r in t.rows}
    statuses = ("not_started", "in_progress", "stopped")
    assert t.columns == ("pathway", "goals_set", "achieved", *statuses)
    assert rows["sport"][1:3] == (1, 1) and rows["ete"][1:] == (1, 0, 0, 1, 0)
    in_april = goals_achieved(store, Filters(since=date(2026, 4, 1), until=date(2026, 4, 30)))
    assert all(r[2] == 0 for r in in_april.rows)
    assert goals_achieved(store, vocabulary="crs").columns[0] == "crs_category"


def test_checkin_trends_are_monthly_means(store: Store, known: dict[str, str]) -> None:
    t = checkin_trends(store)
    assert t.rows == [("2026-03", 2, 5.0, 6.0, 7.0, 5.0, 3.0), ("2026-04", 1, 8, 8, 8, 2, 5)]
    only_a = checkin_trends(store, Filters(mentor_id="m1", until=date(2026, 3, 31)))
    assert only_a.rows == [("2026-03", 1, 4, 5, 6, 7, 2)]


def test_recalls_and_offences(store: Store, known: dict[str, str]) -> None:
    t = recalls_and_offences(store)
    assert t.as_dicts()[0] == {
        "month": "2026-03",
        "check_ins": 2,
        "new_offences": 1,
        "arrests": 0,
        "recalls": 1,
        "supports_ended_by_recall": 1,
    }
    assert recalls_and_offences(store, Filters(organisation_id="org-b")).rows == [
        ("2026-03", 0, 0, 0, 0, 1)
    ]


def test_every_figure_runs_on_generated_data_and_exports_csv(store: Store) -> None:
    generate(store, size="tiny", seed=5)
    figures = all_figures(store)
    assert set(figures) == set(FIGURES)
    for table in figures.values():
        assert table.rows, table.title
        header = table.to_csv().splitlines()[0]
        assert header == ",".join(table.columns)
        assert all(len(r) == len(table.columns) for r in table.rows)
    assert sum(n for _, n in figures["participants_by_status"].rows) == 5
