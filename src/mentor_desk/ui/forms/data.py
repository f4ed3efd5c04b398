"""Everything the record tabs of one participant show, read in one operation on the worker."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from mentor_desk.store.records import Record, Store
from mentor_desk.store.role import COORDINATOR, acting_role
from mentor_desk.sync import partnership
from mentor_desk.ui.shell.i18n import translate


@dataclass
class FormsData:
    """One participant's records by type, plus the shared directory and timetable.

    ``role`` is the signed-in user's role on the partnership server (``"coordinator"`` or
    ``"mentor"``; a store never joined to a server is a mentor's).
    """

    participant: Record
    role: str = "mentor"
    actor_name: str = ""
    #: The partnership's other organisations (id, name), from the last sync's cache: what a
    #: consent may name in "Share with these partner organisations".
    partners: list[tuple[str, str]] = field(default_factory=list)
    release_days: list[Record] = field(default_factory=list)
    assessments: list[Record] = field(default_factory=list)
    risk_assessments: list[Record] = field(default_factory=list)
    goals: list[Record] = field(default_factory=list)
    steps: list[Record] = field(default_factory=list)
    reviews: list[Record] = field(default_factory=list)
    agreements: list[Record] = field(default_factory=list)
    referrals: list[Record] = field(default_factory=list)
    attendance: list[Record] = field(default_factory=list)
    check_ins: list[Record] = field(default_factory=list)
    consents: list[Record] = field(default_factory=list)
    endings: list[Record] = field(default_factory=list)
    services: list[Record] = field(default_factory=list)
    sessions: list[Record] = field(default_factory=list)
    notes: list[Record] = field(default_factory=list)
    amendments: list[Record] = field(default_factory=list)

    def history(self) -> list[tuple[str, Record]]:
        """Every record of this person as (record type, record), last changed first."""
        groups = {
            "participant": [self.participant],
            "release_day": self.release_days,
            "assessment": self.assessments,
            "risk_assessment": self.risk_assessments,
            "goal": self.goals,
            "goal_step": self.steps,
            "goal_review": self.reviews,
            "plan_agreement": self.agreements,
            "referral": self.referrals,
            "attendance": self.attendance,
            "check_in": self.check_ins,
            "consent": self.consents,
            "end_of_support": self.endings,
            "case_note": self.notes,
            "note_amendment": self.amendments,
        }
        rows = [(name, rec) for name, recs in groups.items() for rec in recs]
        return sorted(rows, key=lambda r: str(r[1].get("updated_at") or ""), reverse=True)

    @property
    def coordinator(self) -> bool:
        return self.role == COORDINATOR

    @property
    def closed(self) -> bool:
        return self.participant.get("status") == "closed"

    def service(self, service_id: str | None) -> Record | None:
        return next((s for s in self.services if s["id"] == service_id), None)

    def session(self, session_id: str | None) -> Record | None:
        return next((s for s in self.sessions if s["id"] == session_id), None)

    def steps_of(self, goal_id: str) -> list[Record]:
        return sorted(
            (s for s in self.steps if s["goal_id"] == goal_id),
            key=lambda s: (s.get("position") or 0, s["created_at"]),
        )


def _partners(store: Store) -> list[tuple[str, str]]:
    """The other organisations of the cached partnership, by name."""
    known = partnership.cached(store)
    own = store.meta("organisation_id")
    if known is None:
        return []
    others = [o for o in known.organisations if o["id"] != own]
    return sorted(((str(o["id"]), str(o["name"])) for o in others), key=lambda o: o[1])


def load_forms(store: Store, participant_id: str) -> FormsData | None:
    person = store.get("participant", participant_id)
    if person is None:
        return None

    def mine(name: str, *order: str) -> list[Record]:
        return store.list(name, participant_id=participant_id, order_by=list(order))

    return FormsData(
        participant=person,
        role=acting_role(store),
        actor_name=store.actor_name or store.meta("actor_name") or "",
        partners=_partners(store),
        release_days=mine("release_day", "-planned_release_at", "-created_at"),
        assessments=mine("assessment", "-assessed_on", "-created_at"),
        risk_assessments=mine("risk_assessment", "-assessed_on", "-created_at"),
        goals=mine("goal", "position", "created_at"),
        steps=mine("goal_step", "position", "created_at"),
        reviews=mine("goal_review", "-reviewed_on", "-created_at"),
        agreements=mine("plan_agreement", "-plan_version"),
        referrals=mine("referral", "-referred_on", "-created_at"),
        attendance=mine("attendance", "-attended_on", "-created_at"),
        check_ins=mine("check_in", "checked_on", "created_at"),
        consents=mine("consent", "-consent_version"),
        endings=mine("end_of_support", "-ended_on", "-created_at"),
        services=store.list("service", order_by=["name"]),
        sessions=store.list("activity_session", order_by=["name"]),
        notes=mine("case_note", "-occurred_at"),
        amendments=mine("note_amendment", "-created_at"),
    )


def today_iso() -> str:
    return date.today().isoformat()


def age_text(iso: str | None, today: date | None = None) -> str:
    """How long ago a date was, in plain words: "today", "3 weeks ago", "over a year ago"."""
    if not iso:
        return translate("FormCommon", "never")
    try:
        then = date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    days = ((today or date.today()) - then).days
    if days <= 0:
        return translate("FormCommon", "today")
    if days == 1:
        return translate("FormCommon", "yesterday")
    # below: always two or more of the unit, so one plural form is enough
    if days < 14:
        return translate("FormCommon", "{n} days ago").format(n=days)
    if days < 60:
        return translate("FormCommon", "{n} weeks ago").format(n=days // 7)
    if days < 365:
        return translate("FormCommon", "{n} months ago").format(n=days // 30)
    return translate("FormCommon", "over a year ago")
