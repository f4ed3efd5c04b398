"""Screenshots of the dashboard, an export dialog and the funder report, from a real window.

Run under a real X server, like ``take.py``::

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/screenshots/take_exports.py

Uses the invented demo caseload (mentor size) with the user made a coordinator; one person's
latest consent does not cover probation, so the probation dialog shows the override. The
funder report is saved into the temporary folder and its first page rendered with
``pdftoppm -png -r 60`` into ``funder-report.png``; likewise the first page of a plan
(``plan-pdf.png``) and the release-day sheet (``release-sheet.png``) of a person with a
Welsh name, to show every letter drawn in the bundled font.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QWidget

from mentor_desk.app import AppConfig, build
from mentor_desk.demo_data import DEMO_PASSPHRASE, generate
from mentor_desk.export.plan_pdf import write_plan_pdf
from mentor_desk.export.release_sheet import write_release_sheet_pdf
from mentor_desk.store.keys import KdfParams
from mentor_desk.store.profile import Profile
from mentor_desk.store.records import Store
from mentor_desk.ui.exports.questions import ProbationDialog
from mentor_desk.ui.shell.theme import apply_theme

sys.path.insert(0, str(Path(__file__).resolve().parent))
from take import OUT, settle, wait


def shot(widget: QWidget, name: str) -> None:
    widget.grab().save(str(OUT / name))
    print("saved", OUT / name)


def prepare(store: Store) -> str:
    """Coordinator role, a partnership name, and one person who refused probation sharing."""
    person = next(
        p for p in store.list("participant", order_by=["reference"]) if p["status"] == "active"
    )
    with store.transaction():
        store.set_meta("user_role", "coordinator")
        store.set_meta("export_partnership", "Gate to Goal West Yorkshire")
        store.create(
            "consent",
            {
                "participant_id": person["id"],
                "consent_version": 2,
                "given_on": date.today().isoformat(),
                "privacy_notice_version": "2026-01",
                "share_with_server": True,
                "share_with_probation": False,
            },
        )
    return str(person["id"])


def first_page(pdf: Path, name: str, dpi: int = 60) -> None:
    prefix = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(prefix)], check=True)  # fmt: skip
    shutil.copy(prefix.with_suffix(".png"), OUT / name)
    print("saved", OUT / name)


def document_shots(store: Store, tmp: Path) -> None:
    """The plan and the release-day sheet of a person with a Welsh name (ŵ, ŷ, ï)."""
    released = {r["participant_id"] for r in store.list("release_day")}
    goals: dict[str, int] = {}
    for g in store.list("goal"):
        if g["status"] != "stopped":
            goals[g["participant_id"]] = goals.get(g["participant_id"], 0) + 1
    pid = max(released, key=lambda p: (min(goals.get(p, 0), 3), p))
    store.update("participant", pid, {"preferred_name": "Gwenllïan Ŵyn"})
    goal = next(g for g in store.list("goal", participant_id=pid) if g["status"] != "stopped")
    store.update("goal", goal["id"], {"goal_text": "Cael fy nhŷ fy hun (get my own house)"})
    contact = "07700 900 456"
    write_plan_pdf(store, pid, tmp / "plan.pdf", partnership="Gate to Goal West Yorkshire",
                   mentor_contact=contact)  # fmt: skip
    first_page(tmp / "plan.pdf", "plan-pdf.png", dpi=70)
    write_release_sheet_pdf(store, pid, tmp / "sheet.pdf", mentor_contact=contact)
    first_page(tmp / "sheet.pdf", "release-sheet.png")
    subprocess.run(["pdffonts", str(tmp / "plan.pdf")], check=True)  # only the bundled family


def dashboard_shot(actions: Any, services: Any, name: str) -> Any:
    """Open the dashboard (or raise it: its charts redraw in the current theme), wait for
    all six figures and take its picture."""
    dashboard = actions.open_dashboard()
    assert dashboard is not None
    dashboard.resize(1320, 880)
    wait(lambda: len(dashboard.tables) == 6)
    settle(services, 800)
    shot(dashboard, name)
    return dashboard


def main() -> int:
    app = QApplication(sys.argv)
    app.setApplicationName("Mentor Desk")
    apply_theme(app)
    with tempfile.TemporaryDirectory(prefix="mentor-desk-shots-") as tmp:
        profile_dir = Path(tmp) / "demo"
        store = Profile(profile_dir).create(
            DEMO_PASSPHRASE, kdf=KdfParams.fast_for_tests(), actor_name="Sam Mentor"
        )
        generate(store, size="mentor")
        pid = prepare(store)
        document_shots(store, Path(tmp))
        store.close()
        services = build(AppConfig(profile_dir=profile_dir, kdf=KdfParams.fast_for_tests()))
        window = services.window
        window.resize(1280, 800)
        window.show()
        window.start()
        settle(services)
        window.unlock_page.passphrase.setText(DEMO_PASSPHRASE)
        window.unlock_page.unlock_button.click()
        wait(lambda: window.is_unlocked and window.caseload.model.rowCount() > 0)
        settle(services)
        actions = window.export_actions

        dashboard = dashboard_shot(actions, services, "dashboard.png")
        report = Path(tmp) / "funder-report.pdf"
        actions.controller.choose_path = lambda *_a: str(report)
        dashboard.report_button.click()
        wait(lambda: report.exists() and actions.controller.running is None)
        settle(services)
        dashboard.close()
        settle(services)
        apply_theme(app, dark=True)  # as the system's dark scheme would (Xvfb reports none)
        dashboard_shot(actions, services, "dashboard-dark.png").close()
        apply_theme(app, dark=False)
        settle(services)

        window.open_participant(pid)
        settle(services)
        actions.probation.trigger()
        wait(lambda: isinstance(actions.controller.dialog, ProbationDialog))
        dialog = actions.controller.dialog
        assert isinstance(dialog, ProbationDialog)
        dialog.reason.setPlainText("Court order of 3 March asks probation for this summary.")
        settle(services)
        shot(dialog, "export.png")
        dialog.reject()

        prefix = Path(tmp) / "page"
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(report),
                        str(prefix)], check=True)  # fmt: skip
        pages = sorted(Path(tmp).glob("page-*.png"))
        shutil.copy(pages[0], OUT / "funder-report.png")
        print("saved", OUT / "funder-report.png")
        window.close()
        services.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
