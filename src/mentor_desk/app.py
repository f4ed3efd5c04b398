"""The composition root: builds the services for one run and hands them to the window.

``run_gui(profile_dir, demo)`` is what ``mentor-desk`` calls. Tests build the same graph
with :func:`build` and an :class:`AppConfig` carrying cheap KDF parameters and short
timers; there is no module-level application object.
"""

from __future__ import annotations

import importlib
import logging
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QMenu

from mentor_desk import logs
from mentor_desk.store.keys import KdfParams
from mentor_desk.store.profile import Profile, default_profile_dir
from mentor_desk.store.records import Store
from mentor_desk.store.worker import StoreWorker
from mentor_desk.ui.shell import i18n
from mentor_desk.ui.shell.crash import CrashNotice, qt_to_log
from mentor_desk.ui.shell.integrity import IntegrityCheck
from mentor_desk.ui.shell.network import NetRunner
from mentor_desk.ui.shell.tasks import TaskRunner
from mentor_desk.ui.shell.theme import apply_theme
from mentor_desk.ui.sync.controller import SyncController, SyncTiming
from mentor_desk.ui.sync.wiring import SyncUi
from mentor_desk.ui.window.main_window import MainWindow, WindowOptions
from mentor_desk.ui.window.partnership_menu import PartnershipAction

log = logging.getLogger(__name__)
FALLBACK_DEMO_PASSPHRASE = "demo demo demo"


@dataclass(frozen=True)
class AppConfig:
    """Everything one run of the program is built from.

    Attributes:
        profile_dir: the folder of the encrypted store.
        kdf: key-derivation cost for new stores (tests pass ``KdfParams.fast_for_tests()``).
        idle_lock_ms: lock after this long without keyboard or mouse use.
        autosave_ms: keep a note's draft this long after the last edit.
        demo: fill a throw-away store with invented people and open it directly.
        sync_timing: how eagerly to sync with a partnership server (tests shorten it).
        language: the language to show ("cy", "en_GB"; tests pass "C"); None takes the
            chosen one (``MENTOR_DESK_LANGUAGE``, the settings, else the system's).
    """

    profile_dir: Path
    kdf: KdfParams = field(default_factory=KdfParams)
    idle_lock_ms: int = 10 * 60 * 1000
    autosave_ms: int = 3000
    demo: bool = False
    sync_timing: SyncTiming = field(default_factory=SyncTiming)
    language: str | None = None


@dataclass
class Services:
    """The service graph of one run; :meth:`shutdown` closes the store and its thread."""

    config: AppConfig
    profile: Profile
    worker: StoreWorker
    runner: TaskRunner
    window: MainWindow
    net: NetRunner
    sync: SyncController
    sync_ui: SyncUi
    partnership: PartnershipAction | None = None  # Go → Partnership…

    def shutdown(self) -> None:
        self.window.idle.stop()
        self.sync.deactivate()
        self.net.shutdown()
        self.worker.shutdown()


def demo_module() -> Any | None:
    """``mentor_desk.demo_data`` if it is installed, else None."""
    try:
        return importlib.import_module("mentor_desk.demo_data")
    except ImportError:
        return None


def demo_passphrase() -> str:
    module = demo_module()
    return str(getattr(module, "DEMO_PASSPHRASE", FALLBACK_DEMO_PASSPHRASE))


