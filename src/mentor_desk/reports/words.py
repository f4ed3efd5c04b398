"""The coordinator figures in words: titles, column headings and values for people.

:mod:`mentor_desk.reports.figures` returns stored codes ("drugs_alcohol", "no_response",
"mean_life_satisfaction"); the dashboard, its charts and the funder report show them as
words through here, so every place says the same thing.

The words go through Qt's translation (context "Reports"; QtCore only) and dates and numbers
through :class:`QLocale`, with the rule of :func:`mentor_desk.export.common.document_locale`
(English and C keep the house style, "1 Apr 2026", "7.5"; Welsh writes "1 Ebr 2026"). The
labels of pathways, CRS categories and stored choices come from the domain's data files and
stay as they are there.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from mentor_desk.domain import resources
from mentor_desk.domain.vocabulary import REFERRAL_STATUSES
from mentor_desk.domain.words import plain
from mentor_desk.reports.figures import Table


def translate(context: str, text: str) -> str:
    """A report's word in the program's language (``pyside6-lupdate`` finds the calls)."""
    return QCoreApplication.translate(context, text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for the catalogue; :func:`translate` it where it is shown."""
    del context
    return text


#: Figure name → (title, one sentence on what it counts), in dashboard order.
FIGURES: dict[str, tuple[str, str]] = {
    "participants_by_status": (
        QT_TRANSLATE_NOOP("Reports", "Participants by status"),
        QT_TRANSLATE_NOOP(
            "Reports", "Everyone in the filters, by their status today (the period does not apply)."
        ),
    ),
    "contacts_per_week": (
        QT_TRANSLATE_NOOP("Reports", "Contacts per week"),
        QT_TRANSLATE_NOOP(
            "Reports",
            "Notes of real contact each week (not tries that did not reach them), and how many "
            "different people were seen.",
        ),
    ),
    "referrals_by_pathway_and_outcome": (
        QT_TRANSLATE_NOOP("Reports", "Referrals by pathway and outcome"),
        QT_TRANSLATE_NOOP(
            "Reports",
            "Referrals made in the period, by what they were for and where they stand now.",
        ),
    ),
    "goals_achieved": (
        QT_TRANSLATE_NOOP("Reports", "Goals set and achieved"),
        QT_TRANSLATE_NOOP(
            "Reports",
            "Goals set in the period, and goals reached in the period, by what they are about.",
        ),
    ),
    "checkin_trends": (
        QT_TRANSLATE_NOOP("Reports", "Check-in trends"),
        QT_TRANSLATE_NOOP(
            "Reports",
            "Average wellbeing scores (0 to 10; for anxiety lower is better) and days active in "
            "the last week (0 to 7), by month.",
        ),
    ),
    "recalls_and_offences": (
        QT_TRANSLATE_NOOP("Reports", "Reoffending and recalls"),
        QT_TRANSLATE_NOOP(
            "Reports",
            "New offences, arrests and recalls reported at check-ins, and supports ended by a "
            "recall to custody, by month.",
        ),
    ),
}

ONS4_NOTE = QT_TRANSLATE_NOOP(
    "Reports",
    "Wellbeing scores use the ONS personal well-being questions. Source: Office for National "
    "Statistics, Crown copyright, licensed under the Open Government Licence v3.0.",
)

_COLUMNS = {
    "participants": QT_TRANSLATE_NOOP("Reports", "People"),
    "week_starting": QT_TRANSLATE_NOOP("Reports", "Week starting"),
    "contacts": QT_TRANSLATE_NOOP("Reports", "Contacts"),
    "participants_seen": QT_TRANSLATE_NOOP("Reports", "People seen"),
    "crs_category": QT_TRANSLATE_NOOP("Reports", "CRS category"),
    "referrals": QT_TRANSLATE_NOOP("Reports", "Referrals"),
    "goals_set": QT_TRANSLATE_NOOP("Reports", "Goals set"),
    "achieved": QT_TRANSLATE_NOOP("Reports", "Achieved"),
    "check_ins": QT_TRANSLATE_NOOP("Reports", "Check-ins"),
    "mean_life_satisfaction": QT_TRANSLATE_NOOP("Reports", "Life satisfaction"),
    "mean_worthwhile": QT_TRANSLATE_NOOP("Reports", "Worthwhile"),
    "mean_happiness": QT_TRANSLATE_NOOP("Reports", "Happiness"),
    "mean_anxiety": QT_TRANSLATE_NOOP("Reports", "Anxiety"),
    "mean_active_days": QT_TRANSLATE_NOOP("Reports", "Active days"),
    "new_offences": QT_TRANSLATE_NOOP("Reports", "New offences"),
    "arrests": QT_TRANSLATE_NOOP("Reports", "Arrests"),
    "recalls": QT_TRANSLATE_NOOP("Reports", "Recalls"),
    "supports_ended_by_recall": QT_TRANSLATE_NOOP("Reports", "Support ended by recall"),
}


def report_locale() -> QLocale:
    """The language's locale, or C for English (reports sit below export: its rule, here)."""
    current = QLocale()
    if current.language() in (QLocale.Language.C, QLocale.Language.English):
        return QLocale.c()
    return current


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_MONTH = re.compile(r"\d{4}-\d{2}")


@cache
def _crs() -> dict[str, str]:
    return resources.labels("pathways.json", "crs_categories")


def title(name: str) -> str:
    return translate("Reports", FIGURES[name][0]) if name in FIGURES else name


def about(name: str) -> str:
    return translate("Reports", FIGURES[name][1]) if name in FIGURES else ""


def ons4_note() -> str:
    return translate("Reports", ONS4_NOTE)


def column(code: str) -> str:
    """A column heading in words."""
    return translate("Reports", _COLUMNS[code]) if code in _COLUMNS else plain(code)


def value(code: Any, column_code: str = "") -> str:
    """One cell in words: a category or status label, a number, or empty."""
    if code is None:
        return ""
    locale = report_locale()
    english = locale.language() == QLocale.Language.C
    if isinstance(code, float):
        # Python's rounding in English, as always (2.25 → "2.2"); the language's otherwise
        return f"{code:.1f}" if english else locale.toString(code, "f", 1)
    if isinstance(code, int) and not isinstance(code, bool):
        return str(code) if english else locale.toString(code)
    text = str(code)
    if _ISO_DAY.fullmatch(text):
        day = date.fromisoformat(text)
        return locale.toString(QDate(day.year, day.month, day.day), "d MMM yyyy")
    if _ISO_MONTH.fullmatch(text):
        month = date.fromisoformat(text + "-01")
        return locale.toString(QDate(month.year, month.month, 1), "MMM yyyy")
    if column_code == "crs_category":
        return _crs().get(text, plain(text))
    if text == "unknown":
        return translate("Reports", "Not given")
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
    head = [column(table.columns[0]), *(value(s) for s in statuses), translate("Reports", "All")]
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
        nothing = translate("Reports", "{title}: nothing recorded for these filters.")
        return nothing.format(title=title(name))
    rows = value(len(table.rows))
    numeric = [i for i, v in enumerate(table.rows[0]) if isinstance(v, int) and i > 0]
    if not numeric:
        see = translate("Reports", "{title}: {rows} rows; see the numbers.")
        return see.format(title=title(name), rows=rows)
    i = numeric[0]
    total = sum(int(r[i] or 0) for r in table.rows)
    sentence = translate("Reports", "{title}: {total} {what} in {rows} rows.")
    what = column(table.columns[i]).lower()
    return sentence.format(title=title(name), total=value(total), what=what, rows=rows)
