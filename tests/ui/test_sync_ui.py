"""Sync in the program without a server: wording, back-off, local-only status, the stops that
need the person (update banner, mass-delete question), and the store operations behind the
conflict and needs-attention screens."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from mentor_desk.app import Services
from mentor_desk.store.records import Store
from mentor_desk.sync.account import ServerAccount
from mentor_desk.sync.engine import SyncReport
from mentor_desk.sync.protocol import ClientTooOld, MassDeleteStopped, Offline
from mentor_desk.ui.sync import wording as sync_ops
from mentor_desk.ui.sync.conflicts import conflicts_model
from mentor_desk.ui.sync.controller import Backoff, Phase, SyncState
from mentor_desk.ui.sync.join import JoinDialog
from mentor_desk.ui.sync.status import ago, describe
from mentor_desk.ui.sync.wording import Counts
from tests.helpers.server_proc import free_port
from tests.helpers.ui import add_participant, first_run, press, start, wait_idle

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def counts(waiting: int = 0, last: datetime | None = None, **kw: Any) -> Counts:
    base: dict[str, Any] = {"joined": True, "conflicts": 0, "attention": 0, "cursor": 5}
    return Counts(waiting=waiting, last_synced=last, **{**base, **kw})


def test_the_status_bar_always_says_where_things_stand() -> None:
    def text(**kw: Any) -> str:
        return describe(SyncState(**kw), NOW)[0]

    assert text() == ""
    assert text(phase=Phase.LOCAL, counts=counts(0)) == "Local only — kept on this computer"
    assert text(phase=Phase.LOCAL, counts=counts(3)) == "Local only — kept on this computer"
    assert "3 changes will be shared" in describe(SyncState(phase=Phase.LOCAL, counts=counts(3)))[1]
    assert text(phase=Phase.LOCAL, counts=counts(1), demo=True) == (
        "Demo data — Local only — kept on this computer"
    )
    assert text(phase=Phase.OFFLINE, counts=counts(7)) == "Offline — 7 changes waiting"
    assert text(phase=Phase.OFFLINE, counts=counts(0)) == "Offline — nothing waiting"
    assert text(phase=Phase.SYNCING, counts=counts(0)) == "Syncing…"
    assert (
        text(phase=Phase.SYNCING, counts=counts(0), progress=("pull", 1200, 48000))
        == "Syncing 1,200 of 48,000…"
    )
    two_min = NOW - timedelta(minutes=2)
    assert text(phase=Phase.IDLE, counts=counts(0, two_min)) == "Synced 2 minutes ago"
    assert text(phase=Phase.IDLE, counts=counts(2, two_min)) == (
        "Synced 2 minutes ago — 2 changes waiting"
    )
    assert text(phase=Phase.IDLE, counts=counts(0)) == "Not synced yet"
    assert text(phase=Phase.STOPPED, counts=counts(4), problem="x") == (
        "Sync stopped — 4 changes waiting, kept safely"
    )
    assert text(phase=Phase.STOPPED, counts=counts(4), signed_out=True) == (
        "Signed out of the server — 4 changes waiting, kept safely"
    )
    assert text(phase=Phase.STOPPED, counts=counts(0), signed_out=True) == (
        "Signed out of the server"
    )
    assert ago(NOW - timedelta(seconds=20), NOW) == "just now"
    assert ago(NOW - timedelta(hours=1, minutes=5), NOW) == "1 hour ago"
    assert ago(NOW - timedelta(days=30), NOW).startswith("on ")


def test_backoff_doubles_with_jitter_up_to_the_maximum() -> None:
    backoff = Backoff(5, 300, rng=lambda: 1.0)
    assert [backoff.next_delay() for _ in range(8)] == [5, 10, 20, 40, 80, 160, 300, 300]
    backoff.reset()
    assert backoff.next_delay() == 5
    low = Backoff(5, 300, rng=lambda: 0.0)
    assert low.next_delay() == 2.5  # never all devices at the same instant


def test_a_local_profile_says_local_only_and_f5_explains(
    qtbot: QtBot, make_app: Callable[..., Services]
) -> None:
    services = make_app()
    start(qtbot, services)
    first_run(qtbot, services)
    label = services.sync_ui.status.text
    qtbot.waitUntil(lambda: label.text().startswith("Local only"), timeout=10_000)
    assert label.text() == "Local only — kept on this computer"
    add_participant(qtbot, services, "Jordan", "Ellis")
    qtbot.waitUntil(lambda: "1 change will be shared" in label.toolTip(), timeout=10_000)
    assert label.text() == "Local only — kept on this computer"
    assert not services.sync_ui.act_sync_now.isEnabled()
    assert services.sync_ui.act_join.isEnabled()
    services.sync_ui.sync_now()
    assert "not joined" in services.window.statusBar().currentMessage()
    press(qtbot, services, "Ctrl+L")
    assert label.text() == ""
    assert not services.sync_ui.act_join.isEnabled()


def test_joining_an_unreachable_server_says_so_and_creates_nothing(
    qtbot: QtBot, make_app: Callable[..., Services]
) -> None:
    services = make_app()
    start(qtbot, services)
    first_run(qtbot, services)
    # The action is enabled once the sync state of the new store has come back from the
    # store worker (it is off while the program does not yet know it is local-only).
    qtbot.waitUntil(services.sync_ui.act_join.isEnabled, timeout=15_000)
    services.sync_ui.act_join.trigger()
    dialog = services.sync_ui.join_dialog
    assert isinstance(dialog, JoinDialog)
    assert not dialog.join_button.isEnabled()
    qtbot.keyClicks(dialog.fields.address, f"http://127.0.0.1:{free_port()}")
    qtbot.keyClicks(dialog.fields.username, "mentor_a")
    qtbot.keyClicks(dialog.fields.password, "wrong")
    qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=15_000)
    assert "cannot be reached" in dialog.error.text()
    assert dialog.isVisible() and dialog.join_button.isEnabled()
    dialog.fields.address.setText("http://example.org")
    qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "https://" in dialog.error.text(), timeout=15_000)
    services.worker.submit(lambda s: s.meta("server_url")).result() is None  # noqa: B015


class FakeTransport:
    def __init__(self) -> None:
        self.healthy = True

    def health(self) -> dict[str, Any]:
        if not self.healthy:
            raise Offline()
        return {"status": "ok"}

    def resolve_conflict(self, conflict_id: str, body: dict[str, Any]) -> dict[str, Any]:
        return {}


class FakeEngine:
    """Raises what it is told, like the real engine would."""

    def __init__(self, db: Callable[[Callable[[Store], Any]], Any]) -> None:
        self.db = db
        self.transport = FakeTransport()
        self.allow_mass_delete = False
        self.errors: list[BaseException] = []
        self.runs: list[bool] = []

    def run_once(self, progress: Any = None) -> SyncReport:
        self.runs.append(self.allow_mass_delete)
        if self.errors:
            raise self.errors.pop(0)
        if progress:
            progress("pull", 10, 10)
        return SyncReport(pulled=10)


def fake_joined(qtbot: QtBot, services: Services) -> FakeEngine:
    start(qtbot, services)
    first_run(qtbot, services)
    sync = services.sync
    qtbot.waitUntil(lambda: sync.state.phase is Phase.LOCAL, timeout=10_000)
    engine = FakeEngine(sync._db(sync._gen))
    sync.account = ServerAccount("https://x.example", "d", "t", "u", "mentor", None, {})
    sync.engine = engine  # type: ignore[assignment]
    return engine


def test_too_old_shows_a_banner_and_keeps_the_outbox(
    qtbot: QtBot, make_app: Callable[..., Services]
) -> None:
    services = make_app()
    engine = fake_joined(qtbot, services)
    add_participant(qtbot, services, "Sam", "Okafor")
    engine.errors.append(ClientTooOld())
    assert services.sync.sync_now()
    banner = services.sync_ui.banner
    qtbot.waitUntil(services.sync_ui.banner_bar.isVisible, timeout=10_000)
    assert "too old" in banner.message.text()
    assert services.sync.state.phase is Phase.STOPPED
    assert services.sync_ui.status.text.text() == "Sync stopped — 1 change waiting, kept safely"
    assert services.worker.submit(lambda s: s.outbox_count()).result() == 1
    assert not services.sync.sync_now(manual=False)  # no automatic retries until updated


def test_mass_delete_asks_and_continue_runs_once_with_permission(
    qtbot: QtBot, make_app: Callable[..., Services]
) -> None:
    services = make_app()
    engine = fake_joined(qtbot, services)
    engine.errors.append(MassDeleteStopped(400, 500))
    services.sync.sync_now()
    qtbot.waitUntil(lambda: isinstance(services.sync_ui.notice, QMessageBox), timeout=10_000)
    box = services.sync_ui.notice
    assert box is not None and "400 of the 500" in box.text()
    go_on = next(b for b in box.buttons() if b.text() == "Continue")
    qtbot.mouseClick(go_on, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: services.sync.state.phase is Phase.IDLE, timeout=10_000)
    assert engine.runs == [False, True]
    assert engine.allow_mass_delete is False  # only for that one cycle


def test_offline_probes_until_the_server_answers(
    qtbot: QtBot, make_app: Callable[..., Services]
) -> None:
    services = make_app()
    engine = fake_joined(qtbot, services)
    services.sync.backoff = Backoff(0.05, 0.2)
    engine.errors.append(Offline())
    engine.transport.healthy = False
    services.sync.sync_now()
    qtbot.waitUntil(lambda: services.sync.state.phase is Phase.OFFLINE, timeout=10_000)
    assert services.sync_ui.status.text.text() == "Offline — nothing waiting"
    qtbot.waitUntil(services.sync.probing, timeout=10_000)
    engine.transport.healthy = True
    qtbot.waitUntil(lambda: services.sync.state.phase is Phase.IDLE, timeout=10_000)
    assert len(engine.runs) == 2


# -- the store side of the screens -----------------------------------------------------------
def _conflict(store: Store, pid: str, mine: Any, theirs: Any, field: str = "phone") -> str:
    with store.transaction():
        store.conn.execute(
            "INSERT INTO conflict (id, entity, record_id, participant_id, field, mine, theirs,"
            " detail, at) VALUES ('c1', 'participant', ?, ?, ?, ?, ?, '', ?)",
            (pid, pid, field, json.dumps(mine), json.dumps(theirs), "2026-11-23T10:00:00Z"),
        )
    return "c1"


def test_resolving_a_conflict_is_an_ordinary_change(
    qtbot: QtBot, make_app: Callable[..., Services], qtmodeltester: Any
) -> None:
    services = make_app()
    start(qtbot, services)
    first_run(qtbot, services)
    pid = add_participant(qtbot, services, "Priya", "Nair")

    def scenario(store: Store) -> tuple[Any, ...]:
        cid = _conflict(store, pid, "0770 222", "0770 111")
        rows = sync_ops.conflict_rows(store)
        before = store.outbox_count()
        sync_ops.resolve_conflict(store, cid, "value", "0770 333")
        rec = store.get("participant", pid)
        return (
            rows,
            store.outbox_count() - before,
            rec["phone"] if rec else None,
            sync_ops.counts(store).conflicts,
            sync_ops.conflicts_to_report(store),
        )

    rows, added, phone, left, queued = services.worker.submit(scenario).result()
    assert rows[0].participant == "Priya Nair" and rows[0].field_label == "Phone"
    assert (rows[0].mine, rows[0].theirs) == ("0770 222", "0770 111")
    assert added == 1 and phone == "0770 333" and left == 0 and queued == ["c1"]
    model = conflicts_model()
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.data(model.index(0, 2)) == "Phone"


def test_someone_elses_conflict_names_both_authors(
    qtbot: QtBot, make_app: Callable[..., Services]
) -> None:
    from mentor_desk.store import syncstate
    from mentor_desk.ui.sync.conflicts import ConflictsDialog

    services = make_app()
    start(qtbot, services)
    first_run(qtbot, services)
    pid = add_participant(qtbot, services, "Priya", "Nair")
    listed = _phone_conflict(
        "c9", pid, ("someone-else", "Sam Carter"), ("a-third-person", "Alex Doe")
    )
    services.worker.submit(
        lambda s: syncstate.merge_server_conflicts(s, [listed], complete=True)
    ).result()
    dialog = ConflictsDialog(services.runner, services.sync, services.window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    assert dialog.model.data(dialog.model.index(0, 3)) == "Sam Carter"
    assert dialog.mine_group.title() == "Sent by Sam Carter"
    assert dialog.mine_who.text().startswith("Sam Carter — ")
    assert dialog.theirs_who.text().startswith("Alex Doe — ")
    assert dialog.theirs_who.text() != "Alex Doe — "  # when it was written is said too
    assert (dialog.keep_mine.text(), dialog.keep_theirs.text()) == (
        "Keep Sam Carter's",
        "Keep the server's",
    )
    assert dialog.keep_mine.accessibleName() == "Keep Sam Carter's"


def test_a_conflict_from_another_organisation_names_the_organisation(
    qtbot: QtBot, make_app: Callable[..., Services]
) -> None:
    """The server names no person of another organisation (issue 12.20): no user id, the
    organisation's name. That is not "You", whatever the missing id."""
    from mentor_desk.store import syncstate

    services = make_app()
    start(qtbot, services)
    first_run(qtbot, services)
    pid = add_participant(qtbot, services, "Priya", "Nair")
    other_org = (None, "Southside Football")
    listed = _phone_conflict("c8", pid, other_org, other_org)

    def scenario(store: Store) -> list[Any]:
        syncstate.merge_server_conflicts(store, [listed], complete=True)
        return sync_ops.conflict_rows(store)

    [row] = services.worker.submit(scenario).result()
    assert (row.mine_by, row.theirs_by) == ("Southside Football", "Southside Football")
    assert not row.mine_is_yours


