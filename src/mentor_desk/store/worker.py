"""The store's single worker thread (STYLE.md point 4, after Anki's task manager).

One thread owns the store: every read and write is a function submitted here, so writes
are serialised and the GUI thread never waits on the disk or the KDF. Qt-free; the UI wraps
the returned futures in signals.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

from mentor_desk.store.records import Store

T = TypeVar("T")


class StoreClosed(RuntimeError):
    """The store is locked or was never opened."""

    def __init__(self) -> None:
        super().__init__("The store is locked. Unlock it to go on.")


class StoreWorker:
    """Runs store operations one at a time on a dedicated thread.

    ``open(fn)`` runs ``fn`` (which returns a :class:`Store`, e.g. an unlock) on the worker
    and keeps the result; ``submit(fn)`` runs ``fn(store)``; ``close()`` closes the store.
    """

    def __init__(self) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store")
        self._store: Store | None = None
        self._thread_id: int | None = None
        self._lock = threading.Lock()
        self._stopped = False

    @property
    def is_open(self) -> bool:
        return self._store is not None

    def open(self, opener: Callable[[], Store]) -> Future[Store]:
        def run() -> Store:
            self._thread_id = threading.get_ident()
            if self._store is not None:
                self._store.close()
                self._store = None
            self._store = opener()
            return self._store

        return self._queue(run)

    def submit(self, fn: Callable[[Store], T]) -> Future[T]:
        def run() -> T:
            if self._store is None:
                raise StoreClosed()
            return fn(self._store)

        return self._queue(run)

    def close(self) -> Future[None]:
        def run() -> None:
            if self._store is not None:
                store, self._store = self._store, None
                store.close()

        return self._queue(run)

    def _queue(self, run: Callable[[], T]) -> Future[T]:
        """Queue ``run``; after :meth:`shutdown` the future fails with :class:`StoreClosed`.

        A timer may still fire while the program closes (a dashboard refresh, an autosave):
        its work is refused like any other on a locked store, never raised at the caller.
        """
        with self._lock:
            if not self._stopped:
                return self._executor.submit(run)
        refused: Future[T] = Future()
        refused.set_exception(StoreClosed())
        return refused

    def shutdown(self) -> None:
        """Close the store and stop the thread, waiting for queued work to finish."""
        self.close().result()
        with self._lock:
            self._stopped = True
        self._executor.shutdown(wait=True)
