"""The server over real HTTP (uvicorn on a loopback port), and hardening against bad input."""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from mentor_desk.domain.ids import uuid7
from mentor_desk.server import accounts
from mentor_desk.server.deps import ServerContext

from .helpers import API, PASSWORD, World, participant_fields

SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "cache-control": "no-store",
    "referrer-policy": "no-referrer",
}


@pytest.fixture
def live_url(app: FastAPI) -> Iterator[str]:
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
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


def _make_mentor(app: FastAPI) -> None:
    context: ServerContext = app.state.context
    with context.sessions() as session:
        org = accounts.create_organisation(session, "Live Org")
        accounts.create_user(
            session,
            context.passwords,
            username="live.mentor",
            name="Live Mentor",
            role="mentor",
            organisation_id=org.id,
            password=PASSWORD,
        )
        session.commit()


def test_login_write_read_logout_over_http(app: FastAPI, live_url: str) -> None:
    _make_mentor(app)
    with httpx.Client(base_url=live_url + API, timeout=10) as http:
        assert http.get("/health").json()["status"] == "ok"
        login = http.post(
            "/auth/login",
            json={"username": "live.mentor", "password": PASSWORD, "device_name": "laptop"},
        )
        assert login.status_code == 200
        for name, value in SECURITY_HEADERS.items():
            assert login.headers[name] == value
        assert login.headers["content-security-policy"].startswith("default-src 'none'")
        assert "access-control-allow-origin" not in login.headers
        headers = {"Authorization": f"Bearer {login.json()['token']}"}
        pid = uuid7()
        put = http.put(
            f"/records/participant/{pid}",
            json={"fields": participant_fields("L-1")},
            headers=headers,
        )
        assert put.status_code == 200
        assert put.json()["version"] >= 1
        got = http.get(f"/participants/{pid}", headers=headers)
        assert got.json()["fields"]["reference"] == "L-1"
        assert http.post("/auth/logout", headers=headers).status_code == 200
        assert http.get("/me", headers=headers).status_code == 401


def test_huge_bodies_are_refused_over_http(app: FastAPI, live_url: str) -> None:
    big = b'{"username": "' + b"a" * (6 * 1024 * 1024) + b'"}'
    with httpx.Client(base_url=live_url + API, timeout=30) as http:
        declared = http.post(
            "/auth/login", content=big, headers={"content-type": "application/json"}
        )
        assert declared.status_code == 413
        assert declared.json()["error"] == "payload_too_large"

        def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it streams
            for start in range(0, len(big), 64 * 1024):
                yield big[start : start + 64 * 1024]

        streamed = http.post(
            "/auth/login", content=chunks(), headers={"content-type": "application/json"}
        )
        assert streamed.status_code == 413
        assert streamed.json()["error"] == "payload_too_large"


@pytest.mark.parametrize(
    "body",
    [
        b"{bad json",
        b"",
        b"[]",
        b"null",
        b'{"username": 5, "password": [], "device_name": {}}',
        b'{"username": "a", "password": "b", "device_name": "c", "extra": 1}',
        b'{"username": "\xff\xfe", "password": "b", "device_name": "c"}',
        b'{"username": "\\ud800", "password": "b", "device_name": "c"}',
        b'{"username": "a\\u0000b", "password": "b", "device_name": "c"}',
        b'{"username": "mentor", "password": "b", "device_name": "lap\\u0000top"}',
    ],
)
def test_malformed_login_bodies_are_4xx(client: TestClient, body: bytes) -> None:
    response = client.post(
        f"{API}/auth/login", content=body, headers={"content-type": "application/json"}
    )
    assert 400 <= response.status_code < 500, response.text
    assert response.json()["error"] in ("validation_error", "bad_request", "invalid_credentials")


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b'{"fields": []}',
        b'{"fields": {"reference": 5}}',
        b'{"fields": {"reference": "x", "given_name": "a", "family_name": "b", "status": 1}}',
        b'{"fields": {}, "deleted": true}',
        b'{"fields": {"unknown_field": "x"}}',
        b'{"fields": {"date_of_birth": "2026-02-30", "reference": "R", "given_name": "a",'
        b' "family_name": "b", "status": "active"}}',
        b'{"fields": {"reference": "' + b"x" * 100_000 + b'"}}',
    ],
)
def test_bad_records_are_422_and_nothing_is_stored(world: World, body: bytes) -> None:
    pid = uuid7()
    headers = {**world["mentor_a"].headers, "content-type": "application/json"}
    response = world.client.put(f"{API}/records/participant/{pid}", content=body, headers=headers)
    assert response.status_code == 422, response.text
    payload = response.json()
    assert payload["error"] == "validation_error"
    assert payload["fields"], payload
    got = world.client.get(f"{API}/participants/{pid}", headers=world["mentor_a"].headers)
    assert got.status_code == 404


