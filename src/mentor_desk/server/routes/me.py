"""``GET /me``: the caller's account, device and the partnership policy."""

from __future__ import annotations

from mentor_desk.server import accounts
from mentor_desk.server.deps import CurrentCaller, SessionDep
from mentor_desk.server.errors import responses
from mentor_desk.server.routing import api_router
from mentor_desk.server.schemas import MeOut, UserOut

router = api_router(tags=["me"])


@router.get("/me", responses=responses(401, 403))
def me(caller: CurrentCaller, session: SessionDep) -> MeOut:
    return MeOut(
        user=UserOut.of(caller.user),
        device_id=caller.device.id,
        policy=accounts.get_policy(session),
    )
