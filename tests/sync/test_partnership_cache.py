"""The partnership cache over real HTTP (SQLite): fetched at the end of each sync, kept in the
store's meta with the time fetched; its failure never fails the sync; agreements saved
through the transport, refused plainly when the server says no (issue 15, points 1 and 6)."""

from __future__ import annotations

import json
import logging
from datetime import date, timedelta
from typing import Any

import pytest

from mentor_desk.sync import partnership
from mentor_desk.sync.account import account_of, engine_for
from mentor_desk.sync.protocol import ProtocolError
from mentor_desk.sync.transport import ApiRefused, Transport
from tests.e2e.conftest import laptop, server  # noqa: F401 - fixtures
from tests.helpers.server_proc import Laptop, ServerProcess
from tests.server.conftest import database_url, sqlite_template  # noqa: F401 - fixtures

TODAY = date.today()


@pytest.fixture
def backend() -> str:
    """SQLite is enough here: the server's side has its own tests on both backends."""
    return "sqlite"


def _body(server: ServerProcess, **kw: Any) -> dict[str, Any]:  # noqa: F811
    return {
        "from_organisation_id": server.organisations["a"],
        "to_organisation_id": server.organisations["b"],
        "purpose": "Walking football: who is coming and what to look out for",
        "legal_basis": "consent",
        "fields": ["participant.preferred_name", "attendance.minutes_active"],
        "starts_on": (TODAY - timedelta(days=30)).isoformat(),
        "review_on": (TODAY + timedelta(days=150)).isoformat(),
        "ends_on": None,
        "signed_by": "Chair, Northside Trust; Head of Community, Southside Football",
        **kw,
    }


def _transport(lt: Laptop) -> Transport:
    account = account_of(lt.s)
    assert account is not None
    return Transport(account.url, account.token)


def _db(lt: Laptop) -> partnership.Db:
    return lambda fn: fn(lt.s)


def test_each_sync_keeps_the_partnership_with_the_time_fetched(
    server: ServerProcess,  # noqa: F811
    laptop: Any,  # noqa: F811
) -> None:
    office = laptop("coordinator")
    assert partnership.cached(office.s) is None  # never synced: nothing to show yet
    before = partnership.now_utc()
    office.sync()
    first = partnership.cached(office.s)
    assert first is not None
    assert first.fetched_at >= before
    assert {(o["name"], o["kind"]) for o in first.organisations} == {
        ("Northside Trust", "lead"),
        ("Southside Football", "sport"),
    }
    assert first.agreements == ()

    saved = partnership.save_agreement(_db(office), _transport(office), _body(server))
    assert saved["status"] == "live"
    after_save = partnership.cached(office.s)
    assert after_save is not None and after_save.agreement(saved["id"]) == saved

    mentor = laptop("mentor_a")  # every role that syncs gets the same picture
    mentor.sync()
    theirs = partnership.cached(mentor.s)
    assert theirs is not None
    (agreement,) = theirs.agreements
    assert agreement["fields"] == ["attendance.minutes_active", "participant.preferred_name"]
    assert agreement["signed_by"].startswith("Chair, Northside Trust")
    kept = json.loads(mentor.s.meta(partnership.CACHE_KEY) or "{}")
    assert set(kept) == {"fetched_at", "organisations", "agreements"}
    assert set(kept["organisations"][0]) == {"id", "name", "kind"}  # trimmed to what is shown


class _NoPartnership(Transport):
    """The real server, but the partnership call goes to a path that does not exist."""

    def partnership(self) -> dict[str, Any]:
        result: dict[str, Any] = self._call("GET", "/partnership/nothing-here")
        return result


def test_a_failed_partnership_fetch_does_not_fail_the_sync_and_keeps_the_last_copy(
    server: ServerProcess,  # noqa: F811
    laptop: Any,  # noqa: F811
    caplog: pytest.LogCaptureFixture,
) -> None:
    mentor = laptop("mentor_a")
    mentor.sync()
    last = partnership.cached(mentor.s)
    assert last is not None
    pid = mentor.add_participant("Robin", "Example")
    account = account_of(mentor.s)
    assert account is not None
    engine = engine_for(account, _db(mentor), transport=_NoPartnership(account.url, account.token))
    with caplog.at_level(logging.INFO, logger="mentor_desk.sync.engine"):
        report = engine.run_once()
    assert report.pushed == 1 and report.applied == 1  # the sync itself went through
    assert partnership.cached(mentor.s) == last
    failures = [r.getMessage() for r in caplog.records if "partnership" in r.getMessage()]
    assert failures == ["partnership not refreshed: ApiRefused"]  # the reason's type only
    assert "Robin" not in caplog.text and pid not in caplog.text


def test_an_agreement_is_changed_with_put_and_the_cache_follows(
    server: ServerProcess,  # noqa: F811
    laptop: Any,  # noqa: F811
) -> None:
    office = laptop("coordinator")
    office.sync()
    transport = _transport(office)
    saved = partnership.save_agreement(_db(office), transport, _body(server))
    overdue = (TODAY - timedelta(days=1)).isoformat()
    changed = partnership.save_agreement(
        _db(office), transport, _body(server, review_on=overdue), saved["id"]
    )
    assert changed["id"] == saved["id"]
    assert changed["status"] == "review_overdue"
    cache = partnership.cached(office.s)
    assert cache is not None
    assert [a["review_on"] for a in cache.agreements] == [overdue]


def test_the_server_refuses_plainly_and_nothing_changes(
    server: ServerProcess,  # noqa: F811
    laptop: Any,  # noqa: F811
) -> None:
    mentor = laptop("mentor_a")
    mentor.sync()
    before = mentor.s.meta(partnership.CACHE_KEY)
    with pytest.raises(ApiRefused) as refused:
        partnership.save_agreement(_db(mentor), _transport(mentor), _body(server))
    assert refused.value.status == 403
    assert "coordinator of the lead organisation" in str(refused.value)
    assert mentor.s.meta(partnership.CACHE_KEY) == before

    office = laptop("coordinator")
    office.sync()
    bad = _body(server, fields=["case_note.text"])
    with pytest.raises(ApiRefused) as invalid:
        partnership.save_agreement(_db(office), _transport(office), bad)
    assert invalid.value.status == 422
    assert "never shared with another organisation" in str(invalid.value)


def test_a_malformed_answer_is_not_kept() -> None:
    with pytest.raises(ProtocolError):
        partnership.parse({"organisations": [{"name": "No id"}], "agreements": []}, "x")
    with pytest.raises(ProtocolError):
        partnership.parse({"organisations": []}, "x")
    ok = partnership.parse(
        {"organisations": [{"id": "o1", "name": "A", "kind": "lead", "x": 1}], "agreements": []},
        "2026-12-03T10:00:00+00:00",
    )
    assert ok.organisations == ({"id": "o1", "name": "A", "kind": "lead"},)
