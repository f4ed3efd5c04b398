"""A child process for the crash test: unlock, start a note, type, wait for the autosave.

Run as ``python -m tests.helpers.crash_child PROFILE_DIR PARTICIPANT_ID TEXT`` with
``QT_QPA_PLATFORM=offscreen``. Prints ``DRAFT-SAVED`` once the draft is in the store, then
keeps running until the test kills it with SIGKILL.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from mentor_desk.ui.participant.workspace import ParticipantWorkspace
from tests.helpers.ui import PASSPHRASE, make_services


def main() -> int:
    profile_dir, participant_id, text = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    app = QApplication(sys.argv[:1])
    services = make_services(profile_dir, autosave_ms=200)
    window = services.window

    def type_note(ws: ParticipantWorkspace) -> None:
        ws.show_notes()
        editor = ws.notes.new_note()
        editor.draft_saved.connect(lambda: print("DRAFT-SAVED", flush=True))
        QTest.keyClicks(editor.text, text)

    def unlocked() -> None:
        ws = window.open_participant(participant_id)
        ws.loaded.connect(lambda _name: type_note(ws))

    window.unlocked.connect(unlocked)
    window.show()
    window.start()
    window.unlock_page.passphrase.setText(PASSPHRASE)
    window.unlock_page.unlock_button.click()
    print("STARTED", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
