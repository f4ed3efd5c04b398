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
    QT_TRANSLATE_NOOP,
    ExportError,
    number,
    path_hint,
    plain_date,
    short_date,
    today_local,
    translate,
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

ONS4_ATTRIBUTION = QT_TRANSLATE_NOOP(
    "ProbationSummary",
    "Wellbeing scores use the ONS personal well-being questions (0 to 10; for anxiety, "
    "lower is better). Source: Office for National Statistics, Crown copyright, licensed "
    "under the Open Government Licence v3.0.",
)
TITLE = QT_TRANSLATE_NOOP("ProbationSummary", "Progress summary for probation")


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
        raise ExportError(
            translate("ProbationSummary", "The end of the period is before its start.")
        )
    person = store.get("participant", participant_id)
    if person is None:
        raise ExportError(translate("Document", "That participant is not in this store."))
    ok, why = probation_consent(store, participant_id)
    reason = (override_reason or "").strip() or None
    if not ok and reason is None:
        refused = translate(
            "ProbationSummary",
            "{why} The summary can only be made with their consent, or by a coordinator "
            "who records a reason for overriding it.",
        )
        raise ConsentMissing(refused.format(why=why))
    labels = resources.pathway_labels()
    crs = resources.pathway_to_crs()
    crs_labels = resources.labels("pathways.json", "crs_categories")

    def pathway(key: object) -> str:
        if not key:
            return ""
        label = labels.get(str(key), str(key))
        cats = ", ".join(crs_labels.get(c, c) for c in crs.get(str(key), ()))
        if cats and cats != label:
            return translate("ProbationSummary", "{pathway} (CRS: {categories})").format(
                pathway=label, categories=cats
            )
        return label

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
            behaviour = a.get("tell_probation_behaviour")
            what = (
                translate("ProbationSummary", "Behaviour")
                if behaviour
                else translate("ProbationSummary", "Concern")
            )
            told.append([short_date(a["attended_on"]), name, what, str(a.get("concern") or "")])
    totals = ""
    if attendance:
        sentence = (
            translate(
                "ProbationSummary",
                "1 session: {attended} attended, {late} late, {missed} missed; "
                "{minutes} minutes active in all.",
            )
            if len(attendance) == 1
            else translate(
                "ProbationSummary",
                "{sessions} sessions: {attended} attended, {late} late, {missed} missed; "
                "{minutes} minutes active in all.",
            )
        )
        totals = sentence.format(
            sessions=number(len(attendance)),
            attended=number(counts["yes"]),
            late=number(counts["late"]),
            missed=number(counts["no"]),
            minutes=number(minutes),
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
                    ("new_offence", translate("ProbationSummary", "new offence")),
                    ("arrested", translate("ProbationSummary", "arrested")),
                    ("recalled", translate("ProbationSummary", "recalled")),
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
            (translate("ProbationSummary", "Support ended"), plain_date(eos["ended_on"])),
            (
                translate("ProbationSummary", "Reason"),
                closure.get(eos["closure_reason"], words(eos["closure_reason"])),
            ),
            (translate("ProbationSummary", "Closing summary"), str(eos.get("summary") or "")),
        ]
        gone = translate("ProbationSummary", "(goal no longer held)")
        outcomes = [
            [
                str(goals_by_id.get(gid, {}).get("goal_text", gone)),
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
        (translate("ProbationSummary", "Name"), name),
        (translate("ProbationSummary", "Reference"), str(person["reference"])),
        (translate("ProbationSummary", "Date of birth"), plain_date(person.get("date_of_birth"))),
        (translate("ProbationSummary", "Released"), plain_date(person.get("release_date"))),
        (translate("ProbationSummary", "Supervision"), words(person.get("supervision_type"))),
        (
            translate("ProbationSummary", "Probation practitioner"),
            str(person.get("probation_practitioner_name") or ""),
        ),
        (translate("ProbationSummary", "Mentor"), str(person.get("assigned_mentor_name") or "")),
        (translate("ProbationSummary", "Status"), words(person["status"])),
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


#: The tables' column headings (translated by :func:`_headers`).
_ATTENDANCE = (
    QT_TRANSLATE_NOOP("ProbationSummary", "Date"),
    QT_TRANSLATE_NOOP("ProbationSummary", "Session"),
    QT_TRANSLATE_NOOP("ProbationSummary", "Attended"),
    QT_TRANSLATE_NOOP("ProbationSummary", "Minutes active"),
)
_TOLD = (
    QT_TRANSLATE_NOOP("ProbationSummary", "Date"),
    QT_TRANSLATE_NOOP("ProbationSummary", "Session"),
    QT_TRANSLATE_NOOP("ProbationSummary", "About"),
    QT_TRANSLATE_NOOP("ProbationSummary", "What happened"),
)
_GOALS = (
    QT_TRANSLATE_NOOP("ProbationSummary", "Pathway"),
    QT_TRANSLATE_NOOP("ProbationSummary", "Goal"),
    QT_TRANSLATE_NOOP("ProbationSummary", "Status"),
    QT_TRANSLATE_NOOP("ProbationSummary", "Target"),
)
_CHANGES = (
    QT_TRANSLATE_NOOP("ProbationSummary", "Date"),
    QT_TRANSLATE_NOOP("ProbationSummary", "Goal"),
    QT_TRANSLATE_NOOP("ProbationSummary", "New status"),
)
_REFERRALS = (
    QT_TRANSLATE_NOOP("ProbationSummary", "Date"),
    QT_TRANSLATE_NOOP("ProbationSummary", "Service"),
    QT_TRANSLATE_NOOP("ProbationSummary", "Pathway"),
    QT_TRANSLATE_NOOP("ProbationSummary", "Kind"),
    QT_TRANSLATE_NOOP("ProbationSummary", "Status"),
    QT_TRANSLATE_NOOP("ProbationSummary", "Outcome"),
)
_CHECK_INS = (
    QT_TRANSLATE_NOOP("ProbationSummary", "Date"),
    QT_TRANSLATE_NOOP("ProbationSummary", "Satisfied"),
    QT_TRANSLATE_NOOP("ProbationSummary", "Worthwhile"),
    QT_TRANSLATE_NOOP("ProbationSummary", "Happy"),
    QT_TRANSLATE_NOOP("ProbationSummary", "Anxious"),
    QT_TRANSLATE_NOOP("ProbationSummary", "Active days"),
    QT_TRANSLATE_NOOP("ProbationSummary", "Housing"),
    QT_TRANSLATE_NOOP("ProbationSummary", "Work or training"),
    QT_TRANSLATE_NOOP("ProbationSummary", "Offences"),
)
_OUTCOMES = (
    QT_TRANSLATE_NOOP("ProbationSummary", "Goal"),
    QT_TRANSLATE_NOOP("ProbationSummary", "Outcome"),
    QT_TRANSLATE_NOOP("ProbationSummary", "Comment"),
)


def _headers(texts: tuple[str, ...]) -> list[str]:
    return [translate("ProbationSummary", t) for t in texts]


def render_probation_summary_html(data: SummaryData, *, partnership: str = "") -> str:
    facts = "".join(f"<b>{e(k)}:</b> {e(v)}<br>" for k, v in data.heading)
    period = translate("ProbationSummary", "Period {start} to {end} · made {today}").format(
        start=plain_date(data.start), end=plain_date(data.end), today=plain_date(today_local())
    )
    parts = [
        f"<html><head>{REPORT_CSS}</head><body>",
        f"<h1>{e(translate('ProbationSummary', TITLE))}</h1>",
        f"<p>{e(partnership) + ' · ' if partnership else ''}{e(period)}</p>",
        f"<p>{facts}</p>",
    ]
    if data.override_reason:
        without = translate(
            "ProbationSummary", "Made without the participant's consent to share with probation."
        )
        reason = translate("ProbationSummary", "Coordinator's reason: {reason}")
        parts.append(f"<p><b>{e(without)}</b> {e(reason.format(reason=data.override_reason))}</p>")
    attendance = translate("ProbationSummary", "Attendance at activity sessions")
    parts += [
        f"<h2>{e(attendance)}</h2>",
        f"<p>{e(data.attendance_totals)}</p>" if data.attendance_totals else "",
        html_table(_headers(_ATTENDANCE), data.attendance, widths=[16, 52, 16, 16]),
    ]
    if data.told_probation:
        told = translate("ProbationSummary", "Marked to be passed on to probation")
        parts += [f"<h3>{e(told)}</h3>", html_table(_headers(_TOLD), data.told_probation)]
    goals = translate("ProbationSummary", "Goals and their status")
    parts += [
        f"<h2>{e(goals)}</h2>",
        html_table(_headers(_GOALS), data.goals, widths=[28, 44, 14, 14]),
    ]
    if data.status_changes:
        changes = translate("ProbationSummary", "Status changes in this period")
        parts += [f"<h3>{e(changes)}</h3>", html_table(_headers(_CHANGES), data.status_changes)]
    referrals = translate("ProbationSummary", "Referrals and outcomes")
    check_ins = translate("ProbationSummary", "Check-ins")
    attribution = translate("ProbationSummary", ONS4_ATTRIBUTION)
    parts += [
        f"<h2>{e(referrals)}</h2>",
        html_table(_headers(_REFERRALS), data.referrals, widths=[13, 20, 21, 11, 11, 24]),
        f"<h2>{e(check_ins)}</h2>",
        html_table(_headers(_CHECK_INS), data.check_ins, widths=[12, 11, 13, 9, 10, 9, 12, 12, 12]),
        f'<p class="muted">{e(attribution)}</p>' if data.check_ins else "",
    ]
    if data.endings:
        parts.append(f"<h2>{e(translate('ProbationSummary', 'End of support'))}</h2>")
        for facts_, outcomes in data.endings:
            parts.append("<p>" + "".join(f"<b>{e(k)}:</b> {e(v)}<br>" for k, v in facts_) + "</p>")
            parts.append(html_table(_headers(_OUTCOMES), outcomes))
    parts.append("</body></html>")
    return "\n".join(p for p in parts if p)


def render_probation_summary(data: SummaryData, *, partnership: str = "") -> QTextDocument:
    return make_document(
        render_probation_summary_html(data, partnership=partnership),
        title=translate("ProbationSummary", TITLE),
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
    write_bytes(path, pdf_bytes(doc, title=translate("ProbationSummary", TITLE)))
    log.record(
        store,
        "probation_summary",
        participant_id=participant_id,
        path_hint=path_hint(path),
        override_reason=data.override_reason,
    )
