"""The coordinator dashboard's figures, as plain tables computed from the store.

Each function takes the store and :class:`Filters` (organisation, assigned mentor, date
range) and returns a :class:`Table`: a title, column names and rows of plain values, ready
for a chart, a CSV file or a funder report. No Qt here; run them on the store's worker
thread. Figures by pathway can be given in either vocabulary: the resettlement pathways, or
probation's CRS categories (``vocabulary="crs"``), where a pathway that maps to two
categories counts once in each.

Only counts and means leave these functions, never names or free text.
"""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal

from mentor_desk.domain import resources
from mentor_desk.domain.vocabulary import GOAL_STATUSES, PARTICIPANT_STATUSES, REFERRAL_STATUSES
from mentor_desk.store.records import Store

Vocabulary = Literal["pathway", "crs"]


@dataclass(frozen=True)
class Filters:
    """Which participants and which period a figure covers (None: no limit)."""

    organisation_id: str | None = None
    mentor_id: str | None = None
    since: date | None = None
    until: date | None = None


@dataclass(frozen=True)
class Table:
    """One figure's data: rows of plain values under named columns."""

    title: str
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]

    def as_dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def to_csv(self) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(self.columns)
        writer.writerows(self.rows)
        return buffer.getvalue()


def _scope(f: Filters) -> tuple[str, list[Any]]:
    """SQL for the ids of the participants the filters cover."""
    sql = "SELECT id FROM participant WHERE deleted = 0"
    params: list[Any] = []
    if f.organisation_id is not None:
        sql += " AND organisation_id = ?"
        params.append(f.organisation_id)
    if f.mentor_id is not None:
        sql += " AND assigned_mentor_id = ?"
        params.append(f.mentor_id)
    return sql, params


def _period(column: str, f: Filters) -> tuple[str, list[Any]]:
    """SQL limiting an ISO date (or instant) column to the filter's period."""
    sql, params = "", []
    if f.since is not None:
        sql += f" AND substr({column}, 1, 10) >= ?"
        params.append(f.since.isoformat())
    if f.until is not None:
        sql += f" AND substr({column}, 1, 10) <= ?"
        params.append(f.until.isoformat())
    return sql, params


def _rows(
    store: Store, table: str, columns: str, date_column: str | None, f: Filters, where: str = ""
) -> Any:
    """Rows of a participant's record table within the filters (``where``: extra SQL)."""
    scope, params = _scope(f)
    sql = f"SELECT {columns} FROM {table} WHERE deleted = 0{where} AND participant_id IN ({scope})"
    if date_column:
        period, more = _period(date_column, f)
        sql += period
        params += more
    return store.conn.execute(sql, params)


def _categories(vocabulary: Vocabulary) -> Callable[[str | None], tuple[str, ...]]:
    crs = resources.pathway_to_crs()

    def categories(pathway: str | None) -> tuple[str, ...]:
        if not pathway:
            return ("unknown",)
        if vocabulary == "crs":
            return crs.get(pathway, ("unknown",)) or ("unknown",)
        return (pathway,)

    return categories


def _order(vocabulary: Vocabulary) -> list[str]:
    if vocabulary == "crs":
        return list(resources.keys("pathways.json", "crs_categories"))
    return list(resources.pathway_keys())


