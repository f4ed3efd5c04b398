"""What a partner organisation's account may see and change (issue 15, docs/partnership.md).

A *partner* (a session leader at a football trust, a worker at a housing service) works on
two kinds of record only: the attendance at its organisation's sessions and the referrals to
its organisation's services (``run_by_organisation_id`` of the session or service). A
participant is in a partner's reach when

1. a live referral to one of its services, or a live attendance at one of its sessions,
   names them, **and**
2. a live information-sharing agreement from the participant's organisation to the
   partner's lists fields, **and**
3. the participant's consent in force names the partner's organisation (or a coordinator
   recorded an override, with a reason).

Of such a participant the partner holds exactly
:func:`mentor_desk.domain.partnership.project` of each record: the agreed fields, plus what
its own work needs. Everyone else, and every other record, is answered like an unknown id
(404). The rule itself is :mod:`mentor_desk.domain.partnership`; this module reads the
database for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentor_desk.domain import Entity
from mentor_desk.domain import partnership as rule
from mentor_desk.domain.vocabulary import PARTNER_ANSWERS
from mentor_desk.server.errors import ApiError, not_found
from mentor_desk.server.models import (
    ConsentOverride,
    ParticipantScope,
    Record,
    SharingAgreement,
    User,
)


def agreement_of(row: SharingAgreement) -> rule.Agreement:
    return rule.Agreement(
        id=row.id,
        from_organisation_id=row.from_organisation_id,
        to_organisation_id=row.to_organisation_id,
        fields=frozenset(row.fields or ()),
        starts_on=date.fromisoformat(row.starts_on),
        review_on=date.fromisoformat(row.review_on) if row.review_on else None,
        ends_on=date.fromisoformat(row.ends_on) if row.ends_on else None,
    )


def agreements_to(session: Session, organisation_id: str) -> list[rule.Agreement]:
    rows = session.scalars(
        select(SharingAgreement).where(SharingAgreement.to_organisation_id == organisation_id)
    )
    return [agreement_of(r) for r in rows]


def overridden(session: Session, organisation_id: str, participant_ids: Iterable[str]) -> set[str]:
    """The participants a coordinator shared with ``organisation_id`` without consent."""
    ids = sorted(set(participant_ids))
    if not ids:
        return set()
    return set(
        session.scalars(
            select(ConsentOverride.participant_id).where(
                ConsentOverride.organisation_id == organisation_id,
                ConsentOverride.ended_at.is_(None),
                ConsentOverride.participant_id.in_(ids),
            )
        )
    )


def _run_by(session: Session, entity: str, organisation_id: str) -> set[str]:
    """Live services or sessions that ``organisation_id`` runs (the directory is small)."""
    rows = session.execute(
        select(Record.id, Record.data).where(Record.entity == entity, Record.deleted.is_(False))
    )
    return {
        rid for rid, data in rows if (data or {}).get("run_by_organisation_id") == organisation_id
    }


@dataclass
class Reach:
    """One partner's reach today: participant id → the fields it may hold of them."""

    organisation_id: str
    services: set[str] = field(default_factory=set)
    sessions: set[str] = field(default_factory=set)
    participants: dict[str, frozenset[str]] = field(default_factory=dict)

    def owns(self, entity: str, data: Mapping[str, Any]) -> bool:
        """``data`` (a referral or an attendance) is this partner's own work."""
        if entity == "referral":
            return data.get("service_id") in self.services
        if entity == "attendance":
            return data.get("session_id") in self.sessions
        return False


