"""Organisations, accounts, devices, login throttling, policy and the audit log.

Used by the HTTP routes and by the admin CLI alike, so both enforce the same rules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mentor_desk.domain.ids import uuid7
from mentor_desk.domain.partnership import ORGANISATION_KINDS
from mentor_desk.server.config import Settings
from mentor_desk.server.errors import ApiError, FieldProblem
from mentor_desk.server.models import (
    AuditEntry,
    Device,
    LoginAttempt,
    Organisation,
    PolicyItem,
    User,
)
from mentor_desk.server.security import Passwords, new_token, password_problem, token_hash

ROLES = ("mentor", "coordinator", "partner", "admin")
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._@-]{1,99}$")


def now() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; they were stored as UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


class Policy(BaseModel):
    """The partnership's policy, sent to every device at login."""

    model_config = ConfigDict(extra="forbid")

    idle_lock_minutes: int = Field(10, ge=1, le=240)
    allow_keychain: bool = True
    tombstone_days: int = Field(180, ge=1, le=3650)
    mass_delete_share: float = Field(0.2, gt=0, le=1)
    wipe_after_days_offline: int | None = Field(None, ge=1, le=3650)


def invalid(field: str, message: str) -> ApiError:
    return ApiError(
        422,
        "validation_error",
        f"{field}: {message}",
        fields=[FieldProblem(field=field, message=message)],
    )


# --- organisations -------------------------------------------------------------------------


def create_organisation(session: Session, name: str, kind: str = "lead") -> Organisation:
    name = name.strip()
    if not name or len(name) > 200 or "\n" in name:
        raise invalid("name", "must be one line of 1 to 200 characters")
    if kind not in ORGANISATION_KINDS:
        raise invalid("kind", f"must be one of {', '.join(ORGANISATION_KINDS)}")
    if session.scalar(select(Organisation).where(Organisation.name == name)):
        raise ApiError(409, "conflict", "An organisation with that name already exists.")
    org = Organisation(id=uuid7(), name=name, kind=kind, created_at=now())
    session.add(org)
    session.flush()
    return org


def organisation_by_name(session: Session, name: str) -> Organisation | None:
    return session.scalar(select(Organisation).where(Organisation.name == name.strip()))


# --- users ---------------------------------------------------------------------------------


def normalise_username(username: str) -> str:
    return username.strip().lower()


def user_by_username(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == normalise_username(username)))


def create_user(
    session: Session,
    passwords: Passwords,
    *,
    username: str,
    name: str,
    role: str,
    organisation_id: str | None,
    password: str,
) -> User:
    username = normalise_username(username)
    if not _USERNAME.match(username):
        raise invalid(
            "username", "must be 2 to 100 letters, digits or . _ @ - (starting with a letter)"
        )
    if role not in ROLES:
        raise invalid("role", f"must be one of {', '.join(ROLES)}")
    name = name.strip()
    if not name or len(name) > 200 or "\n" in name:
        raise invalid("name", "must be one line of 1 to 200 characters")
    problem = password_problem(password)
    if problem:
        raise invalid("password", problem)
    if organisation_id is None and role != "admin":
        raise invalid("organisation_id", "is needed for mentors, coordinators and partners")
    if organisation_id is not None and session.get(Organisation, organisation_id) is None:
        raise invalid("organisation_id", "is not a known organisation")
    if user_by_username(session, username):
        raise ApiError(409, "conflict", "That username is taken.")
    stamp = now()
    user = User(
        id=uuid7(),
        username=username,
        name=name,
        role=role,
        organisation_id=organisation_id,
        password_hash=passwords.hash(password),
        active=True,
        created_at=stamp,
        updated_at=stamp,
    )
    session.add(user)
    session.flush()
    return user


def set_password(session: Session, passwords: Passwords, user: User, password: str) -> None:
    problem = password_problem(password)
    if problem:
        raise invalid("password", problem)
    user.password_hash = passwords.hash(password)
    user.updated_at = now()
    session.flush()


# --- login and devices ---------------------------------------------------------------------


@dataclass(frozen=True)
class LoginResult:
    token: str
    device: Device
    user: User


