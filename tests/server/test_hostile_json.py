"""Arbitrary JSON pushed and PUT at a real server (any Unicode, lone surrogates included, any
nesting, any type in any field): the server answers 2xx or 4xx, never 5xx, and after every
request every read route still answers and every account's full pull still decodes with
the client's own transport and page reader (issue 12.16-12.18)."""

from __future__ import annotations

from typing import Any

import orjson
import requests
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentor_desk.domain import ENTITIES, SCHEMA_VERSION
from mentor_desk.sync.engine import _page  # the client's own reading of a pull page
from mentor_desk.sync.protocol import PULL_LIMIT
from mentor_desk.sync.transport import Transport

from .helpers import (
    API,
    World,
    goal_fields,
    hostile_json,
    participant_fields,
    service_fields,
    session_fields,
)
from .sync_helpers import live_server, uuid7

MAX_EXAMPLES = 60
CASE_ACCOUNTS = ("mentor_a", "mentor_b", "coordinator", "coordinator_b")
FIELD_NAMES = sorted({f.name for ent in ENTITIES.values() for f in ent.fields})

_surrogates = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
_specials = st.sampled_from(["\x00", "\n", "\r", "\x85", "\u2028", "\u2029", "\ufeff", "😀"])
_text = st.one_of(
    st.text(st.characters(exclude_categories=()), max_size=12),
    st.text(st.one_of(_surrogates, _specials, st.characters()), max_size=8),
    st.sampled_from(["Alex", "active", "closed", "accommodation", "done", "18:30"]),
    st.sampled_from(["2026-11-20", "2026-11-20T10:00:00Z", "00000000-0000-0000-0000-000000000000"]),
    st.sampled_from([41, 201, 2_001, 200_001, 1_000_000]).map(lambda n: "r" * n),
    st.sampled_from(["Poison \ud800", "\udfff", "a\x00b", "one\u2028line", "x\x85y"]),
)
_scalar = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**80), max_value=2**80),
    st.floats(),
    _text,
)
_names = st.one_of(st.sampled_from(FIELD_NAMES), _text)
_json = st.recursive(
    _scalar,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(_names, inner, max_size=3)
    ),
    max_leaves=10,
)


def _nest(args: tuple[int, bool, Any]) -> Any:
    depth, in_lists, value = args
    for _ in range(depth):
        value = [value] if in_lists else {"note": value}
    return value


_deep = st.tuples(st.integers(2, 400), st.booleans(), _scalar).map(_nest)
_structured = st.one_of(
    st.dictionaries(
        st.sampled_from(["stay_tonight", "accommodation", "x"]),
        st.fixed_dictionaries(
            {"state": st.sampled_from(["done", "maybe"]), "note": st.one_of(_text, _deep)},
            optional={"level": st.sampled_from(["high"]), "extra": _json},
        ),
        max_size=2,
    ),
    st.fixed_dictionaries({"goals": st.lists(st.dictionaries(_names, _json, max_size=3))}),
)
_value = st.one_of(_json, _deep, _structured)
#: Values for the target's own fields (by position, chosen when the target is), and any others.
_fields = st.tuples(
    st.lists(st.tuples(st.integers(0, 63), _value), max_size=3),
    st.dictionaries(_names, _value, max_size=2),
)


def _decode(response: requests.Response) -> Any:
    assert response.status_code < 500, (response.request.method, response.url)
    return orjson.loads(response.content)


#: Who may write each target (by organisation): a wrong writer is tried now and then too.
_WRITERS = {"a": ("mentor_a", "coordinator"), "b": ("mentor_b", "coordinator_b")}
_SHARED = ("coordinator", "coordinator_b")


