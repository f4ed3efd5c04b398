"""Many devices at once must not deadlock the server (found by the 100-device benchmark:
a transaction left open between FastAPI's dependency and route threads held the pool —
and on SQLite the write lock — while every worker thread waited for it)."""

from __future__ import annotations

import threading

import requests

from tests.helpers.server_proc import PASSWORD, ServerProcess

DEVICES = 80


def test_eighty_devices_syncing_at_once_all_get_answers(server: ServerProcess) -> None:
    tokens = []
    for i in range(DEVICES):
        r = requests.post(
            f"{server.url}/api/v1/auth/login",
            timeout=30,
            json={"username": "mentor_b", "password": PASSWORD, "device_name": f"d{i}"},
        )
        r.raise_for_status()
        tokens.append((r.json()["token"], r.json()["device_id"]))
    statuses: list[int | str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(DEVICES)

    def device(token: str, device_id: str) -> None:
        session = requests.Session()
        headers = {"Authorization": f"Bearer {token}"}
        barrier.wait()
        for _ in range(2):
            try:
                push = session.post(
                    f"{server.url}/api/v1/sync/push",
                    headers=headers,
                    timeout=25,
                    json={
                        "device_id": device_id,
                        "protocol_version": 1,
                        "schema_version": 1,
                        "mutations": [],
                    },
                )
                pull = session.get(
                    f"{server.url}/api/v1/sync/pull",
                    headers=headers,
                    params={"cursor": 0, "limit": 50},
                    timeout=25,
                )
                # the end of every client cycle: the open conflicts in scope
                listed = session.get(f"{server.url}/api/v1/conflicts", headers=headers, timeout=25)
                result: list[int | str] = [push.status_code, pull.status_code, listed.status_code]
            except requests.RequestException as exc:
                result = [type(exc).__name__]
            with lock:
                statuses.extend(result)

    threads = [threading.Thread(target=device, args=t) for t in tokens]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert len(statuses) == DEVICES * 6
    assert set(statuses) == {200}, sorted({str(s) for s in statuses})
