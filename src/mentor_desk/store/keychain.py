"""Optional OS-keychain cache of the data key (SYNC.md "Keys on the laptop").

Used only when ``keyring`` resolves to a *recommended* backend (priority ≥ 1, not a
``keyrings.alt`` file backend, not the fail or null backend). Anything the keychain returns is
treated as untrusted: garbage or a key that does not open the store means "ask for the
passphrase", never "start a new store".
"""

from __future__ import annotations

import contextlib
import logging

import keyring
import keyring.errors

SERVICE = "mentor-desk"
log = logging.getLogger(__name__)


def _entry(profile_id: str) -> str:
    return f"profile:{profile_id}"


def available() -> bool:
    """True when a recommended, secure keychain backend is in use."""
    try:
        backend = keyring.get_keyring()
        priority = float(backend.priority)
    except Exception:  # a broken backend is the same as none
        return False
    module = type(backend).__module__
    name = type(backend).__name__.lower()
    if priority < 1 or module.startswith("keyrings.alt") or "plaintext" in name:
        return False
    return not module.startswith(("keyring.backends.fail", "keyring.backends.null"))


def store_key(profile_id: str, key: bytes) -> bool:
    """Save ``key`` for ``profile_id``; False (and nothing saved) if the keychain refused."""
    if not available():
        return False
    try:
        keyring.set_password(SERVICE, _entry(profile_id), key.hex())
    except Exception as exc:
        log.warning("keychain refused to store the key: %s", type(exc).__name__)
        return False
    return True


def load_key(profile_id: str) -> bytes | None:
    """The cached key, or None if there is none or what came back is not a key."""
    if not available():
        return None
    try:
        value = keyring.get_password(SERVICE, _entry(profile_id))
    except Exception as exc:
        log.warning("keychain could not be read: %s", type(exc).__name__)
        return None
    if not isinstance(value, str) or len(value) != 64:
        return None
    try:
        return bytes.fromhex(value)
    except ValueError:
        return None


def forget_key(profile_id: str) -> None:
    """Remove the cached key; silent if there was none or the keychain is gone."""
    with contextlib.suppress(Exception):  # missing entry or backend: nothing to forget
        keyring.delete_password(SERVICE, _entry(profile_id))
