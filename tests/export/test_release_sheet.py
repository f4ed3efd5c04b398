"""The release-day sheet: one page, the urgent facts, nothing private."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

from mentor_desk.export import log
from mentor_desk.export.release_sheet import write_release_sheet_pdf
from mentor_desk.store import Store
from tests.export.conftest import Planted, pdf_text


def test_release_sheet_is_one_page_with_what_happens_next(
    qapp: QApplication, store: Store, planted: Planted, tmp_path: Path
) -> None:
    out = tmp_path / "sheet.pdf"
    write_release_sheet_pdf(store, planted.pid, out, mentor_contact="07700 900 456")
    assert len(PdfReader(out).pages) == 1
    text = pdf_text(out)
    assert planted.probation_place in text
    assert planted.stay_tonight in text
    assert "Café Marina" in text
    assert planted.practitioner_contact in text and "07700 900 456" in text
    assert planted.service_phone in text
    for what, marker in planted.forbidden.items():
        assert marker not in text, f"the sheet shows the {what}"
    assert [r["kind"] for r in log.entries(store)] == ["release_sheet"]


def test_appointments_without_a_time_never_print_their_checklist_notes(
    qapp: QApplication, store: Store, planted: Planted, tmp_path: Path
) -> None:
    """Issue 12.4: with no time for the probation appointment or the next meeting, the
    sheet says "to be arranged" and never falls back to those checklist items' notes."""
    rd = store.list("release_day", participant_id=planted.pid)[0]
    checklist = dict(rd["checklist"])
    checklist["probation_appointment"] = {
        "state": "outstanding",
        "note": "PROBNOTE-MARKER practitioner worried about recall",
    }
    checklist["next_mentor_meeting"] = {
        "state": "arranged",
        "note": "MEETNOTE-MARKER mentor unsure he will turn up",
    }
    store.update(
        "release_day",
        rd["id"],
        {"checklist": checklist, "probation_appointment_at": None, "next_meeting_at": None},
    )
    out = tmp_path / "sheet.pdf"
    write_release_sheet_pdf(store, planted.pid, out, mentor_contact="07700 900 456")
    text = pdf_text(out)
    readings = [text]
    if shutil.which("pdftotext"):  # poppler's reading too, where it is installed
        poppler = subprocess.run(
            ["pdftotext", str(out), "-"], check=True, capture_output=True, text=True
        ).stdout
        readings.append(" ".join(poppler.split()))
    for seen in readings:
        assert "PROBNOTE-MARKER" not in seen and "MEETNOTE-MARKER" not in seen
        assert seen.count("To be arranged") == 2, seen
        assert planted.stay_tonight in seen  # the one note the sheet does read
        for what, marker in planted.forbidden.items():
            assert marker not in seen, f"the sheet shows the {what}"
