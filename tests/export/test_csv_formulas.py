"""No CSV cell reaches a spreadsheet as a formula, whatever the locale (issue 12.7).

OWASP's "CSV Injection" guidance: no cell may begin with ``= + - @``, tab, CR or LF, and
"cell" includes every piece a separator (``,`` ``;``, a tab, a line break, a quote) can
start; prefix a single quote. Each case is checked in a real export file, read back three
ways: by a CSV reader splitting on ``,``, ``;`` and tab (as a spreadsheet in another locale
would), and by a lax reader that splits the raw text on every separator and ignores quotes.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mentor_desk.export.csv_cells import defuse, restore
from mentor_desk.export.csv_export import csv_bytes, write_csv
from mentor_desk.store import Store
from tests.export.conftest import Planted

#: Written here again, not imported: the test must not share the code's idea of a trigger.
ASCII_TRIGGERS = "=+-@"


def _formula_start(piece: str) -> bool:
    rest = piece.strip().strip('"').strip()
    if not rest:
        return False
    first = rest[0]
    return unicodedata.normalize("NFKC", first)[:1] in ASCII_TRIGGERS or first == "\u2212"


def _lax_pieces(raw: str) -> list[str]:
    """The raw file cut at every separator any locale or lax importer might use."""
    return re.split(r"[,;\t\r\n]", raw)


def _readings(raw: str) -> list[str]:
    """Every cell of ``raw`` as a reader splitting on ``,``, ``;`` or tab would see it."""
    cells: list[str] = []
    for delimiter in (",", ";", "\t"):
        for row in csv.reader(io.StringIO(raw, newline=""), delimiter=delimiter):
            for cell in row:
                cells.extend(cell.splitlines() or [cell])
    return cells


def assert_no_formula(raw: str) -> None:
    for piece in _lax_pieces(raw) + _readings(raw):
        assert not _formula_start(piece), f"{piece!r} would run as a formula"


CASES = [
    "=HYPERLINK(1)",
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    " =1+1",  # a leading space
    "\t=1+1",  # a leading tab
    "  \t @SUM(A1)",
    "\u00a0=1+1",  # no-break space
    "\u3000=1+1",  # ideographic (full-width) space
    "\u200b=1+1",  # zero-width space
    "＝1+1",  # full-width equals
    "＋1+1",
    "－1+1",
    "＠SUM(A1)",
    "﹦1+1",  # small equals sign (NFKC "=")
    "\u22121+1",  # minus sign
    "x;=1+1",  # a locale that splits on ;
    "x,=1+1",
    "x\t=1+1",
    "x; =1+1",
    "x;＝1+1",
    "a\n=1+1",  # a line feed inside the cell
    "a\r\n-2+3",
    "a\r@x",
    'a"=1+1',  # a quote a lax reader takes as the end of the cell
    'a",=1+1',
    "\t",  # OWASP: a cell must not begin with a tab, CR or LF
    "\rplain",
    "\nplain",
    "'=already quoted",
    "''=twice",
    "=1;=2,=3\t=4\n=5",
]


@pytest.mark.parametrize("payload", CASES)
def test_no_cell_of_a_csv_file_runs_as_a_formula(payload: str) -> None:
    """Through ``csv_bytes``, the one door of every CSV file (exports and chart data)."""
    raw = csv_bytes(["service", "status"], [[payload, "made"], ["ok", payload]]).decode("utf-8-sig")
    assert_no_formula(raw)
    # readable and round-trippable: a comma reader gets the text back, a quote or two added
    [_header, first, second] = list(csv.reader(io.StringIO(raw, newline="")))
    assert [restore(first[0]), restore(second[1])] == [payload, payload]
    assert first[0].replace("'", "") == payload.replace("'", "")


#: The cases a record field can hold (one-line text fields refuse line breaks).
ONE_LINE = [c for c in CASES if "\r" not in c and "\n" not in c and c.strip()]


@pytest.mark.parametrize("payload", ONE_LINE)
def test_no_cell_of_an_export_file_runs_as_a_formula(
    store: Store, planted: Planted, tmp_path: Path, payload: str
) -> None:
    """A service name (free text in the shared directory) goes into the referrals CSV."""
    [service] = [s for s in store.list("service") if s["name"] in planted.service_names]
    store.update("service", service["id"], {"name": payload})
    out = tmp_path / "referrals.csv"
    write_csv(store, "referrals", out)
    raw = out.read_text(encoding="utf-8-sig")
    assert_no_formula(raw)
    rows = list(csv.DictReader(io.StringIO(raw, newline="")))
    [mine] = [r for r in rows if r["participant"] == "TST-2026-0001"]
    assert restore(mine["service"]) == payload


def test_ordinary_values_are_left_as_they_are() -> None:
    for text in ("2026-03-01", "TST-2026-0001", "P-7KQ2M4XD3A", "a;b", "Siân", "42", "x-y"):
        assert defuse(text) == text
    raw = csv_bytes(["kind", "status"], [["referred", "made"]]).decode("utf-8-sig")
    assert raw == '"kind","status"\r\n"referred","made"\r\n'


@given(
    st.text(alphabet=st.sampled_from(list("=+-@＝＋－＠﹦ \t\r\n,;\"'x1\u3000\u00a0")), max_size=20)
)
def test_any_mix_of_triggers_and_separators_is_defused_and_restored(text: str) -> None:
    raw = csv_bytes(["cell"], [[text]]).decode("utf-8-sig")
    assert_no_formula(raw)
    [[header], [cell]] = list(csv.reader(io.StringIO(raw, newline="")))
    assert header == "cell" and restore(cell) == text


@given(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")))
def test_any_text_is_defused_and_restored(text: str) -> None:
    raw = csv_bytes(["cell"], [[text, "=x"]]).decode("utf-8-sig")
    assert_no_formula(raw)
    [_header, cells] = list(csv.reader(io.StringIO(raw, newline="")))
    assert [restore(c) for c in cells] == [text, "=x"]
