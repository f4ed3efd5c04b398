"""Sync bookkeeping inside the store: acknowledging pushed changes, applying pulled ones.

The sync engine (``mentor_desk.sync``) decides *what* to do; these functions do it to the
store, each in one local transaction, so every step is safe to repeat after a crash
(SYNC.md "One sync cycle"): results are stored before outbox rows are removed, and a pulled
page is applied together with the cursor that covers it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson

from mentor_desk.domain.ids import uuid7
from mentor_desk.domain.validation import utc_now_iso
from mentor_desk.domain.vocabulary import ENTITIES, Entity, entity
from mentor_desk.store.records import (
    _ENTITY_NUMBER,
    SEARCH_OUTBOX_KEY,
    Store,
    _converter,
    _encode,
    _participant_column,
)
from mentor_desk.store.schema import (
    LAST_CONTACT_FILL,
    LAST_CONTACT_INSERT,
    LAST_CONTACT_INSERT_TRIGGER,
    SEARCH_INDEX_DDL,
    q,
)

CURSOR_KEY = "sync_cursor"
RESYNC_KEY = "resync_in_progress"
#: Set while records were stored in bulk without what is derived from them (full-text
#: entries, "last contact"): a first sync or a full re-download makes those once, at its
#: end (see :func:`finish_bulk_load`).
BULK_KEY = "bulk_load_pending"
#: SQLite's default: a checkpoint when the write-ahead log reaches this many pages.
WAL_AUTOCHECKPOINT = 1000


@dataclass(frozen=True)
class PushResult:
    """The server's answer for one outbox row."""

    device_seq: int
    status: str  # applied | merged | rejected
    version: int = 0
    conflicts: Sequence[Mapping[str, Any]] = ()
    reason: str = ""
    detail: str = ""


@dataclass(frozen=True)
class RemoteChange:
    """One pulled change: the record's full current state on the server."""

    entity: str
    id: str
    seq: int
    version: int
    deleted: bool
    fields: Mapping[str, Any] = field(default_factory=dict)
    field_versions: Mapping[str, int] = field(default_factory=dict)


def cursor(store: Store) -> int:
    return int(store.meta(CURSOR_KEY, "0") or 0)


def acknowledge(store: Store, results: Iterable[PushResult]) -> dict[str, int]:
    """Store push results, then drop their outbox rows, in one transaction.

    Applied and merged changes stamp the local record with the server's version; rejected
    ones move to ``needs_attention`` with the reason (never silently dropped).
    Returns counts by status.
    """
    counts = {"applied": 0, "merged": 0, "rejected": 0}
    with store.transaction():
        # the rows about to go are the search queue of local saves: index them first
        store.flush_search_index()
        for res in results:
            row = store.conn.execute(
                "SELECT * FROM outbox WHERE device_seq = ?", (res.device_seq,)
            ).fetchone()
            if row is None:  # already acknowledged by an earlier, interrupted run
                continue
            counts[res.status] = counts.get(res.status, 0) + 1
            if res.status == "rejected":
                store.conn.execute(
                    "INSERT OR REPLACE INTO needs_attention (device_seq, entity, record_id,"
                    " participant_id, op, fields, reason, detail, at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        row["device_seq"],
                        row["entity"],
                        row["record_id"],
                        row["participant_id"],
                        row["op"],
                        row["fields"],
                        res.reason or "rejected",
                        res.detail,
                        utc_now_iso(),
                    ),
                )
            else:
                _stamp(
                    store,
                    entity(row["entity"]),
                    row["record_id"],
                    json.loads(row["fields"]),
                    res.version,
                )
                for c in res.conflicts:
                    _record_conflict(
                        store, row["entity"], row["record_id"], row["participant_id"], c
                    )
                    _take_theirs(store, entity(row["entity"]), row["record_id"], c)
            store.conn.execute("DELETE FROM outbox WHERE device_seq = ?", (res.device_seq,))
            # the outbox may now be empty: the next save numbers on from here, never again
            store.conn.execute(
                "INSERT INTO meta (key, value) VALUES ('next_device_seq', ?) ON CONFLICT (key)"
                " DO UPDATE SET value = max(CAST(value AS INTEGER),"
                " CAST(excluded.value AS INTEGER))",
                (str(res.device_seq + 1),),
            )
    return counts


