"""Exports in the program: choose the file, read in the background, lay out, write, log.

:class:`ExportController` runs every export the same way (STYLE.md points 4 and 5):

1. the person chooses the file (``choose_path``: a save dialog; tests pass a function);
2. ``collect_*`` reads the store on the store worker, through the task runner;
3. documents are laid out on the GUI thread (QTextDocument and QPdfWriter belong there);
4. the bytes go to the chosen file only (through ``<file>.part`` beside it), written on a
   background thread;
5. the export is logged — what, when, by whom, never the content — on the store worker.

Each step is reported through :attr:`ExportController.progress`; the end is ``saved`` or
``failed`` with a message written for the person.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QDialog, QWidget

from mentor_desk.export import csv_export, log, subject_access
from mentor_desk.export.common import ExportError, path_hint
from mentor_desk.export.document import odt_bytes
from mentor_desk.export.plan_pdf import collect_plan, render_plan
from mentor_desk.export.probation_summary import (
    collect_probation_summary,
    probation_consent,
    render_probation_summary,
)
from mentor_desk.export.release_sheet import collect_release_sheet, render_release_sheet
from mentor_desk.store.records import Store
from mentor_desk.store.role import COORDINATOR, acting_role
from mentor_desk.ui.exports.files import (
    BackgroundFiles,
    ChoosePath,
    Job,
    Preview,
    Writer,
    bytes_writer,
    pdf_writer,
    print_preview,
    subject_access_writer,
    with_suffix,
)
from mentor_desk.ui.exports.questions import (
    ConsentState,
    CsvDialog,
    PlanDetailsDialog,
    ProbationDialog,
)
from mentor_desk.ui.shell.files import ask_save_path, failure_text
from mentor_desk.ui.shell.i18n import translate
from mentor_desk.ui.shell.tasks import TaskRunner

T = TypeVar("T")
CONTACT_KEY = "export_mentor_contact"
PARTNERSHIP_KEY = "export_partnership"


@dataclass(frozen=True)
class Context:
    """What the questions before an export need, read on the store worker."""

    reference: str
    role: str
    contact: str
    partnership: str
    consent: ConsentState


def load_context(store: Store, participant_id: str) -> Context:
    person = store.get("participant", participant_id)
    if person is None:
        raise ExportError(translate("Exports", "That participant is not in this store any more."))
    role = acting_role(store)
    covered, why = probation_consent(store, participant_id)
    release = person.get("release_date")
    return Context(
        reference=str(person["reference"]),
        role=role,
        contact=store.meta(CONTACT_KEY) or "",
        partnership=store.meta(PARTNERSHIP_KEY) or "",
        consent=ConsentState(
            str(person["reference"]),
            covered,
            why,
            role == COORDINATOR,
            date.fromisoformat(release) if release else None,
        ),
    )


def _file_name(stem: str, reference: str, suffix: str) -> str:
    """The file name the save dialog suggests: a translated ``stem`` with the reference in."""
    return stem.format(reference=reference) + suffix


class ExportController(QObject):
    """Runs the exports of the program.

    Signals:
        progress(str, int, int): what is happening, step, of how many steps.
        saved(str): the file written (its full path).
        failed(str): why nothing was saved, in plain words.
        printed(): the plan was sent to a printer.
    """

    progress = Signal(str, int, int)
    saved = Signal(str)
    failed = Signal(str)
    printed = Signal()

    STEPS = 4

    def __init__(
        self,
        runner: TaskRunner,
        parent_widget: QWidget,
        choose_path: ChoosePath = ask_save_path,
        preview: Preview = print_preview,
    ) -> None:
        super().__init__(parent_widget)
        self.runner = runner
        self.parent_widget = parent_widget
        self.choose_path = choose_path
        self.preview = preview
        self.files = BackgroundFiles(self)
        self.dialog: QDialog | None = None  # the question being asked, if any
        self.running: Job | None = None

    # -- the pipeline ------------------------------------------------------------------
    def choose(self, caption: str, suggested: str, suffix: str, kind: str) -> Path | None:
        """The save dialog: ``caption`` and ``kind`` (the filter's name) already translated."""
        chosen = self.choose_path(self.parent_widget, caption, suggested, f"{kind} (*{suffix})")
        return with_suffix(chosen, suffix) if chosen else None

    def run(
        self,
        job: Job,
        collect: Callable[[Store], T] | None,
        layout: Callable[[T], Writer],
    ) -> bool:
        """Collect (worker) → lay out (here) → write (background) → log (worker)."""
        if self.running is not None:
            self.failed.emit(
                translate("Exports", "Still making {what}; try again in a moment.").format(
                    what=self.running.what
                )
            )
            return False
        self.running = job
        self.progress.emit(
            translate("Exports", "Reading what goes into {what}…").format(what=job.what),
            1,
            self.STEPS,
        )
        if collect is None:
            self._lay_out(job, layout, None)
        else:
            self.runner.run(
                collect,
                lambda data: self._lay_out(job, layout, data),
                lambda _m, error: self._fail(job, error),
                owner=self,
            )
        return True

    def _lay_out(self, job: Job, layout: Callable[[Any], Writer], data: Any) -> None:
        self.progress.emit(
            translate("Exports", "Laying out {what}…").format(what=job.what), 2, self.STEPS
        )
        try:
            writer = layout(data)
        except Exception as error:  # a layout problem is reported, never raised into Qt
            self._fail(job, error)
            return
        self.progress.emit(
            translate("Exports", "Writing {file}…").format(file=job.path.name), 3, self.STEPS
        )
        self.files.run(lambda: writer(job.path), lambda error: self._written(job, error))

    def _written(self, job: Job, error: BaseException | None) -> None:
        if error is not None:
            self._fail(job, error)
            return
        self.progress.emit(translate("Exports", "Noting the export in the log…"), 4, self.STEPS)
        self.runner.run(
            lambda store: log.record(
                store,
                job.kind,
                participant_id=job.participant_id,
                path_hint=path_hint(job.path),
                override_reason=job.override_reason,
            ),
            lambda _id: self._done(job),
            lambda _m, e: self._fail(job, e),
            owner=self,
        )

    def _done(self, job: Job) -> None:
        self.running = None
        self.saved.emit(str(job.path))

    def _fail(self, job: Job, error: BaseException) -> None:
        self.running = None
        self.failed.emit(failure_text(error, job.path.parent))

    def save_bytes(
        self, what: str, caption: str, suggested: str, suffix: str, kind: str,
        log_kind: str, make: Callable[[], bytes],
    ) -> bool:  # fmt: skip
        """Save bytes made here (a chart, a table, a report) to a file the person chooses.

        ``what``, ``caption`` and ``kind`` are shown, so the caller passes them translated.
        """
        path = self.choose(caption, suggested, suffix, kind)
        if path is None:
            return False
        job = Job(what, path, log_kind)
        return self.run(job, None, lambda _none: bytes_writer(make()))

    # -- asking first --------------------------------------------------------------------
    def _ask(self, participant_id: str, then: Callable[[Context], None]) -> None:
        self.runner.run(
            lambda store: load_context(store, participant_id),
            then,
            lambda _m, error: self.failed.emit(failure_text(error)),
            owner=self,
        )

    def _open(self, dialog: QDialog, on_accept: Callable[[], None]) -> None:
        self.dialog = dialog
        dialog.accepted.connect(on_accept)
        dialog.finished.connect(lambda _r: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def close_dialogs(self) -> None:
        """Close any question still open (the program is locking)."""
        if self.dialog is not None:
            self.dialog.reject()

    # -- the participant's documents -------------------------------------------------------
    def export_plan(self, participant_id: str, fmt: str = "pdf") -> None:
        """Action plan (PDF)… / Action plan (editable, .odt)… / Print plan… (fmt "print")."""
        self._ask(participant_id, lambda ctx: self._plan_details(participant_id, fmt, ctx))

    def _plan_details(self, pid: str, fmt: str, ctx: Context) -> None:
        ok_text = (
            translate("Exports", "Preview and print…")
            if fmt == "print"
            else translate("Exports", "Choose where to save…")
        )
        dialog = PlanDetailsDialog(ctx.contact, ctx.partnership, ok_text, self.parent_widget)
        self._open(dialog, lambda: self._plan(pid, fmt, ctx.reference, *dialog.values()))

    def _plan(self, pid: str, fmt: str, reference: str, contact: str, partnership: str) -> None:
        def collect(store: Store) -> Any:
            with store.transaction():
                store.set_meta(CONTACT_KEY, contact)
                store.set_meta(PARTNERSHIP_KEY, partnership)
            return collect_plan(store, pid, partnership=partnership, mentor_contact=contact)

        if fmt == "print":
            self.progress.emit(translate("Exports", "Laying out the plan…"), 1, 2)
            self.runner.run(
                collect,
                lambda data: self._preview(pid, render_plan(data)),
                lambda _m, error: self.failed.emit(failure_text(error)),
                owner=self,
            )
            return
        suffix, kind = (
            (".odt", translate("Exports", "OpenDocument text"))
            if fmt == "odt"
            else (".pdf", translate("Exports", "PDF"))
        )
        path = self.choose(
            translate("Exports", "Save the action plan"),
            _file_name(translate("Exports", "plan-{reference}"), reference, suffix),
            suffix,
            kind,
        )
        if path is None:
            return
        job = Job(translate("Exports", "the action plan"), path, f"plan_{fmt}", pid)
        if fmt == "odt":
            self.run(job, collect, lambda data: bytes_writer(odt_bytes(render_plan(data))))
        else:
            # the PDF's title: the plan's own heading (export/plan_pdf.py)
            title = translate("PlanPdf", "My plan")
            self.run(job, collect, lambda data: pdf_writer(render_plan(data), title))

    def _preview(self, pid: str, doc: QTextDocument) -> None:
        self.progress.emit("", 2, 2)

        def printed() -> None:
            self.runner.run(lambda store: log.record(store, "plan_print", participant_id=pid))
            self.printed.emit()

        self.dialog = self.preview(doc, self.parent_widget, printed)

    def export_release_sheet(self, participant_id: str) -> None:
        """Release-day sheet…: the one-page "what happens next"."""
        self._ask(participant_id, lambda ctx: self._release_sheet(participant_id, ctx))

    def _release_sheet(self, pid: str, ctx: Context) -> None:
        path = self.choose(
            translate("Exports", "Save the release-day sheet"),
            _file_name(
                translate("Exports", "what-happens-next-{reference}"), ctx.reference, ".pdf"
            ),
            ".pdf",
            translate("Exports", "PDF"),
        )
        if path is None:
            return
        contact = ctx.contact
        title = translate("Exports", "What happens next")
        self.run(
            Job(translate("Exports", "the release-day sheet"), path, "release_sheet", pid),
            lambda store: collect_release_sheet(store, pid, mentor_contact=contact),
            lambda data: pdf_writer(render_release_sheet(data), title),
        )

    def export_probation_summary(self, participant_id: str) -> None:
        """Progress summary for probation…: period, consent check, coordinator override."""
        self._ask(participant_id, lambda ctx: self._probation_dialog(participant_id, ctx))

    def _probation_dialog(self, pid: str, ctx: Context) -> None:
        dialog = ProbationDialog(ctx.consent, self.parent_widget)
        self._open(dialog, lambda: self._probation(pid, ctx, dialog))

    def _probation(self, pid: str, ctx: Context, dialog: ProbationDialog) -> None:
        start, end = dialog.period()
        reason = dialog.override_reason()
        path = self.choose(
            translate("Exports", "Save the progress summary"),
            _file_name(translate("Exports", "progress-summary-{reference}"), ctx.reference, ".pdf"),
            ".pdf",
            translate("Exports", "PDF"),
        )
        if path is None:
            return
        job = Job(translate("Exports", "the progress summary"), path, "probation_summary", pid)
        partnership = ctx.partnership
        title = translate("Exports", "Progress summary for probation")

        def layout(data: Any) -> Writer:
            job.override_reason = data.override_reason
            doc = render_probation_summary(data, partnership=partnership)
            return pdf_writer(doc, title)

        self.run(
            job,
            lambda store: collect_probation_summary(
                store, pid, start=start, end=end, override_reason=reason
            ),
            layout,
        )

    def export_subject_access(self, participant_id: str) -> None:
        """Everything held about this person (ZIP)…"""
        self._ask(participant_id, lambda ctx: self._subject_access(participant_id, ctx))

    def _subject_access(self, pid: str, ctx: Context) -> None:
        path = self.choose(
            translate("Exports", "Save everything held about this person"),
            _file_name(translate("Exports", "everything-held-{reference}"), ctx.reference, ".zip"),
            ".zip",
            translate("Exports", "ZIP"),
        )
        if path is None:
            return
        self.run(
            Job(translate("Exports", "the subject-access file"), path, "subject_access", pid),
            lambda store: subject_access.collect_subject_access(store, pid),
            lambda files: subject_access_writer(pid, files),
        )

    # -- coordinator files ------------------------------------------------------------------
    def export_csv(self, kind: str | None = None) -> CsvDialog:
        """The coordinator's CSV files (one per choice), with pseudonymised references or not."""
        dialog = CsvDialog(self.parent_widget)
        if kind is not None:
            dialog.select(kind)
        self._open(dialog, lambda: self._csv(dialog))
        return dialog

    def _csv(self, dialog: CsvDialog) -> None:
        kind, pseudonymise = dialog.choice(), dialog.pseudonymise.isChecked()
        since, until = dialog.period()
        path = self.choose(
            translate("Exports", "Save the CSV file"),
            f"{kind.replace('_', '-')}.csv",
            ".csv",
            translate("Exports", "CSV"),
        )
        if path is None:
            return
        log_kind = f"csv_{kind}" + ("_pseudonymised" if pseudonymise else "")
        self.run(
            Job(translate("Exports", "the CSV file"), path, log_kind),
            lambda store: csv_export.rows(
                store, kind, pseudonymise=pseudonymise, since=since, until=until
            ),
            lambda body: bytes_writer(csv_export.csv_bytes(csv_export.COLUMNS[kind], body)),
        )
