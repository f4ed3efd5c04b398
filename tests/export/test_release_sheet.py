"""The release-day sheet: one page, the urgent facts, nothing private."""

from __future__ import annotations

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
