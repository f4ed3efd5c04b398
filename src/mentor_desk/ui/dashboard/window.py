"""The dashboard: the coordinator figures as charts, filterable, each savable as PNG and CSV.

Opened from Reports → Dashboard… (coordinators for their organisation, mentors for their own
caseload: the store holds only what the server let this user see). The figures are computed
on the store worker (:mod:`mentor_desk.reports.figures`) and drawn here, on the GUI thread,
through :mod:`mentor_desk.reports.charts` (on screen by
:mod:`mentor_desk.ui.dashboard.chart_view`). Every chart has "Show the numbers" — the same counts
as a table a screen reader can read — and can be saved as a PNG image or its data as CSV;
"Save funder report…" gathers them all into one PDF (:mod:`mentor_desk.export.funder_report`).
Saving goes through the :class:`~mentor_desk.ui.exports.controller.ExportController`, so it is
chosen, written in the background and logged like every other export.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentor_desk.export.csv_export import csv_bytes
from mentor_desk.export.funder_report import funder_report_pdf, period_words
from mentor_desk.reports import charts, figures, words
from mentor_desk.reports.figures import Filters, Table, Vocabulary
from mentor_desk.store.records import Store
from mentor_desk.store.role import COORDINATOR, acting_role
from mentor_desk.ui.dashboard.chart_view import ChartView
from mentor_desk.ui.exports.controller import ExportController
from mentor_desk.ui.exports.questions import date_edit, from_qdate
from mentor_desk.ui.shell.i18n import QT_TRANSLATE_NOOP, translate
from mentor_desk.ui.shell.tasks import TaskRunner
from mentor_desk.ui.shell.widgets import label, named

ModelIndex = QModelIndex | QPersistentModelIndex
#: The period filter's choices, in this order (translated where shown).
PERIODS = (
    QT_TRANSLATE_NOOP("Dashboard", "Last 3 months"),
    QT_TRANSLATE_NOOP("Dashboard", "Last 12 months"),
    QT_TRANSLATE_NOOP("Dashboard", "This calendar year"),
    QT_TRANSLATE_NOOP("Dashboard", "Everything"),
    QT_TRANSLATE_NOOP("Dashboard", "Chosen dates"),
)


@dataclass(frozen=True)
class Choices:
    """What the filters offer, read once on the store worker."""

    coordinator: bool
    organisations: list[str]
    mentors: list[tuple[str, str]]  # (id, name) by name
    partnership: str


def load_choices(store: Store) -> Choices:
    options = figures.filter_options(store)
    return Choices(
        coordinator=acting_role(store) == COORDINATOR,
        organisations=options.organisations,
        mentors=options.mentors,
        partnership=store.meta("export_partnership") or "",
    )


class FigureTableModel(QAbstractTableModel):
    """One figure's counts as a table, in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []
        self._rows: list[list[str]] = []

    def set_table(self, table: Table) -> None:
        self.beginResetModel()
        self._headers, self._rows = words.for_reading(table)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self._headers):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._rows[index.row()][index.column()]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None


def _button(text: str, name: str) -> QPushButton:
    return named(QPushButton(text), name)


