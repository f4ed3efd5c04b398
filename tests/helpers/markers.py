"""Marker strings planted where personal data and secrets live, to prove they stay there.

``plant(store)`` writes them into a participant's names, a case note, a draft, the
account's names, the partnership's name and the server's token (all invented).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mentor_desk.store.records import Store

GIVEN = "Zqxdiagname"
FAMILY = "Vwkdiagfamily"
NOTE = "Jpldiagnote"
DRAFT = "Rtgdiagdraft"
ACTOR = "Hbndiagactor"
USERNAME = "Kmvdiaguser"
TOKEN = "Qjtdiagtoken7Hs9"  # short: no pattern masks it, only the report's own rules
ORG = "Wzpdiagorg"
URL_PATH = "Xcvdiagpath"  # for a server address with a path and a query (not synced to)
MARKERS = (GIVEN, FAMILY, NOTE, DRAFT, ACTOR, USERNAME, TOKEN, ORG)


@dataclass(frozen=True)
class Planted:
    participant_id: str
    note_id: str


def plant(store: Store, *, server_port: int = 9) -> Planted:
    """Markers everywhere; the profile looks joined to ``http://127.0.0.1:<server_port>``."""
    p = store.create(
        "participant",
        {
            "reference": store.new_reference(),
            "given_name": GIVEN,
            "family_name": FAMILY,
            "status": "active",
        },
    )
    note = store.create(
        "case_note",
        {
            "participant_id": p["id"],
            "occurred_at": "2026-11-20T10:00:00Z",
            "contact_kind": "phone",
            "text": f"Talked about {NOTE} and the week ahead.",
        },
    )
    store.save_draft("note:new", "case_note", {"text": DRAFT}, p["id"])
    with store.transaction():
        store.set_meta("actor_name", ACTOR)
        store.set_meta("server_username", USERNAME)
        store.set_meta("server_url", f"http://127.0.0.1:{server_port}")
        store.set_meta("server_device_id", "device-for-tests")
        store.set_meta("server_token", TOKEN)
        store.set_meta("user_id", "user-for-tests")
        store.set_meta("user_role", "mentor")
        store.set_meta("export_partnership", f"{ORG} partnership")
    return Planted(str(p["id"]), str(note["id"]))


def found_in(text: str) -> list[str]:
    """The markers that appear in ``text`` (case-insensitive)."""
    low = text.lower()
    return [m for m in MARKERS if m.lower() in low]


def found_in_files(folder: Path, pattern: str = "mentor-desk.log*") -> list[str]:
    found = []
    for path in sorted(folder.glob(pattern)):
        found += [f"{m} in {path.name}" for m in found_in(path.read_text(errors="replace"))]
    return found
