"""The record vocabulary: every record of SPEC.md §2, declared once.

The local store's tables, the sync payloads, the server's validation and the exports are all
driven from :data:`ENTITIES`. Adding a field here (plus a schema migration) is the whole job
of adding a field everywhere.

Every record also carries bookkeeping that is *not* declared here because it is the same for
all of them: ``id`` (UUID made on the creating device), ``created_at``, ``updated_at``,
``created_by``, ``updated_by``, ``version`` (server seq of the last change, 0 if never
synced), ``field_versions`` and ``deleted`` (see SYNC.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from mentor_desk.domain import resources

#: Version of the record vocabulary / local schema. Bumped with every migration.
#: 2 (issue 15, the partnership): shareable safety flags, consent per partner organisation,
#: services and sessions run by an organisation, partners' answers to referrals, and the
#: lone-working risk assessment. Every change is additive, so a version-1 laptop's pushes
#: are still accepted and it ignores the fields it does not know.
SCHEMA_VERSION = 2

#: Bookkeeping columns every record has, in addition to its declared fields.
META_FIELDS = (
    "id",
    "created_at",
    "updated_at",
    "created_by",
    "updated_by",
    "version",
    "field_versions",
    "deleted",
)


class Kind(StrEnum):
    """The type of a field's value as it travels between store, sync and server."""

    TEXT = "text"  # one line, at most Field.max_length characters
    LONGTEXT = "longtext"  # free text that may be long (notes, summaries)
    INT = "int"
    BOOL = "bool"
    DATE = "date"  # ISO 8601 date, "2026-11-23"
    DATETIME = "datetime"  # ISO 8601 instant in UTC, "2026-11-23T09:30:00Z"
    CHOICE = "choice"  # one of Field.choices
    REF = "ref"  # UUID of another record (Field.ref names its entity)
    LIST = "list"  # list of short strings (optionally each one of Field.choices)
    JSON = "json"  # a JSON object whose shape the entity's validator checks


@dataclass(frozen=True)
class Field:
    """One declared field of a record type.

    Attributes:
        name: snake_case name, used as column name, JSON key and wire name.
        kind: value type.
        label: plain-language label for forms and exports.
        required: a record without it is invalid.
        choices: allowed values for CHOICE (and LIST items, when given).
        ref: the entity a REF points to.
        searchable: free text indexed by full-text search.
        sensitive: personal or case information that must never reach logs.
        coordinator_owned: a mentor's stale change to it is always a conflict (SYNC.md).
        max_length: longest allowed text.
        minimum / maximum: bounds for INT.
    """

    name: str
    kind: Kind
    label: str
    required: bool = False
    choices: tuple[str, ...] = ()
    ref: str | None = None
    searchable: bool = False
    sensitive: bool = False
    coordinator_owned: bool = False
    max_length: int | None = None
    minimum: int | None = None
    maximum: int | None = None

    @property
    def limit(self) -> int:
        """The effective text length limit."""
        if self.max_length is not None:
            return self.max_length
        return 100_000 if self.kind is Kind.LONGTEXT else 500


@dataclass(frozen=True)
class Entity:
    """A record type.

    Attributes:
        name: wire name (snake_case, as SYNC.md lists them).
        label: plain-language name.
        fields: declared fields, in form order.
        scoped: belongs to one participant (has ``participant_id``) or *is* the participant;
            unscoped records (service directory, timetable) are shared with the partnership.
        append_only: once synced, never edited in place (case notes and amendments).
        title_field: the field that best names one record in lists.
    """

    name: str
    label: str
    fields: tuple[Field, ...]
    scoped: bool = True
    append_only: bool = False
    title_field: str | None = None
    _by_name: dict[str, Field] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_name.update({f.name: f for f in self.fields})

    def field(self, name: str) -> Field:
        return self._by_name[name]

    def has(self, name: str) -> bool:
        return name in self._by_name

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self._by_name)  # insertion order = declaration order

    @property
    def searchable(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.searchable)

    @property
    def coordinator_owned(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.coordinator_owned)


