"""Participants in the caller's scope, and (re)assignment by coordinators."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Query

from mentor_desk.server import accounts, records, scope
from mentor_desk.server.deps import CurrentCaller, SessionDep
from mentor_desk.server.errors import responses
from mentor_desk.server.routing import api_router
from mentor_desk.server.schemas import AssignIn, RecordOut

router = api_router(prefix="/participants", tags=["participants"])


@router.get("", responses=responses(401, 403, 422))
def list_participants(
    caller: CurrentCaller,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> list[RecordOut]:
    found = records.visible_participants(session, caller.user, limit=limit, offset=offset)
    accounts.audit(
        session,
        "participant.list",
        user=caller.user,
        device=caller.device,
        entity="participant",
        record_ids=[r.id for r in found],
    )
    session.commit()
    return scope.records_out(session, caller.user, found)


@router.get("/{participant_id}", responses=responses(401, 403, 404, 422))
def get_participant(
    participant_id: uuid.UUID, caller: CurrentCaller, session: SessionDep
) -> RecordOut:
    record = records.read(session, caller.user, "participant", str(participant_id))
    accounts.audit(
        session,
        "record.read",
        user=caller.user,
        device=caller.device,
        entity="participant",
        record_ids=[record.id],
    )
    session.commit()
    return scope.record_out(session, caller.user, record)


@router.post("/{participant_id}/assign", responses=responses(400, 401, 403, 404, 413, 422))
def assign(
    participant_id: uuid.UUID, body: AssignIn, caller: CurrentCaller, session: SessionDep
) -> RecordOut:
    record = records.assign(session, caller, str(participant_id), body.mentor_id)
    session.commit()
    return scope.record_out(session, caller.user, record)
