"""Every export is created private (0600), its ``.part`` file too, from the first byte.

The store is 0600; an export of it must not be readable by every account on the computer.
The tests run under a permissive umask (0o022), where a plain ``open()`` makes 0644 files.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from mentor_desk.export import common
from mentor_desk.export.csv_export import KINDS, write_csv
from mentor_desk.export.plan_pdf import write_plan_odt, write_plan_pdf
from mentor_desk.export.probation_summary import write_probation_summary_pdf
from mentor_desk.export.release_sheet import write_release_sheet_pdf
from mentor_desk.export.subject_access import write_subject_access
from mentor_desk.store import KdfParams, Profile, Store
from tests.conftest import PASSPHRASE
from tests.export.conftest import MENTOR_CONTACT, PARTNERSHIP, Planted, plant
from tests.helpers.files import PRIVATE, mode

pytestmark = pytest.mark.usefixtures("permissive_umask")


def test_each_document_export_is_private(
    qapp: QApplication, store: Store, planted: Planted, tmp_path: Path
) -> None:
    today = date.today()
    made = {
        "plan.pdf": lambda p: write_plan_pdf(
            store, planted.pid, p, partnership=PARTNERSHIP, mentor_contact=MENTOR_CONTACT
        ),
        "plan.odt": lambda p: write_plan_odt(
            store, planted.pid, p, partnership=PARTNERSHIP, mentor_contact=MENTOR_CONTACT
        ),
        "sheet.pdf": lambda p: write_release_sheet_pdf(
            store, planted.pid, p, mentor_contact=MENTOR_CONTACT
        ),
        "summary.pdf": lambda p: write_probation_summary_pdf(
            store,
            planted.pid,
            p,
            start=today - timedelta(days=30),
            end=today,
            override_reason="Court order asks for the summary",
        ),
        "everything.zip": lambda p: write_subject_access(store, planted.pid, p),
    }
    out = tmp_path / "out"
    out.mkdir()
    for name, write in made.items():
        write(out / name)
        assert mode(out / name) == PRIVATE, f"{name} is {oct(mode(out / name))}"
    assert zipfile.is_zipfile(out / "everything.zip")
    assert sorted(p.name for p in out.iterdir()) == sorted(made)  # no .part left


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("pseudonymise", [False, True])
def test_each_csv_export_is_private(
    store: Store, planted: Planted, tmp_path: Path, kind: str, pseudonymise: bool
) -> None:
    out = tmp_path / f"{kind}.csv"
    write_csv(store, kind, out, pseudonymise=pseudonymise)
    assert mode(out) == PRIVATE


def test_an_earlier_readable_file_is_replaced_by_a_private_one(tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    out.write_bytes(b"an older copy")
    out.chmod(0o644)
    common.write_bytes(out, b"%PDF new")
    assert out.read_bytes() == b"%PDF new" and mode(out) == PRIVATE


def test_the_part_file_is_private_from_its_creation(tmp_path: Path) -> None:
    """Seen from inside the write, before a byte is written: no window where it is 0644."""
    out = tmp_path / "everything.zip"
    part = tmp_path / "everything.zip.part"
    with common.open_target(out) as fh:
        assert mode(part) == PRIVATE
        fh.write(b"PK")
        assert mode(part) == PRIVATE
    assert mode(out) == PRIVATE and not part.exists()


def test_the_part_file_is_created_with_its_mode_not_changed_afterwards(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A chmod after creation would leave a moment where others could open the file."""
    changed: list[object] = []
    monkeypatch.setattr(os, "chmod", lambda *a, **k: changed.append(a))
    monkeypatch.setattr(os, "fchmod", lambda *a, **k: changed.append(a), raising=False)
    common.write_bytes(tmp_path / "x.csv", b"a,b\r\n")
    assert changed == [] and mode(tmp_path / "x.csv") == PRIVATE


def test_a_leftover_part_file_is_still_refused(tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    (tmp_path / "plan.pdf.part").write_bytes(b"")
    with pytest.raises(common.ExportError, match="seems to be running"):
        common.write_bytes(out, b"%PDF")
    assert not out.exists()


def test_the_export_plan_command_writes_a_private_file(profile_dir: Path, kdf: KdfParams) -> None:
    """The headless ``mentor-desk export-plan`` (its subprocess inherits the umask 022)."""
    store = Profile(profile_dir).create(PASSPHRASE, kdf=kdf)
    plant(store)
    store.close()
    out = profile_dir.parent / "out"
    out.mkdir()
    env = {**os.environ, "MENTOR_DESK_PASSPHRASE": PASSPHRASE, "QT_QPA_PLATFORM": "offscreen"}
    for name in ("plan.pdf", "plan.odt"):
        command = ["-m", "mentor_desk.cli", "--profile-dir", str(profile_dir), "export-plan"]
        done = subprocess.run(
            [sys.executable, *command, "TST-2026-0001", "--out", str(out / name)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert mode(out / name) == PRIVATE, name
