"""CSV cells a spreadsheet reads as text, never as a formula (OWASP "CSV Injection").

A spreadsheet runs a cell as a formula when it starts with ``=``, ``+``, ``-`` or ``@``, and
it is lenient about what "starts" means: spaces or a tab before the sign, the full-width
``＝ ＋ － ＠`` that an input method types, a tab, carriage return or line feed as the first
character (OWASP lists 0x09, 0x0D, 0x0A). And a cell can hold a separator: ``x;=1+1`` is one
cell to a comma-separated reader but two, the second a formula, to a spreadsheet whose locale
splits on ``;`` — likewise a tab, a line break or a ``"`` that a lax importer takes for the
end of the cell. OWASP asks that *no cell* begin with a trigger, counting the cells an
attacker can start with a separator, and suggests the single-quote prefix.

So :func:`defuse` reads a text as the pieces between separators (``, ; " TAB CR LF``) and puts
one ``'`` at the start of every piece whose first visible character (after white space and
zero-width characters, and after any ``'`` already there) is a trigger or its compatibility
form (NFKC: ``＝``, ``﹦``, ``⁺``…) or U+2212 MINUS SIGN; and one more ``'`` at the very start
when the cell begins with a control character (tab, CR, LF, NUL…). Everything else is left
alone, so dates, numbers and references read as before.

It is reversible: :func:`restore` removes exactly the quotes :func:`defuse` added (a quote
is added before a run of quotes too, so a text that already began ``'=`` comes back intact).
The writer also quotes every cell (OWASP's other advice), so a reader that honours quotes
keeps ``x;'=1+1`` in one cell whatever its separator.
"""

from __future__ import annotations

import re
import unicodedata

#: Characters a spreadsheet may take as the start of a formula (after NFKC normalisation).
TRIGGERS = frozenset("=+-@")
#: Not folded to "-" by NFKC, but read as minus by some spreadsheets.
EXTRA_TRIGGERS = frozenset("\u2212")
#: Where a lax reader or another locale may start a new cell (or a new row): the cell
#: separators of every locale, the quote, and every character Unicode counts as a line
#: boundary (what ``str.splitlines`` splits on: VT, FF, FS, GS, RS, NEL, LS, PS too).
SEPARATORS = ',;\t"\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029'
#: Skipped before the first visible character, besides Unicode white space.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"

_SPLIT = re.compile("([" + re.escape(SEPARATORS) + "])")
QUOTE = "'"


def is_trigger(char: str) -> bool:
    """Would a spreadsheet take ``char``, first in a cell, as the start of a formula?"""
    return char in EXTRA_TRIGGERS or unicodedata.normalize("NFKC", char)[:1] in TRIGGERS


def _visible(text: str) -> str:
    """``text`` without its leading white space and zero-width characters."""
    i = 0
    while i < len(text) and (text[i].isspace() or text[i] in INVISIBLE):
        i += 1
    return text[i:]


def _starts_formula(piece: str) -> bool:
    """After any quotes already there and then any white space: a trigger?"""
    rest = _visible(piece.lstrip(QUOTE))
    return bool(rest) and is_trigger(rest[0])


def _starts_control(cell: str) -> bool:
    rest = cell.lstrip(QUOTE)
    return bool(rest) and unicodedata.category(rest[0]) == "Cc"


def defuse(text: str) -> str:
    """``text`` as a cell no spreadsheet runs, in any locale; :func:`restore` undoes it."""
    pieces = _SPLIT.split(text)  # odd positions are the separators themselves
    for i in range(0, len(pieces), 2):
        if _starts_formula(pieces[i]):
            pieces[i] = QUOTE + pieces[i]
    cell = "".join(pieces)
    return QUOTE + cell if _starts_control(cell) else cell


def restore(cell: str) -> str:
    """The text :func:`defuse` was given (to read an exported file back)."""
    if cell.startswith(QUOTE) and _starts_control(cell[1:]):
        cell = cell[1:]
    pieces = _SPLIT.split(cell)
    for i in range(0, len(pieces), 2):
        if pieces[i].startswith(QUOTE) and _starts_formula(pieces[i][1:]):
            pieces[i] = pieces[i][1:]
    return "".join(pieces)