def _failures(session: Session, since: datetime, *conditions: Any) -> int:
    query = (
        select(func.count())
        .select_from(LoginAttempt)
        .where(LoginAttempt.at >= since, LoginAttempt.success.is_(False), *conditions)
    )
    return int(session.scalar(query) or 0)


def check_throttle(session: Session, settings: Settings, username: str, address: str) -> None:
    """Raise 429 if this account or this address has failed too often lately."""
    window_start = now() - timedelta(minutes=settings.login_window_minutes)
    last_success = session.scalar(
        select(func.max(LoginAttempt.at)).where(
            LoginAttempt.username == username, LoginAttempt.success.is_(True)
        )
    )
    since = max(window_start, as_utc(last_success)) if last_success else window_start
    retry = {"Retry-After": str(settings.login_window_minutes * 60)}
    if _failures(session, since, LoginAttempt.username == username) >= (
        settings.login_max_failures_per_account
    ):
        raise ApiError(
            429,
            "too_many_attempts",
            "Too many failed logins for this account. Try again later.",
            headers=retry,
        )
    if _failures(session, window_start, LoginAttempt.address == address) >= (
        settings.login_max_failures_per_address
    ):
        raise ApiError(
            429,
            "too_many_attempts",
            "Too many failed logins from this address. Try again later.",
            headers=retry,
        )


def login(
    session: Session,
    settings: Settings,
    passwords: Passwords,
    *,
    username: str,
    password: str,
    device_name: str,
    address: str,
) -> LoginResult:
    """Check the credentials and register a new device; records the attempt either way.

    A failed attempt is committed before the 401 is raised, so it counts even though the
    request fails.
    """
    username = normalise_username(username)[:100]
    address = address[:100]
    check_throttle(session, settings, username, address)
    user = user_by_username(session, username)
    ok = passwords.verify(password, user.password_hash if user else None)
    ok = ok and user is not None and user.active
    session.add(LoginAttempt(at=now(), username=username, address=address, success=ok))
    if not ok or user is None:
        session.commit()
        raise ApiError(401, "invalid_credentials", "Wrong username or password.")
    token = new_token()
    device = Device(
        id=uuid7(),
        user_id=user.id,
        name=device_name.strip()[:200] or "device",
        token_hash=token_hash(token),
        created_at=now(),
        last_seen_at=now(),
        revoked_at=None,
    )
    session.add(device)
    session.flush()
    return LoginResult(token=token, device=device, user=user)


def revoke_device(session: Session, device: Device) -> None:
    if device.revoked_at is None:
        device.revoked_at = now()
        session.flush()


def forget_token(session: Session, device: Device) -> None:
    """Log out: the token stops working (401) and the device is marked ended."""
    device.token_hash = token_hash(new_token())
    if device.revoked_at is None:
        device.revoked_at = now()
    session.flush()


def device_by_token(session: Session, token: str) -> Device | None:
    return session.scalar(select(Device).where(Device.token_hash == token_hash(token)))


# --- policy --------------------------------------------------------------------------------


def get_policy(session: Session) -> Policy:
    stored = {item.key: item.value for item in session.scalars(select(PolicyItem))}
    known = {k: v for k, v in stored.items() if k in Policy.model_fields}
    return Policy.model_validate(known)


def set_policy(session: Session, policy: Policy) -> None:
    for key, value in policy.model_dump().items():
        item = session.get(PolicyItem, key)
        if item is None:
            session.add(PolicyItem(key=key, value=value))
        else:
            item.value = value
    session.flush()


# --- audit ---------------------------------------------------------------------------------


def audit(
    session: Session,
    action: str,
    *,
    user: User | None = None,
    device: Device | None = None,
    entity: str | None = None,
    record_ids: Sequence[str] = (),
) -> None:
    """Record an action. Ids only: never put names or text in here."""
    session.add(
        AuditEntry(
            at=now(),
            user_id=user.id if user else None,
            device_id=device.id if device else None,
            organisation_id=user.organisation_id if user else None,
            action=action,
            entity=entity,
            record_ids=list(record_ids),
        )
    )
