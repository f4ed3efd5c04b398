"""The one door to the local store: every record read and write goes through :class:`Store`.

Repositories are driven by the vocabulary, not written per record type: ``create``,
``update``, ``delete``, ``get`` and ``list`` take the record type's wire name. Every write
validates the whole resulting record first, then in **one transaction** writes the row,
refreshes its full-text index entry and appends its outbox row (SYNC.md "The outbox").
"""

from __future__ import annotations

import builtins
import functools
import json
import secrets
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import orjson

from mentor_desk.domain.ids import uuid7
from mentor_desk.domain.validation import FieldError, ValidationFailed, utc_now_iso, validate
from mentor_desk.domain.vocabulary import ENTITIES, SCHEMA_VERSION, Entity, Kind, entity
from mentor_desk.store.database import Connection
from mentor_desk.store.errors import AppendOnly, RecordMissing
from mentor_desk.store.schema import q

Record = dict[str, Any]
_ENTITY_NUMBER = {name: i for i, name in enumerate(ENTITIES)}
_PREFIX_ALPHABET = "ACDEFGHJKLMNPQRTUVWXY3479"  # no look-alikes (0/O, 1/I, 5/S, 8/B)


@dataclass(frozen=True)
class OutboxRow:
    device_seq: int
    entity: str
    record_id: str
    participant_id: str | None
    op: str
    base_version: int
    fields: dict[str, Any]
    field_versions: dict[str, int]
    schema_version: int
    created_at: str


@dataclass(frozen=True)
class SearchHit:
    entity: str
    record_id: str
    participant_id: str | None
    snippet: str


#: List and JSON fields as stored (one encoder, not one per call: the first sync encodes
#: about a hundred thousand of them).
_json_text = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


def _bool_int(value: Any) -> int:
    return 1 if value else 0


def _converter(kind: Kind) -> Callable[[Any], Any] | None:
    """How a field of ``kind`` is written to its column (``None``: as it is)."""
    if kind in (Kind.LIST, Kind.JSON):
        return _json_text
    if kind is Kind.BOOL:
        return _bool_int
    return None


