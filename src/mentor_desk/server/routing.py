"""Routes that end their database transaction before FastAPI answers.

FastAPI calls a plain (``def``) route on a worker thread, then serialises its answer and
closes the request's dependencies on other worker threads. A transaction still open when
the route returns holds a pooled connection — and on SQLite the server's writer lock (see
:mod:`mentor_desk.server.db`) — while the answer waits for a free worker thread; with every
worker thread waiting for that lock, none ever frees. The 100-device benchmark hit this
twice: first through the caller's dependency (which now commits), then through a route that
only read (``GET /conflicts`` with nothing to list).

Routes that write commit themselves. :class:`TransactionRoute` ends whatever is left in the
route's own thread: a commit after a normal return, a rollback after an error.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter
from fastapi.routing import APIRoute
from sqlalchemy.orm import Session


def ending_transactions(endpoint: Callable[..., Any]) -> Callable[..., Any]:
    """``endpoint``, ending the transaction of every session it was given when it returns."""
    if inspect.iscoroutinefunction(endpoint):
        return endpoint  # runs on the event loop: nothing waits for a worker thread

    @functools.wraps(endpoint)
    def run(*args: Any, **kwargs: Any) -> Any:
        sessions = [v for v in (*args, *kwargs.values()) if isinstance(v, Session)]
        try:
            result = endpoint(*args, **kwargs)
        except BaseException:
            for session in sessions:
                if session.in_transaction():
                    session.rollback()
            raise
        for session in sessions:
            if session.in_transaction():
                session.commit()
        return result

    return run


class TransactionRoute(APIRoute):
    """An API route whose endpoint ends its transactions (see the module docstring)."""

    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        super().__init__(path, ending_transactions(endpoint), **kwargs)


def api_router(**kwargs: Any) -> APIRouter:
    """An ``APIRouter`` whose routes are :class:`TransactionRoute`."""
    return APIRouter(route_class=TransactionRoute, **kwargs)
