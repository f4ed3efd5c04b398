"""The export log table: one row per finished export (what, when, by whom — never content).

The wording of what an export is, and which exports are logged, belongs to
:mod:`mentor_desk.export.log`; this module only writes and reads the rows.
"""

from __future__ import annotations

from typing import Any

from mentor_desk.domain.ids import uuid7
from mentor_desk.domain.validation import utc_now_iso
from mentor_desk.store.records import Store


def record_export(
    store: Store,
    kind: str,
    *,
    participant_id: str | None = None,
    path_hint: str = "",
    override_reason: str | None = None,
) -> str:
    """Log one finished export by the store's user, in its own transaction (or the caller's);
    returns the log row's id."""
    row_id = uuid7()
    with store.transaction():
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


def exports(store: Store, participant_id: str | None = None) -> list[dict[str, Any]]:
    """Logged exports, oldest first (of one participant when ``participant_id`` is given)."""
    sql = "SELECT * FROM export_log"
    params: tuple[str, ...] = ()
    if participant_id is not None:
        sql += " WHERE participant_id = ?"
        params = (participant_id,)
    return [dict(r) for r in store.conn.execute(sql + " ORDER BY at, id", params)]
