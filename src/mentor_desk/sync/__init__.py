"""The sync client: protocol types, transport over requests, and the engine. No widgets."""

from mentor_desk.sync.engine import SyncEngine, SyncReport
from mentor_desk.sync.protocol import SyncError
from mentor_desk.sync.transport import Transport

__all__ = ["SyncEngine", "SyncError", "SyncReport", "Transport"]
