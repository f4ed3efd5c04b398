"""A lone-working risk assessment's review falling due shows on the caseload (issue 15.5).

Only the latest assessment of a person counts (by its date, then by when it was made): a
newer assessment with a later review date replaces an overdue one, and a deleted one no
longer counts.
"""

from __future__ import annotations

from datetime import date

from mentor_desk.store import Store
from mentor_desk.store.caseload import caseload
from tests.store.test_records import add_participant

TODAY = date(2026, 12, 1)


def assess(store: Store, pid: str, on: str, review: str | None) -> str:
    values = {"participant_id": pid, "assessed_on": on, "risks_to_mentor": "Invented text"}
    if review:
        values["review_on"] = review
    return str(store.create("risk_assessment", values)["id"])


def rows(store: Store) -> dict[str, tuple[date | None, bool]]:
    return {
        r.participant_id: (r.risk_review_on, r.due_on(TODAY)) for r in caseload(store, today=TODAY)
    }


def test_the_latest_assessments_review_date_is_a_due_item(store: Store) -> None:
    # Nothing else is due for these people (no contact date, steps or referrals).
    due, later, none, undated = (add_participant(store, n) for n in ("Ada", "Bea", "Cy", "Di"))
    assess(store, due, "2026-09-01", "2026-12-01")  # due today
    assess(store, later, "2026-09-01", "2026-11-01")  # overdue …
    newer = assess(store, later, "2026-11-20", "2027-02-01")  # … but a newer one replaces it
    assess(store, undated, "2026-10-01", None)
    assert rows(store) == {
        due: (date(2026, 12, 1), True),
        later: (date(2027, 2, 1), False),
        none: (None, False),
        undated: (None, False),
    }
    row = caseload(store, today=TODAY, participant_id=due)[0]
    assert not row.due_on(date(2026, 11, 30))  # the day before, nothing is due yet

    store.delete("risk_assessment", newer)  # the overdue one is the latest again
    assert rows(store)[later] == (date(2026, 11, 1), True)


def test_an_assessment_made_later_on_the_same_day_wins(store: Store) -> None:
    pid = add_participant(store)
    assess(store, pid, "2026-11-20", "2026-11-25")
    assess(store, pid, "2026-11-20", "2027-01-03")
    assert rows(store)[pid] == (date(2027, 1, 3), False)
    only = caseload(store, today=TODAY, participant_id=pid)
    assert [r.risk_review_on for r in only] == [date(2027, 1, 3)]
