"""Regenerate the sync screenshots (join, status bar states, conflicts, first sync).

Starts a real partnership server on a loopback port (as the end-to-end tests do), joins a
fresh profile to it, makes a real conflict with a second laptop, and grabs the screens::

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/screenshots/take_sync.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from docs.screenshots.take import OUT, SIZE, settle, wait  # noqa: E402

from mentor_desk.app import AppConfig, Services, build  # noqa: E402
from mentor_desk.store.keys import KdfParams  # noqa: E402
from mentor_desk.ui.shell.theme import apply_theme  # noqa: E402
from mentor_desk.ui.sync.controller import Phase, SyncState, SyncTiming  # noqa: E402
from mentor_desk.ui.sync.status import FirstSyncDialog  # noqa: E402
from mentor_desk.ui.sync.wording import Counts  # noqa: E402
from tests.helpers.server_proc import PASSWORD, Laptop, ServerProcess  # noqa: E402

PEOPLE = [("Jordan", "Ellis"), ("Sam", "Okafor"), ("Priya", "Nair"), ("Lee", "Carter")]


def synced(services: Services) -> bool:
    state = services.sync.state
    return (
        state.phase is Phase.IDLE
        and not services.sync.running
        and state.counts is not None
        and state.counts.waiting == 0
    )


def status_strip(services: Services) -> None:
    """The status bar in each state, stacked into one picture."""
    from datetime import UTC, datetime, timedelta

    bar = services.window.statusBar()
    widget = services.sync_ui.status
    real = widget.state
    now = datetime.now(UTC)

    def counts(waiting: int, conflicts: int = 0, ago_min: int = 2) -> Counts:
        return Counts(True, waiting, conflicts, 0, 10, now - timedelta(minutes=ago_min))

    states = [
        SyncState(Phase.LOCAL, Counts(False, 12, 0, 0, 0, None)),
        SyncState(Phase.OFFLINE, counts(7)),
        SyncState(Phase.SYNCING, counts(0), ("pull", 1200, 48000)),
        SyncState(Phase.IDLE, counts(0)),
        SyncState(Phase.IDLE, counts(0, conflicts=2, ago_min=0)),
    ]
    images = []
    for state in states:
        widget.show_state(state)
        settle(services, 150)
        bar.layout().activate()
        settle(services, 150)
        images.append(bar.grab().toImage())
    widget.show_state(real)
    width = max(i.width() for i in images)
    out = QImage(width, sum(i.height() + 6 for i in images), QImage.Format.Format_ARGB32)
    out.fill(QColor("#d0d4d8"))
    painter = QPainter(out)
    y = 0
    for image in images:
        painter.drawImage(QPoint(width - image.width(), y), image)
        y += image.height() + 6
    painter.end()
    out.save(str(OUT / "sync-status.png"))
    print("saved", OUT / "sync-status.png")


def main() -> int:
    app = QApplication(sys.argv)
    app.setApplicationName("Mentor Desk")
    apply_theme(app, dark=False)
    with tempfile.TemporaryDirectory(prefix="mentor-desk-sync-shots-") as tmp:
        server = ServerProcess(f"sqlite:///{tmp}/server.db", Path(tmp) / "server.log")
        server.seed()
        server.start()
        try:
            return shots(Path(tmp), server)
        finally:
            server.stop()


def shots(tmp: Path, server: ServerProcess) -> int:
    timing = SyncTiming(debounce_ms=600_000, interval_ms=600_000)
    services = build(
        AppConfig(profile_dir=tmp / "gui", kdf=KdfParams.fast_for_tests(), sync_timing=timing)
    )
    window = services.window
    window.resize(*SIZE)
    window.show()
    window.start()
    settle(services)
    window.first_run.join_button.click()
    page = services.sync_ui.join_page
    page.fields.address.setText("https://desk.northside-trust.org.uk")
    page.fields.username.setText("mentor_a")
    page.fields.password.setText(PASSWORD)
    page.passphrase.setText("blue kettle river morning")
    page.repeat.setText("blue kettle river morning")
    settle(services)
    window.grab().save(str(OUT / "join.png"))
    print("saved", OUT / "join.png")

    page.fields.address.setText(server.url)
    page.join_button.click()
    wait(lambda: window.is_unlocked and synced(services), 60)
    if services.sync_ui.first_sync is not None:
        services.sync_ui.first_sync.keep_working.click()
    ids = []
    for given, family in PEOPLE:
        rec = services.worker.submit(
            lambda s, g=given, f=family: s.create(
                "participant",
                {
                    "reference": s.new_reference(),
                    "given_name": g,
                    "family_name": f,
                    "status": "active",
                },
            )
        ).result()
        ids.append(str(rec["id"]))
    services.sync.sync_now()
    wait(lambda: synced(services), 60)
    other = Laptop(tmp / "second", server.url, "coordinator")  # the office, meanwhile
    other.sync()
    other.s.update("participant", ids[1], {"phone": "07700 900111"})
    other.s.update("participant", ids[2], {"preferred_name": "Pri"})
    other.sync()
    services.worker.submit(
        lambda s: s.update("participant", ids[1], {"phone": "07700 900222"})
    ).result()
    services.worker.submit(
        lambda s: s.update("participant", ids[2], {"preferred_name": "Priya"})
    ).result()
    services.sync.sync_now()
    wait(lambda: synced(services) and services.sync_ui.status.conflicts.isVisible(), 60)
    window.caseload.refresh()
    settle(services, 600)
    status_strip(services)

    services.sync_ui.show_conflicts()
    dialog = services.sync_ui.conflicts
    assert dialog is not None
    wait(lambda: dialog.model.rowCount() == 2)
    dialog.table.selectRow(0)
    settle(services)
    dialog.grab().save(str(OUT / "conflicts.png"))
    print("saved", OUT / "conflicts.png")
    dialog.close()

    first = FirstSyncDialog(window)
    first.show()
    first.set_progress("pull", 1200, 48000)
    settle(services)
    first.grab().save(str(OUT / "first-sync.png"))
    print("saved", OUT / "first-sync.png")
    first.close()
    other.close()
    window.close()
    services.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