def _stamp(
    store: Store, ent: Entity, record_id: str, fields: Mapping[str, Any], version: int
) -> None:
    rec = store.conn.execute(
        f"SELECT version, field_versions FROM {q(ent.name)} WHERE id = ?", (record_id,)
    ).fetchone()
    if rec is None or version <= 0:
        return
    fv = json.loads(rec["field_versions"] or "{}")
    for name in fields:
        fv[name] = max(int(fv.get(name, 0)), version)
    # Only the field versions: they are the base of the next local edit. The record's own
    # version moves when the pull brings the server's whole state, so a change another
    # device made in between is never skipped as "already have it".
    store.conn.execute(
        f"UPDATE {q(ent.name)} SET field_versions = ? WHERE id = ?",
        (json.dumps(fv, sort_keys=True), record_id),
    )


def _take_theirs(store: Store, ent: Entity, record_id: str, c: Mapping[str, Any]) -> None:
    """The server kept its value for a conflicting field: show the same here at once.

    The pull may never bring this record again (a merge that changed nothing on the server
    makes no new seq), so waiting for it would leave this laptop on the losing value.
    The losing value is kept in the conflict row.
    """
    name = str(c.get("field", ""))
    if not ent.has(name):
        return  # "*deleted*" and the like: the pull settles the record's state
    value = _encode(ent, {name: c.get("theirs")})[name]
    store.conn.execute(f"UPDATE {q(ent.name)} SET {q(name)} = ? WHERE id = ?", (value, record_id))
    store._index(ent, record_id)


def _record_conflict(
    store: Store, entity_name: str, record_id: str, participant_id: str | None, c: Mapping[str, Any]
) -> None:
    store.conn.execute(
        "INSERT OR REPLACE INTO conflict (id, entity, record_id, participant_id, field, mine,"
        " theirs, detail, at, mine_user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            str(c.get("id") or uuid7()),
            entity_name,
            record_id,
            participant_id,
            str(c.get("field", "")),
            json.dumps(c.get("mine"), ensure_ascii=False),
            json.dumps(c.get("theirs"), ensure_ascii=False),
            str(c.get("detail", "")),
            utc_now_iso(),
            store.actor_id,
        ),
    )


def pending_fields(store: Store) -> dict[tuple[str, str], set[str]]:
    """(entity, id) → fields with local changes not yet pushed (deletes mark ``*``)."""
    out: dict[tuple[str, str], set[str]] = {}
    for row in store.conn.execute("SELECT entity, record_id, op, fields FROM outbox"):
        names = out.setdefault((row["entity"], row["record_id"]), set())
        names.update(["*"] if row["op"] == "delete" else json.loads(row["fields"]))
    return out


def deletion_share(store: Store, changes: Sequence[RemoteChange]) -> tuple[int, int]:
    """How many local records this page would delete, and how many there are.

    Counting every local record reads whole tables (a quarter of a second at office size),
    so it is done only for a page that deletes something here.
    """
    doomed = sum(
        1
        for ch in changes
        if ch.deleted and ch.entity in ENTITIES and store.get(ch.entity, ch.id) is not None
    )
    if not doomed:
        return 0, 0
    return doomed, sum(store.count(ent.name) for ent in ENTITIES.values())


