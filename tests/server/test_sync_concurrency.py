"""Concurrent pushes and pulls never skip a change (SYNC.md "One sync cycle", step 3):
a pull must never hand out a cursor past a lower seq that is still being written."""

from __future__ import annotations

import threading
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import select

from mentor_desk.domain import SCHEMA_VERSION
from mentor_desk.server import records, sync
from mentor_desk.server.deps import Caller
from mentor_desk.server.models import AuditEntry, Device, User

from .helpers import API, Account, World, service_fields
from .sync_helpers import live_server, uuid7

PUSHERS = 4
BATCHES = 8
PER_BATCH = 5


def _caller(world: World, name: str) -> Caller:
    with world.context.sessions() as session:
        user = session.get(User, world[name].id)
        device = session.get(Device, world[name].device_id)
        assert user is not None and device is not None
        session.expunge_all()
    return Caller(user=user, device=device)


def test_a_pull_never_passes_a_seq_still_being_written(world: World) -> None:
    """Deterministic: hold one change uncommitted, pull meanwhile, then commit."""
    context = world.context
    writer = _caller(world, "coordinator")
    reader = _caller(world, "mentor_b")
    with context.sessions() as session:
        start = sync.pull(session, reader, 0, 1000).next_cursor
    answer: dict[str, Any] = {}

    def pull() -> None:
        with context.sessions() as session:
            answer["page"] = sync.pull(session, reader, start, 1000)
            session.commit()

    with context.sessions() as session:
        sid = uuid7()
        record = records.write(session, writer, "service", sid, service_fields("Held"))
        held = record.version
        thread = threading.Thread(target=pull)
        thread.start()
        thread.join(0.5)  # PostgreSQL: answers at once; SQLite: waits for the writer
        session.commit()
    thread.join(30)
    page = answer["page"]
    ids = {c.id for c in page.changes}
    # either the pull saw the change, or its cursor stops below it
    assert sid in ids or page.next_cursor < held
    with context.sessions() as session:
        after = sync.pull(session, reader, page.next_cursor, 1000)
    assert sid in ids | {c.id for c in after.changes}


def test_concurrent_pushes_and_pulls_over_http_never_skip(world: World, app: FastAPI) -> None:
    devices = [world.login("coordinator", f"laptop {n}") for n in range(PUSHERS)]
    readers = [world["mentor_a"], world["mentor_b"], world["coordinator"]]
    created: list[str] = []
    created_lock = threading.Lock()
    errors: list[str] = []
    done = threading.Event()
    seen: list[set[str]] = [set() for _ in readers]

    with live_server(app) as url:

        def pusher(account: Account) -> None:
            try:
                with httpx.Client(base_url=url + API, headers=account.headers, timeout=60) as http:
                    seq = 1
                    for batch in range(BATCHES):
                        mutations = []
                        for n in range(PER_BATCH):
                            rid = uuid7()
                            mutations.append(
                                {
                                    "device_seq": seq,
                                    "entity": "service",
                                    "id": rid,
                                    "op": "upsert",
                                    "base_version": 0,
                                    "fields": service_fields(f"S {batch}-{n}"),
                                    "field_versions": {},
                                }
                            )
                            seq += 1
                        response = http.post(
                            "/sync/push",
                            json={
                                "device_id": account.device_id,
                                "protocol_version": 1,
                                "schema_version": SCHEMA_VERSION,
                                "mutations": mutations,
                            },
                        )
                        if response.status_code != 200:
                            errors.append(f"push {response.status_code} {response.text[:200]}")
                            return
                        statuses = {r["status"] for r in response.json()["results"]}
                        if statuses != {"applied"}:
                            errors.append(f"push statuses {statuses}")
                        with created_lock:
                            created.extend(m["id"] for m in mutations)
            except Exception as exc:  # pragma: no cover - reported below
                errors.append(repr(exc))

        def puller(index: int, account: Account) -> None:
            cursor = 0
            try:
                with httpx.Client(base_url=url + API, headers=account.headers, timeout=60) as http:
                    while True:
                        finished = done.is_set()  # read before the pull: then drain fully
                        response = http.get("/sync/pull", params={"cursor": cursor, "limit": 7})
                        if response.status_code != 200:
                            errors.append(f"pull {response.status_code} {response.text[:200]}")
                            return
                        page = response.json()
                        for change in page["changes"]:
                            if change["seq"] <= cursor or change["seq"] > page["server_seq"]:
                                errors.append(f"seq {change['seq']} outside the page")
                            seen[index].add(change["id"])
                        if page["next_cursor"] < cursor:
                            errors.append("cursor went backwards")
                        cursor = page["next_cursor"]
                        if finished and not page["has_more"]:
                            return
            except Exception as exc:  # pragma: no cover - reported below
                errors.append(repr(exc))

        pushing = [threading.Thread(target=pusher, args=(d,)) for d in devices]
        pulling = [threading.Thread(target=puller, args=(i, a)) for i, a in enumerate(readers)]
        for thread in pulling + pushing:
            thread.start()
        for thread in pushing:
            thread.join(120)
        done.set()
        for thread in pulling:
            thread.join(120)
        assert not any(t.is_alive() for t in pushing + pulling)

    assert not errors, errors[:5]
    assert len(created) == PUSHERS * BATCHES * PER_BATCH
    for index, ids in enumerate(seen):
        missing = set(created) - ids
        assert not missing, f"reader {index} never received {len(missing)} change(s)"
    with world.context.sessions() as session:
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.action == "sync.pull")
        ).all()
    assert actions  # reads are audited
