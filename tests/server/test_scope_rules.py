"""Who may see and change what (docs/server.md; issue 12 points 20-23): authors across
organisations, references, a deleted participant's records, and what stays a
coordinator's."""

from __future__ import annotations

from typing import Any

import httpx
from fastapi import FastAPI

from .helpers import API, World, goal_fields, participant_fields, service_fields
from .sync_helpers import Dev, live_server, note_fields, uuid7


def _put(world: World, who: str, entity: str, record_id: str, fields: dict[str, Any]) -> Any:
    return world.client.put(
        f"{API}/records/{entity}/{record_id}", json={"fields": fields}, headers=world[who].headers
    )


def _get(world: World, who: str, entity: str, record_id: str) -> Any:
    return world.client.get(f"{API}/records/{entity}/{record_id}", headers=world[who].headers)


def _delete(world: World, who: str, entity: str, record_id: str) -> Any:
    return world.client.delete(f"{API}/records/{entity}/{record_id}", headers=world[who].headers)


def _conflicts(world: World, who: str) -> list[dict[str, Any]]:
    response = world.client.get(f"{API}/conflicts", headers=world[who].headers)
    assert response.status_code == 200, response.text
    rows: list[dict[str, Any]] = response.json()["conflicts"]
    return rows


def _resolve(world: World, who: str, conflict_id: str, **body: Any) -> Any:
    return world.client.post(
        f"{API}/conflicts/{conflict_id}/resolve", json=body, headers=world[who].headers
    )


def _error(response: Any) -> tuple[int, str]:
    return response.status_code, response.json()["error"]


def _step(participant_id: str, goal_id: str) -> dict[str, Any]:
    return {"participant_id": participant_id, "goal_id": goal_id, "what": "Phone the council"}


def _amendment(participant_id: str, note_id: str) -> dict[str, Any]:
    return {"participant_id": participant_id, "note_id": note_id, "kind": "amendment", "text": "x"}


def _consent(participant_id: str) -> dict[str, Any]:
    return {
        "participant_id": participant_id,
        "consent_version": 1,
        "share_with_server": True,
        "share_with_probation": False,
        "privacy_notice_version": "2026-1",
        "given_on": "2026-11-20",
    }


# --- 20: another organisation's staff are shown as their organisation ---------------------


def test_shared_records_name_other_organisations_authors_by_organisation_only(
    world: World,
) -> None:
    coordinator = world["coordinator"]
    for who in ("mentor_b", "coordinator_b", "admin"):
        for url in (f"{API}/services", f"{API}/activity-sessions"):
            response = world.client.get(url, headers=world[who].headers)
            assert response.status_code == 200, response.text
            assert coordinator.id not in response.text
            [row] = response.json()
            assert (row["created_by"], row["updated_by"]) == (None, None)
            assert row["created_by_organisation_id"] == world.org_a
            assert row["updated_by_organisation_id"] == world.org_a
        one = _get(world, who, "service", world.service)
        assert one.status_code == 200 and coordinator.id not in one.text
        assert one.json()["updated_by_organisation_id"] == world.org_a
    # within the author's organisation the person is named
    for who in ("mentor_a", "coordinator"):
        row = _get(world, who, "service", world.service).json()
        assert row["created_by"] == row["updated_by"] == coordinator.id
        assert row["created_by_organisation_id"] == world.org_a
    # the writer's own answer names them; the other organisation's edit is shown as theirs
    edited = _put(world, "coordinator_b", "service", world.service, service_fields("Hostel 2"))
    body = edited.json()
    assert body["updated_by"] == world["coordinator_b"].id and body["created_by"] is None
    seen_by_a = _get(world, "mentor_a", "service", world.service).json()
    assert seen_by_a["updated_by"] is None
    assert seen_by_a["updated_by_organisation_id"] == world.org_b
    assert seen_by_a["created_by"] == coordinator.id