def test_arbitrary_json_never_breaks_the_server(world: World, app: FastAPI) -> None:
    pid = world.participants["a"]
    #: (entity, id, who may write it); records created on the way are added
    targets: list[tuple[str, str, tuple[str, ...]]] = [
        ("participant", pid, _WRITERS["a"]),
        ("participant", world.participants["b"], _WRITERS["b"]),
        ("goal", world.goal_a, _WRITERS["a"]),
        ("service", world.service, _SHARED),
        ("activity_session", world.session, _SHARED),
    ]
    base: dict[str, dict[str, Any]] = {
        "participant": participant_fields("T-x", assigned_mentor_id=world["mentor_a"].id),
        "goal": goal_fields(pid),
        "service": service_fields(),
        "activity_session": session_fields(),
    }
    next_seq = dict.fromkeys(CASE_ACCOUNTS, 1)
    answers: dict[tuple[str, int], int] = {}

    with live_server(app) as url, requests.Session() as http:
        http.trust_env = False

        def send(method: str, who: str, path: str, body: Any) -> requests.Response:
            headers = {**world[who].headers, "content-type": "application/json"}
            return http.request(
                method, f"{url}{API}{path}", data=hostile_json(body), headers=headers, timeout=30
            )

        def get(who: str, path: str) -> Any:
            return _decode(http.get(f"{url}{API}{path}", headers=world[who].headers, timeout=30))

        def everything_reads() -> None:
            for who in CASE_ACCOUNTS:
                for path in ("/participants", "/services", "/activity-sessions", "/conflicts"):
                    response = http.get(f"{url}{API}{path}", headers=world[who].headers)
                    assert response.status_code == 200, (who, path)
                    orjson.loads(response.content)
                transport = Transport(url, token=world[who].token, session=http)
                cursor, more = 0, True
                while more:  # a full pull, read the way the client reads it
                    _, _, cursor, more, _ = _page(transport.pull(cursor, PULL_LIMIT))
            for who in _SHARED:
                assert http.get(f"{url}{API}/sync/quarantine", headers=world[who].headers).ok
            assert http.get(f"{url}{API}/admin/audit", headers=world["admin"].headers).ok
            for entity, record_id, _ in targets:
                get("coordinator", f"/records/{entity}/{record_id}")

        @settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
        @given(
            action=st.sampled_from(["push", "push", "push", "put", "put", "resolve", "anything"]),
            pick=st.integers(min_value=0, max_value=2**16),
            wrong_writer=st.integers(0, 9).map(lambda n: n == 9),
            fresh=st.booleans(),
            start_valid=st.integers(0, 4).map(lambda n: n != 4),
            fields=_fields,
            extra=st.lists(
                st.tuples(st.sampled_from(["upsert", "delete"]), st.integers(0, 60), _fields),
                max_size=2,
            ),
            versions=st.dictionaries(_names, st.integers(0, 60), max_size=2),
            anything=_json,
        )
        def check(
            action: str,
            pick: int,
            wrong_writer: bool,
            fresh: bool,
            start_valid: bool,
            fields: tuple[list[tuple[int, Any]], dict[str, Any]],
            extra: list[tuple[str, int, tuple[list[tuple[int, Any]], dict[str, Any]]]],
            versions: dict[str, int],
            anything: Any,
        ) -> None:
            entity, record_id, writers = targets[pick % len(targets)]
            who = CASE_ACCOUNTS[pick % 4] if wrong_writer else writers[pick % len(writers)]
            if fresh:
                record_id = uuid7()
            names = ENTITIES[entity].names

            def own(drawn: tuple[list[tuple[int, Any]], dict[str, Any]]) -> dict[str, Any]:
                return {names[i % len(names)]: v for i, v in drawn[0]} | drawn[1]

            values = {**base[entity], **own(fields)} if start_valid else own(fields)
            if action == "put":
                response = send("PUT", who, f"/records/{entity}/{record_id}", {"fields": values})
                if response.status_code == 200 and fresh:
                    targets.append((entity, record_id, writers))
            elif action == "push":
                mutations = [
                    {
                        "device_seq": next_seq[who] + n,
                        "entity": entity,
                        "id": record_id,
                        "op": op,
                        "base_version": base_version,
                        "fields": values if n == 0 else own(more),
                        "field_versions": versions,
                    }
                    for n, (op, base_version, more) in enumerate([("upsert", 0, ([], {})), *extra])
                ]
                body = {
                    "device_id": world[who].device_id,
                    "protocol_version": 1,
                    "schema_version": SCHEMA_VERSION,
                    "mutations": mutations,
                }
                response = send("POST", who, "/sync/push", body)
                if response.status_code == 200:
                    next_seq[who] += len(mutations)
                    if fresh and response.json()["results"][0]["status"] == "applied":
                        targets.append((entity, record_id, writers))
            elif action == "resolve":
                conflicts = get(who, "/conflicts")["conflicts"]
                conflict_id = conflicts[pick % len(conflicts)]["id"] if conflicts else uuid7()
                choice = ["mine", "theirs", "value"][pick % 3]
                body = {"choice": choice, "value": anything if pick % 2 else values}
                response = send("POST", who, f"/conflicts/{conflict_id}/resolve", body)
            else:  # any JSON at all as the body
                path = "/sync/push" if pick % 2 else f"/records/{entity}/{record_id}"
                response = send("POST" if pick % 2 else "PUT", who, path, anything)
            key = (action, response.status_code)
            answers[key] = answers.get(key, 0) + 1
            assert response.status_code < 500, (action, response.text[:300])
            everything_reads()

        check()
    # the run reached the write paths, not only the schema's refusals
    assert answers.get(("push", 200)) and answers.get(("put", 200)), answers
