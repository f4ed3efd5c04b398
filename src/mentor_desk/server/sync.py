"""The server side of sync (SYNC.md): push with per-field merge, pull in ``seq`` order,
conflicts, quarantine, and the purge of old tombstones.

Push handles a batch in one transaction that first takes the writers' lock
(:func:`records.lock_writes`), and each mutation inside a SAVEPOINT, so a rejected
mutation never undoes or blocks the others. Every result is stored in ``device_mutations``
keyed by ``(device_id, device_seq)``: a retry gets the stored answer and changes nothing.

Pull reads the committed ``seq`` counter first and serves only changes up to it. Writers hold
the counter row lock until they commit, so changes commit in ``seq`` order and every seq up
to the counter's committed value is already visible: a pull can never skip a change that
was still being written.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import Text, and_, cast, delete, func, or_, select, text, update
from sqlalchemy.orm import Session

from mentor_desk.domain import ENTITIES, Entity
from mentor_desk.domain.ids import uuid7
from mentor_desk.domain.validation import FIELD_NAME, json_problem
from mentor_desk.server import accounts, partner_scope
from mentor_desk.server import scope as rules
from mentor_desk.server.access import (
    can_see,
    require_case_role,
    require_coordinator,
    require_sync_role,
)
from mentor_desk.server.deps import Caller
from mentor_desk.server.errors import ApiError, forbidden, not_found
from mentor_desk.server.guard import sendable, servable_json
from mentor_desk.server.models import Assignment, Change, Counter, ParticipantScope, Record, User
from mentor_desk.server.records import (
    _participant_placement,
    _store,
    check_fields,
    lock_writes,
)
from mentor_desk.server.routes.health import PROTOCOL_VERSIONS, schema_versions
from mentor_desk.server.sync_models import (
    TOMBSTONE_HORIZON,
    Conflict,
    DeviceMutation,
    Quarantine,
)
from mentor_desk.server.sync_schemas import (
    ChangeOut,
    ConflictAuthors,
    ConflictBrief,
    MutationIn,
    MutationResult,
    PullOut,
    PushIn,
    PushOut,
)

#: The pseudo-field of an edit-against-delete conflict.
DELETED_FIELD = "*deleted*"
QUARANTINED = (
    "You no longer have access to this participant; the change was kept for your coordinator."
)
#: What each error status of the shared write path means as a push ``reason``.
_REASONS = {403: "permission", 404: "not_found", 422: "validation"}
#: Placement fields of a participant: changing them re-checks organisation and mentor.
_PLACEMENT = ("organisation_id", "assigned_mentor_id")


class SequenceGap(Exception):
    """The batch skips device seqs the server has not seen; resend from ``expected``."""

    def __init__(self, expected: int) -> None:
        super().__init__(f"expected change {expected} next")
        self.expected = expected


class _Rejected(Exception):
    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


# --- versions ------------------------------------------------------------------------------


def check_versions(schema_version: int | None, protocol_version: int | None = None) -> None:
    """426 ``client_too_old`` for a schema or protocol older than the server accepts (the
    current and the previous one), 400 for one newer than the server knows."""
    accepted = schema_versions()
    if schema_version is not None:
        if schema_version < min(accepted):
            raise ApiError(
                426,
                "client_too_old",
                "This version of Mentor Desk is too old for the server; "
                "update it (nothing unsent is lost).",
            )
        if schema_version > max(accepted):
            raise ApiError(
                400, "unsupported_schema", "The server does not know this record schema yet."
            )
    if protocol_version is not None:
        if protocol_version < min(PROTOCOL_VERSIONS):
            raise ApiError(
                426, "client_too_old", "This version of Mentor Desk is too old for the server."
            )
        if protocol_version > max(PROTOCOL_VERSIONS):
            raise ApiError(
                400, "unsupported_protocol", "The server does not speak this protocol yet."
            )


# --- helpers -------------------------------------------------------------------------------


def _counter(session: Session, name: str) -> int:
    value = session.scalar(select(Counter.value).where(Counter.name == name))
    return int(value or 0)


def scope_ids(user: User) -> Any:
    """A subquery of the participant ids ``user`` may currently see."""
    query = select(ParticipantScope.participant_id)
    if user.role == "mentor":
        return query.where(ParticipantScope.assigned_mentor_id == user.id)
    if user.role == "coordinator" and user.organisation_id is not None:
        return query.where(ParticipantScope.organisation_id == user.organisation_id)
    return query.where(ParticipantScope.participant_id.is_(None))


def _had_access(session: Session, user: User, participant_id: str) -> bool:
    """Whether ``user`` ever had ``participant_id`` in scope (so a late change is
    quarantined rather than answered like an unknown id)."""
    query = select(Assignment.id).where(Assignment.participant_id == participant_id)
    if user.role == "mentor":
        query = query.where(Assignment.new_mentor_id == user.id)
    elif user.organisation_id is not None:
        query = query.where(Assignment.organisation_id == user.organisation_id)
    else:
        return False
    return session.scalar(query.limit(1)) is not None


@dataclass
class _Push:
    """One mutation being applied."""

    session: Session
    caller: Caller
    m: MutationIn
    ent: Entity
    record_id: str

    @property
    def user(self) -> User:
        return self.caller.user

    def result(
        self,
        status: str,
        version: int,
        conflicts: Sequence[Conflict] = (),
    ) -> MutationResult:
        return MutationResult(
            device_seq=self.m.device_seq,
            status=status,  # type: ignore[arg-type]
            version=version,
            conflicts=[
                ConflictBrief(id=c.id, field=c.field, mine=c.mine, theirs=c.theirs)
                for c in conflicts
            ],
        )

    def audit(self, action: str = "sync.push") -> None:
        accounts.audit(
            self.session,
            action,
            user=self.user,
            device=self.caller.device,
            entity=self.ent.name,
            record_ids=[self.record_id],
        )

    def conflict(
        self, record: Record, field: str, mine: Any, theirs: Any, version: int
    ) -> Conflict:
        row = Conflict(
            id=uuid7(),
            entity=self.ent.name,
            record_id=self.record_id,
            participant_id=record.participant_id,
            organisation_id=record.organisation_id,
            field=field,
            mine=mine,
            theirs=theirs,
            mine_user_id=self.user.id,
            mine_device_id=self.caller.device.id,
            theirs_version=version,
            at=accounts.now(),
        )
        self.session.add(row)
        return row

    def quarantine(self, participant_id: str, organisation_id: str | None) -> MutationResult:
        self.session.add(
            Quarantine(
                id=uuid7(),
                at=accounts.now(),
                user_id=self.user.id,
                device_id=self.caller.device.id,
                entity=self.ent.name,
                record_id=self.record_id,
                participant_id=participant_id,
                organisation_id=organisation_id,
                mutation=self.m.model_dump(),
            )
        )
        self.audit("sync.quarantine")
        return MutationResult(
            device_seq=self.m.device_seq,
            status="rejected",
            reason="quarantined",
            detail=QUARANTINED,
        )

    def only_this_device(self) -> bool:
        """Every change so far to this record came from the pushing device."""
        other = self.session.scalar(
            select(Change.seq)
            .where(
                Change.entity == self.ent.name,
                Change.record_id == self.record_id,
                or_(Change.device_id.is_(None), Change.device_id != self.caller.device.id),
            )
            .limit(1)
        )
        return other is None

    def require_own_unsynced(self) -> None:
        """Append-only records change only before they were ever synced (SYNC.md)."""
        if not (self.m.base_version == 0 and self.only_this_device()):
            raise _Rejected(
                "append_only",
                "This record cannot be changed once synced; add an amendment instead.",
            )


# --- push ----------------------------------------------------------------------------------


def push(session: Session, caller: Caller, body: PushIn) -> PushOut:
    """Apply a batch of one device's mutations (see the module docstring).

    Raises :class:`SequenceGap` (nothing applied) if the batch skips device seqs.
    """
    check_versions(body.schema_version, body.protocol_version)
    require_sync_role(caller.user)
    if body.device_id != caller.device.id:
        raise forbidden("device_id is not the id of the device this token belongs to.")
    lock_writes(session)
    device_id = caller.device.id
    ordered = sorted(body.mutations, key=lambda m: m.device_seq)
    last = session.scalar(
        select(func.max(DeviceMutation.device_seq)).where(DeviceMutation.device_id == device_id)
    )
    expected = None if last is None else int(last)
    for m in ordered:
        if expected is not None and m.device_seq > expected + 1:
            raise SequenceGap(expected + 1)
        expected = m.device_seq if expected is None else max(expected, m.device_seq)
    seqs = [m.device_seq for m in ordered]
    stored: dict[int, dict[str, Any]] = {}
    for start in range(0, len(seqs), 500):
        for row in session.scalars(
            select(DeviceMutation).where(
                DeviceMutation.device_id == device_id,
                DeviceMutation.device_seq.in_(seqs[start : start + 500]),
            )
        ):
            stored[row.device_seq] = row.result
    results: list[MutationResult] = []
    for m in ordered:
        if m.device_seq in stored:
            results.append(MutationResult.model_validate(stored[m.device_seq]))
            continue
        result = _one(session, caller, m)
        payload = result.model_dump(mode="json")
        session.add(
            DeviceMutation(
                device_id=device_id,
                device_seq=m.device_seq,
                status=result.status,
                version=result.version,
                result=payload,
                at=accounts.now(),
            )
        )
        session.flush()
        stored[m.device_seq] = payload
        results.append(result)
    return PushOut(results=results)


def _one(session: Session, caller: Caller, m: MutationIn) -> MutationResult:
    """One mutation in its own SAVEPOINT: a rejection rolls back only this mutation."""
    try:
        with session.begin_nested():
            # serialised inside the savepoint: an answer that cannot be sent undoes its change
            return sendable(_apply(session, caller, m))
    except _Rejected as exc:
        reason, detail = exc.reason, exc.detail
    except ApiError as exc:
        reason = _REASONS.get(exc.status, exc.code)
        detail = exc.detail
    return MutationResult(device_seq=m.device_seq, status="rejected", reason=reason, detail=detail)


def _apply(session: Session, caller: Caller, m: MutationIn) -> MutationResult:
    ent = ENTITIES.get(m.entity)
    if ent is None:
        raise _Rejected("validation", f"Unknown record type {m.entity!r}.")
    try:
        canonical = str(uuid.UUID(m.id))
    except ValueError:
        canonical = ""
    if canonical != m.id:
        raise _Rejected("validation", "The record id is not a UUID in canonical form.")
    _refuse_unstorable(m)
    existing = session.get(Record, (ent.name, m.id))
    partner = caller.user.role == "partner"
    if partner:  # its own narrow reach (partner_scope.py); then the same merge as anyone
        partner_scope.check_write(
            session, caller.user, ent, m.fields, existing, m.op, accounts.now().date()
        )
    elif not ent.scoped:
        require_coordinator(caller.user)
    p = _Push(session, caller, m, ent, m.id)
    if existing is None:
        if m.op == "delete":
            return p.result("applied", 0)  # never reached the server: nothing to delete
        if m.base_version > 0:
            raise _Rejected(
                "deleted", "This record was deleted on the server long ago and then purged."
            )
        return _create(p)
    if ent.scoped and not partner:
        pid = existing.participant_id or ""
        scope = session.get(ParticipantScope, pid)
        if scope is None or not can_see(caller.user, scope):
            if scope is not None and _had_access(session, caller.user, pid):
                if m.op == "upsert":  # kept for a coordinator: valid values only
                    check_fields(ent.name, m.fields, partial=True)
                return p.quarantine(pid, scope.organisation_id)
            raise not_found()
    if m.op == "delete":
        return _delete(p, existing)
    _check_pushed(p, existing)
    if existing.deleted:
        return _edit_deleted(p, existing)
    return _merge(p, existing)


def _refuse_unstorable(m: MutationIn) -> None:
    """Reject a mutation holding anything that cannot be stored and sent, whatever it does
    (a change kept in quarantine is stored whole)."""
    if json_problem(list(m.fields)) or json_problem(list(m.field_versions)):
        raise _Rejected("validation", "A field name holds characters that cannot be stored.")
    for name, value in m.fields.items():
        problem = json_problem(value)
        if problem:
            label = name if FIELD_NAME.fullmatch(name) else "a field"
            raise _Rejected("validation", f"{label}: {problem}")


def _check_pushed(p: _Push, existing: Record) -> None:
    """Validate an upsert's values as if every one of them won, before merging.

    A value that loses the merge is kept as a conflict value and may later be chosen, so it
    must be one the server would have accepted: the right type, shape and size, known
    fields only, the record's own participant, a placement the caller may make.
    """
    ent, m = p.ent, p.m
    if (
        ent.scoped
        and ent.name != "participant"
        and "participant_id" in m.fields
        and m.fields["participant_id"] != existing.participant_id
    ):
        raise _Rejected("validation", "participant_id: cannot be changed")
    if all(existing.data.get(k) == v for k, v in m.fields.items()):
        return  # changes nothing, stores nothing
    candidate = {**existing.data, **m.fields}
    if ent.name == "participant" and any(
        name in m.fields and m.fields[name] != existing.data.get(name) for name in _PLACEMENT
    ):
        _participant_placement(p.session, p.caller, existing, candidate)
    check_fields(ent.name, candidate)


def _create(p: _Push) -> MutationResult:
    session, ent, user = p.session, p.ent, p.user
    data = {k: v for k, v in p.m.fields.items() if v is not None}
    check_fields(ent.name, data)
    participant_id: str | None
    org: str | None
    if not ent.scoped:
        participant_id, org = None, None
    elif ent.name == "participant":
        participant_id = p.record_id
        org = _participant_placement(session, p.caller, None, data)
        check_fields(ent.name, data)
    else:
        participant_id = str(data["participant_id"])
        parent = session.get(Record, ("participant", participant_id))
        scope = session.get(ParticipantScope, participant_id)
        if parent is None or parent.deleted or scope is None:
            raise _Rejected("not_found", "No such participant.")
        if user.role != "partner" and not can_see(user, scope):
            if _had_access(session, user, participant_id):
                return p.quarantine(participant_id, scope.organisation_id)
            raise _Rejected("not_found", "No such participant.")
        org = scope.organisation_id
    rules.check_references(session, ent, data, None, participant_id)
    record = _store(
        session,
        p.caller,
        ent,
        p.record_id,
        None,
        data,
        participant_id=participant_id,
        organisation_id=org,
    )
    p.audit()
    return p.result("applied", record.version)


def _merge(p: _Push, existing: Record) -> MutationResult:
    """Per-field merge of an upsert onto a live record (SYNC.md "Merging")."""
    session, ent, m = p.session, p.ent, p.m
    data = dict(existing.data)
    differs = {k: v for k, v in m.fields.items() if data.get(k) != v}
    if not differs:
        return p.result("applied", existing.version)
    if ent.append_only:
        p.require_own_unsynced()
    versions = existing.field_versions
    own: dict[int, bool] = {}

    def by_this_device(seq: int) -> bool:
        if seq not in own:
            change = session.get(Change, seq)
            own[seq] = change is not None and change.device_id == p.caller.device.id
        return own[seq]

    changed: list[str] = []
    lost: list[tuple[str, Any, Any, int]] = []
    for name, value in differs.items():
        base = m.field_versions.get(name, m.base_version)
        server_v = int(versions.get(name, 0))
        if base >= server_v or by_this_device(server_v):
            data[name] = value
            changed.append(name)
        else:
            lost.append((name, value, existing.data.get(name), server_v))
    if ent.name == "participant" and any(name in _PLACEMENT for name in changed):
        _participant_placement(session, p.caller, existing, data)
    if changed:
        check_fields(ent.name, data)
        rules.check_owned(p.user, ent, existing.data, data)
        rules.check_references(session, ent, data, existing.data, existing.participant_id)
    conflicts = [p.conflict(existing, *item) for item in lost]
    record = existing
    if changed:
        record = _store(
            session,
            p.caller,
            ent,
            p.record_id,
            existing,
            data,
            participant_id=existing.participant_id,
            organisation_id=existing.organisation_id,
        )
    p.audit()
    return p.result("merged" if conflicts else "applied", record.version, conflicts)


def _edit_deleted(p: _Push, existing: Record) -> MutationResult:
    """An edit of a record deleted on the server: keep the tombstone, record a conflict."""
    if all(existing.data.get(k) == v for k, v in p.m.fields.items()):
        return p.result("applied", existing.version)
    row = p.conflict(existing, DELETED_FIELD, dict(p.m.fields), "deleted", existing.version)
    p.audit()
    return p.result("merged", existing.version, [row])


def _delete(p: _Push, existing: Record) -> MutationResult:
    if existing.deleted:
        return p.result("applied", existing.version)
    if p.ent.name == "participant" and p.user.role != "coordinator":
        raise _Rejected("permission", "Only a coordinator may delete a participant.")
    rules.check_owned_delete(p.user, p.ent, existing.data)
    if p.ent.append_only:
        p.require_own_unsynced()
    changed_since = p.session.scalar(
        select(Change.seq)
        .where(
            Change.entity == p.ent.name,
            Change.record_id == p.record_id,
            Change.seq > p.m.base_version,
            or_(Change.device_id.is_(None), Change.device_id != p.caller.device.id),
        )
        .limit(1)
    )
    if changed_since is not None:
        row = p.conflict(existing, DELETED_FIELD, "deleted", dict(existing.data), existing.version)
        p.audit()
        return p.result("merged", existing.version, [row])
    record = _store(
        p.session,
        p.caller,
        p.ent,
        p.record_id,
        existing,
        None,
        participant_id=existing.participant_id,
        organisation_id=existing.organisation_id,
    )
    p.audit()
    return p.result("applied", record.version)


# --- pull ----------------------------------------------------------------------------------


#: One change as served: seq, entity, id, version, deleted, fields and field versions as
#: the JSON text the database holds (never decoded and encoded again on the way out).
_Served = tuple[int, str, str, int, bool, str, str]
_SERVED_COLUMNS = (
    Record.entity,
    Record.id,
    Record.version,
    Record.deleted,
    cast(Record.data, Text),
    cast(Record.field_versions, Text),
)


@dataclass(frozen=True)
class PullPage:
    """One page of ``GET /sync/pull``, written straight to JSON by :meth:`to_json`.

    A page is up to 1,000 records; decoding each record's JSON from the database into
    Python and encoding it again (as the response model would) was most of the server's
    time per page, so the stored JSON text is spliced into the answer as it is. The shape
    is :class:`PullOut`'s (the OpenAPI schema and the tests check it).
    """

    rows: list[_Served]
    scope_removed: list[str]
    next_cursor: int
    has_more: bool
    server_seq: int
    conflicts_mark: str | None = None

    def to_json(self) -> bytes:
        dumps = json.dumps
        parts = [
            (
                f'{{"entity":{dumps(entity)},"id":{dumps(rid)},"seq":{seq},'
                f'"version":{version},"deleted":true,"fields":{{}},"field_versions":{{}}}}'
                if deleted
                else f'{{"entity":{dumps(entity)},"id":{dumps(rid)},"seq":{seq},'
                f'"version":{version},"deleted":false,"fields":{data},'
                f'"field_versions":{versions}}}'
            )
            for seq, entity, rid, version, deleted, data, versions in self.rows
        ]
        return (
            f'{{"changes":[{",".join(parts)}],"scope_removed":{dumps(self.scope_removed)},'
            f'"next_cursor":{self.next_cursor},"has_more":{"true" if self.has_more else "false"},'
            f'"server_seq":{self.server_seq},"conflicts_mark":{dumps(self.conflicts_mark)}}}'
        ).encode()

    @property
    def changes(self) -> list[ChangeOut]:
        """The page as response-model objects (for tests and in-process callers)."""
        return PullOut.model_validate_json(self.to_json()).changes


def pull_start(session: Session, cursor: int) -> int:
    """The server seq a pull from ``cursor`` reads up to (read first: everything up to it
    is committed); 410 ``resync_required`` if changes after ``cursor`` were purged."""
    server_seq = _counter(session, "seq")
    horizon = _counter(session, TOMBSTONE_HORIZON)
    if 0 < cursor < horizon:
        raise ApiError(
            410,
            "resync_required",
            "Changes this old are no longer kept; download everything again.",
        )
    return server_seq


def page_end(rows: Sequence[Any], cursor: int, server_seq: int, limit: int) -> tuple[int, bool]:
    """(next_cursor, has_more) after a page of ``rows`` (seq first) read with ``limit``."""
    if len(rows) == limit:
        return int(rows[-1][0]), True
    return max(cursor, server_seq), False


def pull(session: Session, caller: Caller, cursor: int, limit: int) -> PullPage:
    """The changes after ``cursor`` in the caller's current scope (see module docstring)."""
    user = caller.user
    require_case_role(user)
    server_seq = pull_start(session, cursor)
    visible = scope_ids(user)
    if session.get_bind().dialect.name == "postgresql":
        # A page is a short walk that stops after ``limit`` rows; PostgreSQL planned it as
        # a parallel scan, and starting the workers made it 12 ms instead of 2.7 ms
        # for every page. For this transaction only.
        session.execute(text("SET LOCAL max_parallel_workers_per_gather = 0"))
    rows = session.execute(
        select(Change.seq, *_SERVED_COLUMNS)
        .join(Record, and_(Record.entity == Change.entity, Record.id == Change.record_id))
        .where(
            Change.seq > cursor,
            Change.seq <= server_seq,
            # coalesce() keeps the planner walking ``changes`` in seq order and stopping
            # after ``limit`` rows. On the plain column SQLite gathered every later change
            # of every participant in scope through the participant index and sorted them,
            # for each page: 110 ms a page at the start of an office-size first sync instead
            # of 2 ms, and the whole sync quadratic in its size.
            or_(
                Change.participant_id.is_(None),
                func.coalesce(Change.participant_id, "").in_(visible),
            ),
        )
        .order_by(Change.seq)
        .limit(limit)
    ).all()
    next_cursor, has_more = page_end(rows, cursor, server_seq, limit)
    latest: dict[tuple[str, str], _Served] = {}
    for row in rows:  # one entry per record, with its current state, at its latest seq
        latest[(row[1], row[2])] = _served(row[0], row[1:])

    removed: list[str] = []
    if user.role == "mentor" and next_cursor > cursor:
        moves = session.scalars(
            select(Assignment)
            .where(
                Assignment.seq > cursor,
                Assignment.seq <= next_cursor,
                or_(Assignment.old_mentor_id == user.id, Assignment.new_mentor_id == user.id),
            )
            .order_by(Assignment.seq)
        ).all()
        moved = {a.participant_id for a in moves}
        current = set(
            session.scalars(visible.where(ParticipantScope.participant_id.in_(moved)))
            if moved
            else ()
        )
        removed = sorted({a.participant_id for a in moves if a.old_mentor_id == user.id} - current)
        entered = {a.participant_id for a in moves if a.new_mentor_id == user.id} & current
        if entered and cursor > 0:
            for rec in session.execute(
                select(*_SERVED_COLUMNS).where(Record.participant_id.in_(sorted(entered)))
            ):  # their whole history, each record at its current version
                latest.setdefault((rec[0], rec[1]), _served(int(rec[2]), rec))

    served = sorted(latest.values(), key=lambda item: item[0])
    if served or removed:
        accounts.audit(
            session,
            "sync.pull",
            user=user,
            device=caller.device,
            record_ids=[r[2] for r in served] + removed,
        )
    return PullPage(
        rows=served,
        scope_removed=removed,
        next_cursor=next_cursor,
        has_more=has_more,
        server_seq=server_seq,
        conflicts_mark=None if has_more else conflicts_mark(session, user),
    )