def _f(name: str, kind: Kind, label: str, **kw: object) -> Field:
    return Field(name, kind, label, **kw)  # type: ignore[arg-type]


def _participant_ref() -> Field:
    return _f("participant_id", Kind.REF, "Participant", required=True, ref="participant")


PATHWAYS = resources.pathway_keys()
CONTACT_KINDS = resources.contact_kind_keys()
PARTICIPANT_STATUSES = ("referred", "active", "paused", "closed")
SUPERVISION_TYPES = (
    "licence",
    "post_sentence_supervision",
    "community_order",
    "suspended_sentence",
    "none",
)
GOAL_STATUSES = ("not_started", "in_progress", "achieved", "stopped")
PRIORITIES = ("high", "medium", "low")
STEP_OWNERS = ("participant", "mentor", "partner")
REFERRAL_KINDS = ("signposted", "referred", "accompanied")
REFERRAL_STATUSES = ("suggested", "made", "accepted", "attended", "declined", "no_response")
HOW_TO_REFER = ("self_referral", "referral_form", "phone")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
ATTENDED = ("yes", "late", "no")
#: A partner organisation's answer to a referral to one of its services (issue 15).
PARTNER_ANSWERS = ("accepted", "declined", "attended")
NEED_LEVELS = ("none", "some", "high")
OUTCOMES = ("achieved", "partly_achieved", "not_achieved")
AMENDMENT_KINDS = ("amendment", "retraction")
ACCOMMODATION_STATUSES = (
    "settled",
    "temporary",
    "approved_premises",
    "staying_with_friends_or_family",
    "rough_sleeping",
    "other",
)
EMPLOYMENT_STATUSES = (
    "employed",
    "self_employed",
    "training_or_education",
    "volunteering",
    "looking_for_work",
    "not_looking",
    "unable_to_work",
)
T, LT, INT, B, D, DT, C, R, L, J = (
    Kind.TEXT,
    Kind.LONGTEXT,
    Kind.INT,
    Kind.BOOL,
    Kind.DATE,
    Kind.DATETIME,
    Kind.CHOICE,
    Kind.REF,
    Kind.LIST,
    Kind.JSON,
)

