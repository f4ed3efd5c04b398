"""The .deb that `make package` builds installs, starts as an ordinary user, and uninstalls.

Runs for real: ``apt-get install ./dist/mentor-desk_<version>_<arch>.deb`` into this
machine, ``/usr/bin/mentor-desk --smoke`` under ``xvfb-run`` (the real xcb plugin) as a
non-root user, then ``apt-get remove`` — which must leave that user's profile alone.
Installing a package needs root: CI runs as root; elsewhere the test says so and stops.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
from version import version  # noqa: E402

USER = "mdsmoke"
APP_ID = "org.mentordesk.MentorDesk"


def _deb() -> Path:
    found = sorted((ROOT / "dist").glob(f"mentor-desk_{version()}_*.deb"))
    assert found, "no .deb in dist/: `make test` builds it (make package)"
    return found[-1]


def _run(
    *args: str, user: str | None = None, timeout: int = 600
) -> subprocess.CompletedProcess[str]:
    cmd = ["runuser", "-u", user, "--", *args] if user else list(args)
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    env["DEBIAN_FRONTEND"] = "noninteractive"
    if user:
        env["HOME"] = pwd.getpwnam(user).pw_dir
    return subprocess.run(
        cmd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def test_the_package_declares_the_xcb_libraries_and_the_one_version() -> None:
    deb = _deb()
    fields = {
        name: _run("dpkg-deb", "-f", str(deb), name).stdout.strip()
        for name in ("Package", "Version", "Depends")
    }
    assert fields["Package"] == "mentor-desk" and fields["Version"] == version()
    depends = {d.strip() for d in fields["Depends"].split(",")}
    assert {"libxcb-cursor0", "libxcb-icccm4", "libxkbcommon-x11-0", "libegl1"} <= depends
    listing = _run("dpkg-deb", "-c", str(deb)).stdout
    for path in (
        "./opt/mentor-desk/mentor-desk",
        "./usr/bin/mentor-desk -> /opt/mentor-desk/mentor-desk",
        f"./usr/share/applications/{APP_ID}.desktop",
        f"./usr/share/metainfo/{APP_ID}.metainfo.xml",
        f"./usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg",
        f"./usr/share/icons/hicolor/256x256/apps/{APP_ID}.png",
    ):
        assert path in listing, path
    assert "fastapi" not in listing and "sqlalchemy" not in listing  # no server in the bundle


@pytest.mark.skipif(os.geteuid() != 0, reason="installing a .deb needs root; CI runs as root")
def test_install_start_as_a_user_and_remove() -> None:
    deb = _deb()
    if shutil.which("xvfb-run") is None:
        pytest.fail("xvfb-run is missing (the xvfb package; .ci/run installs it)")
    try:
        pwd.getpwnam(USER)
    except KeyError:
        assert _run("useradd", "--create-home", "--shell", "/bin/sh", USER).returncode == 0
    home = Path(pwd.getpwnam(USER).pw_dir)
    installed = _run("apt-get", "install", "-y", "--no-install-recommends", str(deb))
    assert installed.returncode == 0, installed.stdout[-2000:] + installed.stderr[-2000:]
    try:
        assert Path("/usr/bin/mentor-desk").resolve() == Path("/opt/mentor-desk/mentor-desk")
        assert _run("/usr/bin/mentor-desk", "--version", user=USER).stdout.strip() == (
            f"mentor-desk {version()}"
        )
        smoke = _run("xvfb-run", "-a", "/usr/bin/mentor-desk", "--smoke", user=USER)
        assert smoke.returncode == 0, smoke.stdout + smoke.stderr
        assert "window: Qt platform xcb" in smoke.stdout
        # The user's own data, which removing the program must not touch.
        data = home / ".local/share/mentor-desk-test-profile"
        made = _run("sh", "-c", f"mkdir -p '{data}' && echo kept > '{data}/marker'", user=USER)
        assert made.returncode == 0
    finally:
        removed = _run("apt-get", "remove", "-y", "mentor-desk")
    assert removed.returncode == 0, removed.stderr[-2000:]
    assert not Path("/usr/bin/mentor-desk").exists() and not Path("/opt/mentor-desk").exists()
    assert (home / ".local/share/mentor-desk-test-profile/marker").read_text().strip() == "kept"
