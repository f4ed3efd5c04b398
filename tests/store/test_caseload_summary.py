"""The caseload's "last contact" table stays right through every way a note is written.

``last_contact`` is kept by triggers (store/schema.py). Each test compares it with the
answer worked out from the notes themselves: the latest ``occurred_at`` of the notes that are
not deleted and were not a mere attempt, per participant.
"""

from __future__ import annotations

import random
import uuid
from pathlib import Path

from mentor_desk.store import KdfParams, Profile, Store, syncstate
from mentor_desk.store.caseload import caseload
from mentor_desk.store.schema import STORE_VERSION
from tests.conftest import PASSPHRASE
from tests.store.test_records import add_participant
from tests.store.test_syncstate import remote_note, remote_participant


def truth(store: Store) -> dict[str, str | None]:
    """Worked out from the notes, the way the caseload used to ask for it."""
    rows = store.conn.execute(
        """SELECT DISTINCT n.participant_id AS pid,
                  (SELECT c.occurred_at FROM case_note AS c
                    WHERE c.participant_id = n.participant_id AND c.deleted = 0
                          AND c.contact_kind != 'attempted'
                    ORDER BY c.occurred_at DESC LIMIT 1) AS latest
           FROM case_note AS n
           WHERE n.participant_id IS NOT NULL AND n.deleted = 0
                 AND n.contact_kind != 'attempted'"""
    )
    return {r["pid"]: r["latest"] for r in rows}


def summary(store: Store) -> dict[str, str | None]:
    rows = store.conn.execute("SELECT participant_id, occurred_at FROM last_contact")
    return {r["participant_id"]: r["occurred_at"] for r in rows}


def note(store: Store, pid: str, when: str, kind: str = "face_to_face") -> str:
    rec = store.create(
        "case_note",
        {"participant_id": pid, "occurred_at": when, "contact_kind": kind, "text": "Met up"},
    )
    return str(rec["id"])


def test_store_writes_keep_the_latest_contact(store: Store) -> None:
    a, b = add_participant(store, "Ada"), add_participant(store, "Bea")
    first = note(store, a, "2026-11-02T10:00:00Z")
    note(store, a, "2026-11-01T10:00:00Z")  # an older note does not move it back
    attempt = note(store, a, "2026-11-09T10:00:00Z", "attempted")  # did not reach them
    assert summary(store) == truth(store) == {a: "2026-11-02T10:00:00Z"}

    store.update("case_note", attempt, {"contact_kind": "phone"})  # it did reach them
    assert summary(store) == truth(store) == {a: "2026-11-09T10:00:00Z"}
    store.update("case_note", attempt, {"occurred_at": "2026-10-01T10:00:00Z"})  # moved back
    assert summary(store) == truth(store) == {a: "2026-11-02T10:00:00Z"}
    store.delete("case_note", first)  # the latest note removed: the one before counts
    assert summary(store) == truth(store) == {a: "2026-11-01T10:00:00Z"}

    only = note(store, b, "2026-11-05T10:00:00Z")
    assert summary(store) == truth(store)
    store.delete("case_note", only)  # no contact left: "Never" again
    assert b not in summary(store) and summary(store) == truth(store)
    rows = {r.participant_id: r for r in caseload(store)}
    assert rows[b].last_contact is None
    assert rows[a].last_contact is not None and rows[a].last_contact.isoformat() == "2026-11-01"


def test_a_note_moved_to_someone_else_counts_for_them(store: Store) -> None:
    a, b = add_participant(store, "Ada"), add_participant(store, "Bea")
    moved = note(store, a, "2026-11-09T10:00:00Z")
    note(store, a, "2026-11-01T10:00:00Z")
    # Not something the screens do, but a pulled change or a repair could.
    store.conn.execute("UPDATE case_note SET participant_id = ? WHERE id = ?", (b, moved))
    assert (
        summary(store)
        == truth(store)
        == {
            a: "2026-11-01T10:00:00Z",
            b: "2026-11-09T10:00:00Z",
        }
    )


def test_pulled_changes_keep_the_latest_contact(store: Store) -> None:
    pid = "01900000-0000-7000-8000-0000000000c1"
    n1, n2 = "01900000-0000-7000-8000-0000000000d1", "01900000-0000-7000-8000-0000000000d2"
    first_sync = [
        remote_participant(pid, 1),
        remote_note(n1, pid, 2, "first"),
        remote_note(n2, pid, 3, "second"),
    ]
    syncstate.apply_page(store, first_sync, 3, index=False)  # the bulk insert path
    assert syncstate.bulk_load_pending(store)  # ... fills "last contact" once, at its end
    syncstate.finish_bulk_load(store)
    assert summary(store) == truth(store) == {pid: "2026-11-20T10:00:00Z"}

    later = remote_note(n2, pid, 4, "second, edited")
    later = type(later)(
        later.entity,
        later.id,
        later.seq,
        later.version,
        later.deleted,
        {**later.fields, "occurred_at": "2026-11-25T09:00:00Z"},
        later.field_versions,
    )
    syncstate.apply_page(store, [later], 4)  # an update of a known record
    assert summary(store) == truth(store) == {pid: "2026-11-25T09:00:00Z"}

    syncstate.apply_page(store, [remote_note(n2, pid, 5, "", deleted=True)], 5)  # tombstone
    assert summary(store) == truth(store) == {pid: "2026-11-20T10:00:00Z"}

    syncstate.purge_participant(store, pid)  # withdrawn from this computer
    assert summary(store) == truth(store) == {}


