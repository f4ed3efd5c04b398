"""Keeping agreements and consent overrides (issue 15): who may, and what is refused."""

from __future__ import annotations

from typing import Any

from .helpers import API, World


def _body(w: World, **kw: Any) -> dict[str, Any]:
    return {
        "from_organisation_id": w.org_a,
        "to_organisation_id": w.org_b,
        "purpose": "Walking football",
        "legal_basis": "consent",
        "fields": ["participant.preferred_name", "attendance.attended"],
        "starts_on": "2026-01-01",
        "review_on": "2027-01-01",
        "signed_by": "Both chairs",
        **kw,
    }


def _post(w: World, who: str, body: dict[str, Any]) -> Any:
    return w.client.post(f"{API}/partnership/agreements", json=body, headers=w[who].headers)


def test_only_the_lead_organisations_coordinator_or_an_admin_keeps_agreements(world: World) -> None:
    assert _post(world, "coordinator_b", _body(world)).status_code == 403  # a sport trust's
    made = _post(world, "coordinator", _body(world))
    assert made.status_code == 201, made.text
    assert made.json()["status"] == "live"
    seen = world.client.get(f"{API}/partnership", headers=world["partner_b"].headers).json()
    assert [a["id"] for a in seen["agreements"]] == [made.json()["id"]]
    kinds = {o["id"]: o["kind"] for o in seen["organisations"]}
    assert kinds[world.org_a] == "lead" and kinds[world.org_b] == "sport"


def test_a_bad_agreement_is_refused_whole_and_changes_nothing(world: World) -> None:
    for bad, field in (
        (_body(world, fields=["case_note.text"]), "fields"),
        (_body(world, fields=["participant.safety_flags"]), "fields"),
        (_body(world, fields=["participant.shoe_size"]), "fields"),
        (_body(world, fields=[]), "fields"),
        (_body(world, to_organisation_id=world.org_a), "to_organisation_id"),
        (_body(world, ends_on="2025-12-31"), "ends_on"),
        (_body(world, starts_on="2026-02-30"), "starts_on"),
        (_body(world, to_organisation_id="no-such-organisation"), "to_organisation_id"),
    ):
        response = _post(world, "coordinator", bad)
        assert response.status_code == 422, (bad, response.text)
        assert field in response.text
    assert (
        world.client.get(f"{API}/partnership", headers=world["admin"].headers).json()["agreements"]
        == []
    )


def test_a_consent_override_needs_a_reason_and_the_participants_own_coordinator(
    world: World,
) -> None:
    url = f"{API}/partnership/consent-overrides"
    body = {"participant_id": world.participants["a"], "organisation_id": world.org_b}
    short = world.client.post(
        url, json={**body, "reason": "because"}, headers=world["coordinator"].headers
    )
    assert short.status_code == 422
    other = world.client.post(
        url,
        json={**body, "participant_id": world.participants["b"], "reason": "Safeguarding need"},
        headers=world["coordinator"].headers,
    )
    assert other.status_code == 404  # not their organisation's participant
    made = world.client.post(
        url, json={**body, "reason": "Safeguarding need"}, headers=world["coordinator"].headers
    )
    assert made.status_code == 201, made.text
    listed = world.client.get(url, headers=world["coordinator"].headers).json()
    assert [o["id"] for o in listed] == [made.json()["id"]]
    ended = world.client.post(
        f"{url}/{made.json()['id']}/end", headers=world["coordinator"].headers
    )
    assert ended.status_code == 200 and ended.json()["ended_at"] is not None
    assert world.client.get(url, headers=world["coordinator"].headers).json() == []
    audit = world.client.get(f"{API}/admin/audit", headers=world["admin"].headers).json()
    actions = [e["action"] for e in audit]
    assert "partnership.consent_override" in actions
