"""The one door to matplotlib: every chart of the reports, drawn without a window.

Nothing else in the program draws with matplotlib. This module needs no Qt GUI (its words
go through QtCore's translation in :mod:`mentor_desk.reports.words`): :func:`png_bytes`
draws a chart off-screen with the Agg backend into memory (the funder report, "Save chart
as PNG…", ``mentor-desk export funder-report``), and the dashboard's on-screen canvas
(:mod:`mentor_desk.ui.dashboard.chart_view`, matplotlib's QtAgg) draws the same figure
through the same :func:`draw`, one function per
figure of :mod:`mentor_desk.reports.figures`. Colours are the Okabe–Ito set, which people
with the common colour-vision differences can tell apart; lines also differ by marker.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
from matplotlib import rc_context, rcParams
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator
from PySide6.QtCore import QDate

from mentor_desk.domain.vocabulary import REFERRAL_STATUSES
from mentor_desk.reports import words
from mentor_desk.reports.figures import Table
from mentor_desk.reports.words import translate

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#999999")
MARKERS = ("o", "s", "^", "D", "v", "P")
FONT_SIZE = 9


@dataclass(frozen=True)
class Look:
    """The colours around the data: the background, text, quieter text and grid lines."""

    background: str = "white"
    text: str = "#222222"
    muted: str = "#555555"
    grid: str = "#e4e4e4"

    def rc(self) -> dict[Any, Any]:
        """As matplotlib settings, for everything drawn while they are in force."""
        return {
            "figure.facecolor": self.background,
            "axes.facecolor": self.background,
            "savefig.facecolor": self.background,
            "text.color": self.text,
            "axes.labelcolor": self.text,
            "xtick.color": self.text,
            "ytick.color": self.text,
            "legend.labelcolor": self.text,
            "axes.edgecolor": self.muted,
            "grid.color": self.grid,
        }


#: Charts saved as images (reports, printing) are always on white.
PAPER = Look()


def _axes(figure: Figure) -> Axes:
    ax = figure.add_subplot()
    ax.tick_params(labelsize=FONT_SIZE)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="both", linewidth=0.6)
    ax.set_axisbelow(True)
    return ax


def _wrap(label: str, width: int = 24) -> str:
    return "\n".join(textwrap.wrap(label, width)) or label


def _legend(ax: Axes, columns: int = 3) -> None:
    ax.legend(
        fontsize=FONT_SIZE - 1,
        frameon=False,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.14),
        ncols=columns,
    )


def _empty(figure: Figure) -> None:
    ax = figure.add_subplot()
    ax.set_axis_off()
    nothing = translate("Reports", "Nothing recorded for these filters")
    ax.text(0.5, 0.5, nothing, ha="center", va="center",
            fontsize=FONT_SIZE + 2, color=rcParams["axes.edgecolor"])  # fmt: skip


def _by_status(figure: Figure, t: Table) -> None:
    ax = _axes(figure)
    labels = [words.value(r[0]) for r in t.rows]
    bars = ax.bar(labels, [int(r[1]) for r in t.rows], color=PALETTE[: len(t.rows)])
    ax.bar_label(bars, fontsize=FONT_SIZE)
    ax.set_ylabel(translate("Reports", "People"), fontsize=FONT_SIZE)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(axis="x", visible=False)


def _days(values: list[Any]) -> Any:
    """ISO dates (or months, "2026-03") as a numpy date array matplotlib plots on a time axis."""
    return np.array([str(v) if len(str(v)) > 7 else f"{v}-01" for v in values], "datetime64[D]")


def _months(values: list[Any]) -> list[date]:
    return [date.fromisoformat(str(v)[:7] + "-01") for v in values]


def _dates(ax: Axes) -> None:
    locator = AutoDateLocator(maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))


def _contacts(figure: Figure, t: Table) -> None:
    ax = _axes(figure)
    weeks = _days([r[0] for r in t.rows])
    ax.plot(weeks, [r[1] for r in t.rows], marker="o", markersize=3, color=PALETTE[0],
            label=translate("Reports", "Contacts"))  # fmt: skip
    ax.plot(weeks, [r[2] for r in t.rows], marker="s", markersize=3, color=PALETTE[1],
            linestyle="--", label=translate("Reports", "People seen"))  # fmt: skip
    ax.set_ylim(bottom=0)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    _dates(ax)
    _legend(ax)


def _stacked_categories(figure: Figure, t: Table) -> None:
    """Referrals: one bar per pathway (or CRS category), stacked by status."""
    ax = _axes(figure)
    cats: list[str] = []
    statuses: list[str] = []
    counts: dict[tuple[str, str], int] = {}
    for cat, status, n in t.rows:
        cats += [cat] if cat not in cats else []
        statuses += [status] if status not in statuses else []
        counts[(cat, status)] = int(n)
    order = {s: i for i, s in enumerate(REFERRAL_STATUSES)}
    statuses.sort(key=lambda s: order.get(s, len(order)))
    ys = list(range(len(cats)))[::-1]
    left = [0] * len(cats)
    for i, status in enumerate(statuses):
        values = [counts.get((c, status), 0) for c in cats]
        ax.barh(ys, values, left=left, color=PALETTE[i % len(PALETTE)], label=words.value(status))
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_yticks(ys, [_wrap(words.value(c, t.columns[0])) for c in cats], fontsize=FONT_SIZE - 1)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(axis="y", visible=False)
    _legend(ax)


def _goals(figure: Figure, t: Table) -> None:
    ax = _axes(figure)
    ys = [float(y) for y in range(len(t.rows))][::-1]
    height = 0.38
    ax.barh([y + height / 2 for y in ys], [r[1] for r in t.rows], height, color=PALETTE[0],
            label=translate("Reports", "Goals set"))  # fmt: skip
    ax.barh([y - height / 2 for y in ys], [r[2] for r in t.rows], height, color=PALETTE[2],
            label=translate("Reports", "Achieved"))  # fmt: skip
    labels = [_wrap(words.value(r[0], t.columns[0])) for r in t.rows]
    ax.set_yticks(ys, labels, fontsize=FONT_SIZE - 1)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(axis="y", visible=False)
    _legend(ax)


def _month_ticks(ax: Axes, months: list[Any]) -> list[int]:
    """Months as evenly spaced categories labelled "Mar 26" (at most about 12 labels)."""
    xs = list(range(len(months)))
    locale = words.report_locale()
    labels = [locale.toString(QDate(m.year, m.month, 1), "MMM yy") for m in _months(months)]
    step = max(1, (len(labels) + 11) // 12)
    ax.set_xticks(xs[::step], labels[::step], fontsize=FONT_SIZE - 1)
    return xs


def _checkins(figure: Figure, t: Table) -> None:
    ax = _axes(figure)
    months = _month_ticks(ax, [r[0] for r in t.rows])
    of_seven = translate("Reports", " (of 7)")
    for i, col in enumerate(t.columns[2:]):
        values = [r[2 + i] for r in t.rows]
        days = col == "mean_active_days"
        ax.plot(months, values, marker=MARKERS[i], markersize=3, color=PALETTE[i],
                linestyle=":" if days else "-",
                label=words.column(col) + (of_seven if days else ""))  # fmt: skip
    ax.set_ylim(0, 10)
    ax.set_ylabel(translate("Reports", "Average score"), fontsize=FONT_SIZE)
    _legend(ax)


def _recalls(figure: Figure, t: Table) -> None:
    ax = _axes(figure)
    columns = t.columns[2:]
    width = 0.8 / max(1, len(columns))
    xs = _month_ticks(ax, [r[0] for r in t.rows])
    for i, col in enumerate(columns):
        offset = (i - (len(columns) - 1) / 2) * width
        ax.bar([x + offset for x in xs], [r[2 + i] for r in t.rows], width,
               color=PALETTE[i], label=words.column(col))  # fmt: skip
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(axis="x", visible=False)
    _legend(ax, columns=2)


DRAWERS: dict[str, Callable[[Figure, Table], None]] = {
    "participants_by_status": _by_status,
    "contacts_per_week": _contacts,
    "referrals_by_pathway_and_outcome": _stacked_categories,
    "goals_achieved": _goals,
    "checkin_trends": _checkins,
    "recalls_and_offences": _recalls,
}


def draw(
    figure: Figure, name: str, table: Table, *, title: str | None = None, look: Look = PAPER
) -> None:
    """Draw figure ``name`` of the reports on ``figure`` (cleared first), in ``look``."""
    figure.clear()
    with rc_context(look.rc()):
        figure.set_facecolor(look.background)
        if title:
            figure.suptitle(title, fontsize=FONT_SIZE + 3)
        if not table.rows:
            _empty(figure)
            return
        DRAWERS[name](figure, table)


def png_bytes(
    name: str,
    table: Table,
    *,
    title: str | None = None,
    size: tuple[float, float] = (8.0, 4.2),
    dpi: int = 150,
) -> bytes:
    """The chart as a PNG image in memory (no window, no temp file)."""
    figure = Figure(figsize=size, dpi=dpi, layout="constrained")
    FigureCanvasAgg(figure)
    draw(figure, name, table, title=title)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", facecolor=PAPER.background)
    return buffer.getvalue()
