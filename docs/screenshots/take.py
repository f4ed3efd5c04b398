"""Regenerate the screenshots in docs/screenshots/ from a real window.

Run under a real X server (not the offscreen platform), for example::

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/screenshots/take.py

Uses two throw-away profiles in a temporary folder: a brand-new one (first run) and one
filled with the invented demo caseload (unlock, caseload, workspace, notes).
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from mentor_desk.app import AppConfig, Services, build
from mentor_desk.demo_data import DEMO_PASSPHRASE, generate
from mentor_desk.store.keys import KdfParams
from mentor_desk.store.profile import Profile
from mentor_desk.ui.caseload.model import ID_ROLE
from mentor_desk.ui.forms.records import RecordDialog
from mentor_desk.ui.participant.profile_form import NewParticipantDialog
from mentor_desk.ui.shell.theme import apply_theme

OUT = Path(__file__).resolve().parent
SIZE = (1280, 800)


def wait(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    """Run the event loop until ``condition`` holds (script only; the program never waits)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not reach the expected state")
        loop = QEventLoop()
        QTimer.singleShot(50, loop.quit)
        loop.exec()


def settle(services: Services, ms: int = 400) -> None:
    wait(lambda: services.runner.pending == 0)
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shot(widget: QWidget, name: str) -> None:
    path = OUT / name
    widget.grab().save(str(path))
    print("saved", path)


def open_window(profile_dir: Path) -> Services:
    services = build(AppConfig(profile_dir=profile_dir, kdf=KdfParams.fast_for_tests()))
    services.window.resize(*SIZE)
    services.window.show()
    services.window.start()
    return services


def main() -> int:
    app = QApplication(sys.argv)
    app.setApplicationName("Mentor Desk")
    apply_theme(app)
    with tempfile.TemporaryDirectory(prefix="mentor-desk-shots-") as tmp:
        fresh = open_window(Path(tmp) / "fresh")
        settle(fresh)
        shot(fresh.window, "first-run.png")
        fresh.window.close()
        fresh.shutdown()

        demo_dir = Path(tmp) / "demo"
        store = Profile(demo_dir).create(
            DEMO_PASSPHRASE, kdf=KdfParams.fast_for_tests(), actor_name="Sam Mentor"
        )
        generate(store, size="mentor")
        store.close()
        services = open_window(demo_dir)
        window = services.window
        settle(services)
        window.unlock_page.passphrase.setText("not the passphrase")
        window.unlock_page.unlock_button.click()
        wait(lambda: window.unlock_page.error.isVisible())
        settle(services)
        shot(window, "unlock.png")

        window.unlock_page.passphrase.setText(DEMO_PASSPHRASE)
        window.unlock_page.unlock_button.click()
        wait(lambda: window.is_unlocked and window.caseload.model.rowCount() > 0)
        settle(services)
        for offer in list(window.offers):
            offer.reject()
        shot(window, "caseload.png")

        window.new_participant()
        settle(services)
        dialog = window.findChild(NewParticipantDialog)
        assert dialog is not None
        date_of_birth = dialog.form.editors["date_of_birth"]
        assert isinstance(date_of_birth, QLineEdit)
        date_of_birth.setFocus()
        date_of_birth.setText("1990-02-30")
        date_of_birth.textEdited.emit("1990-02-30")
        settle(services)
        shot(dialog, "new-participant.png")
        dialog.reject()

        rows = window.caseload.model.rows()
        flagged = next((r for r in rows if r.safety_flags and r.status == "active"), rows[0])
        index = next(
            window.caseload.proxy.index(r, 0)
            for r in range(window.caseload.proxy.rowCount())
            if window.caseload.proxy.index(r, 0).data(ID_ROLE) == flagged.participant_id
        )
        window.caseload.table.setCurrentIndex(index)
        ws = window.open_participant(flagged.participant_id)
        wait(lambda: ws.notes.model.rowCount() > 0)
        settle(services)
        shot(window, "workspace.png")

        ws.show_notes()
        ws.notes.list.setCurrentIndex(ws.notes.proxy.index(0, 0))
        settle(services)
        shot(window, "notes.png")

        editor = ws.notes.new_note()
        editor.place.setText("Café on the high street")
        editor.text.setPlainText(
            "Met for a coffee. Talked through the housing forms and the boxing club on Thursday."
        )
        settle(services)
        shot(window, "note-editor.png")

        # A goal half-written when the program locks: offered back after unlocking.
        ws.tabs.setCurrentWidget(ws.forms.plan)
        goal = ws.forms.plan.add_goal()
        goal.form.set_values({"goal_text": "Get back into boxing: two sessions a week"})
        settle(services)
        window.lock()
        settle(services)
        window.unlock_page.passphrase.setText(DEMO_PASSPHRASE)
        window.unlock_page.unlock_button.click()
        wait(lambda: window.is_unlocked and bool(window.offers))
        form_title = "Recover the form you were filling in?"
        while window.offers and window.offers[0].windowTitle() != form_title:
            window.offers[0].reject()  # the note written above comes first
            settle(services, 200)
        wait(lambda: bool(window.offers) and window.offers[0].isVisible())
        settle(services)
        shot(window.offers[0], "form-recovery.png")
        window.offers[0].recover_button.click()
        settle(services)
        for dialog in window.findChildren(RecordDialog):
            if dialog.isVisible():
                shot(dialog, "form-recovered.png")
                dialog.reject()
        settle(services)

        apply_theme(app, dark=True)  # as the system's dark scheme would (Xvfb reports none)
        window.tabs.setCurrentWidget(window.caseload)
        settle(services)
        shot(window, "caseload-dark.png")
        window.close()
        services.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
