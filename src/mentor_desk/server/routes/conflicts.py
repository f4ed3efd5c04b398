"""``/conflicts``: list and resolve merge conflicts in the caller's scope (SYNC.md)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Query

from mentor_desk.server import accounts, sync
from mentor_desk.server.deps import CurrentCaller, SessionDep
from mentor_desk.server.errors import responses
from mentor_desk.server.guard import sendable
from mentor_desk.server.routing import api_router
from mentor_desk.server.sync_schemas import ConflictOut, ConflictsOut, ResolveIn, ResolveOut

router = api_router(prefix="/conflicts", tags=["conflicts"])


@router.get("", responses=responses(401, 403, 422))
def list_conflicts(
    caller: CurrentCaller,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 500,
) -> ConflictsOut:
    rows = sync.list_conflicts(session, caller.user, limit)
    authors = sync.conflict_authors(session, rows, caller.user)
    if rows:
        accounts.audit(
            session,
            "conflict.list",
            user=caller.user,
            device=caller.device,
            record_ids=[r.record_id for r in rows],
        )
    session.commit()  # the transaction ends here, not when the request is torn down
    return ConflictsOut(conflicts=[ConflictOut.of(r, authors[r.id]) for r in rows])


@router.post("/{conflict_id}/resolve", responses=responses(400, 401, 403, 404, 409, 413, 422))
def resolve(
    conflict_id: uuid.UUID, body: ResolveIn, caller: CurrentCaller, session: SessionDep
) -> ResolveOut:
    row, version = sync.resolve_conflict(session, caller, str(conflict_id), body.choice, body.value)
    authors = sync.conflict_authors(session, [row], caller.user)
    out = sendable(ResolveOut(conflict=ConflictOut.of(row, authors[row.id]), version=version))
    session.commit()
    return out
