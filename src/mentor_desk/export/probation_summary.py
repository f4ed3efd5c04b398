"""The progress summary for the probation practitioner, for a date range the user picks.

Attendance, goals and their status, referrals and outcomes, the check-in trend and the
end-of-support outcomes. Only made when the participant's latest consent record says they
agreed to share with probation and has not been withdrawn; otherwise :class:`ConsentMissing`
is raised, unless a coordinator gives an override reason, which is kept in the export log.

Never in it: case notes or amendments, safety flags, release-day checklist notes, goal
review text, attendance concerns that were not marked to be told to probation.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtGui import QTextDocument

from mentor_desk.domain import resources
from mentor_desk.domain.consent import covers_probation
from mentor_desk.export import log
from mentor_desk.export.common import (
    ExportError,
    path_hint,
    plain_date,
    short_date,
    today_local,
    write_bytes,
)
from mentor_desk.export.document import (
    REPORT_CSS,
    SMALL_BODY_PT,
    e,
    html_table,
    make_document,
    pdf_bytes,
    words,
)
from mentor_desk.store.records import Record, Store

ONS4_ATTRIBUTION = (
    "Wellbeing scores use the ONS personal well-being questions (0 to 10; for anxiety, "
    "lower is better). Source: Office for National Statistics, Crown copyright, licensed "
    "under the Open Government Licence v3.0."
)


class ConsentMissing(ExportError):
    """The participant has not agreed (or no longer agrees) to share with probation.

    A coordinator may still make the export by giving ``override_reason``; the reason is
    recorded in the export log.
    """


def probation_consent(store: Store, participant_id: str) -> tuple[bool, str]:
    """Whether the consent in force covers sharing with probation, and why not.

    The rule is :func:`mentor_desk.domain.consent.covers_probation` (the latest version
    decides; a withdrawal shares nothing), the same one the Consent tab and referrals use.
    """
    return covers_probation(store.list("consent", participant_id=participant_id))


@dataclass(frozen=True)
class SummaryData:
    participant_id: str
    heading: list[tuple[str, str]]
    start: date
    end: date
    attendance: list[list[str]] = field(default_factory=list)
    attendance_totals: str = ""
    told_probation: list[list[str]] = field(default_factory=list)
    goals: list[list[str]] = field(default_factory=list)
    status_changes: list[list[str]] = field(default_factory=list)
    referrals: list[list[str]] = field(default_factory=list)
    check_ins: list[list[str]] = field(default_factory=list)
    endings: list[tuple[list[tuple[str, str]], list[list[str]]]] = field(default_factory=list)
    override_reason: str | None = None


def _in(value: str | None, start: date, end: date) -> bool:
    return bool(value) and start.isoformat() <= str(value)[:10] <= end.isoformat()


def _yes(value: object) -> str:
    return "yes" if value else ""


def collect_probation_summary(
    store: Store,
    participant_id: str,
    *,
    start: date,
    end: date,
    override_reason: str | None = None,
) -> SummaryData:
    """Read what the summary shows; raises :class:`ConsentMissing` (see the module doc)."""
    if end < start:
        raise ExportError("The end of the period is before its start.")
    person = store.get("participant", participant_id)
    if person is None:
        raise ExportError("That participant is not in this store.")
    ok, why = probation_consent(store, participant_id)
    reason = (override_reason or "").strip() or None
    if not ok and reason is None:
        raise ConsentMissing(
            f"{why} The summary can only be made with their consent, or by a coordinator "
            "who records a reason for overriding it."
        )
    labels = resources.pathway_labels()
    crs = resources.pathway_to_crs()
    crs_labels = resources.labels("pathways.json", "crs_categories")

    def pathway(key: object) -> str:
        if not key:
            return ""
        label = labels.get(str(key), str(key))
        cats = ", ".join(crs_labels.get(c, c) for c in crs.get(str(key), ()))
        return f"{label} (CRS: {cats})" if cats and cats != label else label

    sessions = {s["id"]: s for s in store.list("activity_session", include_deleted=True)}
    attendance: list[list[str]] = []
    told: list[list[str]] = []
    counts = {"yes": 0, "late": 0, "no": 0}
    minutes = 0
    for a in store.list("attendance", participant_id=participant_id, order_by=("attended_on",)):
        if not _in(a["attended_on"], start, end):
            continue
        name = str(sessions.get(a["session_id"], {}).get("name", ""))
        counts[str(a["attended"])] = counts.get(str(a["attended"]), 0) + 1
        minutes += int(a.get("minutes_active") or 0)
        attendance.append(
            [
                short_date(a["attended_on"]),
                name,
                words(a["attended"]),
                str(a.get("minutes_active") or ""),
            ]
        )
        if a.get("tell_probation_behaviour") or a.get("tell_probation_concern"):
            what = "Behaviour" if a.get("tell_probation_behaviour") else "Concern"
            told.append([short_date(a["attended_on"]), name, what, str(a.get("concern") or "")])
    totals = (
        f"{len(attendance)} session{'' if len(attendance) == 1 else 's'}: "
        f"{counts['yes']} attended, {counts['late']} late, {counts['no']} missed; "
        f"{minutes} minutes active in all."
        if attendance
        else ""
    )

    goals_by_id: dict[str, Record] = {}
    goals: list[list[str]] = []
    for g in store.list("goal", participant_id=participant_id, order_by=("position",)):
        if str(g["created_at"])[:10] > end.isoformat():
            continue
        goals_by_id[g["id"]] = g
        goals.append(
            [
                pathway(g["pathway"]),
                str(g["goal_text"]),
                words(g["status"]),
                short_date(g.get("target_date")),
            ]
        )
    changes = [
        [
            short_date(r["reviewed_on"]),
            str(goals_by_id.get(r["goal_id"], {}).get("goal_text", "")),
            words(r.get("new_status")),
        ]
        for r in store.list("goal_review", participant_id=participant_id, order_by=("reviewed_on",))
        if _in(r["reviewed_on"], start, end) and r.get("new_status")
    ]

    referrals = []
    for r in store.list("referral", participant_id=participant_id, order_by=("referred_on",)):
        if not _in(r["referred_on"], start, end):
            continue
        service = store.get("service", r["service_id"], include_deleted=True) or {}
        referrals.append(
            [
                short_date(r["referred_on"]),
                str(service.get("name", "")),
                pathway(r.get("pathway")),
                words(r["kind"]),
                words(r["status"]),
                str(r.get("outcome_note") or ""),
            ]
        )

    check_ins = [
        [
            short_date(c["checked_on"]),
            *(
                "" if c.get(k) is None else str(c[k])
                for k in ("life_satisfaction", "worthwhile", "happiness", "anxiety", "active_days")
            ),
            words(c.get("accommodation_status")),
            words(c.get("employment_status")),
            ", ".join(
                label
                for key, label in (
                    ("new_offence", "new offence"),
                    ("arrested", "arrested"),
                    ("recalled", "recalled"),
                )
                if c.get(key)
            ),
        ]
        for c in store.list("check_in", participant_id=participant_id, order_by=("checked_on",))
        if _in(c["checked_on"], start, end)
    ]

    closure = resources.labels("closure_reasons.json", "probation")
    endings = []
    for eos in store.list("end_of_support", participant_id=participant_id):
        if str(eos["ended_on"]) > end.isoformat():
            continue
        facts = [
            ("Support ended", plain_date(eos["ended_on"])),
            ("Reason", closure.get(eos["closure_reason"], words(eos["closure_reason"]))),
            ("Closing summary", str(eos.get("summary") or "")),
        ]
        outcomes = [
            [
                str(goals_by_id.get(gid, {}).get("goal_text", "(goal no longer held)")),
                words(item.get("outcome")),
                str(item.get("comment") or ""),
            ]
            for gid, item in (eos.get("goal_outcomes") or {}).items()
        ]
        endings.append((facts, outcomes))

    name = " ".join(
        str(person.get(k) or "") for k in ("given_name", "family_name") if person.get(k)
    )
    heading = [
        ("Name", name),
        ("Reference", str(person["reference"])),
        ("Date of birth", plain_date(person.get("date_of_birth"))),
        ("Released", plain_date(person.get("release_date"))),
        ("Supervision", words(person.get("supervision_type"))),
        ("Probation practitioner", str(person.get("probation_practitioner_name") or "")),
        ("Mentor", str(person.get("assigned_mentor_name") or "")),
        ("Status", words(person["status"])),
    ]
    return SummaryData(
        participant_id=participant_id,
        heading=[(k, v) for k, v in heading if v],
        start=start,
        end=end,
        attendance=attendance,
        attendance_totals=totals,
        told_probation=told,
        goals=goals,
        status_changes=changes,
        referrals=referrals,
        check_ins=check_ins,
        endings=endings,
        override_reason=None if ok else reason,
    )


def render_probation_summary_html(data: SummaryData, *, partnership: str = "") -> str:
    facts = "".join(f"<b>{e(k)}:</b> {e(v)}<br>" for k, v in data.heading)
    parts = [
        f"<html><head>{REPORT_CSS}</head><body>",
        "<h1>Progress summary for probation</h1>",
        f"<p>{e(partnership) + ' · ' if partnership else ''}"
        f"Period {e(plain_date(data.start))} to {e(plain_date(data.end))}"
        f" · made {e(plain_date(today_local()))}</p>",
        f"<p>{facts}</p>",
    ]
    if data.override_reason:
        parts.append(
            "<p><b>Made without the participant's consent to share with probation.</b> "
            f"Coordinator's reason: {e(data.override_reason)}</p>"
        )
    parts += [
        "<h2>Attendance at activity sessions</h2>",
        f"<p>{e(data.attendance_totals)}</p>" if data.attendance_totals else "",
        html_table(
            ["Date", "Session", "Attended", "Minutes active"],
            data.attendance,
            widths=[16, 52, 16, 16],
        ),
    ]
    if data.told_probation:
        parts += [
            "<h3>Marked to be passed on to probation</h3>",
            html_table(["Date", "Session", "About", "What happened"], data.told_probation),
        ]
    parts += [
        "<h2>Goals and their status</h2>",
        html_table(["Pathway", "Goal", "Status", "Target"], data.goals, widths=[28, 44, 14, 14]),
    ]
    if data.status_changes:
        parts += [
            "<h3>Status changes in this period</h3>",
            html_table(["Date", "Goal", "New status"], data.status_changes),
        ]
    parts += [
        "<h2>Referrals and outcomes</h2>",
        html_table(
            ["Date", "Service", "Pathway", "Kind", "Status", "Outcome"],
            data.referrals,
            widths=[13, 20, 21, 11, 11, 24],
        ),
        "<h2>Check-ins</h2>",
        html_table(
            [
                "Date",
                "Satisfied",
                "Worthwhile",
                "Happy",
                "Anxious",
                "Active days",
                "Housing",
                "Work or training",
                "Offences",
            ],
            data.check_ins,
            widths=[12, 11, 13, 9, 10, 9, 12, 12, 12],
        ),
        f'<p class="muted">{e(ONS4_ATTRIBUTION)}</p>' if data.check_ins else "",
    ]
    if data.endings:
        parts.append("<h2>End of support</h2>")
        for facts_, outcomes in data.endings:
            parts.append("<p>" + "".join(f"<b>{e(k)}:</b> {e(v)}<br>" for k, v in facts_) + "</p>")
            parts.append(html_table(["Goal", "Outcome", "Comment"], outcomes))
    parts.append("</body></html>")
    return "\n".join(p for p in parts if p)


def render_probation_summary(data: SummaryData, *, partnership: str = "") -> QTextDocument:
    return make_document(
        render_probation_summary_html(data, partnership=partnership),
        title="Progress summary for probation",
        point_size=SMALL_BODY_PT,
    )


def write_probation_summary_pdf(
    store: Store,
    participant_id: str,
    path: str | os.PathLike[str],
    *,
    start: date,
    end: date,
    override_reason: str | None = None,
    partnership: str = "",
) -> None:
    """Write the summary to ``path`` and log it (with the override reason, if one was used).

    Raises:
        ConsentMissing: no consent to share with probation and no override reason.
    """
    data = collect_probation_summary(
        store, participant_id, start=start, end=end, override_reason=override_reason
    )
    doc = render_probation_summary(data, partnership=partnership)
    write_bytes(path, pdf_bytes(doc, title="Progress summary for probation"))
    log.record(
        store,
        "probation_summary",
        participant_id=participant_id,
        path_hint=path_hint(path),
        override_reason=data.override_reason,
    )
