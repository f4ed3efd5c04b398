"""``POST /sync/push``: idempotency, gaps, per-mutation results, per-field merge, deletes,
append-only records, quarantine, versions and access (SYNC.md "One sync cycle", "Merging")."""

from __future__ import annotations

from typing import Any

from mentor_desk.server.models import Change
from mentor_desk.server.sync_models import Conflict, DeviceMutation, Quarantine

from .helpers import API, World, goal_fields, participant_fields, service_fields
from .sync_helpers import Dev, count, note_fields, uuid7


def _goal_version(dev: Dev, goal_id: str) -> int:
    return int(dev.record("goal", goal_id)["version"])


# --- idempotency and ordering --------------------------------------------------------------


def test_retried_push_returns_the_stored_result_and_makes_no_duplicate(world: World) -> None:
    dev = Dev(world, world["mentor_a"])
    gid = uuid7()
    mutation = dev.mutation("goal", gid, goal_fields(world.participants["a"]))
    first = dev.push(mutation)
    assert first[0]["status"] == "applied" and first[0]["version"] > 0
    again = dev.push(mutation)
    assert again == first
    assert count(world, Change, record_id=gid) == 1
    assert count(world, DeviceMutation, device_id=dev.account.device_id) == 1
    # the retried create also changed nothing when its fields differ (stored answer wins)
    changed = dict(mutation, fields=goal_fields(world.participants["a"]) | {"goal_text": "x"})
    assert dev.push(changed) == first
    assert dev.record("goal", gid)["fields"]["goal_text"] == "Find a flat"


def test_gap_is_refused_with_the_expected_seq(world: World) -> None:
    dev = Dev(world, world["mentor_a"], first_seq=7)  # a first push may start anywhere
    assert dev.one("goal", uuid7(), goal_fields(world.participants["a"]))["status"] == "applied"
    gid = uuid7()
    response = dev.push_raw([dev.mutation("goal", gid, goal_fields("x"), seq=10)])
    assert response.status_code == 409
    assert response.json() == {
        "error": "sequence_gap",
        "detail": response.json()["detail"],
        "expected": 8,
    }
    # a batch that starts right but skips inside is refused whole
    response = dev.push_raw(
        [
            dev.mutation("goal", gid, goal_fields(world.participants["a"]), seq=8),
            dev.mutation("goal", uuid7(), goal_fields(world.participants["a"]), seq=10),
        ]
    )
    assert response.status_code == 409 and response.json()["expected"] == 9
    assert count(world, Change, record_id=gid) == 0
    assert count(world, DeviceMutation, device_id=dev.account.device_id) == 1


def test_a_rejected_mutation_does_not_block_the_rest(world: World) -> None:
    dev = Dev(world, world["mentor_a"])
    pid = world.participants["a"]
    good1, good2 = uuid7(), uuid7()
    results = dev.push(
        dev.mutation("goal", uuid7(), goal_fields(pid) | {"status": "nonsense"}),
        dev.mutation("goal", good1, goal_fields(pid)),
        dev.mutation("goal", uuid7(), goal_fields(world.participants["b"])),
        dev.mutation("no_such_thing", uuid7(), {}),
        dev.mutation("goal", "not-a-uuid", goal_fields(pid)),
        dev.mutation("service", uuid7(), service_fields()),
        dev.mutation("goal", good2, goal_fields(pid)),
    )
    assert [r["status"] for r in results] == [
        "rejected",
        "applied",
        "rejected",
        "rejected",
        "rejected",
        "rejected",
        "applied",
    ]
    assert [r["reason"] for r in results] == [
        "validation",
        None,
        "not_found",
        "validation",
        "validation",
        "permission",
        None,
    ]
    assert "status" in results[0]["detail"]
    dev.record("goal", good1)
    dev.record("goal", good2)
    # the queue goes on from the next seq
    assert dev.one("goal", uuid7(), goal_fields(pid))["device_seq"] == 8


# --- per-field merge -----------------------------------------------------------------------


