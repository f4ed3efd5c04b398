"""A TCP proxy that cuts the connection after N bytes: a real dropped connection.

Used for fault injection: the client talks to the proxy, the proxy to the real server, and
after ``limit`` bytes in the chosen direction both sockets are closed mid-stream.
"""

from __future__ import annotations

import contextlib
import socket
import threading


class DroppingProxy:
    """Forward ``127.0.0.1:port`` to ``target_port``; drop after ``limit`` bytes.

    Args:
        target_port: the real server's port.
        limit: bytes after which the connection is cut (None = never).
        direction: "up" counts client→server bytes, "down" server→client bytes.
        once: only the first connection is cut; later ones pass (so retries succeed).
    """

    def __init__(
        self, target_port: int, limit: int | None, direction: str = "down", once: bool = True
    ) -> None:
        self.target_port = target_port
        self.limit = limit
        self.direction = direction
        self.once = once
        self.cuts = 0
        self._listener = socket.socket()
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self.port = int(self._listener.getsockname()[1])
        self._stop = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=30)
            except OSError:
                client.close()
                continue
            armed = self.limit is not None and not (self.once and self.cuts)
            state = {"sent": 0, "cut": False}
            for src, dst, counted in (
                (client, upstream, self.direction == "up"),
                (upstream, client, self.direction == "down"),
            ):
                threading.Thread(
                    target=self._pump,
                    args=(src, dst, counted and armed, state, client, upstream),
                    daemon=True,
                ).start()

    def _pump(
        self,
        src: socket.socket,
        dst: socket.socket,
        counted: bool,
        state: dict[str, int | bool],
        a: socket.socket,
        b: socket.socket,
    ) -> None:
        try:
            while True:
                data = src.recv(4096)
                if not data:
                    break
                if counted and self.limit is not None:
                    room = self.limit - int(state["sent"])
                    if len(data) >= room:
                        if room > 0:
                            dst.sendall(data[:room])
                        state["cut"] = True
                        self.cuts += 1
                        break
                    state["sent"] = int(state["sent"]) + len(data)
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (a, b):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
                s.close()

    def close(self) -> None:
        self._stop.set()
        self._listener.close()