def _encode(ent: Entity, values: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in values.items():
        convert = _converter(ent.field(name).kind)
        out[name] = value if value is None or convert is None else convert(value)
    return out


def _participant_column(ent: Entity) -> str:
    """The column (or NULL) that names the participant a record of ``ent`` is about."""
    return "id" if ent.name == "participant" else ("participant_id" if ent.scoped else "NULL")


def _index_select(ent: Entity) -> str:
    """SELECT of what a searchable record's full-text entry is made of."""
    cols = ", ".join(q(f.name) for f in ent.searchable)
    pid = _participant_column(ent)
    return f"SELECT rowid AS r, id, {cols}, {pid} AS pid, deleted AS gone FROM {q(ent.name)}"


def _decode_row(ent: Entity, row: Mapping[str, Any]) -> Record:
    rec: Record = {}
    for key in row.keys():  # noqa: SIM118 - sqlite rows are not dicts
        value = row[key]
        if key == "field_versions":
            rec[key] = json.loads(value) if value else {}
        elif key == "deleted":
            rec[key] = bool(value)
        elif ent.has(key) and value is not None:
            kind = ent.field(key).kind
            if kind in (Kind.LIST, Kind.JSON):
                rec[key] = json.loads(value)
            elif kind is Kind.BOOL:
                rec[key] = bool(value)
            else:
                rec[key] = value
        else:
            rec[key] = value
    return rec


def fts_query(text: str) -> str | None:
    """Turn what a user typed into a safe FTS5 prefix query ("ali smi" → all words, prefixes)."""
    words = [w for w in "".join(c if c.isalnum() else " " for c in text).split() if w]
    if not words:
        return None
    return " ".join('"' + w.replace('"', "") + '"*' for w in words[:12])


#: ``meta`` key: outbox rows up to this device_seq have their full-text entries; a local
#: save is queued for search by its outbox row alone (one page fewer in every save's commit).
#: A push's acknowledgement indexes the queue before it deletes outbox rows.
SEARCH_OUTBOX_KEY = "search_indexed_device_seq"

#: See :meth:`Store._outbox`. ``meta.next_device_seq`` is the next seq once every row
#: before it has been acknowledged.
_NEXT_DEVICE_SEQ = (
    "SELECT max(coalesce((SELECT max(device_seq) FROM outbox), 0) + 1,"
    " coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'next_device_seq'), 1))"
    " AS seq"
)


class Store:
    """An unlocked encrypted store.

    Not thread-safe by itself: the program hands it to one :class:`~.worker.StoreWorker`
    thread, which is the only code that calls it.
    """

    def __init__(self, conn: Connection, *, actor_id: str = "local", actor_name: str = "") -> None:
        self.conn = conn
        self.conn.row_factory = _row_factory
        self.actor_id = actor_id
        self.actor_name = actor_name
        self._depth = 0
        #: Full per-page authentication on a separate read-only connection; returns the
        #: number of damaged pages. Slow (reads the whole file): run it off the worker.
        self.page_check: Callable[[], int] = lambda: 0

    # -- transactions ---------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction; nested uses join the outer one. Rolls back on any error."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self.conn.execute("ROLLBACK")
            raise
        self._depth = 0
        self.conn.execute("COMMIT")

    def close(self) -> None:
        try:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            self.conn.close()

    # -- meta -----------------------------------------------------------------------
    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return default if row is None else row["value"]

    def set_meta(self, key: str, value: str | None) -> None:
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def device_prefix(self) -> str:
        prefix = self.meta("device_prefix")
        if prefix is None:
            prefix = "".join(secrets.choice(_PREFIX_ALPHABET) for _ in range(3))
            with self.transaction():
                self.set_meta("device_prefix", prefix)
        return prefix

    def new_reference(self, year: int | None = None) -> str:
        """A participant reference unique without asking the server: prefix-year-counter."""
        prefix = self.device_prefix()
        year = year or datetime.now(UTC).year
        with self.transaction():
            n = int(self.meta("reference_counter", "0") or 0) + 1
            self.set_meta("reference_counter", str(n))
        return f"{prefix}-{year}-{n:04d}"

    # -- reads ----------------------------------------------------------------------
    def get(
        self, entity_name: str, record_id: str, *, include_deleted: bool = False
    ) -> Record | None:
        ent = entity(entity_name)
        row = self.conn.execute(
            f"SELECT * FROM {q(ent.name)} WHERE id = ?", (record_id,)
        ).fetchone()
        if row is None or (row["deleted"] and not include_deleted):
            return None
        return _decode_row(ent, row)

    def list(
        self,
        entity_name: str,
        *,
        participant_id: str | None = None,
        where: Mapping[str, Any] | None = None,
        order_by: Sequence[str] = (),
        limit: int | None = None,
        include_deleted: bool = False,
    ) -> list[Record]:
        """Records of one type, optionally of one participant and with equal-field filters.

        ``order_by`` names fields, each optionally prefixed by ``-`` for descending.
        """
        ent = entity(entity_name)
        clauses, params = [], []
        if not include_deleted:
            clauses.append("deleted = 0")
        if participant_id is not None:
            clauses.append("participant_id = ?" if ent.name != "participant" else "id = ?")
            params.append(participant_id)
        for name, value in (where or {}).items():
            if not (ent.has(name) or name in ("id", "created_by", "updated_by")):
                raise KeyError(f"{name!r} is not a field of {ent.name}")
            clauses.append(f"{q(name)} = ?")
            params.append(_encode(ent, {name: value})[name] if ent.has(name) else value)
        sql = f"SELECT * FROM {q(ent.name)}"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        if order_by:
            parts = []
            for key in order_by:
                desc = key.startswith("-")
                name = key.lstrip("-")
                if not (ent.has(name) or name in ("id", "created_at", "updated_at")):
                    raise KeyError(f"{name!r} is not a field of {ent.name}")
                parts.append(f"{q(name)} {'DESC' if desc else 'ASC'}")
            sql += " ORDER BY " + ", ".join(parts)
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [_decode_row(ent, r) for r in self.conn.execute(sql, params)]

    def count(self, entity_name: str, *, include_deleted: bool = False) -> int:
        ent = entity(entity_name)
        sql = f"SELECT count(*) AS n FROM {q(ent.name)}"
        if not include_deleted:
            sql += " WHERE deleted = 0"
        return int(self.conn.execute(sql).fetchone()["n"])

    # -- writes ---------------------------------------------------------------------
    def create(
        self, entity_name: str, values: Mapping[str, Any], *, record_id: str | None = None
    ) -> Record:
        """Validate and insert a new record; returns it. Raises :class:`ValidationFailed`."""
        ent = entity(entity_name)
        clean = {k: v for k, v in values.items() if v is not None}
        _raise_if_invalid(ent, clean)
        now = utc_now_iso()
        rid = record_id or uuid7()
        row = {**{f.name: None for f in ent.fields}, **_encode(ent, clean)}
        row.update(
            id=rid,
            created_at=now,
            updated_at=now,
            created_by=self.actor_id,
            updated_by=self.actor_id,
            version=0,
            field_versions="{}",
            deleted=0,
        )
        with self.transaction():
            self.conn.execute(_insert_sql(ent.name, row), list(row.values()))
            # no search queue row: the outbox row below is the queue entry (_SEARCH_OUTBOX)
            self._outbox(ent, rid, _participant_of(ent, rid, clean), "upsert", 0, clean, {})
        return _decode_row(ent, row)

    def update(self, entity_name: str, record_id: str, changes: Mapping[str, Any]) -> Record:
        """Change some fields of a record; validates the whole result first."""
        ent = entity(entity_name)
        with self.transaction():
            current = self.get(ent.name, record_id)
            if current is None:
                raise RecordMissing(ent.name)
            if ent.append_only and _synced(current):
                raise AppendOnly()
            changed = {k: v for k, v in changes.items() if current.get(k) != v}
            unknown = [
                FieldError(k, "is not a field of this record") for k in changed if not ent.has(k)
            ]
            if unknown:
                raise ValidationFailed(ent.name, unknown)
            merged = {f.name: current.get(f.name) for f in ent.fields}
            merged.update(changed)
            _raise_if_invalid(ent, {k: v for k, v in merged.items() if v is not None})
            if not changed:
                return current
            enc = _encode(ent, changed)
            sets = ", ".join(f"{q(k)} = ?" for k in enc)
            self.conn.execute(
                f"UPDATE {q(ent.name)} SET {sets}, updated_at = ?, updated_by = ? WHERE id = ?",
                [*enc.values(), utc_now_iso(), self.actor_id, record_id],
            )
            fv = current["field_versions"]  # the outbox row queues it for search, as above
            self._outbox(
                ent,
                record_id,
                _participant_of(ent, record_id, merged),
                "upsert",
                current["version"],
                dict(changed),
                {k: int(fv.get(k, current["version"])) for k in changed},
            )
        rec = self.get(ent.name, record_id)
        assert rec is not None
        return rec

    def delete(self, entity_name: str, record_id: str) -> None:
        """Tombstone a record (kept as ``deleted`` until purged; SYNC.md "Deletes")."""
        ent = entity(entity_name)
        with self.transaction():
            current = self.get(ent.name, record_id)
            if current is None:
                raise RecordMissing(ent.name)
            if ent.append_only and _synced(current):
                raise AppendOnly()
            self.conn.execute(
                f"UPDATE {q(ent.name)} SET deleted = 1, updated_at = ?, updated_by = ? "
                "WHERE id = ?",
                (utc_now_iso(), self.actor_id, record_id),
            )
            self._unindex(ent, record_id)
            self._outbox(
                ent,
                record_id,
                _participant_of(ent, record_id, current),
                "delete",
                current["version"],
                {},
                {},
            )

    def create_many(self, entity_name: str, rows: Sequence[Mapping[str, Any]]) -> int:
        """Insert many new records in one transaction (demo data, imports), same rules."""
        ent = entity(entity_name)
        with self.transaction():
            for values in rows:
                self.create(ent.name, values, record_id=values.get("id"))
        return len(rows)

    # -- internals -------------------------------------------------------------------
    def _rowid(self, ent: Entity, record_id: str) -> int | None:
        row = self.conn.execute(
            f"SELECT rowid AS r FROM {q(ent.name)} WHERE id = ?", (record_id,)
        ).fetchone()
        return None if row is None else int(row["r"]) * 64 + _ENTITY_NUMBER[ent.name]

    def _index(self, ent: Entity, record_id: str) -> None:
        """Queue a record written other than by a local save (a pulled change) for its
        full-text entry, in the transaction that wrote it.

        Writing the entry itself made every save commit a new full-text segment (a quarter
        of the time of saving a note). Records are indexed together by
        :meth:`flush_search_index`, which every search runs first, so a search never misses
        a saved record, and the queue is in the store, so a crash cannot lose it. A local
        save needs no queue row at all: its outbox row is one (:data:`SEARCH_OUTBOX_KEY`).
        """
        if ent.searchable:
            self.conn.execute(
                "INSERT OR IGNORE INTO search_pending (entity, record_id) VALUES (?, ?)",
                (ent.name, record_id),
            )

    def flush_search_index(self) -> int:
        """Write the full-text entries of the queued records (see :meth:`_index`): those in
        ``search_pending`` and those of outbox rows after :data:`SEARCH_OUTBOX_KEY`.
        Returns how many entries were written."""
        done = int(self.meta(SEARCH_OUTBOX_KEY, "0") or 0)
        newest = self.conn.execute("SELECT max(device_seq) AS n FROM outbox").fetchone()["n"]
        saved = newest is not None and newest > done
        if (
            not saved
            and self.conn.execute("SELECT 1 FROM search_pending LIMIT 1").fetchone() is None
        ):
            return 0
        with self.transaction():
            queued: dict[str, set[str]] = {}
            for r in self.conn.execute("SELECT entity, record_id FROM search_pending"):
                queued.setdefault(r["entity"], set()).add(r["record_id"])
            if saved:
                for r in self.conn.execute(
                    "SELECT entity, record_id FROM outbox WHERE device_seq > ? AND op = 'upsert'",
                    (done,),
                ):
                    if entity(r["entity"]).searchable:
                        queued.setdefault(r["entity"], set()).add(r["record_id"])
                self.set_meta(SEARCH_OUTBOX_KEY, str(newest))
            written = 0
            for name, found in queued.items():
                ent, number, ids = entity(name), _ENTITY_NUMBER[name], sorted(found)
                for i in range(0, len(ids), 500):
                    chunk = ids[i : i + 500]
                    marks = ", ".join("?" for _ in chunk)
                    rows = self.conn.execute(
                        f"{_index_select(ent)} WHERE id IN ({marks})", chunk
                    ).fetchall()
                    old = [(int(r["r"]) * 64 + number,) for r in rows]
                    self.conn.executemany("DELETE FROM search_index WHERE rowid = ?", old)
                    self.conn.executemany("DELETE FROM search_doc WHERE rowid = ?", old)
                    live = [r for r in rows if not r["gone"]]
                    self._write_index(ent, live)
                    written += len(live)
            self.conn.execute("DELETE FROM search_pending")
        return written

    def _index_many(self, ent: Entity, record_ids: Sequence[str]) -> None:
        """Full-text entries for records that have none yet (bulk first sync)."""
        for i in range(0, len(record_ids), 500):
            chunk = record_ids[i : i + 500]
            marks = ", ".join("?" for _ in chunk)
            rows = self.conn.execute(
                f"{_index_select(ent)} WHERE id IN ({marks})", list(chunk)
            ).fetchall()
            self._write_index(ent, rows)

    def _write_index(self, ent: Entity, rows: Sequence[Mapping[str, Any]]) -> None:
        """Full-text entries for rows read with :func:`_index_select`."""
        number = _ENTITY_NUMBER[ent.name]
        entries = [
            (
                int(r["r"]) * 64 + number,
                ent.name,
                r["id"],
                r["pid"],
                "\n".join(str(r[f.name]) for f in ent.searchable if r[f.name]),
            )
            for r in rows
        ]
        self.conn.executemany(
            "INSERT INTO search_index (rowid, entity, record_id, participant_id, body) "
            "VALUES (?, ?, ?, ?, ?)",
            entries,
        )
        self.conn.executemany(
            "INSERT OR REPLACE INTO search_doc (rowid, participant_id) VALUES (?, ?)",
            [(e[0], e[3]) for e in entries],
        )

    def _unindex(self, ent: Entity, record_id: str) -> None:
        if ent.searchable:
            rowid = self._rowid(ent, record_id)
            self.conn.execute("DELETE FROM search_index WHERE rowid = ?", (rowid,))
            self.conn.execute("DELETE FROM search_doc WHERE rowid = ?", (rowid,))
            self.conn.execute(
                "DELETE FROM search_pending WHERE entity = ? AND record_id = ?",
                (ent.name, record_id),
            )

    def _outbox(
        self,
        ent: Entity,
        record_id: str,
        participant_id: str | None,
        op: str,
        base_version: int,
        fields: Mapping[str, Any],
        field_versions: Mapping[str, int],
    ) -> None:
        # The next device_seq: one past the newest row waiting, or, with none waiting, the
        # floor that acknowledging a push moves on (``syncstate.acknowledge``). Read only, so
        # a save writes no page of ``meta``; gap-free, as the same transaction writes the row.
        seq = int(self.conn.execute(_NEXT_DEVICE_SEQ).fetchone()["seq"])
        self.conn.execute(
            "INSERT INTO outbox (device_seq, entity, record_id, participant_id, op, base_version,"
            " fields, field_versions, schema_version, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                seq,
                ent.name,
                record_id,
                participant_id,
                op,
                base_version,
                # orjson: compact, sorted, UTF-8 as is, and ~5x quicker than json.dumps
                orjson.dumps(fields, option=orjson.OPT_SORT_KEYS).decode(),
                orjson.dumps(field_versions, option=orjson.OPT_SORT_KEYS).decode(),
                SCHEMA_VERSION,
                utc_now_iso(),
            ),
        )

    # -- outbox, search, drafts -------------------------------------------------------
    def outbox(self, limit: int | None = None) -> builtins.list[OutboxRow]:
        sql = "SELECT * FROM outbox ORDER BY device_seq"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [
            OutboxRow(
                r["device_seq"],
                r["entity"],
                r["record_id"],
                r["participant_id"],
                r["op"],
                r["base_version"],
                json.loads(r["fields"]),
                json.loads(r["field_versions"]),
                r["schema_version"],
                r["created_at"],
            )
            for r in self.conn.execute(sql)
        ]

    def outbox_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) AS n FROM outbox").fetchone()["n"])

    def search(
        self, text: str, *, entities: Sequence[str] = (), limit: int = 200
    ) -> builtins.list[SearchHit]:
        """Full-text search over names, references, notes and other free text."""
        query = fts_query(text)
        if query is None:
            return []
        self.flush_search_index()
        sql = (
            "SELECT entity, record_id, participant_id,"
            " snippet(search_index, 3, '[', ']', '…', 12) AS snip"
            " FROM search_index WHERE search_index MATCH ?"
        )
        params: list[Any] = [query]
        if entities:
            sql += f" AND entity IN ({', '.join('?' for _ in entities)})"
            params += list(entities)
        sql += f" ORDER BY rank LIMIT {int(limit)}"
        return [
            SearchHit(r["entity"], r["record_id"], r["participant_id"], r["snip"])
            for r in self.conn.execute(sql, params)
        ]

    def search_participant_ids(self, text: str, limit: int = 5000) -> set[str]:
        """Ids of participants whose name, reference or any record text matches ``text``."""
        query = fts_query(text)
        if query is None:
            return set()
        self.flush_search_index()
        rows = self.conn.execute(
            "SELECT DISTINCT participant_id FROM search_doc WHERE rowid IN "
            "(SELECT rowid FROM search_index WHERE search_index MATCH ?) "
            f"AND participant_id IS NOT NULL LIMIT {int(limit)}",
            (query,),
        )
        return {r["participant_id"] for r in rows}

    def save_draft(
        self, key: str, kind: str, body: Mapping[str, Any], participant_id: str | None = None
    ) -> None:
        """Keep typed-but-unsaved text, encrypted like everything else in the store."""
        with self.transaction():
            self.conn.execute(
                "INSERT INTO draft (key, kind, participant_id, body, updated_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET kind = excluded.kind,"
                " participant_id = excluded.participant_id, body = excluded.body,"
                " updated_at = excluded.updated_at",
                (
                    key,
                    kind,
                    participant_id,
                    json.dumps(dict(body), ensure_ascii=False),
                    utc_now_iso(),
                ),
            )

    def load_draft(self, key: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT body FROM draft WHERE key = ?", (key,)).fetchone()
        return None if row is None else dict(json.loads(row["body"]))

    def drafts(self) -> builtins.list[dict[str, Any]]:
        """Every kept draft: key, kind, participant_id, body, updated_at (newest first)."""
        rows = self.conn.execute("SELECT * FROM draft ORDER BY updated_at DESC")
        return [
            {
                "key": r["key"],
                "kind": r["kind"],
                "participant_id": r["participant_id"],
                "body": json.loads(r["body"]),
                "updated_at": r["updated_at"],
            }
            for r in rows
        ]

    def delete_draft(self, key: str) -> None:
        with self.transaction():
            self.conn.execute("DELETE FROM draft WHERE key = ?", (key,))

    def possible_duplicates(self) -> builtins.list[builtins.list[str]]:
        """Groups of participant ids with the same name and date of birth (for a coordinator)."""
        rows = self.conn.execute(
            "SELECT group_concat(id, ' ') AS ids FROM participant WHERE deleted = 0 AND "
            "date_of_birth IS NOT NULL GROUP BY lower(trim(given_name)), "
            "lower(trim(family_name)), date_of_birth HAVING count(*) > 1"
        )
        return [sorted(r["ids"].split()) for r in rows]


def _synced(rec: Record) -> bool:
    """Has the server accepted this record (pulled back, or acknowledged after a push)?"""
    return bool(rec["version"] > 0 or rec["field_versions"])


@functools.cache
def _insert_sql_for(entity_name: str, columns: tuple[str, ...]) -> str:
    return (
        f"INSERT INTO {q(entity_name)} ({', '.join(q(c) for c in columns)})"
        f" VALUES ({', '.join('?' for _ in columns)})"
    )


def _insert_sql(entity_name: str, row: Mapping[str, Any]) -> str:
    """The INSERT for ``row``'s columns, made once per entity (every row of one entity has
    the same columns in the same order)."""
    return _insert_sql_for(entity_name, tuple(row))


def _row_factory(cursor: Any, row: tuple[Any, ...]) -> dict[str, Any]:
    return {d[0]: v for d, v in zip(cursor.description, row, strict=True)}


def _participant_of(ent: Entity, record_id: str, values: Mapping[str, Any]) -> str | None:
    if ent.name == "participant":
        return record_id
    return values.get("participant_id") if ent.scoped else None


def _raise_if_invalid(ent: Entity, values: Mapping[str, Any]) -> None:
    errors = validate(ent.name, values)
    if errors:
        raise ValidationFailed(ent.name, errors)
