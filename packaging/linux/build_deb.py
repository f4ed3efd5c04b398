"""Build ``dist/mentor-desk_<version>_<arch>.deb`` from the PyInstaller bundle, with dpkg-deb.

    python packaging/linux/build_deb.py [--bundle dist/mentor-desk] [--out dist]

Lays out /opt/mentor-desk (the bundle), /usr/bin/mentor-desk (a link), the .desktop entry,
the AppStream metainfo (checked with ``appstreamcli validate``) and the hicolor icons (the
SVG, and PNGs drawn from it by Qt), then writes DEBIAN/control. ``Depends:`` is worked out,
not typed: every library the bundle's programs and its X11 (xcb) platform plugin load from
the system (``ldd``), mapped to the Debian package that ships it (``dpkg -S``). A library
the bundle needs and this machine does not have stops the build, naming it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "packaging"))
from version import version  # noqa: E402

APP_ID = "org.mentordesk.MentorDesk"
PNG_SIZES = (48, 64, 128, 256)
#: Plugins Qt tries and does without when their libraries are missing (another desktop's
#: theme, Wayland, framebuffer, VNC): they never make a dependency.
OPTIONAL = (
    "platformthemes",
    "wayland",
    "egldeviceintegrations",
    "libqeglfs",
    "libqlinuxfb",
    "libqvnc",
    "libqminimalegl",
    "libqvkkhrdisplay",
    "libqwayland",
    "xcbglintegrations/libqxcb-egl",
    "libQt6Wayland",
    "libQt6Wl",
    "libQt6EglFS",
    "libqgtk3",
    "networkinformation",
    "tls/libqopensslbackend",
)


def _elf(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False


def _optional(path: Path) -> bool:
    text = str(path)
    return any(part in text for part in OPTIONAL)


def _direct(path: Path) -> set[str]:
    """The libraries ``path`` names itself (DT_NEEDED), not what they pull in in turn:
    the packages that ship those depend on the rest (as dpkg-shlibdeps reasons)."""
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True, check=False)
    return {
        line.rsplit("[", 1)[1].rstrip("]")
        for line in out.stdout.splitlines()
        if "(NEEDED)" in line and "[" in line
    }


def system_libraries(bundle: Path) -> set[str]:
    """Paths of the system libraries the bundle's required ELF files name directly."""
    needed: set[str] = set()
    missing: set[str] = set()
    inside = {p.name for p in bundle.rglob("*.so*")}
    for path in sorted(p for p in bundle.rglob("*") if p.is_file() and _elf(p)):
        if _optional(path):
            continue
        direct = _direct(path) - inside
        if not direct:
            continue
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, check=False)
        for line in out.stdout.splitlines():
            name, _, rest = line.strip().partition(" => ")
            name = name.strip()
            if name not in direct:
                continue
            target = rest.split(" (")[0].strip()
            if "not found" in rest:
                missing.add(f"{name} (for {path.relative_to(bundle)})")
            elif target.startswith("/") and str(bundle) not in target:
                needed.add(os.path.realpath(target))
    if missing:
        raise SystemExit("error: libraries the bundle needs are not on this machine: " +
                         ", ".join(sorted(missing)))  # fmt: skip
    return needed


def packages_of(libraries: set[str]) -> list[str]:
    """The Debian packages that ship ``libraries`` (dpkg -S), without architecture."""
    names: set[str] = set()
    for lib in sorted(libraries):
        candidates = [
            lib,
            lib.replace("/usr/lib/", "/lib/", 1),
            lib.replace("/lib/", "/usr/lib/", 1),
        ]
        for candidate in dict.fromkeys(candidates):
            found = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
            if found.returncode == 0:
                package = found.stdout.split(":", 1)[0].split(",")[0].strip()
                names.add(package)
                break
        else:
            raise SystemExit(f"error: no Debian package ships {lib}")
    # Always: the fonts Qt finds through fontconfig need a configuration (it is not a
    # library anyone links), and SVG icons are drawn by Qt's own plugin (bundled).
    names.add("fontconfig-config")
    return sorted(names)


def _icons(stage: Path) -> None:
    share = stage / "usr/share/icons/hicolor"
    svg = HERE / f"{APP_ID}.svg"
    (share / "scalable/apps").mkdir(parents=True)
    shutil.copy2(svg, share / f"scalable/apps/{APP_ID}.svg")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    for size in PNG_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        folder = share / f"{size}x{size}/apps"
        folder.mkdir(parents=True)
        if not image.save(str(folder / f"{APP_ID}.png")):
            raise SystemExit(f"error: could not draw the {size}px icon")
    del app


def build(bundle: Path, out: Path) -> Path:
    ver = version()
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()  # fmt: skip
    depends = packages_of(system_libraries(bundle))
    with tempfile.TemporaryDirectory(prefix="mentor-desk-deb-") as tmp:
        stage = Path(tmp) / "root"
        shutil.copytree(bundle, stage / "opt/mentor-desk", symlinks=True)
        (stage / "usr/bin").mkdir(parents=True)
        (stage / "usr/bin/mentor-desk").symlink_to("/opt/mentor-desk/mentor-desk")
        (stage / "usr/share/applications").mkdir(parents=True)
        shutil.copy2(HERE / f"{APP_ID}.desktop", stage / f"usr/share/applications/{APP_ID}.desktop")
        (stage / "usr/share/metainfo").mkdir(parents=True)
        metainfo = stage / f"usr/share/metainfo/{APP_ID}.metainfo.xml"
        metainfo.write_text(
            (HERE / f"{APP_ID}.metainfo.xml.in")
            .read_text()
            .replace("@VERSION@", ver)
            .replace("@DATE@", dt.date.today().isoformat())
        )
        validate = ["appstreamcli", "validate", "--no-net", "--pedantic", str(metainfo)]
        check = subprocess.run(validate, capture_output=True, text=True)
        if check.returncode != 0:
            raise SystemExit(f"error: the AppStream metainfo is not valid:\n{check.stdout}")
        _icons(stage)
        files = [p for p in stage.rglob("*") if p.is_file() and not p.is_symlink()]
        size_kib = sum(p.stat().st_size for p in files) // 1024
        (stage / "DEBIAN").mkdir()
        (stage / "DEBIAN/control").write_text(
            "Package: mentor-desk\n"
            f"Version: {ver}\n"
            "Section: misc\n"
            "Priority: optional\n"
            f"Architecture: {arch}\n"
            f"Installed-Size: {size_kib}\n"
            f"Depends: {', '.join(depends)}\n"
            "Maintainer: Mentor Desk <packaging@mentordesk.invalid>\n"
            "Homepage: https://mentordesk.invalid\n"
            "Description: case notes and plans for peer mentors, offline and encrypted\n"
            " Mentor Desk is for peer mentors who support people leaving prison: release-day\n"
            " contact, needs, action plans, signposting, sessions and case notes, kept\n"
            " encrypted on the laptop and shared with the partnership's server.\n"
        )
        out.mkdir(parents=True, exist_ok=True)
        target = out / f"mentor-desk_{ver}_{arch}.deb"
        pack = [
            "dpkg-deb",
            "--root-owner-group",
            "-Zgzip",
            "-z6",
            "--build",
            str(stage),
            str(target),
        ]
        subprocess.run(pack, check=True, stdout=subprocess.DEVNULL)
    print(f"wrote {target}  Depends: {', '.join(depends)}")
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", default=str(ROOT / "dist/mentor-desk"))
    parser.add_argument("--out", default=str(ROOT / "dist"))
    args = parser.parse_args()
    build(Path(args.bundle).resolve(), Path(args.out).resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main())
