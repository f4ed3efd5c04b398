"""The participant's plan: read back from the PDF with pypdf, and from the ODT as XML."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from mentor_desk.export import log
from mentor_desk.export.common import ExportError
from mentor_desk.export.plan_pdf import (
    build_plan_document,
    collect_plan,
    render_plan_html,
    write_plan_odt,
    write_plan_pdf,
)
from mentor_desk.store import Store
from tests.export.conftest import MENTOR_CONTACT, PARTNERSHIP, Planted, pdf_text


def test_plan_pdf_has_goals_steps_and_contacts(
    qapp: QApplication, store: Store, planted: Planted, tmp_path: Path
) -> None:
    out = tmp_path / "plan.pdf"
    write_plan_pdf(store, planted.pid, out, partnership=PARTNERSHIP, mentor_contact=MENTOR_CONTACT)
    text = pdf_text(out)
    for goal in planted.goal_texts:
        assert goal in text
    for why in planted.why_texts:
        assert why in text
    for step in planted.step_texts:
        assert step in text
    assert planted.done_step not in text  # done steps are not "next steps"
    assert "Samira" in text and "Okafor" not in text  # first name only
    assert MENTOR_CONTACT in text
    assert PARTNERSHIP in text
    assert planted.service_names[0] in text and planted.service_phone in text
    assert planted.probation_place in text  # upcoming appointment
    assert "Café Marina" in text  # next meeting with the mentor
    assert "Jay" in text


def test_plan_never_contains_private_or_other_people_text(
    qapp: QApplication, store: Store, planted: Planted, tmp_path: Path
) -> None:
    out = tmp_path / "plan.pdf"
    write_plan_pdf(store, planted.pid, out, partnership=PARTNERSHIP, mentor_contact="x")
    text = pdf_text(out)
    for what, marker in planted.forbidden.items():
        assert marker not in text, f"the plan shows the {what}"
    raw = out.read_bytes()
    assert b"MARKER" not in raw


def test_plan_html_escapes_record_text(qapp: QApplication, store: Store, planted: Planted) -> None:
    goal = store.list("goal", participant_id=planted.pid)[0]
    store.update("goal", goal["id"], {"goal_text": "<b>Bold</b> & <script>x</script>"})
    html = render_plan_html(
        collect_plan(store, planted.pid, partnership="A & B", mentor_contact="<me>")
    )
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "A &amp; B" in html and "&lt;me&gt;" in html


def test_plan_odt_is_editable_document_with_same_content(
    qapp: QApplication, store: Store, planted: Planted, tmp_path: Path
) -> None:
    out = tmp_path / "plan.odt"
    write_plan_odt(store, planted.pid, out, partnership=PARTNERSHIP, mentor_contact=MENTOR_CONTACT)
    with zipfile.ZipFile(out) as z:
        assert z.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        content = z.read("content.xml").decode("utf-8")
    for goal in planted.goal_texts:
        assert goal in content
    for marker in planted.forbidden.values():
        assert marker not in content


def test_plan_uses_the_bundled_font(qapp: QApplication, store: Store, planted: Planted) -> None:
    doc = build_plan_document(store, planted.pid, partnership=PARTNERSHIP, mentor_contact="x")
    assert doc.defaultFont().family() == "Noto Sans"
    assert doc.defaultFont().pointSizeF() >= 14


def test_each_export_is_logged_without_content(
    qapp: QApplication, store: Store, planted: Planted, tmp_path: Path
) -> None:
    write_plan_pdf(
        store, planted.pid, tmp_path / "Jay plan.pdf", partnership="P", mentor_contact="x"
    )
    write_plan_odt(
        store, planted.pid, tmp_path / "Jay plan.odt", partnership="P", mentor_contact="x"
    )
    rows = log.entries(store, participant_id=planted.pid)
    assert [r["kind"] for r in rows] == ["plan_pdf", "plan_odt"]
    assert [r["path_hint"] for r in rows] == [".pdf", ".odt"]
    for row in rows:
        assert "Jay" not in str(row) and row["by"] == store.actor_id and row["at"]


def test_failed_export_leaves_no_file_and_no_part(
    qapp: QApplication, store: Store, tmp_path: Path
) -> None:
    out = tmp_path / "plan.pdf"
    with pytest.raises(ExportError):
        write_plan_pdf(store, "no-such-id", out, partnership="P", mentor_contact="x")
    assert list(tmp_path.iterdir()) == [tmp_path / "profile"]


def test_only_the_chosen_file_is_written(
    qapp: QApplication, store: Store, planted: Planted, tmp_path: Path
) -> None:
    folder = tmp_path / "chosen"
    folder.mkdir()
    write_plan_pdf(store, planted.pid, folder / "plan.pdf", partnership="P", mentor_contact="x")
    assert [p.name for p in folder.iterdir()] == ["plan.pdf"]
