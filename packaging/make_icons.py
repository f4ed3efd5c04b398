"""Make the Windows and macOS icons from the one app icon SVG (docs/packaging.md).

Writes ``packaging/windows/mentor-desk.ico`` (16 to 256 px, for the program and its
installer) and ``packaging/macos/mentor-desk.iconset/`` (the ten PNGs Apple's ``iconutil``
turns into ``mentor-desk.icns`` on a Mac). Both are made at build time, never committed, so
they cannot drift from the SVG. Qt draws the SVG (the program's own dependency), Pillow
writes the .ico (matplotlib's)::

    .venv/bin/python packaging/make_icons.py
    iconutil -c icns packaging/macos/mentor-desk.iconset -o packaging/macos/mentor-desk.icns
"""

from __future__ import annotations

import argparse
import os
import sys
from io import BytesIO
from pathlib import Path

HERE = Path(__file__).resolve().parent
SVG = HERE / "linux" / "org.mentordesk.MentorDesk.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: Apple's iconset names: each size at 1x and 2x.
ICONSET = {
    f"icon_{size}x{size}{suffix}.png": size * scale
    for size in (16, 32, 128, 256, 512)
    for suffix, scale in (("", 1), ("@2x", 2))
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=SVG)
    parser.add_argument("--ico", type=Path, default=HERE / "windows" / "mentor-desk.ico")
    parser.add_argument("--iconset", type=Path, default=HERE / "macos" / "mentor-desk.iconset")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(args.svg))
    if not renderer.isValid():
        raise SystemExit(f"error: {args.svg} is not an SVG Qt can draw")

    def draw(size: int) -> QImage:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        return image

    args.iconset.mkdir(parents=True, exist_ok=True)
    for name, size in ICONSET.items():
        if not draw(size).save(str(args.iconset / name), "PNG"):
            raise SystemExit(f"error: could not write {args.iconset / name}")

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    draw(max(ICO_SIZES)).save(buffer, "PNG")
    buffer.close()
    args.ico.parent.mkdir(parents=True, exist_ok=True)
    with Image.open(BytesIO(bytes(buffer.data().data()))) as big:
        big.save(args.ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES])
    del app
    print(f"{args.ico}\n{args.iconset}/ ({len(ICONSET)} images)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
