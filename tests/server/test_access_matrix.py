"""For every route and every kind of caller, exactly the status SPEC.md allows (QUALITY.md).

Callers: no token, a revoked device, mentor A (organisation A), mentor B (organisation B),
the coordinator of organisation A (the lead organisation), a partner of organisation B (a
sport trust's session leader), and the administrator. Participant ids of someone else's
caseload answer 404, exactly like ids that do not exist.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI

from mentor_desk.domain.ids import uuid7

from .helpers import (
    API,
    PASSWORD,
    World,
    goal_fields,
    participant_fields,
    service_fields,
    session_fields,
)

ACTORS = ("anon", "revoked", "mentor_a", "mentor_b", "admin", "coordinator", "partner_b")
PathFn = Callable[[World, str], str]
BodyFn = Callable[[World, str], Any]


@dataclass(frozen=True)
class Case:
    name: str
    method: str
    route: str  # the route's path template, to check every route is covered
    path: PathFn
    expected: dict[str, int]
    body: BodyFn | None = None


def allow(
    *,
    mentor_a: int,
    mentor_b: int,
    coordinator: int,
    admin: int,
    partner: int = 403,
    anon: int = 401,
    revoked: int = 403,
) -> dict[str, int]:
    return {
        "anon": anon,
        "revoked": revoked,
        "mentor_a": mentor_a,
        "mentor_b": mentor_b,
        "coordinator": coordinator,
        "admin": admin,
        "partner_b": partner,
    }


EVERYONE = allow(mentor_a=200, mentor_b=200, coordinator=200, admin=200, partner=200)
CASEWORK_A = allow(mentor_a=200, mentor_b=404, coordinator=200, admin=403, partner=404)
#: Case records written over REST: a partner writes only through its laptop's sync.
CASEWRITE_A = allow(mentor_a=200, mentor_b=404, coordinator=200, admin=403)
ADMIN_OR_COORD = allow(mentor_a=403, mentor_b=403, coordinator=200, admin=200)
ADMIN_ONLY = allow(mentor_a=403, mentor_b=403, coordinator=403, admin=200)
COORD_ONLY = allow(mentor_a=403, mentor_b=403, coordinator=200, admin=403)


def const(path: str) -> PathFn:
    return lambda _w, _a: API + path


def _new_participant_for(w: World, actor: str) -> str:
    """A participant of organisation A assigned to mentor A, made fresh for one caller."""
    pid = uuid7()
    w.put(
        "coordinator",
        "participant",
        pid,
        participant_fields(f"D-{actor}", assigned_mentor_id=w["mentor_a"].id),
    )
    return pid


def _new_goal_for(w: World, actor: str) -> str:
    gid = uuid7()
    w.put("coordinator", "goal", gid, goal_fields(w.participants["a"]))
    return gid


def _agreement(w: World) -> dict[str, Any]:
    return {
        "from_organisation_id": w.org_a,
        "to_organisation_id": w.org_b,
        "purpose": "Walking football",
        "legal_basis": "consent",
        "fields": ["participant.preferred_name"],
        "starts_on": "2026-01-01",
        "review_on": "2027-01-01",
        "signed_by": "Both chairs",
    }


def _own_participant(w: World, actor: str) -> dict[str, Any]:
    return {"fields": participant_fields(f"N-{actor}")}


CASES = [
    Case("health", "GET", "/health", const("/health"), {a: 200 for a in ACTORS}),
    Case(
        "login",
        "POST",
        "/auth/login",
        const("/auth/login"),
        {a: 200 for a in ACTORS},
        body=lambda w, a: {
            "username": "mentor.a2",
            "password": PASSWORD,
            "device_name": f"from {a}",
        },
    ),
    Case("logout", "POST", "/auth/logout", const("/auth/logout"), EVERYONE),
    Case("me", "GET", "/me", const("/me"), EVERYONE),
    Case(
        "list participants",
        "GET",
        "/participants",
        const("/participants"),
        allow(mentor_a=200, mentor_b=200, coordinator=200, admin=403),
    ),
    Case(
        "get own participant",
        "GET",
        "/participants/{participant_id}",
        lambda w, a: f"{API}/participants/{w.participants['a']}",
        CASEWORK_A,
    ),
    Case(
        "get colleague's participant",
        "GET",
        "/participants/{participant_id}",
        lambda w, a: f"{API}/participants/{w.participants['a2']}",
        allow(mentor_a=404, mentor_b=404, coordinator=200, admin=403, partner=404),
    ),
    Case(
        "get unknown participant",
        "GET",
        "/participants/{participant_id}",
        lambda w, a: f"{API}/participants/{uuid7()}",
        allow(mentor_a=404, mentor_b=404, coordinator=404, admin=403, partner=404),
    ),
    Case(
        "assign",
        "POST",
        "/participants/{participant_id}/assign",
        lambda w, a: f"{API}/participants/{w.participants['a']}/assign",
        COORD_ONLY,
        body=lambda w, a: {"mentor_id": w["mentor_a"].id},
    ),
    Case(
        "get participant record",
        "GET",
        "/records/{entity}/{record_id}",
        lambda w, a: f"{API}/records/participant/{w.participants['a']}",
        CASEWORK_A,
    ),
    Case(
        "get goal",
        "GET",
        "/records/{entity}/{record_id}",
        lambda w, a: f"{API}/records/goal/{w.goal_a}",
        CASEWORK_A,
    ),
    Case(
        "get service",
        "GET",
        "/records/{entity}/{record_id}",
        lambda w, a: f"{API}/records/service/{w.service}",
        EVERYONE,
    ),
    Case(
        "replace goal",
        "PUT",
        "/records/{entity}/{record_id}",
        lambda w, a: f"{API}/records/goal/{w.goal_a}",
        CASEWRITE_A,
        body=lambda w, a: {"fields": goal_fields(w.participants["a"])},
    ),
    Case(
        "create goal",
        "PUT",
        "/records/{entity}/{record_id}",
        lambda w, a: f"{API}/records/goal/{uuid7()}",
        CASEWRITE_A,
        body=lambda w, a: {"fields": goal_fields(w.participants["a"])},
    ),
    Case(
        "create own participant",
        "PUT",
        "/records/{entity}/{record_id}",
        lambda w, a: f"{API}/records/participant/{uuid7()}",
        allow(mentor_a=200, mentor_b=200, coordinator=200, admin=403),
        body=_own_participant,
    ),
    Case(
        "write service",
        "PUT",
        "/records/{entity}/{record_id}",
        lambda w, a: f"{API}/records/service/{w.service}",
        COORD_ONLY,
        body=lambda w, a: {"fields": service_fields("Renamed")},
    ),
    Case(
        "write activity session",
        "PUT",
        "/records/{entity}/{record_id}",
        lambda w, a: f"{API}/records/activity_session/{w.session}",
        COORD_ONLY,
        body=lambda w, a: {"fields": session_fields("Boxing")},
    ),
    Case(
        "delete goal",
        "DELETE",
        "/records/{entity}/{record_id}",
        lambda w, a: f"{API}/records/goal/{_new_goal_for(w, a)}",
        CASEWRITE_A,
    ),
    Case(
        "delete participant",
        "DELETE",
        "/records/{entity}/{record_id}",
        lambda w, a: f"{API}/records/participant/{_new_participant_for(w, a)}",
        allow(mentor_a=403, mentor_b=404, coordinator=200, admin=403),
    ),
    Case("services", "GET", "/services", const("/services"), EVERYONE),
    Case("activity sessions", "GET", "/activity-sessions", const("/activity-sessions"), EVERYONE),
    Case("list users", "GET", "/admin/users", const("/admin/users"), ADMIN_OR_COORD),
    Case(
        "create mentor",
        "POST",
        "/admin/users",
        const("/admin/users"),
        allow(mentor_a=403, mentor_b=403, coordinator=201, admin=201),
        body=lambda w, a: {
            "username": f"new.{a}",
            "name": "New Mentor",
            "role": "mentor",
            "organisation_id": w.org_a,
            "password": PASSWORD,
        },
    ),
    Case(
        "reset password",
        "POST",
        "/admin/users/{user_id}/reset-password",
        lambda w, a: f"{API}/admin/users/{w['mentor_a2'].id}/reset-password",
        ADMIN_OR_COORD,
        body=lambda w, a: {"password": PASSWORD + "!"},
    ),
    Case("list devices", "GET", "/admin/devices", const("/admin/devices"), ADMIN_OR_COORD),
    Case(
        "revoke device",
        "POST",
        "/admin/devices/{device_id}/revoke",
        lambda w, a: f"{API}/admin/devices/{w['mentor_a2'].device_id}/revoke",
        ADMIN_OR_COORD,
    ),
    Case("get policy", "GET", "/admin/policy", const("/admin/policy"), ADMIN_OR_COORD),
    Case(
        "set policy",
        "PUT",
        "/admin/policy",
        const("/admin/policy"),
        ADMIN_ONLY,
        body=lambda w, a: {
            "idle_lock_minutes": 5,
            "allow_keychain": False,
            "tombstone_days": 90,
            "mass_delete_share": 0.1,
            "wipe_after_days_offline": 30,
        },
    ),
    Case("audit", "GET", "/admin/audit", const("/admin/audit"), ADMIN_ONLY),
    Case(
        "list organisations",
        "GET",
        "/admin/organisations",
        const("/admin/organisations"),
        ADMIN_ONLY,
    ),
    Case(
        "create organisation",
        "POST",
        "/admin/organisations",
        const("/admin/organisations"),
        allow(mentor_a=403, mentor_b=403, coordinator=403, admin=201),
        body=lambda w, a: {"name": f"Organisation made by {a}"},
    ),
    # sync (tests/server/test_sync_*.py test the behaviour; here only who may call)
    Case(
        "sync push",
        "POST",
        "/sync/push",
        const("/sync/push"),
        allow(mentor_a=200, mentor_b=200, coordinator=200, admin=403, partner=200),
        body=lambda w, a: {
            "device_id": w.accounts[a].device_id if a in w.accounts else uuid7(),
            "schema_version": 1,
            "mutations": [],
        },
    ),
    Case(
        "sync pull",
        "GET",
        "/sync/pull",
        const("/sync/pull"),
        allow(mentor_a=200, mentor_b=200, coordinator=200, admin=403, partner=200),
    ),
    Case("sync quarantine", "GET", "/sync/quarantine", const("/sync/quarantine"), COORD_ONLY),
    Case(
        "list conflicts",
        "GET",
        "/conflicts",
        const("/conflicts"),
        allow(mentor_a=200, mentor_b=200, coordinator=200, admin=403, partner=200),
    ),
    Case(
        "resolve unknown conflict",
        "POST",
        "/conflicts/{conflict_id}/resolve",
        lambda w, a: f"{API}/conflicts/{uuid7()}/resolve",
        allow(mentor_a=404, mentor_b=404, coordinator=404, admin=403),
        body=lambda w, a: {"choice": "theirs"},
    ),
    # the partnership (tests/e2e/test_partnership.py tests what flows; here who may call)
    Case("partnership", "GET", "/partnership", const("/partnership"), EVERYONE),
    Case(
        "create agreement",
        "POST",
        "/partnership/agreements",
        const("/partnership/agreements"),
        allow(mentor_a=403, mentor_b=403, coordinator=201, admin=201),
        body=lambda w, a: _agreement(w),
    ),
    Case(
        "change unknown agreement",
        "PUT",
        "/partnership/agreements/{agreement_id}",
        lambda w, a: f"{API}/partnership/agreements/{uuid7()}",
        allow(mentor_a=403, mentor_b=403, coordinator=404, admin=404),
        body=lambda w, a: _agreement(w),
    ),
    Case(
        "list consent overrides",
        "GET",
        "/partnership/consent-overrides",
        const("/partnership/consent-overrides"),
        COORD_ONLY,
    ),
    Case(
        "override consent",
        "POST",
        "/partnership/consent-overrides",
        const("/partnership/consent-overrides"),
        allow(mentor_a=403, mentor_b=403, coordinator=201, admin=403),
        body=lambda w, a: {
            "participant_id": w.participants["a"],
            "organisation_id": w.org_b,
            "reason": f"Safeguarding: the trust must know ({a})",
        },
    ),
    Case(
        "end unknown override",
        "POST",
        "/partnership/consent-overrides/{override_id}/end",
        lambda w, a: f"{API}/partnership/consent-overrides/{uuid7()}/end",
        allow(mentor_a=404, mentor_b=404, coordinator=404, admin=404, partner=404),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_access(world: World, case: Case) -> None:
    wrong = []
    for actor in ACTORS:
        headers = {} if actor == "anon" else world[actor].headers
        path = case.path(world, actor)
        body = case.body(world, actor) if case.body else None
        response = world.client.request(case.method, path, json=body, headers=headers)
        if response.status_code != case.expected[actor]:
            wrong.append(f"{actor}: {response.status_code} {response.text[:200]}")
        elif actor == "revoked" and case.expected[actor] == 403:
            assert response.json()["error"] == "device_revoked"
        elif actor == "anon" and case.expected[actor] == 401:
            assert response.json()["error"] == "not_authenticated"
    assert not wrong, f"{case.method} {case.route}: " + "; ".join(wrong)


def test_every_route_is_in_the_matrix(app: FastAPI) -> None:
    routes = {
        (method.upper(), path.removeprefix(API))
        for path, operations in app.openapi()["paths"].items()
        for method in operations
    }
    covered = {(c.method, c.route) for c in CASES}
    assert routes == covered


def test_lists_hold_exactly_the_callers_scope(world: World) -> None:
    def ids(actor: str) -> set[str]:
        response = world.client.get(f"{API}/participants", headers=world[actor].headers)
        assert response.status_code == 200
        return {p["id"] for p in response.json()}

    p = world.participants
    assert ids("mentor_a") == {p["a"]}
    assert ids("mentor_a2") == {p["a2"]}
    assert ids("mentor_b") == {p["b"]}
    assert ids("coordinator") == {p["a"], p["a2"]}
    assert ids("coordinator_b") == {p["b"]}


def test_other_organisations_coordinator_sees_nothing_of_ours(world: World) -> None:
    headers = world["coordinator_b"].headers
    pid = world.participants["a"]
    client = world.client
    assert client.get(f"{API}/participants/{pid}", headers=headers).status_code == 404
    assign = client.post(
        f"{API}/participants/{pid}/assign",
        json={"mentor_id": world["mentor_b"].id},
        headers=headers,
    )
    assert assign.status_code == 404
    revoke = client.post(
        f"{API}/admin/devices/{world['mentor_a'].device_id}/revoke", headers=headers
    )
    assert revoke.status_code == 404
    reset = client.post(
        f"{API}/admin/users/{world['mentor_a'].id}/reset-password",
        json={"password": PASSWORD},
        headers=headers,
    )
    assert reset.status_code == 404


def test_mentor_cannot_write_into_someone_elses_participant(world: World) -> None:
    fields = goal_fields(world.participants["a2"])
    response = world.client.put(
        f"{API}/records/goal/{uuid7()}", json={"fields": fields}, headers=world["mentor_a"].headers
    )
    assert response.status_code == 404
    # nor take over a participant by rewriting its assignment
    response = world.client.put(
        f"{API}/records/participant/{world.participants['a2']}",
        json={"fields": participant_fields("T-a2", assigned_mentor_id=world["mentor_a"].id)},
        headers=world["mentor_a"].headers,
    )
    assert response.status_code == 404
    response = world.client.put(
        f"{API}/records/participant/{world.participants['a']}",
        json={"fields": participant_fields("T-a", assigned_mentor_id=world["mentor_a2"].id)},
        headers=world["mentor_a"].headers,
    )
    assert response.status_code == 403


def test_reassignment_moves_the_participant(world: World) -> None:
    pid = world.participants["a"]
    response = world.client.post(
        f"{API}/participants/{pid}/assign",
        json={"mentor_id": world["mentor_a2"].id},
        headers=world["coordinator"].headers,
    )
    assert response.status_code == 200
    assert response.json()["fields"]["assigned_mentor_id"] == world["mentor_a2"].id
    old = world.client.get(f"{API}/participants/{pid}", headers=world["mentor_a"].headers)
    new = world.client.get(f"{API}/participants/{pid}", headers=world["mentor_a2"].headers)
    assert (old.status_code, new.status_code) == (404, 200)
    # a mentor of another organisation cannot be assigned
    response = world.client.post(
        f"{API}/participants/{pid}/assign",
        json={"mentor_id": world["mentor_b"].id},
        headers=world["coordinator"].headers,
    )
    assert response.status_code == 422


# --- the role table of docs/server.md, generated from this matrix ----------------------------

DOC = Path(__file__).resolve().parents[2] / "docs" / "server.md"
START, END = "<!-- role table: generated by tests/server/test_access_matrix.py -->", "<!-- end -->"
COLUMNS = (
    ("mentor_a", "mentor"),
    ("mentor_b", "mentor of another organisation"),
    ("coordinator", "coordinator (lead organisation)"),
    ("partner_b", "partner (session leader)"),
    ("admin", "administrator"),
)
WORDS = {200: "yes", 201: "yes", 403: "no (403)", 404: "not found (404)"}


def role_table() -> str:
    """The matrix above as a Markdown table: what each role gets from each call.

    ``test_access`` proves every cell against the running server, so the table is what the
    code enforces; ``python -m tests.server.test_access_matrix`` writes it into the doc.
    """
    lines = [
        "| call | " + " | ".join(title for _, title in COLUMNS) + " |",
        "| --- " * (len(COLUMNS) + 1) + "|",
    ]
    for case in CASES:
        cells = [WORDS.get(case.expected[actor], str(case.expected[actor])) for actor, _ in COLUMNS]
        lines.append(f"| {case.name}: `{case.method} {case.route}` | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _documented() -> str:
    text = DOC.read_text(encoding="utf-8")
    return text[text.index(START) + len(START) : text.index(END, text.index(START))].strip()


def test_the_role_table_in_the_docs_is_the_matrix() -> None:
    assert _documented() == role_table(), (
        "docs/server.md's role table is out of date: "
        "run `.venv/bin/python -m tests.server.test_access_matrix`"
    )


if __name__ == "__main__":
    text = DOC.read_text(encoding="utf-8")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    DOC.write_text(f"{head}{START}\n{role_table()}\n{END}{tail}", encoding="utf-8")
