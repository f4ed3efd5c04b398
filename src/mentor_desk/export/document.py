"""Turning export HTML into PDF and ODT with Qt's own text engine (QtGui only).

Documents are laid out by :class:`QTextDocument` and written by :class:`QPdfWriter` or
:class:`QTextDocumentWriter` into memory, so the caller decides where the bytes go (the
chosen file, or a member of the subject-access ZIP) and no temp file is ever made.

The bundled font is Noto Sans 2.004 (SIL Open Font License 1.1, see
``resources/fonts/OFL.txt``): one family for every letter of Latin-1, Latin Extended-A
(Welsh ŵ ŷ, Polish, Romanian, Turkish, Czech...), Vietnamese, Greek and Cyrillic, so a
person's name is never drawn in two typefaces. (Atkinson Hyperlegible, bundled before,
lacks ŵ ŷ Ŵ Ŷ; its successor "Next" still lacks part of Latin Extended-A.) It is loaded
from the package, so a plan looks the same on every computer, and the PDF embeds it.
Scripts it does not cover (Arabic, Chinese...) fall back through Qt to a system font,
which the PDF embeds too. Needs a :class:`QGuiApplication`.
"""

from __future__ import annotations

import html
from functools import cache
from importlib import resources
from string import Template

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
    QTextDocumentWriter,
)

from mentor_desk.export.common import ExportError, translate

FONT_FILES = (
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
    "NotoSans-Italic.ttf",
)
FALLBACK_FAMILY = "Sans Serif"

#: Type sizes in points. The plan is read by people who may not read much or see well:
#: RNIB clear-print guidance asks for 12-14 pt at least; we use large print.
LARGE_BODY_PT = 15
SMALL_BODY_PT = 10.0
#: QTextDocument.print_() adds its own 2 cm frame margin (and draws page numbers in it),
#: so the page itself only needs a little: 2 mm + 2 cm = 22 mm on every side.
PAGE_MARGIN_MM = 2.0


def e(value: object) -> str:
    """Escape record text for the HTML templates (every record value goes through this)."""
    return html.escape("" if value is None else str(value), quote=True)


@cache
def font_family() -> str:
    """Register the bundled font with Qt (once) and return its family name."""
    if QGuiApplication.instance() is None:
        raise ExportError(
            translate("Document", "Making a document needs the program's Qt application.")
        )
    family = ""
    folder = resources.files("mentor_desk.resources").joinpath("fonts")
    for name in FONT_FILES:
        data = folder.joinpath(name).read_bytes()
        font_id = QFontDatabase.addApplicationFontFromData(QByteArray(data))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families and not family:
            family = families[0]
    return family or FALLBACK_FAMILY


def template(name: str) -> Template:
    """An export template from ``resources/templates`` (``$placeholders``)."""
    text = (
        resources.files("mentor_desk.resources")
        .joinpath("templates")
        .joinpath(name)
        .read_text(encoding="utf-8")
    )
    return Template(text)


def make_document(body_html: str, *, title: str, point_size: float) -> QTextDocument:
    """A QTextDocument in the bundled font at ``point_size``, laid out for A4 print."""
    doc = QTextDocument()
    font = QFont(font_family())
    font.setPointSizeF(point_size)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    # No ligatures: "office" drawn with an ﬃ glyph reads back (copy, search, a screen
    # reader) as "oﬃce"; the PDF's text must be the record's text.
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    doc.setDefaultFont(font)
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)
    doc.setDocumentMargin(0)
    doc.setHtml(body_html)
    return doc


def _pdf_writer(buffer: QBuffer, title: str) -> QPdfWriter:
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    writer.setTitle(title)
    writer.setCreator("Mentor Desk")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    return writer


def pdf_bytes(doc: QTextDocument, *, title: str) -> bytes:
    """The document as PDF (A4, 22 mm margins, page numbers), in memory."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _pdf_writer(buffer, title)
    doc.print_(writer)
    del writer  # the PDF is finished when the writer goes
    data = bytes(buffer.data().data())
    buffer.close()
    if not data.startswith(b"%PDF"):
        raise ExportError(translate("Document", "Qt did not produce a PDF."))
    return data


def odt_bytes(doc: QTextDocument) -> bytes:
    """The document as an editable OpenDocument text file, in memory."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QTextDocumentWriter(buffer, QByteArray(b"ODF"))
    if not writer.write(doc):
        raise ExportError(translate("Document", "Qt could not write the OpenDocument file."))
    data = bytes(buffer.data().data())
    buffer.close()
    return data


def words(choice: object) -> str:
    """A stored choice key in plain words: 'no_response' → 'No response'."""
    text = "" if choice is None else str(choice).replace("_", " ")
    return text[:1].upper() + text[1:]


def _width(widths: list[int] | None, i: int) -> str:
    return f' width="{widths[i]}%"' if widths else ""


def html_table(
    headers: list[str], rows: list[list[str]], *, widths: list[int] | None = None
) -> str:
    """A bordered table for reports; cell values are escaped here."""
    if not rows:
        return f"<p><i>{e(translate('Document', 'None in this period.'))}</i></p>"
    head = "".join(
        f'<th{_width(widths, i)} bgcolor="#dde8f3" align="left">{e(h)}</th>'
        for i, h in enumerate(headers)
    )
    body = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in rows)
    return (
        '<table width="100%" cellspacing="0" cellpadding="4" border="1"'
        ' style="border-collapse: collapse; border-color: #8aa1b8;">'
        f"<thead><tr>{head}</tr></thead>{body}</table>"
    )


REPORT_CSS = """<style>
  h1 { font-size: 18pt; font-weight: bold; margin-top: 0; margin-bottom: 4pt; }
  h2 { font-size: 13pt; font-weight: bold; margin-top: 14pt; margin-bottom: 4pt;
       color: #0b3d6b; }
  h3 { font-size: 11pt; font-weight: bold; margin-top: 8pt; margin-bottom: 2pt; }
  p { margin-top: 0; margin-bottom: 4pt; }
  .muted { color: #444444; }
</style>"""