def conflicts_mark(session: Session, user: User) -> str:
    """How many conflicts are open in ``user``'s scope and the newest one's id.

    It changes whenever one is recorded or settled, so a device asks for the list
    (``GET /conflicts``) only then: a merge that keeps the other side's value makes no new
    seq, so the pull itself cannot say so.
    """
    count, newest = session.execute(
        select(func.count(Conflict.id), func.max(Conflict.id)).where(
            Conflict.resolved_at.is_(None), _conflicts_visible(user)
        )
    ).one()
    return f"{int(count)}:{newest or ''}"


def _served(seq: int, row: Sequence[Any]) -> _Served:
    entity, rid, version, deleted, data, versions = row
    data = servable_json(data, (entity, rid))
    return (int(seq), str(entity), str(rid), int(version), bool(deleted), data, versions)


# --- conflicts and quarantine ----------------------------------------------------------------


def _conflicts_visible(user: User) -> Any:
    if user.role == "partner":  # only what its own pushes lost; a coordinator settles them
        return Conflict.mine_user_id == user.id
    if user.role == "mentor":
        return Conflict.participant_id.in_(scope_ids(user))
    return or_(
        and_(
            Conflict.organisation_id.is_not(None), Conflict.organisation_id == user.organisation_id
        ),
        and_(Conflict.participant_id.is_(None), Conflict.organisation_id.is_(None)),
    )


