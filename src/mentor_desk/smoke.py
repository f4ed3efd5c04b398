"""``mentor-desk --smoke``: does this installation work? Every packaging check runs it.

Step by step, in a throw-away folder: open a new encrypted store and ask SQLCipher its
version, write and read a record, find it by full-text search, build and show the main
window (on whatever Qt platform is in use: offscreen, or a real X server), and export a
one-page plan PDF. Prints one line per step; exits 0, or 1 naming the step that failed.
Nothing of the person's own profile is touched.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mentor_desk import __version__


def run() -> int:
    folder = Path(tempfile.mkdtemp(prefix="mentor-desk-smoke-"))
    state: dict[str, Any] = {}
    steps: list[tuple[str, Callable[[], str]]] = [
        ("store", lambda: _store(folder, state)),
        ("record", lambda: _record(state)),
        ("search", lambda: _search(state)),
        ("window", lambda: _window(folder)),
        ("plan PDF", lambda: _plan(folder, state)),
    ]
    print(f"Mentor Desk {__version__} smoke test")
    try:
        for name, step in steps:
            try:
                detail = step()
            except Exception as exc:
                print(f"smoke: FAILED at {name}: {type(exc).__name__}: {exc}", file=sys.stderr)
                traceback.print_exc(limit=3, file=sys.stderr)
                return 1
            print(f"  ok  {name}{': ' + detail if detail else ''}")
    finally:
        store = state.get("store")
        if store is not None:
            store.close()
        shutil.rmtree(folder, ignore_errors=True)
    print("smoke: all steps passed")
    return 0


def _store(folder: Path, state: dict[str, Any]) -> str:
    from mentor_desk.store import KdfParams, Profile

    store = Profile(folder / "store").create(
        "smoke test passphrase", kdf=KdfParams.fast_for_tests()
    )
    state["store"] = store
    row = store.conn.execute("PRAGMA cipher_version").fetchone()
    cipher = str(row["cipher_version"]) if row is not None else ""
    if not cipher:
        raise RuntimeError("the database is not SQLCipher (no cipher_version)")
    return f"SQLCipher {cipher}"


def _record(state: dict[str, Any]) -> str:
    store = state["store"]
    rec = store.create(
        "participant",
        {
            "reference": store.new_reference(),
            "given_name": "Smoke",
            "family_name": "Testperson",
            "status": "active",
        },
    )
    back = store.get("participant", rec["id"])
    if back is None or back["family_name"] != "Testperson":
        raise RuntimeError("the record written could not be read back")
    store.create(
        "goal",
        {
            "participant_id": rec["id"],
            "pathway": "accommodation",
            "status": "in_progress",
            "goal_text": "Somewhere settled to live",
        },
    )
    state["pid"] = rec["id"]
    return ""


def _search(state: dict[str, Any]) -> str:
    store = state["store"]
    store.flush_search_index()
    if state["pid"] not in store.search_participant_ids("Testperson"):
        raise RuntimeError("full-text search did not find the record")
    return ""


def _app() -> Any:
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([sys.argv[0]])


def _window(folder: Path) -> str:
    from mentor_desk.app import AppConfig, build
    from mentor_desk.store import KdfParams

    app = _app()
    services = build(AppConfig(profile_dir=folder / "window", kdf=KdfParams.fast_for_tests()))
    try:
        services.window.show()
        services.window.start()
        if not _exposed(services.window, timeout_ms=10_000):
            raise RuntimeError("the main window did not show")
        return f"Qt platform {app.platformName()}"
    finally:
        services.window.close()
        services.shutdown()


def _exposed(window: Any, timeout_ms: int) -> bool:
    """Run a local event loop until the window is on screen (or the time is up)."""
    from PySide6.QtCore import QDeadlineTimer, QEventLoop, QTimer

    loop, deadline, poll = QEventLoop(), QDeadlineTimer(timeout_ms), QTimer()

    def shown() -> bool:
        handle = window.windowHandle()
        return handle is not None and handle.isExposed()

    def check() -> None:
        if shown() or deadline.hasExpired():
            loop.quit()

    poll.timeout.connect(check)
    poll.start(20)
    loop.exec()
    poll.stop()
    return shown()


def _plan(folder: Path, state: dict[str, Any]) -> str:
    from mentor_desk.export.plan_pdf import write_plan_pdf

    _app()
    out = folder / "plan.pdf"
    write_plan_pdf(state["store"], state["pid"], out, partnership="", mentor_contact="")
    head = out.read_bytes()[:5]
    if head != b"%PDF-":
        raise RuntimeError(f"the plan is not a PDF (starts {head!r})")
    return f"{out.stat().st_size:,} bytes"
