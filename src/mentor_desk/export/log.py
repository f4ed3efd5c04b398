"""The export log: a local record of every export (what, when, by whom — never content).

The table lives inside the encrypted store (:mod:`mentor_desk.store.exportlog`). A row holds
the kind of export, the participant's id (never a name), only the file's extension as a hint
of where it went (a file name often contains a person's name), the user's id, and the
reason given when a coordinator overrode a missing consent.
"""

from __future__ import annotations

from typing import Any

from mentor_desk.store import exportlog
from mentor_desk.store.records import Store


def record(
    store: Store,
    kind: str,
    *,
    participant_id: str | None = None,
    path_hint: str = "",
    override_reason: str | None = None,
) -> str:
    """Log one finished export; returns the log row's id."""
    return exportlog.record_export(
        store,
        kind,
        participant_id=participant_id,
        path_hint=path_hint,
        override_reason=override_reason,
    )


def entries(store: Store, *, participant_id: str | None = None) -> list[dict[str, Any]]:
    """Logged exports, oldest first (of one participant when ``participant_id`` is given)."""
    return exportlog.exports(store, participant_id=participant_id)
