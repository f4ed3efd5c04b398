"""Alembic environment: runs on the connection handed over by :func:`..db.migrate`."""

from __future__ import annotations

from alembic import context
from sqlalchemy import text

from mentor_desk.server import sync_models  # noqa: F401  (registers the sync tables)
from mentor_desk.server.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata)
if connection.dialect.name == "postgresql":
    # Several server processes may start at once; let one of them migrate at a time.
    connection.execute(text("SELECT pg_advisory_xact_lock(7251040)"))
with context.begin_transaction():
    context.run_migrations()
