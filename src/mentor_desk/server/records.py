"""Reading and writing records in the generic ``records`` table, with scope checks.

Every accepted change takes the next ``seq`` from the ``counters`` row, stamps the record's
``version`` and the ``field_versions`` of the fields it changed, and appends one row to
``changes`` — all in the caller's transaction. The sync issue's push will call
:func:`write` the same way ``PUT /records`` does.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from mentor_desk.domain import ENTITIES, Entity, validate
from mentor_desk.server import accounts, scope
from mentor_desk.server.access import (
    can_see,
    not_found,
    require_case_role,
    require_coordinator,
    scope_filter,
)
from mentor_desk.server.deps import Caller
from mentor_desk.server.errors import ApiError, FieldProblem, forbidden
from mentor_desk.server.guard import check_storable
from mentor_desk.server.models import (
    Assignment,
    Change,
    Counter,
    ParticipantScope,
    Record,
    User,
)

_MISSING = object()


def lock_writes(session: Session) -> None:
    """Take the writers' lock (the ``seq`` counter row) before reading what a write depends on.

    On PostgreSQL this is a row lock held to commit; SQLite transactions already begin
    IMMEDIATE. Holding it means changes commit in ``seq`` order.
    """
    session.execute(select(Counter.value).where(Counter.name == "seq").with_for_update())


def next_seq(session: Session) -> int:
    value = session.execute(
        update(Counter)
        .where(Counter.name == "seq")
        .values(value=Counter.value + 1)
        .returning(Counter.value)
    ).scalar_one()
    return int(value)


def _validation_error(problems: list[FieldProblem]) -> ApiError:
    detail = "; ".join(f"{p.field}: {p.message}" for p in problems)
    return ApiError(422, "validation_error", detail, fields=problems)


def check_fields(entity_name: str, fields: Mapping[str, Any], *, partial: bool = False) -> None:
    """422 with every field's problem unless ``fields`` is a valid record (or part of one)."""
    errors = validate(entity_name, fields, partial=partial)
    if errors:
        raise _validation_error(
            [FieldProblem(field=e.field or "fields", message=e.message) for e in errors]
        )


def _entity(name: str) -> Entity:
    ent = ENTITIES.get(name)
    if ent is None:
        raise ApiError(404, "not_found", "No such record type.")
    return ent


# --- reading -------------------------------------------------------------------------------


def visible_participants(
    session: Session, user: User, *, limit: int, offset: int
) -> Sequence[Record]:
    require_case_role(user)
    ids = scope_filter(user).with_only_columns(ParticipantScope.participant_id)
    query = (
        select(Record)
        .where(Record.entity == "participant", Record.deleted.is_(False), Record.id.in_(ids))
        .order_by(Record.id)
        .limit(limit)
        .offset(offset)
    )
    return session.scalars(query).all()


def shared_records(session: Session, entity_name: str) -> Sequence[Record]:
    query = (
        select(Record)
        .where(Record.entity == entity_name, Record.deleted.is_(False))
        .order_by(Record.id)
    )
    return session.scalars(query).all()


def _scope_of(session: Session, record: Record) -> ParticipantScope | None:
    if record.participant_id is None:
        return None
    return session.get(ParticipantScope, record.participant_id)


def read(session: Session, user: User, entity_name: str, record_id: str) -> Record:
    """The record, if it exists, is not deleted and is in ``user``'s scope; else 404."""
    ent = _entity(entity_name)
    if ent.scoped and user.role == "partner":
        # A partner holds case records only as its laptop's pull projects them (agreements
        # and consent decide, partner_scope.py); by id it is told nothing, not even "forbidden".
        raise not_found()
    if ent.scoped:
        require_case_role(user)
    record = session.get(Record, (entity_name, record_id))
    if record is None or record.deleted:
        raise not_found()
    if ent.scoped:
        where = _scope_of(session, record)
        if where is None or not can_see(user, where):
            raise not_found()
        if ent.name != "participant":  # a deleted participant takes its records with it
            parent = session.get(Record, ("participant", record.participant_id))
            if parent is None or parent.deleted:
                raise not_found()
    return record


# --- writing -------------------------------------------------------------------------------


