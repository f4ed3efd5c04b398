"""Tables of the sync protocol (SYNC.md "One sync cycle", "Merging", "Deletes, scope").

- ``device_mutations``: the stored result of every pushed mutation, so a retried push
  returns the same answer and changes nothing (idempotency), and gaps can be detected.
- ``conflicts``: the losing value of a field changed on two sides (or an edit against a
  delete), kept for review by the authors and coordinators.
- ``quarantine``: changes that arrived after their author lost access to the participant;
  kept for a coordinator, never applied, never lost.

The ``counters`` row ``tombstone_horizon`` holds the seq up to which tombstones were purged.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from mentor_desk.server.models import ID, Base, Change

#: ``counters`` row: seq up to which tombstones (and their change rows) were purged.
TOMBSTONE_HORIZON = "tombstone_horizon"

#: Purging a tombstone finds its change rows by record (attached to ``changes``).
Index("ix_changes_record", Change.entity, Change.record_id)


class DeviceMutation(Base):
    """The result of one pushed mutation, keyed by the device and its gap-free seq."""

    __tablename__ = "device_mutations"

    device_id: Mapped[str] = mapped_column(String(ID), primary_key=True)
    device_seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    status: Mapped[str] = mapped_column(String(20))
    version: Mapped[int] = mapped_column(BigInteger)
    result: Mapped[dict[str, Any]]
    at: Mapped[datetime]


class Conflict(Base):
    """A value that lost a merge: ``mine`` was pushed, ``theirs`` was kept."""

    __tablename__ = "conflicts"
    __table_args__ = (
        Index("ix_conflicts_participant", "participant_id"),
        Index("ix_conflicts_organisation", "organisation_id"),
        Index("ix_conflicts_record", "entity", "record_id"),
    )

    id: Mapped[str] = mapped_column(String(ID), primary_key=True)
    entity: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(ID))
    participant_id: Mapped[str | None] = mapped_column(String(ID))
    organisation_id: Mapped[str | None] = mapped_column(String(ID))
    field: Mapped[str] = mapped_column(String(100))
    mine: Mapped[Any] = mapped_column(JSON, nullable=True)
    theirs: Mapped[Any] = mapped_column(JSON, nullable=True)
    mine_user_id: Mapped[str | None] = mapped_column(String(ID))
    mine_device_id: Mapped[str | None] = mapped_column(String(ID))
    theirs_version: Mapped[int] = mapped_column(BigInteger)
    at: Mapped[datetime]
    resolved_at: Mapped[datetime | None]
    resolved_by: Mapped[str | None] = mapped_column(String(ID))


class Quarantine(Base):
    """A pushed change its author no longer had access to apply; kept for a coordinator."""

    __tablename__ = "quarantine"
    __table_args__ = (Index("ix_quarantine_organisation", "organisation_id"),)

    id: Mapped[str] = mapped_column(String(ID), primary_key=True)
    at: Mapped[datetime]
    user_id: Mapped[str] = mapped_column(String(ID))
    device_id: Mapped[str] = mapped_column(String(ID))
    entity: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(ID))
    participant_id: Mapped[str | None] = mapped_column(String(ID))
    organisation_id: Mapped[str | None] = mapped_column(String(ID))
    mutation: Mapped[dict[str, Any]]
