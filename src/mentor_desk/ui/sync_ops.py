"""Store operations behind the sync screens: counts, conflict resolution, needs-attention.

Plain functions ``op(store, ...)`` run on the store worker (through the task runner, or
through the sync engine's ``db``). Qt-free; they belong with ``store/syncstate.py`` and live
here only until that module offers them (see docs/ui.md "Sync").

Resolving a conflict is an ordinary change (SYNC.md "Merging"): the chosen value is written
with ``store.update`` — which appends an outbox row pushed at the next sync — and the local
conflict is marked resolved in the same transaction. Its id is remembered so that, after the
next push, the server's copy of the conflict is closed too (``choice: theirs`` there, because
by then the server already holds the chosen value).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from mentor_desk.domain.validation import utc_now_iso
from mentor_desk.domain.vocabulary import ENTITIES, Kind, entity
from mentor_desk.store.errors import StoreError
from mentor_desk.store.records import Store
from mentor_desk.sync.account import account_of

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
class Counts:
    """Where things stand locally (for the status bar)."""

    joined: bool
    waiting: int
    conflicts: int
    attention: int
    cursor: int
    last_synced: datetime | None


def counts(store: Store) -> Counts:
    def one(sql: str) -> int:
        return int(store.conn.execute(sql).fetchone()["n"])

    last = store.meta(LAST_SYNCED_KEY)
    return Counts(
        joined=account_of(store) is not None,
        waiting=store.outbox_count(),
        conflicts=one("SELECT count(*) AS n FROM conflict WHERE resolved = 0"),
        attention=one("SELECT count(*) AS n FROM needs_attention"),
        cursor=int(store.meta("sync_cursor", "0") or 0),
        last_synced=_parse_time(last),
    )


def mark_synced(store: Store) -> None:
    with store.transaction():
        store.set_meta(LAST_SYNCED_KEY, utc_now_iso())


def _parse_time(iso: str | None) -> datetime | None:
    if not iso:
        return None
    try:
        when = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


# -- describing records --------------------------------------------------------------------
def participant_name(store: Store, participant_id: str | None) -> str:
    if not participant_id:
        return "Shared directory"
    rec = store.get("participant", participant_id, include_deleted=True)
    if rec is None:
        return "A participant no longer on this computer"
    name = " ".join(str(rec.get(k) or "") for k in ("given_name", "family_name")).strip()
    return name or str(rec.get("reference") or "Unnamed participant")


def field_label(entity_name: str, field_name: str) -> str:
    if field_name == DELETED_FIELD:
        return "Deleted or kept"
    ent = ENTITIES.get(entity_name)
    if ent is not None and ent.has(field_name):
        return ent.field(field_name).label
    return field_name.replace("_", " ")


def entity_label(entity_name: str) -> str:
    ent = ENTITIES.get(entity_name)
    return ent.label if ent is not None else entity_name.replace("_", " ")


def record_label(entity_name: str, title: str = "") -> str:
    """ "Profile" for the participant record itself, else the record type and its title."""
    if entity_name == "participant":
        return "Profile"
    return entity_label(entity_name) + (f" “{title}”" if title else "")


def show_value(entity_name: str, field_name: str, value: Any) -> str:
    """A stored value as people read it; "(empty)" for nothing."""
    if value is None or value == "" or value == []:
        return "(empty)"
    if field_name == DELETED_FIELD:
        if value == "deleted":
            return "Deleted"
        if isinstance(value, dict):
            lines = [
                f"{field_label(entity_name, k)}: {show_value(entity_name, k, v)}"
                for k, v in value.items()
            ]
            return "Kept, with these values:\n" + "\n".join(lines)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        return "\n".join(f"• {v}" for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, indent=1)
    return str(value)


def parse_value(entity_name: str, field_name: str, text: str) -> Any:
    """The value a person typed for ``field_name``, in the field's stored type."""
    ent = entity(entity_name)
    kind = ent.field(field_name).kind
    text = text.strip()
    if not text:
        return None
    if kind is Kind.INT:
        return int(text)
    if kind is Kind.BOOL:
        return text.lower() in ("yes", "y", "true", "1")
    if kind is Kind.LIST:
        return [line.lstrip("•").strip() for line in text.splitlines() if line.strip()]
    if kind is Kind.JSON:
        return json.loads(text)
    return text


