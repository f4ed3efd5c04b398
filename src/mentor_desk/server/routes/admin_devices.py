"""Devices: list and revoke (a revoked laptop wipes itself at its next contact)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Query
from sqlalchemy import select

from mentor_desk.server import accounts
from mentor_desk.server.access import not_found, require_admin_or_coordinator
from mentor_desk.server.deps import CurrentCaller, SessionDep
from mentor_desk.server.errors import responses
from mentor_desk.server.models import Device, User
from mentor_desk.server.routing import api_router
from mentor_desk.server.schemas import DeviceOut

router = api_router(prefix="/admin/devices", tags=["admin"])


@router.get("", responses=responses(401, 403, 422))
def list_devices(
    caller: CurrentCaller,
    session: SessionDep,
    user_id: Annotated[uuid.UUID | None, Query()] = None,
) -> list[DeviceOut]:
    require_admin_or_coordinator(caller.user)
    query = select(Device).join(User, User.id == Device.user_id).order_by(Device.created_at)
    if caller.role == "coordinator":
        query = query.where(User.organisation_id == caller.user.organisation_id)
    if user_id is not None:
        query = query.where(Device.user_id == str(user_id))
    return [DeviceOut.of(d) for d in session.scalars(query)]


@router.post("/{device_id}/revoke", responses=responses(401, 403, 404, 422))
def revoke_device(device_id: uuid.UUID, caller: CurrentCaller, session: SessionDep) -> DeviceOut:
    require_admin_or_coordinator(caller.user)
    device = session.get(Device, str(device_id))
    owner = session.get(User, device.user_id) if device else None
    if device is None or owner is None:
        raise not_found("device")
    if caller.role == "coordinator" and owner.organisation_id != caller.user.organisation_id:
        raise not_found("device")
    accounts.revoke_device(session, device)
    accounts.audit(
        session,
        "admin.revoke_device",
        user=caller.user,
        device=caller.device,
        record_ids=[device.id],
    )
    session.commit()
    return DeviceOut.of(device)
