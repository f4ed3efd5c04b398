"""Background operations, after Anki's task manager (STYLE.md points 4 and 5).

Every store read or write is an *operation*: a plain function ``op(store) -> T`` that runs on
the store's single worker thread. Its result (or its error, as a plain message) comes back
to the GUI thread through a queued Qt signal, and only then are the callbacks called, so
no widget is ever touched from the worker. Anything that takes longer than
:data:`BUSY_AFTER_MS` turns the busy indicator on.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal

from mentor_desk.domain.validation import ValidationFailed
from mentor_desk.store.errors import StoreError
from mentor_desk.store.records import Store
from mentor_desk.store.worker import StoreClosed, StoreWorker
from mentor_desk.ui.shell.i18n import translate

T = TypeVar("T")
BUSY_AFTER_MS = 300
log = logging.getLogger(__name__)

Success = Callable[[Any], None]
Failure = Callable[[str, BaseException], None]


def user_message(error: BaseException) -> str:
    """A plain-language message for ``error``; never includes record content."""
    if isinstance(error, StoreError | StoreClosed):
        return str(error)
    if isinstance(error, ValidationFailed):
        problems = "; ".join(f"{e.field.replace('_', ' ')} {e.message}" for e in error.errors)
        return translate("Tasks", "Some fields need a look: {problems}").format(problems=problems)
    return translate(
        "Tasks", "Something went wrong ({error}). Nothing was lost; try again."
    ).format(error=type(error).__name__)


def _ignore(_message: str, _error: BaseException) -> None:
    pass


class TaskRunner(QObject):
    """Runs operations on the store worker and delivers results on the GUI thread.

    Signals:
        busy_changed(bool): an operation has been running for over 300 ms / all are done.
        idle(): no operation is pending any more (handy for tests and status updates).
        data_changed(): a writing operation finished successfully.
        failed(str): an operation without its own failure callback failed; the message is
            ready to show to the user.
    """

    busy_changed = Signal(bool)
    idle = Signal()
    data_changed = Signal()
    failed = Signal(str)
    _finished = Signal(object)

    def __init__(self, worker: StoreWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self._pending = 0
        self._busy = False
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_AFTER_MS)
        self._busy_timer.timeout.connect(self._set_busy)
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def pending(self) -> int:
        """Operations submitted whose callbacks have not run yet."""
        return self._pending

    @property
    def is_open(self) -> bool:
        return self.worker.is_open

    def run(
        self,
        op: Callable[[Store], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Failure | None = None,
        *,
        writes: bool = False,
        owner: QObject | None = None,
    ) -> None:
        """Run ``op(store)`` on the worker; call back on the GUI thread.

        Callbacks are skipped if ``owner`` (the widget they update) was deleted meanwhile.
        """
        self._track(self.worker.submit(op), on_success, on_failure, writes, owner)

    def open(
        self,
        opener: Callable[[], Store],
        on_success: Callable[[Store], None] | None = None,
        on_failure: Failure | None = None,
        *,
        owner: QObject | None = None,
    ) -> None:
        """Open (unlock or create) the store on the worker; the KDF never runs here."""
        self._track(self.worker.open(opener), on_success, on_failure, False, owner)

    def close(self, on_done: Callable[[None], None] | None = None) -> None:
        """Close the store after every operation queued before this call."""
        self._track(self.worker.close(), on_done, None, False, None)

    def _track(
        self,
        future: Future[Any],
        on_success: Any,
        on_failure: Any,
        writes: bool,
        owner: QObject | None,
    ) -> None:
        self._pending += 1
        if not self._busy_timer.isActive() and not self._busy:
            self._busy_timer.start()

        def done(f: Future[Any]) -> None:
            # RuntimeError: the runner was deleted while the worker finished
            with contextlib.suppress(RuntimeError):
                self._finished.emit((f, on_success, on_failure, writes, owner))

        future.add_done_callback(done)

    def _set_busy(self) -> None:
        if self._pending and not self._busy:
            self._busy = True
            self.busy_changed.emit(True)

    def _settle(self) -> None:
        """One call fewer in flight; the busy indication goes when none is left."""
        self._pending -= 1
        if self._pending == 0:
            self._busy_timer.stop()
            if self._busy:
                self._busy = False
                self.busy_changed.emit(False)

    def _deliver(self, payload: tuple[Future[Any], Any, Any, bool, QObject | None]) -> None:
        future, on_success, on_failure, writes, owner = payload
        if future.cancelled():  # never ran (the store was closing): nothing to deliver
            self._settle()
            if self._pending == 0:
                self.idle.emit()
            return
        if owner is not None and not shiboken6.isValid(owner):
            on_success = on_failure = None  # the widget that asked is gone
            if future.exception() is not None:
                on_failure = _ignore
        self._settle()
        error = future.exception()
        if error is None:
            if writes:
                self.data_changed.emit()
            if on_success is not None:
                on_success(future.result())
        else:
            message = user_message(error)
            if not isinstance(error, StoreError | StoreClosed | ValidationFailed):
                log.error("operation failed: %s", type(error).__name__, exc_info=error)
            if on_failure is not None:
                on_failure(message, error)
            else:
                self.failed.emit(message)
        if self._pending == 0:
            self.idle.emit()
