"""``mentor-desk export-plan`` in a real subprocess, as a script would run it."""

from __future__ import annotations

import os
import stat
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest

from mentor_desk.export import log
from mentor_desk.store import KdfParams, Profile
from tests.conftest import PASSPHRASE
from tests.export.conftest import Planted, pdf_text, plant
from tests.helpers.cli import mentor_desk


def _run(profile_dir: Path, *args: str, display: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MENTOR_DESK_PASSPHRASE": PASSPHRASE, "QT_QPA_PLATFORM": "offscreen"}
    if not display:  # as on a server or in cron: no display, no platform chosen
        for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
            env.pop(name, None)
    return mentor_desk("--profile-dir", str(profile_dir), *args, env=env, timeout=120)


def test_export_plan_command_writes_the_plan(profile_dir: Path, kdf: KdfParams) -> None:
    store = Profile(profile_dir).create(PASSPHRASE, kdf=kdf)
    planted = plant(store)
    store.close()
    out = profile_dir.parent / "out" / "plan.pdf"
    out.parent.mkdir()
    done = _run(
        profile_dir,
        "export-plan",
        "TST-2026-0001",
        "--out",
        str(out),
        "--partnership",
        "Gate to Goal",
        "--contact",
        "07700 900 999",
    )
    assert done.returncode == 0, done.stderr
    text = pdf_text(out)
    assert planted.goal_texts[0] in text and "07700 900 999" in text and "Gate to Goal" in text
    assert [p.name for p in out.parent.iterdir()] == ["plan.pdf"]


def test_export_plan_command_says_when_reference_is_unknown(
    profile_dir: Path, kdf: KdfParams
) -> None:
    Profile(profile_dir).create(PASSPHRASE, kdf=kdf).close()
    out = profile_dir.parent / "plan.pdf"
    done = _run(profile_dir, "export-plan", "NOPE-1", "--out", str(out))
    assert done.returncode == 1
    assert "no participant with reference NOPE-1" in done.stderr
    assert not out.exists()


@pytest.fixture
def seeded(profile_dir: Path, kdf: KdfParams) -> Planted:
    store = Profile(profile_dir).create(PASSPHRASE, kdf=kdf)
    try:
        return plant(store)
    finally:
        store.close()


def _log(profile_dir: Path) -> list[dict[str, Any]]:
    store = Profile(profile_dir).unlock(PASSPHRASE)
    try:
        return log.entries(store)
    finally:
        store.close()


def _set_role(profile_dir: Path, role: str | None) -> None:
    store = Profile(profile_dir).unlock(PASSPHRASE)
    try:
        store.set_meta("user_role", role)
        if role == "mentor":
            store.set_meta("server_url", "https://partnership.example")
    finally:
        store.close()


def test_funder_report_runs_without_a_display(
    profile_dir: Path, seeded: Planted, tmp_path: Path
) -> None:
    """Issue 13.2: no QT_QPA_PLATFORM, no X server; the PDF is real (rendered to PNG)."""
    out = tmp_path / "report.pdf"
    done = _run(
        profile_dir, "export", "funder-report", "--from", "2026-04-01", "--to", "2027-03-31",
        "--out", str(out), "--partnership", "Gate to Goal", display=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    text = pdf_text(out)
    assert "Gate to Goal" in text and "1 Apr 2026 to 31 Mar 2027" in text
    assert "Zebedee-Marker" not in text  # counts only, no names
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "2", str(out),
                    str(tmp_path / "page")], check=True)  # fmt: skip
    pages = sorted(tmp_path.glob("page*.png"))
    assert len(pages) == 2 and all(p.stat().st_size > 2000 for p in pages)
    assert [e["kind"] for e in _log(profile_dir)] == ["funder_report"]


