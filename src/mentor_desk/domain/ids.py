"""Record ids: UUIDv7 made on the device that creates the record (SYNC.md "Records").

Python 3.11's :mod:`uuid` has no ``uuid7``; this is the RFC 9562 layout (48-bit Unix
milliseconds, version and variant bits, the rest random), so ids sort by creation time.
"""

from __future__ import annotations

import os
import time
import uuid


def uuid7() -> str:
    """A new UUIDv7 as its canonical string."""
    ms = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10), "big")
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= ((rand >> 62) & 0xFFF) << 64
    value |= 0b10 << 62
    value |= rand & ((1 << 62) - 1)
    return str(uuid.UUID(int=value))
