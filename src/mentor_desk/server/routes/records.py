"""``/records/{entity}/{id}``: read, create or replace, and delete one record of any type.

The sync issue adds push and pull; these routes share their access rules and write path.
"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Path

from mentor_desk.domain import ENTITIES
from mentor_desk.server import accounts, scope
from mentor_desk.server import records as store
from mentor_desk.server.deps import CurrentCaller, SessionDep
from mentor_desk.server.errors import responses
from mentor_desk.server.guard import sendable
from mentor_desk.server.routing import api_router
from mentor_desk.server.schemas import RecordIn, RecordOut

router = api_router(prefix="/records", tags=["records"])

EntityName = Annotated[
    str,
    Path(
        pattern="^(" + "|".join(ENTITIES) + ")$",
        description="Record type: " + ", ".join(ENTITIES),
    ),
]


@router.get("/{entity}/{record_id}", responses=responses(401, 403, 404, 422))
def get_record(
    entity: EntityName, record_id: uuid.UUID, caller: CurrentCaller, session: SessionDep
) -> RecordOut:
    record = store.read(session, caller.user, entity, str(record_id))
    if ENTITIES[entity].scoped:
        accounts.audit(
            session,
            "record.read",
            user=caller.user,
            device=caller.device,
            entity=entity,
            record_ids=[record.id],
        )
        session.commit()
    return scope.record_out(session, caller.user, record)


@router.put("/{entity}/{record_id}", responses=responses(400, 401, 403, 404, 409, 413, 422))
def put_record(
    entity: EntityName,
    record_id: uuid.UUID,
    body: RecordIn,
    caller: CurrentCaller,
    session: SessionDep,
) -> RecordOut:
    record = store.write(session, caller, entity, str(record_id), body.fields)
    # Made and serialised before the commit: never store what cannot be sent.
    out = sendable(scope.record_out(session, caller.user, record))
    session.commit()
    return out


@router.delete("/{entity}/{record_id}", responses=responses(401, 403, 404, 409, 422))
def delete_record(
    entity: EntityName, record_id: uuid.UUID, caller: CurrentCaller, session: SessionDep
) -> RecordOut:
    record = store.delete(session, caller, entity, str(record_id))
    session.commit()
    return scope.record_out(session, caller.user, record)
