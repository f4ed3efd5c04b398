"""Login, throttling, logout and revocation."""

from __future__ import annotations

import hashlib

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select

from mentor_desk.server.config import Settings
from mentor_desk.server.models import Device

from .helpers import API, PASSWORD, World, bearer


def _login(client: TestClient, username: str, password: str, **headers: str) -> int:
    response = client.post(
        f"{API}/auth/login",
        json={"username": username, "password": password, "device_name": "laptop"},
        headers=headers,
    )
    if response.status_code != 200:
        assert response.json()["error"] in ("invalid_credentials", "too_many_attempts")
    return response.status_code


def test_login_returns_token_user_and_policy(world: World) -> None:
    response = world.client.post(
        f"{API}/auth/login",
        json={"username": "Mentor.A", "password": PASSWORD, "device_name": "gate laptop"},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["user"] == {
        "id": world["mentor_a"].id,
        "name": "Person mentor_a",
        "role": "mentor",
        "organisation_id": world.org_a,
    }
    assert body["policy"]["idle_lock_minutes"] == 10
    assert body["policy"]["wipe_after_days_offline"] is None
    me = world.client.get(f"{API}/me", headers=bearer(body["token"]))
    assert me.json()["device_id"] == body["device_id"]


def test_token_is_stored_only_as_its_hash(world: World) -> None:
    token = world["mentor_a"].token
    with world.context.sessions() as session:
        device = session.get(Device, world["mentor_a"].device_id)
        assert device is not None
        assert device.token_hash == hashlib.sha256(token.encode()).hexdigest()
        stored = [d.token_hash for d in session.scalars(select(Device))]
    assert token not in stored


def test_wrong_password_and_unknown_user_look_the_same(world: World) -> None:
    for username in ("mentor.a", "nobody"):
        response = world.client.post(
            f"{API}/auth/login",
            json={"username": username, "password": "wrong password", "device_name": "x"},
        )
        assert response.status_code == 401
        assert response.json() == {
            "error": "invalid_credentials",
            "detail": "Wrong username or password.",
        }


def test_account_is_throttled_after_five_failures(world: World) -> None:
    client = world.client
    for _ in range(5):
        assert _login(client, "mentor.a", "wrong password") == 401
    # now even the right password is refused, and the answer says why
    response = client.post(
        f"{API}/auth/login",
        json={"username": "mentor.a", "password": PASSWORD, "device_name": "x"},
    )
    assert response.status_code == 429
    assert response.json()["error"] == "too_many_attempts"
    assert int(response.headers["retry-after"]) > 0
    # other accounts are not affected
    assert _login(client, "mentor.b", PASSWORD) == 200


def test_success_resets_the_account_count(world: World) -> None:
    client = world.client
    for _ in range(4):
        assert _login(client, "mentor.a", "wrong password") == 401
    assert _login(client, "mentor.a", PASSWORD) == 200
    for _ in range(4):
        assert _login(client, "mentor.a", "wrong password") == 401
    assert _login(client, "mentor.a", PASSWORD) == 200


def test_address_is_throttled_across_accounts(world: World) -> None:
    client = world.client
    statuses = [_login(client, f"guess{i}", "wrong password") for i in range(20)]
    assert statuses == [401] * 20
    assert _login(client, "mentor.a", PASSWORD) == 429


def test_throttle_is_shared_between_server_processes(world: World, settings: Settings) -> None:
    """Two app instances on one database (as behind a load balancer) count together."""
    from mentor_desk.server.app import create_app

    other: FastAPI = create_app(settings)
    with TestClient(other) as second:
        for i in range(5):
            client = world.client if i % 2 else second
            assert _login(client, "mentor.a", "wrong password") == 401
        assert _login(second, "mentor.a", PASSWORD) == 429
        assert _login(world.client, "mentor.a", PASSWORD) == 429
    other.state.context.engine.dispose()


def test_revoked_device_gets_device_revoked_everywhere(world: World) -> None:
    mentor = world["mentor_a"]
    client = world.client
    assert client.get(f"{API}/me", headers=mentor.headers).status_code == 200
    response = client.post(
        f"{API}/admin/devices/{mentor.device_id}/revoke", headers=world["coordinator"].headers
    )
    assert response.status_code == 200
    assert response.json()["revoked_at"] is not None
    for method, path in (
        ("GET", "/me"),
        ("GET", "/participants"),
        ("GET", f"/participants/{world.participants['a']}"),
        ("GET", "/services"),
        ("POST", "/auth/logout"),
    ):
        response = client.request(method, API + path, headers=mentor.headers)
        assert response.status_code == 403, path
        assert response.json()["error"] == "device_revoked"
    # the account itself still works from a new device
    assert _login(client, "mentor.a", PASSWORD) == 200


def test_logout_ends_the_token(world: World) -> None:
    mentor = world["mentor_a"]
    client = world.client
    assert client.post(f"{API}/auth/logout", headers=mentor.headers).status_code == 200
    response = client.get(f"{API}/me", headers=mentor.headers)
    assert response.status_code == 401
    assert response.json()["error"] == "not_authenticated"
    # other devices of other people are untouched
    assert client.get(f"{API}/me", headers=world["mentor_b"].headers).status_code == 200


def test_garbage_tokens_are_not_authenticated(client: TestClient) -> None:
    for headers in (
        {},
        {"Authorization": "Bearer "},
        {"Authorization": "Bearer nonsense"},
        {"Authorization": "Basic dXNlcjpwYXNz"},
        {"Authorization": "Bearer " + "x" * 5000},
    ):
        response = client.get(f"{API}/me", headers=headers)
        assert response.status_code == 401, headers
        assert response.json()["error"] == "not_authenticated"


def test_audit_has_ids_of_reads_and_writes(world: World) -> None:
    pid = world.participants["a"]
    world.client.get(f"{API}/participants/{pid}", headers=world["mentor_a"].headers)
    response = world.client.get(f"{API}/admin/audit", headers=world["admin"].headers)
    entries = response.json()
    reads = [
        e for e in entries if e["action"] == "record.read" and e["user_id"] == world["mentor_a"].id
    ]
    assert reads and reads[0]["record_ids"] == [pid]
    assert any(e["action"] == "record.write" and pid in e["record_ids"] for e in entries)
    assert any(e["action"] == "admin.revoke_device" for e in entries)
    assert "Alex" not in response.text and "Example" not in response.text
