"""What "Share with other organisations in the partnership" means, over real HTTP (12.2).

The participant's record always reaches their own organisation's server copy (the
organisation's case record, on its own legal basis); the permission governs only what may
reach *another* organisation. Today no route and no pull lets one organisation read
another's participants, whatever the consent says — an information-sharing agreement will
be the only way (docs/data-protection.md). Runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.helpers.server_proc import Laptop, ServerProcess, api

MakeLaptop = Callable[..., Laptop]


@pytest.mark.parametrize("partnership", [False, True])
def test_no_record_reaches_another_organisation(
    server: ServerProcess, laptop: MakeLaptop, partnership: bool
) -> None:
    mentor = laptop("mentor_a")
    pid = mentor.add_participant("Casey", "Consent")
    consent = mentor.s.create(
        "consent",
        {
            "participant_id": pid,
            "consent_version": 1,
            "given_on": "2026-11-20",
            "privacy_notice_version": "2026-01",
            "share_with_server": partnership,
            "share_with_probation": False,
            "share_with_services": [],
        },
    )
    note = mentor.add_note(pid, "Met at the gate")
    assert mentor.sync().rejected == 0

    # Their own organisation's coordinator has the record, whatever the answer.
    office = laptop("coordinator")
    office.sync()
    assert office.s.get("participant", pid) is not None
    assert office.s.get("consent", consent["id"])["share_with_server"] is partnership  # type: ignore[index]
    assert [n["id"] for n in office.s.list("case_note", participant_id=pid)] == [note]

    # Another organisation gets nothing of it: not by pull, not by any read route.
    other = laptop("mentor_b")
    other.sync()
    assert other.s.get("participant", pid) is None
    assert other.s.list("case_note") == [] and other.s.list("consent") == []
    assert api(server, "GET", f"/participants/{pid}", "mentor_b").status_code == 404
    for entity, rid in (("case_note", note), ("consent", consent["id"])):
        assert api(server, "GET", f"/records/{entity}/{rid}", "mentor_b").status_code == 404
    listed = api(server, "GET", "/participants", "mentor_b")
    assert listed.status_code == 200 and pid not in listed.text
