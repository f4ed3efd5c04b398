"""The partnership policy: coordinators read it, administrators set it."""

from __future__ import annotations

from mentor_desk.server import accounts
from mentor_desk.server.access import require_admin, require_admin_or_coordinator
from mentor_desk.server.accounts import Policy
from mentor_desk.server.deps import CurrentCaller, SessionDep
from mentor_desk.server.errors import responses
from mentor_desk.server.routing import api_router

router = api_router(prefix="/admin/policy", tags=["admin"])


@router.get("", responses=responses(401, 403))
def get_policy(caller: CurrentCaller, session: SessionDep) -> Policy:
    require_admin_or_coordinator(caller.user)
    return accounts.get_policy(session)


@router.put("", responses=responses(400, 401, 403, 413, 422))
def put_policy(body: Policy, caller: CurrentCaller, session: SessionDep) -> Policy:
    require_admin(caller.user)
    accounts.set_policy(session, body)
    accounts.audit(session, "admin.set_policy", user=caller.user, device=caller.device)
    session.commit()
    return accounts.get_policy(session)
