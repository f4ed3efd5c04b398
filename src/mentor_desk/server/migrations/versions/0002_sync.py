"""Sync: stored push results, conflicts, quarantine, and the tombstone horizon.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 10:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "device_mutations",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("device_seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "device_seq"),
    )
    op.create_table(
        "conflicts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("participant_id", sa.String(length=36), nullable=True),
        sa.Column("organisation_id", sa.String(length=36), nullable=True),
        sa.Column("field", sa.String(length=100), nullable=False),
        sa.Column("mine", sa.JSON(), nullable=True),
        sa.Column("theirs", sa.JSON(), nullable=True),
        sa.Column("mine_user_id", sa.String(length=36), nullable=True),
        sa.Column("mine_device_id", sa.String(length=36), nullable=True),
        sa.Column("theirs_version", sa.BigInteger(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolved_by", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_conflicts_participant", "conflicts", ["participant_id"], unique=False)
    op.create_index("ix_conflicts_organisation", "conflicts", ["organisation_id"], unique=False)
    op.create_index("ix_conflicts_record", "conflicts", ["entity", "record_id"], unique=False)
    op.create_table(
        "quarantine",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("participant_id", sa.String(length=36), nullable=True),
        sa.Column("organisation_id", sa.String(length=36), nullable=True),
        sa.Column("mutation", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_quarantine_organisation", "quarantine", ["organisation_id"], unique=False)
    # Pull finds a record's change rows by (entity, record_id) when purging tombstones.
    op.create_index("ix_changes_record", "changes", ["entity", "record_id"], unique=False)
    op.bulk_insert(
        sa.table("counters", sa.column("name", sa.String), sa.column("value", sa.BigInteger)),
        [{"name": "tombstone_horizon", "value": 0}],
    )


def downgrade() -> None:
    op.execute("DELETE FROM counters WHERE name = 'tombstone_horizon'")
    op.drop_index("ix_changes_record", table_name="changes")
    op.drop_index("ix_quarantine_organisation", table_name="quarantine")
    op.drop_table("quarantine")
    op.drop_index("ix_conflicts_record", table_name="conflicts")
    op.drop_index("ix_conflicts_organisation", table_name="conflicts")
    op.drop_index("ix_conflicts_participant", table_name="conflicts")
    op.drop_table("conflicts")
    op.drop_table("device_mutations")
