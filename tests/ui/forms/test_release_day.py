"""Release day: the tab, the keyboard-only checklist, the countdown and release-day mode."""

from __future__ import annotations

import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from mentor_desk.ui.forms.checklist import countdown_text
from mentor_desk.ui.forms.common import local_text, utc_iso
from mentor_desk.ui.forms.release_day import ReleaseDayWindow
from mentor_desk.ui.shell.files import documents_folder
from tests.helpers.ui import TIMEOUT, press, wait_idle
from tests.ui.forms.helpers import dialog_of, participant, query


def _local(delta: timedelta) -> str:
    return (datetime.now().astimezone() + delta).strftime("%Y-%m-%d %H:%M")


def test_countdown_words() -> None:
    now = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    assert countdown_text(now + timedelta(hours=3, minutes=20), now) == "in 3 h 20 min"
    assert countdown_text(now - timedelta(minutes=40), now) == "overdue by 40 min"
    assert countdown_text(now + timedelta(seconds=20), now) == "now"
    assert countdown_text(now + timedelta(days=2, hours=1), now) == "in 2 days 1 h"


def test_local_text_round_trips() -> None:
    assert local_text(utc_iso("2026-11-23 09:30")) == "2026-11-23 09:30"
    assert utc_iso("2026-02-30 09:30") == "2026-02-30 09:30"  # left for validation to name


