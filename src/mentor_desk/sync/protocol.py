"""Wire-level constants and the errors a sync can end with (SYNC.md "The HTTP contract").

Each error's ``str()`` is a plain message for the status bar; none carries personal data.
"""

from __future__ import annotations

PROTOCOL_VERSION = 1
PROTOCOL_HEADER = "X-Mentor-Desk-Protocol"
SCHEMA_HEADER = "X-Mentor-Desk-Schema"
PUSH_BATCH = 200
PULL_LIMIT = 1000
#: Open conflicts asked for at the end of a cycle (the server's largest page).
CONFLICT_PAGE = 1000


class SyncError(Exception):
    """Base class of everything that stops a sync cycle."""


class Offline(SyncError):
    def __init__(self, detail: str = "") -> None:
        super().__init__(
            "Offline — the server cannot be reached. Changes are kept and will "
            "be sent when the connection is back." + (f" ({detail})" if detail else "")
        )


class ServerUnavailable(SyncError):
    """A 5xx: the server is up but could not do it. Retried with backoff."""

    def __init__(self, status: int) -> None:
        super().__init__(
            f"The server had a problem (HTTP {status}). Nothing was lost; "
            "Mentor Desk will try again."
        )


class NotSignedIn(SyncError):
    def __init__(self) -> None:
        super().__init__("This computer is not signed in to the server. Sign in again.")


class DeviceRevoked(SyncError):
    def __init__(self) -> None:
        super().__init__(
            "This computer's access was withdrawn by an administrator. "
            "The data on it has been wiped."
        )


class ClientTooOld(SyncError):
    def __init__(self) -> None:
        super().__init__(
            "This version of Mentor Desk is too old for the server. Your "
            "changes are kept safely; install the update to send them."
        )


class InsecureServer(SyncError):
    def __init__(self) -> None:
        super().__init__(
            "The server address must start with https:// (plain http:// is "
            "only allowed for this computer itself)."
        )


class MassDeleteStopped(SyncError):
    def __init__(self, doomed: int, total: int) -> None:
        self.doomed, self.total = doomed, total
        super().__init__(
            f"The server asked to delete {doomed:,} of your {total:,} records. "
            "Sync has stopped so nothing is lost; ask your coordinator."
        )


class ProtocolError(SyncError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"The server's answer was not understood ({detail}).")
