"""The agreement editor against a real server process (SQLite): the lead's coordinator saves an
agreement and the screen shows it from the refreshed cache; a laptop that believes it may but
whose account may not is told the server's own reason, and keeps what was typed."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from mentor_desk.app import Services
from mentor_desk.store.records import Store
from mentor_desk.sync.account import join
from mentor_desk.sync.partnership import cached
from mentor_desk.ui.partnership.screen import PartnershipWindow
from mentor_desk.ui.sync.controller import Phase
from tests.e2e.conftest import server  # noqa: F401 - fixture
from tests.helpers.server_proc import PASSWORD, ServerProcess
from tests.helpers.ui import TIMEOUT, first_run, start, wait_idle
from tests.server.conftest import database_url, sqlite_template  # noqa: F401 - fixtures
from tests.ui.forms.helpers import query

SYNC_TIMEOUT = 30_000


@pytest.fixture
def backend() -> str:
    return "sqlite"


def _joined(
    qtbot: QtBot, make_app: Any, url: str, username: str, *, role: str | None = None
) -> tuple[Services, PartnershipWindow]:
    services = make_app()
    start(qtbot, services)
    first_run(qtbot, services)
    # the first activation (local-only) must be over before joining, or two would race
    state = lambda: services.sync.state  # noqa: E731
    qtbot.waitUntil(
        lambda: state().phase is Phase.LOCAL and state().counts is not None, timeout=TIMEOUT
    )

    def op(store: Store) -> None:
        join(store, url, username, PASSWORD, "test-laptop")
        if role:
            with store.transaction():
                store.set_meta("user_role", role)

    query(qtbot, services, op)
    with qtbot.waitSignal(services.sync.cycle_finished, timeout=SYNC_TIMEOUT):
        services.sync.activate()
    wait_idle(qtbot, services)
    assert query(qtbot, services, cached) is not None
    assert services.partnership is not None
    screen = services.partnership.open()
    assert screen is not None
    qtbot.waitUntil(lambda: screen.view is not None, timeout=TIMEOUT)
    return services, screen


def _fill(qtbot: QtBot, screen: PartnershipWindow, server: ServerProcess) -> Any:  # noqa: F811
    editor = screen.new_agreement()
    assert editor is not None
    editor.from_org.setCurrentIndex(editor.from_org.findData(server.organisations["a"]))
    editor.to_org.setCurrentIndex(editor.to_org.findData(server.organisations["b"]))
    qtbot.keyClicks(editor.purpose, "Walking football: who is coming")
    editor.fields_model.set_checked("participant.preferred_name", True)
    editor.fields_model.set_checked("attendance.minutes_active", True)
    editor.review_on.setText("2027-06-30")
    qtbot.keyClicks(editor.signed_by, "Chair of Northside; Head of Community, Southside")
    return editor


def test_the_lead_coordinator_saves_an_agreement_and_the_screen_shows_it(
    qtbot: QtBot,
    make_app: Any,
    server: ServerProcess,  # noqa: F811
) -> None:
    services, screen = _joined(qtbot, make_app, server.url, "coordinator")
    assert screen.model.rowCount() == 0 and screen.new_button.isEnabled()
    editor = _fill(qtbot, screen, server)
    with qtbot.waitSignal(editor.saved, timeout=SYNC_TIMEOUT) as saved:
        editor.save_button.click()
    assert saved.args[0]["status"] == "live"
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=TIMEOUT)
    row = [screen.model.index(0, c).data() for c in range(screen.model.columnCount())]
    assert row[:3] == ["Northside Trust", "Southside Football", "Walking football: who is coming"]
    assert row[4] == "In force" and row[6] == "2"
    kept = query(qtbot, services, cached)
    assert kept is not None and [a["id"] for a in kept.agreements] == [saved.args[0]["id"]]


def test_the_server_decides_finally_and_its_reason_is_shown(
    qtbot: QtBot,
    make_app: Any,
    server: ServerProcess,  # noqa: F811
) -> None:
    # A mentor's laptop that (wrongly) thinks it is a coordinator's: the server says no.
    services, screen = _joined(qtbot, make_app, server.url, "mentor_a", role="coordinator")
    editor = _fill(qtbot, screen, server)
    editor.save_button.click()
    qtbot.waitUntil(lambda: "Not saved" in editor.error.text(), timeout=SYNC_TIMEOUT)
    assert "coordinator of the lead organisation" in editor.error.text()
    assert editor.save_button.isEnabled()
    assert editor.purpose.toPlainText() == "Walking football: who is coming"
    assert len(editor.body()["fields"]) == 2
    kept = query(qtbot, services, cached)
    assert kept is not None and kept.agreements == ()
    editor.reject()
