"""The network pool: server calls off the GUI thread, results back through a Qt signal.

The store has its own single worker (:mod:`mentor_desk.ui.shell.tasks`); network calls run here, on
a separate small pool, so a slow server never holds up a save (STYLE.md point 4). A network
call that needs the store calls ``worker.submit(fn).result()``: that blocks this pool's
thread, never the GUI thread.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

from mentor_desk.store.worker import StoreClosed
from mentor_desk.ui.shell.i18n import translate

T = TypeVar("T")
log = logging.getLogger(__name__)


def _written_for_people(error: BaseException) -> bool:
    """SyncError and StoreClosed messages are written for people.

    The sync package is imported here, at the first failure, not at start-up: the pool also
    runs the background page check, which needs none of it.
    """
    from mentor_desk.sync.protocol import SyncError

    return isinstance(error, SyncError | StoreClosed)


def network_message(error: BaseException) -> str:
    """A plain message for a failed server call (SyncError messages are written for people)."""
    if _written_for_people(error):
        return str(error)
    return translate(
        "Network", "Something went wrong talking to the server ({error}). Nothing was lost."
    ).format(error=type(error).__name__)


class NetRunner(QObject):
    """Runs functions on the network pool; calls back on the GUI thread.

    Signals:
        idle(): no network call is pending any more (handy for tests).
    """

    idle = Signal()
    _finished = Signal(object)

    def __init__(self, parent: QObject | None = None, workers: int = 3) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="net")
        self._pending = 0
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def pending(self) -> int:
        return self._pending

    def run(
        self,
        fn: Callable[[], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[str, BaseException], None] | None = None,
        *,
        owner: QObject | None = None,
    ) -> None:
        """Run ``fn()`` on the pool; ``on_success(result)`` or ``on_failure(message, error)``
        later on the GUI thread (skipped if ``owner`` was deleted meanwhile)."""
        try:
            future = self._pool.submit(fn)
        except RuntimeError:  # shut down: the program is closing
            return
        self._pending += 1

        def done(f: Future[Any]) -> None:
            with contextlib.suppress(RuntimeError):  # the runner was deleted meanwhile
                self._finished.emit((f, on_success, on_failure, owner))

        future.add_done_callback(done)

    def _deliver(self, payload: tuple[Future[Any], Any, Any, QObject | None]) -> None:
        future, on_success, on_failure, owner = payload
        self._pending -= 1
        # A call cancelled before it ran (shutdown(cancel_futures=True): the program is
        # closing) has nothing to tell anyone.
        if not future.cancelled() and (owner is None or shiboken6.isValid(owner)):
            error = future.exception()
            if error is None:
                if on_success is not None:
                    on_success(future.result())
            else:
                if not _written_for_people(error):
                    log.error("network call failed: %s", type(error).__name__, exc_info=error)
                if on_failure is not None:
                    on_failure(network_message(error), error)
        if self._pending == 0:
            self.idle.emit()

    def shutdown(self) -> None:
        """Stop taking work; wait for the call in flight (its timeouts bound the wait)."""
        self._pool.shutdown(wait=True, cancel_futures=True)
