"""FastAPI dependencies: the server context, a database session, and the calling device."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from mentor_desk.server import accounts
from mentor_desk.server.config import Settings
from mentor_desk.server.db import SessionFactory
from mentor_desk.server.errors import ApiError
from mentor_desk.server.models import Device, User
from mentor_desk.server.security import Passwords


@dataclass
class ServerContext:
    """What one app instance holds: built by ``create_app`` and kept on ``app.state``."""

    settings: Settings
    engine: Engine
    sessions: SessionFactory
    passwords: Passwords


@dataclass(frozen=True)
class Caller:
    """The authenticated user and the device they called from."""

    user: User
    device: Device

    @property
    def role(self) -> str:
        return self.user.role


def get_context(request: Request) -> ServerContext:
    context: ServerContext = request.app.state.context
    return context


ContextDep = Annotated[ServerContext, Depends(get_context)]


def get_session(context: ContextDep) -> Iterator[Session]:
    with context.sessions() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]

_bearer = HTTPBearer(auto_error=False, description="The device token from POST /auth/login")
_SEEN_EVERY = timedelta(minutes=1)


def current_caller(
    session: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Caller:
    """The calling device: 401 ``not_authenticated`` without a known token, 403
    ``device_revoked`` for a revoked one, 403 ``account_disabled`` for a disabled account."""
    if credentials is None or not credentials.credentials:
        raise ApiError(401, "not_authenticated", "Log in first.")
    device = accounts.device_by_token(session, credentials.credentials)
    if device is None:
        raise ApiError(401, "not_authenticated", "Unknown token; log in again.")
    if device.revoked_at is not None:
        raise ApiError(403, "device_revoked", "This device has been revoked.")
    user = session.get(User, device.user_id)
    if user is None or not user.active:
        raise ApiError(403, "account_disabled", "This account is disabled.")
    stamp = accounts.now()
    if device.last_seen_at is None or accounts.as_utc(device.last_seen_at) < stamp - _SEEN_EVERY:
        device.last_seen_at = stamp
    # Always end the transaction here. FastAPI runs this dependency and the route in
    # different worker threads; a transaction left open between them holds a pooled
    # connection (and on SQLite the write lock) while waiting for a free thread, and under
    # load every thread ends up waiting on it: a deadlock that the 100-device benchmark hit.
    session.commit()
    return Caller(user=user, device=device)


CurrentCaller = Annotated[Caller, Depends(current_caller)]


def current_user(caller: CurrentCaller) -> User:
    return caller.user


CurrentUser = Annotated[User, Depends(current_user)]
CurrentDevice = CurrentCaller
