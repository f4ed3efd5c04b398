"""The store side of the sync screens: counts, settling conflicts, refused changes.

Plain functions ``op(store, ...)`` that run on the store worker (through the task runner, or
through the sync engine's ``db``) and return plain data; the screens
(:mod:`mentor_desk.ui.sync.wording`) only word it.

Resolving a conflict is an ordinary change (SYNC.md "Merging"): the chosen value is written
with ``store.update`` — which appends an outbox row pushed at the next sync — and the local
conflict is marked resolved in the same transaction. Its id is remembered so that, after the
next push, the server's copy of the conflict is closed too (``choice: theirs`` there, because
by then the server already holds the chosen value).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from mentor_desk.domain.validation import utc_now_iso
from mentor_desk.domain.vocabulary import entity
from mentor_desk.store import syncstate
from mentor_desk.store.errors import StoreError
from mentor_desk.store.records import Store

#: The pseudo-field of an edit-against-delete conflict (the server's ``DELETED_FIELD``).
DELETED_FIELD = "*deleted*"
LAST_SYNCED_KEY = "last_synced_at"
TO_REPORT_KEY = "conflicts_to_report"


class NeedsServer(StoreError):
    """Restoring a record deleted on the server can only be done by the server."""

    def __init__(self) -> None:
        super().__init__(
            "Bringing back a record deleted on the server needs the connection; "
            "try again when Mentor Desk is online."
        )


class NothingToResend(StoreError):
    def __init__(self) -> None:
        super().__init__("That record is no longer on this computer; discard the change instead.")


@dataclass(frozen=True)
class SyncCounts:
    """Where things stand locally, as stored (``last_synced_at`` is the ISO text or None)."""

    waiting: int
    conflicts: int
    attention: int
    cursor: int
    last_synced_at: str | None


def sync_counts(store: Store) -> SyncCounts:
    def one(sql: str) -> int:
        return int(store.conn.execute(sql).fetchone()["n"])

    return SyncCounts(
        waiting=store.outbox_count(),
        conflicts=one("SELECT count(*) AS n FROM conflict WHERE resolved = 0"),
        attention=one("SELECT count(*) AS n FROM needs_attention"),
        cursor=syncstate.cursor(store),
        last_synced_at=store.meta(LAST_SYNCED_KEY),
    )


def mark_synced(store: Store) -> None:
    with store.transaction():
        store.set_meta(LAST_SYNCED_KEY, utc_now_iso())


# -- conflicts -----------------------------------------------------------------------------
def resolve_conflict(store: Store, conflict_id: str, choice: str, value: Any = None) -> None:
    """Settle one conflict locally with ``choice`` ("mine", "theirs" or "value").

    The chosen value becomes an ordinary change (pushed at the next sync); the conflict is
    marked resolved and queued to be closed on the server. Raises :class:`NeedsServer` for a
    record the server deleted that "mine" would bring back.
    """
    with store.transaction():
        row = store.conn.execute(
            "SELECT * FROM conflict WHERE id = ? AND resolved = 0", (conflict_id,)
        ).fetchone()
        if row is None:
            return
        mine = json.loads(row["mine"] or "null")
        theirs = json.loads(row["theirs"] or "null")
        name, rid, field_name = row["entity"], row["record_id"], row["field"]
        if field_name == DELETED_FIELD:
            if choice == "mine" and mine == "deleted":
                if store.get(name, rid) is not None:
                    store.delete(name, rid)
            elif choice != "theirs":
                raise NeedsServer()
        else:
            chosen = mine if choice == "mine" else theirs if choice == "theirs" else value
            if store.get(name, rid) is not None:
                store.update(name, rid, {field_name: chosen})
        store.conn.execute("UPDATE conflict SET resolved = 1 WHERE id = ?", (conflict_id,))
        _queue_report(store, conflict_id)


def mark_resolved(store: Store, conflict_id: str) -> None:
    """The server settled this conflict (e.g. it restored a deleted record)."""
    with store.transaction():
        store.conn.execute("UPDATE conflict SET resolved = 1 WHERE id = ?", (conflict_id,))


def _queue_report(store: Store, conflict_id: str) -> None:
    queued = json.loads(store.meta(TO_REPORT_KEY, "[]") or "[]")
    if conflict_id not in queued:
        queued.append(conflict_id)
    store.set_meta(TO_REPORT_KEY, json.dumps(queued))


def conflicts_to_report(store: Store) -> list[str]:
    """Conflicts settled here whose server copy is still to be closed."""
    return [str(c) for c in json.loads(store.meta(TO_REPORT_KEY, "[]") or "[]")]


def reported(store: Store, conflict_ids: list[str]) -> None:
    """The server closed these conflicts: stop remembering them."""
    with store.transaction():
        left = [c for c in conflicts_to_report(store) if c not in conflict_ids]
        store.set_meta(TO_REPORT_KEY, json.dumps(left) if left else None)


# -- needs attention -----------------------------------------------------------------------
def attention(store: Store) -> list[dict[str, Any]]:
    """Changes the server refused, oldest first, with ``fields`` decoded to a dict."""
    return [
        {**r, "device_seq": int(r["device_seq"]), "fields": dict(json.loads(r["fields"] or "{}"))}
        for r in syncstate.needs_attention(store)
    ]


def resend(store: Store, device_seq: int) -> None:
    """Send a refused change again, with the record's current values (so a correction made
    meanwhile goes with it): a new outbox row, and the needs-attention entry is removed, in
    one transaction. Raises :class:`NothingToResend` if the record is gone from here."""
    with store.transaction():
        row = store.conn.execute(
            "SELECT * FROM needs_attention WHERE device_seq = ?", (device_seq,)
        ).fetchone()
        if row is None:
            return
        ent = entity(row["entity"])
        current = store.get(ent.name, row["record_id"], include_deleted=True)
        if current is None:
            raise NothingToResend()
        version = int(current["version"])
        fv = current["field_versions"] or {}
        fields: dict[str, Any] = {}
        if row["op"] != "delete":
            fields = {k: current.get(k) for k in json.loads(row["fields"]) if ent.has(k)}
        # Store.update writes nothing when the values are unchanged (they usually are: the
        # refused value is still on this computer), so the change is queued directly.
        store._outbox(
            ent,
            row["record_id"],
            row["participant_id"],
            row["op"],
            version,
            fields,
            {k: int(fv.get(k, version)) for k in fields},
        )
        store.conn.execute("DELETE FROM needs_attention WHERE device_seq = ?", (device_seq,))


def discard(store: Store, device_seq: int) -> None:
    """Forget a refused change (after the person confirmed)."""
    with store.transaction():
        store.conn.execute("DELETE FROM needs_attention WHERE device_seq = ?", (device_seq,))