def test_conflicts_on_shared_records_name_other_organisations_by_organisation(
    world: World,
) -> None:
    office_a = Dev(world, world["coordinator"])
    office_b = Dev(world, world["coordinator_b"])
    base = int(office_a.record("service", world.service)["version"])
    kept = office_a.one("service", world.service, {"phone": "0100 111"}, base=base)
    lost = office_b.one("service", world.service, {"phone": "0100 222"}, base=base)
    assert kept["status"] == "applied" and lost["status"] == "merged"
    a, b = world["coordinator"], world["coordinator_b"]
    private_a = (a.id, a.device_id, '"Person coordinator"')  # as JSON strings
    private_b = (b.id, b.device_id, '"Person coordinator_b"')

    response = world.client.get(f"{API}/conflicts", headers=a.headers)
    assert not any(value in response.text for value in private_b)
    [row] = response.json()["conflicts"]
    assert (row["mine_user_id"], row["mine_device_id"]) == (None, None)
    assert (row["mine_by"], row["mine_organisation_id"]) == ("Southside Football", world.org_b)
    assert (row["theirs_user_id"], row["theirs_by"]) == (a.id, "Person coordinator")
    assert row["theirs_organisation_id"] == world.org_a

    response = world.client.get(f"{API}/conflicts", headers=b.headers)
    assert not any(value in response.text for value in private_a)
    [row] = response.json()["conflicts"]
    assert (row["mine_user_id"], row["mine_device_id"]) == (b.id, b.device_id)
    assert row["mine_by"] == "Person coordinator_b"
    assert (row["theirs_user_id"], row["theirs_by"]) == (None, "Northside Trust")
    assert row["theirs_organisation_id"] == world.org_a

    settled = _resolve(world, "coordinator_b", row["id"], choice="theirs")
    assert settled.status_code == 200
    assert not any(value in settled.text for value in private_a)
    assert settled.json()["conflict"]["resolved_by"] == b.id


def test_pull_and_directory_carry_no_person_of_another_organisation_over_http(
    app: FastAPI, world: World
) -> None:
    a = world["coordinator"]
    with live_server(app) as url:
        for who in ("mentor_b", "coordinator_b"):
            response = httpx.get(
                f"{url}{API}/sync/pull", params={"cursor": 0}, headers=world[who].headers
            )
            assert response.status_code == 200, response.text
            ids = {(c["entity"], c["id"]) for c in response.json()["changes"]}
            assert ("service", world.service) in ids  # the shared directory comes
            assert a.id not in response.text and a.device_id not in response.text
            services = httpx.get(f"{url}{API}/services", headers=world[who].headers)
            assert services.status_code == 200
            assert a.id not in services.text
            assert services.json()[0]["created_by_organisation_id"] == world.org_a


# --- 21: a reference names a visible record of the right type, same participant -----------


def test_put_refuses_references_across_scope_type_or_participant(world: World) -> None:
    pa, pa2, pb = (world.participants[k] for k in ("a", "a2", "b"))
    note_a = uuid7()
    assert _put(world, "mentor_a", "case_note", note_a, note_fields(pa)).status_code == 200
    refused = [
        # the reported cases: another organisation's note and goal
        ("mentor_b", "note_amendment", _amendment(pb, note_a), "note_id"),
        ("mentor_b", "goal_step", _step(pb, world.goal_a), "goal_id"),
        # one organisation, another participant
        ("coordinator", "goal_step", _step(pa2, world.goal_a), "goal_id"),
        # the wrong type, and nothing at all
        ("mentor_a", "goal_step", _step(pa, note_a), "goal_id"),
        (
            "mentor_a",
            "goal_review",
            {"participant_id": pa, "goal_id": uuid7(), "reviewed_on": "2026-11-20"},
            "goal_id",
        ),
        (
            "mentor_a",
            "referral",
            {
                "participant_id": pa,
                "service_id": world.goal_a,
                "referred_on": "2026-11-20",
                "kind": "signposted",
                "status": "made",
            },
            "service_id",
        ),
        (
            "mentor_a",
            "attendance",
            {
                "participant_id": pa,
                "session_id": world.service,
                "attended_on": "2026-11-20",
                "attended": "yes",
            },
            "session_id",
        ),
    ]
    for who, entity, fields, field in refused:
        response = _put(world, who, entity, uuid7(), fields)
        assert _error(response) == (422, "validation_error"), (entity, response.text)
        assert [p["field"] for p in response.json()["fields"]] == [field]
    # the same records pointing at what is theirs are accepted
    assert _put(world, "mentor_a", "goal_step", uuid7(), _step(pa, world.goal_a)).status_code == 200
    assert (
        _put(world, "mentor_a", "note_amendment", uuid7(), _amendment(pa, note_a)).status_code
        == 200
    )
    # a deleted goal can take no new step
    assert _delete(world, "mentor_a", "goal", world.goal_a).status_code == 200
    late = _put(world, "mentor_a", "goal_step", uuid7(), _step(pa, world.goal_a))
    assert _error(late) == (422, "validation_error")


