"""``/sync/push``, ``/sync/pull`` and ``/sync/quarantine`` (SYNC.md "One sync cycle")."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Header, Query
from fastapi.responses import JSONResponse, Response

from mentor_desk.server import partner_pull, sync
from mentor_desk.server.deps import CurrentCaller, SessionDep
from mentor_desk.server.errors import responses
from mentor_desk.server.routing import api_router
from mentor_desk.server.sync_schemas import (
    PullOut,
    PushIn,
    PushOut,
    QuarantineListOut,
    QuarantineOut,
    SequenceGapBody,
)

router = api_router(prefix="/sync", tags=["sync"])

#: The record schema the client speaks; sent by the desktop program on every request.
SchemaHeader = Annotated[
    int | None,
    Header(
        alias="X-Mentor-Desk-Schema",
        ge=-(2**31),
        le=2**31,
        description="The client's record schema version",
    ),
]
ProtocolHeader = Annotated[
    int | None,
    Header(
        alias="X-Mentor-Desk-Protocol",
        ge=-(2**31),
        le=2**31,
        description="The client's sync protocol version",
    ),
]

_PUSH_RESPONSES: dict[int | str, dict[str, Any]] = {
    **responses(400, 401, 403, 413, 422, 426),
    409: {
        "model": SequenceGapBody,
        "description": "Sequence gap: resend this device's changes from `expected`",
    },
}


@router.post("/push", response_model=PushOut, responses=_PUSH_RESPONSES)
def push(
    body: PushIn,
    caller: CurrentCaller,
    session: SessionDep,
    schema: SchemaHeader = None,
    protocol: ProtocolHeader = None,
) -> PushOut | JSONResponse:
    sync.check_versions(schema, protocol)
    try:
        result = sync.push(session, caller, body)
    except sync.SequenceGap as gap:
        session.rollback()
        payload = SequenceGapBody(
            error="sequence_gap",
            detail=f"The server expects this device's change {gap.expected} next.",
            expected=gap.expected,
        )
        return JSONResponse(payload.model_dump(), status_code=409)
    session.commit()
    return result


@router.get("/pull", response_model=PullOut, responses=responses(400, 401, 403, 410, 422, 426))
def pull(
    caller: CurrentCaller,
    session: SessionDep,
    cursor: Annotated[int, Query(ge=0, le=2**62)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 500,
    schema: SchemaHeader = None,
    protocol: ProtocolHeader = None,
) -> Response:
    sync.check_versions(schema, protocol)
    if caller.user.role == "partner":  # a narrower reach, compared rather than walked
        page = partner_pull.pull(session, caller, cursor, limit)
    else:
        page = sync.pull(session, caller, cursor, limit)
    session.commit()
    # written straight to JSON (see sync.PullPage); the shape is PullOut's
    return Response(page.to_json(), media_type="application/json")


@router.get("/quarantine", responses=responses(401, 403, 422))
def quarantine(
    caller: CurrentCaller,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 500,
) -> QuarantineListOut:
    rows = sync.list_quarantine(session, caller.user, limit)
    return QuarantineListOut(items=[QuarantineOut.of(r) for r in rows])