def participants_by_status(store: Store, f: Filters = Filters()) -> Table:
    """Participants by their current status (a snapshot: the period does not apply)."""
    scope, params = _scope(f)
    counts = Counter(
        r["status"]
        for r in store.conn.execute(f"SELECT status FROM participant WHERE id IN ({scope})", params)
    )
    return Table(
        "Participants by status",
        ("status", "participants"),
        [(s, counts.get(s, 0)) for s in PARTICIPANT_STATUSES],
    )


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def contacts_per_week(store: Store, f: Filters = Filters()) -> Table:
    """Case notes of real contact (not 'tried, but no contact') per week, Monday first.

    Weeks with no contact between the first and the last are listed with zeros, so a chart
    shows the gaps.
    """
    contacts: Counter[date] = Counter()
    seen: defaultdict[date, set[str]] = defaultdict(set)
    for r in _rows(
        store,
        "case_note",
        "participant_id, substr(occurred_at, 1, 10) AS day",
        "occurred_at",
        f,
        " AND contact_kind != 'attempted'",
    ):
        week = _monday(date.fromisoformat(r["day"]))
        contacts[week] += 1
        seen[week].add(r["participant_id"])
    rows: list[tuple[Any, ...]] = []
    if contacts:
        week = _monday(f.since) if f.since else min(contacts)
        last = _monday(f.until) if f.until else max(contacts)
        while week <= last:
            rows.append((week.isoformat(), contacts.get(week, 0), len(seen.get(week, ()))))
            week += timedelta(days=7)
    return Table("Contacts per week", ("week_starting", "contacts", "participants_seen"), rows)


def referrals_by_pathway_and_outcome(
    store: Store, f: Filters = Filters(), vocabulary: Vocabulary = "pathway"
) -> Table:
    """Referrals made in the period, by pathway (or CRS category) and their status."""
    categories = _categories(vocabulary)
    counts: Counter[tuple[str, str]] = Counter()
    for r in _rows(store, "referral", "pathway, status", "referred_on", f):
        for cat in categories(r["pathway"]):
            counts[(cat, r["status"])] += 1
    order = {k: i for i, k in enumerate([*_order(vocabulary), "unknown"])}
    status_order = {s: i for i, s in enumerate(REFERRAL_STATUSES)}
    rows = sorted(
        ((cat, status, n) for (cat, status), n in counts.items()),
        key=lambda r: (order.get(r[0], 99), status_order.get(r[1], 99)),
    )
    return Table(
        "Referrals by pathway and outcome",
        ("crs_category" if vocabulary == "crs" else "pathway", "status", "referrals"),
        rows,
    )


def goals_achieved(
    store: Store, f: Filters = Filters(), vocabulary: Vocabulary = "pathway"
) -> Table:
    """Goals by pathway: how many were set in the period, how many reached in it, and the
    current status of those set.

    A goal is *reached* on the date of the review that marked it achieved, or, without such
    a review, on the day it was last changed.
    """
    categories = _categories(vocabulary)
    achieved_on: dict[str, str] = {}
    scope, params = _scope(f)
    for r in store.conn.execute(
        "SELECT goal_id, max(reviewed_on) AS day FROM goal_review WHERE deleted = 0"
        f" AND new_status = 'achieved' AND participant_id IN ({scope}) GROUP BY goal_id",
        params,
    ):
        achieved_on[r["goal_id"]] = r["day"]
    set_: Counter[str] = Counter()
    reached: Counter[str] = Counter()
    status: Counter[tuple[str, str]] = Counter()
    since = f.since.isoformat() if f.since else ""
    until = f.until.isoformat() if f.until else "9999"
    for r in _rows(store, "goal", "id, pathway, status, created_at, updated_at", None, f):
        cats = categories(r["pathway"])
        created = str(r["created_at"])[:10]
        if since <= created <= until:
            for cat in cats:
                set_[cat] += 1
                status[(cat, r["status"])] += 1
        if r["status"] == "achieved":
            day = achieved_on.get(r["id"]) or str(r["updated_at"])[:10]
            if since <= day <= until:
                for cat in cats:
                    reached[cat] += 1
    keys = [k for k in [*_order(vocabulary), "unknown"] if set_[k] or reached[k]]
    others = [s for s in GOAL_STATUSES if s != "achieved"]
    return Table(
        "Goals set and achieved",
        ("crs_category" if vocabulary == "crs" else "pathway", "goals_set", "achieved", *others),
        [(k, set_[k], reached[k], *(status[(k, s)] for s in others)) for k in keys],
    )


_SCORES = ("life_satisfaction", "worthwhile", "happiness", "anxiety", "active_days")


