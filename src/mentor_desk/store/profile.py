"""A profile: one encrypted store and its key file in one directory.

``Profile(dir).create(passphrase)`` makes a new store; ``unlock`` opens an existing one with
the passphrase, ``unlock_from_keychain`` with the OS keychain's cached key. Nothing here ever
creates a new store because an existing one could not be opened.
"""

from __future__ import annotations

import logging
import uuid
from functools import partial
from pathlib import Path

import platformdirs

from mentor_desk.store import keychain
from mentor_desk.store.database import connect, verify_all_pages
from mentor_desk.store.errors import ProfileExists, ProfileMissing, StoreError
from mentor_desk.store.keys import (
    KdfParams,
    KeyFile,
    new_data_key,
    read_key_file,
    shred_file,
    unwrap,
    wrap,
    write_key_file,
)
from mentor_desk.store.records import Store

log = logging.getLogger(__name__)
DB_NAME = "store.db"
KEY_NAME = "key.json"


def default_profile_dir() -> Path:
    """The platform's user data directory for the default profile."""
    return Path(platformdirs.user_data_dir("mentor-desk", appauthor=False)) / "profiles" / "default"


class Profile:
    """The files of one profile. Cheap to construct; touches nothing until asked."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self.db_path = self.directory / DB_NAME
        self.key_path = self.directory / KEY_NAME

    def exists(self) -> bool:
        """True if anything of a store is here (key file or data file)."""
        return self.key_path.exists() or self.db_path.exists()

    def key_file(self) -> KeyFile:
        if not self.key_path.exists():
            raise ProfileMissing()
        return read_key_file(self.key_path)

    def create(
        self,
        passphrase: str,
        *,
        kdf: KdfParams | None = None,
        use_keychain: bool = False,
        actor_name: str = "",
    ) -> Store:
        """Make a new store with a fresh random key wrapped under ``passphrase``."""
        if self.exists():
            raise ProfileExists()
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        data_key = new_data_key()
        profile_id = str(uuid.uuid4())
        conn = connect(self.db_path, data_key, create=True)
        try:
            for path in self.directory.iterdir():  # the db and its WAL/SHM: owner only
                path.chmod(0o600)
            write_key_file(
                self.key_path, wrap(data_key, passphrase, profile_id, kdf or KdfParams(), False)
            )
        except BaseException:
            conn.close()
            self.db_path.unlink(missing_ok=True)
            raise
        store = Store(conn, actor_name=actor_name)
        store.page_check = partial(verify_all_pages, self.db_path, data_key)
        with store.transaction():
            store.set_meta("profile_id", profile_id)
            store.set_meta("device_id", str(uuid.uuid4()))
            if actor_name:
                store.set_meta("actor_name", actor_name)
        store.device_prefix()
        if use_keychain:
            self.set_keychain(data_key, True)
        return store

    def unlock(self, passphrase: str) -> Store:
        """Open with the passphrase. Wrong passphrase or damaged files change nothing."""
        key_file = self.key_file()
        data_key = unwrap(key_file, passphrase)
        return self._open(data_key)

    def unlock_from_keychain(self) -> Store | None:
        """Open with the keychain's cached key, or None (then ask for the passphrase)."""
        try:
            key_file = self.key_file()
        except StoreError:
            return None
        if not key_file.use_keychain:
            return None
        data_key = keychain.load_key(key_file.profile_id)
        if data_key is None:
            return None
        try:
            return self._open(data_key)
        except StoreError:
            log.warning("the keychain's key did not open the store; asking for the passphrase")
            return None

    def _open(self, data_key: bytes) -> Store:
        conn = connect(self.db_path, data_key)
        store = Store(conn)
        store.page_check = partial(verify_all_pages, self.db_path, data_key)
        store.actor_name = store.meta("actor_name", "") or ""
        store.actor_id = store.meta("user_id", "local") or "local"
        return store

    def change_passphrase(self, old: str, new: str, *, kdf: KdfParams | None = None) -> None:
        """Re-wrap the data key under ``new``; the database itself is not touched."""
        key_file = self.key_file()
        data_key = unwrap(key_file, old)
        write_key_file(
            self.key_path,
            wrap(data_key, new, key_file.profile_id, kdf or key_file.kdf, key_file.use_keychain),
        )

    def set_keychain(self, data_key: bytes, enabled: bool) -> bool:
        """Turn the keychain cache on or off; returns whether it is now on."""
        key_file = self.key_file()
        stored = enabled and keychain.store_key(key_file.profile_id, data_key)
        if not stored:
            keychain.forget_key(key_file.profile_id)
        write_key_file(
            self.key_path,
            KeyFile(
                key_file.profile_id,
                key_file.salt,
                key_file.nonce,
                key_file.wrapped,
                key_file.kdf,
                stored,
            ),
        )
        return stored

    def enable_keychain(self, passphrase: str) -> bool:
        """Let this computer unlock the store; needs the passphrase to recover the key."""
        return self.set_keychain(unwrap(self.key_file(), passphrase), True)

    def wipe(self) -> None:
        """Crypto-shred: key file and keychain entry first, then the database and its WAL/SHM."""
        try:
            profile_id: str | None = read_key_file(self.key_path).profile_id
        except StoreError:
            profile_id = None
        shred_file(self.key_path)
        if profile_id:
            keychain.forget_key(profile_id)
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(str(self.db_path) + suffix).unlink(missing_ok=True)
        log.info("local store wiped")
