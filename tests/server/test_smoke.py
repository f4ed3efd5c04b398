from __future__ import annotations

from fastapi.testclient import TestClient

from .helpers import API, World


def test_health(client: TestClient) -> None:
    response = client.get(f"{API}/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["protocol_versions"] == [1]


def test_world_builds(world: World) -> None:
    response = world.client.get(f"{API}/participants", headers=world["mentor_a"].headers)
    assert response.status_code == 200
    assert [p["id"] for p in response.json()] == [world.participants["a"]]
