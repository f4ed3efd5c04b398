from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mentor_desk.domain import FieldError, validate
from mentor_desk.domain.ids import uuid7
from mentor_desk.domain.validation import MAX_DEPTH, ValidationFailed, check, json_problem

TODAY = date(2026, 11, 23)
CLOSURE = "completed"


def participant(**kw: object) -> dict[str, object]:
    base: dict[str, object] = {
        "reference": "ABC-2026-0001",
        "given_name": "Alex",
        "family_name": "Example",
        "status": "active",
    }
    base.update(kw)
    return base


def fields(errors: list[FieldError]) -> list[str]:
    return [e.field for e in errors]


def test_valid_participant_has_no_errors() -> None:
    assert validate("participant", participant(date_of_birth="1990-05-01"), today=TODAY) == []


def test_missing_required_fields_are_named() -> None:
    errors = validate("participant", {"status": "active"}, today=TODAY)
    assert fields(errors) == ["reference", "given_name", "family_name"]
    assert all(e.message == "is needed" for e in errors)


def test_blank_required_text_counts_as_missing() -> None:
    assert fields(validate("participant", participant(given_name="   "), today=TODAY)) == [
        "given_name"
    ]


@pytest.mark.parametrize(
    "dob, message",
    [
        ("2026-02-30", "is not a real date (use the form 2026-11-23)"),
        ("23/11/1990", "is not a real date (use the form 2026-11-23)"),
        ("2030-01-01", "is in the future"),
        ("1890-01-01", "does not look right (check the year)"),
    ],
)
def test_impossible_or_future_dates_get_a_plain_message(dob: str, message: str) -> None:
    assert validate("participant", participant(date_of_birth=dob), today=TODAY) == [
        FieldError("date_of_birth", message)
    ]


def test_closed_needs_a_reason() -> None:
    assert fields(validate("participant", participant(status="closed"), today=TODAY)) == [
        "closure_reason"
    ]
    assert (
        validate(
            "participant", participant(status="closed", closure_reason="moved_away"), today=TODAY
        )
        == []
    )


def test_choices_types_and_unknown_fields() -> None:
    errors = validate(
        "participant", participant(status="happy", pronouns=3, shoe_size="9"), today=TODAY
    )
    assert {(e.field, e.message) for e in errors} == {
        ("shoe_size", "is not a field of this record"),
        ("status", "is not one of the choices"),
        ("pronouns", "must be text"),
    }


def test_too_long_text_says_how_long() -> None:
    [err] = validate("participant", participant(given_name="x" * 101), today=TODAY)
    assert err.field == "given_name" and "101" in err.message and "100" in err.message


def test_one_line_fields_refuse_newlines_and_control_characters() -> None:
    assert fields(validate("participant", participant(area="LS1\nLS2"), today=TODAY)) == ["area"]
    assert fields(validate("participant", participant(area="LS\x001"), today=TODAY)) == ["area"]


def note(text: str, **kw: object) -> dict[str, object]:
    return {
        "participant_id": uuid7(),
        "occurred_at": "2026-11-20T10:00:00Z",
        "contact_kind": "phone",
        "text": text,
        **kw,
    }


@pytest.mark.parametrize(
    "text",
    ["Met at the café 🙂", "مرحبا، كيف حالك؟", "Здравствуйте", "line one\nline two", "x" * 100_000],
)
def test_notes_accept_emoji_rtl_cyrillic_and_long_text(text: str) -> None:
    assert validate("case_note", note(text), today=TODAY) == []


def test_note_text_limit_and_future_time() -> None:
    assert fields(validate("case_note", note("x" * 100_001), today=TODAY)) == ["text"]
    assert validate("case_note", note("ok", occurred_at="2027-01-01T10:00:00Z"), today=TODAY) == [
        FieldError("occurred_at", "is in the future")
    ]


