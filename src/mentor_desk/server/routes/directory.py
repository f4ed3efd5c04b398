"""The shared service directory and activity timetable: readable by every signed-in user.

Coordinators change them through ``PUT /records/service/{id}`` and
``PUT /records/activity_session/{id}``.
"""

from __future__ import annotations

from mentor_desk.server import records, scope
from mentor_desk.server.deps import CurrentCaller, SessionDep
from mentor_desk.server.errors import responses
from mentor_desk.server.routing import api_router
from mentor_desk.server.schemas import RecordOut

router = api_router(tags=["directory"])


@router.get("/services", responses=responses(401, 403))
def list_services(caller: CurrentCaller, session: SessionDep) -> list[RecordOut]:
    return scope.records_out(session, caller.user, records.shared_records(session, "service"))


@router.get("/activity-sessions", responses=responses(401, 403))
def list_activity_sessions(caller: CurrentCaller, session: SessionDep) -> list[RecordOut]:
    rows = records.shared_records(session, "activity_session")
    return scope.records_out(session, caller.user, rows)
