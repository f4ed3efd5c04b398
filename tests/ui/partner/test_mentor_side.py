"""The mentor's side of a referral that came back (issue 15 point 4): the Signposting tab
shows the partner service's answer and reply, and the caseload stops counting it as open."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mentor_desk.store import syncstate
from mentor_desk.store.records import Store
from mentor_desk.store.syncstate import RemoteChange
from mentor_desk.ui.forms.signposting import answer_text, short_day
from tests.helpers.ui import TIMEOUT
from tests.ui.forms.helpers import add_service, participant, query, reload_workspace

ANSWER_COLUMN = 6


def test_answer_text_says_who_answered_what_and_when() -> None:
    year = date.today().year
    declined = {"partner_answer": "declined", "answered_on": f"{year}-12-04"}
    assert answer_text({**declined, "partner_reply": "No  places\\nuntil March"}).startswith(
        "Declined by the service on 4 Dec: No places"
    )
    assert answer_text({"partner_answer": "accepted", "answered_on": f"{year}-12-04"}) == (
        "Accepted by the service on 4 Dec"
    )
    assert answer_text({"status": "made"}) == ""
    assert short_day(f"{year - 1}-03-01") == f"1 Mar {year - 1}"


def test_the_signposting_tab_and_caseload_show_the_services_answer(
    qtbot: QtBot, make_app: Any
) -> None:
    services, ws = participant(qtbot, make_app)
    service = add_service(qtbot, services, "Coaching badge course")
    today = date.today()

    def refer(store: Store) -> dict[str, Any]:
        return dict(
            store.create(
                "referral",
                {
                    "participant_id": ws.participant_id,
                    "service_id": service["id"],
                    "referred_on": (today - timedelta(days=20)).isoformat(),
                    "kind": "referred",
                    "status": "made",
                    "follow_up_on": (today - timedelta(days=6)).isoformat(),
                },
            )
        )

    ref = query(qtbot, services, refer)
    services.window.refresh_caseload()
    model = services.window.caseload.model
    qtbot.waitUntil(
        lambda: bool(model.rows()) and model.rows()[0].open_referrals == 1, timeout=TIMEOUT
    )

    def answered_by_partner(store: Store) -> None:
        fields = {k: ref[k] for k in ("participant_id", "service_id", "referred_on", "kind")}
        fields.update(
            status="declined",
            partner_answer="declined",
            partner_reply="No places until March",
            answered_on=today.isoformat(),
            follow_up_on=ref["follow_up_on"],
        )
        syncstate.apply_page(
            store, [RemoteChange("referral", ref["id"], 50, 3, False, fields, {})], 50
        )

    # the mentor's own create is still in the outbox; the server's answer fields are not
    query(qtbot, services, lambda s: syncstate.acknowledge(s, []))
    query(qtbot, services, lambda s: s.conn.execute("DELETE FROM outbox"))
    query(qtbot, services, answered_by_partner)
    reload_workspace(qtbot, services, ws)
    referrals = ws.forms.signposting.referrals
    qtbot.waitUntil(lambda: referrals.rowCount() == 1, timeout=TIMEOUT)
    cell = referrals.index(0, ANSWER_COLUMN).data()
    assert (
        cell == f"Declined by the service on {short_day(today.isoformat())}: No places until March"
    )
    heading = referrals.headerData(ANSWER_COLUMN, Qt.Orientation.Horizontal)
    assert heading == "The service's answer"
    services.window.refresh_caseload()
    qtbot.waitUntil(lambda: model.rows()[0].open_referrals == 0, timeout=TIMEOUT)
    assert model.rows()[0].follow_ups_due == 0
