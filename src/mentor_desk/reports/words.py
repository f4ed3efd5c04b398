"""The coordinator figures in words: titles, column headings and values for people.

:mod:`mentor_desk.reports.figures` returns stored codes ("drugs_alcohol", "no_response",
"mean_life_satisfaction"); the dashboard, its charts and the funder report show them as
words through here, so every place says the same thing.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Any

from mentor_desk.domain import resources
from mentor_desk.domain.vocabulary import REFERRAL_STATUSES
from mentor_desk.domain.words import plain
from mentor_desk.reports.figures import Table

#: Figure name → (title, one sentence on what it counts), in dashboard order.
FIGURES: dict[str, tuple[str, str]] = {
    "participants_by_status": (
        "Participants by status",
        "Everyone in the filters, by their status today (the period does not apply).",
    ),
    "contacts_per_week": (
        "Contacts per week",
        "Notes of real contact each week (not tries that did not reach them), and how many "
        "different people were seen.",
    ),
    "referrals_by_pathway_and_outcome": (
        "Referrals by pathway and outcome",
        "Referrals made in the period, by what they were for and where they stand now.",
    ),
    "goals_achieved": (
        "Goals set and achieved",
        "Goals set in the period, and goals reached in the period, by what they are about.",
    ),
    "checkin_trends": (
        "Check-in trends",
        "Average wellbeing scores (0 to 10; for anxiety lower is better) and days active in "
        "the last week (0 to 7), by month.",
    ),
    "recalls_and_offences": (
        "Reoffending and recalls",
        "New offences, arrests and recalls reported at check-ins, and supports ended by a "
        "recall to custody, by month.",
    ),
}

ONS4_NOTE = (
    "Wellbeing scores use the ONS personal well-being questions. Source: Office for National "
    "Statistics, Crown copyright, licensed under the Open Government Licence v3.0."
)

_COLUMNS = {
    "participants": "People",
    "week_starting": "Week starting",
    "contacts": "Contacts",
    "participants_seen": "People seen",
    "crs_category": "CRS category",
    "referrals": "Referrals",
    "goals_set": "Goals set",
    "achieved": "Achieved",
    "check_ins": "Check-ins",
    "mean_life_satisfaction": "Life satisfaction",
    "mean_worthwhile": "Worthwhile",
    "mean_happiness": "Happiness",
    "mean_anxiety": "Anxiety",
    "mean_active_days": "Active days",
    "new_offences": "New offences",
    "arrests": "Arrests",
    "recalls": "Recalls",
    "supports_ended_by_recall": "Support ended by recall",
}


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_MONTH = re.compile(r"\d{4}-\d{2}")


@cache
def _crs() -> dict[str, str]:
    return resources.labels("pathways.json", "crs_categories")


def title(name: str) -> str:
    return FIGURES.get(name, (name, ""))[0]


def about(name: str) -> str:
    return FIGURES.get(name, ("", ""))[1]


def column(code: str) -> str:
    """A column heading in words."""
    return _COLUMNS.get(code) or plain(code)


def value(code: Any, column_code: str = "") -> str:
    """One cell in words: a category or status label, a number, or empty."""
    if code is None:
        return ""
    if isinstance(code, float):
        return f"{code:.1f}"
    if isinstance(code, int):
        return str(code)
    text = str(code)
    if _ISO_DAY.fullmatch(text):
        day = date.fromisoformat(text)
        return f"{day.day} {day:%b %Y}"
    if _ISO_MONTH.fullmatch(text):
        return f"{date.fromisoformat(text + '-01'):%b %Y}"
    if column_code == "crs_category":
        return _crs().get(text, plain(text))
    if text == "unknown":
        return "Not given"
    return plain(text)


def _crossed(table: Table) -> tuple[list[str], list[list[str]]]:
    """(category, status, count) rows as one row per category, one column per status."""
    categories: list[str] = []
    statuses: list[str] = []
    counts: dict[tuple[str, str], int] = {}
    for cat, status, n in table.rows:
        categories += [cat] if cat not in categories else []
        statuses += [status] if status not in statuses else []
        counts[(cat, status)] = int(n)
    order = {s: i for i, s in enumerate(REFERRAL_STATUSES)}
    statuses.sort(key=lambda s: order.get(s, len(order)))
    head = [column(table.columns[0]), *(value(s) for s in statuses), "All"]
    body = [
        [
            value(cat, table.columns[0]),
            *(str(counts.get((cat, s), 0)) for s in statuses),
            str(sum(counts.get((cat, s), 0) for s in statuses)),
        ]
        for cat in categories
    ]
    return head, body


def for_reading(table: Table) -> tuple[list[str], list[list[str]]]:
    """Headings and rows in words, for a table view or a report (the CSV keeps the codes).

    Referrals by pathway and outcome read better crossed: a row per pathway, a column per
    status.
    """
    if table.columns[1:] == ("status", "referrals"):
        return _crossed(table)
    return [column(c) for c in table.columns], [
        [value(v, c) for v, c in zip(row, table.columns, strict=True)] for row in table.rows
    ]


def summary(name: str, table: Table) -> str:
    """A sentence a screen reader can say instead of the chart."""
    if not table.rows:
        return f"{title(name)}: nothing recorded for these filters."
    numeric = [i for i, v in enumerate(table.rows[0]) if isinstance(v, int) and i > 0]
    if not numeric:
        return f"{title(name)}: {len(table.rows)} rows; see the numbers."
    i = numeric[0]
    total = sum(int(r[i] or 0) for r in table.rows)
    return f"{title(name)}: {total} {column(table.columns[i]).lower()} in {len(table.rows)} rows."