def list_conflicts(session: Session, user: User, limit: int) -> Sequence[Conflict]:
    """Unresolved conflicts in ``user``'s scope (a coordinator: their organisation's, and
    those on the shared directory and timetable; a partner: those its own pushes lost)."""
    require_sync_role(user)
    return session.scalars(
        select(Conflict)
        .where(Conflict.resolved_at.is_(None), _conflicts_visible(user))
        .order_by(Conflict.at, Conflict.id)
        .limit(limit)
    ).all()


def conflict_authors(
    session: Session, rows: Sequence[Conflict], viewer: User
) -> dict[str, ConflictAuthors]:
    """Conflict id → who sent the losing value and who wrote the kept one (and when), as
    ``viewer`` may see them (:func:`scope.authors`: a person only within the viewer's
    organisation, else their organisation).

    The kept value's author is the author of the change whose seq is the field's version
    (``theirs_version``); a purged or unknown change leaves it None.
    """
    if not rows:
        return {}
    writers = {
        c.seq: (c.user_id, c.at)
        for c in session.scalars(
            select(Change).where(Change.seq.in_({r.theirs_version for r in rows}))
        )
    }
    user_ids = {r.mine_user_id for r in rows} | {r.resolved_by for r in rows}
    shown = rules.authors(session, viewer, user_ids | {w[0] for w in writers.values()})
    nobody = rules.Author(None, None, None, False)
    out: dict[str, ConflictAuthors] = {}
    for r in rows:
        writer, at = writers.get(r.theirs_version, (None, None))
        mine = shown.get(r.mine_user_id or "", nobody)
        theirs = shown.get(writer or "", nobody)
        out[r.id] = ConflictAuthors(
            mine_user_id=mine.user_id,
            mine_device_id=r.mine_device_id if mine.same_organisation else None,
            mine_by=mine.name,
            mine_organisation_id=mine.organisation_id,
            theirs_user_id=theirs.user_id,
            theirs_by=theirs.name,
            theirs_organisation_id=theirs.organisation_id,
            theirs_at=at,
            resolved_by=shown.get(r.resolved_by or "", nobody).user_id,
        )
    return out


