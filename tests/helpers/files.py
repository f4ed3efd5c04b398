"""Checks on the files an export leaves behind."""

from __future__ import annotations

import stat
from pathlib import Path

#: Every export is made readable and writable by its owner only, like the store itself.
PRIVATE = 0o600


def mode(path: Path) -> int:
    """The permission bits of ``path`` (``0o600``, ``0o644``…)."""
    return stat.S_IMODE(path.stat().st_mode)