def test_release_day_filled_in_by_keyboard_only(qtbot: QtBot, make_app: Any) -> None:
    services, ws = participant(qtbot, make_app)
    ws.tabs.setCurrentWidget(ws.forms.release_day)
    panel = ws.forms.release_day
    form = panel.form
    planned = form.editors["planned_release_at"]
    assert isinstance(planned, QLineEdit)
    planned.setFocus()
    planned.selectAll()
    qtbot.keyClicks(planned, _local(timedelta(hours=-1)))
    qtbot.keyClick(planned, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "HMP Leeds")  # prison
    appointment = form.editors["probation_appointment_at"]
    qtbot.keyClicks(appointment, _local(timedelta(hours=3, minutes=21)))
    qtbot.keyClicks(form.editors["probation_appointment_place"], "Probation office, Park Row")
    assert panel.countdown.text() in ("in 3 h 20 min", "in 3 h 19 min")

    # The checklist from the keyboard: a letter picks the state, Tab goes to the note.
    first = panel.checklist.first()
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_D)
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "Hostel on York Road")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    second = QApplication.focusWidget()
    assert second is panel.checklist.selectors["longer_term_accommodation"]
    qtbot.keyClick(second, Qt.Key.Key_A)
    qtbot.keyClick(second, Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    third = QApplication.focusWidget()
    assert third is panel.checklist.selectors["probation_appointment"]
    qtbot.keyClick(third, Qt.Key.Key_Right)  # from outstanding round to done
    assert "Done" in third.accessibleName()
    qtbot.keyClick(third, Qt.Key.Key_N)
    assert third.accessibleName() == "First probation appointment: Not needed"
    qtbot.keyClick(third, Qt.Key.Key_D)
    assert panel.countdown.text() == "✓ done"

    with qtbot.waitSignal(panel.changed, timeout=TIMEOUT):
        press(qtbot, services, "Ctrl+S")
    wait_idle(qtbot, services)
    [rec] = query(qtbot, services, lambda s: s.list("release_day"))
    assert rec["prison"] == "HMP Leeds"
    assert rec["checklist"]["stay_tonight"] == {"state": "done", "note": "Hostel on York Road"}
    assert rec["checklist"]["longer_term_accommodation"]["state"] == "arranged"
    assert rec["checklist"]["probation_appointment"]["state"] == "done"
    assert rec["checklist"]["gp_registration"]["state"] == "outstanding"
    assert local_text(rec["probation_appointment_at"]) == _local(timedelta(hours=3, minutes=21))


def test_release_day_says_what_is_wrong(qtbot: QtBot, make_app: Any) -> None:
    services, ws = participant(qtbot, make_app)
    panel = ws.forms.release_day
    form = panel.form
    planned = form.editors["planned_release_at"]
    assert isinstance(planned, QLineEdit)
    qtbot.keyClicks(planned, "2026-02-30 10:00")
    assert form.message("planned_release_at") == ("Planned release is not a real date and time")
    planned.clear()
    qtbot.keyClicks(planned, _local(timedelta(days=-3 * 365)))
    assert "more than a year ago" in form.message("planned_release_at")
    planned.clear()
    qtbot.keyClicks(planned, _local(timedelta(days=3 * 365)))
    assert "more than two years away" in form.message("planned_release_at")
    planned.setText(_local(timedelta(days=-1)))
    assert form.message("planned_release_at") == ""
    prison = form.editors["prison"]
    assert isinstance(prison, QLineEdit)
    prison.setText("x" * 201)
    assert "is too long (201 characters; the most is 200)" in form.message("prison")
    panel.save()
    assert panel.error.isVisibleTo(panel)
    assert query(qtbot, services, lambda s: s.list("release_day")) == []

    prison.setText("Тюрьма Белмарш — 監獄")  # non-Latin text survives the encrypted store
    with qtbot.waitSignal(panel.changed, timeout=TIMEOUT):
        assert panel.save()
    wait_idle(qtbot, services)
    [rec] = query(qtbot, services, lambda s: s.list("release_day"))
    assert rec["prison"] == "Тюрьма Белмарш — 監獄"


def test_release_day_mode_opens_from_the_caseload_in_one_action(
    qtbot: QtBot, make_app: Any
) -> None:
    services, ws = participant(qtbot, make_app)
    window = services.window
    window.close_tab(window.tabs.indexOf(ws))
    window.tabs.setCurrentWidget(window.caseload)
    qtbot.waitUntil(lambda: window.caseload.proxy.rowCount() == 1, timeout=TIMEOUT)
    window.caseload.table.setFocus()
    window.caseload.table.selectRow(0)
    press(qtbot, services, "Ctrl+R")
    mode = dialog_of(qtbot, ReleaseDayWindow)
    qtbot.waitUntil(lambda: "Noor Haddad" in mode.who.text(), timeout=TIMEOUT)
    panel = mode.panel
    panel.form.editors["probation_appointment_at"].setFocus()
    qtbot.keyClicks(panel.form.editors["probation_appointment_at"], _local(timedelta(minutes=-41)))
    assert panel.countdown.text() in ("overdue by 40 min", "overdue by 41 min")
    qtbot.keyClick(panel.checklist.first(), Qt.Key.Key_D)
    with qtbot.waitSignal(panel.changed, timeout=TIMEOUT):
        qtbot.keyClick(panel.checklist.first(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, services)
    [rec] = query(qtbot, services, lambda s: s.list("release_day"))
    assert rec["checklist"]["stay_tonight"]["state"] == "done"
    mode.reject()


def test_release_day_mode_saves_a_private_sheet_without_team_notes(
    qtbot: QtBot,
    make_app: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    permissive_umask: None,
) -> None:
    """Issue 12.4 and 12.5 from release-day mode's own "save the sheet" button: the file is
    0600 under umask 022, and the probation item's note is not on the sheet."""
    services, ws = participant(qtbot, make_app)
    window = services.window
    window.close_tab(window.tabs.indexOf(ws))
    window.tabs.setCurrentWidget(window.caseload)
    qtbot.waitUntil(lambda: window.caseload.proxy.rowCount() == 1, timeout=TIMEOUT)
    window.caseload.table.setFocus()
    window.caseload.table.selectRow(0)
    press(qtbot, services, "Ctrl+R")
    mode_window = dialog_of(qtbot, ReleaseDayWindow)
    qtbot.waitUntil(lambda: "Noor Haddad" in mode_window.who.text(), timeout=TIMEOUT)
    panel = mode_window.panel
    probation = panel.checklist.selectors["probation_appointment"]
    probation.setFocus()
    qtbot.keyClick(probation, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "TEAMNOTE-MARKER practitioner is worried")
    with qtbot.waitSignal(panel.changed, timeout=TIMEOUT):
        qtbot.keyClick(panel.checklist.first(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, services)
    [rec] = query(qtbot, services, lambda s: s.list("release_day"))
    assert "TEAMNOTE-MARKER" in rec["checklist"]["probation_appointment"]["note"]

    out = tmp_path / "what-happens-next.pdf"
    offered: list[str] = []

    def system_dialog(_parent: Any, _caption: str, start: str, _filter: str) -> tuple[str, str]:
        offered.append(start)  # the system's own dialog cannot be driven: where it opens
        return str(out), "PDF (*.pdf)"

    monkeypatch.setattr("mentor_desk.ui.shell.files.QFileDialog.getSaveFileName", system_dialog)
    mode_window.sheet_button.click()
    qtbot.waitUntil(lambda: panel.hint.text() == "Sheet saved", timeout=TIMEOUT)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    text = " ".join(" ".join(p.extract_text() or "" for p in PdfReader(out).pages).split())
    assert "What happens next" in text and "To be arranged" in text
    assert "TEAMNOTE-MARKER" not in text
    # Issue 12.15: it opens in Documents, not the folder the program was started from.
    assert offered == [str(documents_folder() / "what-happens-next.pdf")]
    mode_window.reject()
