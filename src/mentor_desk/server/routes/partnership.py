"""``/partnership``: the organisations, the information-sharing agreements between them, and
coordinators' consent overrides (issue 15, docs/partnership.md)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from mentor_desk.server import accounts, agreements
from mentor_desk.server.access import require_sync_role
from mentor_desk.server.deps import Caller, CurrentCaller, SessionDep
from mentor_desk.server.errors import responses
from mentor_desk.server.models import ConsentOverride, Organisation, SharingAgreement
from mentor_desk.server.routing import api_router
from mentor_desk.server.schemas import Line, OrganisationOut, Strict

router = api_router(prefix="/partnership", tags=["partnership"])

IsoDate = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")]
Id = Annotated[str, Field(pattern=r"^[0-9A-Za-z-]{1,36}$")]


class AgreementIn(Strict):
    from_organisation_id: Id
    to_organisation_id: Id
    purpose: Line = Field(min_length=1, max_length=2000)
    legal_basis: Literal["consent", "legitimate_interest", "public_task"]
    fields: list[Annotated[str, Field(pattern=r"^[a-z_]{1,40}\.[a-z_]{1,60}$")]] = Field(
        max_length=200
    )
    starts_on: IsoDate
    review_on: IsoDate | None = None
    ends_on: IsoDate | None = None
    signed_by: Line = Field(min_length=1, max_length=500)


class AgreementOut(BaseModel):
    id: str
    from_organisation_id: str
    to_organisation_id: str
    purpose: str
    legal_basis: str
    fields: list[str]
    starts_on: str
    review_on: str | None
    ends_on: str | None
    signed_by: str
    status: str  # live | not_started | ended | review_overdue, today
    updated_at: datetime

    @classmethod
    def of(cls, row: SharingAgreement) -> AgreementOut:
        return cls(
            id=row.id,
            from_organisation_id=row.from_organisation_id,
            to_organisation_id=row.to_organisation_id,
            purpose=row.purpose,
            legal_basis=row.legal_basis,
            fields=list(row.fields or []),
            starts_on=row.starts_on,
            review_on=row.review_on,
            ends_on=row.ends_on,
            signed_by=row.signed_by,
            status=agreements.status(row, accounts.now().date()),
            updated_at=row.updated_at,
        )


class PartnershipOut(BaseModel):
    organisations: list[OrganisationOut]
    agreements: list[AgreementOut]


class OverrideIn(Strict):
    participant_id: Id
    organisation_id: Id
    reason: Line = Field(min_length=10, max_length=2000)


class OverrideOut(BaseModel):
    id: str
    participant_id: str
    organisation_id: str
    reason: str
    by_user_id: str
    at: datetime
    ended_at: datetime | None

    @classmethod
    def of(cls, row: ConsentOverride) -> OverrideOut:
        return cls(
            id=row.id,
            participant_id=row.participant_id,
            organisation_id=row.organisation_id,
            reason=row.reason,
            by_user_id=row.by_user_id,
            at=row.at,
            ended_at=row.ended_at,
        )


def _audit(caller: Caller, session: SessionDep, action: str, ids: list[str]) -> None:
    accounts.audit(session, action, user=caller.user, device=caller.device, record_ids=ids)


@router.get("", responses=responses(401, 403))
def partnership(caller: CurrentCaller, session: SessionDep) -> PartnershipOut:
    """Everyone who syncs, and the administrator: who is in the partnership, and what flows."""
    if caller.user.role != "admin":
        require_sync_role(caller.user)
    orgs = session.query(Organisation).order_by(Organisation.name).all()
    return PartnershipOut(
        organisations=[OrganisationOut.of(o) for o in orgs],
        agreements=[AgreementOut.of(a) for a in agreements.agreements(session)],
    )


@router.post("/agreements", status_code=201, responses=responses(400, 401, 403, 413, 422))
def create_agreement(body: AgreementIn, caller: CurrentCaller, session: SessionDep) -> AgreementOut:
    row = agreements.save_agreement(session, caller.user, body.model_dump())
    accounts.audit(
        session,
        "partnership.agreement",
        user=caller.user,
        device=caller.device,
        record_ids=[row.id],
    )
    session.commit()
    return AgreementOut.of(row)


@router.put("/agreements/{agreement_id}", responses=responses(400, 401, 403, 404, 413, 422))
def update_agreement(
    agreement_id: Id, body: AgreementIn, caller: CurrentCaller, session: SessionDep
) -> AgreementOut:
    row = agreements.save_agreement(session, caller.user, body.model_dump(), agreement_id)
    accounts.audit(
        session,
        "partnership.agreement",
        user=caller.user,
        device=caller.device,
        record_ids=[row.id],
    )
    session.commit()
    return AgreementOut.of(row)


@router.get("/consent-overrides", responses=responses(401, 403))
def list_overrides(caller: CurrentCaller, session: SessionDep) -> list[OverrideOut]:
    return [OverrideOut.of(r) for r in agreements.overrides_of(session, caller.user)]


@router.post(
    "/consent-overrides", status_code=201, responses=responses(400, 401, 403, 404, 413, 422)
)
def create_override(body: OverrideIn, caller: CurrentCaller, session: SessionDep) -> OverrideOut:
    row = agreements.override(
        session, caller.user, body.participant_id, body.organisation_id, body.reason
    )
    accounts.audit(
        session,
        "partnership.consent_override",
        user=caller.user,
        device=caller.device,
        record_ids=[row.id, row.participant_id, row.organisation_id],
    )
    session.commit()
    return OverrideOut.of(row)


@router.post("/consent-overrides/{override_id}/end", responses=responses(401, 403, 404, 422))
def end_override(override_id: Id, caller: CurrentCaller, session: SessionDep) -> OverrideOut:
    row = agreements.end_override(session, caller.user, override_id)
    accounts.audit(
        session,
        "partnership.consent_override_end",
        user=caller.user,
        device=caller.device,
        record_ids=[row.id, row.participant_id],
    )
    session.commit()
    return OverrideOut.of(row)