def _store(
    session: Session,
    caller: Caller,
    ent: Entity,
    record_id: str,
    existing: Record | None,
    data: dict[str, Any] | None,
    *,
    participant_id: str | None,
    organisation_id: str | None,
) -> Record:
    """Apply one change (``data`` None = delete) with a new seq; a no-op costs no seq."""
    deleting = data is None
    was_deleted = existing.deleted if existing is not None else None
    old_version = existing.version if existing is not None else 0
    if data is not None:
        check_storable(data)  # validated already; this keeps anything else out for good
    old: dict[str, Any] = dict(existing.data) if existing else {}
    new: dict[str, Any] = old if data is None else data
    changed = [
        name
        for name in dict.fromkeys([*old, *new])
        if old.get(name, _MISSING) != new.get(name, _MISSING)
    ]
    if existing is not None and not changed and existing.deleted == deleting:
        return existing
    seq = next_seq(session)
    stamp = accounts.now()
    user_id = caller.user.id
    if existing is None:
        existing = Record(
            entity=ent.name,
            id=record_id,
            participant_id=participant_id,
            organisation_id=organisation_id,
            data=new,
            field_versions={name: seq for name in new},
            version=seq,
            deleted=deleting,
            created_at=stamp,
            updated_at=stamp,
            created_by=user_id,
            updated_by=user_id,
        )
        session.add(existing)
    else:
        versions = dict(existing.field_versions)
        for name in changed:
            if name in new:
                versions[name] = seq
            else:
                versions.pop(name, None)
        existing.data = new
        existing.field_versions = versions
        existing.version = seq
        existing.deleted = deleting
        existing.organisation_id = organisation_id
        existing.updated_at = stamp
        existing.updated_by = user_id
    session.add(
        Change(
            seq=seq,
            entity=ent.name,
            record_id=record_id,
            participant_id=participant_id,
            organisation_id=organisation_id,
            deleted=deleting,
            at=stamp,
            user_id=user_id,
            device_id=caller.device.id,
        )
    )
    if ent.name == "participant":
        _update_scope(session, caller, record_id, new, seq, organisation_id)
        if was_deleted is not None and was_deleted != deleting:
            session.flush()
            _cascade(session, caller, record_id, deleting=deleting, since=old_version)
    session.flush()
    return existing


def _cascade(
    session: Session, caller: Caller, participant_id: str, *, deleting: bool, since: int
) -> None:
    """Take a participant's records with it: tombstone every live one when it is deleted;
    when it is restored, bring back those its delete (at seq ``since``) tombstoned.

    Each is an ordinary change with its own seq, so every laptop pulls it. Nothing changes a
    deleted participant's records in between (writes need a live participant, and an edit of
    a tombstone is kept as a conflict), so the records deleted after ``since`` are exactly
    those the participant's delete took.
    """
    query = select(Record).where(
        Record.participant_id == participant_id, Record.entity != "participant"
    )
    if deleting:
        query = query.where(Record.deleted.is_(False))
    else:
        query = query.where(Record.deleted.is_(True), Record.version > since)
    children = session.scalars(query.order_by(Record.version, Record.entity, Record.id)).all()
    for child in children:
        _store(
            session,
            caller,
            ENTITIES[child.entity],
            child.id,
            child,
            None if deleting else dict(child.data),
            participant_id=participant_id,
            organisation_id=child.organisation_id,
        )
    if children:
        accounts.audit(
            session,
            "participant.records_deleted" if deleting else "participant.records_restored",
            user=caller.user,
            device=caller.device,
            entity="participant",
            record_ids=[participant_id, *(c.id for c in children)],
        )


def _update_scope(
    session: Session,
    caller: Caller,
    participant_id: str,
    data: Mapping[str, Any],
    seq: int,
    organisation_id: str | None,
) -> None:
    mentor = data.get("assigned_mentor_id") or None
    row = session.get(ParticipantScope, participant_id)
    old_mentor = row.assigned_mentor_id if row else None
    if row is None:
        row = ParticipantScope(participant_id=participant_id, version=seq)
        session.add(row)
    row.organisation_id = organisation_id
    row.assigned_mentor_id = mentor
    row.version = seq
    if old_mentor != mentor:
        session.add(
            Assignment(
                seq=seq,
                participant_id=participant_id,
                organisation_id=organisation_id,
                old_mentor_id=old_mentor,
                new_mentor_id=mentor,
                at=accounts.now(),
                by_user_id=caller.user.id,
            )
        )


def _check_assignee(
    session: Session, organisation_id: str | None, mentor_id: str, field: str
) -> User:
    mentor = session.get(User, mentor_id)
    if (
        mentor is None
        or not mentor.active
        or mentor.role not in ("mentor", "coordinator")
        or mentor.organisation_id != organisation_id
    ):
        raise _validation_error(
            [
                FieldProblem(
                    field=field,
                    message="is not an active mentor of this organisation",
                )
            ]
        )
    return mentor


