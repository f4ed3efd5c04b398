"""Screenshots of the record screens (release day to end of support) from a real window.

Run under a real X server, like ``take.py``::

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/screenshots/take_records.py

Uses the invented demo caseload; one person is given a release today (appointment in a
few hours) so release day shows a live countdown, and a lone-working risk assessment with
an earlier one before it, and the user is made a coordinator so the team view can be shown.
Name some of the pictures (``take_records.py risk-assessment.png release-day.png``) to
save only those.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from mentor_desk.app import AppConfig, build
from mentor_desk.demo_data import DEMO_PASSPHRASE, generate
from mentor_desk.store.keys import KdfParams
from mentor_desk.store.profile import Profile
from mentor_desk.store.records import Store
from mentor_desk.ui.shell.theme import apply_theme

sys.path.insert(0, str(Path(__file__).resolve().parent))
from take import OUT, SIZE, settle, wait

#: The pictures to save (empty: all of them), from the command line.
WANTED = set(sys.argv[1:])


def shot(widget: QWidget, name: str) -> None:
    if WANTED and name not in WANTED:
        return
    widget.grab().save(str(OUT / name))
    print("saved", OUT / name)


def _iso(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def prepare(store: Store) -> str:
    """Give one active person a release today; returns their id."""
    person = next(
        p for p in store.list("participant", order_by=["reference"]) if p["status"] == "active"
    )
    pid = person["id"]
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    with store.transaction():
        store.set_meta("user_role", "coordinator")
        for rd in store.list("release_day", participant_id=pid):
            store.delete("release_day", rd["id"])
        states = {
            "stay_tonight": ("done", "Hostel on York Road, room 12"),
            "probation_appointment": ("arranged", ""),
            "benefit_claim": ("arranged", "Jobcentre on Thursday 10:00"),
            "proof_of_identity": ("outstanding", "Birth certificate ordered"),
            "medication": ("done", "7 days supply from healthcare"),
            "phone_and_credit": ("done", ""),
            "travel_home": ("done", "Bus pass"),
            "discharge_grant": ("not_needed", ""),
        }
        store.create(
            "release_day",
            {
                "participant_id": pid,
                "planned_release_at": _iso(now - timedelta(hours=2)),
                "prison": person.get("prison") or "HMP Leeds",
                "met": True,
                "met_at": _iso(now - timedelta(hours=1, minutes=50)),
                "met_where": "At the gate",
                "met_by": "Sam Mentor",
                "checklist": {k: {"state": s, "note": n} for k, (s, n) in states.items()},
                "probation_appointment_at": _iso(now + timedelta(hours=3, minutes=20)),
                "probation_appointment_place": "Probation office, Park Row",
                "next_meeting_at": _iso(now + timedelta(days=2)),
                "next_meeting_place": "The café on the high street",
            },
        )
        for ra in store.list("risk_assessment", participant_id=pid):
            store.delete("risk_assessment", ra["id"])
        today = now.date()
        store.create(
            "risk_assessment",
            {
                "participant_id": pid,
                "assessed_on": (today - timedelta(days=120)).isoformat(),
                "risks_to_mentor": "None known from the prison's report.",
                "meeting_places": "Anywhere public.",
                "review_on": (today - timedelta(days=30)).isoformat(),
                "assessed_by": "Sam Mentor",
            },
        )
        store.create(
            "risk_assessment",
            {
                "participant_id": pid,
                "assessed_on": (today - timedelta(days=1)).isoformat(),
                "risks_to_mentor": "Has been verbally aggressive to staff when an appointment"
                " was cancelled at short notice.",
                "risks_to_others": "Lives with a partner who does not want visitors.",
                "triggers": "Late or cancelled appointments; talk about his ex-partner.",
                "meeting_places": "The probation office or the community centre in the"
                " daytime; no home visits.",
                "meet_in_pairs": True,
                "review_on": (today + timedelta(days=31)).isoformat(),
                "flags": ["No home visits", "Meet in pairs"],
                "flags_shared": ["No home visits"],
                "assessed_by": "Sam Mentor",
            },
        )
    return pid


def main() -> int:
    app = QApplication(sys.argv)
    app.setApplicationName("Mentor Desk")
    apply_theme(app, dark=False)
    with tempfile.TemporaryDirectory(prefix="mentor-desk-shots-") as tmp:
        folder = Path(tmp) / "demo"
        store = Profile(folder).create(
            DEMO_PASSPHRASE, kdf=KdfParams.fast_for_tests(), actor_name="Sam Mentor"
        )
        generate(store, size="mentor")
        pid = prepare(store)
        store.close()
        services = build(AppConfig(profile_dir=folder, kdf=KdfParams.fast_for_tests()))
        window = services.window
        window.resize(*SIZE)
        window.show()
        window.start()
        settle(services)
        window.unlock_page.passphrase.setText(DEMO_PASSPHRASE)
        window.unlock_page.unlock_button.click()
        wait(lambda: window.is_unlocked and window.caseload.model.rowCount() > 0)
        settle(services)
        for offer in list(window.offers):
            offer.reject()
        ws = window.open_participant(pid)
        wait(lambda: ws.forms.data is not None)
        settle(services)
        f = ws.forms
        for page, name in (
            (f.release_day, "release-day.png"),
            (f.assessment, "assessment.png"),
            (f.risk, "risk-assessment.png"),
            (f.plan, "plan.png"),
            (f.signposting, "signposting.png"),
            (f.sessions, "sessions.png"),
            (f.consent, "consent.png"),
            (f.history, "history.png"),
        ):
            ws.tabs.setCurrentWidget(page)
            settle(services, 300)
            shot(window, name)

        mode = window.form_actions.open_release_day()
        assert mode is not None
        mode.resize(1180, 700)
        settle(services, 600)
        shot(mode, "release-day-mode.png")
        mode.reject()
        settle(services)

        ws.tabs.setCurrentWidget(f.signposting)
        referral = f.signposting.refer()
        settle(services)
        if referral is not None:
            shot(referral, "referral.png")
            referral.reject()

        check_in = f.sessions.new_check_in()
        settle(services)
        shot(check_in, "check-in.png")
        check_in.reject()

        team = window.form_actions.open_team()
        assert team is not None
        team.resize(1180, 680)
        settle(services, 600)
        shot(team, "team.png")
        team.reject()

        ws.tabs.setCurrentWidget(f.end_of_support)
        closing = f.end_of_support.close_support()
        assert closing is not None
        closing.summary.setPlainText("Settled in the flat and playing football every week.")
        settle(services)
        shot(closing, "end-of-support.png")
        closing.reject()
        window.close()
        services.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
