"""The database layer: migrations match the models, and seqs stay unique under concurrency."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time

import httpx
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select

from mentor_desk.domain.ids import uuid7
from mentor_desk.server import records
from mentor_desk.server.db import current_revision, head_revision
from mentor_desk.server.deps import Caller, ServerContext
from mentor_desk.server.models import Base, Change, Device, User

from .helpers import API, World, service_fields


def test_migrations_build_exactly_the_models(world: World) -> None:
    engine = world.context.engine
    assert current_revision(engine) == head_revision()
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []


def test_concurrent_writers_get_unique_increasing_seqs(world: World) -> None:
    context: ServerContext = world.context
    with context.sessions() as session:
        user = session.get(User, world["coordinator"].id)
        device = session.get(Device, world["coordinator"].device_id)
        assert user is not None and device is not None
        caller = Caller(user=user, device=device)
        start = session.scalar(select(Change.seq).order_by(Change.seq.desc()).limit(1)) or 0
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            for i in range(8):
                with context.sessions() as session:
                    records.write(session, caller, "service", uuid7(), service_fields(f"S{n}-{i}"))
                    session.commit()
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with context.sessions() as session:
        seqs = list(session.scalars(select(Change.seq).where(Change.seq > start)))
    assert sorted(seqs) == list(range(start + 1, start + 33))


def test_serve_command_answers_health(database_url: str) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("MENTOR_DESK_")}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mentor_desk.server.cli",
            "serve",
            "--port",
            str(port),
            "--database",
            database_url,
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}{API}/health", timeout=2)
                break
            except httpx.TransportError:
                assert process.poll() is None, process.stderr.read() if process.stderr else ""
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        assert response.status_code == 200
        assert "server" not in response.headers  # no server banner
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(15)


def test_sqlite_writers_queue_in_process_and_every_way_out_lets_the_next_in(
    tmp_path: object,
) -> None:
    """SQLite: threads queue on the engine's writer lock (not SQLite's sleeping retries), and
    commit, rollback, an error and a session closed with its transaction open all hand it on.
    A lock left held would make the next transaction wait its 30-second limit."""
    from pathlib import Path

    from sqlalchemy import text

    from mentor_desk.server.db import make_engine, make_session_factory

    engine = make_engine(f"sqlite:///{Path(str(tmp_path)) / 'lock.db'}")
    sessions = make_session_factory(engine)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (n INTEGER)"))
    with sessions() as s:  # commit
        s.execute(text("INSERT INTO t VALUES (1)"))
        s.commit()
    with sessions() as s:  # rollback
        s.execute(text("INSERT INTO t VALUES (2)"))
        s.rollback()
    try:  # an error inside the transaction
        with sessions() as s, s.begin():
            s.execute(text("INSERT INTO nowhere VALUES (3)"))
    except Exception:
        pass
    s = sessions()  # closed with its transaction still open
    s.execute(text("INSERT INTO t VALUES (4)"))
    s.close()

    holder_in, holder_go = threading.Event(), threading.Event()

    def holder() -> None:
        with sessions() as held:
            held.execute(text("INSERT INTO t VALUES (5)"))
            holder_in.set()
            holder_go.wait(10)
            held.commit()

    thread = threading.Thread(target=holder)
    thread.start()
    assert holder_in.wait(5), "a transaction could not start: the lock was not handed on"
    started = time.monotonic()
    threading.Timer(0.3, holder_go.set).start()
    with sessions() as waiter:  # queues behind the holder, starts as soon as it commits
        waiter.execute(text("INSERT INTO t VALUES (6)"))
        waiter.commit()
    waited = time.monotonic() - started
    thread.join(5)
    assert 0.25 < waited < 5
    with sessions() as s:
        assert sorted(s.scalars(text("SELECT n FROM t"))) == [1, 5, 6]
    engine.dispose()
