"""The participant's own action plan, as a PDF they can read and an editable ODT.

Plain language, large type in the bundled legible font, in the first person ("My plan"):
their goals in their own words and why they matter, the next steps with who does them and
by when, what is coming up, the places that can help and how to reach them, and their
mentor's first name and work contact.

What the plan reads is listed in :func:`collect_plan`, field by field, and nothing else:
never case notes or amendments, safety flags, checklist notes (the immediate-risks note
among them), referral outcome notes, reviews, or any other participant.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from PySide6.QtGui import QTextDocument

from mentor_desk.domain.validation import parse_date, parse_datetime
from mentor_desk.export import log
from mentor_desk.export.common import (
    QT_TRANSLATE_NOOP,
    ExportError,
    first_name,
    path_hint,
    plain_date,
    plain_datetime,
    today_local,
    translate,
    write_bytes,
)
from mentor_desk.export.document import LARGE_BODY_PT, e, make_document, odt_bytes, pdf_bytes
from mentor_desk.export.document import template as load_template
from mentor_desk.store.records import Record, Store

GOAL_STATUS_WORDS = {
    "not_started": QT_TRANSLATE_NOOP("PlanPdf", "Not started yet"),
    "in_progress": QT_TRANSLATE_NOOP("PlanPdf", "Working on it"),
    "achieved": QT_TRANSLATE_NOOP("PlanPdf", "Done"),
    "stopped": QT_TRANSLATE_NOOP("PlanPdf", "Stopped"),
}
#: Referrals that did not happen are not "places that can help" any more.
_DEAD_REFERRALS = ("declined",)


@dataclass(frozen=True)
class Step:
    what: str
    who: str
    due: str


@dataclass(frozen=True)
class Goal:
    text: str
    why: str
    target: str
    status: str
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Appointment:
    when: str
    what: str
    where: str
    sort_key: str


@dataclass(frozen=True)
class ServiceContact:
    name: str
    offers: str
    phone: str
    address: str
    opening_times: str
    website: str
    email: str


@dataclass(frozen=True)
class PlanData:
    """Everything the plan shows, already chosen; rendering adds nothing from the store."""

    participant_id: str
    name: str
    partnership: str
    mentor_name: str
    mentor_contact: str
    made_on: str
    goals: tuple[Goal, ...] = ()
    achieved: tuple[Goal, ...] = ()
    appointments: tuple[Appointment, ...] = ()
    services: tuple[ServiceContact, ...] = field(default_factory=tuple)


def _participant(store: Store, participant_id: str) -> Record:
    person = store.get("participant", participant_id)
    if person is None:
        raise ExportError(translate("Document", "That participant is not in this store."))
    return person


def mentor_first_name(store: Store, person: Record) -> str:
    """The participant's mentor's first name (assigned mentor, else the user)."""
    return (
        first_name(person.get("assigned_mentor_name"))
        or first_name(store.meta("actor_name"))
        or translate("PlanPdf", "your mentor")
    )


def _who(step: Record, mentor: str) -> str:
    who = step.get("who")
    if who == "participant":
        return translate("PlanPdf", "Me")
    if who == "mentor":
        return mentor
    if who == "partner":
        return str(step.get("partner_name") or translate("PlanPdf", "A partner"))
    return ""


def collect_plan(
    store: Store,
    participant_id: str,
    *,
    partnership: str,
    mentor_contact: str,
    today: date | None = None,
    now: datetime | None = None,
) -> PlanData:
    """Read what the plan shows from the store (run on the store's worker thread)."""
    today = today or today_local()
    now = now or datetime.now(UTC)
    person = _participant(store, participant_id)
    mentor = mentor_first_name(store, person)

    goals: list[Goal] = []
    achieved: list[Goal] = []
    for g in store.list("goal", participant_id=participant_id, order_by=("position", "created_at")):
        if g["status"] == "stopped":
            continue
        steps = tuple(
            Step(str(s["what"]), _who(s, mentor), plain_date(s.get("due_date")))
            for s in store.list(
                "goal_step", where={"goal_id": g["id"]}, order_by=("position", "created_at")
            )
            if not s.get("done") and s["participant_id"] == participant_id
        )
        goal = Goal(
            str(g["goal_text"]),
            str(g.get("why_it_matters") or ""),
            plain_date(g.get("target_date")),
            translate("PlanPdf", GOAL_STATUS_WORDS.get(str(g["status"]), "")),
            steps,
        )
        (achieved if g["status"] == "achieved" else goals).append(goal)

    appointments: list[Appointment] = []
    releases = store.list("release_day", participant_id=participant_id)
    releases.sort(key=lambda r: r.get("planned_release_at") or r["created_at"])
    future_meeting = False
    if releases:
        rd = releases[-1]
        at = rd.get("probation_appointment_at")
        if at and parse_datetime(at) >= now:
            appointments.append(
                Appointment(
                    plain_datetime(at),
                    translate("PlanPdf", "Appointment with probation"),
                    str(rd.get("probation_appointment_place") or ""),
                    at,
                )
            )
        at = rd.get("next_meeting_at")
        if at and parse_datetime(at) >= now:
            future_meeting = True
            appointments.append(
                Appointment(
                    plain_datetime(at),
                    translate("PlanPdf", "Meet {mentor}").format(mentor=mentor),
                    str(rd.get("next_meeting_place") or ""),
                    at,
                )
            )
    due = person.get("next_contact_due")
    if due and not future_meeting and parse_date(due) >= today:
        appointments.append(
            Appointment(
                plain_date(due),
                translate("PlanPdf", "{mentor} will be in touch").format(mentor=mentor),
                "",
                due + "T00",
            )
        )

    services: list[ServiceContact] = []
    seen: set[str] = set()
    referrals = store.list("referral", participant_id=participant_id, order_by=("referred_on",))
    for ref in referrals:
        service = store.get("service", ref["service_id"])
        if ref["status"] in _DEAD_REFERRALS or service is None:
            continue
        follow = ref.get("follow_up_on")
        if follow and parse_date(follow) >= today and ref["status"] not in ("no_response",):
            appointments.append(
                Appointment(
                    plain_date(follow),
                    translate("PlanPdf", "Check how it is going with {service}").format(
                        service=service["name"]
                    ),
                    translate("PlanPdf", "with {mentor}").format(mentor=mentor),
                    follow + "T12",
                )
            )
        if service["id"] in seen:
            continue
        seen.add(service["id"])
        services.append(
            ServiceContact(
                str(service["name"]),
                str(service.get("offers") or ""),
                str(service.get("phone") or ""),
                str(service.get("address") or ""),
                str(service.get("opening_times") or ""),
                str(service.get("website") or ""),
                str(service.get("email") or ""),
            )
        )
    appointments.sort(key=lambda a: a.sort_key)

    return PlanData(
        participant_id=participant_id,
        name=str(person.get("preferred_name") or person.get("given_name") or ""),
        partnership=partnership,
        mentor_name=mentor,
        mentor_contact=mentor_contact,
        made_on=plain_date(today),
        goals=tuple(goals),
        achieved=tuple(achieved),
        appointments=tuple(appointments),
        services=tuple(services),
    )


def _goal_html(goal: Goal, number: int) -> str:
    parts = [f"<h3>{number}. {e(goal.text)}</h3>"]
    if goal.why:
        why = e(translate("PlanPdf", "Why it matters to me:"))
        parts.append(f'<p><span class="label">{why}</span> {e(goal.why)}</p>')
    aiming = translate("PlanPdf", "Aiming for {date}")
    facts = [goal.status] + ([aiming.format(date=goal.target)] if goal.target else [])
    parts.append(f"<p>{e(' · '.join(facts))}</p>")
    by = translate("PlanPdf", "by {date}")
    if goal.steps:
        # A list, not a table: a table split over two pages loses its header, and a
        # list of short lines reads more easily at this size.
        items = "".join(
            f"<li><b>{e(s.what)}</b><br>"
            f"{e(' · '.join(x for x in (s.who, by.format(date=s.due) if s.due else '') if x))}</li>"
            for s in goal.steps
        )
        next_steps = e(translate("PlanPdf", "Next steps"))
        parts.append(f'<p class="label">{next_steps}</p><ul>{items}</ul>')
    else:
        parts.append(f"<p>{e(translate('PlanPdf', 'No steps planned yet.'))}</p>")
    return "\n".join(parts)


def _service_html(s: ServiceContact) -> str:
    lines = [f"<h3>{e(s.name)}</h3>"]
    if s.offers:
        lines.append(f"<p>{e(s.offers)}</p>")
    for label, value in (
        (translate("PlanPdf", "Phone:"), s.phone),
        (translate("PlanPdf", "Address:"), s.address),
        (translate("PlanPdf", "Open:"), s.opening_times),
        (translate("PlanPdf", "Website:"), s.website),
        (translate("PlanPdf", "Email:"), s.email),
    ):
        if value:
            lines.append(f'<p><span class="label">{e(label)}</span> {e(value)}</p>')
    return "\n".join(lines)


def render_plan_html(data: PlanData) -> str:
    """The plan as HTML from ``resources/templates/plan.html``; every value escaped."""
    if data.appointments:
        rows = "".join(
            f'<tr><td width="45%"><b>{e(a.when)}</b></td>'
            f"<td>{e(a.what)}{'<br>' + e(a.where) if a.where else ''}</td></tr>"
            for a in data.appointments
        )
        appointments = f'<table width="100%" cellspacing="0" cellpadding="6">{rows}</table>'
    else:
        nothing = translate("PlanPdf", "Nothing booked yet. {mentor} will be in touch.")
        appointments = f"<p>{e(nothing.format(mentor=data.mentor_name))}</p>"
    goals = (
        "\n".join(_goal_html(g, i) for i, g in enumerate(data.goals, 1))
        or f"<p>{e(translate('PlanPdf', 'We have not written down any goals yet.'))}</p>"
    )
    achieved = ""
    if data.achieved:
        items = "".join(f"<li>{e(g.text)}</li>" for g in data.achieved)
        reached = e(translate("PlanPdf", "Goals I have reached"))
        achieved = f"<h2>{reached}</h2><ul>{items}</ul>"
    none_yet = translate("PlanPdf", "None yet. Ask your mentor about places that can help.")
    services = "\n".join(_service_html(s) for s in data.services) or f"<p>{e(none_yet)}</p>"
    who_line = e(translate("PlanPdf", "for {name}").format(name=data.name)) if data.name else ""
    works_with = translate("PlanPdf", "{mentor} works with {partnership}.")
    partnership_line = (
        e(works_with.format(mentor=data.mentor_name, partnership=data.partnership))
        if data.partnership
        else ""
    )
    footer = translate(
        "PlanPdf", "This plan is yours. If something is wrong or changes, tell {mentor}."
    )
    contact = data.mentor_contact or translate("PlanPdf", "ask at your next meeting")
    return load_template("plan.html").substitute(
        title=e(translate("PlanPdf", "My plan")),
        my_mentor=e(translate("PlanPdf", "My mentor:")),
        how_to_contact=e(
            translate("PlanPdf", "How to contact {mentor}:").format(mentor=data.mentor_name)
        ),
        coming_up=e(translate("PlanPdf", "Coming up")),
        my_goals=e(translate("PlanPdf", "My goals")),
        places=e(translate("PlanPdf", "Places that can help")),
        yours=e(footer.format(mentor=data.mentor_name)),
        made_on=e(translate("PlanPdf", "Made on {date}.").format(date=data.made_on)),
        who_line=who_line,
        mentor_name=e(data.mentor_name),
        mentor_contact=e(contact),
        partnership_line=partnership_line,
        appointments=appointments,
        goals=goals,
        achieved=achieved,
        services=services,
    )


def render_plan(data: PlanData) -> QTextDocument:
    return make_document(
        render_plan_html(data), title=translate("PlanPdf", "My plan"), point_size=LARGE_BODY_PT
    )


def build_plan_document(
    store: Store, participant_id: str, *, partnership: str, mentor_contact: str
) -> QTextDocument:
    """The plan as a QTextDocument (for print preview, PDF or ODT)."""
    data = collect_plan(
        store, participant_id, partnership=partnership, mentor_contact=mentor_contact
    )
    return render_plan(data)


def write_plan_pdf(
    store: Store,
    participant_id: str,
    path: str | os.PathLike[str],
    *,
    partnership: str,
    mentor_contact: str,
) -> None:
    """Write the plan as PDF to ``path`` (only there) and log the export."""
    doc = build_plan_document(
        store, participant_id, partnership=partnership, mentor_contact=mentor_contact
    )
    write_bytes(path, pdf_bytes(doc, title=translate("PlanPdf", "My plan")))
    log.record(store, "plan_pdf", participant_id=participant_id, path_hint=path_hint(path))


def write_plan_odt(
    store: Store,
    participant_id: str,
    path: str | os.PathLike[str],
    *,
    partnership: str,
    mentor_contact: str,
) -> None:
    """Write the plan as an editable OpenDocument text file to ``path`` and log it."""
    doc = build_plan_document(
        store, participant_id, partnership=partnership, mentor_contact=mentor_contact
    )
    write_bytes(path, odt_bytes(doc))
    log.record(store, "plan_odt", participant_id=participant_id, path_hint=path_hint(path))