def test_field_messages_name_the_field(world: World) -> None:
    fields = participant_fields("R-1", phone="0" * 41, status="closed")
    response = world.client.put(
        f"{API}/records/participant/{uuid7()}",
        json={"fields": fields},
        headers=world["mentor_a"].headers,
    )
    assert response.status_code == 422
    problems = {p["field"]: p["message"] for p in response.json()["fields"]}
    assert problems["phone"].startswith("is too long")


def test_wrong_path_types_are_422(world: World) -> None:
    headers = world["coordinator"].headers
    for path in ("/participants/not-a-uuid", "/records/nonsense/" + uuid7(), "/records/goal/1"):
        response = world.client.get(API + path, headers=headers)
        assert response.status_code == 422, path
        assert response.json()["error"] == "validation_error"
    assert world.client.get(f"{API}/nowhere", headers=headers).json()["error"] == "not_found"
    wrong_method = world.client.patch(f"{API}/me", headers=headers)
    assert wrong_method.status_code == 405
    assert wrong_method.json()["error"] == "method_not_allowed"


def test_changes_get_increasing_seqs_and_field_versions(world: World) -> None:
    pid = world.participants["a"]
    client, headers = world.client, world["mentor_a"].headers
    before = client.get(f"{API}/participants/{pid}", headers=headers).json()
    fields = dict(before["fields"], phone="0123 456")
    after = world.put("mentor_a", "participant", pid, fields)
    assert after["version"] > before["version"]
    assert after["field_versions"]["phone"] == after["version"]
    assert after["field_versions"]["reference"] == before["field_versions"]["reference"]
    again = world.put("mentor_a", "participant", pid, fields)
    assert again["version"] == after["version"]  # nothing changed, no new seq


def test_case_notes_are_append_only(world: World) -> None:
    nid = uuid7()
    note = {
        "participant_id": world.participants["a"],
        "occurred_at": "2026-01-05T10:00:00Z",
        "contact_kind": world.context and "phone",
        "text": "Met at the gate.",
    }
    from mentor_desk.domain.vocabulary import CONTACT_KINDS

    note["contact_kind"] = CONTACT_KINDS[0]
    first = world.put("mentor_a", "case_note", nid, note)
    assert world.put("mentor_a", "case_note", nid, note)["version"] == first["version"]
    changed = world.client.put(
        f"{API}/records/case_note/{nid}",
        json={"fields": dict(note, text="Rewritten")},
        headers=world["mentor_a"].headers,
    )
    assert changed.status_code == 409
    assert changed.json()["error"] == "append_only"


def test_internal_errors_are_500_without_details(app: FastAPI) -> None:
    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("secret detail Alex Example")

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/boom")
    assert response.status_code == 500
    assert response.json() == {
        "error": "internal_error",
        "detail": "Something went wrong on the server.",
    }
    assert response.headers["x-content-type-options"] == "nosniff"


def test_logs_carry_no_names_or_note_text(world: World, caplog: pytest.LogCaptureFixture) -> None:
    marker = "Zebedee-Quixotic-7731"
    caplog.set_level(logging.DEBUG)
    pid = uuid7()
    world.put("mentor_a", "participant", pid, participant_fields(marker, given_name=marker))
    from mentor_desk.domain.vocabulary import CONTACT_KINDS

    note = {
        "participant_id": pid,
        "occurred_at": "2026-01-05T10:00:00Z",
        "contact_kind": CONTACT_KINDS[0],
        "text": f"{marker} said something private",
    }
    world.put("mentor_a", "case_note", uuid7(), note)
    world.client.get(f"{API}/participants/{pid}", headers=world["mentor_a"].headers)
    bad = world.client.put(
        f"{API}/records/participant/{uuid7()}",
        json={"fields": participant_fields(marker, status=marker)},
        headers=world["mentor_a"].headers,
    )
    assert bad.status_code == 422
    assert marker not in bad.text  # error messages name fields, never echo values
    assert caplog.records, "expected the server to log something"
    assert marker not in caplog.text
    audit = world.client.get(f"{API}/admin/audit", headers=world["admin"].headers)
    assert marker not in audit.text