@pytest.mark.parametrize(
    ("document", "extra", "kind", "expect"),
    [
        ("plan", (), "plan_pdf", "My plan for Jay"),
        ("release-sheet", ("--contact", "07700 900 111"), "release_sheet", "What happens next"),
        ("subject-access", (), "subject_access", None),
    ],
)
def test_each_participant_document_is_written_and_logged(
    profile_dir: Path,
    seeded: Planted,
    tmp_path: Path,
    document: str,
    extra: tuple[str, ...],
    kind: str,
    expect: str | None,
) -> None:
    out = tmp_path / ("out.zip" if document == "subject-access" else "out.pdf")
    done = _run(profile_dir, "export", document, "TST-2026-0001", "--out", str(out), *extra)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    if expect:
        assert expect in pdf_text(out)
    else:
        assert zipfile.ZipFile(out).namelist()
    [entry] = _log(profile_dir)
    assert entry["kind"] == kind and entry["participant_id"] == seeded.pid


def test_probation_summary_keeps_the_consent_rule(
    profile_dir: Path, seeded: Planted, tmp_path: Path
) -> None:
    out = tmp_path / "summary.pdf"
    args = ("export", "probation-summary", "TST-2026-0001", "--out", str(out))
    _set_role(profile_dir, "mentor")
    done = _run(profile_dir, *args)
    assert done.returncode == 1 and done.stderr.startswith("error: ")
    assert "consent" in done.stderr and "Traceback" not in done.stderr and not out.exists()
    done = _run(profile_dir, *args, "--override-reason", "Court report due")
    assert done.returncode == 1 and "only a coordinator" in done.stderr and not out.exists()

    _set_role(profile_dir, "coordinator")
    done = _run(profile_dir, *args, "--override-reason", "Court report due")
    assert done.returncode == 0, done.stderr
    assert "Court report due" in pdf_text(out)
    [entry] = _log(profile_dir)
    assert entry["kind"] == "probation_summary" and entry["override_reason"] == "Court report due"


def test_csv_files_for_coordinators_with_a_pseudonymised_option(
    profile_dir: Path, seeded: Planted, tmp_path: Path
) -> None:
    out = tmp_path / "caseload.csv"
    done = _run(profile_dir, "export", "csv", "caseload", "--pseudonymise", "--out", str(out))
    assert done.returncode == 0, done.stderr  # local-only: its own coordinator
    body = out.read_text(encoding="utf-8-sig")
    assert "TST-2026-0001" not in body and "Zebedee" not in body
    assert _log(profile_dir)[0]["kind"] == "csv_caseload_pseudonymised"
    _set_role(profile_dir, "mentor")
    done = _run(profile_dir, "export", "csv", "caseload", "--out", str(tmp_path / "x.csv"))
    assert done.returncode == 1 and "only a coordinator" in done.stderr
    assert not (tmp_path / "x.csv").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("plan", "NOPE-1"), "no participant with reference NOPE-1"),
        (("release-sheet", "NOPE-1"), "no participant with reference NOPE-1"),
        (("subject-access", "NOPE-1"), "no participant with reference NOPE-1"),
        (("probation-summary", "TST-2026-0001", "--from", "1st May"), "is not a date"),
        (("funder-report", "--from", "2027-01-01", "--to", "2026-01-01"), "--from is after --to"),
        (("csv", "everything"), "no CSV file called 'everything'"),
    ],
)
def test_every_error_is_one_line_and_writes_nothing(
    profile_dir: Path, seeded: Planted, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    done = _run(profile_dir, "export", *args, "--out", str(folder / "out.pdf"))
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [done.stderr.strip()]
    assert done.stderr.startswith("error: ") and message in done.stderr
    assert list(folder.iterdir()) == [] and _log(profile_dir) == []


def test_a_missing_folder_is_an_error_not_a_traceback(profile_dir: Path, seeded: Planted) -> None:
    """Issue 12.6: ``--out missing-folder/x.pdf``."""
    out = profile_dir.parent / "missing-folder" / "x.pdf"
    for args in (("export-plan", "TST-2026-0001"), ("export", "plan", "TST-2026-0001")):
        done = _run(profile_dir, *args, "--out", str(out))
        assert done.returncode == 1
        assert done.stderr.strip() == (
            f"error: the folder {out.parent} does not exist; nothing was written"
        )
    assert not out.parent.exists()
