"""Organisations of the partnership, for administrators."""

from __future__ import annotations

from sqlalchemy import select

from mentor_desk.server import accounts
from mentor_desk.server.access import require_admin
from mentor_desk.server.deps import CurrentCaller, SessionDep
from mentor_desk.server.errors import responses
from mentor_desk.server.models import Organisation
from mentor_desk.server.routing import api_router
from mentor_desk.server.schemas import OrganisationIn, OrganisationOut

router = api_router(prefix="/admin/organisations", tags=["admin"])


@router.get("", responses=responses(401, 403))
def list_organisations(caller: CurrentCaller, session: SessionDep) -> list[OrganisationOut]:
    require_admin(caller.user)
    query = select(Organisation).order_by(Organisation.name)
    return [OrganisationOut.of(o) for o in session.scalars(query)]


@router.post("", status_code=201, responses=responses(400, 401, 403, 409, 413, 422))
def create_organisation(
    body: OrganisationIn, caller: CurrentCaller, session: SessionDep
) -> OrganisationOut:
    require_admin(caller.user)
    org = accounts.create_organisation(session, body.name, body.kind)
    accounts.audit(
        session,
        "admin.create_organisation",
        user=caller.user,
        device=caller.device,
        record_ids=[org.id],
    )
    session.commit()
    return OrganisationOut.of(org)
