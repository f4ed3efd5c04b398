"""Password hashing (Argon2id via pwdlib) and device tokens (random, stored as SHA-256)."""

from __future__ import annotations

import hashlib
import secrets

from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

from mentor_desk.server.config import Settings

MIN_PASSWORD = 10
MAX_PASSWORD = 1000


class Passwords:
    """Hashes and checks passwords with the cost the settings ask for."""

    def __init__(self, settings: Settings) -> None:
        hasher = Argon2Hasher(
            time_cost=settings.argon2_time_cost,
            memory_cost=settings.argon2_memory_kib,
            parallelism=settings.argon2_parallelism,
        )
        self._hash = PasswordHash((hasher,))
        # Checked against when the account does not exist, so timing does not tell.
        self._dummy = self._hash.hash(secrets.token_urlsafe(16))

    def hash(self, password: str) -> str:
        return self._hash.hash(password)

    def verify(self, password: str, hashed: str | None) -> bool:
        if hashed is None:
            self._hash.verify(password, self._dummy)
            return False
        return self._hash.verify(password, hashed)


def password_problem(password: str) -> str | None:
    """Why ``password`` is not acceptable, or ``None``."""
    if len(password) < MIN_PASSWORD:
        return f"must be at least {MIN_PASSWORD} characters"
    if len(password) > MAX_PASSWORD:
        return f"must be at most {MAX_PASSWORD} characters"
    return None


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
