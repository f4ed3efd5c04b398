from __future__ import annotations

import uuid

import pytest

from mentor_desk.domain import ENTITIES, Kind, entity, resources
from mentor_desk.domain.ids import uuid7

WIRE_NAMES = [
    "participant",
    "release_day",
    "assessment",
    "goal",
    "goal_step",
    "goal_review",
    "plan_agreement",
    "end_of_support",
    "service",
    "referral",
    "activity_session",
    "attendance",
    "case_note",
    "note_amendment",
    "check_in",
    "consent",
    "risk_assessment",  # issue 15: the lone-working risk assessment (SPEC.md §7)
]


def test_every_record_of_the_spec_is_declared_once_with_its_wire_name() -> None:
    assert list(ENTITIES) == WIRE_NAMES


@pytest.mark.parametrize("name", WIRE_NAMES)
def test_scoped_records_carry_their_participant(name: str) -> None:
    ent = entity(name)
    if ent.scoped and name != "participant":
        f = ent.field("participant_id")
        assert f.kind is Kind.REF and f.required and f.ref == "participant"
    else:
        assert not ent.has("participant_id")


def test_refs_point_at_declared_records() -> None:
    for ent in ENTITIES.values():
        for f in ent.fields:
            if f.kind is Kind.REF:
                assert f.ref in ENTITIES, (ent.name, f.name)


def test_notes_are_append_only_and_searchable() -> None:
    note = entity("case_note")
    assert note.append_only and entity("note_amendment").append_only
    assert note.field("text").searchable and note.field("text").sensitive


def test_coordinator_owned_fields_match_sync_md() -> None:
    assert set(entity("participant").coordinator_owned) >= {
        "safety_flags",
        "assigned_mentor_id",
        "organisation_id",
    }
    assert "given_on" in entity("consent").coordinator_owned


def test_unknown_record_type_is_a_clear_error() -> None:
    with pytest.raises(KeyError, match="unknown record type 'nope'"):
        entity("nope")


def test_pathways_come_from_data_in_spec_order_with_crs_mapping() -> None:
    keys = resources.pathway_keys()
    assert keys[:3] == ("accommodation", "ete", "health")
    assert len(keys) == 11
    crs = resources.pathway_to_crs()
    known = set(resources.keys("pathways.json", "crs_categories"))
    assert all(set(v) <= known and v for v in crs.values())
    assert entity("goal").field("pathway").choices == keys


def test_checklist_has_the_urgent_probation_item() -> None:
    urgent = [i for i in resources.checklist_items() if i.get("urgent")]
    assert [i["key"] for i in urgent] == ["probation_appointment"]
    assert resources.checklist_states() == ("done", "arranged", "not_needed", "outstanding")


def test_uuid7_is_version_7_and_time_ordered() -> None:
    ids = [uuid7() for _ in range(50)]
    assert all(uuid.UUID(i).version == 7 for i in ids)
    assert len(set(ids)) == 50
    assert [i[:13] for i in ids] == sorted(i[:13] for i in ids)
