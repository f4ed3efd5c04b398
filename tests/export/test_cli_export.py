"""``mentor-desk export-plan`` in a real subprocess, as a script would run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from mentor_desk.store import KdfParams, Profile
from tests.conftest import PASSPHRASE
from tests.export.conftest import pdf_text, plant


def _run(profile_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MENTOR_DESK_PASSPHRASE": PASSPHRASE, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "mentor_desk.cli", "--profile-dir", str(profile_dir), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


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
