"""``/conflicts``: who sees a conflict, and resolving one as an ordinary change."""

from __future__ import annotations

from typing import Any

from .helpers import API, World
from .sync_helpers import Dev, uuid7


def _make_conflict(world: World) -> tuple[Dev, Dev, dict[str, Any]]:
    laptop = Dev(world, world["mentor_a"])
    tablet = Dev(world, world.login("mentor_a", "tablet"))
    v0 = int(laptop.record("goal", world.goal_a)["version"])
    laptop.one("goal", world.goal_a, {"goal_text": "Laptop"}, base=v0)
    result = tablet.one("goal", world.goal_a, {"goal_text": "Tablet"}, base=v0)
    assert result["status"] == "merged"
    return laptop, tablet, result["conflicts"][0]


def _listed(world: World, who: str) -> list[str]:
    response = world.client.get(f"{API}/conflicts", headers=world[who].headers)
    assert response.status_code == 200, response.text
    return [c["id"] for c in response.json()["conflicts"]]


def _resolve(world: World, who: str, conflict_id: str, **body: Any) -> Any:
    return world.client.post(
        f"{API}/conflicts/{conflict_id}/resolve", json=body, headers=world[who].headers
    )


def test_conflicts_are_listed_in_scope_only(world: World) -> None:
    _, _, conflict = _make_conflict(world)
    assert _listed(world, "mentor_a") == [conflict["id"]]
    assert _listed(world, "coordinator") == [conflict["id"]]
    for who in ("mentor_a2", "mentor_b", "coordinator_b"):
        assert _listed(world, who) == []
        assert _resolve(world, who, conflict["id"], choice="mine").status_code == 404
    response = world.client.get(f"{API}/conflicts", headers=world["mentor_a"].headers)
    row = response.json()["conflicts"][0]
    assert (row["mine"], row["theirs"], row["field"]) == ("Tablet", "Laptop", "goal_text")
    assert row["record_id"] == world.goal_a and row["resolved_at"] is None


def test_resolving_applies_the_choice_as_a_new_change(world: World) -> None:
    laptop, _, conflict = _make_conflict(world)
    before = laptop.pull_all()[1]
    version = int(laptop.record("goal", world.goal_a)["version"])
    response = _resolve(world, "mentor_a", conflict["id"], choice="mine")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["conflict"]["resolved_by"] == world["mentor_a"].id
    assert body["version"] > version
    record = laptop.record("goal", world.goal_a)
    assert record["fields"]["goal_text"] == "Tablet" and record["version"] == body["version"]
    # every device hears of it through pull, as an ordinary change
    page = laptop.pull(before)
    assert [c["id"] for c in page["changes"]] == [world.goal_a]
    assert _listed(world, "mentor_a") == []
    again = _resolve(world, "mentor_a", conflict["id"], choice="theirs")
    assert (again.status_code, again.json()["error"]) == (409, "already_resolved")


def test_resolving_with_theirs_or_a_new_value(world: World) -> None:
    laptop, tablet, first = _make_conflict(world)
    version = int(laptop.record("goal", world.goal_a)["version"])
    response = _resolve(world, "coordinator", first["id"], choice="theirs")
    assert response.status_code == 200 and response.json()["version"] == version
    assert laptop.record("goal", world.goal_a)["fields"]["goal_text"] == "Laptop"
    second = tablet.one("goal", world.goal_a, {"goal_text": "Tablet again"}, base=1)
    [conflict] = second["conflicts"]
    bad = _resolve(world, "mentor_a", conflict["id"], choice="value", value=None)
    assert bad.status_code == 422  # goal_text is needed: nothing changes
    assert _listed(world, "mentor_a") == [conflict["id"]]
    good = _resolve(world, "mentor_a", conflict["id"], choice="value", value="Both")
    assert good.status_code == 200
    assert laptop.record("goal", world.goal_a)["fields"]["goal_text"] == "Both"


