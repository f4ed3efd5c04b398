"""Exported documents in the chosen language (issue 14 point 6): fixed text and dates.

The committed Welsh catalogue may not have the release sheet's texts yet, so the heading test
builds a tiny catalogue of its own (a .ts in tmp_path compiled with ``pyside6-lrelease``) and
installs it over Welsh; the dates need no catalogue, :class:`QLocale` has the month names.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from mentor_desk.export.common import full_date, plain_date, plain_datetime, short_date
from mentor_desk.export.funder_report import period_words
from mentor_desk.export.release_sheet import write_release_sheet_pdf
from mentor_desk.reports import words
from mentor_desk.store import Store
from mentor_desk.ui.shell import i18n
from tests.export.conftest import Planted, pdf_text

LRELEASE = Path(sys.executable).parent / "pyside6-lrelease"
TINY_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy_GB">
<context>
    <name>ReleaseSheet</name>
    <message>
        <source>What happens next</source>
        <translation>Beth fydd yn digwydd nesaf</translation>
    </message>
    <message>
        <source>4. Phone numbers</source>
        <translation>4. Rhifau ffôn</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>{date} at {time}</source>
        <translation>{date} am {time}</translation>
    </message>
</context>
</TS>
"""


@pytest.fixture
def language(qapp: QApplication) -> Iterator[None]:
    """Each test installs the language it needs; English (C) is put back afterwards."""
    yield
    i18n.install("C")


@pytest.fixture
def tiny_welsh(tmp_path: Path, language: None) -> Iterator[QTranslator]:
    ts = tmp_path / "tiny_cy.ts"
    ts.write_text(TINY_TS, encoding="utf-8")
    qm = tmp_path / "tiny_cy.qm"
    subprocess.run([str(LRELEASE), "-silent", str(ts), "-qm", str(qm)], check=True)
    i18n.install("C")  # only the tiny catalogue, with Welsh dates
    QLocale.setDefault(QLocale("cy"))
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)  # searched before the installed ones
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_english_dates_are_written_as_always(language: None) -> None:
    for english in ("C", "en_GB", "en_US"):
        i18n.install(english)
        assert plain_date(date(2026, 9, 3)) == "Thursday 3 September 2026"
        assert full_date("2026-12-03") == "3 December 2026"
        assert short_date("2026-09-03") == "3 Sep 2026", english  # not en_GB's "Sept"
        assert words.value("2026-09-03") == "3 Sep 2026"
        assert words.value("2026-09") == "Sep 2026"
        assert words.value(2.25) == "2.2" and words.value(1234) == "1234"
        assert period_words(date(2026, 4, 1), None) == "1 Apr 2026 to today"
    stamp = "2026-09-03T13:30:00Z"
    assert plain_datetime(stamp).startswith("Thursday 3 September 2026 at ")
    assert re.search(r" at \d{1,2}(:30)?[ap]m$", plain_datetime(stamp))


def test_welsh_dates_use_welsh_names(language: None) -> None:
    i18n.install("cy")
    assert plain_date(date(2026, 12, 3)) == "Dydd Iau 3 Rhagfyr 2026"
    assert full_date(date(2026, 12, 3)) == "3 Rhagfyr 2026"
    assert short_date("2026-11-24") == "24 Tach 2026"
    assert words.value("2026-09") == "Medi 2026"
    assert words.value(1234) == "1,234"
    # A time is the language's own: 24-hour in Welsh, never "2:30pm".
    assert re.search(r"\d{1,2}:30$", plain_datetime("2026-09-03T13:30:00Z"))


def test_the_release_sheet_in_welsh(
    tiny_welsh: QTranslator, store: Store, planted: Planted, tmp_path: Path
) -> None:
    out = tmp_path / "sheet.pdf"
    write_release_sheet_pdf(store, planted.pid, out, mentor_contact="07700 900 456")
    text = pdf_text(out)
    assert "Beth fydd yn digwydd nesaf" in text and "4. Rhifau ffôn" in text
    assert "What happens next" not in text and "Phone numbers" not in text
    today = QLocale().toString(date.today(), "dddd d MMMM yyyy")
    assert f"Made on {today}." in text  # a text the tiny catalogue lacks stays English
    assert re.search(r"\bam \d{1,2}:\d\d\b", text), text  # the appointment's time, in Welsh
    assert planted.stay_tonight in text  # the record's own words are left as they are


def test_with_english_back_the_sheet_is_english(
    qapp: QApplication, store: Store, planted: Planted, tmp_path: Path, language: None
) -> None:
    i18n.install("C")
    out = tmp_path / "sheet.pdf"
    write_release_sheet_pdf(store, planted.pid, out, mentor_contact="07700 900 456")
    text = pdf_text(out)
    assert "What happens next" in text and "4. Phone numbers" in text
    assert f"Made on {plain_date(date.today())}." in text
    assert re.search(r" at \d{1,2}(:\d\d)?[ap]m\b", text)
