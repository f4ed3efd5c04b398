"""What a partner organisation's laptop shows and writes (issue 15, docs/partnership.md).

A partner's store holds only what the server lets it (``server/partner_scope.py``): the
directory and timetable, and of each participant in its reach the agreed fields — always
the ``reference``, typically the preferred name and ``shared_safety_flags``, never the given
or family name — with the attendance at its sessions and the referrals to its services.
These are the reads its screens need and the two writes it may make: attendance at its own
sessions, and its answer to a referral. Qt-free; each function runs on the store worker.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from mentor_desk.domain.validation import FieldError, ValidationFailed
from mentor_desk.domain.vocabulary import ATTENDED, PARTNER_ANSWERS
from mentor_desk.store.records import Record, Store

#: The fields a partner writes of a referral: its answer, and the status set to it.
ANSWER_CHANGES = ("partner_answer", "partner_reply", "answered_on", "status")


def organisation(store: Store) -> str:
    """The partner organisation this laptop's account belongs to ("" if none is known)."""
    return store.meta("organisation_id") or ""


def person_name(participant: Mapping[str, object]) -> str:
    """The preferred name when the agreement lets it come, else the reference."""
    preferred = str(participant.get("preferred_name") or "").strip()
    return preferred or str(participant.get("reference") or "")


def _flags(participant: Mapping[str, object]) -> tuple[str, ...]:
    raw = participant.get("shared_safety_flags") or []
    return tuple(str(f) for f in raw if str(f).strip()) if isinstance(raw, list) else ()


@dataclass(frozen=True)
class Attendee:
    """One person with attendance at a session, as the partner may see them."""

    participant_id: str
    reference: str
    name: str
    shared_flags: tuple[str, ...]
    last_attended_on: str


def my_sessions(store: Store) -> list[Record]:
    """The timetable's sessions that this laptop's organisation runs, by name."""
    org = organisation(store)
    if not org:
        return []
    return store.list(
        "activity_session", where={"run_by_organisation_id": org}, order_by=["name", "id"]
    )


def attendees(store: Store, session_id: str) -> list[Attendee]:
    """The people with attendance at ``session_id``, by name then reference."""
    last: dict[str, str] = {}
    for a in store.list("attendance", where={"session_id": session_id}):
        pid, when = str(a.get("participant_id") or ""), str(a.get("attended_on") or "")
        if pid and when >= last.get(pid, ""):
            last[pid] = when
    out = []
    for pid, when in last.items():
        p = store.get("participant", pid)
        if p is None:  # no longer in this partner's reach
            continue
        out.append(Attendee(pid, str(p.get("reference") or ""), person_name(p), _flags(p), when))
    return sorted(out, key=lambda a: (a.name.casefold(), a.reference))


def attendance_on(store: Store, session_id: str, day: str) -> dict[str, str]:
    """participant id → what was recorded for ``session_id`` on ``day`` (yes, late, no)."""
    rows = store.list("attendance", where={"session_id": session_id, "attended_on": day})
    return {str(a["participant_id"]): str(a.get("attended") or "") for a in rows}


def save_attendance(
    store: Store, session_id: str, day: str, marks: Mapping[str, str | None]
) -> int:
    """Record who came to ``session_id`` on ``day``, in one transaction; returns how many
    records were written. A person already recorded that day has their record changed
    (not a second one made); ``None`` leaves a person out."""
    wanted = {pid: m for pid, m in marks.items() if m is not None}
    bad = [m for m in wanted.values() if m not in ATTENDED]
    if bad:
        raise ValidationFailed("attendance", [FieldError("attended", "is not one of the choices")])
    written = 0
    with store.transaction():
        existing = {
            str(a["participant_id"]): a
            for a in store.list("attendance", where={"session_id": session_id, "attended_on": day})
        }
        for pid, mark in wanted.items():
            current = existing.get(pid)
            if current is None:
                store.create(
                    "attendance",
                    {
                        "participant_id": pid,
                        "session_id": session_id,
                        "attended_on": day,
                        "attended": mark,
                    },
                )
                written += 1
            elif current.get("attended") != mark:
                store.update("attendance", current["id"], {"attended": mark})
                written += 1
    return written


@dataclass(frozen=True)
class InboxRow:
    """One referral to one of this organisation's services."""

    referral_id: str
    participant_id: str
    reference: str
    name: str
    service: str
    referred_on: str
    kind: str
    status: str
    answer: str
    reply: str
    answered_on: str


def referral_inbox(store: Store) -> list[InboxRow]:
    """Referrals to the services this laptop's organisation runs, newest first."""
    org = organisation(store)
    if not org:
        return []
    services = {s["id"]: s for s in store.list("service", where={"run_by_organisation_id": org})}
    people: dict[str, Record | None] = {}
    out = []
    for sid, service in services.items():
        for r in store.list("referral", where={"service_id": sid}):
            pid = str(r.get("participant_id") or "")
            if pid not in people:
                people[pid] = store.get("participant", pid)
            p = people[pid]
            if p is None:
                continue
            out.append(
                InboxRow(
                    referral_id=r["id"],
                    participant_id=pid,
                    reference=str(p.get("reference") or ""),
                    name=person_name(p),
                    service=str(service.get("name") or ""),
                    referred_on=str(r.get("referred_on") or ""),
                    kind=str(r.get("kind") or ""),
                    status=str(r.get("status") or ""),
                    answer=str(r.get("partner_answer") or ""),
                    reply=str(r.get("partner_reply") or ""),
                    answered_on=str(r.get("answered_on") or ""),
                )
            )
    out.sort(key=lambda row: (row.referred_on, row.referral_id), reverse=True)
    return out


def answer_referral(
    store: Store, referral_id: str, answer: str, reply: str, today: date | None = None
) -> Record:
    """The partner's answer to a referral: only :data:`ANSWER_CHANGES` are written (so the
    outbox carries only them), the status set to the answer. A decline needs a reason."""
    reply = reply.strip()
    if answer not in PARTNER_ANSWERS:
        raise ValidationFailed("referral", [FieldError("partner_answer", "is not an answer")])
    if answer == "declined" and not reply:
        raise ValidationFailed("referral", [FieldError("partner_reply", "is needed to decline")])
    changes = {
        "partner_answer": answer,
        "partner_reply": reply or None,
        "answered_on": (today or date.today()).isoformat(),
        "status": answer,
    }
    return store.update("referral", referral_id, changes)
