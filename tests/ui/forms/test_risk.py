"""The lone-working risk assessment (issue 15 point 5): the tab, its flags, release day, caseload.

Invented people and risks only.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from mentor_desk.export.common import short_date
from mentor_desk.store.caseload import CaseloadRow
from mentor_desk.ui.caseload.model import SAFETY, CaseloadFilter, CaseloadModel
from mentor_desk.ui.forms.risk import reminder_text, shared_rule
from tests.helpers.ui import TIMEOUT, press, wait_idle
from tests.ui.forms.helpers import participant, query, reload_workspace
from tests.ui.test_ui_accessibility import unnamed_focusable


def _risks(qtbot: QtBot, services: Any) -> list[dict[str, Any]]:
    return query(qtbot, services, lambda s: s.list("risk_assessment", order_by=["-assessed_on"]))


def _person(qtbot: QtBot, services: Any, pid: str) -> dict[str, Any]:
    return query(qtbot, services, lambda s: s.get("participant", pid))


def _add(qtbot: QtBot, services: Any, pid: str, **values: Any) -> dict[str, Any]:
    row = {"participant_id": pid, "assessed_on": date.today().isoformat(), **values}
    return query(qtbot, services, lambda s: s.create("risk_assessment", row))


def _lines(qtbot: QtBot, widget: Any, lines: list[str]) -> None:
    widget.setFocus()
    for n, line in enumerate(lines):
        if n:
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        qtbot.keyClicks(widget, line)


def test_reminder_words() -> None:
    today = date(2026, 12, 1)
    assert reminder_text([], today) == "No risk assessment yet — make one before you meet."
    pairs = {"assessed_on": "2026-11-20", "meet_in_pairs": True, "review_on": "2027-01-03"}
    assert reminder_text([pairs], today) == "Risk assessment: meet in pairs; reviewed by 3 Jan 2027"
    late = {"assessed_on": "2026-06-01", "review_on": "2026-11-03"}
    assert reminder_text([late], today) == "Risk assessment: review overdue since 3 Nov 2026"
    assert reminder_text([{"assessed_on": "2026-11-20"}], today) == (
        "Risk assessment: made 20 Nov 2026"
    )


def test_shared_flags_must_be_raised_flags() -> None:
    assert shared_rule({"flags": ["Meet in public"], "flags_shared": ["Meet in public"]}) == []
    (error,) = shared_rule({"flags": ["Meet in public"], "flags_shared": ["No lone visits"]})
    assert error.field == "flags_shared" and "No lone visits" in error.message


def test_a_mentor_makes_an_assessment_by_keyboard_only(qtbot: QtBot, make_app: Any) -> None:
    services, ws = participant(qtbot, make_app)  # a joined mentor
    pid = ws.participant_id
    qtbot.keyClick(ws.tabs, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    tab = ws.forms.risk
    qtbot.waitUntil(lambda: ws.tabs.currentWidget() is tab, timeout=TIMEOUT)
    assert unnamed_focusable(tab) == []
    assert tab.model.rowCount() == 0 and tab.hint.text() == "Not saved yet"

    tab.new_button.setFocus()
    qtbot.keyClick(tab.new_button, Qt.Key.Key_Space)
    assert QApplication.focusWidget() is tab.form.editors["risks_to_mentor"]
    qtbot.keyClicks(QApplication.focusWidget(), "Has been angry with staff before")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is tab.form.editors["risks_to_others"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # past the triggers
    qtbot.keyClicks(QApplication.focusWidget(), "The library cafe")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    pairs = QApplication.focusWidget()
    assert pairs is tab.form.editors["meet_in_pairs"]  # a new one: a mentor fills it
    qtbot.keyClick(pairs, Qt.Key.Key_Space)
    qtbot.keyClick(pairs, Qt.Key.Key_Tab)
    review = (date.today() + timedelta(days=30)).isoformat()
    qtbot.keyClicks(QApplication.focusWidget(), review)
    _lines(qtbot, tab.form.editors["flags"], ["Meet in public places only", "No home visits"])
    _lines(qtbot, tab.form.editors["flags_shared"], ["Meet in public"])  # not one it raises

    press(qtbot, services, "Ctrl+S")
    wait_idle(qtbot, services)
    assert "not among the flags it raises: Meet in public" in tab.form.message("flags_shared")
    assert tab.error.isVisible() and _risks(qtbot, services) == []  # nothing saved

    shared = tab.form.editors["flags_shared"]
    assert isinstance(shared, QPlainTextEdit)
    shared.selectAll()
    qtbot.keyClicks(shared, "Meet in public places only")
    assert tab.form.message("flags_shared") == ""
    with qtbot.waitSignal(tab.changed, timeout=TIMEOUT):
        press(qtbot, services, "Ctrl+S")
    wait_idle(qtbot, services)
    (saved,) = _risks(qtbot, services)
    assert saved["meet_in_pairs"] is True and saved["review_on"] == review
    assert saved["flags"] == ["Meet in public places only", "No home visits"]
    assert saved["flags_shared"] == ["Meet in public places only"]
    assert saved["meeting_places"] == "The library cafe"

    # A mentor may not change the person's flags: told plainly, nothing changed.
    assert tab.offer is None
    assert tab.flag_note.isVisible()
    assert tab.flag_note.text().startswith("Ask your coordinator to add these flags")
    assert "No home visits" in tab.flag_note.text()
    person = _person(qtbot, services, pid)
    assert not person.get("safety_flags") and not person.get("shared_safety_flags")

    # Saved, its coordinator-owned fields are locked for the mentor …
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=TIMEOUT)
    assert tab.owned_locked() and tab.owned_note.isVisible()
    pairs_box, review_line = tab.form.editors["meet_in_pairs"], tab.form.editors["review_on"]
    assert isinstance(pairs_box, QCheckBox) and isinstance(review_line, QLineEdit)
    assert not pairs_box.isEnabled() and review_line.isReadOnly()
    assert "only a coordinator" in review_line.accessibleDescription()
    # … and a change to the rest never sends them back: a coordinator's new review date
    # that arrives while the mentor is typing stays.
    qtbot.keyClicks(tab.form.editors["triggers"], "Talk of his brother")
    later = (date.today() + timedelta(days=60)).isoformat()
    query(
        qtbot,
        services,
        lambda s: s.update("risk_assessment", saved["id"], {"review_on": later}),
    )
    with qtbot.waitSignal(tab.changed, timeout=TIMEOUT):
        press(qtbot, services, "Ctrl+S")
    wait_idle(qtbot, services)
    (again,) = _risks(qtbot, services)
    assert again["triggers"] == "Talk of his brother" and again["review_on"] == later


def test_a_coordinator_adds_the_flags_to_the_record(qtbot: QtBot, make_app: Any) -> None:
    services, ws = participant(qtbot, make_app, role="coordinator")
    pid = ws.participant_id
    ws.tabs.setCurrentWidget(ws.forms.risk)
    tab = ws.forms.risk
    earlier = _add(qtbot, services, pid, assessed_on="2026-01-10", review_on="2026-04-10")
    reload_workspace(qtbot, services, ws)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=TIMEOUT)
    assert tab.record is not None and tab.record["id"] == earlier["id"]
    assert not tab.owned_locked()  # a coordinator changes them whenever
    assert tab.form.editors["meet_in_pairs"].isEnabled()

    tab.start_new()
    _lines(qtbot, tab.form.editors["flags"], ["Two workers at home visits"])
    _lines(qtbot, tab.form.editors["flags_shared"], ["Two workers at home visits"])
    with qtbot.waitSignal(tab.changed, timeout=TIMEOUT):
        tab.save()
    qtbot.waitUntil(lambda: tab.offer is not None and tab.offer.isVisible(), timeout=TIMEOUT)
    box = tab.offer
    assert box is not None and "Two workers at home visits" in box.text()
    assert box.accessibleName() == "Add the safety flags"
    with qtbot.waitSignal(tab.changed, timeout=TIMEOUT):
        box.button(QMessageBox.StandardButton.Yes).click()
    wait_idle(qtbot, services)
    person = _person(qtbot, services, pid)
    assert person["safety_flags"] == ["Two workers at home visits"]
    assert person["shared_safety_flags"] == ["Two workers at home visits"]

    # Newest first; the header shows the flag; the one just saved stays chosen.
    reload_workspace(qtbot, services, ws)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=TIMEOUT)
    newest, older = tab.model.records()
    assert older["id"] == earlier["id"] and newest["assessed_on"] == date.today().isoformat()
    assert tab.record is not None and tab.record["id"] == newest["id"]
    qtbot.waitUntil(lambda: "Two workers" in ws.header.banner.text(), timeout=TIMEOUT)

    # Saving again offers nothing: the record has the flags already.
    with qtbot.waitSignal(tab.changed, timeout=TIMEOUT):
        tab.save()
    assert tab.offer is None and not tab.flag_note.isVisible()


def test_release_day_reminds_the_mentor_of_the_assessment(qtbot: QtBot, make_app: Any) -> None:
    services, ws = participant(qtbot, make_app)
    panel = ws.forms.release_day
    assert panel.risk.text() == "No risk assessment yet — make one before you meet."
    assert panel.risk.accessibleName() == panel.risk.text()
    review = date.today() + timedelta(days=31)
    _add(
        qtbot,
        services,
        ws.participant_id,
        meet_in_pairs=True,
        review_on=review.isoformat(),
        meeting_places="Probation office reception",
    )
    reload_workspace(qtbot, services, ws)
    expected = f"Risk assessment: meet in pairs; reviewed by {short_date(review)}"
    qtbot.waitUntil(lambda: panel.risk.text() == expected, timeout=TIMEOUT)
    assert panel.risk.accessibleName() == expected
    assert "Probation office reception" in panel.risk.accessibleDescription()


def test_a_review_falling_due_is_a_due_item_on_the_caseload(qtbot: QtBot) -> None:
    today = date.today()

    def row(pid: str, review: date | None, flags: tuple[str, ...] = ()) -> CaseloadRow:
        return CaseloadRow(pid, pid, "Invented Person", "active", "", None, None, None, 0, 0, 0,
                           flags, review)  # fmt: skip

    model = CaseloadModel()
    model.set_rows(
        [row("A-1", today), row("A-2", today + timedelta(days=5)), row("A-3", today, ("Pairs",))]
    )
    texts = {
        model.index(n, 0).data(): model.index(n, SAFETY).data() for n in range(model.rowCount())
    }
    assert texts == {"A-1": "review due", "A-2": "", "A-3": "⚠ 1 · review due"}
    due = model.index(0, SAFETY)
    assert due.data(Qt.ItemDataRole.ToolTipRole) == "Risk assessment review due Today"
    assert due.data(Qt.ItemDataRole.AccessibleTextRole) == (
        "No safety flags; Risk assessment review due Today"
    )
    proxy = CaseloadFilter()
    proxy.setSourceModel(model)
    proxy.set_due_only(True)
    shown = {proxy.index(n, 0).data() for n in range(proxy.rowCount())}
    assert shown == {"A-1", "A-3"}


def test_the_overview_lists_a_review_that_has_come(qtbot: QtBot, make_app: Any) -> None:
    services, ws = participant(qtbot, make_app)
    assert "Risk assessment review" not in ws.overview.due.text()
    _add(qtbot, services, ws.participant_id, review_on=date.today().isoformat())
    reload_workspace(qtbot, services, ws)
    qtbot.waitUntil(
        lambda: "Risk assessment review due Today" in ws.overview.due.text(), timeout=TIMEOUT
    )
