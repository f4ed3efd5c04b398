"""The partnership (issue 15): organisation kinds, sharing agreements, consent overrides,
and what each partner device has been sent.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03 15:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("organisations") as batch:
        batch.add_column(
            sa.Column("kind", sa.String(length=20), server_default="lead", nullable=False)
        )
    op.create_table(
        "sharing_agreements",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("from_organisation_id", sa.String(length=36), nullable=False),
        sa.Column("to_organisation_id", sa.String(length=36), nullable=False),
        sa.Column("purpose", sa.String(length=2000), nullable=False),
        sa.Column("legal_basis", sa.String(length=40), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("starts_on", sa.String(length=10), nullable=False),
        sa.Column("review_on", sa.String(length=10), nullable=True),
        sa.Column("ends_on", sa.String(length=10), nullable=True),
        sa.Column("signed_by", sa.String(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["from_organisation_id"], ["organisations.id"]),
        sa.ForeignKeyConstraint(["to_organisation_id"], ["organisations.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_sharing_agreements_from_organisation_id",
        "sharing_agreements",
        ["from_organisation_id"],
    )
    op.create_index(
        "ix_sharing_agreements_to_organisation_id", "sharing_agreements", ["to_organisation_id"]
    )
    op.create_table(
        "consent_overrides",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("participant_id", sa.String(length=36), nullable=False),
        sa.Column("organisation_id", sa.String(length=36), nullable=False),
        sa.Column("reason", sa.String(length=2000), nullable=False),
        sa.Column("by_user_id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["organisation_id"], ["organisations.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_consent_overrides_participant_id", "consent_overrides", ["participant_id"])
    op.create_table(
        "partner_deliveries",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("participant_id", sa.String(length=36), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "entity", "record_id"),
    )


def downgrade() -> None:
    op.drop_table("partner_deliveries")
    op.drop_index("ix_consent_overrides_participant_id", table_name="consent_overrides")
    op.drop_table("consent_overrides")
    op.drop_index("ix_sharing_agreements_to_organisation_id", table_name="sharing_agreements")
    op.drop_index("ix_sharing_agreements_from_organisation_id", table_name="sharing_agreements")
    op.drop_table("sharing_agreements")
    with op.batch_alter_table("organisations") as batch:
        batch.drop_column("kind")
