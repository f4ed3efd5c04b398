"""The partner's laptop (issue 15 points 3, 4): their sessions and attendees, attendance at
the pitch, the referral inbox — on a store seeded as a partner's laptop holds it."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mentor_desk.app import Services
from mentor_desk.store.records import Store
from mentor_desk.ui.participant.profile_form import NewParticipantDialog
from mentor_desk.ui.partner.attendance import PitchAttendanceDialog
from mentor_desk.ui.partner.home import FLAGS_COLUMN, PartnerHome
from mentor_desk.ui.partner.inbox import AnswerDialog
from tests.helpers.partner_laptop import PartnerSeed, seed_partner_profile
from tests.helpers.ui import TIMEOUT, _visible, press, start, unlock, wait_idle
from tests.ui.forms.helpers import activate, dialog_of, query

REFUSED = "Not on a partner's computer"


def partner_app(qtbot: QtBot, make_app: Any, profile_dir: Path) -> tuple[Services, PartnerSeed]:
    seed = seed_partner_profile(profile_dir)
    services = make_app()
    start(qtbot, services)
    unlock(qtbot, services)
    home = services.window.partner.home
    assert home is not None
    qtbot.waitUntil(lambda: home.sessions.sessions.rowCount() == 2, timeout=TIMEOUT)
    wait_idle(qtbot, services)
    activate(qtbot, services.window)
    return services, seed


def home_of(services: Services) -> PartnerHome:
    home = services.window.partner.home
    assert home is not None
    return home


def choose_session(qtbot: QtBot, services: Services, name: str) -> None:
    """With the keyboard: the sessions table has focus; arrow down to ``name``."""
    page = home_of(services).sessions
    page.session_table.setFocus()
    qtbot.keyClick(page.session_table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(page.sessions.rowCount()):
        if (page.chosen_session() or {}).get("name") == name:
            break
        qtbot.keyClick(page.session_table, Qt.Key.Key_Down)
    assert (page.chosen_session() or {}).get("name") == name
    wait_idle(qtbot, services)


def test_a_partner_sees_their_sessions_and_attendees_not_the_caseload(
    qtbot: QtBot, make_app: Any, profile_dir: Path, qtmodeltester: Any
) -> None:
    services, _seed = partner_app(qtbot, make_app, profile_dir)
    window, home = services.window, home_of(services)
    assert window.partner_mode and window.stack.currentWidget() is home
    assert window.caseload.model.rowCount() == 0  # the caseload never read the store
    page = home.sessions
    names = [page.sessions.record(r)["name"] for r in range(page.sessions.rowCount())]
    assert names == ["Boxing fitness", "Walking football"]  # not the other organisation's
    choose_session(qtbot, services, "Walking football")
    qtbot.waitUntil(lambda: page.attendees.rowCount() == 2, timeout=TIMEOUT)
    qtmodeltester.check(page.attendees)
    rows = {page.attendees.row(r).reference: r for r in range(2)}  # type: ignore[union-attr]
    flagged = page.attendees.index(rows["LDN-2026-0042"], FLAGS_COLUMN)
    plain = page.attendees.index(rows["LDN-2026-0057"], FLAGS_COLUMN)
    assert page.attendees.index(rows["LDN-2026-0042"], 1).data() == "Sunny"
    assert page.attendees.index(rows["LDN-2026-0057"], 1).data() == "LDN-2026-0057"
    # a flag is an icon AND words, never colour alone
    assert flagged.data() == "⚠ Safety: Do not pair with LDN-2026-0007"
    assert flagged.data(Qt.ItemDataRole.DecorationRole) is not None
    assert plain.data() == "" and plain.data(Qt.ItemDataRole.DecorationRole) is None
    page.attendee_table.selectRow(rows["LDN-2026-0042"])
    assert page.banner.isVisible() and "Do not pair" in page.banner.text()
    assert page.banner.accessibleName() == page.banner.text()
    page.attendee_table.selectRow(rows["LDN-2026-0057"])
    assert not page.banner.isVisible()
    choose_session(qtbot, services, "Boxing fitness")
    qtbot.waitUntil(lambda: page.attendees.rowCount() == 0, timeout=TIMEOUT)
    assert "Nobody has attendance" in page.empty.text()


def test_the_mentors_screens_do_not_open_for_a_partner(
    qtbot: QtBot, make_app: Any, profile_dir: Path
) -> None:
    services, seed = partner_app(qtbot, make_app, profile_dir)
    window = services.window
    for keys in ("Ctrl+N", "Ctrl+Shift+N", "Ctrl+R", "Ctrl+P", "Ctrl+Shift+D"):
        window.statusBar().clearMessage()
        press(qtbot, services, keys)
        wait_idle(qtbot, services)
        assert REFUSED in window.statusBar().currentMessage(), keys
    assert _visible(NewParticipantDialog) is None
    assert window.export_actions.dashboard_window is None
    assert window.open_participant(seed.flagged) is None
    assert window.workspaces() == [] and window.tabs.count() == 1


def test_attendance_at_the_pitch_with_the_keyboard_only(
    qtbot: QtBot, make_app: Any, profile_dir: Path
) -> None:
    services, seed = partner_app(qtbot, make_app, profile_dir)
    page = home_of(services).sessions
    choose_session(qtbot, services, "Walking football")
    qtbot.waitUntil(lambda: page.attendees.rowCount() == 2, timeout=TIMEOUT)
    press(qtbot, services, "Ctrl+Shift+A")  # the window's attendance key: this session's
    dialog = dialog_of(qtbot, PitchAttendanceDialog)
    wait_idle(qtbot, services)
    assert [p.name for p in dialog.people] == ["LDN-2026-0057", "Sunny"]
    assert dialog.save_button.isEnabled()
    # Tab from the date to the table, then each person's choice; letters choose
    dialog.marks[0].setFocus()
    qtbot.keyClicks(dialog.marks[0], "l")
    dialog.marks[1].setFocus()
    qtbot.keyClicks(dialog.marks[1], "y")
    assert [b.currentData() for b in dialog.marks] == ["late", "yes"]
    assert dialog.marks[1].accessibleName() == "Attended: Sunny"
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT) as saved:
        qtbot.keyClick(dialog.marks[1], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert saved.args == [2]
    wait_idle(qtbot, services)
    today = date.today().isoformat()

    def recorded(store: Store) -> list[tuple[str, str, set[str]]]:
        rows = store.list("attendance", where={"attended_on": today})
        fields = {r.record_id: set(r.fields) for r in store.outbox()}
        return sorted((r["participant_id"], r["attended"], fields[r["id"]]) for r in rows)

    wanted = {"participant_id", "session_id", "attended_on", "attended"}
    assert query(qtbot, services, recorded) == sorted(
        [(seed.plain, "late", wanted), (seed.flagged, "yes", wanted)]
    )
    # opened again for today: what was recorded shows, and a change changes it
    press(qtbot, services, "Ctrl+Shift+A")
    again = dialog_of(qtbot, PitchAttendanceDialog)
    qtbot.waitUntil(lambda: again.marks[1].currentData() == "yes", timeout=TIMEOUT)
    again.marks[1].setCurrentIndex(again.marks[1].findData("no"))
    with qtbot.waitSignal(again.saved, timeout=TIMEOUT):
        again.save_button.click()
    wait_idle(qtbot, services)
    got = query(qtbot, services, lambda s: s.list("attendance", where={"attended_on": today}))
    assert sorted(r["attended"] for r in got) == ["late", "no"]


def test_answering_a_referral_from_the_inbox(
    qtbot: QtBot, make_app: Any, profile_dir: Path
) -> None:
    services, seed = partner_app(qtbot, make_app, profile_dir)
    home = home_of(services)
    inbox = home.inbox
    qtbot.waitUntil(lambda: inbox.model.rowCount() == 2, timeout=TIMEOUT)
    home.tabs.setFocus()
    qtbot.keyClick(services.window, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert home.tabs.currentWidget() is inbox
    assert [inbox.model.row(r).referral_id for r in range(2)] == [  # type: ignore[union-attr]
        seed.ref_new,
        seed.ref_old,
    ]
    assert inbox.model.index(0, 5).data() == "Not answered yet"
    inbox.table.setFocus()
    inbox.table.selectRow(0)
    dialog = inbox.answer()
    assert isinstance(dialog, AnswerDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=TIMEOUT)
    dialog.decline_choice.setFocus()
    qtbot.keyClick(dialog.decline_choice, Qt.Key.Key_Space)
    assert dialog.chosen_answer() == "declined"
    assert "Reason for declining" in dialog.reply_label.text()
    dialog.save()  # no reason: refused, nothing written
    wait_idle(qtbot, services)
    assert "Say why" in dialog.error.text() and dialog.isVisible()
    assert query(qtbot, services, lambda s: s.outbox_count()) == 0
    qtbot.keyClicks(dialog.reply, "No places until March")
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT):
        qtbot.keyClick(dialog.reply, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, services)
    [row] = query(qtbot, services, lambda s: s.outbox())
    assert row.record_id == seed.ref_new
    assert set(row.fields) == {"partner_answer", "partner_reply", "answered_on", "status"}
    assert row.fields["status"] == "declined" == row.fields["partner_answer"]
    qtbot.waitUntil(
        lambda: str(inbox.model.index(0, 5).data()).startswith("Declined on"), timeout=TIMEOUT
    )
    assert str(inbox.model.index(0, 5).data()).endswith(": No places until March")


def test_locking_clears_the_partners_home(qtbot: QtBot, make_app: Any, profile_dir: Path) -> None:
    services, _seed = partner_app(qtbot, make_app, profile_dir)
    home = home_of(services)
    press(qtbot, services, "Ctrl+L")
    wait_idle(qtbot, services)
    assert services.window.stack.currentWidget() is services.window.unlock_page
    assert home.sessions.sessions.rowCount() == 0 and home.inbox.model.rowCount() == 0
    assert home.sessions.attendees.rowCount() == 0
    unlock(qtbot, services)
    qtbot.waitUntil(lambda: home.sessions.sessions.rowCount() == 2, timeout=TIMEOUT)
    assert services.window.stack.currentWidget() is home
    assert QApplication.focusWidget() is home.sessions.session_table


def test_the_partners_screens_name_their_controls(
    qtbot: QtBot, make_app: Any, profile_dir: Path
) -> None:
    from tests.ui.test_ui_accessibility import unnamed_focusable

    services, _seed = partner_app(qtbot, make_app, profile_dir)
    home = home_of(services)
    choose_session(qtbot, services, "Walking football")
    assert unnamed_focusable(home.sessions) == []
    press(qtbot, services, "Ctrl+Shift+A")
    dialog = dialog_of(qtbot, PitchAttendanceDialog)
    wait_idle(qtbot, services)
    assert unnamed_focusable(dialog) == []
    dialog.reject()
    home.tabs.setCurrentWidget(home.inbox)
    qtbot.waitUntil(lambda: home.inbox.model.rowCount() == 2, timeout=TIMEOUT)
    assert unnamed_focusable(home.inbox) == []
    answer = home.inbox.answer()
    assert answer is not None
    qtbot.waitUntil(answer.isVisible, timeout=TIMEOUT)
    assert unnamed_focusable(answer) == []
    answer.reject()
