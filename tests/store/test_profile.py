"""Keys on the laptop (SYNC.md): unlock, refusal, keychain fallbacks, wipe, no plaintext."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from mentor_desk.store import KdfParams, Profile, Store, keychain
from mentor_desk.store.errors import (
    KeyFileDamaged,
    ProfileExists,
    ProfileMissing,
    StoreDamaged,
    StoreTooNew,
    WrongPassphrase,
)
from mentor_desk.store.keys import read_key_file, unwrap
from mentor_desk.store.schema import STORE_VERSION
from tests.conftest import PASSPHRASE
from tests.helpers.damage import store_with_damage_in_the_middle
from tests.helpers.stubs import InMemoryKeyring


def snapshot(directory: Path) -> dict[str, str]:
    """Name → sha256 of every file under ``directory`` (to prove nothing changed)."""
    return {
        str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


def make_profile(profile_dir: Path, kdf: KdfParams) -> str:
    store = Profile(profile_dir).create(PASSPHRASE, kdf=kdf)
    rec = store.create(
        "participant",
        {
            "reference": store.new_reference(),
            "given_name": "Kit",
            "family_name": "Sample",
            "status": "active",
        },
    )
    store.close()
    return str(rec["id"])


def test_create_then_unlock_keeps_data(profile_dir: Path, kdf: KdfParams) -> None:
    pid = make_profile(profile_dir, kdf)
    store = Profile(profile_dir).unlock(PASSPHRASE)
    assert store.get("participant", pid)["given_name"] == "Kit"  # type: ignore[index]
    assert store.conn.execute("PRAGMA cipher_version").fetchone()["cipher_version"]
    assert store.conn.execute("PRAGMA journal_mode").fetchone()["journal_mode"] == "wal"
    store.close()


def test_wrong_passphrase_is_clear_and_changes_nothing(profile_dir: Path, kdf: KdfParams) -> None:
    make_profile(profile_dir, kdf)
    before = snapshot(profile_dir)
    with pytest.raises(WrongPassphrase, match=r"not right\. Nothing has been changed"):
        Profile(profile_dir).unlock("correct horse battery stapler")
    assert snapshot(profile_dir) == before


def test_missing_profile_is_reported_not_created(tmp_path: Path) -> None:
    with pytest.raises(ProfileMissing):
        Profile(tmp_path / "nothing").unlock(PASSPHRASE)
    assert not (tmp_path / "nothing").exists()


def test_create_refuses_to_overwrite(profile_dir: Path, kdf: KdfParams) -> None:
    make_profile(profile_dir, kdf)
    before = snapshot(profile_dir)
    with pytest.raises(ProfileExists):
        Profile(profile_dir).create("another", kdf=kdf)
    assert snapshot(profile_dir) == before


@pytest.mark.parametrize("damage", ["truncate", "garble", "delete"])
def test_damaged_store_is_refused_and_not_replaced(
    profile_dir: Path, kdf: KdfParams, damage: str
) -> None:
    make_profile(profile_dir, kdf)
    db = profile_dir / "store.db"
    data = db.read_bytes()
    if damage == "truncate":
        db.write_bytes(data[: len(data) // 3])
    elif damage == "garble":
        db.write_bytes(data[:4096] + bytes(b ^ 0x5A for b in data[4096:8192]) + data[8192:])
    else:
        db.unlink()
    before = snapshot(profile_dir)
    with pytest.raises(StoreDamaged, match="Nothing has been changed or overwritten"):
        Profile(profile_dir).unlock(PASSPHRASE)
    assert snapshot(profile_dir) == before


def test_damaged_key_file_is_refused(profile_dir: Path, kdf: KdfParams) -> None:
    make_profile(profile_dir, kdf)
    (profile_dir / "key.json").write_text("{not json")
    before = snapshot(profile_dir)
    with pytest.raises(KeyFileDamaged):
        Profile(profile_dir).unlock(PASSPHRASE)
    assert snapshot(profile_dir) == before


def test_newer_schema_is_refused_untouched(profile_dir: Path, kdf: KdfParams) -> None:
    make_profile(profile_dir, kdf)
    store = Profile(profile_dir).unlock(PASSPHRASE)
    store.conn.execute(f"PRAGMA user_version = {STORE_VERSION + 1}")
    store.close()
    before = snapshot(profile_dir)
    with pytest.raises(StoreTooNew, match="newer version"):
        Profile(profile_dir).unlock(PASSPHRASE)
    assert snapshot(profile_dir) == before


def test_plain_sqlite_cannot_read_the_store(profile_dir: Path, kdf: KdfParams) -> None:
    make_profile(profile_dir, kdf)
    conn = sqlite3.connect(profile_dir / "store.db")
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT * FROM sqlite_master").fetchall()
    conn.close()


def test_passphrase_change_rewraps_only(profile_dir: Path, kdf: KdfParams) -> None:
    pid = make_profile(profile_dir, kdf)
    db_before = (profile_dir / "store.db").read_bytes()
    Profile(profile_dir).change_passphrase(PASSPHRASE, "a new long passphrase")
    assert (profile_dir / "store.db").read_bytes() == db_before
    with pytest.raises(WrongPassphrase):
        Profile(profile_dir).unlock(PASSPHRASE)
    store = Profile(profile_dir).unlock("a new long passphrase")
    assert store.get("participant", pid) is not None
    store.close()


def test_passphrase_change_with_wrong_old_changes_nothing(
    profile_dir: Path, kdf: KdfParams
) -> None:
    make_profile(profile_dir, kdf)
    before = snapshot(profile_dir)
    with pytest.raises(WrongPassphrase):
        Profile(profile_dir).change_passphrase("wrong", "new")
    assert snapshot(profile_dir) == before


def test_default_kdf_is_argon2id_with_real_cost(profile_dir: Path) -> None:
    Profile(profile_dir).create(PASSPHRASE).close()
    kf = read_key_file(profile_dir / "key.json")
    assert kf.kdf.memory_cost >= 65_536 and kf.kdf.time_cost >= 2
    assert len(unwrap(kf, PASSPHRASE)) == 32


def test_keychain_unlocks_when_enabled(
    profile_dir: Path, kdf: KdfParams, memory_keyring: InMemoryKeyring
) -> None:
    pid = make_profile(profile_dir, kdf)
    assert Profile(profile_dir).unlock_from_keychain() is None  # not enabled yet
    assert Profile(profile_dir).enable_keychain(PASSPHRASE) is True
    store = Profile(profile_dir).unlock_from_keychain()
    assert store is not None and store.get("participant", pid) is not None
    store.close()


def test_no_recommended_keychain_means_passphrase_only(profile_dir: Path, kdf: KdfParams) -> None:
    make_profile(profile_dir, kdf)  # the autouse fixture installed the "fail" backend
    assert not keychain.available()
    assert Profile(profile_dir).enable_keychain(PASSPHRASE) is False
    assert Profile(profile_dir).unlock_from_keychain() is None
    Profile(profile_dir).unlock(PASSPHRASE).close()


@pytest.mark.parametrize("fault", ["garbage", "wrong_key", "emptied", "backend_gone"])
def test_keychain_faults_fall_back_to_passphrase_without_new_store(
    profile_dir: Path, kdf: KdfParams, memory_keyring: InMemoryKeyring, fault: str
) -> None:
    pid = make_profile(profile_dir, kdf)
    Profile(profile_dir).enable_keychain(PASSPHRASE)
    if fault == "garbage":
        memory_keyring.garbage = True
    elif fault == "wrong_key":
        for k in memory_keyring.items:
            memory_keyring.items[k] = "ab" * 32
    elif fault == "emptied":
        memory_keyring.items.clear()
    else:
        import keyring
        from keyring.backends.fail import Keyring as FailKeyring

        keyring.set_keyring(FailKeyring())
    before = snapshot(profile_dir)
    assert Profile(profile_dir).unlock_from_keychain() is None
    assert snapshot(profile_dir) == before
    assert sorted(p.name for p in profile_dir.iterdir()) == ["key.json", "store.db"]
    store = Profile(profile_dir).unlock(PASSPHRASE)
    assert store.get("participant", pid) is not None
    store.close()


def test_wipe_shreds_key_keychain_and_database(
    profile_dir: Path, kdf: KdfParams, memory_keyring: InMemoryKeyring
) -> None:
    make_profile(profile_dir, kdf)
    Profile(profile_dir).enable_keychain(PASSPHRASE)
    assert memory_keyring.items
    Profile(profile_dir).wipe()
    assert memory_keyring.items == {}
    assert list(profile_dir.iterdir()) == []
    with pytest.raises(ProfileMissing):
        Profile(profile_dir).unlock(PASSPHRASE)


def test_no_marker_reaches_any_file_in_plaintext(profile_dir: Path, kdf: KdfParams) -> None:
    """Records, notes, drafts and searches leave no plaintext anywhere in the profile."""
    markers = ["ZEBRAMARKERNAME", "QUOKKAMARKERNOTE", "OCELOTMARKERDRAFT", "ÆØÅMARKÉR"]
    store = Profile(profile_dir).create(PASSPHRASE, kdf=kdf)
    p = store.create(
        "participant",
        {
            "reference": store.new_reference(),
            "given_name": markers[0],
            "family_name": markers[3],
            "status": "active",
        },
    )
    for i in range(200):  # enough to push pages through the WAL
        store.create(
            "case_note",
            {
                "participant_id": p["id"],
                "occurred_at": "2026-11-20T10:00:00Z",
                "contact_kind": "phone",
                "text": f"{markers[1]} number {i} " + "padding " * 50,
            },
        )
    store.save_draft("note:new", "case_note", {"text": markers[2]}, p["id"])
    assert store.search(markers[1].lower()[:8])
    wal = profile_dir / "store.db-wal"
    assert wal.exists() and wal.stat().st_size > 0  # checked while the WAL is live
    _assert_no_markers(profile_dir, markers)
    store.close()
    _assert_no_markers(profile_dir, markers)


def _assert_no_markers(directory: Path, markers: list[str]) -> None:
    for path in directory.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for m in markers:
                for enc in ("utf-8", "utf-16-le"):
                    assert m.encode(enc) not in data, f"{m} found in {path.name}"


def test_store_type_is_reexported() -> None:
    assert Store.__module__ == "mentor_desk.store.records"


def test_background_page_check_finds_damage_deep_in_the_file(profile_dir: Path) -> None:
    store_with_damage_in_the_middle(profile_dir, PASSPHRASE)
    try:
        store = Profile(profile_dir).unlock(PASSPHRASE)
    except StoreDamaged:
        return  # caught at unlock already: also fine
    assert store.page_check() != 0
    store.close()
