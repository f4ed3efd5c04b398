"""The bundled font draws every letter of the names people have (issue 12.8).

A Welsh name drawn half in the bundled font and half in a system fallback (ŵ and ŷ were
missing) looks like a misprint of the person's own name. The bundled family must cover
Latin-1, Latin Extended-A and every Welsh letter in each style the documents use; checked
three ways: the font files' character maps (fontTools), Qt's view of the registered family
(QRawFont, QFontMetrics), and the fonts a real plan PDF embeds.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from importlib import resources
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader
from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QRawFont
from PySide6.QtWidgets import QApplication

from mentor_desk.export.document import FONT_FILES, font_family
from mentor_desk.export.plan_pdf import write_plan_pdf
from mentor_desk.store import Store
from tests.export.conftest import MENTOR_CONTACT, PARTNERSHIP, Planted, pdf_text

#: Invented, realistic names of people a UK mentor may support.
NAMES = [
    # Welsh
    "Siân Ŵyn Prŷs",
    "Gwenllïan ap Dafydd",
    "Ŷr Ŵyddfa",
    "Llŷr Gruffudd",
    "Eirlys Ŵen",
    "ŴYN PRŶS",
    "Rhodri ap Gwŷn",
    # Irish
    "Siobhán Ní Bhriain",
    "Seán Ó Súilleabháin",
    "Aoibhínn Mac Giolla Phádraig",
    # Polish
    "Łukasz Wójcik",
    "Żaneta Grzegorczyk-Źdźbło",
    "Małgorzata Śliwińska",
    "Jędrzej Kęsik",
    # Romanian (comma below, and the cedilla forms old keyboards type)
    "Ștefan Țurcanu",
    "Mădălina Bîrsan",
    "Şerban Ţepeş",
    # Turkish
    "Ayşe Yılmaz",
    "Çağrı Gündoğdu",
    "İbrahim Öztürk",
    "Gülşen Kılıç",
    # Vietnamese (a few)
    "Nguyễn Thị Hương",
    "Trần Văn Đức",
    "Phạm Minh Châu",
    "Lê Thị Ngọc Ánh",
    # and others of Latin Extended-A
    "Jiří Dvořák",
    "Ödön Szőke",
    "Ģirts Ķēniņš",
    "Žydrūnas Šaulys",
    "Hōne Tūhoe",
]
#: Every letter written in Welsh with a diacritic (to bach, acen ddyrchafedig, acen drom,
#: didolnod), in both cases.
WELSH_LETTERS = "âêîôûŵŷáéíóúẃýàèìòùẁỳäëïöüẅÿ"
WELSH_LETTERS += WELSH_LETTERS.upper()
LATIN_1 = "".join(chr(c) for c in range(0xA1, 0x100) if c != 0xAD)  # not the soft hyphen
LATIN_EXTENDED_A = "".join(chr(c) for c in range(0x100, 0x180))
#: What the templates themselves print besides ASCII.
PUNCTUATION = "·—–…‘’“”"
REQUIRED = sorted(
    {c for c in "".join(NAMES) + WELSH_LETTERS + LATIN_1 + LATIN_EXTENDED_A + PUNCTUATION} - {" "}
)


def _font_bytes(name: str) -> bytes:
    return resources.files("mentor_desk.resources").joinpath("fonts", name).read_bytes()


@pytest.mark.parametrize("name", FONT_FILES)
def test_each_bundled_style_has_every_letter_in_its_character_map(name: str) -> None:
    font = TTFont(Path(str(resources.files("mentor_desk.resources").joinpath("fonts", name))))
    cmap = font.getBestCmap()
    missing = [c for c in REQUIRED if ord(c) not in cmap]
    assert missing == [], f"{name} lacks {''.join(missing)}"
    assert not font["OS/2"].fsType & 0x0002  # not "restricted": a PDF may embed it


def test_qt_finds_every_letter_in_the_registered_family(qapp: QApplication) -> None:
    family = font_family()
    families = set()
    for name in FONT_FILES:
        raw = QRawFont(QByteArray(_font_bytes(name)), 15.0)
        assert raw.isValid(), name
        families.add(raw.familyName())
        missing = [c for c in REQUIRED if not raw.supportsCharacter(ord(c))]
        assert missing == [], f"{name} (as Qt reads it) lacks {''.join(missing)}"
    assert families == {family}  # one family: regular, bold and italic of the same design
    assert family in QFontDatabase.families()
    for bold, italic in ((False, False), (True, False), (False, True)):
        font = QFont(family, 15)
        font.setBold(bold)
        font.setItalic(italic)
        metrics = QFontMetrics(font)
        missing = [c for c in REQUIRED if not metrics.inFontUcs4(ord(c))]
        assert missing == [], f"bold={bold} italic={italic}: {''.join(missing)}"


def _pdf_fonts(path: Path) -> dict[str, bool]:
    """Every font a PDF's pages use (the base name without the subset tag) → embedded?"""
    found: dict[str, bool] = {}
    for page in PdfReader(path).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            base = re.sub(r"^/?[A-Z]{6}\+|^/", "", str(font["/BaseFont"]))
            descriptors = [font.get("/FontDescriptor")]
            for child in font.get("/DescendantFonts", []):
                descriptors.append(child.get_object().get("/FontDescriptor"))
            embedded = any(
                d is not None
                and any(k in d.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                for d in descriptors
            )
            found[base] = found.get(base, False) or embedded
    return found


def test_a_welsh_plan_is_drawn_in_the_bundled_family_alone(
    qapp: QApplication, store: Store, planted: Planted, tmp_path: Path
) -> None:
    store.update("participant", planted.pid, {"preferred_name": "Siân Ŵyn Prŷs"})
    goal = store.list("goal", participant_id=planted.pid)[0]
    store.update("goal", goal["id"], {"goal_text": "Dysgu nofio yn Llyn Tegid gyda Gwenllïan"})
    out = tmp_path / "plan.pdf"
    write_plan_pdf(store, planted.pid, out, partnership=PARTNERSHIP, mentor_contact=MENTOR_CONTACT)
    text = pdf_text(out)
    assert "Siân Ŵyn Prŷs" in text and "Gwenllïan" in text
    fonts = _pdf_fonts(out)
    family = font_family().replace(" ", "")
    assert fonts and all(name.startswith(family) for name in fonts), fonts
    assert all(fonts.values()), f"not embedded: {fonts}"
    if shutil.which("pdffonts"):  # poppler's view too, where it is installed
        listing = subprocess.run(
            ["pdffonts", str(out)], check=True, capture_output=True, text=True
        ).stdout.splitlines()[2:]
        assert listing and all(family in line.split()[0] for line in listing), listing
        assert all(" yes " in line for line in listing), listing  # emb column


def test_names_in_other_scripts_still_fall_back_to_an_embedded_font(
    qapp: QApplication, store: Store, planted: Planted, tmp_path: Path
) -> None:
    """Arabic, Chinese, Greek and Cyrillic names: the bundled family or a system font
    through Qt's fallback, always embedded so the PDF looks the same elsewhere."""
    store.update("participant", planted.pid, {"preferred_name": "سارة · 王芳 · Ελένη · Олена"})
    out = tmp_path / "plan.pdf"
    write_plan_pdf(store, planted.pid, out, partnership=PARTNERSHIP, mentor_contact=MENTOR_CONTACT)
    fonts = _pdf_fonts(out)
    assert fonts and all(fonts.values()), f"not embedded: {fonts}"
    assert "Ελένη" in pdf_text(out) and "Олена" in pdf_text(out)  # Greek, Cyrillic: bundled


def test_the_pdf_text_is_the_record_text_without_ligatures(
    qapp: QApplication, store: Store, planted: Planted, tmp_path: Path
) -> None:
    """Noto Sans has ﬁ ﬂ ﬃ ligatures; drawn, they read back (search, copy, screen reader)
    as "oﬃce" instead of "office"."""
    words = "office affluent fifty flat waffle"
    goal = store.list("goal", participant_id=planted.pid)[0]
    store.update("goal", goal["id"], {"goal_text": f"Heading {words}"})
    step = store.list("goal_step", participant_id=planted.pid)[0]
    store.update("goal_step", step["id"], {"what": f"Step {words}"})
    out = tmp_path / "plan.pdf"
    write_plan_pdf(store, planted.pid, out, partnership=PARTNERSHIP, mentor_contact=MENTOR_CONTACT)
    text = pdf_text(out)
    assert f"Heading {words}" in text and f"Step {words}" in text
    assert not any("\ufb00" <= c <= "\ufb06" for c in text)
