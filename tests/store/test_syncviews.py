"""The store side of the sync screens: counts, settling conflicts, refused changes."""

from __future__ import annotations

from datetime import datetime

import pytest

from mentor_desk.store import Store, syncstate, syncviews
from mentor_desk.store.syncstate import PushResult
from mentor_desk.store.syncviews import DELETED_FIELD, NeedsServer, NothingToResend
from tests.store.test_records import add_note, add_participant
from tests.store.test_syncstate import remote_participant

PID = "01a20818-5b36-7082-87bf-d89a19d129b1"


def _merged_with_conflict(
    store: Store, field: str = "phone", mine: object = "mine", theirs: object = "theirs"
) -> str:
    """A server-known participant whose pushed change came back merged with one conflict."""
    syncstate.apply_page(store, [remote_participant(PID, 5, phone="old")], 5)
    store.update("participant", PID, {"phone": "mine"})
    [row] = store.outbox()
    conflict = {"id": "c1", "field": field, "mine": mine, "theirs": theirs}
    syncstate.acknowledge(store, [PushResult(row.device_seq, "merged", 6, conflicts=[conflict])])
    return "c1"


def _refused(store: Store) -> int:
    """A local participant whose creation the server refused; returns its device_seq."""
    add_participant(store, "Lee", "Carter")
    [row] = store.outbox()
    syncstate.acknowledge(
        store, [PushResult(row.device_seq, "rejected", reason="validation", detail="too long")]
    )
    return row.device_seq


def test_counts_of_a_fresh_store_are_zero(store: Store) -> None:
    assert syncviews.sync_counts(store) == syncviews.SyncCounts(0, 0, 0, 0, None)


def test_counts_follow_the_outbox_conflicts_and_refusals(store: Store) -> None:
    _merged_with_conflict(store)
    seq = _refused(store)
    add_note(store, PID)
    counts = syncviews.sync_counts(store)
    assert (counts.waiting, counts.conflicts, counts.attention) == (1, 1, 1)
    assert counts.cursor == 5 and counts.last_synced_at is None
    syncviews.mark_synced(store)
    syncviews.discard(store, seq)
    counts = syncviews.sync_counts(store)
    assert counts.attention == 0
    assert counts.last_synced_at is not None
    assert datetime.fromisoformat(counts.last_synced_at.replace("Z", "+00:00")).tzinfo


def test_resolving_with_a_value_is_an_ordinary_change(store: Store) -> None:
    cid = _merged_with_conflict(store)
    assert store.get("participant", PID)["phone"] == "theirs"  # type: ignore[index]
    syncviews.resolve_conflict(store, cid, "value", "0770 333")
    assert store.get("participant", PID)["phone"] == "0770 333"  # type: ignore[index]
    [row] = store.outbox()
    assert (row.op, row.fields) == ("upsert", {"phone": "0770 333"})
    assert syncstate.open_conflicts(store) == []
    assert syncviews.conflicts_to_report(store) == [cid]
    # Settling it again (a double click) changes nothing.
    syncviews.resolve_conflict(store, cid, "mine")
    assert store.outbox_count() == 1 and syncviews.conflicts_to_report(store) == [cid]
    syncviews.reported(store, [cid])
    assert syncviews.conflicts_to_report(store) == []
    assert store.meta(syncviews.TO_REPORT_KEY) is None


def test_keeping_theirs_writes_nothing_new(store: Store) -> None:
    cid = _merged_with_conflict(store)
    syncviews.resolve_conflict(store, cid, "theirs")
    assert store.outbox_count() == 0
    assert syncviews.sync_counts(store).conflicts == 0
    assert syncviews.conflicts_to_report(store) == [cid]


def test_keeping_my_delete_deletes_here(store: Store) -> None:
    cid = _merged_with_conflict(store, DELETED_FIELD, "deleted", {"phone": "theirs"})
    syncviews.resolve_conflict(store, cid, "mine")
    assert store.get("participant", PID) is None
    [row] = store.outbox()
    assert row.op == "delete"


def test_restoring_a_record_deleted_on_the_server_needs_the_server(store: Store) -> None:
    cid = _merged_with_conflict(store, DELETED_FIELD, {"phone": "mine"}, "deleted")
    with pytest.raises(NeedsServer):
        syncviews.resolve_conflict(store, cid, "mine")
    # Nothing happened: the conflict is still open and nothing is queued.
    assert [c["id"] for c in syncstate.open_conflicts(store)] == [cid]
    assert syncviews.conflicts_to_report(store) == []
    syncviews.mark_resolved(store, cid)
    assert syncstate.open_conflicts(store) == []
    assert syncviews.conflicts_to_report(store) == []


def test_refused_changes_are_listed_with_their_fields(store: Store) -> None:
    seq = _refused(store)
    [row] = syncviews.attention(store)
    assert row["device_seq"] == seq and row["entity"] == "participant"
    assert row["fields"]["given_name"] == "Lee"
    assert (row["reason"], row["detail"]) == ("validation", "too long")


def test_resend_queues_the_current_values_and_forgets_the_refusal(store: Store) -> None:
    seq = _refused(store)
    pid = syncviews.attention(store)[0]["record_id"]
    store.update("participant", pid, {"given_name": "Leigh"})  # the correction, seq + 1
    syncviews.resend(store, seq)
    rows = store.outbox()
    assert [r.device_seq for r in rows] == [seq + 1, seq + 2]  # gap-free, after the correction
    resent = rows[-1]
    assert (resent.entity, resent.record_id, resent.op) == ("participant", pid, "upsert")
    assert resent.fields["given_name"] == "Leigh" and resent.fields["family_name"] == "Carter"
    assert syncviews.attention(store) == []
    syncviews.resend(store, seq)  # already gone: nothing more
    assert store.outbox_count() == 2


def test_resend_of_a_record_no_longer_here_keeps_the_refusal(store: Store) -> None:
    syncstate.apply_page(store, [remote_participant(PID, 5)], 5)
    store.update("participant", PID, {"phone": "0770"})
    [row] = store.outbox()
    syncstate.acknowledge(store, [PushResult(row.device_seq, "rejected", reason="permission")])
    # A full re-download in which the server no longer has the record removes it here.
    syncstate.start_resync(store)
    syncstate.finish_resync(store)
    assert store.get("participant", PID, include_deleted=True) is None
    with pytest.raises(NothingToResend):
        syncviews.resend(store, row.device_seq)
    assert [r["device_seq"] for r in syncviews.attention(store)] == [row.device_seq]
    assert store.outbox_count() == 0
    syncviews.discard(store, row.device_seq)
    assert syncviews.attention(store) == []
    syncviews.discard(store, row.device_seq)  # twice is harmless
