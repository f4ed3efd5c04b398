"""The audit log (ids only), for administrators."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Query
from sqlalchemy import select

from mentor_desk.server.access import require_admin
from mentor_desk.server.deps import CurrentCaller, SessionDep
from mentor_desk.server.errors import responses
from mentor_desk.server.models import AuditEntry
from mentor_desk.server.routing import api_router
from mentor_desk.server.schemas import AuditOut

router = api_router(prefix="/admin/audit", tags=["admin"])


@router.get("", responses=responses(401, 403, 422))
def list_audit(
    caller: CurrentCaller,
    session: SessionDep,
    since: Annotated[datetime | None, Query()] = None,
    user_id: Annotated[uuid.UUID | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 500,
) -> list[AuditOut]:
    require_admin(caller.user)
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if since is not None:
        since = since.astimezone(UTC) if since.tzinfo else since.replace(tzinfo=UTC)
        query = query.where(AuditEntry.at >= since)
    if user_id is not None:
        query = query.where(AuditEntry.user_id == str(user_id))
    return [AuditOut.of(e) for e in session.scalars(query)]
