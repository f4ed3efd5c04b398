"""Background sync for the desktop program: when to sync, one cycle at a time, off the GUI.

The controller decides *when* (right after unlocking, a few seconds after local changes,
every few minutes while online, at once on "Sync now", and as soon as a probe of
``GET /api/v1/health`` answers again after being offline) and runs the Qt-free
:class:`~mentor_desk.sync.engine.SyncEngine` on the network pool. The engine reaches the store
through the store worker (``worker.submit(fn).result()`` from the network thread), so neither
the disk nor the network ever holds up the GUI thread. Progress and results come back by
signals; widgets are only touched by the views that listen (:mod:`sync_ui`).

``QNetworkInformation`` is only a hint: a change of reachability makes the next probe come
sooner; the probe, not the hint, decides.

The sync client (and QtNetwork) is imported when the store is first opened, not with this
module: start-up loads only what the unlock screen and the caseload need, and the first
activation runs while the caseload is being read on the store worker.
"""

from __future__ import annotations

import contextlib
import logging
import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import Enum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from mentor_desk.store.profile import Profile
from mentor_desk.store.records import Store
from mentor_desk.store.worker import StoreClosed, StoreWorker
from mentor_desk.ui.shell.network import NetRunner
from mentor_desk.ui.shell.tasks import TaskRunner

if TYPE_CHECKING:
    from PySide6.QtNetwork import QNetworkInformation

    from mentor_desk.sync.account import ServerAccount
    from mentor_desk.sync.engine import SyncEngine, SyncReport
    from mentor_desk.ui.sync.wording import Counts

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SyncTiming:
    """How eagerly to sync (tests shorten everything).

    Attributes:
        debounce_ms: sync this long after the last local change.
        probe_first_s / probe_max_s: the health probe's back-off while offline (with jitter).
        interval_ms: sync this often while online, to fetch other people's changes.
        large_pull: a pull this far behind shows the progress dialog.
    """

    debounce_ms: int = 3000
    probe_first_s: float = 5.0
    probe_max_s: float = 300.0
    interval_ms: int = 5 * 60 * 1000
    large_pull: int = 2000


class Backoff:
    """Doubling delays with jitter: 5 s, 10, 20 … up to the maximum, each scaled by 0.5–1."""

    def __init__(
        self, first: float, maximum: float, rng: Callable[[], float] = random.random
    ) -> None:
        self.first, self.maximum, self._rng = first, maximum, rng
        self._next = first

    def reset(self) -> None:
        self._next = self.first

    def next_delay(self) -> float:
        delay = self._next
        self._next = min(self._next * 2, self.maximum)
        return delay * (0.5 + 0.5 * self._rng())


class Phase(Enum):
    LOCKED = "locked"  # no store open
    LOCAL = "local"  # a profile not joined to any server
    IDLE = "idle"  # joined, last cycle fine
    SYNCING = "syncing"
    OFFLINE = "offline"  # the server cannot be reached; probing
    RETRYING = "retrying"  # the server answered with a problem; trying again later
    STOPPED = "stopped"  # needs the person: update, sign in again, mass delete


@dataclass(frozen=True)
class SyncState:
    """A snapshot for the status bar."""

    phase: Phase = Phase.LOCKED
    counts: Counts | None = None
    progress: tuple[str, int, int] | None = None
    problem: str = ""
    demo: bool = False
    signed_out: bool = False  # STOPPED by a 401: the device's token is unknown; sign in again


@dataclass(frozen=True)
class CycleResult:
    report: SyncReport
    counts: Counts


