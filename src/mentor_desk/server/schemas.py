"""Request and response bodies. Requests forbid unknown keys (strict JSON)."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from mentor_desk.server.accounts import Policy
from mentor_desk.server.models import AuditEntry, Device, Organisation, Record, User
from mentor_desk.server.security import MAX_PASSWORD

Role = Literal["mentor", "coordinator", "partner", "admin"]
#: Controls, line breaks (also NEL, LINE and PARAGRAPH SEPARATOR) and lone surrogates.
_CONTROL = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029\ud800-\udfff]")


def _one_line(value: str) -> str:
    if _CONTROL.search(value):
        raise ValueError("must be one line without control characters")
    return value


#: Text that goes into the database as-is (PostgreSQL refuses NUL characters).
Line = Annotated[str, AfterValidator(_one_line)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class HealthOut(BaseModel):
    status: Literal["ok"]
    protocol_versions: list[int]
    schema_versions: list[int]


class LoginIn(Strict):
    username: Line = Field(min_length=1, max_length=100)
    password: str = Field(min_length=1, max_length=MAX_PASSWORD)
    device_name: Line = Field(min_length=1, max_length=200)


class UserOut(BaseModel):
    id: str
    name: str
    role: Role
    organisation_id: str | None

    @classmethod
    def of(cls, user: User) -> UserOut:
        role: Role = user.role  # type: ignore[assignment]
        return cls(id=user.id, name=user.name, role=role, organisation_id=user.organisation_id)


class AccountOut(UserOut):
    username: str
    active: bool
    created_at: datetime

    @classmethod
    def of(cls, user: User) -> AccountOut:
        base = UserOut.of(user)
        return cls(
            **base.model_dump(),
            username=user.username,
            active=user.active,
            created_at=user.created_at,
        )


class LoginOut(BaseModel):
    token: str
    device_id: str
    user: UserOut
    policy: Policy


class MeOut(BaseModel):
    user: UserOut
    device_id: str
    policy: Policy


class OkOut(BaseModel):
    ok: Literal[True] = True


class RecordIn(Strict):
    """A whole record: every declared field it has (absent fields are cleared).

    Each value is checked by the record's validation (``domain.validation.validate``),
    which answers field by field: storable JSON, the field's type and limits, its shape.
    """

    fields: dict[str, Any]


class RecordOut(BaseModel):
    entity: str
    id: str
    participant_id: str | None
    version: int
    deleted: bool
    fields: dict[str, Any]
    field_versions: dict[str, int]
    created_at: datetime
    updated_at: datetime
    #: Who created and last changed it: a user id for callers of the author's own
    #: organisation, else None (see the ``..._organisation_id`` fields).
    created_by: str | None
    updated_by: str | None
    #: The organisation of who created and last changed it, shown to every caller.
    created_by_organisation_id: str | None = None
    updated_by_organisation_id: str | None = None

    @classmethod
    def of(cls, record: Record) -> RecordOut:
        """The stored record as it is; routes answer with :func:`scope.records_out`."""
        return cls(
            entity=record.entity,
            id=record.id,
            participant_id=record.participant_id,
            version=record.version,
            deleted=record.deleted,
            fields=record.data,
            field_versions=record.field_versions,
            created_at=record.created_at,
            updated_at=record.updated_at,
            created_by=record.created_by,
            updated_by=record.updated_by,
        )


class AssignIn(Strict):
    mentor_id: Line = Field(min_length=1, max_length=36)


class NewUserIn(Strict):
    username: Line = Field(min_length=1, max_length=100)
    name: Line = Field(min_length=1, max_length=200)
    role: Role
    organisation_id: Line | None = Field(default=None, max_length=36)
    password: str = Field(min_length=1, max_length=MAX_PASSWORD)


class PasswordIn(Strict):
    password: str = Field(min_length=1, max_length=MAX_PASSWORD)


class DeviceOut(BaseModel):
    id: str
    user_id: str
    name: str
    created_at: datetime
    last_seen_at: datetime | None
    revoked_at: datetime | None

    @classmethod
    def of(cls, device: Device) -> DeviceOut:
        return cls(
            id=device.id,
            user_id=device.user_id,
            name=device.name,
            created_at=device.created_at,
            last_seen_at=device.last_seen_at,
            revoked_at=device.revoked_at,
        )


OrganisationKind = Literal[
    "lead", "sport", "probation", "housing", "recovery", "training", "employment", "other"
]


class OrganisationIn(Strict):
    name: Line = Field(min_length=1, max_length=200)
    kind: OrganisationKind = "lead"


class OrganisationOut(BaseModel):
    id: str
    name: str
    kind: str
    created_at: datetime

    @classmethod
    def of(cls, org: Organisation) -> OrganisationOut:
        return cls(id=org.id, name=org.name, kind=org.kind, created_at=org.created_at)


class AuditOut(BaseModel):
    id: int
    at: datetime
    user_id: str | None
    device_id: str | None
    organisation_id: str | None
    action: str
    entity: str | None
    record_ids: list[str]

    @classmethod
    def of(cls, entry: AuditEntry) -> AuditOut:
        return cls(
            id=entry.id,
            at=entry.at,
            user_id=entry.user_id,
            device_id=entry.device_id,
            organisation_id=entry.organisation_id,
            action=entry.action,
            entity=entry.entity,
            record_ids=entry.record_ids,
        )
