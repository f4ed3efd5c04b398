"""Fixtures shared by every test: a fresh encrypted store and a fresh in-memory keychain."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from hypothesis import HealthCheck, settings
from keyring.backends.fail import Keyring as FailKeyring

from mentor_desk.store import KdfParams, Profile, Store
from tests.helpers.stubs import InMemoryKeyring

PASSPHRASE = "correct horse battery staple"

# The machines are shared and noisy: behaviour is tested, not timing (QUALITY.md).
settings.register_profile(
    "mentor-desk", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=60
)
settings.load_profile("mentor-desk")


@pytest.fixture
def kdf() -> KdfParams:
    return KdfParams.fast_for_tests()


@pytest.fixture
def memory_keyring() -> Iterator[InMemoryKeyring]:
    previous = keyring.get_keyring()
    backend = InMemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def _no_real_keychain() -> Iterator[None]:
    """No test ever touches the machine's real keychain: default to 'none available'."""
    previous = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def profile_dir(tmp_path: Path) -> Path:
    return tmp_path / "profile"


@pytest.fixture
def store(profile_dir: Path, kdf: KdfParams) -> Iterator[Store]:
    s = Profile(profile_dir).create(PASSPHRASE, kdf=kdf)
    yield s
    s.close()


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    """The common default umask (0o022), under which a plain ``open()`` makes 0644 files."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.fixture
def program_logging() -> Iterator[None]:
    """Let a test set up the program's own logging (mentor_desk.logs); undone afterwards."""
    import logging

    from mentor_desk import logs

    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    logs.stop_file_log()
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    logging.captureWarnings(False)
