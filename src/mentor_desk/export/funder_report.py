"""The funder report: every dashboard chart with the counts behind it, as one PDF.

The charts are drawn as PNG images in memory (:func:`mentor_desk.reports.charts.png_bytes`),
added to a :class:`QTextDocument` as image resources, and laid out with their tables by the
same machinery as the other exports (:mod:`mentor_desk.export.document`: bundled font, A4,
QPdfWriter into memory). Only counts and averages are in it — never a name or a note. Runs
on the GUI thread (QTextDocument); the caller writes the bytes where the person chose.
"""

from __future__ import annotations

import os
from datetime import date

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument

from mentor_desk.export import log
from mentor_desk.export.common import (
    QT_TRANSLATE_NOOP,
    full_date,
    number,
    path_hint,
    short_date,
    today_local,
    translate,
    write_bytes,
)
from mentor_desk.export.document import REPORT_CSS, SMALL_BODY_PT, e, html_table, make_document
from mentor_desk.export.document import pdf_bytes as document_pdf
from mentor_desk.reports import charts, figures, words
from mentor_desk.reports.figures import Table
from mentor_desk.store.records import Store

TITLE = QT_TRANSLATE_NOOP("FunderReport", "Report for funders")
#: Image size on the page (document pixels: about the text width of an A4 page).
IMAGE_WIDTH, IMAGE_HEIGHT = 620, 326
_PNG_SIZE = (7.6, 4.0)  # inches, at 150 dpi: sharp in print


def _totals(tables: dict[str, Table]) -> list[tuple[str, int]]:
    def total(name: str, column: str) -> int:
        table = tables.get(name)
        if table is None or column not in table.columns:
            return 0
        i = table.columns.index(column)
        return sum(int(r[i] or 0) for r in table.rows)

    return [
        (
            translate("FunderReport", "People supported"),
            total("participants_by_status", "participants"),
        ),
        (translate("FunderReport", "Contacts"), total("contacts_per_week", "contacts")),
        (
            translate("FunderReport", "Referrals"),
            total("referrals_by_pathway_and_outcome", "referrals"),
        ),
        (translate("FunderReport", "Goals set"), total("goals_achieved", "goals_set")),
        (translate("FunderReport", "Goals achieved"), total("goals_achieved", "achieved")),
        (translate("FunderReport", "Check-ins"), total("checkin_trends", "check_ins")),
        (translate("FunderReport", "Recalls reported"), total("recalls_and_offences", "recalls")),
    ]


def funder_report_html(tables: dict[str, Table], *, scope: str, partnership: str = "") -> str:
    facts = "".join(
        f"<tr><td>{e(what)}</td><td align='right'><b>{e(number(n))}</b></td></tr>"
        for what, n in _totals(tables)
    )
    made = translate("FunderReport", "made {date}").format(date=full_date(today_local()))
    counts_only = translate(
        "FunderReport",
        "Counts only: no names, no notes. Figures by pathway may count a referral or goal in "
        "more than one probation (CRS) category.",
    )
    parts = [
        f"<html><head>{REPORT_CSS}</head><body>",
        f"<h1>{e(translate('FunderReport', TITLE))}</h1>",
        f"<p>{e(partnership) + ' · ' if partnership else ''}{e(scope)} · {e(made)}</p>",
        f"<h2>{e(translate('FunderReport', 'At a glance'))}</h2>",
        f'<table cellspacing="0" cellpadding="4" width="50%">{facts}</table>',
        f'<p class="muted">{e(counts_only)}</p>',
    ]
    for i, (name, table) in enumerate(tables.items()):
        # each chart after the first starts a page, so a heading never parts from its chart
        style = ' style="page-break-before: always"' if i else ""
        parts += [
            f"<h2{style}>{e(words.title(name))}</h2>",
            f'<p class="muted">{e(words.about(name))}</p>',
            f'<p><img src="chart:{name}" width="{IMAGE_WIDTH}" height="{IMAGE_HEIGHT}"></p>',
            html_table(*words.for_reading(table)),
        ]
        if name == "checkin_trends":
            parts.append(f'<p class="muted">{e(words.ons4_note())}</p>')
    parts.append("</body></html>")
    return "\n".join(parts)


def funder_report_document(
    tables: dict[str, Table], *, scope: str, partnership: str = ""
) -> QTextDocument:
    doc = make_document(
        funder_report_html(tables, scope=scope, partnership=partnership),
        title=translate("FunderReport", TITLE),
        point_size=SMALL_BODY_PT,
    )
    for name, table in tables.items():
        png = charts.png_bytes(name, table, size=_PNG_SIZE)
        doc.addResource(
            QTextDocument.ResourceType.ImageResource.value,
            QUrl(f"chart:{name}"),
            QImage.fromData(png),
        )
    return doc


def funder_report_pdf(tables: dict[str, Table], *, scope: str, partnership: str = "") -> bytes:
    """The report as PDF bytes (charts, then the counts behind each)."""
    doc = funder_report_document(tables, scope=scope, partnership=partnership)
    return document_pdf(doc, title=translate("FunderReport", TITLE))


def period_words(since: date | None, until: date | None) -> str:
    """The period in words: "1 Apr 2026 to 31 Mar 2027", "all time"."""
    if since is None and until is None:
        return translate("FunderReport", "all time")
    start = short_date(since) if since else translate("FunderReport", "the start")
    end = short_date(until) if until else translate("FunderReport", "today")
    return translate("FunderReport", "{start} to {end}").format(start=start, end=end)


def write_funder_report(
    store: Store,
    path: str | os.PathLike[str],
    *,
    since: date | None = None,
    until: date | None = None,
    partnership: str = "",
) -> None:
    """Every figure of the people on this computer for the period, as a PDF, logged.

    What ``mentor-desk export funder-report`` writes; the dashboard's "Save funder report…"
    makes the same document for the filters it shows.
    """
    tables = figures.all_figures(store, figures.Filters(since=since, until=until))
    scope = translate(
        "FunderReport", "Everyone on this computer · {period} · grouped by pathway"
    ).format(period=period_words(since, until))
    write_bytes(path, funder_report_pdf(tables, scope=scope, partnership=partnership))
    log.record(store, "funder_report", path_hint=path_hint(path))