class ChartPanel(QFrame):
    """One figure: title, chart, "Show the numbers", save as PNG, save data as CSV."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.table = Table(words.title(name), (), [])
        self.setProperty("role", "card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        title = words.title(name)
        layout.addWidget(label(title, "subtitle"))
        layout.addWidget(label(words.about(name), "hint", wrap=True))
        self.chart = ChartView(name)
        layout.addWidget(self.chart, 1)
        self.model = FigureTableModel(self)
        self.numbers = named(
            QTableView(), translate("Dashboard", "{title}: the numbers").format(title=title)
        )
        self.numbers.setModel(self.model)
        self.numbers.verticalHeader().hide()
        self.numbers.setTabKeyNavigation(False)
        self.numbers.setMinimumHeight(160)
        self.numbers.hide()
        layout.addWidget(self.numbers)
        row = QHBoxLayout()
        self.show_numbers = _button(
            translate("Dashboard", "Show the numbers"),
            translate("Dashboard", "Show the numbers of {title}").format(title=title),
        )
        self.show_numbers.setCheckable(True)
        self.save_png = _button(
            translate("Dashboard", "Save chart (PNG)…"),
            translate("Dashboard", "Save the {title} chart as PNG").format(title=title),
        )
        self.save_csv = _button(
            translate("Dashboard", "Save data (CSV)…"),
            translate("Dashboard", "Save the {title} data as CSV").format(title=title),
        )
        row.addWidget(self.show_numbers)
        row.addStretch(1)
        row.addWidget(self.save_png)
        row.addWidget(self.save_csv)
        layout.addLayout(row)
        self.show_numbers.toggled.connect(self.numbers.setVisible)

    def show_table(self, table: Table) -> None:
        self.table = table
        self.chart.show_table(table)
        self.model.set_table(table)
        self.numbers.resizeColumnsToContents()


class DashboardWindow(QDialog):
    """Charts of the caseload, with filters (organisation, mentor, period, vocabulary).

    Signals:
        figures_shown(): new figures were drawn (after opening and after each filter change).
    """

    figures_shown = Signal()

    def __init__(
        self, runner: TaskRunner, exports: ExportController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.runner, self.exports = runner, exports
        self.setWindowTitle(translate("Dashboard", "Dashboard — Mentor Desk"))
        named(self, translate("Dashboard", "Dashboard"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.choices: Choices | None = None
        self.tables: dict[str, Table] = {}
        self.filters = Filters()
        self.vocabulary: Vocabulary = "pathway"
        self._generation = 0
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.heading = label(translate("Dashboard", "Dashboard"), "title")
        top.addWidget(self.heading)
        self.state = label(translate("Dashboard", "Loading…"), "hint")
        top.addWidget(self.state, 1)
        self.report_button = _button(
            translate("Dashboard", "Save funder report (PDF)…"),
            translate("Dashboard", "Save funder report as PDF"),
        )
        self.report_button.setProperty("role", "primary")
        top.addWidget(self.report_button)
        layout.addLayout(top)
        layout.addLayout(self._filter_row())
        self.panels = {name: ChartPanel(name) for name in words.FIGURES}
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        for i, panel in enumerate(self.panels.values()):
            grid.addWidget(panel, i // 2, i % 2)
        scroll = named(QScrollArea(), translate("Dashboard", "Charts"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        layout.addWidget(scroll, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.refresh)
        for panel in self.panels.values():
            panel.save_png.clicked.connect(lambda _c=False, p=panel: self.save_png(p.name))
            panel.save_csv.clicked.connect(lambda _c=False, p=panel: self.save_csv(p.name))
        self.report_button.clicked.connect(self.save_report)
        self.resize(1240, 860)
        self.runner.run(load_choices, self._choices_loaded, owner=self)

    def _filter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.organisation = named(QComboBox(), translate("Dashboard", "Organisation"))
        self.organisation.addItem(translate("Dashboard", "All organisations"), None)
        self.mentor = named(QComboBox(), translate("Dashboard", "Mentor"))
        self.mentor.addItem(translate("Dashboard", "All mentors"), None)
        self.period = named(QComboBox(), translate("Dashboard", "Period"))
        self.period.addItems([translate("Dashboard", period) for period in PERIODS])
        self.period.setCurrentIndex(1)
        today = date.today()
        self.start = date_edit(today - timedelta(days=365), translate("Dashboard", "Period from"))
        self.end = date_edit(today, translate("Dashboard", "Period to"))
        self.vocab = named(QComboBox(), translate("Dashboard", "Group referrals and goals by"))
        for grouping, vocabulary in (
            (translate("Dashboard", "Resettlement pathways"), "pathway"),
            (translate("Dashboard", "Probation CRS categories"), "crs"),
        ):
            self.vocab.addItem(grouping, vocabulary)
        self.org_label = label(translate("Dashboard", "Organisation"))
        for text, widget in (
            (None, self.org_label),
            (None, self.organisation),
            (translate("Dashboard", "Mentor"), self.mentor),
            (translate("Dashboard", "Period"), self.period),
            (None, self.start),
            (translate("Dashboard", "to"), self.end),
            (translate("Dashboard", "Group by"), self.vocab),
        ):
            if text:
                row.addWidget(label(text))
            row.addWidget(widget)
        row.addStretch(1)
        for combo in (self.organisation, self.mentor, self.period, self.vocab):
            combo.currentIndexChanged.connect(self._changed)
        for edit in (self.start, self.end):
            edit.dateChanged.connect(self._changed)
        self._sync_dates()
        return row

    # -- loading ---------------------------------------------------------------------------
    def _choices_loaded(self, choices: Choices) -> None:
        self.choices = choices
        for org in choices.organisations:
            self.organisation.addItem(org, org)
        for mid, name in choices.mentors:
            self.mentor.addItem(name, mid)
        self.organisation.setVisible(choices.coordinator)
        self.org_label.setVisible(choices.coordinator)
        self.heading.setText(
            translate("Dashboard", "Dashboard")
            if choices.coordinator
            else translate("Dashboard", "Dashboard — your caseload")
        )
        self.refresh()

    def current_filters(self) -> Filters:
        today = date.today()
        choice = self.period.currentIndex()
        since: date | None
        until: date | None = today
        if choice == 0:
            since = today - timedelta(days=91)
        elif choice == 1:
            since = today - timedelta(days=365)
        elif choice == 2:
            since = date(today.year, 1, 1)
        elif choice == 3:
            since = until = None
        else:
            since, until = from_qdate(self.start.date()), from_qdate(self.end.date())
        return Filters(self.organisation.currentData(), self.mentor.currentData(), since, until)

    def _sync_dates(self) -> None:
        chosen = self.period.currentIndex() == len(PERIODS) - 1
        self.start.setEnabled(chosen)
        self.end.setEnabled(chosen)

    def _changed(self) -> None:
        self._sync_dates()
        self._timer.start()

    def refresh(self) -> None:
        """Recompute every figure for the current filters (on the store worker)."""
        self._timer.stop()
        filters, vocabulary = self.current_filters(), self.vocab.currentData()
        if filters.since and filters.until and filters.until < filters.since:
            self.state.setText(translate("Dashboard", "The end of the period is before its start."))
            return
        self._generation += 1
        generation = self._generation
        self.state.setText(translate("Dashboard", "Updating…"))
        self.runner.run(
            lambda store: figures.all_figures(store, filters, vocabulary),
            lambda tables: self._show(generation, filters, vocabulary, tables),
            lambda message, _e: self.state.setText(message),
            owner=self,
        )

    def _show(
        self, generation: int, filters: Filters, vocabulary: Vocabulary, tables: dict[str, Table]
    ) -> None:
        if generation != self._generation:
            return  # a newer choice of filters is on its way
        self.filters, self.vocabulary, self.tables = filters, vocabulary, tables
        for name, panel in self.panels.items():
            panel.show_table(tables[name])
        self.state.setText(self.scope_text())
        self.figures_shown.emit()

    def scope_text(self) -> str:
        """The filters in words: "All mentors · 1 Mar 2026 to 28 Feb 2027 · by pathway"."""
        f = self.filters
        parts = []
        if self.organisation.isVisible() or f.organisation_id:
            parts.append(self.organisation.currentText())
        parts.append(self.mentor.currentText())
        parts.append(period_words(f.since, f.until))
        parts.append(
            translate("Dashboard", "grouped by {grouping}").format(
                grouping=self.vocab.currentText().lower()
            )
        )
        return " · ".join(parts)

    # -- saving ------------------------------------------------------------------------------
    def save_png(self, name: str) -> bool:
        table = self.tables.get(name)
        if table is None:
            return False
        return self.exports.save_bytes(
            translate("Dashboard", "the chart"),
            translate("Dashboard", "Save the chart"),
            f"{name.replace('_', '-')}.png",
            ".png",
            translate("Dashboard", "PNG image"),
            "chart_png",
            lambda: charts.png_bytes(name, table, title=words.title(name)),
        )

    def save_csv(self, name: str) -> bool:
        table = self.tables.get(name)
        if table is None:
            return False
        body = [["" if v is None else str(v) for v in row] for row in table.rows]
        return self.exports.save_bytes(
            translate("Dashboard", "the chart's data"),
            translate("Dashboard", "Save the chart's data"),
            f"{name.replace('_', '-')}.csv",
            ".csv",
            translate("Dashboard", "CSV"),
            "chart_csv",
            lambda: csv_bytes(table.columns, body),
        )

    def save_report(self) -> bool:
        if not self.tables:
            return False
        tables, scope = dict(self.tables), self.scope_text()
        partnership = self.choices.partnership if self.choices else ""
        return self.exports.save_bytes(
            translate("Dashboard", "the funder report"),
            translate("Dashboard", "Save the funder report"),
            "funder-report.pdf",
            ".pdf",
            translate("Dashboard", "PDF"),
            "funder_report",
            lambda: funder_report_pdf(tables, scope=scope, partnership=partnership),
        )