def test_a_full_redownload_that_drops_notes_keeps_it_right(store: Store) -> None:
    pid = "01900000-0000-7000-8000-0000000000e1"
    n1, n2 = "01900000-0000-7000-8000-0000000000f1", "01900000-0000-7000-8000-0000000000f2"
    syncstate.apply_page(
        store, [remote_participant(pid, 1), remote_note(n1, pid, 2, "a")], 2, index=False
    )
    syncstate.finish_bulk_load(store)  # as the engine does when the first sync ends
    store.conn.execute(
        "UPDATE case_note SET occurred_at = '2026-11-01T10:00:00Z' WHERE id = ?", (n1,)
    )
    syncstate.apply_page(store, [remote_note(n2, pid, 3, "b")], 3)
    assert summary(store) == truth(store) == {pid: "2026-11-20T10:00:00Z"}
    syncstate.start_resync(store)
    syncstate.apply_page(
        store, [remote_participant(pid, 4), remote_note(n1, pid, 5, "a")], 5, seen_table=True
    )
    syncstate.drop_unseen(store)  # n2 is gone from the server
    syncstate.finish_resync(store)
    assert summary(store) == truth(store)


def test_random_writes_never_leave_it_wrong(store: Store) -> None:
    rng = random.Random(20261128)
    people = [add_participant(store, f"P{i}") for i in range(6)]
    notes: list[str] = []
    kinds = ["face_to_face", "phone", "attempted", None]
    for step in range(400):
        roll = rng.random()
        if roll < 0.45 or not notes:
            nid = str(uuid.uuid4())
            when = (
                None
                if rng.random() < 0.05
                else f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T10:00:00Z"
            )
            store.conn.execute(
                "INSERT INTO case_note (id, participant_id, occurred_at, contact_kind, text,"
                " created_at, updated_at, deleted) VALUES (?, ?, ?, ?, 'x', 'c', 'u', ?)",
                (nid, rng.choice(people), when, rng.choice(kinds), int(rng.random() < 0.1)),
            )
            notes.append(nid)
        elif roll < 0.8:
            column, value = rng.choice(
                [
                    ("occurred_at", f"2026-{rng.randint(1, 12):02d}-01T08:00:00Z"),
                    ("contact_kind", rng.choice(kinds)),
                    ("deleted", rng.randint(0, 1)),
                    ("participant_id", rng.choice(people)),
                    ("text", "unrelated edit"),
                ]
            )
            store.conn.execute(
                f"UPDATE case_note SET {column} = ? WHERE id = ?", (value, rng.choice(notes))
            )
        else:
            gone = notes.pop(rng.randrange(len(notes)))
            store.conn.execute("DELETE FROM case_note WHERE id = ?", (gone,))
        if step % 40 == 0:
            assert summary(store) == truth(store), f"wrong after step {step}"
    assert summary(store) == truth(store)


def test_an_older_store_is_upgraded_with_the_summary_filled(
    profile_dir: Path, kdf: KdfParams
) -> None:
    store = Profile(profile_dir).create(PASSPHRASE, kdf=kdf)
    a = add_participant(store, "Ada")
    note(store, a, "2026-11-02T10:00:00Z")
    note(store, a, "2026-11-03T10:00:00Z", "attempted")
    # Back to the layout of version 1, as a store written by the previous release.
    for name in (
        "tr_case_note_contact_insert",
        "tr_case_note_contact_update",
        "tr_case_note_contact_delete",
    ):
        store.conn.execute(f"DROP TRIGGER {name}")
    for name in ("ix_referral_open", "ix_goal_step_open", "ix_release_day_meeting"):
        store.conn.execute(f"DROP INDEX {name}")
    store.conn.execute("DROP TABLE last_contact")
    store.conn.execute("PRAGMA user_version = 1")
    store.close()

    store = Profile(profile_dir).unlock(PASSPHRASE)
    try:
        assert store.conn.execute("PRAGMA user_version").fetchone()["user_version"] == (
            STORE_VERSION
        )
        assert summary(store) == truth(store) == {a: "2026-11-02T10:00:00Z"}
        note(store, a, "2026-11-04T10:00:00Z")  # and it is kept from then on
        assert summary(store) == truth(store) == {a: "2026-11-04T10:00:00Z"}
    finally:
        store.close()