def test_push_rejects_a_bad_reference_and_applies_the_rest_of_the_batch(world: World) -> None:
    pa, pb = world.participants["a"], world.participants["b"]
    note_a = uuid7()
    Dev(world, world["mentor_a"]).one("case_note", note_a, note_fields(pa))
    dev = Dev(world, world["mentor_b"])
    step, amendment, note = uuid7(), uuid7(), uuid7()
    results = dev.push(
        dev.mutation("goal_step", step, _step(pb, world.goal_a)),
        dev.mutation("note_amendment", amendment, _amendment(pb, note_a)),
        dev.mutation("case_note", note, note_fields(pb)),
    )
    assert [(r["status"], r["reason"]) for r in results] == [
        ("rejected", "validation"),
        ("rejected", "validation"),
        ("applied", None),
    ]
    assert "goal_id" in results[0]["detail"] and "note_id" in results[1]["detail"]
    assert _get(world, "coordinator_b", "goal_step", step).status_code == 404
    assert _get(world, "coordinator_b", "note_amendment", amendment).status_code == 404
    assert _get(world, "mentor_b", "case_note", note).status_code == 200


def test_a_changed_reference_is_checked_an_unchanged_one_is_not(world: World) -> None:
    pa, pa2 = world.participants["a"], world.participants["a2"]
    goal_a2 = uuid7()
    world.put("mentor_a2", "goal", goal_a2, goal_fields(pa2))
    referral = uuid7()
    fields = {
        "participant_id": pa,
        "service_id": world.service,
        "referred_on": "2026-11-20",
        "kind": "referred",
        "status": "made",
    }
    world.put("mentor_a", "referral", referral, fields)
    # the service leaves the directory: the referral stays editable
    assert _delete(world, "coordinator", "service", world.service).status_code == 200
    assert (
        _put(world, "mentor_a", "referral", referral, {**fields, "status": "attended"}).status_code
        == 200
    )
    dev = Dev(world, world["mentor_a"])
    version = int(dev.record("referral", referral)["version"])
    assert (
        dev.one("referral", referral, {"follow_up_on": "2026-12-01"}, base=version)["status"]
        == "applied"
    )
    # a step moved to another participant's goal, by PUT or by push, is refused
    step = uuid7()
    world.put("coordinator", "goal_step", step, _step(pa, world.goal_a))
    moved = _put(world, "coordinator", "goal_step", step, _step(pa, goal_a2))
    assert _error(moved) == (422, "validation_error")
    office = Dev(world, world["coordinator"])
    version = int(office.record("goal_step", step)["version"])
    pushed = office.one("goal_step", step, {"goal_id": goal_a2}, base=version)
    assert (pushed["status"], pushed["reason"]) == ("rejected", "validation")
    assert office.record("goal_step", step)["fields"]["goal_id"] == world.goal_a


# --- 22: a deleted participant takes its records with it ----------------------------------


