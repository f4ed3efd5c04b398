"""The caseload: the query's figures, the item model (qtmodeltester), filters and search."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QPersistentModelIndex, Qt
from pytestqt.qtbot import QtBot

from mentor_desk.store.caseload import caseload
from mentor_desk.store.records import Store
from mentor_desk.ui.caseload.model import (
    ID_ROLE,
    LAST,
    NAME,
    NEXT,
    SAFETY,
    CaseloadFilter,
    CaseloadModel,
)
from tests.helpers.ui import TIMEOUT, caseload_ids, first_run, press, start


def _iso(days_ago: int) -> str:
    return (datetime.now(UTC) - timedelta(days=days_ago)).strftime("%Y-%m-%dT%H:%M:%SZ")


def _fill(store: Store) -> dict[str, str]:
    today = date.today()
    ids = {}
    for given, status, flags, due in (
        ("Ash", "active", ["Meet in public places only"], today - timedelta(days=2)),
        ("Bo", "active", None, today + timedelta(days=5)),
        ("Cy", "closed", None, None),
    ):
        rec = store.create(
            "participant",
            {
                "reference": store.new_reference(),
                "given_name": given,
                "family_name": "Test",
                "status": status,
                "closure_reason": "moved_away" if status == "closed" else None,
                "safety_flags": flags,
                "next_contact_due": due.isoformat() if due else None,
            },
        )
        ids[given] = rec["id"]
    ash = ids["Ash"]
    store.create(
        "case_note",
        {
            "participant_id": ash,
            "occurred_at": _iso(3),
            "contact_kind": "phone",
            "text": "Talked about the allotment",
        },
    )
    store.create(
        "case_note",
        {
            "participant_id": ash,
            "occurred_at": _iso(1),
            "contact_kind": "attempted",
            "text": "No answer",
        },
    )
    service = store.create("service", {"name": "Hostel"})
    store.create(
        "referral",
        {
            "participant_id": ash,
            "service_id": service["id"],
            "referred_on": (today - timedelta(days=9)).isoformat(),
            "kind": "referred",
            "status": "made",
            "follow_up_on": (today - timedelta(days=1)).isoformat(),
        },
    )
    goal = store.create(
        "goal",
        {
            "participant_id": ash,
            "pathway": "accommodation",
            "goal_text": "A flat",
            "status": "in_progress",
        },
    )
    store.create(
        "goal_step",
        {
            "participant_id": ash,
            "goal_id": goal["id"],
            "what": "Call",
            "due_date": (today - timedelta(days=4)).isoformat(),
            "done": False,
        },
    )
    return ids


def test_caseload_query_figures(store: Store) -> None:
    ids = _fill(store)
    rows = {r.participant_id: r for r in caseload(store)}
    ash = rows[ids["Ash"]]
    assert ash.days_since_contact == 3  # the failed attempt does not count
    assert ash.open_referrals == 1 and ash.follow_ups_due == 1
    assert ash.overdue_steps == 1
    assert ash.safety_flags == ("Meet in public places only",)
    assert ash.due_now
    bo = rows[ids["Bo"]]
    assert bo.days_since_contact is None and not bo.due_now


def test_caseload_model_passes_modeltester(qtmodeltester: Any, store: Store) -> None:
    _fill(store)
    model = CaseloadModel()
    model.set_rows(caseload(store))
    qtmodeltester.check(model)
    proxy = CaseloadFilter()
    proxy.setSourceModel(model)
    proxy.sort(NEXT)
    qtmodeltester.check(proxy)
    assert model.index(0, SAFETY).data() or model.index(1, SAFETY).data()
    assert {model.index(r, LAST).data() for r in range(3)} >= {"3 days ago", "Never"}


def _filled(qtbot: QtBot, make_app: Any) -> tuple[Any, Any, dict[str, str]]:
    """A new profile with the three people of :func:`_fill`, the caseload showing them."""
    services = make_app()
    start(qtbot, services)
    first_run(qtbot, services)
    ids: dict[str, str] = {}
    services.runner.run(_fill, ids.update, writes=True)
    page = services.window.caseload
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=TIMEOUT)
    return services, page, ids


def test_filters_and_full_text_search(qtbot: QtBot, make_app: Any) -> None:
    services, page, ids = _filled(qtbot, make_app)
    assert set(caseload_ids(services)) == {ids["Ash"], ids["Bo"]}  # closed hidden
    page.due_only.setChecked(True)
    assert caseload_ids(services) == [ids["Ash"]]
    page.due_only.setChecked(False)
    page.status.setCurrentIndex(page.status.findData(CaseloadFilter.ALL))
    assert len(caseload_ids(services)) == 3
    qtbot.keyClicks(page.search, "allotm")  # words of a note, not a name
    qtbot.waitUntil(lambda: caseload_ids(services) == [ids["Ash"]], timeout=TIMEOUT)
    page.search.clear()
    qtbot.waitUntil(lambda: len(caseload_ids(services)) == 3, timeout=TIMEOUT)
    assert page.headline.text() == "1 of 2 people needs you today or is overdue"


def test_sorting_is_done_by_the_model_and_keeps_selection(qtmodeltester: Any, store: Store) -> None:
    _fill(store)
    model = CaseloadModel()
    model.set_rows(caseload(store))
    proxy = CaseloadFilter()
    proxy.setSourceModel(model)
    proxy.set_status(CaseloadFilter.ALL)
    kept = QPersistentModelIndex(proxy.index(0, NAME))
    name = kept.data()
    proxy.sort(NAME, Qt.SortOrder.DescendingOrder)
    names = [proxy.index(r, NAME).data() for r in range(proxy.rowCount())]
    assert names == sorted(names, reverse=True)
    assert kept.isValid() and kept.data() == name
    qtmodeltester.check(proxy)


def test_enter_in_the_search_opens_the_only_match_and_down_goes_into_the_list(
    qtbot: QtBot, make_app: Any
) -> None:
    """Issue 12.11: Ctrl+F, a name, Enter opens them; several matches: Enter or Down."""
    services, page, ids = _filled(qtbot, make_app)

    # Typed and Enter at once, before the search has answered.
    press(qtbot, services, "Ctrl+F")
    assert page.search.hasFocus()
    qtbot.keyClicks(page.search, "Bo")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            (ws := services.window.current_workspace()) is not None
            and ws.participant_id == ids["Bo"]
        ),
        timeout=TIMEOUT,
    )

    # Several matches: Enter goes into the list, Enter there opens the chosen one.
    press(qtbot, services, "Ctrl+1")
    press(qtbot, services, "Ctrl+F")
    qtbot.keyClicks(page.search, "Test")  # the open cases share a family name
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 2, timeout=TIMEOUT)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.table.hasFocus() and page.table.currentIndex().row() == 0
    press(qtbot, services, "Ctrl+F")
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.table.hasFocus() and page.table.currentIndex().isValid()
    chosen = str(page.table.currentIndex().data(ID_ROLE))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            (ws := services.window.current_workspace()) is not None and ws.participant_id == chosen
        ),
        timeout=TIMEOUT,
    )


def test_headline_counts_one_person_as_a_person(qtbot: QtBot, make_app: Any) -> None:
    """Issue 12.14: not "1 people on your caseload"."""
    services = make_app()
    start(qtbot, services)
    first_run(qtbot, services)
    page = services.window.caseload
    assert page.headline.text() == "No one on your caseload yet"

    def one(store: Store) -> None:
        store.create(
            "participant",
            {
                "reference": store.new_reference(),
                "given_name": "Solo",
                "family_name": "Person",
                "status": "active",
                "next_contact_due": (date.today() + timedelta(days=3)).isoformat(),
            },
        )

    services.runner.run(one, lambda _r: page.refresh(), writes=True)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=TIMEOUT)
    assert page.headline.text() == "1 person on your caseload — nothing overdue"
    assert page.headline.accessibleName() == page.headline.text()
