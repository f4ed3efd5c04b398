"""Look and feel: the Fusion style, a calm light or dark palette, and the SVG icons.

The palette follows the system's colour scheme (``QStyleHints.colorScheme``) and changes with
it. Icons are SVG files in ``mentor_desk/resources/icons`` drawn with ``currentColor``; they
are read through :mod:`importlib.resources` (works in a frozen bundle too) and tinted with the
palette's text colour.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

ACCENT = "#2f6f73"  # a calm teal
DANGER = "#b3261e"
DANGER_DARK = "#f2b8b5"
ICON_COLOUR = "#4d8286"

_LIGHT = {
    QPalette.ColorRole.Window: "#f4f5f2",
    QPalette.ColorRole.WindowText: "#1f2328",
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.AlternateBase: "#eef1ed",
    QPalette.ColorRole.Text: "#1f2328",
    QPalette.ColorRole.Button: "#e9ece7",
    QPalette.ColorRole.ButtonText: "#1f2328",
    QPalette.ColorRole.Highlight: ACCENT,
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#ffffff",
    QPalette.ColorRole.ToolTipText: "#1f2328",
    QPalette.ColorRole.PlaceholderText: "#6b7178",
    QPalette.ColorRole.Link: "#1d5c8f",
}
_DARK = {
    QPalette.ColorRole.Window: "#1e2124",
    QPalette.ColorRole.WindowText: "#e4e6e3",
    QPalette.ColorRole.Base: "#16181a",
    QPalette.ColorRole.AlternateBase: "#23272a",
    QPalette.ColorRole.Text: "#e4e6e3",
    QPalette.ColorRole.Button: "#2b3034",
    QPalette.ColorRole.ButtonText: "#e4e6e3",
    QPalette.ColorRole.Highlight: "#4f9a9e",
    QPalette.ColorRole.HighlightedText: "#0b0c0d",
    QPalette.ColorRole.ToolTipBase: "#2b3034",
    QPalette.ColorRole.ToolTipText: "#e4e6e3",
    QPalette.ColorRole.PlaceholderText: "#9aa0a6",
    QPalette.ColorRole.Link: "#8cc4f0",
}


def is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def palette(dark: bool) -> QPalette:
    pal = QPalette()
    for role, colour in (_DARK if dark else _LIGHT).items():
        pal.setColor(role, QColor(colour))
    muted = QColor("#7b8086" if dark else "#9aa0a6")
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        pal.setColor(QPalette.ColorGroup.Disabled, role, muted)
    return pal


def stylesheet(dark: bool) -> str:
    danger = DANGER_DARK if dark else DANGER
    banner_bg = "#4a1f1c" if dark else "#fbe9e7"
    return f"""
    QLabel[role="title"] {{ font-size: 15pt; font-weight: 600; }}
    QLabel[role="subtitle"] {{ font-size: 11pt; }}
    QLabel[role="hint"] {{ color: palette(placeholder-text); }}
    QLabel[role="error"] {{ color: {danger}; }}
    QLabel[role="banner"] {{
        background: {banner_bg}; color: {danger}; border: 1px solid {danger};
        border-radius: 4px; padding: 6px 10px; font-weight: 600;
    }}
    QLabel[role="demo"] {{
        background: palette(alternate-base); border-radius: 4px; padding: 6px 10px;
    }}
    QFrame[role="card"] {{
        background: palette(base); border: 1px solid palette(mid); border-radius: 8px;
    }}
    QTableView {{ gridline-color: palette(alternate-base); }}
    QLineEdit[locked="true"], QPlainTextEdit[locked="true"] {{
        background: palette(window); color: palette(placeholder-text);
    }}
    QPushButton[role="primary"] {{
        background: palette(highlight); color: palette(highlighted-text);
        border-radius: 4px; padding: 6px 16px; font-weight: 600;
    }}
    QPushButton[role="primary"]:disabled {{ background: palette(mid); }}
    """


def apply_theme(app: QApplication, dark: bool | None = None) -> None:
    """Fusion style with a light or dark palette.

    ``dark=None`` follows the system's colour scheme and keeps in step when it changes;
    True or False fixes it (screenshots, or a platform that reports no scheme).
    """
    app.setStyle("Fusion")

    def refresh() -> None:
        use_dark = is_dark() if dark is None else dark
        app.setPalette(palette(use_dark))
        app.setStyleSheet(stylesheet(use_dark))
        tinted_icon.cache_clear()

    refresh()
    if dark is None:
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: refresh())


@cache
def svg_source(name: str) -> str:
    path = resources.files("mentor_desk.resources").joinpath(f"icons/{name}.svg")
    return path.read_text(encoding="utf-8")


@cache
def tinted_icon(name: str, colour: str) -> QIcon:
    data = QByteArray(svg_source(name).replace("currentColor", colour).encode("utf-8"))
    renderer = QSvgRenderer(data)
    result = QIcon()
    for size in (16, 24, 32, 48):
        pixmap = QPixmap(QSize(size, size))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        result.addPixmap(pixmap)
    return result


def icon(name: str, colour: str | None = None) -> QIcon:
    """The SVG icon ``name`` tinted with ``colour``.

    The default is a mid teal that reads on both the light and the dark palette, so icons
    made before the system switches scheme stay visible.
    """
    return tinted_icon(name, colour or ICON_COLOUR)


def late_colour() -> QColor:
    """Red for overdue figures, lighter on a dark palette."""
    app = QApplication.instance()
    pal = app.palette() if isinstance(app, QApplication) else QPalette()
    dark = pal.color(QPalette.ColorRole.Base).lightness() < 128
    return QColor(DANGER_DARK if dark else "#c62828")