def test_edit_against_delete_can_restore_the_record(world: World) -> None:
    laptop = Dev(world, world["mentor_a"])
    tablet = Dev(world, world.login("mentor_a", "tablet"))
    v0 = int(laptop.record("goal", world.goal_a)["version"])
    laptop.one("goal", world.goal_a, op="delete", base=v0)
    [conflict] = tablet.one("goal", world.goal_a, {"goal_text": "Keep me"}, base=v0)["conflicts"]
    response = _resolve(world, "mentor_a", conflict["id"], choice="mine")
    assert response.status_code == 200, response.text
    record = laptop.record("goal", world.goal_a)
    assert record["deleted"] is False and record["fields"]["goal_text"] == "Keep me"


def test_delete_against_edit_can_delete_after_all(world: World) -> None:
    laptop = Dev(world, world["mentor_a"])
    tablet = Dev(world, world.login("mentor_a", "tablet"))
    v0 = int(laptop.record("goal", world.goal_a)["version"])
    tablet.one("goal", world.goal_a, {"goal_text": "Edited"}, base=v0)
    [conflict] = laptop.one("goal", world.goal_a, op="delete", base=v0)["conflicts"]
    assert _resolve(world, "mentor_a", conflict["id"], choice="mine").status_code == 200
    gone = world.client.get(f"{API}/records/goal/{world.goal_a}", headers=world["mentor_a"].headers)
    assert gone.status_code == 404


def test_only_a_coordinator_settles_a_coordinator_owned_field(world: World) -> None:
    pid = world.participants["a"]
    mentor = Dev(world, world["mentor_a"])
    coordinator = Dev(world, world["coordinator"])
    v0 = int(mentor.record("participant", pid)["version"])
    coordinator.one("participant", pid, {"safety_flags": ["lone working"]}, base=v0)
    [conflict] = mentor.one("participant", pid, {"safety_flags": []}, base=v0)["conflicts"]
    assert _resolve(world, "mentor_a", conflict["id"], choice="mine").status_code == 403
    assert _resolve(world, "coordinator", conflict["id"], choice="mine").status_code == 200
    assert mentor.record("participant", pid)["fields"]["safety_flags"] == []


def test_resolve_access(world: World) -> None:
    url = f"{API}/conflicts/{uuid7()}/resolve"
    client = world.client
    assert client.post(url, json={"choice": "mine"}).status_code == 401
    revoked = client.post(url, json={"choice": "mine"}, headers=world["revoked"].headers)
    assert (revoked.status_code, revoked.json()["error"]) == (403, "device_revoked")
    assert client.get(f"{API}/conflicts", headers=world["admin"].headers).status_code == 403
    bad = client.post(url, json={"choice": "both"}, headers=world["mentor_a"].headers)
    assert bad.status_code == 422


def test_a_listed_conflict_names_who_wrote_each_value_and_when(world: World) -> None:
    laptop = Dev(world, world["mentor_a"])
    office = Dev(world, world["coordinator"])
    v0 = int(laptop.record("goal", world.goal_a)["version"])
    kept = laptop.one("goal", world.goal_a, {"goal_text": "Mentor's words"}, base=v0)
    lost = office.one("goal", world.goal_a, {"goal_text": "Coordinator's words"}, base=v0)
    assert lost["status"] == "merged"
    for who in ("mentor_a", "coordinator"):  # both authors' sides see the same names
        response = world.client.get(f"{API}/conflicts", headers=world[who].headers)
        [row] = response.json()["conflicts"]
        assert row["mine"] == "Coordinator's words" and row["theirs"] == "Mentor's words"
        assert row["mine_user_id"] == world["coordinator"].id
        assert row["mine_by"] == "Person coordinator"
        assert row["theirs_user_id"] == world["mentor_a"].id
        assert row["theirs_by"] == "Person mentor_a"
        assert row["theirs_at"] is not None and row["theirs_version"] == kept["version"]
    settled = _resolve(world, "coordinator", row["id"], choice="theirs").json()["conflict"]
    assert (settled["mine_by"], settled["theirs_by"]) == ("Person coordinator", "Person mentor_a")
