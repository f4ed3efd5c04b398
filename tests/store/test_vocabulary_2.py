"""Store version 7: the record vocabulary's version 2 (issue 15) reaches a store made before it.

A store as the previous release left it (no ``risk_assessment`` table, none of the new
columns) is brought up on unlock, keeps what it had, and then takes the new fields; a new
store has them from the start.
"""

from __future__ import annotations

from pathlib import Path

from mentor_desk.domain import ENTITIES
from mentor_desk.store import KdfParams, Profile, Store
from mentor_desk.store.schema import STORE_VERSION
from tests.conftest import PASSPHRASE
from tests.store.test_records import add_participant

NEW_COLUMNS = {
    "participant": ["shared_safety_flags"],
    "consent": ["share_with_organisations"],
    "service": ["run_by_organisation_id"],
    "activity_session": ["run_by_organisation_id"],
    "referral": ["partner_answer", "partner_reply", "answered_on"],
}


def _columns(store: Store, table: str) -> set[str]:
    rows = store.conn.execute("SELECT name FROM pragma_table_info(?)", (table,))
    return {r["name"] for r in rows}


def test_a_version_6_store_gains_the_partnership_fields(profile_dir: Path, kdf: KdfParams) -> None:
    store = Profile(profile_dir).create(PASSPHRASE, kdf=kdf)
    pid = add_participant(store)
    # As the previous release left it: version 6, without the new table and columns.
    store.conn.execute("DROP TABLE risk_assessment")
    for table, names in NEW_COLUMNS.items():
        for name in names:
            store.conn.execute(f'ALTER TABLE "{table}" DROP COLUMN "{name}"')
    store.conn.execute("PRAGMA user_version = 6")
    assert "shared_safety_flags" not in _columns(store, "participant")
    store.close()

    store = Profile(profile_dir).unlock(PASSPHRASE)
    try:
        version = store.conn.execute("PRAGMA user_version").fetchone()["user_version"]
        assert version == STORE_VERSION == 7
        for table, names in NEW_COLUMNS.items():
            assert set(names) <= _columns(store, table), table
        assert set(ENTITIES["risk_assessment"].names) <= _columns(store, "risk_assessment")
        assert store.get("participant", pid) is not None  # what it had is kept
        store.update("participant", pid, {"shared_safety_flags": ["Meet in public places"]})
        got = store.get("participant", pid)
        assert got is not None and got["shared_safety_flags"] == ["Meet in public places"]
        rid = store.create(
            "risk_assessment",
            {"participant_id": pid, "assessed_on": "2026-12-01", "meet_in_pairs": True},
        )["id"]
        saved = store.get("risk_assessment", str(rid))
        assert saved is not None and saved["meet_in_pairs"] is True
    finally:
        store.close()


def test_a_new_store_has_every_field_of_the_vocabulary(profile_dir: Path, kdf: KdfParams) -> None:
    store = Profile(profile_dir).create(PASSPHRASE, kdf=kdf)
    try:
        for ent in ENTITIES.values():
            assert set(ent.names) <= _columns(store, ent.name), ent.name
    finally:
        store.close()