def _fallback_demo(store: Store, progress: Callable[[int, int], None]) -> None:
    """A few invented people, used only when ``mentor_desk.demo_data`` is missing."""
    people = [
        ("Jordan", "Ellis", "active", ["Meet in public places only"]),
        ("Sam", "Okafor", "active", []),
        ("Priya", "Nair", "referred", []),
        ("Lee", "Carter", "paused", []),
        ("Alex", "Byrne", "active", []),
    ]
    now = datetime.now(UTC)
    for i, (given, family, status, flags) in enumerate(people):
        rec = store.create(
            "participant",
            {
                "reference": store.new_reference(),
                "given_name": given,
                "family_name": family,
                "status": status,
                "safety_flags": flags or None,
                "assigned_mentor_name": "You",
                "next_contact_due": (now + timedelta(days=i - 2)).date().isoformat(),
            },
        )
        store.create(
            "case_note",
            {
                "participant_id": rec["id"],
                "contact_kind": "face_to_face",
                "occurred_at": (now - timedelta(days=3 * i + 1)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "text": f"Met {given} for a coffee and talked about the week ahead.",
            },
        )
        progress(i + 1, len(people))


def make_demo_opener(
    profile: Profile, kdf: KdfParams
) -> Callable[[Callable[[int, int], None]], Store]:
    def opener(progress: Callable[[int, int], None]) -> Store:
        store = profile.create(demo_passphrase(), kdf=kdf, actor_name="Demo mentor")
        module = demo_module()
        if module is not None:
            module.generate(store, size="mentor", progress=progress)
        else:
            _fallback_demo(store, progress)
        return store

    return opener


def _help_menu_last(window: MainWindow) -> None:
    """Each part adds its own menu; Help goes last, where people look for it."""
    bar = window.menuBar()
    for owner in window.act_help.associatedObjects():
        if isinstance(owner, QMenu):
            bar.removeAction(owner.menuAction())
            bar.addAction(owner.menuAction())


def build(config: AppConfig) -> Services:
    """Build the store worker, the task runner and the window (not shown yet)."""
    i18n.install(i18n.chosen_language() if config.language is None else config.language)
    profile = Profile(config.profile_dir)
    worker = StoreWorker()
    runner = TaskRunner(worker)
    options = WindowOptions(
        kdf=config.kdf,
        idle_lock_ms=config.idle_lock_ms,
        autosave_ms=config.autosave_ms,
        demo_passphrase=demo_passphrase() if config.demo else None,
        demo_opener=make_demo_opener(profile, config.kdf) if config.demo else None,
    )
    window = MainWindow(profile, runner, options)
    runner.setParent(window)
    net = NetRunner(window)
    sync = SyncController(
        profile, worker, runner, net, config.sync_timing, demo=config.demo, parent=window
    )
    sync_ui = SyncUi(window, sync, net, config.kdf, demo=config.demo)
    partnership = PartnershipAction(window, net)
    integrity = IntegrityCheck(window, runner, net)
    window.ready.connect(integrity.start)
    _help_menu_last(window)
    return Services(config, profile, worker, runner, window, net, sync, sync_ui, partnership)


def run_gui(profile_dir: Path | None, demo: bool) -> int:
    """Run the desktop program until its window closes; returns the exit code."""
    from mentor_desk.ui.shell.single_instance import SingleInstance

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv)
    app.setApplicationName("Mentor Desk")
    app.setOrganizationName("Mentor Desk")
    app.setDesktopFileName("mentor-desk")
    apply_theme(app)
    demo_dir: Path | None = None
    if demo:
        demo_dir = Path(tempfile.mkdtemp(prefix="mentor-desk-demo-"))
        profile_dir = demo_dir / "profile"
    profile_dir = profile_dir or default_profile_dir()
    logs.log_to_file(profile_dir, create=True)
    qt_to_log()
    guard = SingleInstance(profile_dir)
    if not guard.claim():
        log.info("already running for this profile; asked it to come to the front")
        return 0
    services = build(AppConfig(profile_dir=profile_dir, demo=demo))
    guard.raise_requested.connect(services.window.raise_window)
    restore_hooks = logs.install_excepthooks(CrashNotice(services.window).notify)
    log.info("started")
    try:
        services.window.show()
        services.window.start()
        return int(app.exec())
    finally:
        restore_hooks()
        services.shutdown()
        guard.release()
        if demo_dir is not None:
            logs.stop_file_log()  # the demo's log goes with its throw-away folder
            shutil.rmtree(demo_dir, ignore_errors=True)