def apply_page(
    store: Store,
    changes: Sequence[RemoteChange],
    next_cursor: int,
    *,
    seen_table: bool = False,
    index: bool = True,
) -> int:
    """Apply pulled changes and advance the cursor in **one** transaction.

    Fields with a local change still in the outbox keep the local value (it will be pushed
    and merged by the server); everything else takes the server's state. Returns how many
    records changed locally. ``index=False`` (a first sync or full re-download) leaves the
    full-text entries of new records and their "last contact" to :func:`finish_bulk_load`
    at the end: made once in bulk they cost a third of making them page by page.
    """
    applied = 0
    with store.transaction():
        if not index:
            store.set_meta(BULK_KEY, "1")
            store.conn.execute(f"DROP TRIGGER IF EXISTS {LAST_CONTACT_INSERT}")
            # One checkpoint at the end instead of one every 1,000 pages: the pages that
            # every transaction touches again are copied to the database file once.
            store.conn.execute("PRAGMA wal_autocheckpoint = 0")
        pending = pending_fields(store)
        by_entity: dict[str, list[RemoteChange]] = {}
        for ch in changes:
            if ch.entity not in ENTITIES:
                continue  # a record type from a newer schema; it comes again after upgrade
            by_entity.setdefault(ch.entity, []).append(ch)
        for name, group in by_entity.items():
            ent = entity(name)
            if seen_table:
                store.conn.executemany(
                    "INSERT OR IGNORE INTO resync_seen (entity, id) VALUES (?, ?)",
                    [(name, ch.id) for ch in group],
                )
            known = _known(store, ent, [ch.id for ch in group])
            fresh = [ch for ch in group if ch.id not in known and (name, ch.id) not in pending]
            applied += _insert_new(store, ent, _latest_only(fresh), index=index)
            for ch in group:
                if ch.id in known or (name, ch.id) in pending:
                    applied += _apply_one(store, ent, ch, pending.get((name, ch.id), set()))
        store.set_meta(CURSOR_KEY, str(next_cursor))
    return applied


def _known(store: Store, ent: Entity, ids: Sequence[str]) -> set[str]:
    out: set[str] = set()
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ", ".join("?" for _ in chunk)
        rows = store.conn.execute(f"SELECT id FROM {q(ent.name)} WHERE id IN ({marks})", chunk)
        out.update(r["id"] for r in rows)
    return out


def _latest_only(changes: Sequence[RemoteChange]) -> list[RemoteChange]:
    latest: dict[str, RemoteChange] = {}
    for ch in changes:
        if ch.id not in latest or latest[ch.id].version <= ch.version:
            latest[ch.id] = ch
    return list(latest.values())


def _insert_new(
    store: Store, ent: Entity, changes: Sequence[RemoteChange], *, index: bool = True
) -> int:
    """The first-sync fast path: records this laptop has never had, inserted in bulk."""
    if not changes:
        return 0
    now = utc_now_iso()
    cols = [
        "id",
        *ent.names,
        "created_at",
        "updated_at",
        "created_by",
        "updated_by",
        "version",
        "field_versions",
        "deleted",
    ]
    convert = [(name, _converter(ent.field(name).kind)) for name in ent.names]
    rows = []
    for ch in changes:
        values = ch.fields
        row: list[Any] = [ch.id]
        for name, conv in convert:  # as _encode does, without a dict per record
            value = values.get(name)
            row.append(value if value is None or conv is None else conv(value))
        row += [
            now,
            now,
            None,
            None,
            ch.version,
            orjson.dumps(ch.field_versions).decode(),  # as compact JSON, 5x quicker
            1 if ch.deleted else 0,
        ]
        rows.append(row)
    store.conn.executemany(
        f"INSERT INTO {q(ent.name)} ({', '.join(q(c) for c in cols)}) "
        f"VALUES ({', '.join('?' for _ in cols)})",
        rows,
    )
    live = [ch.id for ch in changes if not ch.deleted]
    if index and ent.searchable and live:
        store._index_many(ent, live)
    return len(rows)


def _apply_one(store: Store, ent: Entity, ch: RemoteChange, pending: set[str]) -> int:
    current = store.conn.execute(
        f"SELECT version, field_versions, deleted FROM {q(ent.name)} WHERE id = ?", (ch.id,)
    ).fetchone()
    if current is not None and int(current["version"]) >= ch.version and not pending:
        return 0  # already have this or newer
    if "*" in pending:
        return 0  # deleted here, not pushed yet: the server will decide (edit vs delete)
    fields = {k: v for k, v in ch.fields.items() if ent.has(k) and k not in pending}
    now = utc_now_iso()
    fv = dict(json.loads(current["field_versions"] or "{}")) if current is not None else {}
    fv.update({k: int(v) for k, v in ch.field_versions.items() if k not in pending})
    meta = {
        "version": ch.version,
        "field_versions": json.dumps(fv, sort_keys=True),
        "deleted": 1 if ch.deleted else 0,
        "updated_at": now,
    }
    enc = _encode(ent, fields)
    if current is None:
        row = {
            **{f.name: None for f in ent.fields},
            **enc,
            **meta,
            "id": ch.id,
            "created_at": now,
            "created_by": None,
            "updated_by": None,
        }
        cols = ", ".join(q(c) for c in row)
        store.conn.execute(
            f"INSERT INTO {q(ent.name)} ({cols}) VALUES ({', '.join('?' for _ in row)})",
            list(row.values()),
        )
    else:
        if not pending:  # a full replace: fields the server no longer has become empty
            enc = {**{f.name: None for f in ent.fields}, **enc}
        sets = {**enc, **meta}
        store.conn.execute(
            f"UPDATE {q(ent.name)} SET {', '.join(f'{q(k)} = ?' for k in sets)} WHERE id = ?",
            [*sets.values(), ch.id],
        )
    if ch.deleted:
        store._unindex(ent, ch.id)
    else:
        store._index(ent, ch.id)
    return 1


