"""Regenerate the partnership screenshots (the partnership screen, the agreement editor).

A fresh profile as a lead coordinator's laptop would hold it after a sync: the partnership
kept in the store's meta (invented organisations and agreements), and the directory and
timetable entries each partner runs::

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/screenshots/take_partnership.py
"""

from __future__ import annotations

import json
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from docs.screenshots.take import OUT, SIZE, settle, wait  # noqa: E402

from mentor_desk.app import AppConfig, build  # noqa: E402
from mentor_desk.store.keys import KdfParams  # noqa: E402
from mentor_desk.store.records import Store  # noqa: E402
from mentor_desk.sync.partnership import CACHE_KEY  # noqa: E402
from mentor_desk.ui.shell.theme import apply_theme  # noqa: E402

TODAY = date.today()
ORGS = [
    ("lead", "Northside Mentoring Trust", "lead"),
    ("fc", "Riverside Community Football", "sport"),
    ("box", "Eastfield Boxing Club", "sport"),
    ("pdu", "Probation — North Delivery Unit", "probation"),
    ("home", "Harbour Housing Advice", "housing"),
    ("door", "Open Door Recovery", "recovery"),
]


def _agreement(n: int, to: str, purpose: str, basis: str, fields: list[str], **kw: Any) -> Any:
    return {
        "id": f"agreement-{n}",
        "from_organisation_id": "lead",
        "to_organisation_id": to,
        "purpose": purpose,
        "legal_basis": basis,
        "fields": fields,
        "starts_on": (TODAY - timedelta(days=200)).isoformat(),
        "review_on": (TODAY + timedelta(days=120)).isoformat(),
        "ends_on": None,
        "signed_by": "Chair, Northside Mentoring Trust; the partner's director",
        "status": "live",
        "updated_at": datetime.now(UTC).isoformat(),
        **kw,
    }


AGREEMENTS = [
    _agreement(
        1,
        "fc",
        "Walking football on Tuesdays: who is coming and what to look out for",
        "consent",
        [
            "participant.preferred_name",
            "participant.shared_safety_flags",
            "attendance.minutes_active",
        ],
    ),
    _agreement(
        2,
        "home",
        "Housing referrals from release day: what the adviser needs to call them back",
        "consent",
        ["participant.preferred_name", "participant.phone", "referral.referred_on"],
        review_on=(TODAY - timedelta(days=9)).isoformat(),
    ),
    _agreement(
        3,
        "pdu",
        "Progress towards the licence conditions agreed with probation",
        "public_task",
        ["participant.preferred_name", "attendance.attended", "goal.status"],
    ),
    _agreement(
        4,
        "box",
        "Boxing fitness taster weeks",
        "consent",
        ["participant.preferred_name", "attendance.attended"],
        starts_on=(TODAY + timedelta(days=14)).isoformat(),
    ),
]
OFFERS = [
    (
        "activity_session",
        "fc",
        {
            "name": "Walking football",
            "weekday": "tuesday",
            "time": "18:00",
            "venue": "Riverside Park 3G pitch",
        },
    ),
    ("service", "fc", {"name": "Kit and boots bank", "offers": "Boots, kit and a shower"}),
    (
        "activity_session",
        "box",
        {
            "name": "Boxing fitness",
            "weekday": "thursday",
            "time": "10:30",
            "venue": "Eastfield Community Gym",
        },
    ),
    (
        "service",
        "home",
        {
            "name": "Housing advice line",
            "offers": "Same-day advice on emergency housing and tenancy",
        },
    ),
    (
        "service",
        "door",
        {"name": "Recovery café", "offers": "Peer support, meals on Fridays, SMART groups"},
    ),
]


def seed(store: Store) -> None:
    with store.transaction():
        store.set_meta("server_url", "https://desk.northside-trust.example")
        store.set_meta("user_role", "coordinator")
        doc = {
            "fetched_at": (datetime.now(UTC) - timedelta(minutes=20)).isoformat(),
            "organisations": [{"id": i, "name": n, "kind": k} for i, n, k in ORGS],
            "agreements": AGREEMENTS,
        }
        store.set_meta(CACHE_KEY, json.dumps(doc))
    for entity, org, values in OFFERS:
        store.create(entity, {**values, "run_by_organisation_id": org})


def main() -> int:
    app = QApplication(sys.argv)
    app.setApplicationName("Mentor Desk")
    apply_theme(app, dark=False)
    with tempfile.TemporaryDirectory(prefix="mentor-desk-partnership-shots-") as tmp:
        services = build(AppConfig(profile_dir=Path(tmp) / "gui", kdf=KdfParams.fast_for_tests()))
        window = services.window
        window.resize(*SIZE)
        window.show()
        window.start()
        settle(services)
        page = window.first_run
        page.name_edit.setText("Alex Coordinator")
        page.passphrase.setText("blue kettle river morning")
        page.repeat.setText("blue kettle river morning")
        page.create_button.click()
        wait(lambda: window.is_unlocked)
        settle(services)
        services.worker.submit(seed).result()
        assert services.partnership is not None
        screen = services.partnership.open()
        assert screen is not None
        wait(lambda: screen.view is not None and screen.model.rowCount() == len(AGREEMENTS))
        screen.resize(1180, 780)
        screen.table.selectRow(1)
        settle(services, 600)
        screen.grab().save(str(OUT / "partnership.png"))
        print("saved", OUT / "partnership.png")
        screen.table.selectRow(0)
        editor = screen.change_agreement()
        assert editor is not None
        editor.resize(780, 860)
        settle(services, 600)
        editor.grab().save(str(OUT / "agreement-editor.png"))
        print("saved", OUT / "agreement-editor.png")
        editor.reject()
        screen.close()
        window.close()
        services.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
