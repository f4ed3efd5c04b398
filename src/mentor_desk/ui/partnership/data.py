"""What the partnership screens show, read on the store worker (no widgets here).

The organisations and agreements come only from the cache the last sync kept
(:func:`mentor_desk.sync.partnership.cached`), so the screen works offline; the services and
sessions each organisation runs are the laptop's own directory and timetable records whose
``run_by_organisation_id`` names it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from mentor_desk.domain import partnership as rule
from mentor_desk.domain.vocabulary import ENTITIES
from mentor_desk.store.records import Store
from mentor_desk.store.role import acting_role
from mentor_desk.sync.partnership import Partnership, cached

#: Roles offered the agreement editor (the server checks again: only the administrator or a
#: coordinator of the lead organisation keeps agreements).
KEEPERS = frozenset({"coordinator", "admin"})


@dataclass(frozen=True)
class Offer:
    """A service or an activity session one organisation runs."""

    kind: str  # "service" or "activity_session"
    name: str
    detail: str  # what it offers, or when and where


@dataclass(frozen=True)
class PartnershipView:
    joined: bool
    role: str
    partnership: Partnership | None
    offers: dict[str, list[Offer]] = field(default_factory=dict)

    @property
    def may_keep(self) -> bool:
        return self.joined and self.role in KEEPERS


def _session_detail(rec: dict[str, Any]) -> str:
    when = " ".join(str(v) for v in (rec.get("weekday") or "", rec.get("time") or "") if v).strip()
    parts = [when.capitalize(), str(rec.get("on_date") or ""), str(rec.get("venue") or "")]
    return ", ".join(p for p in parts if p)


def load(store: Store) -> PartnershipView:
    """Everything the partnership screen shows."""
    joined = bool(store.meta("server_url"))
    offers: dict[str, list[Offer]] = {}
    for rec in store.list("service", order_by=["name"]):
        org = rec.get("run_by_organisation_id")
        if org:
            detail = " ".join(str(rec.get("offers") or "").split())
            offers.setdefault(str(org), []).append(Offer("service", str(rec["name"]), detail))
    for rec in store.list("activity_session", order_by=["name"]):
        org = rec.get("run_by_organisation_id")
        if org:
            offer = Offer("activity_session", str(rec["name"]), _session_detail(rec))
            offers.setdefault(str(org), []).append(offer)
    return PartnershipView(joined, acting_role(store), cached(store) if joined else None, offers)


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def status_of(agreement: dict[str, Any], today: date | None = None) -> str:
    """The agreement's status today (the server's word at fetch time may be days old)."""
    start = _day(agreement.get("starts_on"))
    if start is None:
        return str(agreement.get("status") or "")
    rule_view = rule.Agreement(
        str(agreement["id"]),
        str(agreement.get("from_organisation_id")),
        str(agreement.get("to_organisation_id")),
        frozenset(agreement.get("fields") or ()),
        start,
        _day(agreement.get("review_on")),
        _day(agreement.get("ends_on")),
    )
    return rule_view.status(today or date.today())


def field_groups(names: list[str] | None = None) -> list[tuple[str, list[tuple[str, str]]]]:
    """``names`` (default: every field an agreement may list) grouped by record type, in
    vocabulary order: [(record type label, [("entity.field", field label), …]), …]."""
    chosen = rule.shareable_fields() if names is None else names
    order = {n: i for i, n in enumerate(rule.shareable_fields())}
    known = sorted((n for n in chosen if n in order), key=order.__getitem__)
    groups = []
    for ent_name, members in itertools.groupby(known, key=lambda n: n.partition(".")[0]):
        ent = ENTITIES[ent_name]
        groups.append((ent.label, [(n, ent.field(n.partition(".")[2]).label) for n in members]))
    return groups