def test_deleting_a_participant_tombstones_its_records_and_pull_delivers_them(
    world: World,
) -> None:
    pa = world.participants["a"]
    mentor = Dev(world, world["mentor_a"])
    note = uuid7()
    mentor.one("case_note", note, note_fields(pa))
    _, cursor = mentor.pull_all()
    _, office_cursor = Dev(world, world["coordinator"]).pull_all()
    assert _delete(world, "coordinator", "participant", pa).status_code == 200
    for entity, record_id in (("case_note", note), ("goal", world.goal_a)):
        for who in ("mentor_a", "coordinator"):
            assert _get(world, who, entity, record_id).status_code == 404
    expected = {("participant", pa), ("goal", world.goal_a), ("case_note", note)}
    for dev, since in ((mentor, cursor), (Dev(world, world["coordinator"]), office_cursor)):
        changes, _ = dev.pull_all(since)
        assert set(changes) == expected
        assert all(c["deleted"] and c["fields"] == {} for c in changes.values())
    # nothing of theirs can be added or changed any more
    assert _put(world, "mentor_a", "case_note", uuid7(), note_fields(pa)).status_code == 404
    assert _put(world, "mentor_a", "goal", world.goal_a, goal_fields(pa)).status_code == 403
    assert _put(world, "coordinator", "goal", world.goal_a, goal_fields(pa)).status_code == 404
    # a coordinator's PUT brings the participant back, with what its delete took
    again = participant_fields("T-a", assigned_mentor_id=world["mentor_a"].id)
    assert _put(world, "coordinator", "participant", pa, again).status_code == 200
    assert _get(world, "mentor_a", "case_note", note).status_code == 200
    assert _get(world, "mentor_a", "goal", world.goal_a).status_code == 200


def test_a_pushed_participant_delete_takes_its_records_and_a_restore_brings_them_back(
    world: World,
) -> None:
    pa = world.participants["a"]
    mentor = Dev(world, world["mentor_a"])
    office = Dev(world, world["coordinator"])
    note = uuid7()
    mentor.one("case_note", note, note_fields(pa))
    base = int(mentor.record("participant", pa)["version"])
    _, cursor = mentor.pull_all()
    assert office.one("participant", pa, op="delete", base=base)["status"] == "applied"
    assert _get(world, "mentor_a", "case_note", note).status_code == 404
    # the mentor's offline edit of the deleted participant is kept, not applied
    edit = mentor.one("participant", pa, {"phone": "0770 900"}, base=base)
    assert edit["status"] == "merged"
    [conflict] = edit["conflicts"]
    assert _error(_resolve(world, "mentor_a", conflict["id"], choice="mine")) == (
        403,
        "deleted_by_coordinator",
    )
    assert _resolve(world, "coordinator", conflict["id"], choice="mine").status_code == 200
    assert mentor.record("participant", pa)["fields"]["phone"] == "0770 900"
    assert mentor.record("case_note", note)["fields"]["text"] == "Met at the library."
    assert mentor.record("goal", world.goal_a)["deleted"] is False
    changes, _ = mentor.pull_all(cursor)
    assert set(changes) == {("participant", pa), ("goal", world.goal_a), ("case_note", note)}
    assert not any(c["deleted"] for c in changes.values())


# --- 23: a coordinator's delete and coordinator-owned fields ------------------------------


def test_a_coordinators_delete_is_final_for_a_mentor(world: World) -> None:
    pa, gid = world.participants["a"], world.goal_a
    mentor = Dev(world, world["mentor_a"])
    base = int(mentor.record("goal", gid)["version"])
    assert _delete(world, "coordinator", "goal", gid).status_code == 200
    # PUT does not bring it back
    assert _error(_put(world, "mentor_a", "goal", gid, goal_fields(pa))) == (
        403,
        "deleted_by_coordinator",
    )
    # a push keeps the mentor's change as a conflict; the record stays deleted
    edit = mentor.one("goal", gid, {"goal_text": "Still wanted"}, base=base)
    assert edit["status"] == "merged"
    assert _get(world, "mentor_a", "goal", gid).status_code == 404
    [conflict] = edit["conflicts"]
    listed = {c["id"]: c for c in _conflicts(world, "coordinator")}
    assert listed[conflict["id"]]["mine"] == {"goal_text": "Still wanted"}
    for choice in ("mine", "theirs", "value"):
        refused = _resolve(world, "mentor_a", conflict["id"], choice=choice, value={})
        assert _error(refused) == (403, "deleted_by_coordinator")
    assert conflict["id"] in {c["id"] for c in _conflicts(world, "coordinator")}
    assert _resolve(world, "coordinator", conflict["id"], choice="mine").status_code == 200
    assert mentor.record("goal", gid)["fields"]["goal_text"] == "Still wanted"


