"""End-to-end fixtures: a real server process (SQLite or PostgreSQL) and real laptops."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.helpers.server_proc import Laptop, ServerProcess
from tests.server.conftest import (  # noqa: F401 - fixtures shared with the server suite
    backend,
    database_url,
    pg_cluster,
    sqlite_template,
)


@pytest.fixture
def server(database_url: str, tmp_path: Path) -> Iterator[ServerProcess]:  # noqa: F811
    proc = ServerProcess(database_url=database_url, log_path=tmp_path / "server.log")
    proc.seed()
    proc.start()
    yield proc
    proc.stop()


@pytest.fixture
def laptop(server: ServerProcess, tmp_path: Path) -> Iterator[Callable[[str], Laptop]]:
    made: list[Laptop] = []

    def make(username: str, url: str | None = None) -> Laptop:
        lt = Laptop(tmp_path / f"laptop-{username}-{len(made)}", url or server.url, username)
        made.append(lt)
        return lt

    yield make
    for lt in made:
        lt.close()