def edit_text(entity_name: str, field_name: str, value: Any) -> str:
    """``value`` as editable text (the inverse of :func:`parse_value`)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, indent=1)
    return str(value)


# -- conflicts -----------------------------------------------------------------------------
@dataclass(frozen=True)
class ConflictRow:
    id: str
    entity: str
    record_id: str
    participant_id: str | None
    participant: str
    what: str
    field: str
    field_label: str
    mine: Any
    theirs: Any
    detail: str
    at: datetime | None

    @property
    def editable(self) -> bool:
        """A plain field (not edit-against-delete) that a person can type a value for."""
        ent = ENTITIES.get(self.entity)
        return self.field != DELETED_FIELD and ent is not None and ent.has(self.field)

    @property
    def restores_on_server(self) -> bool:
        """Keeping "mine" means bringing back a record the server deleted."""
        return self.field == DELETED_FIELD and self.theirs == "deleted"


def conflict_rows(store: Store) -> list[ConflictRow]:
    rows = store.conn.execute("SELECT * FROM conflict WHERE resolved = 0 ORDER BY at")
    out = []
    for r in rows:
        ent = ENTITIES.get(r["entity"])
        title = ""
        if ent is not None and ent.title_field:
            rec = store.get(ent.name, r["record_id"], include_deleted=True)
            title = str((rec or {}).get(ent.title_field) or "")
        what = record_label(r["entity"], title)
        out.append(
            ConflictRow(
                id=r["id"],
                entity=r["entity"],
                record_id=r["record_id"],
                participant_id=r["participant_id"],
                participant=participant_name(store, r["participant_id"]),
                what=what,
                field=r["field"],
                field_label=field_label(r["entity"], r["field"]),
                mine=json.loads(r["mine"] or "null"),
                theirs=json.loads(r["theirs"] or "null"),
                detail=r["detail"] or "",
                at=_parse_time(r["at"]),
            )
        )
    return out


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
    return [str(c) for c in json.loads(store.meta(TO_REPORT_KEY, "[]") or "[]")]


def reported(store: Store, conflict_ids: list[str]) -> None:
    with store.transaction():
        left = [c for c in conflicts_to_report(store) if c not in conflict_ids]
        store.set_meta(TO_REPORT_KEY, json.dumps(left) if left else None)


# -- needs attention -----------------------------------------------------------------------
@dataclass(frozen=True)
class AttentionRow:
    device_seq: int
    entity: str
    record_id: str
    participant_id: str | None
    participant: str
    what: str
    op: str
    fields: dict[str, Any]
    reason: str
    detail: str
    at: datetime | None

    @property
    def summary(self) -> str:
        if self.op == "delete":
            return "Delete this record"
        names = ", ".join(field_label(self.entity, k) for k in self.fields) or "no fields"
        return f"Change {names}"


REASONS = {
    "validation": "The server found something wrong with the values",
    "permission": "You are not allowed to make this change",
    "not_found": "The server does not have this record",
    "quarantined": "You no longer have access to this participant",
}


def reason_text(reason: str) -> str:
    return REASONS.get(reason, reason.replace("_", " ").capitalize() or "Refused")


def attention_rows(store: Store) -> list[AttentionRow]:
    out = []
    for r in store.conn.execute("SELECT * FROM needs_attention ORDER BY device_seq"):
        out.append(
            AttentionRow(
                device_seq=int(r["device_seq"]),
                entity=r["entity"],
                record_id=r["record_id"],
                participant_id=r["participant_id"],
                participant=participant_name(store, r["participant_id"]),
                what=record_label(r["entity"]),
                op=r["op"],
                fields=dict(json.loads(r["fields"] or "{}")),
                reason=r["reason"],
                detail=r["detail"] or "",
                at=_parse_time(r["at"]),
            )
        )
    return out


def resend(store: Store, device_seq: int) -> None:
    """Send a refused change again, with the record's current values (so a correction made
    meanwhile goes with it): a new outbox row, and the needs-attention entry is removed."""
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