def test_ints_bools_refs_and_lists() -> None:
    errors = validate(
        "check_in",
        {
            "participant_id": "not-a-uuid",
            "checked_on": "2026-11-01",
            "life_satisfaction": 11,
            "anxiety": True,
            "new_offence": "no",
        },
        today=TODAY,
    )
    assert {(e.field, e.message) for e in errors} == {
        ("participant_id", "is not a valid record id"),
        ("life_satisfaction", "must be 10 or less"),
        ("anxiety", "must be a whole number"),
        ("new_offence", "must be yes or no"),
    }
    assert fields(
        validate("case_note", note("x", pathways=["accommodation", "space"]), today=TODAY)
    ) == ["pathways"]


def test_checklist_and_needs_shapes_are_checked() -> None:
    pid = uuid7()
    good = {"participant_id": pid, "checklist": {"stay_tonight": {"state": "done", "note": ""}}}
    assert validate("release_day", good, today=TODAY) == []
    bad = {"participant_id": pid, "checklist": {"stay_tonight": {"state": "maybe"}}}
    assert fields(validate("release_day", bad, today=TODAY)) == ["checklist"]
    needs = {
        "participant_id": pid,
        "assessed_on": "2026-11-01",
        "needs": {"unicorns": {"level": "high"}},
    }
    assert fields(validate("assessment", needs, today=TODAY)) == ["needs"]


def test_partial_allows_absent_required_but_not_blanked() -> None:
    assert validate("participant", {"pronouns": "they/them"}, partial=True, today=TODAY) == []
    assert fields(validate("participant", {"given_name": None}, partial=True, today=TODAY)) == [
        "given_name"
    ]


def test_session_time_format() -> None:
    assert fields(
        validate("activity_session", {"name": "Football", "time": "25:00"}, today=TODAY)
    ) == ["time"]


def test_check_raises_with_every_error() -> None:
    with pytest.raises(ValidationFailed) as info:
        check("participant", {"status": "active"})
    assert len(info.value.errors) == 3 and "given_name: is needed" in str(info.value)


def test_unknown_entity_is_an_error_not_a_crash() -> None:
    assert validate("spaceship", {}) == [FieldError("", "unknown record type 'spaceship'")]


@given(
    st.dictionaries(
        st.sampled_from(
            [
                "given_name",
                "family_name",
                "reference",
                "status",
                "date_of_birth",
                "pronouns",
                "safety_flags",
                "x",
            ]
        ),
        st.one_of(st.none(), st.text(), st.integers(), st.booleans(), st.lists(st.text())),
    )
)
def test_validate_never_crashes_on_any_input(values: dict[str, object]) -> None:
    result = validate("participant", values, today=TODAY)
    assert all(isinstance(e, FieldError) and e.message for e in result)


def test_json_fields_have_a_size_limit() -> None:
    pid = uuid7()
    huge = {
        "participant_id": pid,
        "checklist": {"stay_tonight": {"state": "done", "note": "x" * 1000}},
    }
    assert validate("release_day", huge, today=TODAY) == []
    snapshot = {
        "participant_id": pid,
        "plan_version": 1,
        "agreed_at": "2026-11-20T10:00:00Z",
        "snapshot": {"goals": ["x" * 250_000]},
    }
    assert validate("plan_agreement", snapshot, today=TODAY) == [
        FieldError("snapshot", "is too large")
    ]


def _nest(depth: int) -> object:
    value: object = "x"
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("Poison \ud800", "contains characters that cannot be stored"),
        ({"ok": ["a\x00b"]}, "contains characters that cannot be stored"),
        ({"\udc00": 1}, "has a name that cannot be stored"),
        (float("nan"), "has a number that is not finite (NaN or Infinity)"),
        ([float("-inf")], "has a number that is not finite (NaN or Infinity)"),
        (2**63, "has a number that is too large"),
        (-(2**63) - 1, "has a number that is too large"),
        (_nest(MAX_DEPTH + 1), "is nested too deeply"),
        (_nest(100_000), "is nested too deeply"),  # iterative: no RecursionError
        ({1: "x"}, "has a name that cannot be stored"),
        (("a", "b"), "has a value that is not JSON"),
    ],
)
def test_json_problem_names_what_cannot_be_stored(value: object, message: str) -> None:
    assert json_problem(value) == message


