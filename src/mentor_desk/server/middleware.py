"""ASGI middleware: body size limit, security headers, and a last-resort 500.

Pure ASGI (not ``BaseHTTPMiddleware``) so the body can be counted as it streams.
"""

from __future__ import annotations

import json
import logging
import traceback
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

log = logging.getLogger("mentor_desk.server")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
    (b"x-frame-options", b"DENY"),
    (b"content-security-policy", b"default-src 'none'; frame-ancestors 'none'"),
]


def _json(status: int, code: str, detail: str) -> tuple[list[tuple[bytes, bytes]], bytes]:
    body = json.dumps({"error": code, "detail": detail}).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
    ]
    return headers, body


class HardeningMiddleware:
    """Refuses bodies over ``max_body_bytes`` (by Content-Length, and while streaming),
    adds the security headers to every response, and turns any unhandled exception into
    ``500 internal_error`` without details (logged with the traceback's frames but not its
    message, which could hold data)."""

    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.lower() not in {h for h, _ in SECURITY_HEADERS}
                ]
                message["headers"] = headers + SECURITY_HEADERS
            await send(message)

        async def reply(status: int, code: str, detail: str) -> None:
            headers, body = _json(status, code, detail)
            await send_with_headers(
                {"type": "http.response.start", "status": status, "headers": headers}
            )
            await send({"type": "http.response.body", "body": body})

        declared = self._content_length(scope)
        if declared is not None and declared > self.max_body_bytes:
            await reply(413, "payload_too_large", "The request body is too large.")
            return
        if declared == -1:
            await reply(400, "bad_request", "The Content-Length header is not valid.")
            return
        body_receive = receive
        if scope.get("method") in ("POST", "PUT", "PATCH", "DELETE"):
            chunks: list[bytes] = []
            size = 0
            more = True
            while more:
                message = await receive()
                if message["type"] != "http.request":
                    break
                chunk = message.get("body", b"")
                size += len(chunk)
                if size > self.max_body_bytes:
                    await reply(413, "payload_too_large", "The request body is too large.")
                    return
                chunks.append(chunk)
                more = message.get("more_body", False)
            buffered: Message = {"type": "http.request", "body": b"".join(chunks)}
            delivered = False

            async def replay() -> Message:
                nonlocal delivered
                if not delivered:
                    delivered = True
                    return buffered
                return await receive()

            body_receive = replay
        try:
            await self.app(scope, body_receive, send_with_headers)
        except Exception as exc:
            frames = "".join(traceback.format_tb(exc.__traceback__))
            log.error(
                "internal error %s on %s %s\n%s",
                type(exc).__name__,
                scope.get("method"),
                scope.get("path"),
                frames,
            )
            if not started:
                await reply(500, "internal_error", "Something went wrong on the server.")

    @staticmethod
    def _content_length(scope: Scope) -> int | None:
        for key, value in scope.get("headers", []):
            if key.lower() == b"content-length":
                try:
                    length = int(value)
                except ValueError:
                    return -1
                return length if length >= 0 else -1
        return None
