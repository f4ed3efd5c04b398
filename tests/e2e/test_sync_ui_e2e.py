"""The desktop program against a real partnership server: joining, background sync, the
status bar, conflicts, refused changes, revocation — and the GUI thread never waits."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from mentor_desk.app import AppConfig, Services, build
from mentor_desk.store.keys import KdfParams
from mentor_desk.store.records import Store
from mentor_desk.sync.transport import Transport
from mentor_desk.ui.shell.theme import apply_theme
from mentor_desk.ui.sync.attention import AttentionDialog
from mentor_desk.ui.sync.conflicts import ConflictsDialog
from mentor_desk.ui.sync.controller import Phase, SyncTiming
from mentor_desk.ui.sync.join import JoinDialog
from mentor_desk.ui.sync.sign_in_again import SignInAgainDialog
from tests.helpers.server_proc import PASSWORD, Laptop, ServerProcess
from tests.helpers.ui import add_participant, first_run, open_note_editor, press, shutdown, start

# The offscreen platform can neither resize native dialogs to their hints nor raise windows.
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)

TIMEOUT = 30_000
FAST = SyncTiming(debounce_ms=300, probe_first_s=0.2, probe_max_s=1.0, interval_ms=600_000)
NO_AUTO = SyncTiming(debounce_ms=600_000, probe_first_s=0.2, probe_max_s=1.0, interval_ms=600_000)
MakeLaptop = Callable[..., Laptop]
PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def make_gui(qapp: QApplication, tmp_path: Path) -> Iterator[Callable[..., Services]]:
    apply_theme(qapp)
    built: list[Services] = []

    def factory(timing: SyncTiming = FAST, name: str = "gui") -> Services:
        config = AppConfig(
            profile_dir=tmp_path / name, kdf=KdfParams.fast_for_tests(), sync_timing=timing
        )
        services = build(config)
        built.append(services)
        return services

    yield factory
    for services in built:
        shutdown(services)


def on_store(services: Services, fn: Callable[[Store], Any]) -> Any:
    """Run ``fn`` on the program's store worker (the test thread waits; the program doesn't)."""
    return services.worker.submit(fn).result(timeout=30)


def status(services: Services) -> str:
    return services.sync_ui.status.text.text()


def wait_synced(qtbot: QtBot, services: Services, timeout: int = TIMEOUT) -> None:
    def done() -> bool:
        state = services.sync.state
        counts = state.counts
        return (
            state.phase is Phase.IDLE
            and not services.sync.running
            and counts is not None
            and counts.waiting == 0
            and counts.last_synced is not None
        )

    qtbot.waitUntil(done, timeout=timeout)


def join_from_first_run(
    qtbot: QtBot, services: Services, server: ServerProcess, username: str = "mentor_a"
) -> None:
    start(qtbot, services)
    window = services.window
    qtbot.mouseClick(window.first_run.join_button, Qt.MouseButton.LeftButton)
    page = services.sync_ui.join_page
    assert window.stack.currentWidget() is page
    qtbot.keyClicks(page.fields.address, server.url)
    qtbot.keyClicks(page.fields.username, username)
    qtbot.keyClicks(page.fields.password, PASSWORD)
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClicks(page.repeat, PASSPHRASE)
    assert page.join_button.isEnabled()
    with qtbot.waitSignal(window.unlocked, timeout=TIMEOUT):
        qtbot.mouseClick(page.join_button, Qt.MouseButton.LeftButton)


def close_first_sync(qtbot: QtBot, services: Services) -> None:
    dialog = services.sync_ui.first_sync
    if dialog is not None and dialog.isVisible():
        qtbot.mouseClick(dialog.keep_working, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: services.sync_ui.first_sync is None, timeout=TIMEOUT)


def revoke(server: ServerProcess, device_id: str) -> None:
    login = requests.post(
        f"{server.url}/api/v1/auth/login",
        json={"username": "admin", "password": PASSWORD, "device_name": "script"},
        timeout=10,
    ).json()
    resp = requests.post(
        f"{server.url}/api/v1/admin/devices/{device_id}/revoke",
        headers={"Authorization": f"Bearer {login['token']}"},
        timeout=10,
    )
    assert resp.status_code == 200, resp.text


def logout(server: ServerProcess, token: str) -> None:
    """What "log out" on the server does: the device's token is forgotten (401 from now on)."""
    resp = requests.post(
        f"{server.url}/api/v1/auth/logout",
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    assert resp.status_code == 200, resp.text


def test_join_from_first_run_then_f5_shares_a_new_participant(
    qtbot: QtBot, server: ServerProcess, make_gui: Callable[..., Services], laptop: MakeLaptop
) -> None:
    services = make_gui(NO_AUTO)
    join_from_first_run(qtbot, services, server)
    # a first sync: the progress dialog comes up and can be sent to the background
    qtbot.waitUntil(lambda: services.sync_ui.first_sync is not None, timeout=TIMEOUT)
    dialog = services.sync_ui.first_sync
    assert dialog is not None and dialog.isVisible()
    qtbot.mouseClick(dialog.keep_working, Qt.MouseButton.LeftButton)  # or "Close" if done
    assert not dialog.isVisible()
    wait_synced(qtbot, services)
    qtbot.waitUntil(lambda: services.sync_ui.first_sync is None, timeout=TIMEOUT)
    assert status(services) == "Synced just now"
    assert on_store(services, lambda s: s.meta("server_token"))  # kept in the encrypted store

    pid = add_participant(qtbot, services, "Jordan", "Ellis")
    qtbot.waitUntil(lambda: "1 change" in status(services), timeout=TIMEOUT)
    assert status(services) == "Synced just now — 1 change waiting"
    press(qtbot, services, "F5")
    wait_synced(qtbot, services)
    assert status(services).startswith("Synced just now")

    office = laptop("coordinator")
    office.sync()
    assert office.s.get("participant", pid) is not None


def test_offline_keeps_changes_and_syncs_by_itself_when_the_server_is_back(
    qtbot: QtBot, server: ServerProcess, make_gui: Callable[..., Services], laptop: MakeLaptop
) -> None:
    services = make_gui(FAST)
    join_from_first_run(qtbot, services, server)
    wait_synced(qtbot, services)
    close_first_sync(qtbot, services)
    server.stop()
    ids = [add_participant(qtbot, services, f"Person{i}", "Offline") for i in range(2)]
    qtbot.waitUntil(lambda: services.sync.state.phase is Phase.OFFLINE, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: status(services) == "Offline — 2 changes waiting", timeout=TIMEOUT)
    assert services.sync.probing() or services.sync.running
    assert on_store(services, lambda s: s.outbox_count()) == 2  # nothing lost

    server.start()  # same port, same database: the probe notices without anyone pressing F5
    wait_synced(qtbot, services)
    assert status(services).startswith("Synced")
    office = laptop("coordinator")
    office.sync()
    assert all(office.s.get("participant", pid) is not None for pid in ids)


def test_a_conflict_from_a_second_laptop_is_reviewed_and_settled(
    qtbot: QtBot, server: ServerProcess, make_gui: Callable[..., Services], laptop: MakeLaptop
) -> None:
    services = make_gui(NO_AUTO)
    join_from_first_run(qtbot, services, server)
    wait_synced(qtbot, services)
    close_first_sync(qtbot, services)
    pid = add_participant(qtbot, services, "Sam", "Okafor")
    press(qtbot, services, "F5")
    wait_synced(qtbot, services)

    other = laptop("mentor_a")  # the same mentor on a second laptop
    other.sync()
    other.s.update("participant", pid, {"phone": "07700 900111"})
    other.sync()
    on_store(services, lambda s: s.update("participant", pid, {"phone": "07700 900222"}))
    press(qtbot, services, "F5")
    wait_synced(qtbot, services)
    link = services.sync_ui.status.conflicts
    assert link.isVisible() and link.text() == "1 conflict needs a look"

    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    dialog = services.sync_ui.conflicts
    assert isinstance(dialog, ConflictsDialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=TIMEOUT)
    assert dialog.mine_value.toPlainText() == "07700 900222"
    assert dialog.theirs_value.toPlainText() == "07700 900111"
    assert dialog.title.text() == "Sam Okafor — Profile: Phone"
    assert dialog.mine_who.text().startswith("You, on this computer — ")
    assert dialog.theirs_who.text().startswith("You, earlier — ")  # the same mentor, elsewhere
    qtbot.mouseClick(dialog.keep_mine, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not services.sync_ui.status.conflicts.isVisible(), timeout=TIMEOUT)
    wait_synced(qtbot, services)

    other.sync()
    other_rec = other.s.get("participant", pid)
    assert other_rec is not None and other_rec["phone"] == "07700 900222"
    account = Transport(server.url, other.s.meta("server_token"))
    assert account.conflicts()["conflicts"] == []  # closed on the server too


def test_a_refused_change_waits_in_needs_attention_and_can_be_discarded(
    qtbot: QtBot, server: ServerProcess, make_gui: Callable[..., Services]
) -> None:
    services = make_gui(NO_AUTO)
    join_from_first_run(qtbot, services, server)
    wait_synced(qtbot, services)
    close_first_sync(qtbot, services)
    pid = add_participant(qtbot, services, "Lee", "Carter")
    other = server.users["mentor_a2"]["id"]
    on_store(services, lambda s: s.update("participant", pid, {"assigned_mentor_id": other}))
    press(qtbot, services, "F5")
    wait_synced(qtbot, services)
    link = services.sync_ui.status.attention
    assert link.isVisible() and link.text() == "1 change needs attention"

    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    dialog = services.sync_ui.attention
    assert isinstance(dialog, AttentionDialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=TIMEOUT)
    assert "Lee Carter" in dialog.detail.toPlainText()
    assert "not allowed" in dialog.detail.toPlainText()
    qtbot.mouseClick(dialog.discard_button, Qt.MouseButton.LeftButton)
    confirm = dialog._confirm
    assert isinstance(confirm, QMessageBox)
    discard = next(b for b in confirm.buttons() if b.text() == "Discard")
    qtbot.mouseClick(discard, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not link.isVisible(), timeout=TIMEOUT)
    assert (
        on_store(
            services, lambda s: len(s.conn.execute("SELECT * FROM needs_attention").fetchall())
        )
        == 0
    )


def test_a_revoked_computer_is_wiped_and_back_at_first_run(
    qtbot: QtBot, server: ServerProcess, make_gui: Callable[..., Services]
) -> None:
    services = make_gui(NO_AUTO)
    join_from_first_run(qtbot, services, server)
    wait_synced(qtbot, services)
    close_first_sync(qtbot, services)
    add_participant(qtbot, services, "Alex", "Byrne")
    revoke(server, on_store(services, lambda s: s.meta("server_device_id")))
    press(qtbot, services, "F5")
    window = services.window
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.first_run, timeout=TIMEOUT)
    assert not services.profile.exists()
    notice = services.sync_ui.notice
    assert notice is not None and "withdrawn" in notice.text()
    assert not window.is_unlocked and window.caseload.model.rowCount() == 0