_ENTITIES: tuple[Entity, ...] = (
    Entity(
        "participant",
        "Participant",
        (
            _f("reference", T, "Reference", required=True, searchable=True, max_length=40),
            _f(
                "given_name",
                T,
                "Given name",
                required=True,
                searchable=True,
                sensitive=True,
                max_length=100,
            ),
            _f(
                "family_name",
                T,
                "Family name",
                required=True,
                searchable=True,
                sensitive=True,
                max_length=100,
            ),
            _f(
                "preferred_name",
                T,
                "Preferred name",
                searchable=True,
                sensitive=True,
                max_length=100,
            ),
            _f("date_of_birth", D, "Date of birth", sensitive=True),
            _f("pronouns", T, "Pronouns", max_length=40),
            _f("phone", T, "Phone", sensitive=True, max_length=40),
            _f("email", T, "Email", sensitive=True, max_length=200),
            _f("area", T, "Area or postcode district", max_length=100),
            _f("prison", T, "Prison released from", max_length=200),
            _f("release_date", D, "Release date"),
            _f("supervision_type", C, "Supervision", choices=SUPERVISION_TYPES),
            _f("supervision_end_date", D, "Supervision ends"),
            _f(
                "probation_practitioner_name",
                T,
                "Probation practitioner",
                sensitive=True,
                max_length=200,
            ),
            _f(
                "probation_practitioner_contact",
                T,
                "Probation practitioner contact",
                sensitive=True,
                max_length=200,
            ),
            _f("assigned_mentor_id", T, "Mentor", coordinator_owned=True, max_length=64),
            _f("assigned_mentor_name", T, "Mentor name", coordinator_owned=True, max_length=200),
            _f("organisation_id", T, "Organisation", coordinator_owned=True, max_length=64),
            _f("status", C, "Status", required=True, choices=PARTICIPANT_STATUSES),
            _f(
                "closure_reason",
                C,
                "Why support ended",
                choices=resources.participant_closure_keys(),
            ),
            _f("safety_flags", L, "Safety flags", sensitive=True, coordinator_owned=True),
            _f(
                "shared_safety_flags",
                L,
                "Safety flags session leaders may see",
                sensitive=True,
                coordinator_owned=True,
            ),
            _f("next_contact_due", D, "Next contact due"),
        ),
        title_field="reference",
    ),
    Entity(
        "release_day",
        "Release day",
        (
            _participant_ref(),
            _f("planned_release_at", DT, "Planned release"),
            _f("prison", T, "Prison", max_length=200),
            _f("met", B, "Met at release"),
            _f("met_at", DT, "When met"),
            _f("met_where", T, "Where met", max_length=200),
            _f("not_met_reason", T, "Why not met", max_length=500),
            _f("met_by", T, "Who met them", max_length=200),
            _f("checklist", J, "Checklist"),
            _f("probation_appointment_at", DT, "First probation appointment"),
            _f("probation_appointment_place", T, "Probation appointment place", max_length=300),
            _f("next_meeting_at", DT, "Next meeting with mentor"),
            _f("next_meeting_place", T, "Next meeting place", max_length=300),
        ),
        title_field="planned_release_at",
    ),
    Entity(
        "assessment",
        "Needs assessment",
        (
            _participant_ref(),
            _f("assessed_on", D, "Date", required=True),
            _f("needs", J, "Needs by pathway"),
        ),
        title_field="assessed_on",
    ),
    Entity(
        "goal",
        "Goal",
        (
            _participant_ref(),
            _f("pathway", C, "Pathway", required=True, choices=PATHWAYS),
            _f(
                "goal_text",
                LT,
                "Goal, in their words",
                required=True,
                searchable=True,
                sensitive=True,
                max_length=2000,
            ),
            _f("why_it_matters", LT, "Why it matters to them", sensitive=True, max_length=2000),
            _f("target_date", D, "Target date"),
            _f("priority", C, "Priority", choices=PRIORITIES),
            _f("status", C, "Status", required=True, choices=GOAL_STATUSES),
            _f("position", INT, "Order", minimum=0, maximum=10_000),
        ),
        title_field="goal_text",
    ),
    Entity(
        "goal_step",
        "Step",
        (
            _participant_ref(),
            _f("goal_id", R, "Goal", required=True, ref="goal"),
            _f("position", INT, "Order", minimum=0, maximum=10_000),
            _f("what", T, "What", required=True, sensitive=True, max_length=1000),
            _f("who", C, "Who", choices=STEP_OWNERS),
            _f("partner_name", T, "Partner", max_length=200),
            _f("due_date", D, "Due"),
            _f("done", B, "Done"),
        ),
        title_field="what",
    ),
    Entity(
        "goal_review",
        "Goal review",
        (
            _participant_ref(),
            _f("goal_id", R, "Goal", required=True, ref="goal"),
            _f("reviewed_on", D, "Date", required=True),
            _f("progress", LT, "What progressed", sensitive=True, max_length=5000),
            _f("new_status", C, "New status", choices=GOAL_STATUSES),
        ),
        title_field="reviewed_on",
    ),
    Entity(
        "plan_agreement",
        "Plan agreement",
        (
            _participant_ref(),
            _f("plan_version", INT, "Plan version", required=True, minimum=1, maximum=100_000),
            _f("agreed_at", DT, "Agreed at", required=True),
            _f("snapshot", J, "Goals and steps as agreed", sensitive=True),
            _f("agreed_by_participant", B, "Agreed by the participant"),
            _f("agreed_by_mentor", T, "Agreed by mentor", max_length=200),
            _f("agreed_by_coordinator", T, "Agreed by coordinator", max_length=200),
            _f("agreed_by_probation", T, "Agreed by probation practitioner", max_length=200),
        ),
        append_only=True,
        title_field="plan_version",
    ),
    Entity(
        "end_of_support",
        "End of support",
        (
            _participant_ref(),
            _f("ended_on", D, "Date support ended", required=True),
            _f("goal_outcomes", J, "Outcome of each goal"),
            _f("summary", LT, "Closing summary", sensitive=True, max_length=20_000),
            _f(
                "closure_reason",
                C,
                "Reason",
                required=True,
                choices=resources.probation_closure_keys(),
            ),
        ),
        title_field="ended_on",
    ),
    Entity(
        "service",
        "Service",
        (
            _f("name", T, "Name", required=True, searchable=True, max_length=200),
            _f("organisation", T, "Organisation", searchable=True, max_length=200),
            _f("pathways", L, "Pathways", choices=PATHWAYS),
            _f("offers", LT, "What it offers", searchable=True, max_length=5000),
            _f("eligibility", LT, "Who can use it", max_length=2000),
            _f("how_to_refer", C, "How to refer", choices=HOW_TO_REFER),
            _f("area_covered", T, "Area covered", searchable=True, max_length=300),
            _f("address", T, "Address", max_length=300),
            _f("phone", T, "Phone", max_length=40),
            _f("email", T, "Email", max_length=200),
            _f("website", T, "Web address", max_length=300),
            _f("opening_times", T, "Opening times", max_length=300),
            _f("last_checked_on", D, "Last checked"),
            _f("run_by_organisation_id", T, "Run by (partner organisation)", max_length=64),
        ),
        scoped=False,
        title_field="name",
    ),
    Entity(
        "referral",
        "Referral",
        (
            _participant_ref(),
            _f("service_id", R, "Service", required=True, ref="service"),
            _f("pathway", C, "Pathway", choices=PATHWAYS),
            _f("referred_on", D, "Date", required=True),
            _f("kind", C, "Kind", required=True, choices=REFERRAL_KINDS),
            _f("status", C, "Status", required=True, choices=REFERRAL_STATUSES),
            _f("follow_up_on", D, "Follow up on"),
            _f("outcome_note", LT, "Outcome", sensitive=True, max_length=5000),
            _f("partner_answer", C, "The service's answer", choices=PARTNER_ANSWERS),
            _f("partner_reply", LT, "The service's reply", sensitive=True, max_length=2000),
            _f("answered_on", D, "Answered on"),
        ),
        title_field="referred_on",
    ),
    Entity(
        "activity_session",
        "Activity session",
        (
            _f("name", T, "Name", required=True, searchable=True, max_length=200),
            _f("provider", T, "Provider", max_length=200),
            _f("venue", T, "Venue", max_length=300),
            _f("weekday", C, "Day", choices=WEEKDAYS),
            _f("time", T, "Time", max_length=5),
            _f("on_date", D, "Date (one-off)"),
            _f("contact", T, "Contact", max_length=300),
            _f("run_by_organisation_id", T, "Run by (partner organisation)", max_length=64),
        ),
        scoped=False,
        title_field="name",
    ),
    Entity(
        "attendance",
        "Attendance",
        (
            _participant_ref(),
            _f("session_id", R, "Session", required=True, ref="activity_session"),
            _f("attended_on", D, "Date", required=True),
            _f("attended", C, "Attended", required=True, choices=ATTENDED),
            _f("minutes_active", INT, "Minutes active", minimum=0, maximum=600),
            _f("engagement", T, "How they engaged", sensitive=True, max_length=1000),
            _f("concern", T, "Any concern", sensitive=True, max_length=2000),
            _f("tell_probation_behaviour", B, "Tell probation: poor behaviour"),
            _f("tell_probation_concern", B, "Tell probation: a concern"),
        ),
        title_field="attended_on",
    ),
    Entity(
        "case_note",
        "Case note",
        (
            _participant_ref(),
            _f("occurred_at", DT, "When", required=True),
            _f("contact_kind", C, "Contact", required=True, choices=CONTACT_KINDS),
            _f("place", T, "Where", sensitive=True, max_length=300),
            _f("duration_minutes", INT, "Minutes", minimum=0, maximum=1440),
            _f("pathways", L, "Pathways touched", choices=PATHWAYS),
            _f("text", LT, "Note", required=True, searchable=True, sensitive=True),
            _f("safeguarding_concern", B, "Safeguarding concern"),
            _f("author_name", T, "Written by", max_length=200),
        ),
        append_only=True,
        title_field="occurred_at",
    ),
    Entity(
        "note_amendment",
        "Note amendment",
        (
            _participant_ref(),
            _f("note_id", R, "Note", required=True, ref="case_note"),
            _f("kind", C, "Kind", required=True, choices=AMENDMENT_KINDS),
            _f(
                "text",
                LT,
                "Correction or reason",
                required=True,
                searchable=True,
                sensitive=True,
                max_length=20_000,
            ),
            _f("author_name", T, "Written by", max_length=200),
        ),
        append_only=True,
        title_field="kind",
    ),
    Entity(
        "check_in",
        "Check-in",
        (
            _participant_ref(),
            _f("checked_on", D, "Date", required=True),
            _f("life_satisfaction", INT, "Satisfied with life", minimum=0, maximum=10),
            _f("worthwhile", INT, "Things you do are worthwhile", minimum=0, maximum=10),
            _f("happiness", INT, "Happy yesterday", minimum=0, maximum=10),
            _f("anxiety", INT, "Anxious yesterday", minimum=0, maximum=10),
            _f("active_days", INT, "Active days last week", minimum=0, maximum=7),
            _f("accommodation_status", C, "Accommodation", choices=ACCOMMODATION_STATUSES),
            _f("employment_status", C, "Work or training", choices=EMPLOYMENT_STATUSES),
            _f("new_offence", B, "New offence since last check-in"),
            _f("arrested", B, "Arrested since last check-in"),
            _f("recalled", B, "Recalled to custody since last check-in"),
        ),
        title_field="checked_on",
    ),
    Entity(
        "consent",
        "Consent",
        (
            _participant_ref(),
            _f(
                "consent_version",
                INT,
                "Version",
                required=True,
                minimum=1,
                maximum=10_000,
                coordinator_owned=True,
            ),
            _f(
                "share_with_server",
                B,
                "Share with other organisations in the partnership",
                coordinator_owned=True,
            ),
            _f("share_with_probation", B, "Share with probation", coordinator_owned=True),
            _f("share_with_services", L, "Share with these services", coordinator_owned=True),
            _f(
                "share_with_organisations",
                L,
                "Share with these partner organisations",
                coordinator_owned=True,
            ),
            _f(
                "privacy_notice_version",
                T,
                "Privacy notice shown",
                required=True,
                max_length=40,
                coordinator_owned=True,
            ),
            _f("given_on", D, "Date given", required=True, coordinator_owned=True),
            _f("recorded_by", T, "Recorded by", max_length=200, coordinator_owned=True),
            _f("withdrawn_on", D, "Date withdrawn", coordinator_owned=True),
        ),
        title_field="consent_version",
    ),
    Entity(
        "risk_assessment",
        "Lone-working risk assessment",
        (
            _participant_ref(),
            _f("assessed_on", D, "Date", required=True),
            _f("risks_to_mentor", LT, "Risks to the mentor", sensitive=True, max_length=5000),
            _f("risks_to_others", LT, "Risks to others", sensitive=True, max_length=5000),
            _f("meeting_places", LT, "Where meetings may take place", max_length=2000),
            _f("meet_in_pairs", B, "Meet in pairs only", coordinator_owned=True),
            _f("triggers", LT, "Triggers to avoid", sensitive=True, max_length=2000),
            _f("review_on", D, "Review by", coordinator_owned=True),
            _f("flags", L, "Safety flags it raises", sensitive=True),
            _f("flags_shared", L, "Of those, session leaders may see", sensitive=True),
            _f("assessed_by", T, "Assessed by", max_length=200),
        ),
        title_field="assessed_on",
    ),
)

#: Every record type by wire name, in the order of SPEC.md §2.
ENTITIES: dict[str, Entity] = {e.name: e for e in _ENTITIES}


def entity(name: str) -> Entity:
    """The record type called ``name``; ``KeyError`` with a clear message if unknown."""
    try:
        return ENTITIES[name]
    except KeyError:
        raise KeyError(f"unknown record type {name!r}") from None
