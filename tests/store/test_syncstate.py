"""Sync bookkeeping in the store: acknowledgement order, page+cursor atomicity, purge."""

from __future__ import annotations

import pytest

from mentor_desk.store import Store, syncstate
from mentor_desk.store.syncstate import PushResult, RemoteChange
from tests.store.test_records import add_note, add_participant


def remote_participant(pid: str, seq: int, **fields: object) -> RemoteChange:
    base = {
        "reference": "SRV-2026-0001",
        "given_name": "Remote",
        "family_name": "Person",
        "status": "active",
    }
    base.update(fields)  # type: ignore[arg-type]
    return RemoteChange("participant", pid, seq, seq, False, base, {k: seq for k in base})


def test_acknowledge_stores_results_then_drops_outbox_rows(store: Store) -> None:
    pid = add_participant(store)
    add_note(store, pid)
    counts = syncstate.acknowledge(
        store,
        [
            PushResult(1, "applied", 10),
            PushResult(2, "rejected", reason="validation", detail="text: is needed"),
        ],
    )
    assert counts == {"applied": 1, "merged": 0, "rejected": 1}
    assert store.outbox_count() == 0
    [attention] = syncstate.needs_attention(store)
    assert (attention["entity"], attention["reason"]) == ("case_note", "validation")
    assert store.get("participant", pid)["field_versions"]["given_name"] == 10  # type: ignore[index]
    # Repeating the same acknowledgement (a crash before the caller heard back) is harmless.
    assert syncstate.acknowledge(store, [PushResult(1, "applied", 10)]) == {
        "applied": 0,
        "merged": 0,
        "rejected": 0,
    }


def test_merged_results_keep_conflicts(store: Store) -> None:
    pid = add_participant(store)
    syncstate.acknowledge(
        store,
        [
            PushResult(
                1,
                "merged",
                12,
                conflicts=[{"id": "c1", "field": "phone", "mine": "1", "theirs": "2"}],
            )
        ],
    )
    [c] = syncstate.open_conflicts(store)
    assert (c["record_id"], c["field"], c["mine"], c["theirs"]) == (pid, "phone", "1", "2")


def test_the_servers_list_of_conflicts_adds_names_and_closes_what_was_settled_elsewhere(
    store: Store,
) -> None:
    pid = add_participant(store)
    pushed = {"id": "c1", "field": "phone", "mine": "1", "theirs": "2"}
    syncstate.acknowledge(store, [PushResult(1, "merged", 12, conflicts=[pushed])])

    def listed(cid: str, **more: object) -> dict[str, object]:
        return {
            "id": cid,
            "entity": "participant",
            "record_id": pid,
            "participant_id": pid,
            "field": "area",
            "mine": "LS6",
            "theirs": "LS7",
            "at": "2026-11-20T10:00:00Z",
            **more,
        }

    named = {"mine_user_id": store.actor_id, "theirs_by": "Alex Doe", "theirs_user_id": "u2"}
    other = listed("c2", mine_by="Sam Carter", mine_user_id="u3")
    assert (
        syncstate.merge_server_conflicts(store, [{**listed("c1"), **named}, other], complete=True)
        == 1
    )
    rows = {c["id"]: c for c in syncstate.open_conflicts(store)}
    assert rows["c1"]["theirs_by"] == "Alex Doe" and rows["c1"]["field"] == "phone"
    assert (rows["c2"]["mine_by"], rows["c2"]["mine"]) == ("Sam Carter", "LS6")
    # settled here but not reported yet: the server's list does not reopen it
    store.conn.execute("UPDATE conflict SET resolved = 1 WHERE id = 'c2'")
    syncstate.merge_server_conflicts(store, [other], complete=True)
    assert [c["id"] for c in syncstate.open_conflicts(store)] == []  # c1: settled elsewhere
    # a list cut short by the page size closes nothing
    store.conn.execute("UPDATE conflict SET resolved = 0")
    syncstate.merge_server_conflicts(store, [], complete=False)
    assert {c["id"] for c in syncstate.open_conflicts(store)} == {"c1", "c2"}


def test_page_and_cursor_commit_together(store: Store) -> None:
    good = remote_participant("01a20818-5b36-7082-87bf-d89a19d129a1", 5)
    bad = RemoteChange(
        "participant", "01a20818-5b36-7082-87bf-d89a19d129a2", 6, 6, False, {"reference": None}, {}
    )
    store.conn.execute(
        "CREATE TRIGGER boom BEFORE INSERT ON participant WHEN NEW.reference "
        "IS NULL BEGIN SELECT RAISE(ABORT, 'broken page'); END"
    )
    with pytest.raises(Exception, match="broken page"):
        syncstate.apply_page(store, [good, bad], next_cursor=6)
    assert syncstate.cursor(store) == 0
    assert store.count("participant") == 0  # the good half did not land without its cursor
    store.conn.execute("DROP TRIGGER boom")
    assert syncstate.apply_page(store, [good], next_cursor=5) == 1
    assert syncstate.cursor(store) == 5
    assert store.search_participant_ids("remote") == {good.id}
    assert store.outbox_count() == 0  # pulled changes are not pushed back


