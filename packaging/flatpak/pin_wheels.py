"""Pin the Flatpak's Python packages: writes requirements.txt and python3-requirements.json.

The Flatpak builds with no network, so every wheel it installs is a flatpak-builder source
with its URL and sha256. This script asks pip (``install --dry-run --report``, which reads
wheel metadata from the index and downloads nothing big) what the program's dependencies
resolve to for the runtime's Python on each architecture, and writes

* ``requirements.txt``: the exact versions, which the Flatpak's pip installs from, and
* ``python3-requirements.json``: the flatpak-builder module holding every wheel, a platform
  wheel marked ``only-arches`` (the shape flatpak-pip-generator writes with
  ``--prefer-wheels``), plus a build-only setuptools for building mentor-desk itself.

Run it with the Python of the runtime (3.13 for org.kde.Platform 6.11), from the repository
root, after any change to ``[project] dependencies``; pass the tested versions as
constraints so the Flatpak ships what the tests ran on (docs/packaging.md, Flatpak)::

    .venv/bin/python -m pip freeze --exclude-editable --exclude mentor-desk > /tmp/tested.txt
    python3.13 packaging/flatpak/pin_wheels.py --constraints /tmp/tested.txt
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
#: The runtime's Python (org.kde.Platform 6.11 is built on freedesktop SDK 25.08).
RUNTIME_PYTHON = (3, 13)
ARCHES = ("x86_64", "aarch64")
#: The newest glibc the runtime has (2.39 or later): manylinux tags up to this one are taken.
GLIBC_MINOR = 39
#: What building mentor-desk's own wheel needs ([build-system] requires), removed afterwards.
BUILD_ONLY = ["setuptools>=77"]
#: Where it goes, ahead of the SDK's own (older) setuptools on PYTHONPATH.
BUILD_BACKEND_DIR = "${FLATPAK_DEST}/lib/build-backend"
INDEX_HOST = "https://files.pythonhosted.org/"


def resolve(requirements: list[str], arch: str, constraints: Path | None) -> list[dict[str, Any]]:
    """What pip would install for ``arch`` on the runtime's Python: one dict per wheel."""
    platforms = [f"manylinux_2_{m}_{arch}" for m in range(GLIBC_MINOR, 16, -1)]
    platforms += [f"manylinux2014_{arch}"]
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        command = [sys.executable, "-m", "pip", "install", "--isolated", "--quiet", "--dry-run"]
        command += ["--ignore-installed", "--only-binary", ":all:", "--target", tmp]
        command += ["--python-version", "{}.{}".format(*RUNTIME_PYTHON)]
        for platform in platforms:
            command += ["--platform", platform]
        if constraints is not None:
            command += ["--constraint", str(constraints)]
        command += ["--report", str(report), *requirements]
        subprocess.run(command, check=True)
        installs: list[dict[str, Any]] = json.loads(report.read_text())["install"]
    return installs


def source(item: dict[str, Any], arch: str | None) -> dict[str, Any]:
    info = item["download_info"]
    url = str(info["url"])
    if not url.startswith(INDEX_HOST):
        raise SystemExit(f"error: {url} is not on the public index; the Flatpak cannot fetch it")
    entry: dict[str, Any] = {
        "type": "file",
        "url": url,
        "sha256": info["archive_info"]["hashes"]["sha256"],
    }
    if arch is not None:
        entry["only-arches"] = [arch]
    return entry


def module(name: str, install: str, sources: list[dict[str, Any]]) -> dict[str, Any]:
    pip = 'pip3 install --verbose --exists-action=i --no-index --find-links="file://${PWD}"'
    pip += " --only-binary=:all: --no-build-isolation"
    return {
        "name": name,
        "buildsystem": "simple",
        "build-commands": [f"{pip} {install}"],
        "sources": sources,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--constraints", type=Path, help="pin to these versions (pip freeze)")
    args = parser.parse_args()
    if sys.version_info[:2] != RUNTIME_PYTHON:
        # pip evaluates environment markers (python_version < "3.12" ...) with this Python
        raise SystemExit("error: run this with Python {}.{}, the runtime's".format(*RUNTIME_PYTHON))
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted: list[str] = list(project["dependencies"])

    pins: dict[str, str] = {}
    wheels: list[dict[str, Any]] = []
    seen: set[str] = set()
    for arch in ARCHES:
        for item in resolve(wanted, arch, args.constraints):
            name, version = item["metadata"]["name"], item["metadata"]["version"]
            if pins.setdefault(name, version) != version:
                raise SystemExit(f"error: {name} resolves to two versions across architectures")
            filename = str(item["download_info"]["url"]).rsplit("/", 1)[1]
            if filename in seen:
                continue
            seen.add(filename)
            pure = filename.endswith("-any.whl")
            wheels.append(source(item, None if pure else arch))
    builders = [source(item, None) for item in resolve(BUILD_ONLY, ARCHES[0], args.constraints)]

    lines = ["# Written by packaging/flatpak/pin_wheels.py: the Flatpak's Python packages, exact."]
    lines += [f"{name}=={pins[name]}" for name in sorted(pins, key=str.lower)]
    (HERE / "requirements.txt").write_text("\n".join(lines) + "\n")
    runtime = module(
        "python3-requirements",
        "--prefix=${FLATPAK_DEST} --requirement requirements.txt",
        [{"type": "file", "path": "requirements.txt"}, *wheels],
    )
    wants = " ".join(f'"{r}"' for r in BUILD_ONLY)
    build = module("python3-build-backend", f"--target={BUILD_BACKEND_DIR} {wants}", builders)
    build["cleanup"] = ["*"]
    modules = {"name": "python3-modules", "buildsystem": "simple", "build-commands": []}
    modules["modules"] = [runtime, build]
    (HERE / "python3-requirements.json").write_text(json.dumps(modules, indent=4) + "\n")
    print(f"{len(pins)} packages, {len(wheels)} wheels for {', '.join(ARCHES)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