def purge_participant(store: Store, participant_id: str) -> int:
    """Remove every local row of one participant (scope removal). Returns rows removed.

    The caller must have pushed that participant's pending changes first.
    """
    removed = 0
    with store.transaction():
        for ent in ENTITIES.values():
            if not ent.scoped:
                continue
            col = "id" if ent.name == "participant" else "participant_id"
            ids = [
                r["id"]
                for r in store.conn.execute(
                    f"SELECT id FROM {q(ent.name)} WHERE {col} = ?", (participant_id,)
                )
            ]
            for rid in ids:
                store._unindex(ent, rid)
            removed += store.conn.execute(
                f"DELETE FROM {q(ent.name)} WHERE {col} = ?", (participant_id,)
            ).rowcount
        for table in ("draft", "conflict", "needs_attention"):
            store.conn.execute(f"DELETE FROM {table} WHERE participant_id = ?", (participant_id,))
    return removed


def drop_unseen(store: Store) -> int:
    """After a full re-download: remove local records the server no longer has, except those
    with changes still waiting to be pushed."""
    pending = pending_fields(store)
    seen = {(r["entity"], r["id"]) for r in store.conn.execute("SELECT * FROM resync_seen")}
    removed = 0
    with store.transaction():
        for ent in ENTITIES.values():
            for r in list(store.conn.execute(f"SELECT id, version FROM {q(ent.name)}")):
                key = (ent.name, r["id"])
                if key in seen or key in pending or int(r["version"]) == 0:
                    continue
                store._unindex(ent, r["id"])
                store.conn.execute(f"DELETE FROM {q(ent.name)} WHERE id = ?", (r["id"],))
                removed += 1
    return removed


def bulk_load_pending(store: Store) -> bool:
    """Whether records were stored in bulk and what derives from them is not made yet."""
    return store.meta(BULK_KEY) == "1"


def finish_bulk_load(store: Store) -> int:
    """After a bulk load (see :func:`apply_page`): the full-text index and "last contact"
    made from the records, and the trigger that keeps "last contact" up to date back, in one
    transaction. Returns the size of the index."""
    try:
        with store.transaction():
            total = rebuild_search_index(store)
            store.conn.execute(f"DROP TRIGGER IF EXISTS {LAST_CONTACT_INSERT}")
            store.conn.execute(LAST_CONTACT_INSERT_TRIGGER)
            store.conn.execute("DELETE FROM last_contact")
            store.conn.execute(LAST_CONTACT_FILL)
            store.set_meta(BULK_KEY, None)
    finally:
        store.conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT}")
        store.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
    return total


def rebuild_search_index(store: Store) -> int:
    """Build the full-text index from scratch, in one transaction; returns its size.

    Each entry is made inside SQLite, as :meth:`Store._write_index` makes it in Python (the
    searchable fields, the empty ones left out, one per line): a third quicker at office size.
    """
    total = 0
    with store.transaction():
        store.conn.execute("DROP TABLE search_index")  # far quicker than deleting its rows
        store.conn.execute(SEARCH_INDEX_DDL)
        store.conn.execute("DELETE FROM search_doc")
        store.conn.execute("DELETE FROM search_pending")  # everything is indexed below
        newest = store.conn.execute("SELECT max(device_seq) AS n FROM outbox").fetchone()["n"]
        store.set_meta(SEARCH_OUTBOX_KEY, None if newest is None else str(newest))
        for ent in ENTITIES.values():
            if not ent.searchable:
                continue
            body = ", ".join(f"nullif({q(f.name)}, '')" for f in ent.searchable)
            rowid = f"rowid * 64 + {_ENTITY_NUMBER[ent.name]}"
            pcol = _participant_column(ent)
            total += store.conn.execute(
                "INSERT INTO search_index (rowid, entity, record_id, participant_id, body) "
                f"SELECT {rowid}, ?, id, {pcol}, concat_ws(char(10), {body}) "
                f"FROM {q(ent.name)} WHERE deleted = 0",
                (ent.name,),
            ).rowcount
            store.conn.execute(
                f"INSERT INTO search_doc (rowid, participant_id) "
                f"SELECT {rowid}, {pcol} FROM {q(ent.name)} WHERE deleted = 0"
            )
    return total


