"""The packaging recipes that cannot be built here: what can be checked without their tools.

The Inno Setup script, the Flatpak manifest and the macOS plists are built on Windows, with
flatpak-builder and on a Mac (docs/packaging.md). Here: that each says what the issue asks
(no typed version, a per-user install, the keychain and the network and nothing more for the
sandbox, Retina), that they agree with the program (its command, its data folder, its
dependencies), and that the icons are made from an SVG.
"""

from __future__ import annotations

import json
import plistlib
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from PIL import Image

from mentor_desk.store import default_profile_dir

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "org.mentordesk.MentorDesk"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def iss() -> str:
    return (PACKAGING / "windows" / "mentor-desk.iss").read_text()


def iss_setup_lines() -> dict[str, str]:
    """The [Setup] section's Key=Value lines (comments and preprocessor lines left out)."""
    section = iss().split("[Setup]", 1)[1].split("\n[", 1)[0]
    pairs = {}
    for line in section.splitlines():
        line = line.strip()
        if line and not line.startswith((";", "#")) and "=" in line:
            key, value = line.split("=", 1)
            pairs[key] = value
    return pairs


def test_installer_takes_the_version_from_the_command_line_only() -> None:
    text, setup = iss(), iss_setup_lines()
    assert setup["AppVersion"] == "{#AppVersion}"
    assert setup["VersionInfoTextVersion"] == "{#AppVersion}"
    assert "{#AppVersion}" in setup["OutputBaseFilename"]
    # never defined in the file, only checked for: ISCC /DAppVersion=... gives it
    assert not re.search(r"^\s*#define\s+AppVersion\b", text, re.MULTILINE)
    assert re.search(r"^#ifndef AppVersion\n\s*#error", text, re.MULTILINE)
    version = PYPROJECT["project"]["version"]
    assert version not in text


def test_installer_is_per_user_with_a_start_menu_entry() -> None:
    setup = iss_setup_lines()
    assert setup["PrivilegesRequired"] == "lowest"
    # no dialog or switch that would turn it into an administrator install
    assert "PrivilegesRequiredOverridesAllowed" not in setup
    assert setup["DefaultDirName"].startswith("{autopf}\\")
    assert re.search(r'^Name: "\{autoprograms\}\\\{#AppName\}"', iss(), re.MULTILINE)


def test_uninstaller_asks_before_deleting_the_folder_the_program_keeps_its_data_in() -> None:
    text = iss()
    folder = re.search(r'#define DataFolder "\{localappdata\}\\([^"]+)"', text)
    assert folder is not None
    # the profiles live in <user data dir>/<name>/profiles/default: the same name
    assert default_profile_dir().parents[1].name == folder.group(1)
    assert "DelTree(DataDir" in text
    # deleting is only ever the answer to a question whose default is No, or /DELETEDATA
    assert "MB_DEFBUTTON2, IDNO) = IDYES" in text
    assert "'/DELETEDATA'" in text


def manifest() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(
        (PACKAGING / "flatpak" / f"{APP_ID}.yml").read_text(encoding="utf-8")
    )
    return data


def test_flatpak_runs_the_program_on_the_kde_runtime() -> None:
    data = manifest()
    assert data["id"] == APP_ID
    assert data["runtime"] == "org.kde.Platform"
    assert data["sdk"] == "org.kde.Sdk"
    assert data["command"] in PYPROJECT["project"]["scripts"]


def test_flatpak_asks_for_the_keychain_and_the_network_and_no_files() -> None:
    args = manifest()["finish-args"]
    assert "--talk-name=org.freedesktop.secrets" in args
    assert "--share=network" in args
    for arg in args:
        assert not arg.startswith(("--filesystem", "--persist")), arg
        assert arg not in ("--socket=session-bus", "--socket=system-bus", "--device=all"), arg
        assert not arg.startswith(("--own-name", "--system-talk-name")), arg
        if arg.startswith("--talk-name="):
            assert arg == "--talk-name=org.freedesktop.secrets", arg


def pins() -> dict[str, str]:
    lines = (PACKAGING / "flatpak" / "requirements.txt").read_text().splitlines()
    pairs = (line.split("==") for line in lines if line and not line.startswith("#"))
    return {canonicalize_name(name): version for name, version in pairs}


def wheel_modules() -> dict[str, Any]:
    path = PACKAGING / "flatpak" / "python3-requirements.json"
    data: dict[str, Any] = json.loads(path.read_text())
    return {module["name"]: module for module in data["modules"]}


