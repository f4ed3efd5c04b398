"""Print the one version (``[project] version`` of pyproject.toml), for the packaging scripts.

Everything that carries a version — the bundle, the .deb, the AppStream release, the Inno
Setup installer, the macOS Info.plist — takes it from here; it is never typed twice.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"])


if __name__ == "__main__":
    sys.stdout.write(version() + "\n")
