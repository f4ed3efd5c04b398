"""Builders for the sync tests: a device that pushes numbered mutations and pulls pages."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn
from fastapi import FastAPI
from sqlalchemy import func, select

from mentor_desk.domain import SCHEMA_VERSION
from mentor_desk.domain.ids import uuid7
from mentor_desk.server.models import Change
from mentor_desk.server.sync_models import Conflict, DeviceMutation, Quarantine

from .helpers import API, Account, World, hostile_json

__all__ = ["Dev", "count", "live_server", "note_fields", "uuid7"]


def note_fields(participant_id: str, text: str = "Met at the library.") -> dict[str, Any]:
    return {
        "participant_id": participant_id,
        "occurred_at": "2026-11-20T10:00:00Z",
        "contact_kind": "face_to_face",
        "text": text,
    }


class Dev:
    """One device of one account, numbering its mutations like the desktop outbox does."""

    def __init__(self, world: World, account: Account, first_seq: int = 1) -> None:
        self.world = world
        self.account = account
        self.next_seq = first_seq

    def mutation(
        self,
        entity: str,
        record_id: str,
        fields: dict[str, Any] | None = None,
        *,
        op: str = "upsert",
        base: int = 0,
        field_versions: dict[str, int] | None = None,
        seq: int | None = None,
    ) -> dict[str, Any]:
        if seq is None:
            seq = self.next_seq
            self.next_seq += 1
        return {
            "device_seq": seq,
            "entity": entity,
            "id": record_id,
            "op": op,
            "base_version": base,
            "fields": fields or {},
            "field_versions": field_versions or {},
        }

    def push_raw(self, mutations: list[dict[str, Any]], **overrides: Any) -> Any:
        body: dict[str, Any] = {
            "device_id": self.account.device_id,
            "protocol_version": 1,
            "schema_version": SCHEMA_VERSION,
            "mutations": mutations,
        }
        body.update(overrides)
        # as bytes, so a test can push what a hostile client would (lone surrogates, NaN)
        headers = {**self.account.headers, "content-type": "application/json"}
        return self.world.client.post(
            f"{API}/sync/push", content=hostile_json(body), headers=headers
        )

    def push(self, *mutations: dict[str, Any]) -> list[dict[str, Any]]:
        response = self.push_raw(list(mutations))
        assert response.status_code == 200, response.text
        results: list[dict[str, Any]] = response.json()["results"]
        return results

    def one(
        self, entity: str, record_id: str, fields: dict[str, Any] | None = None, **kw: Any
    ) -> dict[str, Any]:
        return self.push(self.mutation(entity, record_id, fields, **kw))[0]

    def pull(self, cursor: int = 0, limit: int = 500) -> dict[str, Any]:
        response = self.world.client.get(
            f"{API}/sync/pull",
            params={"cursor": cursor, "limit": limit},
            headers=self.account.headers,
        )
        assert response.status_code == 200, response.text
        page: dict[str, Any] = response.json()
        return page

    def pull_all(self, cursor: int = 0, limit: int = 500) -> tuple[dict[tuple[str, str], Any], int]:
        """Every change after ``cursor`` (last state per record) and the final cursor."""
        seen: dict[tuple[str, str], Any] = {}
        while True:
            page = self.pull(cursor, limit)
            for change in page["changes"]:
                seen[(change["entity"], change["id"])] = change
            cursor = page["next_cursor"]
            if not page["has_more"]:
                return seen, cursor

    def record(self, entity: str, record_id: str) -> dict[str, Any]:
        response = self.world.client.get(
            f"{API}/records/{entity}/{record_id}", headers=self.account.headers
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body


def count(world: World, table: type[Any], **where: Any) -> int:
    """Rows of ``table`` (Change, Conflict, DeviceMutation, Quarantine) matching ``where``."""
    assert table in (Change, Conflict, DeviceMutation, Quarantine)
    query = select(func.count()).select_from(table)
    for name, value in where.items():
        query = query.where(getattr(table, name) == value)
    with world.context.sessions() as session:
        return int(session.scalar(query) or 0)


@contextmanager
def live_server(app: FastAPI) -> Iterator[str]:
    """Run ``app`` under uvicorn in a thread on a free loopback port."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
