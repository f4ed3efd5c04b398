"""Screenshots of a brand-new profile: the caseload header on first run, the consent form
(with its error shown) and the Consent tab after a withdrawal.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/screenshots/take_consent.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parent))
from take import open_window, settle, wait

from mentor_desk.ui.participant.profile_form import NewParticipantDialog
from mentor_desk.ui.shell.theme import apply_theme

OUT = Path(__file__).resolve().parent


def shot(widget: QWidget, name: str) -> None:
    widget.grab().save(str(OUT / name))
    print("saved", OUT / name)


def main() -> int:
    app = QApplication(sys.argv)
    apply_theme(app)
    with tempfile.TemporaryDirectory(prefix="mentor-desk-shots-") as tmp:
        services = open_window(Path(tmp) / "fresh")
        settle(services)
        window = services.window
        page = window.first_run
        page.name_edit.setText("Robin Mentor")
        page.passphrase.setText("a long passphrase here")
        page.repeat.setText("a long passphrase here")
        page.create_button.click()
        wait(lambda: window.is_unlocked)
        settle(services)
        shot(window, "caseload-first-run.png")

        window.new_participant()
        settle(services)
        dialog = window.findChild(NewParticipantDialog)
        assert dialog is not None
        dialog.form.editors["given_name"].setText("Gwenllian")  # type: ignore[union-attr]
        dialog.form.editors["family_name"].setText("Ŵyn")  # type: ignore[union-attr]
        dialog.save_button.click()
        wait(lambda: window.current_workspace() is not None)
        ws = window.current_workspace()
        assert ws is not None
        wait(lambda: ws.forms.data is not None)
        settle(services)
        ws.tabs.setCurrentWidget(ws.forms.consent)
        form = ws.forms.consent.record_consent()
        assert form is not None
        settle(services)
        form.save()  # no privacy notice yet: the message shows under its field
        settle(services)
        shot(form, "consent-form.png")
        form.form.editors["privacy_notice_version"].setText("2026-01")  # type: ignore[union-attr]
        form.form.editors["share_with_probation"].setChecked(True)  # type: ignore[union-attr]
        form.save()
        settle(services, 800)
        consent = ws.forms.consent.model.record(0)
        assert consent is not None
        ws.forms.consent.withdraw_now(consent["id"])
        settle(services, 800)
        shot(window, "consent-withdrawn.png")
        window.close()
        services.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
