"""Every user-visible string in ``ui/`` goes through translation (issue 14 point 6).

An AST walk over ``src/mentor_desk/ui``: a string literal with a word in it, passed straight
to a call that puts text in front of the person (a widget's constructor, ``setText``,
``setToolTip``, ``addItem``, ``QMessageBox.question``, ``named(widget, …)`` and the rest of
:data:`SHOWN`), fails the test with its file and line. The fix is to wrap it in
``translate("Context", "…")`` (or ``QT_TRANSLATE_NOOP`` for a table declared at import time)
and run ``make translations``. Text built from variables is not seen here; lupdate and
review catch those.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[2] / "src" / "mentor_desk" / "ui"

#: Calls whose string arguments a person sees or hears (screen readers read accessible names).
SHOWN = frozenset(
    """setText setToolTip setPlaceholderText setWindowTitle setTitle addItem addItems addTab
    insertTab setTabText setStatusTip setAccessibleName setAccessibleDescription setWhatsThis
    addRow insertRow setSuffix setPrefix setSpecialValueText addAction addMenu
    setHorizontalHeaderLabels setHeaderLabels showMessage setInformativeText setDetailedText
    setLabelText setCancelButtonText setButtonText addButton setPlainText setHtml setMarkdown
    setNameFilter information warning critical question about getText getItem
    getOpenFileName getSaveFileName getExistingDirectory named
    QLabel QPushButton QCheckBox QRadioButton QGroupBox QAction QToolButton QMenu
    QCommandLinkButton""".split()  # noqa: SIM905 (easier to read than a list)
)
#: Which positional arguments carry the text, where not all of them do (the rest are data:
#: ``addItem(text, key)``, ``addTab(widget, title)``, ``named(widget, name, description)``).
TEXT_ARGS = {
    "addItem": slice(0, 1),
    "addTab": slice(1, 2),
    "insertTab": slice(2, 3),
    "setTabText": slice(1, 2),
    "named": slice(1, None),
}
#: Keyword arguments of those calls that carry text.
TEXT_KEYWORDS = frozenset({"text", "title", "description", "toolTip", "placeholderText"})
#: The product's name is not translated.
NOT_WORDS = frozenset({"Mentor Desk"})
WORD = re.compile(r"[A-Za-z]{2,}")


def _literal(node: ast.expr) -> str | None:
    """The literal text of ``node`` (a string, an f-string's fixed parts, a ``+`` of them)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(str(v.value) for v in node.values if isinstance(v, ast.Constant)) or None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        parts = [_literal(node.left), _literal(node.right)]
        return "".join(p for p in parts if p) or None
    return None


def untranslated(source: str, filename: str = "<string>") -> list[str]:
    """``file:line: call('text')`` for each literal shown without translation."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = (
            func.attr
            if isinstance(func, ast.Attribute)
            else func.id
            if isinstance(func, ast.Name)
            else ""
        )
        if name not in SHOWN:
            continue
        args = list(node.args[TEXT_ARGS.get(name, slice(None))])
        args += [k.value for k in node.keywords if k.arg in TEXT_KEYWORDS]
        for arg in args:
            text = _literal(arg)
            if text and WORD.search(text) and text not in NOT_WORDS:
                found.append(f"{filename}:{arg.lineno}: {name}({text[:60]!r})")
    return found


def test_the_check_catches_a_bare_string() -> None:
    """The check itself can fail: each way of showing a bare string is caught."""
    bad = """
label = QLabel("Saved")
button.setToolTip(f"Open {name}")
box.addItem("Open cases", "open")  # the text, not the key
named(field, "Search caseload")
QMessageBox.question(self, "Discard this note?", "It " + "goes")
act = QAction(text="Lock")
"""
    assert len(untranslated(bad)) == 7, untranslated(bad)
    good = """
label = QLabel(translate("Caseload", "Saved"))
button.setToolTip(translate("Caseload", "Open {name}").format(name=name))
box.addItem(translate("Caseload", "Open cases"), "open")
named(field, translate("Caseload", "Search caseload"))
field.setText("")
field.setText(" — ")
window.setWindowTitle("Mentor Desk")
"""
    assert untranslated(good) == []


@pytest.mark.parametrize("path", sorted(UI.rglob("*.py")), ids=lambda p: str(p.relative_to(UI)))
def test_no_bare_string_reaches_the_screen(path: Path) -> None:
    found = untranslated(path.read_text(encoding="utf-8"), str(path.relative_to(UI)))
    assert found == [], "wrap these in translate(...), then `make translations`:\n" + "\n".join(
        found
    )
