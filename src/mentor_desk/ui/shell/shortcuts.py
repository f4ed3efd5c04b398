"""The keyboard shortcuts, declared once: used for the actions and listed in Help."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mentor_desk.ui.shell.i18n import QT_TRANSLATE_NOOP, translate
from mentor_desk.ui.shell.widgets import named

NEW_PARTICIPANT = "Ctrl+N"
NEW_NOTE = "Ctrl+Shift+N"
SEARCH = "Ctrl+F"
SAVE = "Ctrl+S"
CLOSE_TAB = "Ctrl+W"
LOCK = "Ctrl+L"
CASELOAD = "Ctrl+1"
QUIT = "Ctrl+Q"
HELP = "F1"
SYNC_NOW = "F5"
RELEASE_DAY = "Ctrl+R"
SESSION_ATTENDANCE = "Ctrl+Shift+A"
TEAM = "Ctrl+T"
PRINT_PLAN = "Ctrl+P"
DASHBOARD = "Ctrl+Shift+D"

# Menu and tab titles with their Alt keys, declared once so that no two clash in a window
# (tests/ui/test_shortcuts.py collects what the windows really show) and the Help list
# and docs/ui.md say what the windows do. The windows show them through :func:`tab` and
# :func:`menu`, translated (the Welsh ones are checked for clashes in test_translations.py).
MENUS = {
    "file": QT_TRANSLATE_NOOP("Menus", "&File"),
    "go": QT_TRANSLATE_NOOP("Menus", "&Go"),
    "records": QT_TRANSLATE_NOOP("Menus", "Recor&ds"),
    "export": QT_TRANSLATE_NOOP("Menus", "E&xport"),
    "reports": QT_TRANSLATE_NOOP("Menus", "Report&s"),
    "sync": QT_TRANSLATE_NOOP("Menus", "S&ync"),
    "help": QT_TRANSLATE_NOOP("Menus", "&Help"),
}
TABS = {
    "overview": QT_TRANSLATE_NOOP("Tabs", "&Overview"),
    "notes": QT_TRANSLATE_NOOP("Tabs", "&Notes"),
    "release_day": QT_TRANSLATE_NOOP("Tabs", "&Release day"),
    "assessment": QT_TRANSLATE_NOOP("Tabs", "&Assessment"),
    "risk": QT_TRANSLATE_NOOP("Tabs", "Risk assess&ment"),
    "plan": QT_TRANSLATE_NOOP("Tabs", "&Plan"),
    "signposting": QT_TRANSLATE_NOOP("Tabs", "Signpos&ting"),
    "sessions": QT_TRANSLATE_NOOP("Tabs", "Sessions && chec&k-ins"),
    "consent": QT_TRANSLATE_NOOP("Tabs", "&Consent"),
    "end_of_support": QT_TRANSLATE_NOOP("Tabs", "&End of support"),
    "history": QT_TRANSLATE_NOOP("Tabs", "H&istory"),
}


def tab(key: str) -> str:
    """A participant tab's title in the program's language (English: ``TABS[key]``)."""
    return QCoreApplication.translate("Tabs", TABS[key])


def menu(key: str) -> str:
    """A menu's title in the program's language (English: ``MENUS[key]``)."""
    return QCoreApplication.translate("Menus", MENUS[key])


def mnemonic(title: str) -> str | None:
    """The Alt letter of a Qt title ("Recor&ds" → "D"); '&&' is a plain ampersand."""
    match = re.search(r"(?<!&)&([^&])", title.replace("&&", ""))
    return match.group(1).upper() if match else None


def plain(title: str) -> str:
    """A Qt title as the person reads it ("Sessions && chec&k-ins" → "Sessions & check-ins")."""
    return re.sub(r"&(.)", r"\1", title)


def _alt_row(titles: dict[str, str], what: str, translated: bool) -> tuple[str, str]:
    keys = "Alt+" + ", ".join(str(mnemonic(t)) for t in titles.values())
    listed = ", ".join(plain(t) for t in titles.values())
    row = "{what}: {titles}"
    if translated:
        row = translate("Shortcuts", "{what}: {titles}")
    return keys, row.format(what=what, titles=listed)


def lock_from(dialog: QWidget) -> QShortcut:
    """Ctrl+L inside ``dialog`` locks the program, as it does in the main window.

    A form opened with ``QDialog.open()`` is window-modal, and Qt does not pass a blocked
    window's shortcuts on, so each form that holds typing gets its own. It triggers the
    main window's lock action (found up the parent chain), which keeps the form's draft.
    """

    def lock() -> None:
        widget = dialog.parentWidget()
        while widget is not None:
            action = getattr(widget, "act_lock", None)
            if isinstance(action, QAction):
                action.trigger()
                return
            widget = widget.parentWidget()

    return QShortcut(QKeySequence(LOCK), dialog, lock)


#: Stands in :data:`_LIST` for the row of the tabs' (or the menus') Alt letters.
_TAB_KEYS, _MENU_KEYS = "<tabs>", "<menus>"
_LIST = (
    (NEW_PARTICIPANT, QT_TRANSLATE_NOOP("Shortcuts", "Register a new participant")),
    (NEW_NOTE, QT_TRANSLATE_NOOP("Shortcuts", "Write a new note for the open participant")),
    (SEARCH, QT_TRANSLATE_NOOP("Shortcuts", "Search the caseload (names, references, notes)")),
    (SAVE, QT_TRANSLATE_NOOP("Shortcuts", "Save the note, profile or form you are editing")),
    (CLOSE_TAB, QT_TRANSLATE_NOOP("Shortcuts", "Close the participant you are looking at")),
    (CASELOAD, QT_TRANSLATE_NOOP("Shortcuts", "Go back to the caseload")),
    (LOCK, QT_TRANSLATE_NOOP("Shortcuts", "Lock Mentor Desk now")),
    ("Enter", QT_TRANSLATE_NOOP("Shortcuts", "Open the participant chosen in the caseload")),
    (
        RELEASE_DAY,
        QT_TRANSLATE_NOOP("Shortcuts", "Release-day mode for the chosen or open participant"),
    ),
    (
        SESSION_ATTENDANCE,
        QT_TRANSLATE_NOOP("Shortcuts", "Record attendance for a whole activity session"),
    ),
    (TEAM, QT_TRANSLATE_NOOP("Shortcuts", "Team view of every caseload (coordinators)")),
    (
        PRINT_PLAN,
        QT_TRANSLATE_NOOP("Shortcuts", "Print the plan of the chosen or open participant"),
    ),
    (DASHBOARD, QT_TRANSLATE_NOOP("Shortcuts", "The dashboard: charts of the caseload")),
    (_TAB_KEYS, QT_TRANSLATE_NOOP("Shortcuts", "Tabs of an open participant")),
    (_MENU_KEYS, QT_TRANSLATE_NOOP("Shortcuts", "Menus")),
    (
        "Esc",
        QT_TRANSLATE_NOOP("Shortcuts", "Close a form (asks first when something is not saved)"),
    ),
    (SYNC_NOW, QT_TRANSLATE_NOOP("Shortcuts", "Sync with the partnership server now")),
    (HELP, QT_TRANSLATE_NOOP("Shortcuts", "This list")),
    (QUIT, QT_TRANSLATE_NOOP("Shortcuts", "Quit")),
)


def rows(translated: bool = True) -> list[tuple[str, str]]:
    """The Help list: (keys, what they do), in the program's language or (``translated``
    False) in English, with the Alt letters of the tabs and menus as the window shows them."""

    def words(text: str) -> str:
        return translate("Shortcuts", text) if translated else text

    out = []
    for keys, text in _LIST:
        if keys in (_TAB_KEYS, _MENU_KEYS):
            titles = TABS if keys == _TAB_KEYS else MENUS
            context = "Tabs" if keys == _TAB_KEYS else "Menus"
            shown = {k: translate(context, t) if translated else t for k, t in titles.items()}
            out.append(_alt_row(shown, words(text), translated))
        else:
            out.append((keys, words(text)))
    return out


#: The Help list in English: what docs/ui.md shows and the tests compare with the window.
TABLE = tuple(rows(translated=False))


def markdown() -> str:
    """The table of docs/ui.md, made from :data:`TABLE` (a test checks the two agree)."""
    lines = ["| keys | action |", "| --- | --- |"]
    lines += [f"| {keys} | {text} |" for keys, text in TABLE]
    return "\n".join(lines)


class ShortcutsDialog(QDialog):
    """Help → Keyboard shortcuts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = translate("Shortcuts", "Keyboard shortcuts")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        listed = rows()
        table = named(QTableWidget(len(listed), 2), title)
        table.setHorizontalHeaderLabels(
            [translate("Shortcuts", "Keys"), translate("Shortcuts", "What it does")]
        )
        for row, (keys, text) in enumerate(listed):
            table.setItem(row, 0, QTableWidgetItem(keys))
            table.setItem(row, 1, QTableWidgetItem(text))
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        named(
            buttons.button(QDialogButtonBox.StandardButton.Close), translate("Shortcuts", "Close")
        )
        layout.addWidget(buttons)
        self.resize(520, 420)
