"""Repositories, the outbox in the same transaction, search, drafts, references."""

from __future__ import annotations

import re
from concurrent.futures import Future
from pathlib import Path

import pytest

from mentor_desk.domain.validation import ValidationFailed
from mentor_desk.domain.vocabulary import SCHEMA_VERSION, entity
from mentor_desk.store import KdfParams, Profile, Store, StoreClosed, StoreWorker, syncstate
from mentor_desk.store.errors import AppendOnly, RecordMissing
from mentor_desk.store.syncstate import PushResult
from tests.conftest import PASSPHRASE


def add_participant(
    store: Store, given: str = "Robin", family: str = "Example", **kw: object
) -> str:
    rec = store.create(
        "participant",
        {
            "reference": store.new_reference(),
            "given_name": given,
            "family_name": family,
            "status": "active",
            **kw,
        },
    )
    return str(rec["id"])


def add_note(store: Store, pid: str, text: str = "Talked about housing") -> str:
    rec = store.create(
        "case_note",
        {
            "participant_id": pid,
            "occurred_at": "2026-11-20T10:00:00Z",
            "contact_kind": "face_to_face",
            "text": text,
            "pathways": ["accommodation"],
        },
    )
    return str(rec["id"])


def test_create_round_trips_every_kind(store: Store) -> None:
    pid = add_participant(store, date_of_birth="1988-03-04", safety_flags=["Meet in public"])
    rec = store.get("participant", pid)
    assert rec is not None
    assert rec["safety_flags"] == ["Meet in public"]
    assert rec["date_of_birth"] == "1988-03-04"
    assert rec["version"] == 0 and rec["deleted"] is False and rec["field_versions"] == {}
    rd = store.create(
        "release_day",
        {
            "participant_id": pid,
            "met": False,
            "checklist": {"stay_tonight": {"state": "arranged", "note": "Hostel on Park Rd"}},
        },
    )
    got = store.get("release_day", str(rd["id"]))
    assert got is not None and got["met"] is False
    assert got["checklist"]["stay_tonight"]["note"] == "Hostel on Park Rd"


def test_every_write_appends_one_outbox_row_with_gap_free_seq(store: Store) -> None:
    pid = add_participant(store)
    nid = add_note(store, pid)
    store.update("participant", pid, {"preferred_name": "Rob"})
    store.delete("case_note", nid)
    rows = store.outbox()
    assert [r.device_seq for r in rows] == [1, 2, 3, 4]
    assert [(r.entity, r.op) for r in rows] == [
        ("participant", "upsert"),
        ("case_note", "upsert"),
        ("participant", "upsert"),
        ("case_note", "delete"),
    ]
    assert rows[2].fields == {"preferred_name": "Rob"}
    assert rows[2].field_versions == {"preferred_name": 0}
    assert rows[1].participant_id == pid and rows[0].participant_id == pid
    assert all(r.schema_version == SCHEMA_VERSION for r in rows)


def test_numbering_goes_on_after_a_push_empties_the_outbox(store: Store) -> None:
    pid = add_participant(store)
    add_note(store, pid)
    add_note(store, pid)
    # acknowledged out of order and in two answers: the floor only ever moves up
    syncstate.acknowledge(store, [PushResult(3, "applied", 12), PushResult(1, "applied", 10)])
    syncstate.acknowledge(store, [PushResult(2, "applied", 11)])
    assert store.outbox_count() == 0
    add_note(store, pid)
    assert [r.device_seq for r in store.outbox()] == [4]  # never 1 again: the server has 1-3


def test_invalid_write_leaves_neither_record_nor_outbox_row(store: Store) -> None:
    pid = add_participant(store)
    before = store.outbox_count()
    with pytest.raises(ValidationFailed) as info:
        store.create(
            "case_note",
            {
                "participant_id": pid,
                "occurred_at": "yesterday",
                "contact_kind": "phone",
                "text": "x",
            },
        )
    assert info.value.errors[0].field == "occurred_at"
    with pytest.raises(ValidationFailed):
        store.update("participant", pid, {"status": "closed"})  # needs a reason
    assert store.outbox_count() == before
    assert store.count("case_note") == 0
    assert store.get("participant", pid)["status"] == "active"  # type: ignore[index]