def test_joining_an_existing_profile_uploads_everything_without_blocking_the_screen(
    qtbot: QtBot, server: ServerProcess, make_gui: Callable[..., Services], laptop: MakeLaptop
) -> None:
    services = make_gui(NO_AUTO)
    start(qtbot, services)
    first_run(qtbot, services)
    rows = [
        {
            "reference": f"T-{i:05d}",
            "given_name": f"Test{i}",
            "family_name": "Person",
            "status": "active",
        }
        for i in range(3000)
    ]
    on_store(services, lambda s: s.create_many("participant", rows))
    services.sync.refresh_counts()
    qtbot.waitUntil(
        lambda: "3,000 changes will be shared" in services.sync_ui.status.text.toolTip(),
        timeout=TIMEOUT,
    )

    window = services.window
    services.sync_ui.act_join.trigger()
    dialog = services.sync_ui.join_dialog
    assert isinstance(dialog, JoinDialog)
    qtbot.keyClicks(dialog.fields.address, server.url)
    qtbot.keyClicks(dialog.fields.username, "mentor_a")
    qtbot.keyClicks(dialog.fields.password, PASSWORD)

    ticks: list[int] = []
    clock = QElapsedTimer()
    clock.start()
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(clock.elapsed()))
    timer.start()
    progress: list[tuple[str, int, int]] = []
    services.sync.progress.connect(lambda p, d, t: progress.append((p, d, t)))
    began = time.monotonic()
    qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: services.sync.running, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: "Syncing" in status(services), timeout=TIMEOUT)
    first = services.sync_ui.first_sync
    assert first is not None and first.isVisible()
    qtbot.mouseClick(first.keep_working, Qt.MouseButton.LeftButton)  # to the background
    assert not first.isVisible() and services.sync.running
    press(qtbot, services, "F5")  # only one cycle at a time
    assert window.statusBar().currentMessage() == "A sync is already running."
    # The whole profile goes up: on PostgreSQL, with the rest of the suite on two cores, it
    # has taken longer than 30 s; what is checked is that it finishes and the screen answers.
    wait_synced(qtbot, services, timeout=120_000)
    timer.stop()
    took = time.monotonic() - began

    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert took > 0.5 and len(ticks) > 20
    # Work on the GUI thread would stall it for the whole sync (seconds); a busy CI machine
    # alone can delay one tick by a quarter of a second, so the line is drawn at one second.
    assert max(gaps) < 1000, f"the GUI thread stalled for {max(gaps)} ms during a {took:.1f} s sync"
    assert any(p == "push" and t == 3000 for p, _d, t in progress)
    dialog_shown = services.sync_ui.first_sync
    assert dialog_shown is None or dialog_shown.ended
    office = laptop("coordinator")
    office.sync()
    assert office.s.count("participant") == 3000


