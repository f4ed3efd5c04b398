"""What the server refuses (docs/server.md): text it could not send back, values that
would lose a merge unvalidated, unbounded structures, dates out of range (issue 12.16-19)."""

from __future__ import annotations

from typing import Any

import orjson
import pytest
from sqlalchemy import update

from mentor_desk.domain import SCHEMA_VERSION
from mentor_desk.server.errors import FieldProblem, error_response
from mentor_desk.server.models import Change, Record
from mentor_desk.server.sync_models import Conflict, Quarantine
from mentor_desk.sync.engine import _page  # the client's own reading of a pull page

from .helpers import API, World, goal_fields, participant_fields, service_fields
from .sync_helpers import Dev, count, uuid7

POISON = "Poison \ud800"


def _everything_still_reads(world: World) -> None:
    """Every read a user makes, and a full pull decoded as the client decodes it."""
    client = world.client
    for who in ("mentor_a", "mentor_b", "coordinator", "coordinator_b"):
        headers = world[who].headers
        for path in ("/services", "/activity-sessions", "/participants", "/conflicts"):
            response = client.get(f"{API}{path}", headers=headers)
            assert response.status_code == 200, (who, path, response.text)
            orjson.loads(response.content)
        cursor, more = 0, True
        while more:
            response = client.get(f"{API}/sync/pull", params={"cursor": cursor}, headers=headers)
            assert response.status_code == 200, response.text
            _, _, cursor, more, _ = _page(orjson.loads(response.content))
    for who in ("coordinator", "coordinator_b"):
        response = client.get(f"{API}/sync/quarantine", headers=world[who].headers)
        assert response.status_code == 200, response.text
    assert client.get(f"{API}/admin/audit", headers=world["admin"].headers).status_code == 200


# --- 16: every string valid Unicode, refused before anything is written ----------------------


@pytest.mark.parametrize(
    ("entity", "fields", "field"),
    [
        ("service", {"name": POISON}, "name"),
        ("service", {"name": "Hostel", "pathways": ["\udc00"]}, "pathways"),
        ("service", {"name": "Hostel", "offers": "Beds\x00 tonight"}, "offers"),
        ("service", {"name": "Hostel", "\ud800": "x"}, "fields"),
        ("service", {"name": "Hostel", "phone": 2**64}, "phone"),
        ("service", {"name": "Hostel", "phone": float("nan")}, "phone"),
        (
            "release_day",
            {
                "participant_id": "",
                "checklist": {"stay_tonight": {"state": "done", "note": POISON}},
            },
            "checklist",
        ),
    ],
)
def test_text_that_cannot_be_sent_is_refused_before_anything_is_written(
    world: World, entity: str, fields: dict[str, Any], field: str
) -> None:
    if "participant_id" in fields:
        fields = {**fields, "participant_id": world.participants["a"]}
    before = count(world, Change)
    record_id = uuid7()
    response = world.send(
        "PUT", "coordinator", f"/records/{entity}/{record_id}", {"fields": fields}
    )
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["error"] == "validation_error"
    assert field in [p["field"] for p in body["fields"]]
    assert count(world, Change) == before
    gone = world.client.get(
        f"{API}/records/{entity}/{record_id}", headers=world["coordinator"].headers
    )
    assert gone.status_code == 404
    _everything_still_reads(world)


def test_one_line_fields_refuse_every_line_break(world: World) -> None:
    for brk in ("\n", "\r", "\x85", "\u2028", "\u2029"):
        fields = service_fields(f"Hostel{brk}Line")
        response = world.send(
            "PUT", "coordinator", f"/records/service/{uuid7()}", {"fields": fields}
        )
        assert response.status_code == 422, (repr(brk), response.text)
        assert response.json()["fields"] == [{"field": "name", "message": "must be on one line"}]
        typed = world.send("POST", "admin", "/admin/organisations", {"name": f"North{brk}side"})
        assert typed.status_code == 422, repr(brk)
    # free text keeps its line breaks, and emoji (a surrogate pair on the wire) are fine
    fields = {**service_fields(), "offers": "Beds\u2028Meals\nAdvice \U0001f600"}
    record_id = uuid7()
    response = world.send("PUT", "coordinator", f"/records/service/{record_id}", {"fields": fields})
    assert response.status_code == 200, response.text
    assert response.json()["fields"]["offers"] == fields["offers"]


