"""Every route ends its transaction in its own thread (``server/routing.py``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import pytest
from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session, sessionmaker

from mentor_desk.server.routing import api_router

FACTORY: dict[str, Any] = {}
FINISHED: list[bool] = []  # at each request's teardown: was its session still in a transaction?


def session() -> Iterator[Session]:
    with FACTORY["sessions"]() as s:
        yield s
        FINISHED.append(s.in_transaction())


SessionDep = Annotated[Session, Depends(session)]
router = api_router()


@router.get("/read")
def read(s: SessionDep) -> int:
    return len(s.execute(text("SELECT v FROM t")).all())


@router.post("/write-and-return")
def write_and_return(s: SessionDep) -> str:
    s.execute(text("INSERT INTO t VALUES ('kept')"))
    return "ok"  # no commit here: the route class commits what the route answered


@router.post("/write-then-fail")
def write_then_fail(s: SessionDep) -> str:
    s.execute(text("INSERT INTO t VALUES ('dropped')"))
    raise RuntimeError("boom")


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    engine = create_engine(f"sqlite:///{tmp_path / 'routes.db'}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (v TEXT)"))
    FACTORY["sessions"] = sessionmaker(engine)
    FINISHED.clear()
    app = FastAPI()
    app.include_router(router)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
    engine.dispose()


def test_a_route_left_in_its_transaction_is_ended_before_the_answer(client: TestClient) -> None:
    assert client.get("/read").json() == 0
    assert FINISHED == [False]  # ended by the route class, before the teardown
    assert client.post("/write-and-return").json() == "ok"
    assert client.get("/read").json() == 1  # committed


def test_a_route_that_fails_changes_nothing(client: TestClient) -> None:
    assert client.post("/write-then-fail").status_code == 500
    assert client.get("/read").json() == 0  # rolled back