def test_a_mentor_may_bring_back_what_a_mentor_deleted(world: World) -> None:
    pa, gid = world.participants["a"], world.goal_a
    assert _delete(world, "mentor_a", "goal", gid).status_code == 200
    assert _put(world, "mentor_a", "goal", gid, goal_fields(pa)).status_code == 200


def test_mentors_cannot_change_coordinator_owned_fields_of_a_participant(world: World) -> None:
    pa = world.participants["a"]
    world.put(
        "coordinator",
        "participant",
        pa,
        participant_fields("T-a", assigned_mentor_id=world["mentor_a"].id, safety_flags=["x"]),
    )
    stored = Dev(world, world["mentor_a"]).record("participant", pa)["fields"]
    changed = {**stored, "safety_flags": []}
    assert _error(_put(world, "mentor_a", "participant", pa, changed)) == (
        403,
        "coordinator_owned",
    )
    cleared = {k: v for k, v in stored.items() if k != "safety_flags"}  # absent = cleared
    assert _error(_put(world, "mentor_a", "participant", pa, cleared)) == (
        403,
        "coordinator_owned",
    )
    same = {**stored, "phone": "0770 1"}  # the owned fields as they are: fine
    assert _put(world, "mentor_a", "participant", pa, same).status_code == 200
    assert (
        _put(world, "coordinator", "participant", pa, {**same, "safety_flags": []}).status_code
        == 200
    )
    # a participant a mentor registers may carry the flags they know of
    new = uuid7()
    mine = participant_fields("T-new", safety_flags=["meet in public"])
    assert _put(world, "mentor_a", "participant", new, mine).status_code == 200
    # in a push a fresh change is rejected, and the rest of the batch goes on
    dev = Dev(world, world["mentor_a"])
    version = int(dev.record("participant", pa)["version"])
    results = dev.push(
        dev.mutation("participant", pa, {"safety_flags": ["y"], "phone": "0770 2"}, base=version),
        dev.mutation("goal", uuid7(), goal_fields(pa)),
    )
    assert [(r["status"], r["reason"]) for r in results] == [
        ("rejected", "permission"),
        ("applied", None),
    ]
    assert "safety_flags" in results[0]["detail"]
    fields = dev.record("participant", pa)["fields"]
    assert fields["safety_flags"] == [] and fields["phone"] == "0770 1"


def test_a_mentor_records_consent_and_its_withdrawal_and_nothing_else(world: World) -> None:
    pa = world.participants["a"]
    consent = uuid7()
    fields = _consent(pa)
    assert _put(world, "mentor_a", "consent", consent, fields).status_code == 200
    wider = {**fields, "share_with_probation": True}
    assert _error(_put(world, "mentor_a", "consent", consent, wider)) == (
        403,
        "coordinator_owned",
    )
    withdrawn = {**fields, "withdrawn_on": "2026-11-25"}
    assert _put(world, "mentor_a", "consent", consent, withdrawn).status_code == 200
    undone = {**fields, "withdrawn_on": None}
    assert _error(_put(world, "mentor_a", "consent", consent, undone)) == (
        403,
        "coordinator_owned",
    )
    assert _error(_delete(world, "mentor_a", "consent", consent)) == (403, "coordinator_owned")
    dev = Dev(world, world["mentor_a"])
    version = int(dev.record("consent", consent)["version"])
    pushed = dev.one("consent", consent, {"withdrawn_on": "2026-11-26"}, base=version)
    assert (pushed["status"], pushed["reason"]) == ("rejected", "permission")
    gone = dev.one("consent", consent, op="delete", base=version)
    assert (gone["status"], gone["reason"]) == ("rejected", "permission")
    assert _put(world, "coordinator", "consent", consent, undone).status_code == 200
    # a second consent made offline and withdrawn before it was ever sent still arrives
    later = uuid7()
    results = dev.push(
        dev.mutation("consent", later, {**fields, "consent_version": 2}),
        dev.mutation("consent", later, {"withdrawn_on": "2026-11-27"}),
    )
    assert [r["status"] for r in results] == ["applied", "applied"]