def test_error_answers_never_carry_unencodable_text() -> None:
    """A message naming a key of the request could hold a lone surrogate: the answer
    replaces it rather than failing to encode (a 500)."""
    response = error_response(
        422,
        "validation_error",
        f"{POISON}: is not a field",
        fields=[FieldProblem(field="\udc00", message=POISON)],
    )
    body = orjson.loads(response.body)
    assert body["detail"] == "Poison \ufffd: is not a field"
    assert body["fields"] == [{"field": "\ufffd", "message": "Poison \ufffd"}]


def test_a_value_stored_before_these_rules_is_served_repaired(world: World) -> None:
    """One record poisoned in the database (as the old server let happen) no longer stops
    GET /services, GET /participants or anyone's pull."""
    pid = world.participants["a"]
    with world.context.sessions() as session:
        for entity, record_id, name in (
            ("service", world.service, "name"),
            ("participant", pid, "given_name"),
        ):
            record = session.get(Record, (entity, record_id))
            assert record is not None
            session.execute(
                update(Record)
                .where(Record.entity == entity, Record.id == record_id)
                .values(data={**record.data, name: POISON})
            )
        session.commit()
    _everything_still_reads(world)
    services = world.client.get(f"{API}/services", headers=world["mentor_a"].headers).json()
    assert [s["fields"]["name"] for s in services] == ["Poison \ufffd"]
    page = Dev(world, world["mentor_a"]).pull()
    [person] = [c for c in page["changes"] if c["id"] == pid]
    assert person["fields"]["given_name"] == "Poison \ufffd"


# --- 17: values that lose a merge are validated as accepted ones, per mutation ---------------


def _stale_participant_pushes(world: World) -> list[tuple[dict[str, Any], str]]:
    return [
        ({"given_name": {"first": "Alex"}}, "given_name"),
        ({"status": "on_the_moon"}, "status"),
        ({"reference": "R" * 1_000_000}, "reference"),
        ({"favourite_colour": "blue"}, "favourite_colour"),
        ({"given_name": POISON}, "given_name"),
        ({"family_name": _nested(300)}, "family_name"),
        ({"safety_flags": ["ok", float("inf")]}, "safety_flags"),
    ]


def _nested(depth: int) -> Any:
    value: Any = "deep"
    for _ in range(depth):
        value = {"a": value}
    return value


def test_values_that_would_lose_a_merge_are_validated_first(world: World) -> None:
    """Every pushed field is stale (base 0, changed by the coordinator's device): each bad
    value is rejected on its own, not kept as a conflict, and the batch goes on."""
    pid = world.participants["a"]
    mine = world["mentor_a"].id
    world.put(
        "coordinator",
        "participant",
        pid,
        participant_fields("T-a", given_name="Sam", assigned_mentor_id=mine),
    )
    dev = Dev(world, world["mentor_a"])
    bad = _stale_participant_pushes(world)
    mutations = [dev.mutation("participant", pid, fields, base=0) for fields, _ in bad]
    good_goal = uuid7()
    mutations.append(dev.mutation("goal", good_goal, goal_fields(pid)))
    mutations.append(dev.mutation("participant", pid, {"given_name": "Alexandra"}, base=0))
    body = {
        "device_id": dev.account.device_id,
        "protocol_version": 1,
        "schema_version": SCHEMA_VERSION,
        "mutations": mutations,
    }
    response = world.send("POST", "mentor_a", "/sync/push", body)
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    for result, (_fields, field) in zip(results, bad, strict=False):
        assert (result["status"], result["reason"]) == ("rejected", "validation"), result
        assert field in result["detail"] or "a field" in result["detail"], result
    assert [r["status"] for r in results[len(bad) :]] == ["applied", "merged"], [
        (r["reason"], r["detail"]) for r in results[len(bad) :]
    ]
    [conflict] = results[-1]["conflicts"]
    assert (conflict["field"], conflict["mine"]) == ("given_name", "Alexandra")
    assert count(world, Conflict) == 1
    _everything_still_reads(world)
    # and the device goes on pushing
    assert dev.one("goal", uuid7(), goal_fields(pid))["status"] == "applied"


