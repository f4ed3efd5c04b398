"""The export log: a local record of every export (what, when, by whom — never content).

The table lives inside the encrypted store and is created on first use. A row holds the
kind of export, the participant's id (never a name), only the file's extension as a hint
of where it went (a file name often contains a person's name), the user's id, and the
reason given when a coordinator overrode a missing consent.
"""

from __future__ import annotations

from typing import Any

from mentor_desk.domain.ids import uuid7
from mentor_desk.domain.validation import utc_now_iso
from mentor_desk.store.records import Store

_DDL = (
    "CREATE TABLE IF NOT EXISTS export_log ("
    " id TEXT PRIMARY KEY NOT NULL,"
    " at TEXT NOT NULL,"
    " kind TEXT NOT NULL,"
    " participant_id TEXT,"
    " path_hint TEXT,"
    " by TEXT,"
    " override_reason TEXT)"
)


def _ensure(store: Store) -> None:
    store.conn.execute(_DDL)


def record(
    store: Store,
    kind: str,
    *,
    participant_id: str | None = None,
    path_hint: str = "",
    override_reason: str | None = None,
) -> str:
    """Log one finished export; returns the log row's id."""
    row_id = uuid7()
    with store.transaction():
        _ensure(store)
        store.conn.execute(
            "INSERT INTO export_log (id, at, kind, participant_id, path_hint, by,"
            " override_reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                row_id,
                utc_now_iso(),
                kind,
                participant_id,
                path_hint,
                store.actor_id,
                override_reason,
            ),
        )
    return row_id


def entries(store: Store, *, participant_id: str | None = None) -> list[dict[str, Any]]:
    """Logged exports, oldest first (of one participant when ``participant_id`` is given)."""
    with store.transaction():
        _ensure(store)
    sql = "SELECT * FROM export_log"
    params: tuple[str, ...] = ()
    if participant_id is not None:
        sql += " WHERE participant_id = ?"
        params = (participant_id,)
    return [dict(r) for r in store.conn.execute(sql + " ORDER BY at, id", params)]