def checkin_trends(store: Store, f: Filters = Filters()) -> Table:
    """Mean wellbeing scores (ONS4, 0-10) and activity days (0-7) by month of check-in."""
    cols = ", ".join(f"avg({c}) AS {c}" for c in _SCORES)
    scope, params = _scope(f)
    period, more = _period("checked_on", f)
    rows = store.conn.execute(
        f"SELECT substr(checked_on, 1, 7) AS month, count(*) AS n, {cols} FROM check_in"
        f" WHERE deleted = 0 AND participant_id IN ({scope}){period}"
        " GROUP BY month ORDER BY month",
        params + more,
    )
    return Table(
        "Check-in trends",
        ("month", "check_ins", *(f"mean_{c}" for c in _SCORES)),
        [
            (r["month"], r["n"], *(None if r[c] is None else round(r[c], 2) for c in _SCORES))
            for r in rows
        ],
    )


def recalls_and_offences(store: Store, f: Filters = Filters()) -> Table:
    """New offences, arrests and recalls reported at check-ins, and supports ended by recall,
    by month."""
    scope, params = _scope(f)
    period, more = _period("checked_on", f)
    months: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for r in store.conn.execute(
        "SELECT substr(checked_on, 1, 7) AS month, count(*) AS n, sum(new_offence) AS o,"
        " sum(arrested) AS a, sum(recalled) AS r FROM check_in"
        f" WHERE deleted = 0 AND participant_id IN ({scope}){period} GROUP BY month",
        params + more,
    ):
        months[r["month"]][:4] = [r["n"], r["o"] or 0, r["a"] or 0, r["r"] or 0]
    period, more = _period("ended_on", f)
    for r in store.conn.execute(
        "SELECT substr(ended_on, 1, 7) AS month, count(*) AS n FROM end_of_support"
        f" WHERE deleted = 0 AND closure_reason = 'recalled' AND participant_id IN ({scope})"
        f"{period} GROUP BY month",
        params + more,
    ):
        months[r["month"]][4] = r["n"]
    return Table(
        "Reoffending and recalls",
        ("month", "check_ins", "new_offences", "arrests", "recalls", "supports_ended_by_recall"),
        [(m, *v) for m, v in sorted(months.items())],
    )


FIGURES: dict[str, Callable[..., Table]] = {
    "participants_by_status": participants_by_status,
    "contacts_per_week": contacts_per_week,
    "referrals_by_pathway_and_outcome": referrals_by_pathway_and_outcome,
    "goals_achieved": goals_achieved,
    "checkin_trends": checkin_trends,
    "recalls_and_offences": recalls_and_offences,
}


def all_figures(
    store: Store, f: Filters = Filters(), vocabulary: Vocabulary = "pathway"
) -> dict[str, Table]:
    """Every dashboard figure at once (what a funder report gathers)."""
    out: dict[str, Table] = {}
    for name, fn in FIGURES.items():
        by_pathway = name in ("referrals_by_pathway_and_outcome", "goals_achieved")
        out[name] = fn(store, f, vocabulary) if by_pathway else fn(store, f)
    return out


@dataclass(frozen=True)
class FilterOptions:
    """What the figures can be narrowed to, from the participants on this computer."""

    organisations: list[str]  # sorted
    mentors: list[tuple[str, str]]  # (id, name) by name


def filter_options(store: Store) -> FilterOptions:
    mentors: dict[str, str] = {}
    organisations: set[str] = set()
    for row in store.conn.execute(
        "SELECT DISTINCT organisation_id AS org, assigned_mentor_id AS mid,"
        " assigned_mentor_name AS name FROM participant WHERE deleted = 0"
    ):
        if row["org"]:
            organisations.add(str(row["org"]))
        if row["mid"]:
            mentors.setdefault(str(row["mid"]), str(row["name"] or row["mid"]))
    return FilterOptions(
        organisations=sorted(organisations),
        mentors=sorted(mentors.items(), key=lambda m: m[1].casefold()),
    )
