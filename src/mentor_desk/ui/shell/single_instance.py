"""One running program per profile (SPEC.md §6).

The first instance listens on a local socket named from a hash of the profile folder; a
second start for the same folder connects, asks the first one to come to the front, and
exits.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

RAISE = b"raise\n"


def server_name(profile_dir: Path) -> str:
    digest = hashlib.sha256(str(Path(profile_dir).resolve()).encode("utf-8")).hexdigest()
    return f"mentor-desk-{digest[:20]}"


class SingleInstance(QObject):
    """Claims the profile for this process, or tells the running one to show itself.

    Signals:
        raise_requested(): another start for the same profile asked us to come forward.
    """

    raise_requested = Signal()

    def __init__(self, profile_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(profile_dir)
        self._server: QLocalServer | None = None

    def claim(self) -> bool:
        """True if this is the first instance; False after asking the first one to raise."""
        probe = QLocalSocket()
        probe.connectToServer(self.name)
        if probe.waitForConnected(500):
            probe.write(RAISE)
            probe.flush()
            probe.waitForBytesWritten(500)
            probe.disconnectFromServer()
            return False
        QLocalServer.removeServer(self.name)  # a stale socket left by a crash
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            return True  # cannot guard, but never refuse to start because of it
        server.newConnection.connect(self._on_connection)
        self._server = server
        return True

    def _on_connection(self) -> None:
        assert self._server is not None
        socket = self._server.nextPendingConnection()
        if socket is None:
            return
        # The message is a few bytes sent right after connecting; a short wait is enough
        # and keeps no Python closure attached to a socket Qt may delete.
        arrived = bool(socket.bytesAvailable()) or socket.waitForReadyRead(500)
        if arrived and bytes(socket.readAll().data()).startswith(RAISE.strip()):
            self.raise_requested.emit()
        socket.disconnectFromServer()
        socket.deleteLater()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
