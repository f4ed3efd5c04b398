"""Exports: the participant's plan, the release-day sheet, the probation summary, CSV files
and the subject-access ZIP.

Each export is split in two halves so the program can run them off the GUI thread:
``collect_*`` reads the store (call it on the store's worker thread) and returns plain
data; ``render_*`` / ``write_*`` turn that data into a document. Every file is written
only to the path the user chose (through ``<path>.part`` in the same folder, renamed into
place), and every export is recorded in the store's export log — what, when, by whom,
never the content (:mod:`mentor_desk.export.log`).
"""

from mentor_desk.export.common import ExportError

__all__ = ["ExportError"]