def test_version_3_drops_participant_indexes_another_index_covers(
    profile_dir: Path, kdf: KdfParams
) -> None:
    def indexes(store: Store) -> set[str]:
        return {
            r["name"]
            for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
        }

    store = Profile(profile_dir).create(PASSPHRASE, kdf=kdf)
    assert "ix_case_note_participant" not in indexes(store)  # a new store never had it
    assert {"ix_case_note_0", "ix_goal_participant"} <= indexes(store)
    # As the previous release left it:
    store.conn.execute('CREATE INDEX "ix_case_note_participant" ON case_note (participant_id)')
    store.conn.execute('CREATE INDEX "ix_referral_participant" ON referral (participant_id)')
    store.conn.execute("PRAGMA user_version = 2")
    store.close()
    store = Profile(profile_dir).unlock(PASSPHRASE)
    try:
        found = indexes(store)
        assert "ix_case_note_participant" not in found and "ix_referral_participant" not in found
        assert {"ix_case_note_0", "ix_referral_0", "ix_goal_participant"} <= found
        assert store.conn.execute("PRAGMA user_version").fetchone()["user_version"] == (
            STORE_VERSION
        )
    finally:
        store.close()


def test_version_5_keeps_one_index_of_notes_that_covers_real_contact(
    profile_dir: Path, kdf: KdfParams
) -> None:
    def columns(store: Store, index: str) -> list[str]:
        return [r["name"] for r in store.conn.execute(f"PRAGMA index_info({index})")]

    store = Profile(profile_dir).create(PASSPHRASE, kdf=kdf)
    a = add_participant(store, "Ada")
    note(store, a, "2026-11-02T10:00:00Z")
    # As version 4 left it:
    store.conn.execute("DROP INDEX ix_case_note_0")
    store.conn.execute("CREATE INDEX ix_case_note_0 ON case_note (participant_id, occurred_at)")
    store.conn.execute(
        "CREATE INDEX ix_case_note_contact ON case_note (participant_id, occurred_at) "
        "WHERE deleted = 0 AND contact_kind != 'attempted'"
    )
    store.conn.execute("PRAGMA user_version = 4")
    store.close()
    store = Profile(profile_dir).unlock(PASSPHRASE)
    try:
        assert columns(store, "ix_case_note_0") == [
            "participant_id",
            "occurred_at",
            "contact_kind",
            "deleted",
        ]
        assert columns(store, "ix_case_note_contact") == []  # gone
        note(store, a, "2026-11-04T10:00:00Z")
        assert summary(store) == truth(store) == {a: "2026-11-04T10:00:00Z"}
    finally:
        store.close()


def test_version_6_keeps_every_conflict_and_adds_room_for_its_authors(
    profile_dir: Path, kdf: KdfParams
) -> None:
    store = Profile(profile_dir).create(PASSPHRASE, kdf=kdf)
    pid = add_participant(store)
    # As version 5 left it: no author columns, one open conflict from this laptop's push.
    store.conn.execute("DROP TABLE conflict")
    store.conn.execute(
        "CREATE TABLE conflict (id TEXT PRIMARY KEY NOT NULL, entity TEXT NOT NULL,"
        " record_id TEXT NOT NULL, participant_id TEXT, field TEXT NOT NULL, mine TEXT,"
        " theirs TEXT, detail TEXT, at TEXT NOT NULL, resolved INTEGER NOT NULL DEFAULT 0)"
    )
    store.conn.execute(
        "INSERT INTO conflict (id, entity, record_id, participant_id, field, mine, theirs,"
        " detail, at) VALUES ('c1', 'participant', ?, ?, 'phone', '\"1\"', '\"2\"', '', ?)",
        (pid, pid, "2026-11-20T10:00:00Z"),
    )
    store.conn.execute("PRAGMA user_version = 5")
    store.close()
    store = Profile(profile_dir).unlock(PASSPHRASE)
    try:
        [row] = syncstate.open_conflicts(store)
        assert (row["id"], row["mine"], row["theirs"], row["mine_by"]) == ("c1", "1", "2", None)
        assert store.conn.execute("PRAGMA user_version").fetchone()["user_version"] == (
            STORE_VERSION
        )
    finally:
        store.close()


def test_steps_of_achieved_or_stopped_goals_are_never_overdue(store: Store) -> None:
    """Issue 12.9: only a goal still being worked on makes a late step a reason to call."""
    pid = add_participant(store, "Ada")
    goals = {}
    for status in ("in_progress", "achieved", "stopped", "not_started"):
        goal = store.create(
            "goal",
            {
                "participant_id": pid,
                "pathway": "accommodation",
                "status": status,
                "goal_text": f"Goal {status}",
            },
        )
        store.create(
            "goal_step",
            {
                "participant_id": pid,
                "goal_id": goal["id"],
                "what": "Ring the council",
                "due_date": "2020-01-01",
            },
        )
        goals[status] = goal["id"]
    [row] = caseload(store)
    assert row.overdue_steps == 2  # in progress and not started
    store.update("goal", goals["in_progress"], {"status": "achieved"})
    store.update("goal", goals["not_started"], {"status": "stopped"})
    [row] = caseload(store)
    assert row.overdue_steps == 0
    store.update("goal", goals["stopped"], {"status": "in_progress"})
    store.delete("goal", goals["achieved"])
    [row] = caseload(store)
    assert row.overdue_steps == 1
