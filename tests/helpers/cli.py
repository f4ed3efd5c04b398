"""Run the ``mentor-desk`` command in a real subprocess, as a script or cron would."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping


def mentor_desk(
    *args: str, env: Mapping[str, str] | None = None, timeout: int = 180
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mentor_desk.cli", *args],
        env=dict(env if env is not None else os.environ),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
