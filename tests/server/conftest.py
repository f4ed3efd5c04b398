"""Fixtures for the server tests: every test runs on SQLite *and* on a real PostgreSQL.

The PostgreSQL 15 cluster is started once per session from the binaries in
/usr/lib/postgresql/*/bin (as the ``postgres`` user when running as root, since PostgreSQL
refuses to run as root) and is deleted at the end. Each test gets a fresh database: a copy
of a migrated template (``CREATE DATABASE ... TEMPLATE``, or a copied SQLite file).
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from mentor_desk.server.app import create_app
from mentor_desk.server.config import Settings
from mentor_desk.server.db import make_engine, migrate

from .helpers import World, build_world, fast_settings

BACKENDS = ["sqlite", "postgres"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PgCluster:
    port: int
    socket_dir: str
    user: str

    def admin_url(self) -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/postgres"

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{self.user}@127.0.0.1:{self.port}/{database}"

    def execute(self, sql: str) -> None:
        with psycopg.connect(self.admin_url(), autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[arg-type]


def _pg_bin() -> Path:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not candidates:
        pytest.fail(
            "PostgreSQL binaries not found in /usr/lib/postgresql/*/bin: install the "
            "'postgresql' package (CI does: .ci/run). The server suite runs on both backends.",
            pytrace=False,
        )
    return Path(candidates[-1]).parent


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    bindir = _pg_bin()
    as_root = os.geteuid() == 0
    base = Path(tempfile.mkdtemp(prefix="mentor-desk-pg-"))
    data = base / "data"
    prefix: list[str] = []
    user = os.environ.get("USER") or "postgres"
    if as_root:
        prefix = ["runuser", "-u", "postgres", "--"]
        user = "postgres"
        shutil.chown(base, "postgres", "postgres")
        os.chmod(base, 0o700)
    port = _free_port()

    def run(*args: str) -> None:
        result = subprocess.run([*prefix, *args], capture_output=True, text=True, check=False)
        if result.returncode != 0:
            pytest.fail(f"{args[0]} failed: {result.stderr or result.stdout}", pytrace=False)

    run(
        str(bindir / "initdb"),
        "-D",
        str(data),
        "-U",
        user,
        "--auth=trust",
        "--no-sync",
        "-E",
        "UTF8",
        "--locale=C",
    )
    options = (
        f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={base} "
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
        "-c max_connections=200"
    )
    run(
        str(bindir / "pg_ctl"),
        "-D",
        str(data),
        "-o",
        options,
        "-l",
        str(base / "log"),
        "-w",
        "start",
    )
    cluster = PgCluster(port=port, socket_dir=str(base), user=user)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                cluster.execute("SELECT 1")
                break
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        cluster.execute("CREATE DATABASE template_md")
        engine = make_engine(cluster.url("template_md"))
        migrate(engine)
        engine.dispose()
        yield cluster
    finally:
        subprocess.run(
            [*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
            check=False,
        )
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    engine.dispose()  # closing the last connection checkpoints the WAL into the file
    return path


_counter = itertools.count()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def database_url(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, migrated database on the test's backend."""
    if backend == "sqlite":
        template: Path = request.getfixturevalue("sqlite_template")
        path = tmp_path / "server.db"
        shutil.copyfile(template, path)
        yield f"sqlite:///{path}"
        return
    cluster: PgCluster = request.getfixturevalue("pg_cluster")
    name = f"t{os.getpid()}_{next(_counter)}"
    cluster.execute(f"CREATE DATABASE {name} TEMPLATE template_md")
    yield cluster.url(name)
    cluster.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def settings(database_url: str) -> Settings:
    return fast_settings(database_url)


@pytest.fixture
def app(settings: Settings) -> Iterator[FastAPI]:
    application = create_app(settings)
    yield application
    application.state.context.engine.dispose()


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def world(app: FastAPI, client: TestClient) -> World:
    return build_world(app, client)