def test_a_logged_out_computer_signs_in_again_and_sends_what_waited(
    qtbot: QtBot, server: ServerProcess, make_gui: Callable[..., Services], laptop: MakeLaptop
) -> None:
    services = make_gui(NO_AUTO)
    join_from_first_run(qtbot, services, server)
    wait_synced(qtbot, services)
    close_first_sync(qtbot, services)
    old_token = on_store(services, lambda s: s.meta("server_token"))
    logout(server, old_token)
    pid = add_participant(qtbot, services, "Robin", "Shaw")

    press(qtbot, services, "F5")
    qtbot.waitUntil(lambda: services.sync.state.signed_out, timeout=TIMEOUT)
    sync_ui = services.sync_ui
    assert services.sync.state.phase is Phase.STOPPED
    assert status(services) == "Signed out of the server — 1 change waiting, kept safely"
    assert services.profile.exists() and services.window.is_unlocked  # not a revocation
    link = sync_ui.status.sign_in
    assert link.isVisible() and link.text() == "Sign in again…"
    assert sync_ui.act_sign_in.isEnabled()

    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    dialog = sync_ui.sign_in_dialog
    assert isinstance(dialog, SignInAgainDialog) and dialog.isVisible()
    assert dialog.url == server.url
    qtbot.waitUntil(lambda: dialog.username.text() == "mentor_a", timeout=TIMEOUT)
    qtbot.keyClicks(dialog.password, "not the password")
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=TIMEOUT)
    assert dialog.error.text() == "The username or password is not right."
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    wait_synced(qtbot, services)
    assert sync_ui.sign_in_dialog is None and not link.isVisible()
    assert not sync_ui.act_sign_in.isEnabled()
    assert status(services) == "Synced just now"
    assert on_store(services, lambda s: s.meta("server_token")) not in (None, old_token)

    office = laptop("coordinator")
    office.sync()
    assert office.s.get("participant", pid) is not None