def test_same_field_on_two_devices_is_merged_with_a_conflict(world: World) -> None:
    laptop = Dev(world, world["mentor_a"])
    tablet = Dev(world, world.login("mentor_a", "tablet"))
    gid = world.goal_a
    v0 = _goal_version(laptop, gid)
    first = laptop.one("goal", gid, {"goal_text": "Laptop"}, base=v0, field_versions={})
    assert first["status"] == "applied" and first["version"] > v0
    second = tablet.one("goal", gid, {"goal_text": "Tablet"}, base=v0)
    assert second["status"] == "merged"
    assert second["version"] == first["version"]
    [conflict] = second["conflicts"]
    assert conflict["field"] == "goal_text"
    assert (conflict["mine"], conflict["theirs"]) == ("Tablet", "Laptop")
    assert laptop.record("goal", gid)["fields"]["goal_text"] == "Laptop"
    assert count(world, Conflict, record_id=gid) == 1
    with world.context.sessions() as session:
        row = session.get(Conflict, conflict["id"])
        assert row is not None
        assert row.mine_device_id == tablet.account.device_id
        assert row.mine_user_id == world["mentor_a"].id
        assert row.theirs_version == first["version"]


def test_different_fields_on_two_devices_both_apply(world: World) -> None:
    laptop = Dev(world, world["mentor_a"])
    tablet = Dev(world, world.login("mentor_a", "tablet"))
    gid = world.goal_a
    v0 = _goal_version(laptop, gid)
    assert laptop.one("goal", gid, {"goal_text": "Laptop"}, base=v0)["status"] == "applied"
    assert tablet.one("goal", gid, {"status": "achieved"}, base=v0)["status"] == "applied"
    fields = laptop.record("goal", gid)["fields"]
    assert (fields["goal_text"], fields["status"]) == ("Laptop", "achieved")
    assert count(world, Conflict) == 0


def test_one_devices_consecutive_edits_never_conflict(world: World) -> None:
    laptop = Dev(world, world["mentor_a"])
    gid = world.goal_a
    v0 = _goal_version(laptop, gid)
    # both edits were made offline from the same base, before any pull
    results = laptop.push(
        laptop.mutation("goal", gid, {"goal_text": "One"}, base=v0),
        laptop.mutation("goal", gid, {"goal_text": "Two"}, base=v0),
    )
    assert [r["status"] for r in results] == ["applied", "applied"]
    assert laptop.one("goal", gid, {"goal_text": "Three"}, base=v0)["status"] == "applied"
    assert laptop.record("goal", gid)["fields"]["goal_text"] == "Three"
    assert count(world, Conflict) == 0


def test_equal_values_are_no_conflict_and_cost_no_seq(world: World) -> None:
    tablet = Dev(world, world.login("mentor_a", "tablet"))
    laptop = Dev(world, world["mentor_a"])
    gid = world.goal_a
    v0 = _goal_version(laptop, gid)
    laptop.one("goal", gid, {"goal_text": "Same"}, base=v0)
    before = count(world, Change, record_id=gid)
    result = tablet.one("goal", gid, {"goal_text": "Same"}, base=v0)
    assert result["status"] == "applied" and not result["conflicts"]
    assert count(world, Change, record_id=gid) == before


def test_mentors_stale_change_to_a_coordinator_owned_field_is_a_conflict(world: World) -> None:
    pid = world.participants["a"]
    mentor = Dev(world, world["mentor_a"])
    coordinator = Dev(world, world["coordinator"])
    v0 = int(mentor.record("participant", pid)["version"])
    result = coordinator.one("participant", pid, {"safety_flags": ["lone working"]}, base=v0)
    assert result["status"] == "applied"
    stale = mentor.one("participant", pid, {"safety_flags": [], "given_name": "Al"}, base=v0)
    assert stale["status"] == "merged"
    assert [c["field"] for c in stale["conflicts"]] == ["safety_flags"]
    fields = mentor.record("participant", pid)["fields"]
    assert fields["safety_flags"] == ["lone working"] and fields["given_name"] == "Al"


def test_invalid_merged_record_is_rejected_whole(world: World) -> None:
    dev = Dev(world, world["mentor_a"])
    gid = world.goal_a
    v0 = _goal_version(dev, gid)
    result = dev.one("goal", gid, {"goal_text": None, "why_it_matters": "x"}, base=v0)
    assert result["status"] == "rejected" and result["reason"] == "validation"
    assert "goal_text" in result["detail"]
    assert "why_it_matters" not in dev.record("goal", gid)["fields"]


# --- edit against delete -------------------------------------------------------------------


