"""``mentor-desk --smoke`` and ``--version`` (issue 14.1, 14.7): what every package check runs."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import mentor_desk
from mentor_desk import smoke
from tests.helpers.cli import mentor_desk as run_cli

ROOT = Path(__file__).resolve().parents[1]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def test_smoke_passes_every_step_and_leaves_nothing_behind(tmp_path: Path) -> None:
    before = set(Path(os.environ.get("TMPDIR", "/tmp")).glob("mentor-desk-smoke-*"))
    done = _cli("--smoke")
    assert done.returncode == 0, done.stderr
    for step in ("store: SQLCipher 4", "record", "search", "window: Qt platform offscreen",
                 "plan PDF"):  # fmt: skip
        assert f"ok  {step}" in done.stdout
    assert set(Path(os.environ.get("TMPDIR", "/tmp")).glob("mentor-desk-smoke-*")) == before


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform's own remark
def test_smoke_names_the_step_that_failed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A PDF writer that breaks cannot be caused for real here: it is replaced for once."""
    import mentor_desk.export.plan_pdf as plan_pdf

    def broken(*_a: object, **_k: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(plan_pdf, "write_plan_pdf", broken)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert smoke.run() == 1
    err = capsys.readouterr().err
    assert "smoke: FAILED at plan PDF: OSError: disk full" in err


def test_one_version_everywhere() -> None:
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert mentor_desk.__version__ == declared
    done = _cli("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"mentor-desk {declared}"
    from mentor_desk.ui.window.help_menu import about_text

    assert f"Mentor Desk {declared}</h3>" in about_text()  # Help → About
    packaging = ROOT / "packaging"
    sys.path.insert(0, str(packaging))
    from version import version  # the packaging scripts' reader

    assert version() == declared
    for recipe in (packaging / "windows/mentor-desk.iss", packaging / "macos/Info.plist"):
        assert declared not in recipe.read_text(), f"{recipe.name} types the version"
