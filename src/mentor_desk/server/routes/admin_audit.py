"""The audit log (ids only), for administrators."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Query
from sqlalchemy import select

from mentor_desk.server.access import require_admin
from mentor_desk.server.deps import CurrentCaller, SessionDep
from mentor_desk.server.errors import ApiError, FieldProblem, responses
from mentor_desk.server.models import AuditEntry
from mentor_desk.server.routing import api_router
from mentor_desk.server.schemas import AuditOut

router = api_router(prefix="/admin/audit", tags=["admin"])


def _utc(since: datetime) -> datetime:
    """``since`` in UTC; 422 if that falls outside the years 1 to 9999 (an offset can push
    9999-12-31T23:59:59-23:59 or 0001-01-01T00:00:00+23:59 over the edge)."""
    try:
        return since.astimezone(UTC) if since.tzinfo else since.replace(tzinfo=UTC)
    except OverflowError:
        message = "is out of range (years 1 to 9999, in UTC)"
        raise ApiError(
            422,
            "validation_error",
            f"since: {message}",
            fields=[FieldProblem(field="since", message=message)],
        ) from None


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
        query = query.where(AuditEntry.at >= _utc(since))
    if user_id is not None:
        query = query.where(AuditEntry.user_id == str(user_id))
    return [AuditOut.of(e) for e in session.scalars(query)]