def _participant_placement(
    session: Session, caller: Caller, existing: Record | None, data: dict[str, Any]
) -> str | None:
    """Fill in and check a participant's organisation and mentor; returns the organisation."""
    user = caller.user
    org = data.setdefault("organisation_id", user.organisation_id)
    if org != user.organisation_id:
        raise forbidden("A participant can only be placed in your own organisation.")
    if user.role == "mentor":
        mentor = data.setdefault("assigned_mentor_id", user.id)
        if mentor != user.id:
            raise forbidden("Only a coordinator can assign a participant to someone else.")
    elif data.get("assigned_mentor_id"):
        _check_assignee(session, org, str(data["assigned_mentor_id"]), "assigned_mentor_id")
    return user.organisation_id


def write(
    session: Session, caller: Caller, entity_name: str, record_id: str, fields: dict[str, Any]
) -> Record:
    """Create or replace a record, as ``PUT /records/{entity}/{id}`` does."""
    ent = _entity(entity_name)
    user = caller.user
    if ent.scoped:
        require_case_role(user)
    else:
        require_coordinator(user)
    check_fields(entity_name, fields)
    data = dict(fields)
    lock_writes(session)
    existing = session.get(Record, (entity_name, record_id))
    if existing is not None and ent.scoped:
        where = _scope_of(session, existing)
        if where is None or not can_see(user, where):
            raise not_found()
    if (
        existing is not None
        and user.role != "coordinator"
        and scope.deleted_by_coordinator(session, existing)
    ):
        raise scope.coordinator_deleted_error()
    if not ent.scoped:
        participant_id, org = None, None
    elif ent.name == "participant":
        participant_id = record_id
        org = _participant_placement(session, caller, existing, data)
    else:
        participant_id = str(data["participant_id"])
        if existing is not None and existing.participant_id != participant_id:
            raise _validation_error(
                [FieldProblem(field="participant_id", message="cannot be changed")]
            )
        parent = session.get(Record, ("participant", participant_id))
        where = session.get(ParticipantScope, participant_id)
        if parent is None or parent.deleted or where is None or not can_see(user, where):
            raise ApiError(404, "not_found", "No such participant.")
        org = where.organisation_id
    before = existing.data if existing is not None else None
    scope.check_owned(user, ent, before, data)
    scope.check_references(session, ent, data, before, participant_id)
    if ent.append_only and existing is not None and not existing.deleted:
        if existing.data != data:
            raise ApiError(
                409, "append_only", "This record cannot be changed; add an amendment instead."
            )
        return existing
    record = _store(
        session,
        caller,
        ent,
        record_id,
        existing,
        data,
        participant_id=participant_id,
        organisation_id=org,
    )
    accounts.audit(
        session,
        "record.write",
        user=user,
        device=caller.device,
        entity=entity_name,
        record_ids=[record_id],
    )
    return record


def delete(session: Session, caller: Caller, entity_name: str, record_id: str) -> Record:
    """Tombstone a record (``deleted`` with a new seq); the data is purged later."""
    ent = _entity(entity_name)
    user = caller.user
    if ent.scoped:
        require_case_role(user)
    else:
        require_coordinator(user)
    lock_writes(session)
    existing = read(session, user, entity_name, record_id)
    if ent.name == "participant":
        require_coordinator(user)
    scope.check_owned_delete(user, ent, existing.data)
    if ent.append_only:
        raise ApiError(409, "append_only", "This record cannot be deleted; retract it instead.")
    record = _store(
        session,
        caller,
        ent,
        record_id,
        existing,
        None,
        participant_id=existing.participant_id,
        organisation_id=existing.organisation_id,
    )
    accounts.audit(
        session,
        "record.delete",
        user=user,
        device=caller.device,
        entity=entity_name,
        record_ids=[record_id],
    )
    return record


def assign(session: Session, caller: Caller, participant_id: str, mentor_id: str) -> Record:
    """Reassign a participant (coordinators of its organisation only)."""
    user = caller.user
    require_coordinator(user)
    lock_writes(session)
    existing = read(session, user, "participant", participant_id)
    mentor = _check_assignee(session, user.organisation_id, mentor_id, "mentor_id")
    data = dict(existing.data)
    data["assigned_mentor_id"] = mentor.id
    data["assigned_mentor_name"] = mentor.name
    record = _store(
        session,
        caller,
        ENTITIES["participant"],
        participant_id,
        existing,
        data,
        participant_id=participant_id,
        organisation_id=existing.organisation_id,
    )
    accounts.audit(
        session,
        "participant.assign",
        user=user,
        device=caller.device,
        entity="participant",
        record_ids=[participant_id, mentor.id],
    )
    return record
