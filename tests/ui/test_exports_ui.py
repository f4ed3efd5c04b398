"""Exports through the program's own actions: the file chosen, made in the background, read back.

The save dialog is replaced by injecting a "choose path" function into the export
controller; everything else (the questions asked first, the store worker, the layout on the
GUI thread, the background write, the export log) is the real thing.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from mentor_desk.app import Services
from mentor_desk.export import log
from mentor_desk.export.csv_export import COLUMNS
from mentor_desk.ui.exports.questions import CsvDialog, PlanDetailsDialog, ProbationDialog
from mentor_desk.ui.window.export_menu import ExportActions
from tests.helpers.files import PRIVATE, mode
from tests.helpers.ui import TIMEOUT, start, unlock, wait_idle
from tests.helpers.ui_data import (
    FLAG_MARKER,
    GOAL_TEXT,
    NOTE_MARKER,
    STEP_TEXT,
    Seeded,
    seed_profile,
)

CONTACT = "0113 496 0101 (work)"


def pdf_text(path: Path) -> str:
    reader = PdfReader(path)
    return " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())


def open_app(
    qtbot: QtBot, make_app: Any, profile_dir: Path, role: str | None = "mentor"
) -> tuple[Services, ExportActions, Seeded]:
    seeded = seed_profile(profile_dir, role=role)
    services = make_app()
    start(qtbot, services)
    unlock(qtbot, services)
    actions = services.window.export_actions
    qtbot.waitUntil(lambda: services.runner.pending == 0, timeout=TIMEOUT)
    return services, actions, seeded


def choose(actions: ExportActions, path: Path) -> list[str]:
    """Answer every save dialog with ``path``; returns the captions asked."""
    asked: list[str] = []

    def chooser(_parent: QWidget, caption: str, _suggested: str, _filter: str) -> str:
        asked.append(caption)
        return str(path)

    actions.controller.choose_path = chooser
    return asked


def question(qtbot: QtBot, actions: ExportActions, kind: type[QDialog]) -> Any:
    qtbot.waitUntil(lambda: isinstance(actions.controller.dialog, kind), timeout=TIMEOUT)
    dialog = actions.controller.dialog
    assert isinstance(dialog, kind)
    qtbot.waitUntil(dialog.isVisible, timeout=TIMEOUT)
    return dialog


def accept(qtbot: QtBot, actions: ExportActions, dialog: Any) -> str:
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(actions.controller.saved, timeout=TIMEOUT) as saved:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    return str(saved.args[0])


def logged(services: Services) -> list[dict[str, Any]]:
    return services.worker.submit(lambda store: log.entries(store)).result()


def test_plan_pdf_from_the_workspace_menu_has_goals_and_no_notes(
    qtbot: QtBot, make_app: Any, profile_dir: Path, tmp_path: Path, permissive_umask: None
) -> None:
    services, actions, seeded = open_app(qtbot, make_app, profile_dir)
    ws = services.window.open_participant(seeded.pid)
    wait_idle(qtbot, services)
    assert ws.header.export_button.menu() is actions.participant_menu
    assert actions.plan_pdf in actions.participant_menu.actions()
    out = tmp_path / "out"
    out.mkdir()
    asked = choose(actions, out / "plan")  # no suffix typed: ".pdf" is added
    actions.plan_pdf.trigger()
    details = question(qtbot, actions, PlanDetailsDialog)
    details.contact.setText(CONTACT)
    path = accept(qtbot, actions, details)
    assert asked == ["Save the action plan"]
    assert path == str(out / "plan.pdf")
    assert sorted(p.name for p in out.iterdir()) == ["plan.pdf"]  # nothing else, no .part
    assert mode(out / "plan.pdf") == PRIVATE  # as private as the store, under umask 022
    text = pdf_text(out / "plan.pdf")
    assert GOAL_TEXT in text and STEP_TEXT in text and CONTACT in text
    assert NOTE_MARKER not in text and FLAG_MARKER not in text
    assert "Saved to" in services.window.statusBar().currentMessage()
    assert [e["kind"] for e in logged(services)] == ["plan_pdf"]
    assert logged(services)[0]["participant_id"] == seeded.pid

    # the contact is remembered for next time, and the editable copy has the same content
    choose(actions, out / "plan.odt")
    actions.plan_odt.trigger()
    details = question(qtbot, actions, PlanDetailsDialog)
    assert details.contact.text() == CONTACT
    accept(qtbot, actions, details)
    assert mode(out / "plan.odt") == PRIVATE
    with zipfile.ZipFile(out / "plan.odt") as odt:
        content = odt.read("content.xml").decode("utf-8")
    assert GOAL_TEXT in content and NOTE_MARKER not in content


def test_print_plan_shows_a_preview_of_the_plan(
    qtbot: QtBot, make_app: Any, profile_dir: Path
) -> None:
    services, actions, seeded = open_app(qtbot, make_app, profile_dir)
    services.window.open_participant(seeded.pid)
    wait_idle(qtbot, services)
    shown: list[QTextDocument] = []

    def preview(doc: QTextDocument, parent: QWidget, printed: Any) -> QDialog:
        shown.append(doc)
        dialog = QDialog(parent)
        dialog.accepted.connect(printed)
        return dialog

    actions.controller.preview = preview
    actions.print_plan.trigger()
    details = question(qtbot, actions, PlanDetailsDialog)
    details.ok_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=TIMEOUT)
    assert GOAL_TEXT in shown[0].toPlainText()
    assert NOTE_MARKER not in shown[0].toPlainText()
    with qtbot.waitSignal(actions.controller.printed, timeout=TIMEOUT):
        assert actions.controller.dialog is not None
        actions.controller.dialog.accept()
    wait_idle(qtbot, services)
    assert [e["kind"] for e in logged(services)] == ["plan_print"]


def test_release_sheet_and_subject_access(
    qtbot: QtBot, make_app: Any, profile_dir: Path, tmp_path: Path, permissive_umask: None
) -> None:
    services, actions, seeded = open_app(qtbot, make_app, profile_dir)
    services.window.open_participant(seeded.pid)
    wait_idle(qtbot, services)
    choose(actions, tmp_path / "sheet.pdf")
    with qtbot.waitSignal(actions.controller.saved, timeout=TIMEOUT):
        actions.release_sheet.trigger()
    assert mode(tmp_path / "sheet.pdf") == PRIVATE
    text = pdf_text(tmp_path / "sheet.pdf")
    assert "What happens next" in text and "1 Park Row" in text
    assert NOTE_MARKER not in text

    choose(actions, tmp_path / "everything.zip")
    with qtbot.waitSignal(actions.controller.saved, timeout=TIMEOUT):
        actions.subject_access.trigger()
    assert mode(tmp_path / "everything.zip") == PRIVATE  # case notes and safety flags inside
    with zipfile.ZipFile(tmp_path / "everything.zip") as z:
        names = set(z.namelist())
        assert {"README.txt", "manifest.json", "summary.pdf", "records/case_note.json"} <= names
        notes = z.read("records/case_note.json").decode("utf-8")
        assert NOTE_MARKER in notes  # everything held: the notes too
        assert seeded.reference in z.read("manifest.json").decode("utf-8")
        summary = " ".join(
            p.extract_text() or "" for p in PdfReader(io.BytesIO(z.read("summary.pdf"))).pages
        )
        assert GOAL_TEXT in " ".join(summary.split())
    assert [e["kind"] for e in logged(services)] == ["release_sheet", "subject_access"]


def test_probation_summary_without_consent_is_refused_for_a_mentor(
    qtbot: QtBot, make_app: Any, profile_dir: Path, tmp_path: Path
) -> None:
    services, actions, seeded = open_app(qtbot, make_app, profile_dir)
    services.window.open_participant(seeded.no_consent_pid)
    wait_idle(qtbot, services)
    asked = choose(actions, tmp_path / "summary.pdf")
    actions.probation.trigger()
    dialog = question(qtbot, actions, ProbationDialog)
    assert "does not cover sharing with probation" in dialog.consent.text()
    assert "ask a coordinator" in dialog.consent.text()
    assert not dialog.reason.isVisibleTo(dialog)
    assert not dialog.ok_button.isEnabled()
    dialog.reject()
    wait_idle(qtbot, services)
    assert asked == [] and not (tmp_path / "summary.pdf").exists()
    assert logged(services) == []


def test_probation_summary_with_consent_for_a_mentor(
    qtbot: QtBot, make_app: Any, profile_dir: Path, tmp_path: Path, permissive_umask: None
) -> None:
    services, actions, seeded = open_app(qtbot, make_app, profile_dir)
    services.window.open_participant(seeded.pid)
    wait_idle(qtbot, services)
    choose(actions, tmp_path / "summary.pdf")
    actions.probation.trigger()
    dialog = question(qtbot, actions, ProbationDialog)
    assert "covers sharing" in dialog.consent.text()
    accept(qtbot, actions, dialog)
    assert mode(tmp_path / "summary.pdf") == PRIVATE
    text = pdf_text(tmp_path / "summary.pdf")
    assert "Progress summary for probation" in text and GOAL_TEXT in text
    assert NOTE_MARKER not in text and "without the participant's consent" not in text
    entry = logged(services)[0]
    assert entry["kind"] == "probation_summary" and entry["override_reason"] is None


def test_probation_summary_override_by_a_coordinator_is_logged(
    qtbot: QtBot, make_app: Any, profile_dir: Path, tmp_path: Path
) -> None:
    services, actions, seeded = open_app(qtbot, make_app, profile_dir, role="coordinator")
    services.window.open_participant(seeded.no_consent_pid)
    wait_idle(qtbot, services)
    choose(actions, tmp_path / "summary.pdf")
    actions.probation.trigger()
    dialog = question(qtbot, actions, ProbationDialog)
    assert dialog.reason.isVisibleTo(dialog)
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.reason, "court")  # too short to be a reason
    assert not dialog.ok_button.isEnabled()
    reason = "Court order of 3 March asks for the summary"
    dialog.reason.setPlainText(reason)
    path = accept(qtbot, actions, dialog)
    text = pdf_text(Path(path))
    assert "Made without the participant's consent" in text and reason in text
    entry = logged(services)[0]
    assert entry["kind"] == "probation_summary"
    assert entry["participant_id"] == seeded.no_consent_pid
    assert entry["override_reason"] == reason


def test_csv_exports_for_coordinators_with_pseudonyms(
    qtbot: QtBot, make_app: Any, profile_dir: Path, tmp_path: Path, permissive_umask: None
) -> None:
    services, actions, _seeded = open_app(qtbot, make_app, profile_dir, role="coordinator")
    qtbot.waitUntil(actions.csv.isEnabled, timeout=TIMEOUT)
    for kind in COLUMNS:
        for pseudonymise in (False, True):
            path = tmp_path / f"{kind}-{pseudonymise}.csv"
            choose(actions, path)
            actions.csv.trigger()
            dialog = question(qtbot, actions, CsvDialog)
            dialog.select(kind)
            dialog.pseudonymise.setChecked(pseudonymise)
            accept(qtbot, actions, dialog)
            wait_idle(qtbot, services)
            assert mode(path) == PRIVATE, kind
            rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
            assert tuple(rows[0]) == COLUMNS[kind]
            assert len(rows) > 1, kind
            refs = {r[0] for r in rows[1:]}
            assert all(r.startswith("P-") for r in refs) == pseudonymise, kind
    kinds = [e["kind"] for e in logged(services)]
    assert "csv_caseload" in kinds and "csv_check_ins_pseudonymised" in kinds


def test_csv_is_for_coordinators_only(qtbot: QtBot, make_app: Any, profile_dir: Path) -> None:
    services, actions, _seeded = open_app(qtbot, make_app, profile_dir)
    wait_idle(qtbot, services)
    assert not actions.csv.isEnabled()


def test_a_local_only_profile_is_its_own_coordinator(
    qtbot: QtBot, make_app: Any, profile_dir: Path
) -> None:
    """Issue 12.15: a small charity with no server can make the CSVs and override consent."""
    services, actions, seeded = open_app(qtbot, make_app, profile_dir, role=None)
    wait_idle(qtbot, services)
    qtbot.waitUntil(actions.csv.isEnabled, timeout=TIMEOUT)
    assert services.window.form_actions.directory.isEnabled()
    ws = services.window.open_participant(seeded.no_consent_pid)
    qtbot.waitUntil(lambda: ws.forms.data is not None, timeout=TIMEOUT)
    assert ws.forms.data is not None and ws.forms.data.coordinator


def test_a_failed_export_says_so_plainly_and_leaves_nothing(
    qtbot: QtBot, make_app: Any, profile_dir: Path, tmp_path: Path
) -> None:
    services, actions, seeded = open_app(qtbot, make_app, profile_dir)
    services.window.open_participant(seeded.pid)
    wait_idle(qtbot, services)
    choose(actions, tmp_path / "no such folder" / "sheet.pdf")
    with qtbot.waitSignal(actions.controller.failed, timeout=TIMEOUT) as failed:
        actions.release_sheet.trigger()
    assert "could not be written" in str(failed.args[0])
    assert not (tmp_path / "no such folder").exists()
    assert logged(services) == []
    assert actions.last_error is not None and actions.last_error.isVisible()
    actions.last_error.accept()


def test_a_person_without_a_release_day_gets_a_plain_message(
    qtbot: QtBot, make_app: Any, profile_dir: Path, tmp_path: Path
) -> None:
    services, actions, seeded = open_app(qtbot, make_app, profile_dir)
    services.window.open_participant(seeded.no_consent_pid)
    wait_idle(qtbot, services)
    choose(actions, tmp_path / "sheet.pdf")
    with qtbot.waitSignal(actions.controller.failed, timeout=TIMEOUT) as failed:
        actions.release_sheet.trigger()
    assert failed.args[0] == "There is no release-day record for this person yet."
    assert list(tmp_path.iterdir()) == [] or not (tmp_path / "sheet.pdf").exists()
    assert actions.last_error is not None
    actions.last_error.accept()


def test_export_dialogs_name_their_controls(
    qtbot: QtBot, make_app: Any, profile_dir: Path, tmp_path: Path
) -> None:
    from tests.ui.test_ui_accessibility import unnamed_focusable

    services, actions, seeded = open_app(qtbot, make_app, profile_dir, role="coordinator")
    ws = services.window.open_participant(seeded.no_consent_pid)
    wait_idle(qtbot, services)
    assert unnamed_focusable(ws.header) == []
    for action, kind in (
        (actions.plan_pdf, PlanDetailsDialog),
        (actions.probation, ProbationDialog),  # with the override reason showing
        (actions.csv, CsvDialog),
    ):
        action.trigger()
        dialog = question(qtbot, actions, kind)
        if isinstance(dialog, CsvDialog):
            dialog.limit.setChecked(True)
        assert unnamed_focusable(dialog) == [], kind.__name__
        dialog.reject()
        wait_idle(qtbot, services)
    assert unnamed_focusable(actions.status) == []


def test_print_plan_opens_qt_print_preview(qtbot: QtBot, make_app: Any, profile_dir: Path) -> None:
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    services, actions, seeded = open_app(qtbot, make_app, profile_dir)
    services.window.open_participant(seeded.pid)
    wait_idle(qtbot, services)
    actions.print_plan.trigger()
    question(qtbot, actions, PlanDetailsDialog).ok_button.click()
    preview = question(qtbot, actions, QPrintPreviewDialog)
    preview.reject()
    wait_idle(qtbot, services)
    assert logged(services) == []  # previewed, not printed
