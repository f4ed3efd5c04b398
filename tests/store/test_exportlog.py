"""The export log table: what, when, by whom — never content."""

from __future__ import annotations

import pytest

from mentor_desk.store import Store, exportlog


def test_a_fresh_store_has_an_empty_export_log(store: Store) -> None:
    assert exportlog.exports(store) == []


def test_exports_are_logged_oldest_first_and_by_participant(store: Store) -> None:
    first = exportlog.record_export(store, "plan_pdf", participant_id="p1", path_hint=".pdf")
    second = exportlog.record_export(store, "csv_participant")
    third = exportlog.record_export(
        store, "probation_summary", participant_id="p1", override_reason="court date"
    )
    assert [e["id"] for e in exportlog.exports(store)] == [first, second, third]
    mine = exportlog.exports(store, participant_id="p1")
    assert [e["id"] for e in mine] == [first, third]
    assert mine[0] | {"at": None} == {
        "id": first,
        "at": None,
        "kind": "plan_pdf",
        "participant_id": "p1",
        "path_hint": ".pdf",
        "by": store.actor_id,
        "override_reason": None,
    }
    assert mine[1]["override_reason"] == "court date" and mine[1]["path_hint"] == ""
    assert exportlog.exports(store, participant_id="p2") == []


def test_an_export_logged_in_a_failed_transaction_is_not_kept(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        exportlog.record_export(store, "plan_pdf", participant_id="p1")
        raise RuntimeError("writing the file failed")
    assert exportlog.exports(store) == []
