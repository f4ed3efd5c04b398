"""The one-page "what happens next" sheet for the day of release.

First probation appointment (the most urgent thing), where to stay tonight, the next
meeting with the mentor, and the phone numbers that matter. It reads the latest
release-day record's appointment fields and only the *stay tonight* checklist note —
never the other checklist notes (the immediate-risks note above all, and the notes on the
probation-appointment and next-meeting items, which are the team's, not the person's:
without a time the sheet says "To be arranged"), case notes or safety flags.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from PySide6.QtGui import QTextDocument

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
from mentor_desk.export.document import e, make_document, pdf_bytes, template
from mentor_desk.export.plan_pdf import mentor_first_name
from mentor_desk.store.records import Store

#: One page at A4 needs a little less than the plan's size; still large print.
SHEET_BODY_PT = 15.0
_STATE_WORDS = {
    "done": QT_TRANSLATE_NOOP("ReleaseSheet", "Sorted."),
    "arranged": QT_TRANSLATE_NOOP("ReleaseSheet", "Arranged."),
    "not_needed": QT_TRANSLATE_NOOP("ReleaseSheet", "Not needed."),
    "outstanding": QT_TRANSLATE_NOOP("ReleaseSheet", "Not sorted yet."),
}


@dataclass(frozen=True)
class ReleaseSheetData:
    name: str
    released: str
    probation_when: str
    probation_where: str
    practitioner: str
    practitioner_contact: str
    stay_tonight: str
    mentor_name: str
    mentor_contact: str
    meeting_when: str
    meeting_where: str
    services: tuple[tuple[str, str], ...]
    made_on: str


def collect_release_sheet(
    store: Store, participant_id: str, *, mentor_contact: str
) -> ReleaseSheetData:
    """Read what the sheet shows (run on the store's worker thread)."""
    person = store.get("participant", participant_id)
    if person is None:
        raise ExportError(translate("Document", "That participant is not in this store."))
    releases = store.list("release_day", participant_id=participant_id)
    if not releases:
        raise ExportError(
            translate("ReleaseSheet", "There is no release-day record for this person yet.")
        )
    rd = max(releases, key=lambda r: r.get("planned_release_at") or r["created_at"])
    checklist = rd.get("checklist") or {}
    mentor = mentor_first_name(store, person)

    stay = checklist.get("stay_tonight") or {}
    stay_text = str(stay.get("note") or "").strip()
    if not stay_text:
        state = _STATE_WORDS.get(str(stay.get("state")), _STATE_WORDS["outstanding"])
        stay_text = translate("ReleaseSheet", state)
        if stay.get("state") in (None, "outstanding"):
            call = translate("ReleaseSheet", "Call {mentor} straight away.")
            stay_text += " " + call.format(mentor=mentor)

    services: list[tuple[str, str]] = []
    for ref in store.list("referral", participant_id=participant_id, order_by=("referred_on",)):
        service = store.get("service", ref["service_id"])
        if service and service.get("phone") and ref["status"] != "declined":
            pair = (str(service["name"]), str(service["phone"]))
            if pair not in services:
                services.append(pair)

    return ReleaseSheetData(
        name=str(person.get("preferred_name") or person.get("given_name") or ""),
        released=plain_date((rd.get("planned_release_at") or "")[:10] or None),
        probation_when=plain_datetime(rd.get("probation_appointment_at"))
        or translate("ReleaseSheet", "To be arranged — ask probation or your mentor"),
        probation_where=str(rd.get("probation_appointment_place") or ""),
        practitioner=str(person.get("probation_practitioner_name") or ""),
        practitioner_contact=str(person.get("probation_practitioner_contact") or ""),
        stay_tonight=stay_text,
        mentor_name=mentor,
        mentor_contact=mentor_contact,
        meeting_when=plain_datetime(rd.get("next_meeting_at"))
        or translate(
            "ReleaseSheet", "To be arranged — {mentor} will call you to fix a time"
        ).format(mentor=mentor),
        meeting_where=str(rd.get("next_meeting_place") or ""),
        services=tuple(services[:6]),
        made_on=plain_date(today_local()),
    )


def render_release_sheet_html(data: ReleaseSheetData) -> str:
    practitioner = ""
    if data.practitioner or data.practitioner_contact:
        who = first_name(data.practitioner) and data.practitioner
        who = who or translate("ReleaseSheet", "ask at reception")
        practitioner = e(
            translate("ReleaseSheet", "Probation practitioner: {name}").format(name=who)
        )
        if data.practitioner_contact:
            practitioner += f" · {e(data.practitioner_contact)}"
    phones = []
    if data.mentor_contact:
        mine = translate("ReleaseSheet", "{mentor} (my mentor)").format(mentor=data.mentor_name)
        phones.append((mine, data.mentor_contact))
    if data.practitioner_contact:
        probation = data.practitioner or translate("ReleaseSheet", "Probation")
        phones.append((probation, data.practitioner_contact))
    phones += list(data.services)
    ask = translate("ReleaseSheet", "Ask your mentor to add the numbers you need.")
    rows = (
        "".join(
            f'<tr><td width="55%">{e(who)}</td><td><b>{e(number)}</b></td></tr>'
            for who, number in phones
        )
        or f"<tr><td>{e(ask)}</td></tr>"
    )
    who_line = (
        e(translate("ReleaseSheet", "for {name}").format(name=data.name)) if data.name else ""
    )
    if data.released:
        released = translate("ReleaseSheet", "released {date}").format(date=data.released)
        who_line += f" · {e(released)}"
    if_stuck = translate("ReleaseSheet", "If you are stuck or something changes, call {mentor}.")
    next_time = translate("ReleaseSheet", "3. Next time I see {mentor}")
    return template("release_sheet.html").substitute(
        title=e(translate("ReleaseSheet", "What happens next")),
        go_to_probation=e(translate("ReleaseSheet", "1. Go to probation")),
        staying_tonight=e(translate("ReleaseSheet", "2. Where I am staying tonight")),
        next_time=e(next_time.format(mentor=data.mentor_name)),
        phone_numbers=e(translate("ReleaseSheet", "4. Phone numbers")),
        if_stuck=e(if_stuck.format(mentor=data.mentor_name)),
        who_line=who_line,
        probation_when=e(data.probation_when),
        probation_where=e(data.probation_where),
        practitioner_line=practitioner,
        stay_tonight=e(data.stay_tonight),
        meeting_when=e(data.meeting_when),
        meeting_where=e(data.meeting_where),
        phone_rows=rows,
        made_on=e(translate("ReleaseSheet", "Made on {date}.").format(date=data.made_on)),
    )


def render_release_sheet(data: ReleaseSheetData) -> QTextDocument:
    return make_document(
        render_release_sheet_html(data),
        title=translate("ReleaseSheet", "What happens next"),
        point_size=SHEET_BODY_PT,
    )


def build_release_sheet(store: Store, participant_id: str, *, mentor_contact: str) -> QTextDocument:
    return render_release_sheet(
        collect_release_sheet(store, participant_id, mentor_contact=mentor_contact)
    )


def write_release_sheet_pdf(
    store: Store, participant_id: str, path: str | os.PathLike[str], *, mentor_contact: str
) -> None:
    """Write the sheet as PDF to ``path`` (only there) and log the export."""
    doc = build_release_sheet(store, participant_id, mentor_contact=mentor_contact)
    write_bytes(path, pdf_bytes(doc, title=translate("ReleaseSheet", "What happens next")))
    log.record(store, "release_sheet", participant_id=participant_id, path_hint=path_hint(path))
