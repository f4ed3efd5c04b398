"""The subject-access ZIP holds every record of the person and nothing of anyone else."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from mentor_desk.domain.vocabulary import ENTITIES
from mentor_desk.export import log
from mentor_desk.export.subject_access import write_subject_access
from mentor_desk.store import Store
from tests.export.conftest import Planted, pdf_text


def _scoped_ids(store: Store, pid: str) -> set[str]:
    ids = set()
    for ent in ENTITIES.values():
        if ent.scoped:
            ids |= {r["id"] for r in store.list(ent.name, participant_id=pid, include_deleted=True)}
    return ids


def test_zip_has_every_record_of_the_person_and_none_of_another(
    qapp: QApplication, store: Store, planted: Planted, tmp_path: Path
) -> None:
    goal = store.list("goal", participant_id=planted.pid)[-1]
    store.delete("goal", goal["id"])  # tombstoned records are still held
    store.save_draft("note:x", "case_note", {"text": "DRAFT-MARKER typed"}, planted.pid)
    store.save_draft("note:y", "case_note", {"text": "OTHER-DRAFT"}, planted.other_pid)
    out = tmp_path / "sar.zip"
    write_subject_access(store, planted.pid, out)

    with zipfile.ZipFile(out) as z:
        names = set(z.namelist())
        assert {"README.txt", "manifest.json", "summary.pdf"} <= names
        ids: set[str] = set()
        pids: set[str] = set()
        for name in names:
            if name.startswith("records/"):
                for rec in json.loads(z.read(name)):
                    ids.add(rec["id"])
                    pids.add(rec.get("participant_id") or rec["id"])
        everything = "\n".join(
            z.read(n).decode("utf-8") for n in names if n.endswith((".json", ".txt"))
        )
        pdf = pdf_text(z.read("summary.pdf"))
        manifest = json.loads(z.read("manifest.json"))

    assert ids == _scoped_ids(store, planted.pid)
    assert goal["id"] in ids
    assert pids == {planted.pid}
    assert not ids & _scoped_ids(store, planted.other_pid)
    for marker in ("CASENOTE-MARKER", "AMENDMENT-MARKER", "SAFETYFLAG-MARKER", "DRAFT-MARKER"):
        assert marker in everything
    assert "RISK-MARKER" in everything and "Zebedee-Marker" in everything
    for foreign in ("OTHERPERSON-MARKER", "OTHERNOTE-MARKER", "OTHER-DRAFT"):
        assert foreign not in everything and foreign not in pdf
    assert "CASENOTE-MARKER" in pdf and "AMENDMENT-MARKER" in pdf
    assert manifest["files"]["records/case_note.json"] == 1
    assert manifest["files"]["local/drafts.json"] == 1
    assert [p.name for p in tmp_path.iterdir() if p.name != "profile"] == ["sar.zip"]
    [entry] = log.entries(store, participant_id=planted.pid)
    assert entry["kind"] == "subject_access" and entry["path_hint"] == ".zip"


def test_zip_includes_earlier_exports_from_the_log(
    qapp: QApplication, store: Store, planted: Planted, tmp_path: Path
) -> None:
    log.record(store, "plan_pdf", participant_id=planted.pid, path_hint=".pdf")
    out = tmp_path / "sar.zip"
    write_subject_access(store, planted.pid, out)
    with zipfile.ZipFile(out) as z:
        entries = json.loads(z.read("local/export_log.json"))
    assert [x["kind"] for x in entries] == ["plan_pdf"]


def test_failure_mid_write_leaves_no_part_file(
    qapp: QApplication,
    store: Store,
    planted: Planted,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(zipfile.ZipFile, "writestr", boom)
    out = tmp_path / "sar.zip"
    with pytest.raises(OSError):
        write_subject_access(store, planted.pid, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["profile"]
    assert log.entries(store) == []
