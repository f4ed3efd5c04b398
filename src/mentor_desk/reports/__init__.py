"""Coordinator figures computed from the local store (no Qt): see :mod:`.figures`."""

from mentor_desk.reports.figures import FIGURES, Filters, Table, all_figures

__all__ = ["FIGURES", "Filters", "Table", "all_figures"]
