"""The data key and the key file (SYNC.md "Keys on the laptop").

The database key is 32 random bytes. It is stored only wrapped: AES-256-GCM under a key
derived from the passphrase with Argon2id, in a small versioned JSON key file beside the
database. The KDF parameters travel in the file (and are bound to the ciphertext as
associated data), so they can be raised later without breaking old files.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from mentor_desk.store.errors import KeyFileDamaged, WrongPassphrase

KEY_FILE_FORMAT = "mentor-desk-key"
KEY_FILE_VERSION = 1


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. The default takes roughly half a second on a laptop."""

    time_cost: int = 8
    memory_cost: int = 131_072  # KiB: 128 MiB
    parallelism: int = 2

    @classmethod
    def fast_for_tests(cls) -> KdfParams:
        """Cheap parameters for the test suite only (never used by the program)."""
        return cls(time_cost=1, memory_cost=8, parallelism=1)


@dataclass(frozen=True)
class KeyFile:
    """The parsed key file. ``wrapped`` is the AES-GCM ciphertext of the data key."""

    profile_id: str
    salt: bytes
    nonce: bytes
    wrapped: bytes
    kdf: KdfParams
    use_keychain: bool = False

    def _aad(self) -> bytes:
        return json.dumps(
            {
                "format": KEY_FILE_FORMAT,
                "version": KEY_FILE_VERSION,
                "profile_id": self.profile_id,
                "kdf": asdict(self.kdf),
            },
            sort_keys=True,
        ).encode()


def new_data_key() -> bytes:
    return secrets.token_bytes(32)


def _derive(passphrase: str, salt: bytes, kdf: KdfParams) -> bytes:
    # Argon2 and AES-GCM are imported where used: opening with the keychain's key needs
    # neither, and start-up time counts (docs/benchmarks.md, "Start-up").
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(
        passphrase.encode("utf-8"),
        salt,
        time_cost=kdf.time_cost,
        memory_cost=kdf.memory_cost,
        parallelism=kdf.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def wrap(
    data_key: bytes, passphrase: str, profile_id: str, kdf: KdfParams, use_keychain: bool = False
) -> KeyFile:
    """Wrap ``data_key`` under ``passphrase`` with fresh salt and nonce."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    draft = KeyFile(profile_id, salt, nonce, b"", kdf, use_keychain)
    wrapped = AESGCM(_derive(passphrase, salt, kdf)).encrypt(nonce, data_key, draft._aad())
    return KeyFile(profile_id, salt, nonce, wrapped, kdf, use_keychain)


def unwrap(key_file: KeyFile, passphrase: str) -> bytes:
    """The data key; :class:`WrongPassphrase` if the passphrase (or the file) does not match."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        key = AESGCM(_derive(passphrase, key_file.salt, key_file.kdf)).decrypt(
            key_file.nonce, key_file.wrapped, key_file._aad()
        )
    except InvalidTag:
        raise WrongPassphrase() from None
    if len(key) != 32:
        raise KeyFileDamaged("wrong key length")
    return key


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode("ascii")


def write_key_file(path: Path, key_file: KeyFile) -> None:
    """Write atomically: a crash leaves the old file or the new one, never half of either."""
    doc: dict[str, Any] = {
        "format": KEY_FILE_FORMAT,
        "version": KEY_FILE_VERSION,
        "profile_id": key_file.profile_id,
        "kdf": {"name": "argon2id", **asdict(key_file.kdf), "salt": _b64(key_file.salt)},
        "cipher": "aes-256-gcm",
        "nonce": _b64(key_file.nonce),
        "wrapped_key": _b64(key_file.wrapped),
        "use_keychain": key_file.use_keychain,
    }
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(doc, fh, indent=2)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # pragma: no cover - Windows cannot open directories
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def read_key_file(path: Path) -> KeyFile:
    """Parse the key file; :class:`KeyFileDamaged` on anything unexpected."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise KeyFileDamaged(type(exc).__name__) from None
    try:
        if doc["format"] != KEY_FILE_FORMAT:
            raise KeyFileDamaged("not a Mentor Desk key file")
        if doc["version"] != KEY_FILE_VERSION:
            raise KeyFileDamaged(f"unsupported key file version {doc['version']}")
        kdf = doc["kdf"]
        if kdf["name"] != "argon2id" or doc["cipher"] != "aes-256-gcm":
            raise KeyFileDamaged("unsupported algorithm")
        return KeyFile(
            profile_id=str(doc["profile_id"]),
            salt=base64.b64decode(kdf["salt"], validate=True),
            nonce=base64.b64decode(doc["nonce"], validate=True),
            wrapped=base64.b64decode(doc["wrapped_key"], validate=True),
            kdf=KdfParams(int(kdf["time_cost"]), int(kdf["memory_cost"]), int(kdf["parallelism"])),
            use_keychain=bool(doc.get("use_keychain", False)),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise KeyFileDamaged(type(exc).__name__) from None


def shred_file(path: Path) -> None:
    """Overwrite a small file with random bytes, sync, then delete it (best effort on SSDs)."""
    try:
        size = path.stat().st_size
        with open(path, "r+b") as fh:
            fh.write(secrets.token_bytes(max(size, 1)))
            fh.flush()
            os.fsync(fh.fileno())
    except OSError:
        pass
    path.unlink(missing_ok=True)
