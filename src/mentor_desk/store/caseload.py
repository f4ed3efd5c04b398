"""The caseload query: one row per participant with the figures that matter in the field.

One SQL statement, so the first screen stays fast for an office-size store (2,000
participants, 100,000 notes; about 12 ms of SQL here on a freshly opened store). The figures
that depend on today (next meeting, open referrals and follow-ups, overdue steps) are grouped
once each from small covering indexes of just the rows that count, and joined; the review
date of each person's latest lone-working risk assessment is picked by a window over that
small table (a few rows per person). The latest contact is read from the ``last_contact``
table, which triggers keep up to date on every write of a note (see
:mod:`mentor_desk.store.schema`): a walk down the notes' index for each participant reads
about one index page per person (~20 ms), grouping all notes far more. Qt-free.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from mentor_desk.store.records import Store

OPEN_REFERRAL_STATUSES = ("suggested", "made", "accepted")

_SQL = """
WITH next_meeting AS (
    SELECT participant_id, max(next_meeting_at) AS meeting_at
    FROM release_day
    WHERE deleted = 0 AND next_meeting_at IS NOT NULL
    GROUP BY participant_id
), referrals AS (
    SELECT participant_id,
           count(*) AS open_n,
           sum(CASE WHEN follow_up_on IS NOT NULL AND follow_up_on <= :today
                    THEN 1 ELSE 0 END) AS follow_n
    FROM referral
    WHERE deleted = 0 AND status IN ('suggested', 'made', 'accepted')
    GROUP BY participant_id
), steps AS (
    -- A step is overdue only while its goal is being worked on: the steps of an achieved
    -- or stopped goal (or of a deleted one) are history, not a reason to call today.
    SELECT st.participant_id, count(*) AS overdue_n
    FROM goal_step AS st
    JOIN goal AS g ON g.id = st.goal_id AND g.deleted = 0
    WHERE st.deleted = 0 AND coalesce(st.done, 0) = 0 AND st.due_date IS NOT NULL
          AND st.due_date < :today AND g.status IN ('not_started', 'in_progress')
    GROUP BY st.participant_id
), risk AS (
    -- Only the latest assessment's review date counts: a newer assessment replaces it.
    SELECT participant_id, review_on FROM (
        SELECT participant_id, review_on,
               row_number() OVER (PARTITION BY participant_id
                                  ORDER BY assessed_on DESC, created_at DESC) AS n
        FROM risk_assessment
        WHERE deleted = 0
    ) WHERE n = 1
)
SELECT p.id, p.reference, p.given_name, p.family_name, p.preferred_name, p.status,
       p.assigned_mentor_name, p.safety_flags, p.next_contact_due,
       lc.occurred_at AS last_at,
       nm.meeting_at,
       coalesce(r.open_n, 0) AS open_referrals,
       coalesce(r.follow_n, 0) AS follow_ups_due,
       coalesce(s.overdue_n, 0) AS overdue_steps,
       ra.review_on AS risk_review_on
FROM participant AS p
LEFT JOIN next_meeting AS nm ON nm.participant_id = p.id
LEFT JOIN referrals AS r ON r.participant_id = p.id
LEFT JOIN steps AS s ON s.participant_id = p.id
LEFT JOIN risk AS ra ON ra.participant_id = p.id
LEFT JOIN last_contact AS lc ON lc.participant_id = p.id
WHERE p.deleted = 0
"""


@dataclass(frozen=True)
class CaseloadRow:
    """One participant as the caseload shows them. Dates are local ``date`` objects."""

    participant_id: str
    reference: str
    name: str
    status: str
    mentor: str
    last_contact: date | None
    days_since_contact: int | None
    next_contact_due: date | None
    open_referrals: int
    overdue_steps: int
    follow_ups_due: int
    safety_flags: tuple[str, ...]
    #: When the latest lone-working risk assessment is to be reviewed (None: no date set).
    risk_review_on: date | None = None

    @property
    def due_now(self) -> bool:
        """Someone to see or chase today: contact due or overdue, steps or follow-ups late,
        or their risk assessment's review has come."""
        return self.due_on(date.today())

    def due_on(self, today: date) -> bool:
        """:attr:`due_now` for a given day (asking the clock once for a whole caseload)."""
        contact_due = self.next_contact_due is not None and self.next_contact_due <= today
        return (
            contact_due
            or self.overdue_steps > 0
            or self.follow_ups_due > 0
            or self.risk_review_due(today)
        )

    def risk_review_due(self, today: date) -> bool:
        """The latest risk assessment's review date is today or past."""
        return self.risk_review_on is not None and self.risk_review_on <= today


def display_name(given: str | None, family: str | None, preferred: str | None) -> str:
    """ "Preferred Family" when a preferred name is known, else "Given Family"."""
    first = (preferred or "").strip() or (given or "").strip()
    return " ".join(part for part in (first, (family or "").strip()) if part)


def _local_date(iso: str | None) -> date | None:
    if not iso:
        return None
    try:
        if "T" not in iso:
            return date.fromisoformat(iso[:10])
        instant = datetime.fromisoformat(iso.replace("Z", "+00:00"))
        if instant.tzinfo is None:
            instant = instant.replace(tzinfo=UTC)
        return instant.astimezone().date()
    except ValueError:
        return None


def _flags(raw: str | None) -> tuple[str, ...]:
    if not raw or raw == "[]":  # most people: no need to parse
        return ()
    try:
        return tuple(str(f) for f in json.loads(raw) if str(f).strip())
    except (ValueError, TypeError):
        return ()


def _row(r: tuple[Any, ...], today: date) -> CaseloadRow:
    """One row of :data:`_SQL`, as a plain tuple (building a dict per row costs more than
    the rest of the query at office size)."""
    (pid, reference, given, family, preferred, status, mentor, flags_raw, next_due, last_at,
     meeting_at, open_n, follow_n, overdue_n, risk_review_on) = r  # fmt: skip
    last = _local_date(last_at)
    return CaseloadRow(
        participant_id=pid,
        reference=reference or "",
        name=display_name(given, family, preferred),
        status=status or "",
        mentor=mentor or "",
        last_contact=last,
        days_since_contact=None if last is None else max(0, (today - last).days),
        next_contact_due=_local_date(next_due) or _local_date(meeting_at),
        open_referrals=int(open_n),
        overdue_steps=int(overdue_n),
        follow_ups_due=int(follow_n),
        safety_flags=_flags(flags_raw),
        risk_review_on=_local_date(risk_review_on),
    )


def caseload(
    store: Store, *, today: date | None = None, participant_id: str | None = None
) -> list[CaseloadRow]:
    """Every participant in the store (or just one), ordered by reference."""
    today = today or date.today()
    sql = _SQL
    params: dict[str, Any] = {"today": today.isoformat()}
    if participant_id is not None:
        sql += " AND p.id = :pid"
        params["pid"] = participant_id
    sql += " ORDER BY p.reference"
    cursor = store.conn.cursor()
    cursor.row_factory = None  # tuples, see _row
    try:
        return [_row(r, today) for r in cursor.execute(sql, params)]
    finally:
        cursor.close()
