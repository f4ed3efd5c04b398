"""The printable summary of one information-sharing agreement (issue 15 point 1)."""

from __future__ import annotations

from datetime import date

from mentor_desk.export.isa_summary import collect_isa_summary, isa_summary_pdf
from tests.export.conftest import pdf_text

ORGS = [
    {"id": "o-lead", "name": "Northside Mentoring Trust", "kind": "lead"},
    {"id": "o-sport", "name": "Riverside Community Football", "kind": "sport"},
]
AGREEMENT = {
    "id": "a-1",
    "from_organisation_id": "o-lead",
    "to_organisation_id": "o-sport",
    "purpose": "Walking football: who is coming and what to look out for",
    "legal_basis": "consent",
    "fields": [
        "attendance.minutes_active",
        "participant.shared_safety_flags",
        "participant.preferred_name",
        "not.a_field",
    ],
    "starts_on": "2026-09-01",
    "review_on": "2027-03-01",
    "ends_on": None,
    "signed_by": "Chair, Northside Mentoring Trust; Director, Riverside Community Football",
    "status": "live",
}


def test_the_summary_says_who_what_why_and_what_never_flows(qapp: object) -> None:
    data = collect_isa_summary(
        AGREEMENT, ORGS, fetched_at="2026-12-01T09:30:00+00:00", today=date(2026, 12, 3)
    )
    assert data.groups == (
        ("Participant", ("Preferred name", "Safety flags session leaders may see")),
        ("Attendance", ("Minutes active",)),
    )
    text = pdf_text(isa_summary_pdf(data))
    assert (
        "Northside Mentoring Trust (lead organisation) shares with Riverside Community "
        "Football (community sport)" in text
    )
    assert "In force: the listed fields may flow." in text
    assert "Walking football: who is coming and what to look out for" in text
    assert "Consent of the participant" in text
    assert "Preferred name" in text and "Minutes active" in text
    assert "a_field" not in text  # only what the vocabulary declares
    assert "Case note: all of it" in text and "Participant: Safety flags" in text
    assert "Tuesday 1 September 2026" in text and "Monday 1 March 2027" in text
    assert "No end date set" in text
    assert "Director, Riverside Community Football" in text
    assert "Thursday 3 December 2026" in text  # made on


def test_a_lapsed_review_is_written_out_not_coloured(qapp: object) -> None:
    data = collect_isa_summary(AGREEMENT, ORGS, fetched_at="", today=date(2027, 3, 2))
    text = pdf_text(isa_summary_pdf(data))
    assert "OVERDUE — was due Monday 1 March 2027" in text
    assert "Review overdue: nothing flows until the agreement is reviewed." in text
    ended = collect_isa_summary(
        {**AGREEMENT, "ends_on": "2026-10-01", "to_organisation_id": "gone"},
        ORGS,
        fetched_at="",
        today=date(2026, 12, 3),
    )
    assert ended.status == "Ended: nothing flows any more."
    assert ended.to_name == "An organisation not listed"