def resolve_conflict(
    session: Session, caller: Caller, conflict_id: str, choice: str, value: Any
) -> tuple[Conflict, int]:
    """Apply the chosen value as an ordinary change and mark the conflict resolved.

    ``theirs`` keeps the server's current state; ``mine`` applies the losing value;
    ``value`` applies ``value`` (for ``*deleted*`` conflicts: a dict of fields to restore).
    Returns the conflict and the record's version afterwards.
    """
    user = caller.user
    require_case_role(user)
    lock_writes(session)
    row = session.scalar(
        select(Conflict).where(Conflict.id == conflict_id, _conflicts_visible(user))
    )
    if row is None:
        raise not_found("conflict")
    if row.resolved_at is not None:
        raise ApiError(409, "already_resolved", "This conflict was already resolved.")
    ent = ENTITIES[row.entity]
    if row.field in ent.coordinator_owned and user.role != "coordinator":
        raise forbidden("Only a coordinator may settle a conflict on this field.")
    record = session.get(Record, (row.entity, row.record_id))
    if record is None:
        raise ApiError(409, "record_gone", "The record no longer exists on the server.")
    if (
        row.field == DELETED_FIELD
        and user.role != "coordinator"
        and rules.deleted_by_coordinator(session, record)
    ):  # a coordinator's delete is final for a mentor: the conflict waits for the office
        raise rules.coordinator_deleted_error()
    chosen = row.mine if choice == "mine" else value
    data: dict[str, Any] | None = None
    touch = choice != "theirs"
    if row.field == DELETED_FIELD and record.deleted:
        if touch:
            if not isinstance(chosen, dict):
                raise ApiError(422, "validation_error", "value: must be the fields to restore")
            data = {**record.data, **chosen}
    elif row.field == DELETED_FIELD:
        if touch and choice == "mine":
            if ent.name == "participant":
                require_coordinator(user)
            if ent.append_only:
                raise ApiError(409, "append_only", "This record cannot be deleted.")
        elif touch:
            if not isinstance(chosen, dict):
                raise ApiError(422, "validation_error", "value: must be the fields to keep")
            data = {**record.data, **chosen}
    elif touch:
        if record.deleted:
            raise ApiError(409, "record_deleted", "The record was deleted; nothing to change.")
        data = {**record.data, row.field: chosen}
    deleting = touch and row.field == DELETED_FIELD and choice == "mine" and not record.deleted
    if touch and (data is not None or deleting):
        if data is not None:
            if ent.name == "participant":
                _participant_placement(session, caller, record, data)
            elif ent.scoped and data.get("participant_id") != record.participant_id:
                raise ApiError(422, "validation_error", "participant_id: cannot be changed")
            check_fields(ent.name, data)
            if ent.scoped and ent.name != "participant":
                parent = session.get(Record, ("participant", record.participant_id))
                if parent is None or parent.deleted:
                    raise ApiError(
                        409, "participant_deleted", "The participant of this record was deleted."
                    )
            rules.check_owned(user, ent, record.data, data)
            rules.check_references(session, ent, data, record.data, record.participant_id)
        else:
            rules.check_owned_delete(user, ent, record.data)
        record = _store(
            session,
            caller,
            ent,
            record.id,
            record,
            data,
            participant_id=record.participant_id,
            organisation_id=record.organisation_id,
        )
    row.resolved_at = accounts.now()
    row.resolved_by = user.id
    accounts.audit(
        session,
        "conflict.resolve",
        user=user,
        device=caller.device,
        entity=row.entity,
        record_ids=[row.id, row.record_id],
    )
    session.flush()
    return row, record.version