def test_flatpak_pins_every_dependency_of_the_program_within_its_ranges() -> None:
    pinned = pins()
    for dependency in PYPROJECT["project"]["dependencies"]:
        requirement = Requirement(dependency)
        name = canonicalize_name(requirement.name)
        # a dependency added to pyproject.toml without running pin_wheels.py fails here
        assert name in pinned, f"{name}: run packaging/flatpak/pin_wheels.py"
        assert requirement.specifier.contains(pinned[name]), (name, pinned[name])


@pytest.mark.parametrize("arch", ["x86_64", "aarch64"])
def test_flatpak_has_exactly_one_checked_wheel_per_pinned_package_and_arch(arch: str) -> None:
    module = wheel_modules()["python3-requirements"]
    assert "--requirement requirements.txt" in module["build-commands"][0]
    assert "--no-index" in module["build-commands"][0]
    found: dict[str, list[str]] = {}
    for source in module["sources"]:
        if "path" in source:
            continue
        assert source["url"].startswith("https://files.pythonhosted.org/")
        assert re.fullmatch(r"[0-9a-f]{64}", source["sha256"])
        if arch not in source.get("only-arches", [arch]):
            continue
        filename = source["url"].rsplit("/", 1)[1]
        name, version = filename.split("-")[:2]
        found.setdefault(canonicalize_name(name), []).append(version)
    assert found == {name: [version] for name, version in pins().items()}


def test_flatpak_builds_the_program_with_a_setuptools_it_can_use() -> None:
    backend = wheel_modules()["python3-build-backend"]
    assert backend["cleanup"] == ["*"]
    wheel = backend["sources"][0]["url"].rsplit("/", 1)[1]
    wanted = Requirement(PYPROJECT["build-system"]["requires"][0])
    assert wanted.name == "setuptools" and wanted.specifier.contains(wheel.split("-")[1])
    program = next(m for m in manifest()["modules"] if isinstance(m, dict))
    target = re.search(r"--target=(\S+)", backend["build-commands"][0])
    assert target is not None
    assert program["build-commands"][0].startswith(f"PYTHONPATH={target.group(1)} pip3 install")


def info_plist() -> dict[str, Any]:
    with (PACKAGING / "macos" / "Info.plist").open("rb") as f:
        data: dict[str, Any] = plistlib.load(f)
    return data


def test_mac_app_is_retina_ready_and_named_like_the_program() -> None:
    plist = info_plist()
    assert plist["NSHighResolutionCapable"] is True
    assert plist["CFBundleIdentifier"] == APP_ID
    assert plist["CFBundleExecutable"] == "mentor-desk"
    assert plist["CFBundlePackageType"] == "APPL"
    # the version comes from pyproject.toml at build time, never from this file
    assert "CFBundleShortVersionString" not in plist
    assert "CFBundleVersion" not in plist


def test_mac_entitlements_are_the_hardened_runtime_minimum() -> None:
    with (PACKAGING / "macos" / "entitlements.plist").open("rb") as f:
        entitlements = plistlib.load(f)
    assert entitlements == {"com.apple.security.cs.allow-unsigned-executable-memory": True}


def make_icons(svg: Path, ico: Path, iconset: Path) -> subprocess.CompletedProcess[str]:
    script = PACKAGING / "make_icons.py"
    command = [sys.executable, str(script), "--svg", str(svg), "--ico", str(ico)]
    return subprocess.run([*command, "--iconset", str(iconset)], capture_output=True, text=True)


def test_icons_are_made_from_an_svg(tmp_path: Path) -> None:
    svg = ROOT / "src" / "mentor_desk" / "resources" / "icons" / "app.svg"
    ico, iconset = tmp_path / "app.ico", tmp_path / "app.iconset"
    result = make_icons(svg, ico, iconset)
    assert result.returncode == 0, result.stderr
    with Image.open(ico) as image:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(image.info["sizes"])
    names = sorted(p.name for p in iconset.iterdir())
    assert len(names) == 10
    with Image.open(iconset / "icon_512x512@2x.png") as big:
        assert big.size == (1024, 1024)
        alpha = big.getchannel("A")
        # drawn, not blank: some pixels opaque, the corners (outside the icon) transparent
        assert alpha.getextrema()[1] == 255
        assert alpha.getpixel((0, 0)) == 0


def test_make_icons_refuses_a_file_that_is_not_an_svg(tmp_path: Path) -> None:
    bad = tmp_path / "not.svg"
    bad.write_text("not an image")
    result = make_icons(bad, tmp_path / "x.ico", tmp_path / "x.iconset")
    assert result.returncode != 0
    assert "is not an SVG Qt can draw" in result.stderr
    assert not (tmp_path / "x.ico").exists()