def test_failing_write_midway_rolls_back_record_and_outbox(store: Store) -> None:
    pid = add_participant(store)
    before = store.outbox_count()
    # Make the outbox insert fail after the record row was written: a real SQL failure.
    store.conn.execute(
        "CREATE TRIGGER boom BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk trouble'); END"
    )
    with pytest.raises(Exception, match="disk trouble"):
        add_note(store, pid, "should vanish")
    with pytest.raises(Exception, match="disk trouble"):
        store.update("participant", pid, {"preferred_name": "Nope"})
    store.conn.execute("DROP TRIGGER boom")
    assert store.count("case_note") == 0
    assert store.get("participant", pid)["preferred_name"] is None  # type: ignore[index]
    assert store.outbox_count() == before
    assert store.search("vanish") == []
    add_note(store, pid)  # the next write still gets the next gap-free seq
    assert [r.device_seq for r in store.outbox()] == list(range(1, before + 2))


def test_synced_notes_are_append_only(store: Store) -> None:
    pid = add_participant(store)
    nid = add_note(store, pid)
    store.update("case_note", nid, {"text": "Fixed a typo before sync"})  # still local: fine
    store.conn.execute("UPDATE case_note SET version = 7 WHERE id = ?", (nid,))  # as if synced
    with pytest.raises(AppendOnly, match="Add a correction"):
        store.update("case_note", nid, {"text": "rewrite history"})
    with pytest.raises(AppendOnly):
        store.delete("case_note", nid)
    store.create(
        "note_amendment",
        {
            "participant_id": pid,
            "note_id": nid,
            "kind": "amendment",
            "text": "The meeting was on Tuesday, not Monday.",
        },
    )
    assert store.list("note_amendment", where={"note_id": nid})[0]["kind"] == "amendment"


def test_update_missing_record_is_clear(store: Store) -> None:
    with pytest.raises(RecordMissing, match="participant could not be found"):
        store.update("participant", "01a20818-5b36-7082-87bf-d89a19d129af", {"pronouns": "x"})


def test_unknown_fields_are_refused(store: Store) -> None:
    pid = add_participant(store)
    with pytest.raises(ValidationFailed, match="not a field"):
        store.update("participant", pid, {"favourite_colour": "blue"})


def test_full_text_search_over_names_references_and_notes(store: Store) -> None:
    a = add_participant(store, "Jolene", "Whitaker")
    b = add_participant(store, "Zoltan", "Okafor")
    add_note(store, b, "Went to the allotment project and planted onions")
    ref = store.get("participant", a)["reference"]  # type: ignore[index]
    assert store.search_participant_ids("jol") == {a}
    assert store.search_participant_ids("whitaker") == {a}
    assert store.search_participant_ids("allotm onion") == {b}
    assert store.search_participant_ids(ref) == {a}
    assert store.search_participant_ids('") OR (*') == set()  # FTS syntax is neutralised
    hits = store.search("onions")
    assert [h.entity for h in hits] == ["case_note"] and "[onions]" in hits[0].snippet
    store.update("participant", a, {"given_name": "Josephine"})
    assert store.search_participant_ids("jolene") == set()
    assert store.search_participant_ids("josephine") == {a}


def test_search_finds_accented_and_non_latin_text(store: Store) -> None:
    pid = add_participant(store, "Zoë", "Łukasiewicz")
    add_note(store, pid, "Встреча в кафе прошла хорошо")
    assert store.search_participant_ids("zoe") == {pid}
    assert store.search_participant_ids("встреча") == {pid}


def test_deleted_records_are_tombstones_hidden_from_reads_and_search(store: Store) -> None:
    pid = add_participant(store)
    nid = add_note(store, pid, "ephemeral words")
    store.delete("case_note", nid)
    assert store.get("case_note", nid) is None
    assert store.get("case_note", nid, include_deleted=True)["deleted"] is True  # type: ignore[index]
    assert store.search("ephemeral") == []


def test_list_filters_and_orders(store: Store) -> None:
    pid = add_participant(store)
    for day in ("2026-11-01", "2026-11-03", "2026-11-02"):
        store.create(
            "case_note",
            {
                "participant_id": pid,
                "occurred_at": f"{day}T09:00:00Z",
                "contact_kind": "phone",
                "text": day,
            },
        )
    notes = store.list("case_note", participant_id=pid, order_by=["-occurred_at"])
    assert [n["text"] for n in notes] == ["2026-11-03", "2026-11-02", "2026-11-01"]
    assert len(store.list("case_note", where={"contact_kind": "video"})) == 0
    with pytest.raises(KeyError):
        store.list("case_note", order_by=["nope; DROP TABLE case_note"])