def list_quarantine(session: Session, user: User, limit: int) -> Sequence[Quarantine]:
    """Changes kept after their author lost access, for the coordinators of their
    organisation."""
    require_coordinator(user)
    return session.scalars(
        select(Quarantine)
        .where(
            Quarantine.organisation_id.is_not(None),
            Quarantine.organisation_id == user.organisation_id,
        )
        .order_by(Quarantine.at, Quarantine.id)
        .limit(limit)
    ).all()


# --- tombstones ----------------------------------------------------------------------------


def purge_tombstones(session: Session, older_than_days: int) -> tuple[int, int]:
    """Delete tombstoned records (and all their change rows) deleted more than
    ``older_than_days`` ago, and raise the tombstone horizon to the newest purged seq.

    A client whose cursor is below the horizon then gets ``410 resync_required``.
    Returns (records purged, horizon). The caller commits.
    """
    lock_writes(session)
    cutoff = accounts.now() - timedelta(days=older_than_days)
    doomed = session.execute(
        select(Record.entity, Record.id, Record.version).where(
            Record.deleted.is_(True), Record.updated_at <= cutoff
        )
    ).all()
    horizon = _counter(session, TOMBSTONE_HORIZON)
    by_entity: dict[str, list[str]] = {}
    for entity_name, record_id, version in doomed:
        by_entity.setdefault(entity_name, []).append(record_id)
        horizon = max(horizon, int(version))
    for entity_name, ids in by_entity.items():
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            session.execute(
                delete(Change).where(Change.entity == entity_name, Change.record_id.in_(chunk))
            )
            session.execute(
                delete(Record).where(Record.entity == entity_name, Record.id.in_(chunk))
            )
    session.execute(update(Counter).where(Counter.name == TOMBSTONE_HORIZON).values(value=horizon))
    accounts.audit(session, "sync.purge_tombstones", record_ids=[])
    return len(doomed), horizon
