"""Engine, sessions and migrations.

SQLite gets WAL, foreign keys, a busy timeout and ``BEGIN IMMEDIATE`` transactions (so a
transaction that reads and then writes never fails half-way on a lock upgrade).
PostgreSQL needs nothing special: writers serialise on the ``seq`` counter row.
"""

from __future__ import annotations

import threading
from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from mentor_desk.server.guard import load_json

SessionFactory = sessionmaker[Session]
_HOLDS_WRITER = "mentor_desk_holds_writer"
_WRITER_WAIT = 30.0


def make_engine(url: str) -> Engine:
    """An engine for ``url``, with the SQLite settings the server relies on."""
    parsed = make_url(url)
    # More pooled connections than FastAPI's 40 worker threads, so a thread never waits for
    # a connection held by a request that is waiting for a thread.
    if parsed.get_backend_name() != "sqlite":
        return create_engine(
            url, pool_pre_ping=True, pool_size=10, max_overflow=40, json_deserializer=load_json
        )
    database = parsed.database
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": 30},
        pool_size=10,
        max_overflow=40,
        json_deserializer=load_json,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control away from the sqlite3 module so BEGIN is ours.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    # Every transaction is a writer on SQLite. Left to SQLite, a transaction that finds the
    # database busy sleeps in steps of up to 100 ms before trying again, so under load the
    # server mostly slept: 20 devices syncing at once got 13 syncs a second with the CPU
    # idle. Threads of this process queue on a lock instead and start the moment the
    # previous transaction ends; SQLite's own waiting remains for other processes.
    writer = threading.Lock()

    def _release(info: dict[str, Any]) -> None:
        if info.pop(_HOLDS_WRITER, False):
            writer.release()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # A time limit, so that a transaction left open by mistake slows others down
        # instead of stopping the server.
        if writer.acquire(timeout=_WRITER_WAIT):
            connection.info[_HOLDS_WRITER] = True
        try:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        except BaseException:
            _release(connection.info)
            raise

    @event.listens_for(engine, "commit")
    @event.listens_for(engine, "rollback")
    def _on_end(connection: Any) -> None:
        _release(connection.info)

    @event.listens_for(engine, "checkin")
    def _on_checkin(_dbapi_connection: Any, record: Any) -> None:
        _release(record.info)  # returned to the pool without a commit or rollback event

    return engine


def make_session_factory(engine: Engine) -> SessionFactory:
    return sessionmaker(engine, expire_on_commit=False)


def _alembic_config() -> Config:
    config = Config()
    location = resources.files("mentor_desk.server").joinpath("migrations")
    config.set_main_option("script_location", str(location))
    return config


def migrate(engine: Engine) -> None:
    """Bring the database to the newest schema (safe to run from several processes)."""
    config = _alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    return ScriptDirectory.from_config(_alembic_config()).get_current_head()