def reach(session: Session, user: User, today: date) -> Reach:
    """Who and what ``user`` (a partner) may see today (see the module docstring)."""
    org = user.organisation_id
    if user.role != "partner" or org is None:
        return Reach(organisation_id=org or "")
    out = Reach(
        organisation_id=org,
        services=_run_by(session, "service", org),
        sessions=_run_by(session, "activity_session", org),
    )
    candidates: set[str] = set()
    for entity, targets in (("referral", out.services), ("attendance", out.sessions)):
        key, _ = rule.WORK_TARGET[entity]
        if not targets:
            continue
        rows = session.execute(
            select(Record.participant_id, Record.data).where(
                Record.entity == entity, Record.deleted.is_(False)
            )
        )
        candidates |= {str(pid) for pid, data in rows if pid and (data or {}).get(key) in targets}
    if not candidates:
        return out
    agreements = agreements_to(session, org)
    if not agreements:
        return out
    ids = sorted(candidates)
    home = dict(
        session.execute(
            select(ParticipantScope.participant_id, ParticipantScope.organisation_id).where(
                ParticipantScope.participant_id.in_(ids)
            )
        ).all()
    )
    consents: dict[str, list[dict[str, Any]]] = {pid: [] for pid in ids}
    for pid, data, deleted, created in session.execute(
        select(Record.participant_id, Record.data, Record.deleted, Record.created_at).where(
            Record.entity == "consent", Record.participant_id.in_(ids)
        )
    ):
        consents[str(pid)].append({**(data or {}), "deleted": deleted, "created_at": str(created)})
    live_people = set(
        session.scalars(
            select(Record.id).where(
                Record.entity == "participant", Record.id.in_(ids), Record.deleted.is_(False)
            )
        )
    )
    forced = overridden(session, org, ids)
    for pid in ids:
        if pid not in live_people:
            continue
        allowed = rule.allowed_fields(
            agreements, consents[pid], home.get(pid), org, today, overridden=pid in forced
        )
        if allowed:
            out.participants[pid] = allowed
    return out


def held(session: Session, r: Reach) -> dict[tuple[str, str], tuple[Record, dict[str, Any]]]:
    """(entity, id) → the record and the fields of it the partner may hold now."""
    out: dict[tuple[str, str], tuple[Record, dict[str, Any]]] = {}
    ids = sorted(r.participants)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        wanted = {"participant", *rule.PARTNER_WORK}
        for allowed in (r.participants[p] for p in chunk):
            wanted |= rule.entities_of(allowed)
        rows = session.scalars(
            select(Record).where(
                Record.entity.in_(sorted(wanted)),
                Record.participant_id.in_(chunk),
                Record.deleted.is_(False),
            )
        )
        for rec in rows:
            pid = str(rec.participant_id)
            allowed = r.participants[pid]
            if rec.entity in rule.PARTNER_WORK and rec.entity != "participant":
                if not r.owns(rec.entity, rec.data):
                    continue
            elif rec.entity not in rule.entities_of(allowed) and rec.entity != "participant":
                continue
            out[(rec.entity, rec.id)] = (rec, rule.project(rec.entity, rec.data, allowed))
    return out


# --- writes ----------------------------------------------------------------------------------

#: What a partner may write of a referral to one of its services: its answer, and the
#: referral's status set to that answer (so the mentor's caseload shows it).
ANSWER_FIELDS = rule.PARTNER_ANSWER_FIELDS | {"status"}


def _refused(detail: str) -> ApiError:
    return ApiError(403, "forbidden", detail)


def check_write(
    session: Session,
    user: User,
    ent: Entity,
    fields: Mapping[str, Any],
    existing: Record | None,
    op: str,
    today: date,
) -> None:
    """Raise unless a partner may make this change: attendance at its own sessions for a
    participant in its reach, or its answer to a referral to one of its services."""
    r = reach(session, user, today)
    if ent.name not in rule.PARTNER_WORK or ent.name == "participant":
        if existing is not None and existing.participant_id not in r.participants:
            raise not_found()
        raise _refused(
            "A partner organisation records attendance at its own sessions and answers "
            "referrals to its own services; nothing else."
        )
    current = existing.data if existing is not None and not existing.deleted else None
    pid = str(
        (existing.participant_id if existing is not None else fields.get("participant_id")) or ""
    )
    if pid not in r.participants or (current is not None and not r.owns(ent.name, current)):
        raise not_found()
    if ent.name == "attendance":
        after = {**(current or {}), **fields}
        if not r.owns("attendance", after):
            raise not_found("session")
        return
    # a referral: answered, never made, moved or deleted by the partner
    if current is None or op == "delete":
        raise _refused("Only the mentor makes or deletes a referral; you may answer it.")
    others = sorted(k for k, v in fields.items() if k not in ANSWER_FIELDS and current.get(k) != v)
    if others:
        raise _refused("A partner may only answer a referral: " + ", ".join(others) + ".")
    status = fields.get("status", current.get("status"))
    if "status" in fields and status not in PARTNER_ANSWERS:
        raise _refused("A partner sets a referral's status only to its answer.")
