"""One chart on screen: matplotlib's Qt canvas drawing a figure of the reports.

The drawing is :func:`mentor_desk.reports.charts.draw` — the same as the PNG images and the
funder report — in the window's own colours (:func:`look_of`), redrawn when the theme
changes. Imported only when the dashboard opens, so starting the program never pays for
matplotlib.
"""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QEvent
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QVBoxLayout, QWidget

from mentor_desk.reports import words
from mentor_desk.reports.charts import Look, draw
from mentor_desk.reports.figures import Table
from mentor_desk.ui.shell.i18n import translate


def look_of(palette: QPalette) -> Look:
    """The screen's look: white paper in a light theme, the window's own colours in a
    dark one (a white chart in a dark window glares)."""
    window, text = (
        palette.color(QPalette.ColorRole.Window),
        palette.color(QPalette.ColorRole.WindowText),
    )
    if window.lightness() >= 128:
        return Look()
    return Look(window.name(), text.name(), "#b0b0b0", "#4a4a4a")


class ChartView(QWidget):
    """One chart on screen (matplotlib's Qt canvas inside a plain widget)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.figure = Figure(figsize=(5.6, 3.2), dpi=100, layout="constrained")
        self.canvas: QWidget = FigureCanvasQTAgg(self.figure)
        # charts with a bar per pathway need room for eleven two-line labels
        tall = name in ("referrals_by_pathway_and_outcome", "goals_achieved")
        self.canvas.setMinimumHeight(380 if tall else 280)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self._table: Table | None = None

    def changeEvent(self, event: QEvent) -> None:
        """A theme change (light ↔ dark) redraws the chart in the new colours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._table is not None:
            draw(self.figure, self.name, self._table, look=look_of(self.palette()))
            self.figure.canvas.draw_idle()

    def show_table(self, table: Table) -> None:
        self._table = table
        draw(self.figure, self.name, table, look=look_of(self.palette()))
        summary = words.summary(self.name, table)
        self.canvas.setAccessibleName(
            translate("ChartView", "{title} chart").format(title=words.title(self.name))
        )
        self.canvas.setAccessibleDescription(summary)
        self.setToolTip(summary)
        self.figure.canvas.draw_idle()
