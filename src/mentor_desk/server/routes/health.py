"""``GET /health``: liveness and the versions this server speaks; no authentication."""

from __future__ import annotations

from mentor_desk.domain import SCHEMA_VERSION
from mentor_desk.server.routing import api_router
from mentor_desk.server.schemas import HealthOut

PROTOCOL_VERSIONS = [1]

router = api_router(tags=["health"])


def schema_versions() -> list[int]:
    """The current record schema and the previous one (which the server still accepts)."""
    return [SCHEMA_VERSION, SCHEMA_VERSION - 1] if SCHEMA_VERSION > 1 else [SCHEMA_VERSION]


@router.get("/health")
def health() -> HealthOut:
    return HealthOut(
        status="ok", protocol_versions=PROTOCOL_VERSIONS, schema_versions=schema_versions()
    )
