"""Who may see and change what, beyond plain scope (docs/server.md "Who may see and change
what"). :mod:`mentor_desk.server.access` says which participants a caller sees; this module
says what a write may point at and change, and how authors are shown to other callers.

- **References** (:func:`check_references`): a reference field (``goal_id``, ``note_id``,
  ``service_id``, ``session_id``) must name a live record of the right type that the author
  may see — for case records, one of the same participant. Otherwise ``422``.
- **Coordinator-owned fields** (:func:`check_owned`): a mentor sets them only on a record
  they create (a participant they register, a new consent version); once it is on the
  server only a coordinator changes them, except that a mentor may record a consent's
  withdrawal (``withdrawn_on``, once). Otherwise ``403 coordinator_owned``.
- **A coordinator's delete is final for a mentor** (:func:`deleted_by_coordinator`): a
  mentor can neither overwrite the tombstone nor settle the edit-against-delete conflict
  that keeps their change.
- **Authors across organisations** (:func:`authors`): a user id, name or device is shown
  only to callers of the same organisation; everyone else is shown the organisation.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentor_desk.domain import ENTITIES, Entity, Kind
from mentor_desk.server.errors import ApiError, FieldProblem
from mentor_desk.server.models import Organisation, Record, User
from mentor_desk.server.schemas import RecordOut

#: Coordinator-owned fields a mentor may still fill in while they are empty: recording that
#: a participant withdrew consent must never wait for the office (UK GDPR art. 7(3)).
MENTOR_MAY_FILL: dict[str, frozenset[str]] = {"consent": frozenset({"withdrawn_on"})}


# --- references ----------------------------------------------------------------------------


def check_references(
    session: Session,
    ent: Entity,
    data: Mapping[str, Any],
    old: Mapping[str, Any] | None,
    participant_id: str | None,
) -> None:
    """422 unless every reference of ``data`` that is new or changed against ``old`` names a
    live record of its type: under ``participant_id`` for case records, in the shared
    directory or timetable for the others.

    The caller has already checked that the author may see ``participant_id``; a record of
    the same participant is then visible to them too. Unchanged references are not checked
    again, so a referral stays editable after its service left the directory.
    """
    problems: list[FieldProblem] = []
    for f in ent.fields:
        if f.kind is not Kind.REF or f.ref is None or f.name == "participant_id":
            continue
        value = data.get(f.name)
        if value is None or (old is not None and old.get(f.name) == value):
            continue
        target_ent = ENTITIES[f.ref]
        target = session.get(Record, (f.ref, str(value)))
        live = target is not None and not target.deleted
        if live and target_ent.scoped:
            live = target is not None and target.participant_id == participant_id
        if not live:
            where = "of this participant" if target_ent.scoped else "on the server"
            problems.append(
                FieldProblem(
                    field=f.name, message=f"does not name a {target_ent.label.lower()} {where}"
                )
            )
    if problems:
        detail = "; ".join(f"{p.field}: {p.message}" for p in problems)
        raise ApiError(422, "validation_error", detail, fields=problems)


# --- coordinator-owned fields ----------------------------------------------------------------


def owned_changes(
    user: User, ent: Entity, old: Mapping[str, Any] | None, new: Mapping[str, Any]
) -> list[str]:
    """The coordinator-owned fields ``user`` may not change from ``old`` to ``new``."""
    if user.role == "coordinator" or old is None:
        return []
    fillable = MENTOR_MAY_FILL.get(ent.name, frozenset())
    return [
        name
        for name in ent.coordinator_owned
        if old.get(name) != new.get(name)
        and not (name in fillable and old.get(name) is None and new.get(name) is not None)
    ]


def owned_error(names: Sequence[str]) -> ApiError:
    return ApiError(
        403,
        "coordinator_owned",
        "Only a coordinator may change " + ", ".join(names) + " once it is on the server.",
    )


def check_owned(
    user: User, ent: Entity, old: Mapping[str, Any] | None, new: Mapping[str, Any]
) -> None:
    """403 ``coordinator_owned`` if a mentor changes a coordinator-owned field of a record
    that is already on the server (``old`` is its stored data, None for a new record)."""
    names = owned_changes(user, ent, old, new)
    if names:
        raise owned_error(names)


def check_owned_delete(user: User, ent: Entity, data: Mapping[str, Any]) -> None:
    """403 ``coordinator_owned`` if a mentor deletes a record holding coordinator-owned
    values (a consent record: withdrawing it is the mentor's way)."""
    if user.role == "coordinator":
        return
    names = [name for name in ent.coordinator_owned if data.get(name) is not None]
    if names:
        raise ApiError(
            403,
            "coordinator_owned",
            "Only a coordinator may delete a record holding " + ", ".join(names) + ".",
        )


# --- deletes ---------------------------------------------------------------------------------


def deleted_by_coordinator(session: Session, record: Record) -> bool:
    """``record`` is a tombstone written by a coordinator."""
    if not record.deleted or record.updated_by is None:
        return False
    role = session.scalar(select(User.role).where(User.id == record.updated_by))
    return role == "coordinator"


def coordinator_deleted_error() -> ApiError:
    return ApiError(
        403,
        "deleted_by_coordinator",
        "A coordinator deleted this record; only a coordinator can bring it back.",
    )


# --- authors ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Author:
    """One author as one caller may see them: ``user_id`` and ``name`` are None, and
    ``name`` the organisation's name, for someone outside the caller's organisation."""

    user_id: str | None
    name: str | None
    organisation_id: str | None
    same_organisation: bool


def authors(session: Session, viewer: User, user_ids: Iterable[str | None]) -> dict[str, Author]:
    """User id → how ``viewer`` may see that author (unknown ids are left out)."""
    wanted = {uid for uid in user_ids if uid}
    if not wanted:
        return {}
    rows = session.execute(
        select(User.id, User.name, User.organisation_id, Organisation.name)
        .outerjoin(Organisation, Organisation.id == User.organisation_id)
        .where(User.id.in_(wanted))
    ).all()
    out: dict[str, Author] = {}
    for uid, name, org_id, org_name in rows:
        same = uid == viewer.id or (
            org_id is not None
            and viewer.organisation_id is not None
            and org_id == viewer.organisation_id
        )
        if same:
            out[uid] = Author(uid, name, org_id, True)
        else:
            out[uid] = Author(None, org_name, org_id, False)
    return out


def records_out(session: Session, viewer: User, rows: Sequence[Record]) -> list[RecordOut]:
    """``rows`` as ``viewer`` may see them: who created and changed each record is a user
    id only within the viewer's organisation; elsewhere only the organisation is named."""
    shown = authors(session, viewer, [u for r in rows for u in (r.created_by, r.updated_by)])
    out = []
    for record in rows:
        body = RecordOut.of(record)
        created = shown.get(record.created_by or "")
        updated = shown.get(record.updated_by or "")
        body.created_by = created.user_id if created else None
        body.updated_by = updated.user_id if updated else None
        body.created_by_organisation_id = created.organisation_id if created else None
        body.updated_by_organisation_id = updated.organisation_id if updated else None
        out.append(body)
    return out


def record_out(session: Session, viewer: User, record: Record) -> RecordOut:
    return records_out(session, viewer, [record])[0]