def test_edit_of_a_deleted_record_keeps_the_tombstone_and_records_a_conflict(
    world: World,
) -> None:
    laptop = Dev(world, world["mentor_a"])
    tablet = Dev(world, world.login("mentor_a", "tablet"))
    gid = world.goal_a
    v0 = _goal_version(laptop, gid)
    deleted = laptop.one("goal", gid, op="delete", base=v0)
    assert deleted["status"] == "applied"
    edit = tablet.one("goal", gid, {"goal_text": "Edited offline"}, base=v0)
    assert edit["status"] == "merged"
    [conflict] = edit["conflicts"]
    assert conflict["field"] == "*deleted*"
    assert conflict["mine"] == {"goal_text": "Edited offline"}
    assert conflict["theirs"] == "deleted"
    response = world.client.get(f"{API}/records/goal/{gid}", headers=laptop.account.headers)
    assert response.status_code == 404  # still deleted


def test_delete_of_a_record_changed_elsewhere_is_a_conflict(world: World) -> None:
    laptop = Dev(world, world["mentor_a"])
    tablet = Dev(world, world.login("mentor_a", "tablet"))
    gid = world.goal_a
    v0 = _goal_version(laptop, gid)
    assert tablet.one("goal", gid, {"goal_text": "Changed"}, base=v0)["status"] == "applied"
    result = laptop.one("goal", gid, op="delete", base=v0)
    assert result["status"] == "merged"
    [conflict] = result["conflicts"]
    assert conflict["field"] == "*deleted*" and conflict["mine"] == "deleted"
    assert conflict["theirs"]["goal_text"] == "Changed"
    assert laptop.record("goal", gid)["deleted"] is False
    # a delete from the current base goes through, and repeating it is harmless
    v1 = _goal_version(laptop, gid)
    assert laptop.one("goal", gid, op="delete", base=v1)["status"] == "applied"
    assert laptop.one("goal", gid, op="delete", base=v1)["status"] == "applied"


def test_only_coordinators_delete_participants(world: World) -> None:
    pid = world.participants["a"]
    mentor = Dev(world, world["mentor_a"])
    v0 = int(mentor.record("participant", pid)["version"])
    result = mentor.one("participant", pid, op="delete", base=v0)
    assert (result["status"], result["reason"]) == ("rejected", "permission")
    coordinator = Dev(world, world["coordinator"])
    assert coordinator.one("participant", pid, op="delete", base=v0)["status"] == "applied"


# --- append-only records -------------------------------------------------------------------


def test_an_unsynced_note_may_change_until_another_device_or_a_sync_touches_it(
    world: World,
) -> None:
    pid = world.participants["a"]
    laptop = Dev(world, world["mentor_a"])
    nid = uuid7()
    results = laptop.push(
        laptop.mutation("case_note", nid, note_fields(pid, "Draft")),
        laptop.mutation("case_note", nid, {"text": "Final"}, base=0),  # edited before sync
    )
    assert [r["status"] for r in results] == ["applied", "applied"]
    assert laptop.record("case_note", nid)["fields"]["text"] == "Final"
    version = int(laptop.record("case_note", nid)["version"])
    # once synced (the device has a base version) it never changes again
    late = laptop.one("case_note", nid, {"text": "Changed"}, base=version)
    assert (late["status"], late["reason"]) == ("rejected", "append_only")
    tablet = Dev(world, world.login("mentor_a", "tablet"))
    other = tablet.one("case_note", nid, {"text": "Other"}, base=0)
    assert (other["status"], other["reason"]) == ("rejected", "append_only")
    gone = tablet.one("case_note", nid, op="delete", base=version)
    assert (gone["status"], gone["reason"]) == ("rejected", "append_only")
    assert laptop.record("case_note", nid)["fields"]["text"] == "Final"
    # resending the same content is not a change
    assert tablet.one("case_note", nid, {"text": "Final"}, base=version)["status"] == "applied"


# --- scope and quarantine ------------------------------------------------------------------


