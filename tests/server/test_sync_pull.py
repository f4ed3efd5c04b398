"""``GET /sync/pull``: paging in seq order, dedupe, scope, scope removal and backfill,
``410`` after tombstones are purged, and versions (SYNC.md "One sync cycle", "Deletes")."""

from __future__ import annotations

from mentor_desk.server import cli, sync
from mentor_desk.server.sync_models import TOMBSTONE_HORIZON

from .helpers import API, World, goal_fields
from .sync_helpers import Dev, note_fields, uuid7


def test_pages_come_in_seq_order_deduped_with_the_current_state(world: World) -> None:
    dev = Dev(world, world["mentor_a"])
    pid = world.participants["a"]
    goals = [uuid7() for _ in range(5)]
    dev.push(*(dev.mutation("goal", g, goal_fields(pid)) for g in goals))
    base = int(dev.record("goal", goals[0])["version"])
    for n in range(3):
        dev.one("goal", goals[0], {"goal_text": f"Edit {n}"}, base=base)
    pages = []
    cursor = 0
    while True:
        page = dev.pull(cursor, limit=3)
        pages.append(page)
        assert page["next_cursor"] >= cursor
        seqs = [c["seq"] for c in page["changes"]]
        assert seqs == sorted(seqs) and all(s > cursor for s in seqs)
        keys = [(c["entity"], c["id"]) for c in page["changes"]]
        assert len(keys) == len(set(keys))  # one entry per record per page
        cursor = page["next_cursor"]
        if not page["has_more"]:
            break
    assert len(pages) > 2
    assert pages[-1]["next_cursor"] == pages[-1]["server_seq"]
    seen = {c["id"]: c for p in pages for c in p["changes"]}
    assert set(goals) <= set(seen)
    latest = seen[goals[0]]
    assert latest["fields"]["goal_text"] == "Edit 2"
    assert latest["version"] == latest["seq"]
    assert latest["field_versions"]["goal_text"] == latest["version"]
    # an edited record within one page appears once, with its highest seq
    page = dev.pull(0, limit=1000)
    assert [c["id"] for c in page["changes"]].count(goals[0]) == 1
    # nothing new: the cursor stays and nothing comes
    again = dev.pull(cursor)
    assert again["changes"] == [] and again["next_cursor"] == cursor and not again["has_more"]


def test_pull_holds_exactly_the_callers_scope(world: World) -> None:
    Dev(world, world["mentor_a"]).one("case_note", uuid7(), note_fields(world.participants["a"]))

    def participants(who: str) -> set[str]:
        seen, _ = Dev(world, world[who]).pull_all()
        ids = set()
        for (entity, rid), change in seen.items():
            if entity == "participant":
                ids.add(rid)
            elif "participant_id" in change["fields"]:
                ids.add(change["fields"]["participant_id"])
        return ids

    p = world.participants
    assert participants("mentor_a") == {p["a"]}
    assert participants("mentor_a2") == {p["a2"]}
    assert participants("mentor_b") == {p["b"]}
    assert participants("coordinator") == {p["a"], p["a2"]}
    assert participants("coordinator_b") == {p["b"]}
    # the shared directory and timetable reach everyone
    shared, _ = Dev(world, world["mentor_b"]).pull_all()
    assert ("service", world.service) in shared
    assert ("activity_session", world.session) in shared


def test_deletes_come_as_tombstones(world: World) -> None:
    dev = Dev(world, world["mentor_a"])
    _, cursor = dev.pull_all()
    version = int(dev.record("goal", world.goal_a)["version"])
    dev.one("goal", world.goal_a, op="delete", base=version)
    page = dev.pull(cursor)
    [change] = page["changes"]
    assert change["deleted"] is True and change["fields"] == {}


def test_reassignment_removes_from_the_old_mentor_and_backfills_the_new(world: World) -> None:
    old = Dev(world, world["mentor_a"])
    new = Dev(world, world["mentor_a2"])
    pid = world.participants["a"]
    note = uuid7()
    old.one("case_note", note, note_fields(pid))
    _, old_cursor = old.pull_all()
    _, new_cursor = new.pull_all()
    response = world.client.post(
        f"{API}/participants/{pid}/assign",
        json={"mentor_id": world["mentor_a2"].id},
        headers=world["coordinator"].headers,
    )
    assert response.status_code == 200
    page = old.pull(old_cursor)
    assert page["scope_removed"] == [pid]
    assert page["changes"] == []
    seen, _ = new.pull_all(new_cursor)
    # the whole history, including records older than the new mentor's cursor
    assert {("participant", pid), ("goal", world.goal_a), ("case_note", note)} <= set(seen)
    assert all(c["seq"] for c in seen.values())
    # later pulls of the old mentor carry nothing of it, and no second removal
    _, cursor = old.pull_all(old_cursor)
    later = old.pull(cursor)
    assert later["scope_removed"] == [] and later["changes"] == []


def test_cursor_older_than_purged_tombstones_gets_410(world: World) -> None:
    dev = Dev(world, world["mentor_a"])
    _, early = dev.pull_all()
    version = int(dev.record("goal", world.goal_a)["version"])
    dev.one("goal", world.goal_a, op="delete", base=version)
    with world.context.sessions() as session:
        purged, horizon = sync.purge_tombstones(session, 0)
        session.commit()
    assert purged == 1 and horizon > early
    response = world.client.get(
        f"{API}/sync/pull", params={"cursor": early}, headers=dev.account.headers
    )
    assert (response.status_code, response.json()["error"]) == (410, "resync_required")
    seen, _ = dev.pull_all(0)  # a fresh download works, without the purged record
    assert ("goal", world.goal_a) not in seen
    assert dev.pull(horizon)["has_more"] is False


def test_purge_tombstones_command(world: World, database_url: str) -> None:
    dev = Dev(world, world["mentor_a"])
    version = int(dev.record("goal", world.goal_a)["version"])
    dev.one("goal", world.goal_a, op="delete", base=version)
    argv = ["purge-tombstones", "--database", database_url]
    assert cli.main(argv) == 0  # default 180 days: too recent to purge
    with world.context.sessions() as session:
        assert sync._counter(session, TOMBSTONE_HORIZON) == 0
    assert cli.main([*argv, "--older-than-days", "0"]) == 0
    with world.context.sessions() as session:
        assert sync._counter(session, TOMBSTONE_HORIZON) >= version


def test_pull_versions_and_access(world: World) -> None:
    client = world.client
    url = f"{API}/sync/pull"
    headers = world["mentor_a"].headers
    old = client.get(url, headers=headers | {"X-Mentor-Desk-Schema": "0"})
    assert (old.status_code, old.json()["error"]) == (426, "client_too_old")
    assert client.get(url, headers=headers | {"X-Mentor-Desk-Schema": "99"}).status_code == 400
    assert client.get(url).status_code == 401
    revoked = client.get(url, headers=world["revoked"].headers)
    assert (revoked.status_code, revoked.json()["error"]) == (403, "device_revoked")
    assert client.get(url, headers=world["admin"].headers).status_code == 403
    assert client.get(url, params={"limit": 0}, headers=headers).status_code == 422
    assert client.get(url, params={"limit": 1001}, headers=headers).status_code == 422
