"""SYNC.md "Known failures": each one reproduced against a real server process.

Every test here runs on SQLite and on PostgreSQL (the ``backend`` fixture).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from mentor_desk.store import syncstate, syncviews
from mentor_desk.sync.protocol import ClientTooOld, DeviceRevoked, Offline
from mentor_desk.ui.sync import wording as sync_ops
from tests.helpers.proxy import DroppingProxy
from tests.helpers.server_proc import Laptop, ServerProcess, api

MakeLaptop = Callable[..., Laptop]


def test_offline_work_reaches_the_coordinator(server: ServerProcess, laptop: MakeLaptop) -> None:
    mentor = laptop("mentor_a")
    pid = mentor.add_participant("Casey", "Offline")
    mentor.add_note(pid, "Met at the gate, all went well")
    report = mentor.sync()
    assert report.pushed == 2 and report.rejected == 0
    office = laptop("coordinator")
    office.sync()
    assert office.s.get("participant", pid)["given_name"] == "Casey"  # type: ignore[index]
    assert [n["text"] for n in office.s.list("case_note", participant_id=pid)] == [
        "Met at the gate, all went well"
    ]
    assert mentor.s.outbox_count() == 0


def test_same_field_edited_on_two_devices_keeps_a_conflict(
    server: ServerProcess, laptop: MakeLaptop
) -> None:
    """The later push must not silently win: the losing value is kept in a conflict."""
    mentor = laptop("mentor_a")
    office = laptop("coordinator")
    pid = mentor.add_participant()
    mentor.sync()
    office.sync()
    mentor.s.update("participant", pid, {"phone": "07700 900001"})
    office.s.update("participant", pid, {"phone": "07700 900002"})
    office.sync()
    report = mentor.sync()
    assert report.merged == 1
    office.sync()
    final = {lt.s.get("participant", pid)["phone"] for lt in (mentor, office)}  # type: ignore[index]
    assert final == {"07700 900002"}  # converged on the server's value
    conflicts = syncstate.open_conflicts(mentor.s)
    assert [(c["field"], c["mine"], c["theirs"]) for c in conflicts] == [
        ("phone", "07700 900001", "07700 900002")
    ]
    listed = api(server, "GET", "/conflicts").json()
    assert any(c["field"] == "phone" for c in listed.get("conflicts", listed))
    # SYNC.md: visible to both authors and the coordinators, saying who wrote which value
    [here] = sync_ops.conflict_rows(mentor.s)
    [there] = sync_ops.conflict_rows(office.s)
    assert here.id == there.id and (here.mine, here.theirs) == (there.mine, there.theirs)
    assert (here.mine_by, here.theirs_by) == ("You", "Coordinator")
    assert (there.mine_by, there.theirs_by) == ("Mentor A", "You")
    assert here.theirs_at is not None and here.theirs_at == there.theirs_at
    # settled at the office: the mentor's laptop closes it at its next sync
    syncviews.resolve_conflict(office.s, there.id, "theirs")
    answer = api(server, "POST", f"/conflicts/{there.id}/resolve", json={"choice": "theirs"})
    assert answer.status_code == 200, answer.text
    assert len(sync_ops.conflict_rows(mentor.s)) == 1
    mentor.sync()
    assert sync_ops.conflict_rows(mentor.s) == [] and sync_ops.conflict_rows(office.s) == []


def test_a_sync_asks_for_the_conflict_list_only_when_it_changed(
    server: ServerProcess, laptop: MakeLaptop, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mentor_desk.sync.protocol import CONFLICT_PAGE
    from mentor_desk.sync.transport import Transport

    asked: list[str] = []
    original = Transport.conflicts

    def counting(self: Transport, limit: int = CONFLICT_PAGE) -> dict[str, Any]:
        asked.append("conflicts")
        return original(self, limit)

    monkeypatch.setattr(Transport, "conflicts", counting)
    mentor, office = laptop("mentor_a"), laptop("coordinator")
    pid = mentor.add_participant()
    mentor.sync()
    office.sync()
    before = len(asked)
    mentor.sync()
    office.sync()
    assert len(asked) == before  # nothing changed: no extra request
    mentor.s.update("participant", pid, {"phone": "07700 900001"})
    office.s.update("participant", pid, {"phone": "07700 900002"})
    office.sync()
    mentor.sync()  # its push loses: a conflict
    office.sync()  # the mark moved: the office asks, and sees it
    assert len(asked) > before
    assert [c["field"] for c in syncstate.open_conflicts(office.s)] == ["phone"]
    settled = len(asked)
    office.sync()
    assert len(asked) == settled


def test_different_fields_on_two_devices_both_apply(
    server: ServerProcess, laptop: MakeLaptop
) -> None:
    mentor = laptop("mentor_a")
    office = laptop("coordinator")
    pid = mentor.add_participant()
    mentor.sync()
    office.sync()
    mentor.s.update("participant", pid, {"phone": "07700 900001"})
    office.s.update("participant", pid, {"area": "LS6"})
    mentor.sync()
    office.sync()
    mentor.sync()
    for lt in (mentor, office):
        rec = lt.s.get("participant", pid)
        assert rec is not None and (rec["phone"], rec["area"]) == ("07700 900001", "LS6")
    assert syncstate.open_conflicts(mentor.s) == []


def test_retried_create_never_duplicates(server: ServerProcess, laptop: MakeLaptop) -> None:
    """The response to a push is lost; the retry must not create a second record."""
    mentor = laptop("mentor_a")
    pid = mentor.add_participant()
    for i in range(5):
        mentor.add_note(pid, f"note {i}")
    proxy = DroppingProxy(server.port, limit=200, direction="down")  # answer cut short
    with pytest.raises(Offline):
        mentor.sync(url=proxy.url)
    assert mentor.s.outbox_count() == 6  # nothing acknowledged, nothing lost
    mentor.sync(url=proxy.url)  # the retry goes through
    proxy.close()
    office = laptop("coordinator")
    office.sync()
    assert len(office.s.list("case_note", participant_id=pid)) == 5
    assert office.s.count("participant") == 1


def test_rejected_change_does_not_block_later_ones(
    server: ServerProcess, laptop: MakeLaptop
) -> None:
    mentor = laptop("mentor_a")
    pid = mentor.add_participant()
    # A mentor may not hand a participant to someone else: the server refuses this change.
    mentor.s.update("participant", pid, {"assigned_mentor_id": server.users["mentor_a2"]["id"]})
    mentor.add_note(pid, "written after the refused change")
    report = mentor.sync()
    assert report.rejected == 1 and report.applied >= 2
    attention = syncstate.needs_attention(mentor.s)
    assert len(attention) == 1 and attention[0]["entity"] == "participant"
    office = laptop("coordinator")
    office.sync()
    assert [n["text"] for n in office.s.list("case_note")] == ["written after the refused change"]


def test_interrupted_pull_resumes_from_its_cursor(
    server: ServerProcess, laptop: MakeLaptop
) -> None:
    """A large first sync does not restart from zero after a dropped connection, and the
    cursor is never saved ahead of the data it covers."""
    mentor = laptop("mentor_a")
    pid = mentor.add_participant()
    for i in range(120):
        mentor.add_note(pid, f"note number {i}")
    mentor.sync()
    office = laptop("coordinator")
    proxy = DroppingProxy(server.port, limit=15_000, direction="down")
    with pytest.raises(Offline):
        office.sync(url=proxy.url, pull_limit=20)
    got = office.s.count("case_note")
    cursor = syncstate.cursor(office.s)
    assert 0 < got < 120 and cursor > 0  # some pages landed, each with its cursor
    # a first sync indexes at its end, also when it stopped half way: search finds what came
    assert len(office.s.search("number", limit=500)) == got
    assert not syncstate.bulk_load_pending(office.s)
    office.sync(url=proxy.url, pull_limit=20)
    proxy.close()
    assert office.s.count("case_note") == 120
    assert len(office.s.search("number", limit=500)) == 120


def test_device_revoked_wipes_the_laptop(server: ServerProcess, laptop: MakeLaptop) -> None:
    mentor = laptop("mentor_a")
    mentor.add_participant()
    mentor.sync()
    device_id = mentor.s.meta("server_device_id")
    resp = api(server, "POST", f"/admin/devices/{device_id}/revoke", username="admin")
    assert resp.status_code == 200, resp.text
    with pytest.raises(DeviceRevoked):
        mentor.sync()
    assert mentor.wiped
    assert not (mentor.directory / "key.json").exists()
    assert not (mentor.directory / "store.db").exists()


def test_old_client_is_refused_and_keeps_its_outbox(
    server: ServerProcess, laptop: MakeLaptop, monkeypatch: pytest.MonkeyPatch
) -> None:
    mentor = laptop("mentor_a")
    mentor.add_participant()
    import mentor_desk.sync.engine as engine_mod
    import mentor_desk.sync.transport as transport_mod

    monkeypatch.setattr(transport_mod, "SCHEMA_VERSION", -5)
    monkeypatch.setattr(engine_mod, "SCHEMA_VERSION", -5)
    with pytest.raises(ClientTooOld):
        mentor.sync()
    assert mentor.s.outbox_count() == 1
    monkeypatch.undo()
    assert mentor.sync().pushed == 1


def test_reassignment_moves_the_participant_between_laptops(
    server: ServerProcess, laptop: MakeLaptop
) -> None:
    """A record that leaves a user's scope does not stay on their laptop; pending work for it
    is pushed first (and, since access is gone, kept in quarantine for the coordinator — not
    applied, not lost); the new mentor receives its whole history."""
    old = laptop("mentor_a")
    new = laptop("mentor_a2")
    pid = old.add_participant("Jordan", "Moving")
    old.add_note(pid, "first note")
    old.sync()
    new.sync()
    assert new.s.get("participant", pid) is None
    late = old.add_note(pid, "written offline before hearing of the move")
    resp = api(
        server,
        "POST",
        f"/participants/{pid}/assign",
        json={"mentor_id": server.users["mentor_a2"]["id"]},
    )
    assert resp.status_code == 200, resp.text
    report = old.sync()
    assert report.scope_removed == 1
    assert old.s.get("participant", pid) is None
    assert old.s.list("case_note") == []
    assert old.s.search_participant_ids("Jordan") == set()
    assert old.s.outbox_count() == 0
    new.sync()
    assert [n["text"] for n in new.s.list("case_note", participant_id=pid)] == ["first note"]
    kept = api(server, "GET", "/sync/quarantine").json()["items"]
    assert [(q["record_id"], q["mutation"]["fields"]["text"]) for q in kept] == [
        (late, "written offline before hearing of the move")
    ]


def test_reassignment_after_pushing_pending_work(server: ServerProcess, laptop: MakeLaptop) -> None:
    """Work pushed before the reassignment travels with the participant to the new mentor."""
    old = laptop("mentor_a")
    new = laptop("mentor_a2")
    pid = old.add_participant("Riley", "Handover")
    old.add_note(pid, "first note")
    old.add_note(pid, "second note")
    old.sync()
    api(
        server,
        "POST",
        f"/participants/{pid}/assign",
        json={"mentor_id": server.users["mentor_a2"]["id"]},
    ).raise_for_status()
    assert old.sync().scope_removed == 1
    new.sync()
    assert sorted(n["text"] for n in new.s.list("case_note", participant_id=pid)) == [
        "first note",
        "second note",
    ]
    assert new.s.get("participant", pid)["given_name"] == "Riley"  # type: ignore[index]


def test_emptied_server_does_not_wipe_laptops(
    server: ServerProcess, laptop: MakeLaptop, database_url: str
) -> None:
    mentor = laptop("mentor_a")
    pid = mentor.add_participant()
    mentor.add_note(pid, "precious")
    mentor.sync()
    # The server's database is restored to an empty state (its accounts re-created).
    server.stop()
    from sqlalchemy import text

    from mentor_desk.server.db import make_engine

    engine = make_engine(database_url)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM records"))
        conn.execute(text("DELETE FROM changes"))
    engine.dispose()
    server.start()
    mentor.sync()
    assert mentor.s.get("participant", pid) is not None
    assert [n["text"] for n in mentor.s.list("case_note")] == ["precious"]


def test_wrong_clock_does_not_decide_merges(
    server: ServerProcess, laptop: MakeLaptop, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A laptop whose clock is a year ahead cannot overwrite a newer edit."""
    import mentor_desk.store.records as records_mod

    mentor = laptop("mentor_a")
    office = laptop("coordinator")
    pid = mentor.add_participant()
    mentor.sync()
    office.sync()
    monkeypatch.setattr(records_mod, "utc_now_iso", lambda: "2027-11-23T10:00:00.000000Z")
    mentor.s.update("participant", pid, {"area": "from the future"})
    monkeypatch.undo()
    office.s.update("participant", pid, {"area": "LS9"})
    office.sync()
    mentor.sync()
    office.sync()
    assert office.s.get("participant", pid)["area"] == "LS9"  # type: ignore[index]
    assert mentor.s.get("participant", pid)["area"] == "LS9"  # type: ignore[index]
    assert len(syncstate.open_conflicts(mentor.s)) == 1


def test_edit_against_delete_is_a_conflict(server: ServerProcess, laptop: MakeLaptop) -> None:
    mentor = laptop("mentor_a")
    office = laptop("coordinator")
    pid = mentor.add_participant()
    goal = mentor.s.create(
        "goal",
        {
            "participant_id": pid,
            "pathway": "accommodation",
            "goal_text": "Find a flat",
            "status": "in_progress",
        },
    )
    mentor.sync()
    office.sync()
    office.s.delete("goal", str(goal["id"]))
    mentor.s.update("goal", str(goal["id"]), {"status": "achieved"})
    office.sync()
    report = mentor.sync()
    assert report.merged == 1
    assert any(c["field"] == "*deleted*" for c in syncstate.open_conflicts(mentor.s))