def test_an_edit_of_a_deleted_record_is_validated_too(world: World) -> None:
    laptop = Dev(world, world["mentor_a"])
    tablet = Dev(world, world.login("mentor_a", "tablet"))
    v0 = int(laptop.record("goal", world.goal_a)["version"])
    assert laptop.one("goal", world.goal_a, op="delete", base=v0)["status"] == "applied"
    for fields in (
        {"participant_id": world.participants["b"]},  # another organisation's participant
        {"goal_text": "Keep me", "status": "nonsense"},
        {"goal_text": POISON},
        {"notes": "not a field of a goal"},
    ):
        result = tablet.push_raw([tablet.mutation("goal", world.goal_a, fields, base=v0)])
        assert result.status_code == 200, result.text
        [answer] = result.json()["results"]
        assert (answer["status"], answer["reason"]) == ("rejected", "validation"), answer
    assert count(world, Conflict) == 0
    kept = tablet.one("goal", world.goal_a, {"goal_text": "Keep me"}, base=v0)
    assert kept["status"] == "merged" and count(world, Conflict) == 1


def test_a_change_kept_in_quarantine_is_validated(world: World) -> None:
    pid = world.participants["a"]
    dev = Dev(world, world["mentor_a"])
    response = world.client.post(
        f"{API}/participants/{pid}/assign",
        json={"mentor_id": world["mentor_a2"].id},
        headers=world["coordinator"].headers,
    )
    assert response.status_code == 200, response.text
    bad = dev.one("participant", pid, {"given_name": {"x": 1}}, base=1)
    assert (bad["status"], bad["reason"]) == ("rejected", "validation")
    late = dev.one("participant", pid, {"given_name": "Late"}, base=1)
    assert late["reason"] == "quarantined"
    assert count(world, Quarantine) == 1
    _everything_still_reads(world)


# --- 18: structured fields have a declared shape ---------------------------------------------


def test_checklist_items_take_known_keys_only_and_no_nesting(world: World) -> None:
    pid = world.participants["a"]

    def put(item: dict[str, Any]) -> Any:
        fields = {"participant_id": pid, "checklist": {"stay_tonight": item}}
        return world.send("PUT", "mentor_a", f"/records/release_day/{uuid7()}", {"fields": fields})

    for item in (
        {"state": "done", "note": "", "extra": _nested(400)},
        {"state": "done", "note": "", "extra": 1},
        {"state": "done", "note": {"text": "x"}},
        {"state": "done", "note": _nested(3)},
    ):
        response = put(item)
        assert response.status_code == 422, response.text
        assert response.json()["fields"][0]["field"] == "checklist"
    assert put({"state": "done", "note": "Hostel on Park Rd"}).status_code == 200
    _everything_still_reads(world)


# --- 19: audit dates out of range --------------------------------------------------------------


@pytest.mark.parametrize("since", ["9999-12-31T23:59:59-23:59", "0001-01-01T00:00:00+23:59"])
def test_audit_since_out_of_range_is_422(world: World, since: str) -> None:
    response = world.client.get(
        f"{API}/admin/audit", params={"since": since}, headers=world["admin"].headers
    )
    assert response.status_code == 422, response.text
    assert response.json()["fields"][0]["field"] == "since"


def test_audit_since_at_the_edges_still_answers(world: World) -> None:
    for since, expect_rows in (
        ("9999-12-31T23:59:59+23:59", False),
        ("0001-01-01T00:00:00-23:59", True),
    ):
        response = world.client.get(
            f"{API}/admin/audit", params={"since": since}, headers=world["admin"].headers
        )
        assert response.status_code == 200, response.text
        assert bool(response.json()) is expect_rows
