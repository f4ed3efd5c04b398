"""The one rule for what one organisation of the partnership may see of another's records.

SPEC.md §4a, issue 15. Plain Python, shared by the server (which enforces it on every pull
and push), the desktop's partnership screens and the tests.

**An information-sharing agreement (ISA) is the only way** a record of one organisation
reaches another. It names who shares (``from_organisation_id``) with whom
(``to_organisation_id``), for what purpose, on which legal basis, and exactly which fields
flow: an allow-list of ``"entity.field"`` names drawn from the record vocabulary. It is
*live* from its start date up to and including its end date and its review date: an
agreement not reviewed in time stops the flow exactly as one that ended (the receiving
laptops lose what they may no longer see at their next sync).

**The participant's consent narrows it, per partner**: nothing of a participant flows to an
organisation the latest consent in force does not name in ``share_with_organisations``
(:mod:`mentor_desk.domain.consent` decides which consent is in force), or does not allow
sharing with the partnership at all (``share_with_server``), unless a coordinator
recorded an override with a reason (audited on the server).

**Some things never flow**, whatever an agreement says (:data:`NEVER_SHARED`): the
mentor's case notes and their amendments, and the safety flags that were not marked
"session leaders may see" (``participant.safety_flags``; the shareable ones are
``participant.shared_safety_flags``).

What a partner then gets of one participant is :func:`project`: the agreed fields, plus the
references and required fields its own work needs (see :data:`PARTNER_WORK`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from mentor_desk.domain import consent as consent_rule
from mentor_desk.domain.vocabulary import ENTITIES

LEGAL_BASES = ("consent", "legitimate_interest", "public_task")
#: What an organisation is to the partnership (the partnership screen groups by it).
ORGANISATION_KINDS = (
    "lead",
    "sport",
    "probation",
    "housing",
    "recovery",
    "training",
    "employment",
    "other",
)
#: Never shared with another organisation, whatever an agreement lists: whole record types
#: (``"case_note"``) or single fields (``"participant.safety_flags"``).
NEVER_SHARED = frozenset(
    {
        "case_note",
        "note_amendment",
        "participant.safety_flags",
        "risk_assessment.flags",
        "risk_assessment.risks_to_mentor",
        "risk_assessment.risks_to_others",
        "risk_assessment.triggers",
    }
)
#: The records a partner works on, and the fields it always gets of them (their references,
#: the fields a valid record needs, and its own answer): a referral to one of its services,
#: an attendance at one of its sessions.
PARTNER_WORK: dict[str, frozenset[str]] = {
    # The reference (never a name) always comes, so that partner and mentor can speak of
    # the same person.
    "participant": frozenset({"reference"}),
    "referral": frozenset(
        {
            "participant_id",
            "service_id",
            "referred_on",
            "kind",
            "status",
            "partner_answer",
            "partner_reply",
            "answered_on",
        }
    ),
    "attendance": frozenset({"participant_id", "session_id", "attended_on", "attended"}),
}
#: The fields of a referral the receiving organisation writes (its answer).
PARTNER_ANSWER_FIELDS = frozenset({"partner_answer", "partner_reply", "answered_on"})
#: Where a partner record points to say which organisation's work it is.
WORK_TARGET = {
    "referral": ("service_id", "service"),
    "attendance": ("session_id", "activity_session"),
}


def shareable(name: str) -> bool:
    """``"entity.field"`` is a declared field that an agreement may list."""
    ent_name, _, field_name = name.partition(".")
    ent = ENTITIES.get(ent_name)
    if ent is None or not ent.scoped or not ent.has(field_name):
        return False
    return ent_name not in NEVER_SHARED and name not in NEVER_SHARED


def field_problems(fields: Iterable[str]) -> list[str]:
    """Why each listed field may not be in an agreement (empty when all may)."""
    problems = []
    for name in fields:
        ent_name, _, field_name = name.partition(".")
        ent = ENTITIES.get(ent_name)
        if ent is None or not ent.has(field_name):
            problems.append(f"{name}: not a field of the record vocabulary")
        elif not ent.scoped:
            problems.append(f"{name}: the directory and timetable are shared with everyone")
        elif ent_name in NEVER_SHARED or name in NEVER_SHARED:
            problems.append(f"{name}: never shared with another organisation")
    return problems


def shareable_fields() -> list[str]:
    """Every ``"entity.field"`` an agreement may list, in vocabulary order."""
    return [
        f"{ent.name}.{f.name}"
        for ent in ENTITIES.values()
        for f in ent.fields
        if shareable(f"{ent.name}.{f.name}")
    ]


@dataclass(frozen=True)
class Agreement:
    """One information-sharing agreement, as the rule needs it."""

    id: str
    from_organisation_id: str
    to_organisation_id: str
    fields: frozenset[str]
    starts_on: date
    review_on: date | None = None
    ends_on: date | None = None

    def live(self, today: date) -> bool:
        """In force today: started, not ended, and not past its review date."""
        if today < self.starts_on:
            return False
        if self.ends_on is not None and today > self.ends_on:
            return False
        return not (self.review_on is not None and today > self.review_on)

    def status(self, today: date) -> str:
        """ "live", "not_started", "ended" or "review_overdue" (for the partnership screen)."""
        if today < self.starts_on:
            return "not_started"
        if self.ends_on is not None and today > self.ends_on:
            return "ended"
        if self.review_on is not None and today > self.review_on:
            return "review_overdue"
        return "live"


def agreed_fields(
    agreements: Iterable[Agreement], from_org: str | None, to_org: str, today: date
) -> frozenset[str]:
    """What the live agreements from ``from_org`` to ``to_org`` let flow (never-shared fields
    taken out, even if an agreement lists them)."""
    if from_org is None or from_org == to_org:
        return frozenset()
    names: set[str] = set()
    for a in agreements:
        if a.from_organisation_id == from_org and a.to_organisation_id == to_org and a.live(today):
            names |= a.fields
    return frozenset(n for n in names if shareable(n))


def consents_to(consents: Iterable[Mapping[str, Any]], organisation_id: str) -> bool:
    """The consent in force allows sharing with the partnership at all ("Share with other
    organisations in the partnership", docs/data-protection.md) and names
    ``organisation_id`` among the partners to share with."""
    current = consent_rule.in_force(list(consents))
    if current is None or not current.get("share_with_server"):
        return False
    return organisation_id in {str(o) for o in current.get("share_with_organisations") or []}


def allowed_fields(
    agreements: Iterable[Agreement],
    consents: Iterable[Mapping[str, Any]],
    from_org: str | None,
    to_org: str,
    today: date,
    *,
    overridden: bool = False,
) -> frozenset[str]:
    """What of one participant of ``from_org`` may reach ``to_org`` today: the agreed fields,
    and nothing at all without the participant's consent for ``to_org`` (or a coordinator's
    recorded override)."""
    agreed = agreed_fields(agreements, from_org, to_org, today)
    if not agreed or not (overridden or consents_to(consents, to_org)):
        return frozenset()
    return agreed


def entities_of(allowed: Collection[str]) -> frozenset[str]:
    """The record types with at least one allowed field."""
    return frozenset(n.partition(".")[0] for n in allowed)


def project(entity_name: str, data: Mapping[str, Any], allowed: Collection[str]) -> dict[str, Any]:
    """The part of one record a partner may hold: the allowed fields of its type, plus, for
    its own work (:data:`PARTNER_WORK`), the references and required fields; for any other
    scoped record its ``participant_id``. Nothing else, whatever ``data`` holds."""
    keep = {n.partition(".")[2] for n in allowed if n.partition(".")[0] == entity_name}
    keep |= PARTNER_WORK.get(entity_name, frozenset())
    if entity_name != "participant":
        keep.add("participant_id")
    ent = ENTITIES[entity_name]
    return {k: v for k, v in data.items() if k in keep and ent.has(k)}
