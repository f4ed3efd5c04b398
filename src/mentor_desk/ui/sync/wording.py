"""Wording for the sync screens: counts, conflicts and needs-attention rows as people read them.

The store side (counting, settling a conflict, sending a refused change again) lives in
:mod:`mentor_desk.store.syncviews`; the functions here call it and turn its plain data into
rows with labels. Like the store functions they run on the store worker (through the task
runner, or through the sync engine's ``db``); the only Qt they use is the translation
(``QCoreApplication.translate`` is safe off the GUI thread). Words made here are translated
here; :data:`YOU` and :data:`REASONS` are kept in English and translated where they are shown.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from mentor_desk.domain.vocabulary import ENTITIES, Kind, entity
from mentor_desk.store import syncstate, syncviews
from mentor_desk.store.records import Store
from mentor_desk.store.syncviews import (
    DELETED_FIELD,
    LAST_SYNCED_KEY,
    TO_REPORT_KEY,
    NeedsServer,
    NothingToResend,
    conflicts_to_report,
    discard,
    mark_resolved,
    mark_synced,
    reported,
    resend,
    resolve_conflict,
)
from mentor_desk.sync.account import account_of
from mentor_desk.ui.shell.i18n import QT_TRANSLATE_NOOP, translate

__all__ = [
    "DELETED_FIELD",
    "LAST_SYNCED_KEY",
    "TO_REPORT_KEY",
    "YOU",
    "AttentionRow",
    "ConflictRow",
    "Counts",
    "NeedsServer",
    "NothingToResend",
    "attention_rows",
    "author_text",
    "conflict_rows",
    "conflicts_to_report",
    "counts",
    "discard",
    "edit_text",
    "entity_label",
    "field_label",
    "mark_resolved",
    "mark_synced",
    "parse_value",
    "participant_name",
    "reason_text",
    "record_label",
    "reported",
    "resend",
    "resolve_conflict",
    "show_value",
]


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
    local = syncviews.sync_counts(store)
    return Counts(
        joined=account_of(store) is not None,
        waiting=local.waiting,
        conflicts=local.conflicts,
        attention=local.attention,
        cursor=local.cursor,
        last_synced=_parse_time(local.last_synced_at),
    )


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
        return translate("SyncWording", "Shared directory")
    rec = store.get("participant", participant_id, include_deleted=True)
    if rec is None:
        return translate("SyncWording", "A participant no longer on this computer")
    name = " ".join(str(rec.get(k) or "") for k in ("given_name", "family_name")).strip()
    return name or str(rec.get("reference") or translate("SyncWording", "Unnamed participant"))


def field_label(entity_name: str, field_name: str) -> str:
    if field_name == DELETED_FIELD:
        return translate("SyncWording", "Deleted or kept")
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
        return translate("SyncWording", "Profile")
    if not title:
        return entity_label(entity_name)
    return translate("SyncWording", "{record} “{title}”").format(
        record=entity_label(entity_name), title=title
    )


def show_value(entity_name: str, field_name: str, value: Any) -> str:
    """A stored value as people read it; "(empty)" for nothing."""
    if value is None or value == "" or value == []:
        return translate("SyncWording", "(empty)")
    if field_name == DELETED_FIELD:
        if value == "deleted":
            return translate("SyncWording", "Deleted")
        if isinstance(value, dict):
            lines = [
                f"{field_label(entity_name, k)}: {show_value(entity_name, k, v)}"
                for k, v in value.items()
            ]
            return translate("SyncWording", "Kept, with these values:") + "\n" + "\n".join(lines)
    if isinstance(value, bool):
        return _yes_no(value)
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
        # what :func:`edit_text` wrote, in the program's language, or the English words
        return text.lower() in ("yes", "y", "true", "1", _yes_no(True).lower())
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
        return _yes_no(value)
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, indent=1)
    return str(value)


def _yes_no(value: bool) -> str:
    return translate("SyncWording", "Yes") if value else translate("SyncWording", "No")


#: The author of this person's own value. Kept in English in the rows (a row says "You" for
#: the person using this computer); :func:`author_text` shows it in the program's language.
YOU = QT_TRANSLATE_NOOP("SyncWording", "You")


def author_text(name: str) -> str:
    """An author as shown: "You" translated, anyone else's name as it is."""
    return translate("SyncWording", YOU) if name == YOU else name


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
    #: Who sent the losing value ("You" when it was this person) and who wrote the kept one
    #: ("" when the server did not say: an older server, or a conflict not yet listed).
    mine_by: str = YOU
    theirs_by: str = ""
    theirs_at: datetime | None = None

    @property
    def mine_is_yours(self) -> bool:
        return self.mine_by == YOU

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
    out = []
    for r in syncstate.open_conflicts(store):
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
                mine=r["mine"],
                theirs=r["theirs"],
                detail=r["detail"] or "",
                at=_parse_time(r["at"]),
                # a conflict kept before v6 of the store came from this device's own push;
                # one with a name but no id was sent from another organisation
                mine_by=_author(
                    store,
                    r["mine_user_id"] or (None if r["mine_by"] else store.actor_id),
                    r["mine_by"],
                    translate("SyncWording", "Someone else"),
                ),
                theirs_by=_author(store, r["theirs_user_id"], r["theirs_by"], ""),
                theirs_at=_parse_time(r["theirs_at"]),
            )
        )
    return out


def _author(store: Store, user_id: str | None, name: str | None, unknown: str) -> str:
    """:data:`YOU` for this person's own value; else the name the server gave, or ``unknown``."""
    if user_id == store.actor_id:
        return YOU
    return name or unknown


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
            return translate("SyncWording", "Delete this record")
        names = ", ".join(field_label(self.entity, k) for k in self.fields) or translate(
            "SyncWording", "no fields"
        )
        return translate("SyncWording", "Change {fields}").format(fields=names)


#: Why the server refused a change, by the reason code it sent (translated when shown).
REASONS = {
    "validation": QT_TRANSLATE_NOOP(
        "SyncWording", "The server found something wrong with the values"
    ),
    "permission": QT_TRANSLATE_NOOP("SyncWording", "You are not allowed to make this change"),
    "not_found": QT_TRANSLATE_NOOP("SyncWording", "The server does not have this record"),
    "quarantined": QT_TRANSLATE_NOOP(
        "SyncWording", "You no longer have access to this participant"
    ),
}


def reason_text(reason: str) -> str:
    if reason in REASONS:
        return translate("SyncWording", REASONS[reason])
    # a code this program does not know yet: the code itself, readable
    return reason.replace("_", " ").capitalize() or translate("SyncWording", "Refused")


def attention_rows(store: Store) -> list[AttentionRow]:
    out = []
    for r in syncviews.attention(store):
        out.append(
            AttentionRow(
                device_seq=r["device_seq"],
                entity=r["entity"],
                record_id=r["record_id"],
                participant_id=r["participant_id"],
                participant=participant_name(store, r["participant_id"]),
                what=record_label(r["entity"]),
                op=r["op"],
                fields=r["fields"],
                reason=r["reason"],
                detail=r["detail"] or "",
                at=_parse_time(r["at"]),
            )
        )
    return out