def test_references_are_unique_per_device_without_a_server(store: Store) -> None:
    refs = [store.new_reference(2026) for _ in range(3)]
    assert len(set(refs)) == 3
    assert all(re.fullmatch(r"[A-Z0-9]{3}-2026-\d{4}", r) for r in refs)
    assert refs[0].endswith("-0001") and refs[2].endswith("-0003")


def test_drafts_survive_reopen_and_can_be_discarded(profile_dir: Path, kdf: KdfParams) -> None:
    store = Profile(profile_dir).create(PASSPHRASE, kdf=kdf)
    store.save_draft("note:p1", "case_note", {"text": "half a thought"}, None)
    store.save_draft("note:p1", "case_note", {"text": "half a thought, and more"}, None)
    store.conn.close()  # like a crash: no checkpoint, no tidy close
    store = Profile(profile_dir).unlock(PASSPHRASE)
    assert store.load_draft("note:p1") == {"text": "half a thought, and more"}
    assert [d["key"] for d in store.drafts()] == ["note:p1"]
    store.delete_draft("note:p1")
    assert store.drafts() == []
    store.close()


def test_possible_duplicates_by_name_and_birth_date(store: Store) -> None:
    a = add_participant(store, "Dana", "Smith", date_of_birth="1990-01-02")
    b = add_participant(store, " dana", "SMITH", date_of_birth="1990-01-02")
    add_participant(store, "Dana", "Smith", date_of_birth="1991-01-02")
    assert store.possible_duplicates() == [sorted([a, b])]


def test_worker_owns_the_store_and_serialises_work(profile_dir: Path, kdf: KdfParams) -> None:
    Profile(profile_dir).create(PASSPHRASE, kdf=kdf).close()
    worker = StoreWorker()
    with pytest.raises(StoreClosed):
        worker.submit(lambda s: s.count("participant")).result()
    worker.open(lambda: Profile(profile_dir).unlock(PASSPHRASE)).result()
    futures: list[Future[str]] = [
        worker.submit(lambda s, i=i: add_participant(s, f"P{i}")) for i in range(20)
    ]
    ids = [f.result() for f in futures]
    assert len(set(ids)) == 20
    assert worker.submit(lambda s: s.count("participant")).result() == 20
    assert [r.device_seq for r in worker.submit(lambda s: s.outbox()).result()] == list(
        range(1, 21)
    )
    worker.close().result()
    assert not worker.is_open
    worker.shutdown()
    # work that arrives after shutdown (a late timer) is refused as "locked", never raised
    with pytest.raises(StoreClosed):
        worker.submit(lambda s: s.count("participant")).result()


def test_saved_records_are_queued_for_search_and_every_search_sees_them(
    profile_dir: Path, kdf: KdfParams
) -> None:
    def in_index() -> int:
        return int(store.conn.execute("SELECT count(*) AS n FROM search_index").fetchone()["n"])

    def queued() -> int:
        return int(store.conn.execute("SELECT count(*) AS n FROM search_pending").fetchone()["n"])

    store = Profile(profile_dir).create(PASSPHRASE, kdf=kdf)
    pid = add_participant(store, "Wren", "Holloway")
    nid = add_note(store, pid, "Food bank voucher collected")
    # saving wrote neither the index nor a queue row: the outbox rows are the queue
    assert (in_index(), queued()) == (0, 0)
    store.close()  # as if the program stopped here: the queue is in the store
    store = Profile(profile_dir).unlock(PASSPHRASE)
    try:
        assert [h.record_id for h in store.search("voucher")] == [nid]
        assert (in_index(), queued()) == (2, 0)
        store.update("participant", pid, {"given_name": "Robyn"})
        assert store.search_participant_ids("Robyn") == {pid}
        assert store.search_participant_ids("Wren") == set()
        gone = add_note(store, pid, "Dentist booked")
        store.delete("case_note", gone)  # deleted before any search: never indexed
        assert queued() == 0 and store.search("Dentist") == []
        # pushed before anyone searched: acknowledging indexes the rows before they go
        found = add_note(store, pid, "Bus pass renewed")
        rows = store.outbox()
        syncstate.acknowledge(store, [PushResult(r.device_seq, "applied", 50) for r in rows])
        assert store.outbox_count() == 0
        assert [h.record_id for h in store.search("bus pass")] == [found]
        # a pulled change is queued in search_pending and found the same way
        store.conn.execute("UPDATE case_note SET text = 'Bus pass lost' WHERE id = ?", (found,))
        with store.transaction():
            store._index(entity("case_note"), found)
        assert queued() == 1 and [h.record_id for h in store.search("lost")] == [found]
    finally:
        store.close()