def test_change_after_reassignment_is_quarantined_not_applied_not_lost(world: World) -> None:
    pid = world.participants["a"]
    mentor = Dev(world, world["mentor_a"])
    v0 = _goal_version(mentor, world.goal_a)
    response = world.client.post(
        f"{API}/participants/{pid}/assign",
        json={"mentor_id": world["mentor_a2"].id},
        headers=world["coordinator"].headers,
    )
    assert response.status_code == 200
    new_goal = uuid7()
    results = mentor.push(
        mentor.mutation("goal", world.goal_a, {"goal_text": "Late edit"}, base=v0),
        mentor.mutation("goal", new_goal, goal_fields(pid)),
    )
    for result in results:
        assert (result["status"], result["reason"]) == ("rejected", "quarantined")
        assert "kept for your coordinator" in result["detail"]
    assert count(world, Quarantine) == 2
    assert (
        Dev(world, world["coordinator"]).record("goal", world.goal_a)["fields"]["goal_text"]
        == "Find a flat"
    )
    listed = world.client.get(f"{API}/sync/quarantine", headers=world["coordinator"].headers)
    assert listed.status_code == 200
    items = listed.json()["items"]
    assert {i["record_id"] for i in items} == {world.goal_a, new_goal}
    assert items[0]["mutation"]["fields"]
    for who in ("coordinator_b", "mentor_a"):
        response = world.client.get(f"{API}/sync/quarantine", headers=world[who].headers)
        expected: Any = 200 if who == "coordinator_b" else 403
        assert response.status_code == expected
        if expected == 200:
            assert response.json()["items"] == []


def test_someone_who_never_had_the_participant_gets_not_found(world: World) -> None:
    outsider = Dev(world, world["mentor_b"])
    v0 = _goal_version(Dev(world, world["mentor_a"]), world.goal_a)
    results = outsider.push(
        outsider.mutation("goal", world.goal_a, {"goal_text": "Hijack"}, base=v0),
        outsider.mutation("goal", uuid7(), goal_fields(world.participants["a"])),
        outsider.mutation(
            "participant",
            world.participants["a"],
            participant_fields("X", assigned_mentor_id=world["mentor_b"].id),
        ),
    )
    assert [(r["status"], r["reason"]) for r in results] == [("rejected", "not_found")] * 3
    assert count(world, Quarantine) == 0


def test_new_participant_is_placed_with_its_mentor(world: World) -> None:
    mentor = Dev(world, world["mentor_a"])
    pid = uuid7()
    assert mentor.one("participant", pid, participant_fields("N-1"))["status"] == "applied"
    fields = mentor.record("participant", pid)["fields"]
    assert fields["assigned_mentor_id"] == world["mentor_a"].id
    assert fields["organisation_id"] == world.org_a
    other = mentor.one(
        "participant", uuid7(), participant_fields("N-2", assigned_mentor_id=world["mentor_a2"].id)
    )
    assert (other["status"], other["reason"]) == ("rejected", "permission")


# --- versions and access -------------------------------------------------------------------


def test_old_schema_gets_426_and_unknown_newer_400(world: World) -> None:
    dev = Dev(world, world["mentor_a"])
    mutation = dev.mutation("goal", uuid7(), goal_fields(world.participants["a"]))
    response = dev.push_raw([mutation], schema_version=0)
    assert response.status_code == 426 and response.json()["error"] == "client_too_old"
    response = dev.push_raw([mutation], schema_version=99)
    assert response.status_code == 400
    response = world.client.post(
        f"{API}/sync/push",
        json={"device_id": dev.account.device_id, "schema_version": 1, "mutations": [mutation]},
        headers=dev.account.headers | {"X-Mentor-Desk-Schema": "0"},
    )
    assert response.status_code == 426
    assert count(world, DeviceMutation) == 0


def test_push_access(world: World) -> None:
    dev = Dev(world, world["mentor_a"])
    body = {"device_id": dev.account.device_id, "schema_version": 1, "mutations": []}
    client = world.client
    assert client.post(f"{API}/sync/push", json=body).status_code == 401
    revoked = client.post(f"{API}/sync/push", json=body, headers=world["revoked"].headers)
    assert (revoked.status_code, revoked.json()["error"]) == (403, "device_revoked")
    other = client.post(f"{API}/sync/push", json=body, headers=world["mentor_a2"].headers)
    assert other.status_code == 403  # someone else's device id
    admin = Dev(world, world["admin"])
    assert admin.push_raw([]).status_code == 403
    assert dev.push_raw([]).json() == {"results": []}
    too_many = [dev.mutation("goal", uuid7(), {}, seq=n) for n in range(1, 1002)]
    assert dev.push_raw(too_many).status_code == 422
