"""Screenshots of a partner's laptop (issue 15): partner-home.png and referral-inbox.png.

Run under a real X server, like ``take.py``::

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/screenshots/take_partner.py

The store is made as a football trust's session leader's laptop holds it after a sync:
the timetable and directory, and of each person in reach only what the sharing agreement
lets through — the reference, the name they go by (for some), the safety flags marked for
session leaders — with the attendance at the trust's sessions and the referrals to its
services. Every name and flag is invented.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from mentor_desk.domain.ids import uuid7
from mentor_desk.store import syncstate
from mentor_desk.store.keys import KdfParams
from mentor_desk.store.profile import Profile
from mentor_desk.store.records import Store
from mentor_desk.store.syncstate import RemoteChange
from mentor_desk.ui.shell.theme import apply_theme

sys.path.insert(0, str(Path(__file__).resolve().parent))
from take import open_window, settle, shot, wait

PASSPHRASE = "screenshots only, invented data"
TRUST, OTHER = "org-riverside-trust", "org-northgate-housing"
PEOPLE = [  # reference, preferred name, shared safety flags
    ("LDN-2026-0042", "Sunny", ["Do not pair with LDN-2026-0007 in drills"]),
    ("LDN-2026-0057", "", []),
    ("LDN-2026-0063", "Dee", []),
    ("LDN-2026-0071", "Kit", ["Asthma: inhaler in kit bag", "Leaves early for curfew 19:30"]),
    ("LDN-2026-0088", "Mo", []),
    ("LDN-2026-0094", "", []),
]


def seed(store: Store) -> None:
    today = date.today()
    seq = 0
    changes: list[RemoteChange] = []

    def add(entity: str, fields: dict[str, Any]) -> str:
        nonlocal seq
        seq += 1
        rid = uuid7()
        changes.append(RemoteChange(entity, rid, seq, 1, False, fields, {}))
        return rid

    with store.transaction():
        store.set_meta("user_role", "partner")
        store.set_meta("organisation_id", TRUST)
    football = add(
        "activity_session",
        {
            "name": "Walking football",
            "venue": "Riverside pitch 2",
            "weekday": "tuesday",
            "time": "18:00",
            "run_by_organisation_id": TRUST,
        },
    )
    add(
        "activity_session",
        {
            "name": "Boxing fitness",
            "venue": "Riverside sports hall",
            "weekday": "thursday",
            "time": "17:30",
            "run_by_organisation_id": TRUST,
        },
    )
    add(
        "activity_session",
        {
            "name": "Five-a-side league",
            "venue": "Riverside pitch 1",
            "weekday": "saturday",
            "time": "10:00",
            "run_by_organisation_id": TRUST,
        },
    )
    add("activity_session", {"name": "Allotment group", "run_by_organisation_id": OTHER})
    coaching = add(
        "service", {"name": "Coaching badge course (Level 1)", "run_by_organisation_id": TRUST}
    )
    volunteering = add(
        "service", {"name": "Matchday volunteering", "run_by_organisation_id": TRUST}
    )
    add("service", {"name": "Tenancy support", "run_by_organisation_id": OTHER})
    ids = []
    for reference, name, flags in PEOPLE:
        fields: dict[str, Any] = {"reference": reference, "shared_safety_flags": flags}
        if name:
            fields["preferred_name"] = name
        ids.append(add("participant", fields))
    for n, pid in enumerate(ids):
        for week in (1, 2):
            add(
                "attendance",
                {
                    "participant_id": pid,
                    "session_id": football,
                    "attended_on": (today - timedelta(days=7 * week + n % 2)).isoformat(),
                    "attended": ("yes", "late", "yes", "no")[(n + week) % 4],
                },
            )
    referrals = [
        (ids[1], coaching, 0, "referred", None, None),
        (ids[4], volunteering, 2, "accompanied", None, None),
        (ids[0], coaching, 9, "referred", "accepted", "Starts Monday 6 pm; bring trainers."),
        (ids[3], coaching, 16, "referred", "declined", "Course full until March; we will call."),
        (ids[2], volunteering, 30, "referred", "attended", ""),
    ]
    for pid, service, ago, kind, answer, reply in referrals:
        fields = {
            "participant_id": pid,
            "service_id": service,
            "referred_on": (today - timedelta(days=ago)).isoformat(),
            "kind": kind,
            "status": answer or "made",
        }
        if answer:
            fields.update(
                partner_answer=answer,
                answered_on=(today - timedelta(days=max(ago - 3, 0))).isoformat(),
            )
            if reply:
                fields["partner_reply"] = reply
        add("referral", fields)
    syncstate.apply_page(store, changes, next_cursor=seq)


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    apply_theme(app)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "partner"
        store = Profile(folder).create(
            PASSPHRASE, kdf=KdfParams.fast_for_tests(), actor_name="Casey Coach"
        )
        try:
            seed(store)
        finally:
            store.close()
        services = open_window(folder)
        window = services.window
        settle(services)
        window.unlock_page.passphrase.setText(PASSPHRASE)
        window.unlock_page.unlock_button.click()
        wait(lambda: window.partner.home is not None)
        home = window.partner.home
        assert home is not None
        page = home.sessions
        wait(lambda: page.sessions.rowCount() == 3)
        names = [page.sessions.record(r)["name"] for r in range(page.sessions.rowCount())]
        page.session_table.selectRow(names.index("Walking football"))
        wait(lambda: page.attendees.rowCount() == len(PEOPLE))
        flagged = next(
            r for r in range(len(PEOPLE)) if "Asthma" in str(page.attendees.index(r, 2).data())
        )
        page.attendee_table.selectRow(flagged)
        settle(services, 600)
        shot(window, "partner-home.png")
        home.tabs.setCurrentWidget(home.inbox)
        wait(lambda: home.inbox.model.rowCount() == 5)
        home.inbox.table.selectRow(0)
        settle(services, 600)
        shot(window, "referral-inbox.png")
        window.close()
        services.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
