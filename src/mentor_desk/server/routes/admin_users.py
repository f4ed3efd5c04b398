"""Accounts: administrators manage all; coordinators manage their organisation's mentors."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from mentor_desk.server import accounts
from mentor_desk.server.access import not_found, require_admin_or_coordinator
from mentor_desk.server.deps import ContextDep, CurrentCaller, SessionDep
from mentor_desk.server.errors import forbidden, responses
from mentor_desk.server.models import User
from mentor_desk.server.routing import api_router
from mentor_desk.server.schemas import AccountOut, NewUserIn, OkOut, PasswordIn

router = api_router(prefix="/admin/users", tags=["admin"])


def _managed_user(session: SessionDep, caller: CurrentCaller, user_id: str) -> User:
    """The account ``user_id`` if the caller may manage it; 404 if it is not theirs to see."""
    require_admin_or_coordinator(caller.user)
    user = session.get(User, user_id)
    if user is None:
        raise not_found("account")
    if caller.role == "coordinator":
        if user.organisation_id != caller.user.organisation_id:
            raise not_found("account")
        if user.role != "mentor":
            raise forbidden("Coordinators manage mentor accounts only.")
    return user


@router.get("", responses=responses(401, 403))
def list_users(caller: CurrentCaller, session: SessionDep) -> list[AccountOut]:
    require_admin_or_coordinator(caller.user)
    query = select(User).order_by(User.username)
    if caller.role == "coordinator":
        query = query.where(User.organisation_id == caller.user.organisation_id)
    return [AccountOut.of(u) for u in session.scalars(query)]


@router.post("", status_code=201, responses=responses(400, 401, 403, 409, 413, 422))
def create_user(
    body: NewUserIn, caller: CurrentCaller, session: SessionDep, context: ContextDep
) -> AccountOut:
    require_admin_or_coordinator(caller.user)
    organisation_id = body.organisation_id
    if caller.role == "coordinator":
        organisation_id = organisation_id or caller.user.organisation_id
        if body.role != "mentor" or organisation_id != caller.user.organisation_id:
            raise forbidden("Coordinators create mentor accounts in their own organisation.")
    user = accounts.create_user(
        session,
        context.passwords,
        username=body.username,
        name=body.name,
        role=body.role,
        organisation_id=organisation_id,
        password=body.password,
    )
    accounts.audit(
        session, "admin.create_user", user=caller.user, device=caller.device, record_ids=[user.id]
    )
    session.commit()
    return AccountOut.of(user)


@router.post("/{user_id}/reset-password", responses=responses(400, 401, 403, 404, 413, 422))
def reset_password(
    user_id: uuid.UUID,
    body: PasswordIn,
    caller: CurrentCaller,
    session: SessionDep,
    context: ContextDep,
) -> OkOut:
    user = _managed_user(session, caller, str(user_id))
    accounts.set_password(session, context.passwords, user, body.password)
    accounts.audit(
        session,
        "admin.reset_password",
        user=caller.user,
        device=caller.device,
        record_ids=[user.id],
    )
    session.commit()
    return OkOut()
