"""The partnership as this laptop last heard it from the server: a cache for offline use.

At the end of each successful sync cycle the engine asks the server for the partnership
(``GET /partnership``: the organisations and the information-sharing agreements between
them) and keeps the answer in the store's ``meta`` under :data:`CACHE_KEY`, with the time it
was fetched. The partnership screen reads only this cache, so it works at the pitch with no
connection; the agreement editor saves through the server and then refreshes the cache.

The answer is checked and trimmed to the keys the screens use before it is kept, so the
cache holds nothing the server did not mean for this screen. Qt-free.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from mentor_desk.store.records import Store
from mentor_desk.sync.protocol import ProtocolError, SyncError
from mentor_desk.sync.transport import Transport

log = logging.getLogger(__name__)
#: ``meta`` key of the cached partnership (JSON).
CACHE_KEY = "partnership"
ORGANISATION_KEYS = ("id", "name", "kind")
AGREEMENT_KEYS = (
    "id",
    "from_organisation_id",
    "to_organisation_id",
    "purpose",
    "legal_basis",
    "fields",
    "starts_on",
    "review_on",
    "ends_on",
    "signed_by",
    "status",
    "updated_at",
)
Db = Callable[[Callable[[Store], Any]], Any]


@dataclass(frozen=True)
class Partnership:
    """The cached partnership: who is in it, the agreements between them, and when fetched."""

    fetched_at: str  # ISO 8601, UTC
    organisations: tuple[dict[str, Any], ...]
    agreements: tuple[dict[str, Any], ...]

    def organisation(self, organisation_id: str | None) -> dict[str, Any] | None:
        return next((o for o in self.organisations if o["id"] == organisation_id), None)

    def agreement(self, agreement_id: str) -> dict[str, Any] | None:
        return next((a for a in self.agreements if a["id"] == agreement_id), None)

    def as_json(self) -> str:
        return json.dumps(
            {
                "fetched_at": self.fetched_at,
                "organisations": list(self.organisations),
                "agreements": list(self.agreements),
            },
            ensure_ascii=False,
        )


def _trimmed(row: Any, keys: tuple[str, ...]) -> dict[str, Any]:
    if not isinstance(row, Mapping) or not isinstance(row.get("id"), str) or not row["id"]:
        raise ProtocolError("partnership answer: a row without an id")
    out = {k: row.get(k) for k in keys}
    if "fields" in out:
        fields = out["fields"] or []
        if not isinstance(fields, list) or not all(isinstance(f, str) for f in fields):
            raise ProtocolError("partnership answer: fields is not a list of names")
        out["fields"] = sorted(fields)
    return out


def parse(answer: Mapping[str, Any], fetched_at: str) -> Partnership:
    """The server's answer as a :class:`Partnership` (raises ProtocolError if malformed)."""
    orgs, agreements = answer.get("organisations"), answer.get("agreements")
    if not isinstance(orgs, list) or not isinstance(agreements, list):
        raise ProtocolError("partnership answer: not organisations and agreements")
    return Partnership(
        fetched_at,
        tuple(_trimmed(o, ORGANISATION_KEYS) for o in orgs),
        tuple(_trimmed(a, AGREEMENT_KEYS) for a in agreements),
    )


def keep(store: Store, partnership: Partnership) -> None:
    """Write ``partnership`` into the store's meta (replacing the last one)."""
    with store.transaction():
        store.set_meta(CACHE_KEY, partnership.as_json())


def cached(store: Store) -> Partnership | None:
    """The partnership kept by the last sync, or None (never synced, or unreadable)."""
    text = store.meta(CACHE_KEY)
    if not text:
        return None
    try:
        data = json.loads(text)
        return parse(data, str(data["fetched_at"]))
    except (ValueError, KeyError, TypeError, ProtocolError):
        log.warning("the cached partnership could not be read; it is fetched at the next sync")
        return None


def now_utc() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def refresh(db: Db, transport: Transport) -> Partnership:
    """Fetch the partnership and keep it (on the calling thread; ``db`` reaches the store)."""
    partnership = parse(transport.partnership(), now_utc())
    db(lambda store: keep(store, partnership))
    log.info(
        "partnership kept: %d organisations, %d agreements",
        len(partnership.organisations),
        len(partnership.agreements),
    )
    return partnership


def save_agreement(
    db: Db, transport: Transport, body: dict[str, Any], agreement_id: str | None = None
) -> dict[str, Any]:
    """Save one agreement on the server, then bring the cache up to date.

    The server's answer is the saved agreement. The whole partnership is fetched again so
    that "as of" stays true; if that fetch fails, the saved agreement is put into the cache
    as it is (the next sync fetches the rest).
    """
    saved = transport.save_agreement(body, agreement_id)
    row = _trimmed(saved, AGREEMENT_KEYS)
    try:
        refresh(db, transport)
    except SyncError as exc:
        log.info("partnership not fetched after saving %s: %s", row["id"], type(exc).__name__)

        def merge(store: Store) -> None:
            old = cached(store)
            if old is None:
                return
            others = tuple(a for a in old.agreements if a["id"] != row["id"])
            keep(store, Partnership(old.fetched_at, old.organisations, (*others, row)))

        db(merge)
    return row