def test_pulled_change_keeps_locally_pending_fields(store: Store) -> None:
    pid = "01a20818-5b36-7082-87bf-d89a19d129a3"
    syncstate.apply_page(store, [remote_participant(pid, 5)], next_cursor=5)
    store.update("participant", pid, {"phone": "mine"})
    syncstate.apply_page(store, [remote_participant(pid, 7, phone="theirs", area="LS1")], 7)
    rec = store.get("participant", pid)
    assert rec is not None and rec["phone"] == "mine" and rec["area"] == "LS1"


def test_old_or_repeated_change_is_ignored(store: Store) -> None:
    pid = "01a20818-5b36-7082-87bf-d89a19d129a4"
    syncstate.apply_page(store, [remote_participant(pid, 9, area="new")], 9)
    assert syncstate.apply_page(store, [remote_participant(pid, 8, area="old")], 9) == 0
    assert store.get("participant", pid)["area"] == "new"  # type: ignore[index]


def test_remote_delete_is_a_tombstone(store: Store) -> None:
    pid = "01a20818-5b36-7082-87bf-d89a19d129a5"
    syncstate.apply_page(store, [remote_participant(pid, 3)], 3)
    syncstate.apply_page(store, [RemoteChange("participant", pid, 4, 4, True, {}, {})], 4)
    assert store.get("participant", pid) is None
    assert store.search_participant_ids("remote") == set()


def test_purge_removes_every_trace_of_one_participant(store: Store) -> None:
    keep = add_participant(store, "Keep", "Me")
    gone = add_participant(store, "Gone", "Away")
    add_note(store, gone, "private words")
    add_note(store, keep, "other words")
    store.save_draft("d", "case_note", {"text": "x"}, gone)
    removed = syncstate.purge_participant(store, gone)
    assert removed == 2
    assert store.get("participant", gone, include_deleted=True) is None
    assert store.search("private") == [] and store.search_participant_ids("gone") == set()
    assert store.drafts() == []
    assert store.get("participant", keep) is not None and len(store.list("case_note")) == 1


def test_deletion_share_counts_only_local_records(store: Store) -> None:
    pid = add_participant(store)
    changes = [
        RemoteChange("participant", pid, 2, 2, True, {}, {}),
        RemoteChange("participant", "01a20818-5b36-7082-87bf-d89a19d129a6", 3, 3, True, {}, {}),
    ]
    assert syncstate.deletion_share(store, changes) == (1, 1)


def test_merged_result_shows_the_servers_value_at_once(store: Store) -> None:
    """The edit was made while a pull brought the server's newer state: the pull kept the
    pending local value, the push then lost the merge. The next pull may never bring the
    record again, so the acknowledgement itself must put the server's value back."""
    pid = "01a20818-5b36-7082-87bf-d89a19d129a7"
    syncstate.apply_page(store, [remote_participant(pid, 5, phone="old")], 5)
    store.update("participant", pid, {"phone": "mine"})
    syncstate.apply_page(store, [remote_participant(pid, 8, phone="theirs")], 8)
    assert store.get("participant", pid)["phone"] == "mine"  # type: ignore[index]
    [row] = store.outbox()
    syncstate.acknowledge(
        store,
        [
            PushResult(
                row.device_seq,
                "merged",
                8,
                conflicts=[{"id": "c9", "field": "phone", "mine": "mine", "theirs": "theirs"}],
            )
        ],
    )
    assert store.get("participant", pid)["phone"] == "theirs"  # type: ignore[index]
    assert [c["mine"] for c in syncstate.open_conflicts(store)] == ["mine"]


def test_push_batches_are_cut_by_size() -> None:
    from mentor_desk.sync.engine import PUSH_BYTES, _by_size

    class Row:
        def __init__(self, n: int) -> None:
            self.fields = {"text": "x" * n}

    big = [Row(400_000) for _ in range(5)]
    assert len(_by_size(big)) == PUSH_BYTES // 400_000
    assert len(_by_size([Row(5_000_000)])) == 1  # one huge row still goes (the server says 413)
    assert len(_by_size([Row(10) for _ in range(50)])) == 50


