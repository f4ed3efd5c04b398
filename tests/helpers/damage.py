"""Real damage to a real store file, for the integrity tests."""

from __future__ import annotations

from pathlib import Path

from mentor_desk.store import KdfParams, Profile


def store_with_damage_in_the_middle(profile_dir: Path, passphrase: str) -> None:
    """A store with a few hundred notes, then 16 bytes zeroed in a page in the middle of the
    file — past the pages unlock touches, so only the full page check can find it."""
    store = Profile(profile_dir).create(passphrase, kdf=KdfParams.fast_for_tests())
    pid = store.create(
        "participant",
        {"reference": "R-1", "given_name": "A", "family_name": "B", "status": "active"},
    )["id"]
    for i in range(300):
        store.create(
            "case_note",
            {
                "participant_id": pid,
                "occurred_at": "2026-11-20T10:00:00Z",
                "contact_kind": "phone",
                "text": f"note {i} " + "x" * 500,
            },
        )
    assert store.page_check() == 0
    store.close()
    db = profile_dir / "store.db"
    data = bytearray(db.read_bytes())
    middle = (len(data) // 4096 // 2) * 4096 + 100
    data[middle : middle + 16] = bytes(16)
    db.write_bytes(bytes(data))