def test_json_problem_accepts_ordinary_json() -> None:
    value = {"a": [1, -(2**63), 2**63 - 1, 1.5, True, None, "Gwŷn \U0001f600\u2028"]}
    assert json_problem(value) is None
    assert json_problem(_nest(MAX_DEPTH)) is None


def test_every_value_is_storable_json_before_any_rule() -> None:
    errors = validate("participant", participant(given_name="Al\ud800ex"), today=TODAY)
    assert errors == [FieldError("given_name", "contains characters that cannot be stored")]
    errors = validate("participant", participant(pronouns={"a": _nest(50)}), today=TODAY)
    assert errors == [FieldError("pronouns", "is nested too deeply")]
    # a field name that could be anything is never echoed
    errors = validate("participant", participant(**{"x\ud800" * 100: 1}), today=TODAY)
    assert errors == [FieldError("", "has a field that is not part of this record")]


@pytest.mark.parametrize("brk", ["\n", "\r", "\x85", "\u2028", "\u2029"])
def test_one_line_text_refuses_every_line_break(brk: str) -> None:
    assert validate("participant", participant(given_name=f"A{brk}B"), today=TODAY) == [
        FieldError("given_name", "must be on one line")
    ]
    note = {
        "participant_id": uuid7(),
        "occurred_at": "2026-11-20T10:00:00Z",
        "contact_kind": "face_to_face",
        "text": f"Met.{brk}Talked.",
    }
    assert validate("case_note", note, today=TODAY) == []  # long text keeps its breaks


def test_structured_fields_take_their_declared_shape_only() -> None:
    pid, gid = uuid7(), uuid7()
    rd = {"participant_id": pid}

    def checklist(item: object) -> list[str]:
        return fields(
            validate("release_day", rd | {"checklist": {"proof_of_identity": item}}, today=TODAY)
        )

    assert checklist({"state": "done", "note": "Passport"}) == []
    assert checklist({"state": "done"}) == []
    assert checklist({"state": "done", "note": "", "extra": 1}) == ["checklist"]
    assert checklist({"state": "done", "note": ["x"]}) == ["checklist"]
    assert checklist({"state": "done", "note": "bad \x07"}) == ["checklist"]
    ending = {"participant_id": pid, "ended_on": "2026-11-20", "closure_reason": CLOSURE}
    good = {gid: {"outcome": "achieved", "comment": "Got the flat"}}
    assert validate("end_of_support", ending | {"goal_outcomes": good}, today=TODAY) == []
    for bad in (
        {"not-a-goal-id": {"outcome": "achieved"}},
        {gid: {"outcome": "achieved", "by": "me"}},
        {gid: {"outcome": "achieved", "comment": 5}},
    ):
        errors = validate("end_of_support", ending | {"goal_outcomes": bad}, today=TODAY)
        assert fields(errors) == ["goal_outcomes"], bad
    agreement = {"participant_id": pid, "plan_version": 1, "agreed_at": "2026-11-20T10:00:00Z"}
    step = {"id": uuid7(), "what": "Ring the council", "who": "mentor", "done": False}
    goal = {"id": gid, "pathway": "accommodation", "goal_text": "A flat", "status": "in_progress"}
    snapshot = {"goals": [goal | {"target_date": None, "steps": [step]}]}
    assert validate("plan_agreement", agreement | {"snapshot": snapshot}, today=TODAY) == []
    for bad_snapshot in (
        {"goals": [goal | {"mood": "good"}]},
        {"goals": [goal | {"steps": [step | {"who": "the moon"}]}]},
        {"goals": [goal | {"status": "nonsense"}]},
        {"goals": "all of them"},
        {"notes": []},
    ):
        errors = validate("plan_agreement", agreement | {"snapshot": bad_snapshot}, today=TODAY)
        assert fields(errors) == ["snapshot"], bad_snapshot
