"""Server settings: one :class:`Settings` read from ``MENTOR_DESK_*`` environment variables."""

from __future__ import annotations

from pathlib import Path

import platformdirs
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_database_url() -> str:
    """A SQLite file in the platform's user data directory (one office, one machine)."""
    folder = Path(platformdirs.user_data_dir("mentor-desk-server"))
    return f"sqlite:///{folder / 'server.db'}"


class Settings(BaseSettings):
    """Everything the server can be told, each from ``MENTOR_DESK_<NAME>``.

    Attributes:
        database_url: SQLAlchemy URL; ``sqlite:///path`` or ``postgresql+psycopg://...``.
        host / port: where ``serve`` listens.
        forwarded_allow_ips: proxies whose X-Forwarded-For is trusted (for throttling by
            client address behind a load balancer).
        max_body_bytes: larger request bodies get ``413 payload_too_large``.
        argon2_time_cost / argon2_memory_kib / argon2_parallelism: password hashing cost.
        login_window_minutes / login_max_failures_per_account / login_max_failures_per_address:
            login throttling, counted in the database.
        migrate_on_start: apply Alembic migrations when the app is created.
    """

    model_config = SettingsConfigDict(env_prefix="MENTOR_DESK_", extra="ignore")

    database_url: str = Field(default_factory=default_database_url)
    host: str = "127.0.0.1"
    port: int = 8765
    forwarded_allow_ips: str = "127.0.0.1"
    max_body_bytes: int = 5 * 1024 * 1024
    argon2_time_cost: int = 3
    argon2_memory_kib: int = 64 * 1024
    argon2_parallelism: int = 4
    login_window_minutes: int = 15
    login_max_failures_per_account: int = 5
    login_max_failures_per_address: int = 20
    migrate_on_start: bool = True
    log_level: str = "info"
