"""``POST /auth/login`` and ``POST /auth/logout``.

Logging out forgets the device's token (later calls get ``401 not_authenticated``), which is
different from an administrator revoking the device (``403 device_revoked``, which makes
the laptop wipe its data).
"""

from __future__ import annotations

import logging

from fastapi import Request

from mentor_desk.server import accounts
from mentor_desk.server.deps import ContextDep, CurrentCaller, SessionDep
from mentor_desk.server.errors import responses
from mentor_desk.server.routing import api_router
from mentor_desk.server.schemas import LoginIn, LoginOut, OkOut, UserOut

router = api_router(prefix="/auth", tags=["auth"])
log = logging.getLogger("mentor_desk.server")


@router.post("/login", responses=responses(400, 401, 413, 422, 429))
def login(body: LoginIn, request: Request, session: SessionDep, context: ContextDep) -> LoginOut:
    address = request.client.host if request.client else "unknown"
    result = accounts.login(
        session,
        context.settings,
        context.passwords,
        username=body.username,
        password=body.password,
        device_name=body.device_name,
        address=address,
    )
    accounts.audit(session, "auth.login", user=result.user, device=result.device)
    policy = accounts.get_policy(session)
    session.commit()
    log.info("login user=%s device=%s", result.user.id, result.device.id)
    return LoginOut(
        token=result.token,
        device_id=result.device.id,
        user=UserOut.of(result.user),
        policy=policy,
    )


@router.post("/logout", responses=responses(401, 403))
def logout(caller: CurrentCaller, session: SessionDep) -> OkOut:
    device = caller.device
    accounts.forget_token(session, device)
    accounts.audit(session, "auth.logout", user=caller.user, device=device)
    session.commit()
    return OkOut()
