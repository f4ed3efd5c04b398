"""The sharing rule of domain/partnership.py (issue 15): when an agreement is live, what
never flows, consent per partner, and what a partner's copy of a record holds."""

from __future__ import annotations

from datetime import date

from mentor_desk.domain import partnership as rule

DAY = date(2026, 12, 3)
AGREED = frozenset({"participant.preferred_name", "participant.safety_flags", "goal.goal_text"})


def _agreement(**kw: object) -> rule.Agreement:
    base: dict[str, object] = {
        "id": "a1",
        "from_organisation_id": "lead",
        "to_organisation_id": "trust",
        "fields": AGREED,
        "starts_on": date(2026, 1, 1),
        "review_on": date(2027, 1, 1),
        "ends_on": None,
    }
    return rule.Agreement(**{**base, **kw})  # type: ignore[arg-type]


def _consent(orgs: list[str], **kw: object) -> dict[str, object]:
    return {
        "consent_version": 1,
        "given_on": "2026-11-01",
        "share_with_server": True,
        "share_with_organisations": orgs,
        **kw,
    }


def test_an_agreement_is_live_between_its_start_its_end_and_its_review() -> None:
    assert _agreement().live(DAY)
    assert _agreement(starts_on=date(2026, 12, 3)).live(DAY)  # from its first day
    assert not _agreement(starts_on=date(2026, 12, 4)).live(DAY)
    assert _agreement(ends_on=date(2026, 12, 3)).live(DAY)  # to its last day
    assert not _agreement(ends_on=date(2026, 12, 2)).live(DAY)
    overdue = _agreement(review_on=date(2026, 12, 2))
    assert not overdue.live(DAY) and overdue.status(DAY) == "review_overdue"
    assert _agreement(ends_on=date(2026, 1, 2)).status(DAY) == "ended"


def test_consent_for_the_partner_decides_and_never_shared_fields_stay() -> None:
    agreements = [_agreement()]
    allowed = rule.allowed_fields(agreements, [_consent(["trust"])], "lead", "trust", DAY)
    assert allowed == {"participant.preferred_name", "goal.goal_text"}  # never the flags
    assert rule.allowed_fields(agreements, [_consent(["other"])], "lead", "trust", DAY) == set()
    no_partnership = [_consent(["trust"], share_with_server=False)]
    assert rule.allowed_fields(agreements, no_partnership, "lead", "trust", DAY) == set()
    withdrawn = [_consent(["trust"], withdrawn_on="2026-11-20")]
    assert rule.allowed_fields(agreements, withdrawn, "lead", "trust", DAY) == set()
    assert rule.allowed_fields(agreements, [], "lead", "trust", DAY, overridden=True) == allowed
    assert rule.allowed_fields(agreements, [_consent(["trust"])], "other", "trust", DAY) == set()
    assert rule.allowed_fields(agreements, [_consent(["trust"])], "trust", "trust", DAY) == set()


def test_an_agreement_may_list_only_shareable_fields() -> None:
    assert rule.field_problems(["participant.preferred_name", "attendance.attended"]) == []
    problems = rule.field_problems(
        ["case_note.text", "participant.safety_flags", "service.name", "participant.shoe_size"]
    )
    assert len(problems) == 4
    assert "case_note.text" not in rule.shareable_fields()
    assert "participant.shared_safety_flags" in rule.shareable_fields()


def test_a_partners_copy_holds_only_the_allowed_fields_and_its_work() -> None:
    participant = {"reference": "MD-1", "given_name": "Jay", "preferred_name": "J", "phone": "1"}
    assert rule.project("participant", participant, AGREED) == {
        "reference": "MD-1",
        "preferred_name": "J",
    }
    referral = {
        "participant_id": "p",
        "service_id": "s",
        "referred_on": "2026-12-01",
        "kind": "referred",
        "status": "made",
        "outcome_note": "the mentor's",
    }
    held = rule.project("referral", referral, frozenset())
    assert "outcome_note" not in held and held["service_id"] == "s"
    goal = {"participant_id": "p", "goal_text": "Get a flat", "why_it_matters": "private"}
    assert rule.project("goal", goal, AGREED) == {"participant_id": "p", "goal_text": "Get a flat"}