def _phone_conflict(
    cid: str, pid: str, mine: tuple[str | None, str], theirs: tuple[str | None, str]
) -> dict[str, Any]:
    """A conflict as GET /conflicts lists it: (user id, name) of each side's author."""
    return {
        "id": cid,
        "entity": "participant",
        "record_id": pid,
        "participant_id": pid,
        "field": "phone",
        "mine": "0770 222",
        "theirs": "0770 111",
        "at": "2026-11-23T10:00:00Z",
        "mine_user_id": mine[0],
        "mine_by": mine[1],
        "theirs_user_id": theirs[0],
        "theirs_by": theirs[1],
        "theirs_at": "2026-11-22T09:30:00Z",
    }


def test_a_refused_change_can_be_sent_again_or_discarded(
    qtbot: QtBot, make_app: Callable[..., Services]
) -> None:
    services = make_app()
    start(qtbot, services)
    first_run(qtbot, services)
    pid = add_participant(qtbot, services, "Lee", "Carter")
    wait_idle(qtbot, services)

    def scenario(store: Store) -> tuple[Any, ...]:
        row = store.outbox()[0]
        with store.transaction():
            store.conn.execute(
                "INSERT INTO needs_attention (device_seq, entity, record_id, participant_id, op,"
                " fields, reason, detail, at) VALUES (?, 'participant', ?, ?, 'upsert', ?,"
                " 'validation', 'phone: too long', '2026-11-23T10:00:00Z')",
                (row.device_seq + 100, pid, pid, json.dumps({"given_name": "Lee"})),
            )
        listed = sync_ops.attention_rows(store)
        before = store.outbox_count()
        sync_ops.resend(store, row.device_seq + 100)
        resent = store.outbox()[-1]
        return listed, store.outbox_count() - before, resent.fields, sync_ops.attention_rows(store)

    listed, added, fields, after = services.worker.submit(scenario).result()
    assert listed[0].participant == "Lee Carter" and listed[0].summary == "Change Given name"
    assert sync_ops.reason_text(listed[0].reason).startswith("The server found")
    assert added == 1 and fields == {"given_name": "Lee"} and after == []


@pytest.mark.parametrize(
    ("field", "text", "value"),
    [("phone", " 0770 ", "0770"), ("phone", "", None), ("safety_flags", "a\nb\n", ["a", "b"])],
)
def test_typed_values_take_the_field_type(field: str, text: str, value: Any) -> None:
    assert sync_ops.parse_value("participant", field, text) == value