def test_signing_in_again_as_another_account_is_refused(
    qtbot: QtBot, server: ServerProcess, make_gui: Callable[..., Services]
) -> None:
    services = make_gui(NO_AUTO)
    join_from_first_run(qtbot, services, server)
    wait_synced(qtbot, services)
    close_first_sync(qtbot, services)
    token = on_store(services, lambda s: s.meta("server_token"))
    logout(server, token)
    press(qtbot, services, "F5")
    qtbot.waitUntil(lambda: services.sync.state.signed_out, timeout=TIMEOUT)
    services.sync_ui.act_sign_in.trigger()
    dialog = services.sync_ui.sign_in_dialog
    assert isinstance(dialog, SignInAgainDialog)
    qtbot.waitUntil(lambda: dialog.username.text() == "mentor_a", timeout=TIMEOUT)
    dialog.username.clear()
    qtbot.keyClicks(dialog.username, "mentor_a2")
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=TIMEOUT)
    assert "not the one this profile belongs to" in dialog.error.text()
    assert on_store(services, lambda s: s.meta("server_token")) == token
    assert services.sync.state.signed_out


def test_open_workspaces_show_pulled_changes_and_keep_unsaved_typing(
    qtbot: QtBot, server: ServerProcess, make_gui: Callable[..., Services], laptop: MakeLaptop
) -> None:
    services = make_gui(NO_AUTO)
    join_from_first_run(qtbot, services, server)
    wait_synced(qtbot, services)
    close_first_sync(qtbot, services)
    clean = add_participant(qtbot, services, "Ash", "Moran")
    typing = add_participant(qtbot, services, "Bea", "Quinn")
    press(qtbot, services, "F5")
    wait_synced(qtbot, services)

    window = services.window
    ws_clean = window.open_participant(clean)
    ws_typing = window.open_participant(typing)
    qtbot.waitUntil(
        lambda: ws_typing.overview.form.values()["given_name"] == "Bea", timeout=TIMEOUT
    )
    area = ws_typing.overview.form.editors["area"]
    qtbot.keyClicks(area, "Northside")  # unsaved typing in the profile
    assert ws_typing.overview.dirty
    editor = open_note_editor(qtbot, services)  # and a note being written
    qtbot.keyClicks(editor.text, "Talked about housing")

    other = laptop("mentor_a")  # the same mentor on a second laptop
    other.sync()
    other.s.update("participant", clean, {"phone": "07700 900333", "preferred_name": "Ashe"})
    other.s.update("participant", typing, {"phone": "07700 900444"})
    other.sync()

    press(qtbot, services, "F5")
    wait_synced(qtbot, services)
    form = ws_clean.overview.form
    qtbot.waitUntil(lambda: form.values()["phone"] == "07700 900333", timeout=TIMEOUT)
    assert form.values()["preferred_name"] == "Ashe"
    qtbot.waitUntil(lambda: ws_clean.header.name.text().startswith("Ashe"), timeout=TIMEOUT)
    assert not ws_clean.overview.dirty
    # the form with unsaved edits and the note editor were left alone
    assert ws_typing.overview.dirty
    assert ws_typing.overview.form.values()["area"] == "Northside"
    assert ws_typing.overview.form.values()["phone"] is None
    assert ws_typing.notes.editor is editor and editor.text.toPlainText() == "Talked about housing"

    # saving sends only what was typed here: the pulled phone number stays
    ws_typing.overview.save()
    qtbot.waitUntil(lambda: not services.runner.pending, timeout=TIMEOUT)
    record = on_store(services, lambda s: s.get("participant", typing))
    assert record["area"] == "Northside" and record["phone"] == "07700 900444"
    qtbot.waitUntil(
        lambda: ws_typing.overview.form.values()["phone"] == "07700 900444", timeout=TIMEOUT
    )