class SyncController(QObject):
    """Runs sync cycles in the background and says where things stand.

    Signals:
        state_changed(SyncState): anything the status bar shows changed.
        cycle_started(bool): a cycle began; True if it is this profile's first sync.
        progress(str, int, int): phase ("push" or "pull"), done, total — on the GUI thread.
        cycle_finished(SyncReport): a cycle completed.
        revoked(str): the server withdrew this computer; its store has been wiped.
        too_old(str): the server needs a newer program; nothing is sent until then.
        mass_delete(int, int): a pull would delete this many of that many records; ask.
    """

    state_changed = Signal(object)
    cycle_started = Signal(bool)
    progress = Signal(str, int, int)

    def relay(self, phase: str, done: int, total: int) -> None:
        with contextlib.suppress(RuntimeError):  # deleted while the cycle ran
            self.progress.emit(phase, done, total)

    cycle_finished = Signal(object)
    revoked = Signal(str)
    too_old = Signal(str)
    mass_delete = Signal(int, int)

    def __init__(
        self,
        profile: Profile,
        worker: StoreWorker,
        runner: TaskRunner,
        net: NetRunner,
        timing: SyncTiming | None = None,
        *,
        demo: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.profile, self.worker, self.runner, self.net = profile, worker, runner, net
        self.timing = timing or SyncTiming()
        self.state = SyncState(demo=demo)
        self.account: ServerAccount | None = None
        self.engine: SyncEngine | None = None
        self.running = False
        self._again = False
        self._gen = 0  # bumped on lock: a cycle of an earlier unlock must not touch the store
        self._auto = True  # automatic syncs; off while the person must decide something
        self._probe_in_flight = False
        self.backoff = Backoff(self.timing.probe_first_s, self.timing.probe_max_s)
        self._probe_timer = self._timer(self._probe)
        self._debounce = self._timer(lambda: self.sync_now(manual=False))
        self._debounce.setInterval(self.timing.debounce_ms)
        self._interval = self._timer(lambda: self.sync_now(manual=False))
        self._interval.setInterval(self.timing.interval_ms)
        self._progress_in = _ProgressRelay(self)
        self._progress_in.progress.connect(self._on_progress)
        runner.data_changed.connect(self.local_changed)
        self._watching = False

    def _timer(self, slot: Callable[[], object]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: slot())
        return timer

    def _watch_network(self) -> None:
        """Listen to the system's reachability hint (from the first activation on)."""
        if self._watching:
            return
        self._watching = True
        from PySide6.QtNetwork import QNetworkInformation

        with contextlib.suppress(RuntimeError, AttributeError):
            if QNetworkInformation.instance() is None:
                QNetworkInformation.loadDefaultBackend()
            info = QNetworkInformation.instance()
            if info is not None:
                info.reachabilityChanged.connect(self._reachability_changed)

    # -- state ---------------------------------------------------------------------------
    @property
    def is_joined(self) -> bool:
        return self.account is not None

    def _set(self, **changes: Any) -> None:
        self.state = replace(self.state, **changes)
        self.state_changed.emit(self.state)

    def refresh_counts(self) -> None:
        if self.state.phase is Phase.LOCKED:
            return
        gen = self._gen
        from mentor_desk.ui.sync import wording as sync_ops

        self.runner.run(sync_ops.counts, lambda c: self._got_counts(gen, c), lambda _m, _e: None)

    def _got_counts(self, gen: int, counts: Counts) -> None:
        if gen == self._gen and self.state.phase is not Phase.LOCKED:
            self._set(counts=counts)

    # -- unlock, lock, join ------------------------------------------------------------------
    def activate(self) -> None:
        """The store was opened: find out whether it is joined, and start syncing if so."""
        from mentor_desk.sync.account import account_of
        from mentor_desk.ui.sync import wording as sync_ops

        self._watch_network()
        self._gen += 1
        gen = self._gen
        self._set(phase=Phase.LOCAL, progress=None, problem="", signed_out=False)
        self.runner.run(
            lambda s: (account_of(s), sync_ops.counts(s)),
            lambda loaded: self._loaded(gen, *loaded),
            lambda _m, _e: None,
        )

    def _loaded(self, gen: int, account: ServerAccount | None, counts: Counts) -> None:
        if gen != self._gen:
            return
        self.account = account
        self._auto = True
        self.backoff.reset()
        if account is None:
            self.engine = None
            self._set(phase=Phase.LOCAL, counts=counts)
            return
        from mentor_desk.sync.account import engine_for

        self.engine = engine_for(account, self._db(gen), on_revoked=self._wipe)
        self._set(phase=Phase.IDLE, counts=counts)
        self.sync_now(manual=False)

    def deactivate(self) -> None:
        """The store is being closed (lock, quit): stop every timer; drop a running cycle."""
        self._gen += 1
        for timer in (self._probe_timer, self._debounce, self._interval):
            timer.stop()
        self.account = self.engine = None
        self.running = self._again = False
        self._set(phase=Phase.LOCKED, counts=None, progress=None, problem="", signed_out=False)

    def _db(self, gen: int) -> Callable[[Callable[[Store], Any]], Any]:
        def db(fn: Callable[[Store], Any]) -> Any:
            if gen != self._gen:
                raise StoreClosed()
            return self.worker.submit(fn).result()

        return db

    def _wipe(self) -> None:
        """Called by the engine on the network thread when the device was revoked."""
        self.worker.close().result()
        self.profile.wipe()

    # -- when to sync ------------------------------------------------------------------------
    def local_changed(self) -> None:
        """A write finished: update the count now, sync a few seconds after the last one."""
        self.refresh_counts()
        if self.engine is not None and self._auto and self.state.phase is not Phase.OFFLINE:
            self._debounce.start()

    def sync_now(self, manual: bool = True) -> bool:
        """Start a cycle unless one is running (then one more follows). Returns if started."""
        if self.engine is None:
            return False
        if not manual and not self._auto:
            return False
        if self.running:
            self._again = True
            return False
        if manual:
            self._auto = True
        for timer in (self._probe_timer, self._debounce, self._interval):
            timer.stop()
        self.running, self._again = True, False
        engine, gen = self.engine, self._gen
        counts = self.state.counts
        first = counts is not None and counts.last_synced is None
        self._set(phase=Phase.SYNCING, progress=None, problem="", signed_out=False)
        self.cycle_started.emit(first)
        self.net.run(
            lambda: self._cycle(engine, gen),
            lambda result: self._cycle_done(gen, result),
            lambda message, error: self._cycle_failed(gen, message, error),
        )
        return True

    def _cycle(self, engine: SyncEngine, gen: int) -> CycleResult:
        """One full cycle, on the network thread."""
        from mentor_desk.sync.protocol import DeviceRevoked, SyncError
        from mentor_desk.sync.transport import ApiRefused
        from mentor_desk.ui.sync import wording as sync_ops

        report = engine.run_once(self._progress_in.relay)
        db = engine.db
        queued = db(sync_ops.conflicts_to_report)
        closed: list[str] = []
        try:
            for conflict_id in queued:
                with contextlib.suppress(ApiRefused):  # gone, already settled, or not ours
                    engine.transport.resolve_conflict(conflict_id, {"choice": "theirs"})
                closed.append(conflict_id)
        except DeviceRevoked:
            self._wipe()
            raise
        except SyncError:
            pass  # closed on the server at a later cycle
        if closed:
            db(lambda s: sync_ops.reported(s, closed))
        db(sync_ops.mark_synced)
        return CycleResult(report, db(sync_ops.counts))

    def _on_progress(self, phase: str, done: int, total: int) -> None:
        if self.running:
            self._set(progress=(phase, done, total))
            self.progress.emit(phase, done, total)

    def _cycle_done(self, gen: int, result: CycleResult) -> None:
        if gen != self._gen:
            return
        self.running = False
        if self.engine is not None:
            self.engine.allow_mass_delete = False
        self.backoff.reset()
        self._set(phase=Phase.IDLE, counts=result.counts, progress=None, problem="")
        self.cycle_finished.emit(result.report)
        if self._again or result.counts.waiting:
            self._again = False
            self._debounce.start()
        self._interval.start()

    def _cycle_failed(self, gen: int, message: str, error: BaseException) -> None:
        if gen != self._gen:
            return
        from mentor_desk.sync.protocol import (
            ClientTooOld,
            DeviceRevoked,
            MassDeleteStopped,
            NotSignedIn,
            Offline,
            ServerUnavailable,
            SyncError,
        )

        self.running = False
        if self.engine is not None:
            self.engine.allow_mass_delete = False
        if isinstance(error, DeviceRevoked):
            self.deactivate()
            self.revoked.emit(message)
            return
        if isinstance(error, ClientTooOld):
            self._auto = False
            self._set(phase=Phase.STOPPED, progress=None, problem=message)
            self.too_old.emit(message)
        elif isinstance(error, MassDeleteStopped):
            self._auto = False
            self._set(phase=Phase.STOPPED, progress=None, problem=message)
            self.mass_delete.emit(error.doomed, error.total)
        elif isinstance(error, NotSignedIn):  # logged out or forgotten, not revoked: keep all
            self._auto = False
            self._set(phase=Phase.STOPPED, progress=None, problem=message, signed_out=True)
        elif isinstance(error, Offline):
            self._set(phase=Phase.OFFLINE, progress=None, problem=message)
            self._schedule_probe()
        else:  # a 5xx, an answer not understood, or a bug: try again later, keep everything
            if not isinstance(error, ServerUnavailable | SyncError):
                log.error("sync cycle failed: %s", type(error).__name__, exc_info=error)
            self._set(phase=Phase.RETRYING, progress=None, problem=message)
            self._schedule_probe()
        self.refresh_counts()

    def continue_mass_delete(self) -> None:
        """The person said go on: one cycle that may delete that many records."""
        if self.engine is not None:
            self.engine.allow_mass_delete = True
            self.sync_now(manual=True)

    # -- probing while offline -----------------------------------------------------------------
    def _schedule_probe(self, delay_s: float | None = None) -> None:
        if self.engine is None or not self._auto:
            return
        delay = self.backoff.next_delay() if delay_s is None else delay_s
        self._probe_timer.start(max(1, int(delay * 1000)))

    def _probe(self) -> None:
        engine, gen = self.engine, self._gen
        if engine is None or self.running:
            return
        self._probe_in_flight = True
        self.net.run(
            engine.transport.health,
            lambda _answer: self._probe_answered(gen),
            lambda _m, _e: self._probe_failed(gen),
        )

    def _probe_answered(self, gen: int) -> None:
        self._probe_in_flight = False
        if gen == self._gen:
            self.backoff.reset()
            self.sync_now(manual=False)

    def _probe_failed(self, gen: int) -> None:
        self._probe_in_flight = False
        if gen == self._gen and self.state.phase in (Phase.OFFLINE, Phase.RETRYING):
            self._schedule_probe()

    def _reachability_changed(self, reachability: QNetworkInformation.Reachability) -> None:
        """A hint from the system: the network changed, so probe soon instead of in minutes."""
        from PySide6.QtNetwork import QNetworkInformation

        if reachability == QNetworkInformation.Reachability.Disconnected:
            return
        if self.state.phase in (Phase.OFFLINE, Phase.RETRYING) and not self.running:
            self.backoff.reset()
            self._schedule_probe(0.5)

    def probing(self) -> bool:
        """A probe is scheduled or on its way."""
        return self._probe_timer.isActive() or self._probe_in_flight


class _ProgressRelay(QObject):
    """Carries the engine's progress calls from the network thread to the GUI thread.

    Emitting a signal of an object living on the GUI thread from another thread queues the
    call, so the slot runs on the GUI thread.
    """

    progress = Signal(str, int, int)

    def relay(self, phase: str, done: int, total: int) -> None:
        with contextlib.suppress(RuntimeError):  # deleted while the cycle ran
            self.progress.emit(phase, done, total)
