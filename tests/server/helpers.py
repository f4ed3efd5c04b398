"""Fakes and builders shared by the server tests (one place, as STYLE.md asks)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient

from mentor_desk.domain.ids import uuid7
from mentor_desk.server import accounts
from mentor_desk.server.config import Settings
from mentor_desk.server.deps import ServerContext

PASSWORD = "correct horse battery"
API = "/api/v1"


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def hostile_json(value: Any) -> bytes:
    """``value`` as a hostile client sends it: lone surrogates as ``\\ud800`` escapes, NaN
    as ``NaN``. (``json=`` of requests and httpx refuses to encode either.)"""
    return json.dumps(value).encode("ascii")


def participant_fields(reference: str, **extra: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "reference": reference,
        "given_name": "Alex",
        "family_name": "Example",
        "status": "active",
    }
    values.update(extra)
    return values


def service_fields(name: str = "Hostel Line") -> dict[str, Any]:
    return {"name": name, "organisation": "Shelter Trust", "pathways": ["accommodation"]}


def session_fields(name: str = "Walking football") -> dict[str, Any]:
    return {"name": name, "weekday": "tuesday", "time": "18:30"}


def goal_fields(participant_id: str) -> dict[str, Any]:
    return {
        "participant_id": participant_id,
        "pathway": "accommodation",
        "goal_text": "Find a flat",
        "status": "in_progress",
    }


def fast_settings(database_url: str, **overrides: object) -> Settings:
    """Settings for tests: cheap Argon2 so logins are fast."""
    values: dict[str, object] = {
        "database_url": database_url,
        "argon2_time_cost": 1,
        "argon2_memory_kib": 64,
        "argon2_parallelism": 1,
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@dataclass
class Account:
    id: str
    username: str
    organisation_id: str | None
    token: str = ""
    device_id: str = ""

    @property
    def headers(self) -> dict[str, str]:
        return bearer(self.token)


@dataclass
class World:
    """Two organisations with their people, participants and shared records."""

    client: TestClient
    context: ServerContext
    org_a: str = ""
    org_b: str = ""
    accounts: dict[str, Account] = field(default_factory=dict)
    participants: dict[str, str] = field(default_factory=dict)
    goal_a: str = ""
    service: str = ""
    session: str = ""

    def __getitem__(self, name: str) -> Account:
        return self.accounts[name]

    def login(self, name: str, device_name: str = "laptop") -> Account:
        account = self.accounts[name]
        response = self.client.post(
            f"{API}/auth/login",
            json={"username": account.username, "password": PASSWORD, "device_name": device_name},
        )
        assert response.status_code == 200, response.text
        body = response.json()
        return Account(
            id=account.id,
            username=account.username,
            organisation_id=account.organisation_id,
            token=body["token"],
            device_id=body["device_id"],
        )

    def send(self, method: str, who: str, path: str, body: Any) -> Any:
        """``body`` sent as :func:`hostile_json`; the response, whatever its status."""
        headers = {**self.accounts[who].headers, "content-type": "application/json"}
        return self.client.request(
            method, f"{API}{path}", content=hostile_json(body), headers=headers
        )

    def put(self, who: str, entity: str, record_id: str, fields: dict[str, Any]) -> Any:
        response = self.client.put(
            f"{API}/records/{entity}/{record_id}",
            json={"fields": fields},
            headers=self.accounts[who].headers,
        )
        assert response.status_code == 200, response.text
        return response.json()


def build_world(app: FastAPI, client: TestClient) -> World:
    context: ServerContext = app.state.context
    world = World(client=client, context=context)
    with context.sessions() as session:
        org_a = accounts.create_organisation(session, "Northside Trust")
        org_b = accounts.create_organisation(session, "Southside Football", "sport")
        world.org_a, world.org_b = org_a.id, org_b.id
        people = {
            "admin": ("admin", None),
            "coordinator": ("coordinator", org_a.id),
            "mentor_a": ("mentor", org_a.id),
            "mentor_a2": ("mentor", org_a.id),
            "mentor_b": ("mentor", org_b.id),
            "coordinator_b": ("coordinator", org_b.id),
            "partner_b": ("partner", org_b.id),
            "revoked": ("mentor", org_a.id),
        }
        for name, (role, org) in people.items():
            user = accounts.create_user(
                session,
                context.passwords,
                username=name.replace("_", "."),
                name=f"Person {name}",
                role=role,
                organisation_id=org,
                password=PASSWORD,
            )
            world.accounts[name] = Account(user.id, user.username, org)
        session.commit()
    for name in list(world.accounts):
        world.accounts[name] = world.login(name)
    revoked = world["revoked"]
    response = client.post(
        f"{API}/admin/devices/{revoked.device_id}/revoke", headers=world["admin"].headers
    )
    assert response.status_code == 200, response.text

    for key, who, mentor in (
        ("a", "coordinator", "mentor_a"),
        ("a2", "coordinator", "mentor_a2"),
        ("b", "coordinator_b", "mentor_b"),
    ):
        pid = uuid7()
        world.put(
            who,
            "participant",
            pid,
            participant_fields(f"T-{key}", assigned_mentor_id=world[mentor].id),
        )
        world.participants[key] = pid
    world.goal_a = uuid7()
    world.put("mentor_a", "goal", world.goal_a, goal_fields(world.participants["a"]))
    world.service = uuid7()
    world.put("coordinator", "service", world.service, service_fields())
    world.session = uuid7()
    world.put("coordinator", "activity_session", world.session, session_fields())
    return world
