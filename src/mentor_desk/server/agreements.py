"""Information-sharing agreements and consent overrides: kept, checked and listed
(issue 15; the rule they feed is :mod:`mentor_desk.domain.partnership`).

An agreement is kept by the administrator or a coordinator of a *lead* organisation (the
one whose mentors hold the case records). A consent override — one participant's records
may reach one partner organisation without their recorded consent — is made by a
coordinator of the participant's own organisation, always with a reason, and audited.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mentor_desk.domain import partnership as rule
from mentor_desk.domain.ids import uuid7
from mentor_desk.server import accounts
from mentor_desk.server.access import not_found
from mentor_desk.server.errors import ApiError, FieldProblem, forbidden
from mentor_desk.server.models import (
    ConsentOverride,
    Organisation,
    ParticipantScope,
    SharingAgreement,
    User,
)
from mentor_desk.server.partner_scope import agreement_of


def require_keeper(session: Session, user: User) -> None:
    """403 unless ``user`` may keep agreements: an administrator, or a coordinator of a
    lead organisation."""
    if user.role == "admin":
        return
    if user.role == "coordinator" and user.organisation_id is not None:
        org = session.get(Organisation, user.organisation_id)
        if org is not None and org.kind == "lead":
            return
    raise forbidden(
        "Only an administrator or a coordinator of the lead organisation keeps agreements."
    )


def _problems(session: Session, body: dict[str, Any]) -> list[FieldProblem]:
    out: list[FieldProblem] = []
    orgs = {body["from_organisation_id"], body["to_organisation_id"]}
    for key in ("from_organisation_id", "to_organisation_id"):
        if session.get(Organisation, body[key]) is None:
            out.append(FieldProblem(field=key, message="does not name an organisation"))
    if len(orgs) == 1:
        out.append(FieldProblem(field="to_organisation_id", message="must be another organisation"))
    if body["legal_basis"] not in rule.LEGAL_BASES:
        out.append(
            FieldProblem(
                field="legal_basis", message="must be one of " + ", ".join(rule.LEGAL_BASES)
            )
        )
    for problem in rule.field_problems(body["fields"]):
        out.append(FieldProblem(field="fields", message=problem))
    if not body["fields"]:
        out.append(FieldProblem(field="fields", message="must list at least one field"))
    days: dict[str, date] = {}
    for key in ("starts_on", "review_on", "ends_on"):
        value = body.get(key)
        if value is None:
            continue
        try:
            days[key] = date.fromisoformat(value)
        except ValueError:
            out.append(FieldProblem(field=key, message="must be a date like 2026-12-03"))
    start = days.get("starts_on")
    for key in ("review_on", "ends_on"):
        if start is not None and key in days and days[key] < start:
            out.append(FieldProblem(field=key, message="must not be before the start date"))
    if not str(body.get("signed_by") or "").strip():
        out.append(FieldProblem(field="signed_by", message="must say who signed it"))
    return out


def _check(session: Session, body: dict[str, Any]) -> None:
    problems = _problems(session, body)
    if problems:
        detail = "; ".join(f"{p.field}: {p.message}" for p in problems)
        raise ApiError(422, "validation_error", detail, fields=problems)


def save_agreement(
    session: Session, user: User, body: dict[str, Any], agreement_id: str | None = None
) -> SharingAgreement:
    """Create (``agreement_id`` None) or replace one agreement, checked whole."""
    require_keeper(session, user)
    body = {**body, "fields": sorted(set(body.get("fields") or []))}
    _check(session, body)
    now = accounts.now()
    if agreement_id is None:
        row = SharingAgreement(id=uuid7(), created_at=now)
        session.add(row)
    else:
        found = session.get(SharingAgreement, agreement_id)
        if found is None:
            raise not_found("agreement")
        row = found
    for key in (
        "from_organisation_id",
        "to_organisation_id",
        "purpose",
        "legal_basis",
        "fields",
        "starts_on",
        "review_on",
        "ends_on",
        "signed_by",
    ):
        setattr(row, key, body.get(key))
    row.updated_at = now
    row.updated_by = user.id
    session.flush()
    return row


def agreements(session: Session) -> list[SharingAgreement]:
    return list(
        session.scalars(
            select(SharingAgreement).order_by(SharingAgreement.starts_on, SharingAgreement.id)
        )
    )


def status(row: SharingAgreement, today: date) -> str:
    return agreement_of(row).status(today)


# --- consent overrides -----------------------------------------------------------------------


def override(
    session: Session, user: User, participant_id: str, organisation_id: str, reason: str
) -> ConsentOverride:
    """A coordinator of the participant's organisation lets their records reach
    ``organisation_id`` (still only as far as an agreement allows) without consent."""
    if user.role != "coordinator":
        raise forbidden("Only a coordinator may override consent.")
    scope = session.get(ParticipantScope, participant_id)
    if scope is None or scope.organisation_id != user.organisation_id:
        raise not_found("participant")
    if (
        session.get(Organisation, organisation_id) is None
        or organisation_id == scope.organisation_id
    ):
        raise ApiError(
            422,
            "validation_error",
            "organisation_id: must name another organisation of the partnership",
            fields=[FieldProblem(field="organisation_id", message="must name a partner")],
        )
    row = ConsentOverride(
        id=uuid7(),
        participant_id=participant_id,
        organisation_id=organisation_id,
        reason=reason.strip(),
        by_user_id=user.id,
        at=accounts.now(),
    )
    session.add(row)
    session.flush()
    return row


def end_override(session: Session, user: User, override_id: str) -> ConsentOverride:
    row = session.get(ConsentOverride, override_id)
    scope = session.get(ParticipantScope, row.participant_id) if row is not None else None
    if (
        row is None
        or user.role != "coordinator"
        or scope is None
        or scope.organisation_id != user.organisation_id
    ):
        raise not_found("override")
    if row.ended_at is None:
        row.ended_at = accounts.now()
    return row


def overrides_of(session: Session, user: User) -> list[ConsentOverride]:
    """The live overrides a coordinator's organisation made."""
    if user.role != "coordinator":
        raise forbidden("Only a coordinator sees consent overrides.")
    return list(
        session.scalars(
            select(ConsentOverride)
            .join(
                ParticipantScope, ParticipantScope.participant_id == ConsentOverride.participant_id
            )
            .where(
                ParticipantScope.organisation_id == user.organisation_id,
                ConsentOverride.ended_at.is_(None),
            )
            .order_by(ConsentOverride.at)
        )
    )