def test_a_full_redownload_drops_what_the_server_no_longer_has(store: Store) -> None:
    kept = "01a20818-5b36-7082-87bf-d89a19d129a8"
    gone = "01a20818-5b36-7082-87bf-d89a19d129a9"
    local = add_participant(store)  # never synced (version 0): always kept
    syncstate.apply_page(store, [remote_participant(kept, 3), remote_participant(gone, 4)], 4)
    syncstate.start_resync(store)
    assert syncstate.resync_in_progress(store) and syncstate.cursor(store) == 0
    syncstate.apply_page(store, [remote_participant(kept, 5)], 5, seen_table=True)
    syncstate.finish_resync(store)
    assert not syncstate.resync_in_progress(store)
    assert store.get("participant", gone) is None
    assert store.get("participant", kept) is not None
    assert store.get("participant", local) is not None
    assert store.conn.execute("SELECT count(*) AS n FROM resync_seen").fetchone()["n"] == 0


def remote_note(nid: str, pid: str, seq: int, text: str, deleted: bool = False) -> RemoteChange:
    fields = {
        "participant_id": pid,
        "occurred_at": "2026-11-20T10:00:00Z",
        "contact_kind": "phone",
        "text": text,
    }
    return RemoteChange("case_note", nid, seq, seq, deleted, fields, {k: seq for k in fields})


def test_a_first_sync_makes_search_entries_and_last_contact_once_at_its_end(store: Store) -> None:
    local = add_participant(store)  # made here before joining: indexed as it was written
    add_note(store, local, "written at the cafe before joining")
    pid = "01900000-0000-7000-8000-0000000000a1"
    page = [
        remote_participant(pid, 1, given_name="Quillon"),
        remote_note("01900000-0000-7000-8000-0000000000b1", pid, 2, "housing bid lodged"),
        remote_note("01900000-0000-7000-8000-0000000000b2", pid, 3, "gone", deleted=True),
    ]

    def autocheckpoint() -> int:
        return int(store.conn.execute("PRAGMA wal_autocheckpoint").fetchone()["wal_autocheckpoint"])

    syncstate.apply_page(store, page, 3, index=False)
    assert syncstate.bulk_load_pending(store)
    assert autocheckpoint() == 0  # one checkpoint at the end of the bulk load
    assert store.search("Quillon") == [] and store.search("housing") == []
    assert syncstate.finish_bulk_load(store) == 4  # two participants, two live notes
    assert not syncstate.bulk_load_pending(store)
    assert autocheckpoint() == syncstate.WAL_AUTOCHECKPOINT
    assert [h.record_id for h in store.search("Quillon")] == [pid]
    assert store.search_participant_ids("housing") == {pid}
    assert [h.participant_id for h in store.search("cafe")] == [local]
    assert store.search("gone") == []  # a tombstone has no entry
    # later edits keep the rebuilt index current, as before
    store.update("participant", pid, {"given_name": "Marlowe"})
    assert store.search("Quillon") == []
    assert [h.record_id for h in store.search("Marlowe")] == [pid]
    # "last contact" was filled at the end, and its trigger is back for new notes
    last = dict(
        (r["participant_id"], r["occurred_at"])
        for r in store.conn.execute("SELECT participant_id, occurred_at FROM last_contact")
    )
    assert last[pid] == "2026-11-20T10:00:00Z" and local in last
    later = store.create(
        "case_note",
        {
            "participant_id": pid,
            "occurred_at": "2026-11-22T09:00:00Z",
            "contact_kind": "phone",
            "text": "rang to check in",
        },
    )
    assert later["id"]
    row = store.conn.execute(
        "SELECT occurred_at FROM last_contact WHERE participant_id = ?", (pid,)
    ).fetchone()
    assert row["occurred_at"] == "2026-11-22T09:00:00Z"


def test_a_rebuilt_index_is_the_index_the_store_writes(store: Store) -> None:
    """Entries made in bulk inside SQLite equal those written record by record."""
    pid = add_participant(store, "Ana", "Lopez")  # no preferred name: left out of the body
    store.update("participant", pid, {"preferred_name": "Annie"})
    add_note(store, pid, "Housing officer rang back")
    gone = add_note(store, pid, "to be deleted")
    store.delete("case_note", gone)
    store.create(
        "service",
        {"name": "Open Door", "organisation": "Harbour Trust", "offers": "", "pathways": []},
    )

    def entries() -> list[tuple[object, ...]]:
        return [
            tuple(r)
            for r in store.conn.execute(
                "SELECT i.rowid, entity, record_id, i.participant_id, body, d.participant_id "
                "FROM search_index i JOIN search_doc d ON d.rowid = i.rowid ORDER BY i.rowid"
            )
        ]

    assert entries() == []  # queued by the saves, written by the next search (or flush)
    assert store.flush_search_index() == 3  # participant (queued twice), live note, service
    written = entries()
    assert len(written) == 3
    syncstate.rebuild_search_index(store)
    assert entries() == written
