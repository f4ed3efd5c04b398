"""SQLAlchemy 2 table classes.

Case records of every type live in one generic ``records`` table (the record vocabulary in
:mod:`mentor_desk.domain` says what their fields are), and every accepted change is one row
of ``changes`` with a ``seq`` from a single counter. The sync protocol's pull reads
``changes`` after a cursor; push writes through the same functions as ``PUT /records``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    TypeDecorator,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

#: BIGINT that is still SQLite's auto-incrementing rowid.
BigId = BigInteger().with_variant(Integer(), "sqlite")

ID = 36  # a UUID as its canonical string


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on every backend (SQLite hands back naive values)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(UTC)
        return value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value


class Base(DeclarativeBase):
    type_annotation_map = {  # noqa: RUF012
        datetime: UTCDateTime(),
        dict[str, Any]: JSON,
        list[str]: JSON,
    }


class Organisation(Base):
    __tablename__ = "organisations"

    id: Mapped[str] = mapped_column(String(ID), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    #: What it is to the partnership (domain.partnership.ORGANISATION_KINDS); "lead" is the
    #: organisation whose coordinators keep the sharing agreements.
    kind: Mapped[str] = mapped_column(String(20), default="lead", server_default="lead")
    created_at: Mapped[datetime]


class SharingAgreement(Base):
    """An information-sharing agreement: the only way one organisation's records reach
    another (domain/partnership.py). ``fields`` is the allow-list of "entity.field" names."""

    __tablename__ = "sharing_agreements"

    id: Mapped[str] = mapped_column(String(ID), primary_key=True)
    from_organisation_id: Mapped[str] = mapped_column(
        String(ID), ForeignKey("organisations.id"), index=True
    )
    to_organisation_id: Mapped[str] = mapped_column(
        String(ID), ForeignKey("organisations.id"), index=True
    )
    purpose: Mapped[str] = mapped_column(String(2000))
    legal_basis: Mapped[str] = mapped_column(String(40))
    fields: Mapped[list[str]]
    starts_on: Mapped[str] = mapped_column(String(10))  # ISO dates, as the records keep them
    review_on: Mapped[str | None] = mapped_column(String(10))
    ends_on: Mapped[str | None] = mapped_column(String(10))
    signed_by: Mapped[str] = mapped_column(String(500))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    updated_by: Mapped[str | None] = mapped_column(String(ID))


class ConsentOverride(Base):
    """A coordinator's decision that one participant's records may reach one partner
    organisation without their recorded consent, with the reason (audited; ids only)."""

    __tablename__ = "consent_overrides"

    id: Mapped[str] = mapped_column(String(ID), primary_key=True)
    participant_id: Mapped[str] = mapped_column(String(ID), index=True)
    organisation_id: Mapped[str] = mapped_column(String(ID), ForeignKey("organisations.id"))
    reason: Mapped[str] = mapped_column(String(2000))
    by_user_id: Mapped[str] = mapped_column(String(ID))
    at: Mapped[datetime]
    ended_at: Mapped[datetime | None]


class PartnerDelivery(Base):
    """What one partner device has been sent of case records, and in what form (a digest of
    the fields it got), so that each pull sends only what changed and takes back what an
    agreement or a consent no longer allows."""

    __tablename__ = "partner_deliveries"

    device_id: Mapped[str] = mapped_column(String(ID), primary_key=True)
    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(ID), primary_key=True)
    participant_id: Mapped[str] = mapped_column(String(ID))
    digest: Mapped[str] = mapped_column(String(64))


class User(Base):
    __tablename__ = "users"

    id: Mapped[str] = mapped_column(String(ID), primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))  # mentor | coordinator | partner | admin
    organisation_id: Mapped[str | None] = mapped_column(
        String(ID), ForeignKey("organisations.id"), index=True
    )
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class Device(Base):
    __tablename__ = "devices"

    id: Mapped[str] = mapped_column(String(ID), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(ID), ForeignKey("users.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime]
    last_seen_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]


class Record(Base):
    """One record of any entity; ``data`` holds its declared fields."""

    __tablename__ = "records"
    __table_args__ = (
        Index("ix_records_entity_participant", "entity", "participant_id"),
        Index("ix_records_organisation", "organisation_id"),
    )

    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    id: Mapped[str] = mapped_column(String(ID), primary_key=True)
    participant_id: Mapped[str | None] = mapped_column(String(ID))
    organisation_id: Mapped[str | None] = mapped_column(String(ID))
    data: Mapped[dict[str, Any]]
    field_versions: Mapped[dict[str, Any]]
    version: Mapped[int] = mapped_column(BigInteger)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    created_by: Mapped[str | None] = mapped_column(String(ID))
    updated_by: Mapped[str | None] = mapped_column(String(ID))


class Change(Base):
    """One accepted change; ``seq`` comes from the ``counters`` row ``seq``."""

    __tablename__ = "changes"
    __table_args__ = (Index("ix_changes_participant_seq", "participant_id", "seq"),)

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    entity: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(ID))
    participant_id: Mapped[str | None] = mapped_column(String(ID))
    organisation_id: Mapped[str | None] = mapped_column(String(ID), index=True)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    at: Mapped[datetime]
    user_id: Mapped[str | None] = mapped_column(String(ID))
    device_id: Mapped[str | None] = mapped_column(String(ID))


class Counter(Base):
    """Named counters. Incrementing ``seq`` row-locks it, which serialises writers so that
    changes commit in ``seq`` order and a pull can never skip a still-open lower seq."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class ParticipantScope(Base):
    """Who may see a participant: its organisation and its assigned mentor."""

    __tablename__ = "participant_scope"

    participant_id: Mapped[str] = mapped_column(String(ID), primary_key=True)
    organisation_id: Mapped[str | None] = mapped_column(String(ID), index=True)
    assigned_mentor_id: Mapped[str | None] = mapped_column(String(ID), index=True)
    version: Mapped[int] = mapped_column(BigInteger)


class Assignment(Base):
    """History of (re)assignments, so a pull can tell a mentor a participant left them."""

    __tablename__ = "assignments"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    seq: Mapped[int] = mapped_column(BigInteger, index=True)
    participant_id: Mapped[str] = mapped_column(String(ID), index=True)
    organisation_id: Mapped[str | None] = mapped_column(String(ID))
    old_mentor_id: Mapped[str | None] = mapped_column(String(ID), index=True)
    new_mentor_id: Mapped[str | None] = mapped_column(String(ID))
    at: Mapped[datetime]
    by_user_id: Mapped[str | None] = mapped_column(String(ID))


class AuditEntry(Base):
    """Who read or changed what, from which device. Ids only, never names or text."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(index=True)
    user_id: Mapped[str | None] = mapped_column(String(ID), index=True)
    device_id: Mapped[str | None] = mapped_column(String(ID))
    organisation_id: Mapped[str | None] = mapped_column(String(ID))
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str | None] = mapped_column(String(40))
    record_ids: Mapped[list[str]]


class LoginAttempt(Base):
    """Login attempts, kept in the database so several server processes throttle as one."""

    __tablename__ = "login_attempts"
    __table_args__ = (
        Index("ix_login_attempts_username_at", "username", "at"),
        Index("ix_login_attempts_address_at", "address", "at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[datetime]
    username: Mapped[str] = mapped_column(String(100))
    address: Mapped[str] = mapped_column(String(100))
    success: Mapped[bool] = mapped_column(Boolean)


class PolicyItem(Base):
    __tablename__ = "policy"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