def resync_in_progress(store: Store) -> bool:
    """A full re-download (410 resync_required) was started and has not finished."""
    return store.meta(RESYNC_KEY) == "1"


def start_resync(store: Store) -> None:
    """Begin a full re-download: pull from cursor 0, noting every record seen."""
    with store.transaction():
        store.set_meta(RESYNC_KEY, "1")
        store.set_meta(CURSOR_KEY, "0")
        store.conn.execute("DELETE FROM resync_seen")


def finish_resync(store: Store) -> None:
    """End a full re-download: drop what the server no longer has, forget what was seen."""
    drop_unseen(store)
    with store.transaction():
        store.set_meta(RESYNC_KEY, None)
        store.conn.execute("DELETE FROM resync_seen")


def needs_attention(store: Store) -> list[dict[str, Any]]:
    rows = store.conn.execute("SELECT * FROM needs_attention ORDER BY device_seq")
    return [dict(r) for r in rows]


def merge_server_conflicts(
    store: Store, listed: Sequence[Mapping[str, Any]], *, complete: bool
) -> int:
    """Bring the server's list of open conflicts in this device's scope into the store.

    SYNC.md: a conflict is "visible in the conflict review screen for both authors and
    coordinators", so each device asks for every open conflict it may see, not only those
    its own pushes caused. A listed conflict is added, or its names and times filled in;
    one settled here and not yet reported stays settled. When the list is ``complete``
    (shorter than the server's page), an open one here that the server no longer lists
    was settled elsewhere and is closed. Returns how many were added.
    """
    added = 0
    with store.transaction():
        known = {
            r["id"]: int(r["resolved"])
            for r in store.conn.execute("SELECT id, resolved FROM conflict")
        }
        for c in listed:
            cid = str(c.get("id") or "")
            if not cid:
                continue
            names = (
                c.get("mine_user_id"),
                c.get("mine_by"),
                c.get("theirs_user_id"),
                c.get("theirs_by"),
                c.get("theirs_at"),
                str(c.get("at") or utc_now_iso()),
            )
            if cid in known:
                store.conn.execute(
                    "UPDATE conflict SET mine_user_id = ?, mine_by = ?, theirs_user_id = ?,"
                    " theirs_by = ?, theirs_at = ?, at = ? WHERE id = ?",
                    (*names, cid),
                )
                continue
            store.conn.execute(
                "INSERT INTO conflict (id, entity, record_id, participant_id, field, mine,"
                " theirs, detail, mine_user_id, mine_by, theirs_user_id, theirs_by, theirs_at, at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?)",
                (
                    cid,
                    str(c.get("entity", "")),
                    str(c.get("record_id", "")),
                    c.get("participant_id"),
                    str(c.get("field", "")),
                    json.dumps(c.get("mine"), ensure_ascii=False),
                    json.dumps(c.get("theirs"), ensure_ascii=False),
                    *names,
                ),
            )
            added += 1
        if complete:
            gone = [cid for cid, done in known.items() if not done]
            listed_ids = {str(c.get("id") or "") for c in listed}
            store.conn.executemany(
                "UPDATE conflict SET resolved = 1 WHERE id = ?",
                [(cid,) for cid in gone if cid not in listed_ids],
            )
    return added


def open_conflicts(store: Store) -> list[dict[str, Any]]:
    rows = store.conn.execute("SELECT * FROM conflict WHERE resolved = 0 ORDER BY at")
    return [
        {**r, "mine": json.loads(r["mine"] or "null"), "theirs": json.loads(r["theirs"] or "null")}
        for r in rows
    ]
