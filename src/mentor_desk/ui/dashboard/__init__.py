"""The dashboard window: the coordinator figures as charts, each savable, and the funder report.

``window.py`` (filters, panels, saving), ``chart_view.py`` (matplotlib's Qt canvas drawing
:mod:`mentor_desk.reports.charts`). Imported only when the dashboard first opens.

May import: ``ui.exports``, ``ui.shell``, ``reports``, ``export`` and below.
"""
