"""Who may see what (SPEC.md §1, §5).

- mentor: participants whose ``assigned_mentor_id`` is their user id, and those
  participants' records; the shared service directory and timetable.
- coordinator: every participant of their organisation and its records; writes the shared
  directory and timetable; assigns participants.
- admin: accounts, devices and policy; no case records.

A participant (or record) outside the caller's scope is answered exactly like one that does
not exist (404), so ids cannot be probed.
"""

from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from mentor_desk.server.errors import ApiError, forbidden
from mentor_desk.server.models import ParticipantScope, User

CASE_ROLES = ("mentor", "coordinator")
#: Who syncs a laptop: the case roles, and partners (their narrow reach: partner_scope.py).
SYNC_ROLES = (*CASE_ROLES, "partner")


def require_case_role(user: User) -> None:
    if user.role not in CASE_ROLES:
        raise forbidden("Only mentors and coordinators work with case records.")


def require_sync_role(user: User) -> None:
    if user.role not in SYNC_ROLES:
        raise forbidden("Only mentors, coordinators and partners sync a laptop.")


def require_coordinator(user: User) -> None:
    if user.role != "coordinator":
        raise forbidden("Only a coordinator may do this.")


def require_admin(user: User) -> None:
    if user.role != "admin":
        raise forbidden("Only an administrator may do this.")


def require_admin_or_coordinator(user: User) -> None:
    if user.role not in ("admin", "coordinator"):
        raise forbidden("Only administrators and coordinators may do this.")


def scope_filter(user: User) -> Select[ParticipantScope]:
    """The participant scope rows ``user`` may see."""
    query = select(ParticipantScope)
    if user.role == "mentor":
        return query.where(ParticipantScope.assigned_mentor_id == user.id)
    if user.role == "coordinator" and user.organisation_id is not None:
        return query.where(ParticipantScope.organisation_id == user.organisation_id)
    return query.where(ParticipantScope.participant_id.is_(None))  # nothing


def in_scope(session: Session, user: User, participant_id: str) -> ParticipantScope | None:
    """The scope row of ``participant_id`` if ``user`` may see that participant."""
    query = scope_filter(user).where(ParticipantScope.participant_id == participant_id)
    return session.scalar(query)


def can_see(user: User, scope: ParticipantScope) -> bool:
    if user.role == "mentor":
        return scope.assigned_mentor_id == user.id
    if user.role == "coordinator":
        return user.organisation_id is not None and scope.organisation_id == user.organisation_id
    return False


def not_found(what: str = "record") -> ApiError:
    return ApiError(404, "not_found", f"No such {what}.")
