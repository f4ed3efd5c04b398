"""The keyboard the docs promise (issue 12.10, 12.13): what the windows really define.

Menus and tabs are collected from the live main window with a participant open; no two
may share an Alt letter, and the Help list and docs/ui.md (both made from
``ui/shell/shortcuts.py``) must say exactly what the window does.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from mentor_desk.ui.participant.profile_form import NewParticipantDialog
from mentor_desk.ui.shell import shortcuts
from tests.helpers.ui import TIMEOUT, _visible, press, wait_idle
from tests.ui.forms.helpers import activate, add_service, participant, query, reload_workspace

DOCS = Path(__file__).resolve().parents[2] / "docs" / "ui.md"


def _titles(window: QWidget) -> tuple[list[str], list[str]]:
    """The menu bar's menus and the titles of every tab strip showing in ``window``."""
    menus = [a.text() for a in window.menuBar().actions() if a.menu() is not None]  # type: ignore[attr-defined]
    tabs = [
        tw.tabText(i)
        for tw in window.findChildren(QTabWidget)
        if tw.isVisible()
        for i in range(tw.count())
    ]
    return menus, tabs


def test_every_menu_and_tab_has_its_own_alt_letter(qtbot: QtBot, make_app: Any) -> None:
    services, ws = participant(qtbot, make_app)
    menus, tabs = _titles(services.window)
    assert sorted(menus) == sorted(shortcuts.MENUS.values())
    for title in shortcuts.TABS.values():
        assert title in tabs, title
    owners: dict[str, list[str]] = defaultdict(list)
    for title in menus + [t for t in tabs if t in shortcuts.TABS.values()]:
        letter = shortcuts.mnemonic(title)
        assert letter, f"{title!r} has no Alt letter"
        owners[letter].append(shortcuts.plain(title))
    clashes = {k: v for k, v in owners.items() if len(v) > 1}
    assert clashes == {}
    # A participant's own tab title (their name) never takes an Alt letter from a menu.
    for title in tabs:
        if title not in shortcuts.TABS.values():
            assert shortcuts.mnemonic(title) is None, title

    # And the letters really move between tabs.
    for key, page in (
        (Qt.Key.Key_N, ws.notes),
        (Qt.Key.Key_C, ws.forms.consent),
        (Qt.Key.Key_I, ws.forms.history),
        (Qt.Key.Key_O, ws.overview),
    ):
        qtbot.keyClick(ws.tabs, key, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda page=page: ws.tabs.currentWidget() is page, timeout=TIMEOUT)


def test_the_help_list_names_every_shortcut_the_window_defines(qtbot: QtBot, make_app: Any) -> None:
    services, _ws = participant(qtbot, make_app)
    window = services.window
    defined = {
        a.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
        for a in window.findChildren(QAction)
        if not a.shortcut().isEmpty()
    } | {
        s.key().toString(QKeySequence.SequenceFormat.PortableText)
        for s in window.findChildren(QShortcut)
        if s.parent() is window
    }
    listed = {keys for keys, _text in shortcuts.TABLE if keys.startswith(("Ctrl", "F"))}
    assert defined - listed == set(), "a shortcut the Help list does not mention"
    assert listed - defined == set(), "the Help list promises a shortcut nothing defines"


def test_docs_table_is_the_help_list() -> None:
    assert shortcuts.markdown() in DOCS.read_text(encoding="utf-8")


def test_mnemonic_reading() -> None:
    assert shortcuts.mnemonic("Recor&ds") == "D"
    assert shortcuts.mnemonic("Sessions && chec&k-ins") == "K"
    assert shortcuts.mnemonic("Tom && Jerry") is None
    assert shortcuts.plain("Sessions && chec&k-ins") == "Sessions & check-ins"


def test_ctrl_s_saves_in_every_kind_of_form(qtbot: QtBot, make_app: Any) -> None:
    """Issue 12.13: New participant, Record consent and Refer… save with Ctrl+S."""
    services, ws = participant(qtbot, make_app)

    # New participant (Ctrl+N, type, Ctrl+S from inside the text box).
    press(qtbot, services, "Ctrl+N")
    qtbot.waitUntil(lambda: _visible(NewParticipantDialog) is not None, timeout=TIMEOUT)
    new = _visible(NewParticipantDialog)
    assert isinstance(new, NewParticipantDialog)
    qtbot.waitUntil(new.save_button.isEnabled, timeout=TIMEOUT)
    qtbot.keyClicks(new.form.editors["given_name"], "Kai")
    qtbot.keyClicks(new.form.editors["family_name"], "Shortcut")
    with qtbot.waitSignal(new.created, timeout=TIMEOUT):
        press(qtbot, services, "Ctrl+S")
    wait_idle(qtbot, services)
    people = query(qtbot, services, lambda s: [p["family_name"] for p in s.list("participant")])
    assert "Shortcut" in people

    # Record consent.
    services.window.tabs.setCurrentWidget(ws)
    ws.tabs.setCurrentWidget(ws.forms.consent)
    consent = ws.forms.consent.record_consent()
    assert consent is not None
    qtbot.waitExposed(consent)
    activate(qtbot, consent)  # offscreen, the closed form before left no window active
    qtbot.keyClicks(consent.form.editors["privacy_notice_version"], "2026-01")
    with qtbot.waitSignal(consent.saved, timeout=TIMEOUT):
        qtbot.keyClick(
            consent.form.editors["privacy_notice_version"],
            Qt.Key.Key_S,
            Qt.KeyboardModifier.ControlModifier,
        )
    wait_idle(qtbot, services)
    assert query(qtbot, services, lambda s: len(s.list("consent"))) == 1

    # Refer… (a signposting needs nothing more than the service).
    add_service(qtbot, services, "Step Up Housing")
    reload_workspace(qtbot, services, ws)
    refer = ws.forms.signposting.refer()
    assert refer is not None
    qtbot.waitExposed(refer)
    activate(qtbot, refer)
    kind = refer.form.editors["kind"]
    assert isinstance(kind, QComboBox)
    kind.setCurrentIndex(kind.findData("signposted"))
    with qtbot.waitSignal(refer.saved, timeout=TIMEOUT):
        qtbot.keyClick(refer, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, services)
    assert query(qtbot, services, lambda s: len(s.list("referral"))) == 1
