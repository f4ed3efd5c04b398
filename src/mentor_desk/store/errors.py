"""Errors the store raises, each with a message a user can act on.

Messages never contain personal data: they are shown in dialogs and may reach logs.
"""

from __future__ import annotations


class StoreError(Exception):
    """Base class: ``str(err)`` is a plain-language message for the user."""


class WrongPassphrase(StoreError):
    def __init__(self) -> None:
        super().__init__("That passphrase is not right. Nothing has been changed. Try again.")


class ProfileMissing(StoreError):
    def __init__(self) -> None:
        super().__init__("There is no Mentor Desk data in this folder yet.")


class ProfileExists(StoreError):
    def __init__(self) -> None:
        super().__init__(
            "This folder already holds Mentor Desk data. Unlock it instead of creating a new one."
        )


class KeyFileDamaged(StoreError):
    def __init__(self, detail: str) -> None:
        super().__init__(
            "The key file of this store is damaged or unreadable, so the store cannot be "
            f"unlocked ({detail}). Nothing has been changed. Restore the key file from a backup "
            "or ask your coordinator."
        )


class StoreDamaged(StoreError):
    def __init__(self, detail: str = "") -> None:
        extra = f" ({detail})" if detail else ""
        super().__init__(
            "The data file could not be opened: it is missing, damaged or not a Mentor Desk "
            f"store{extra}. Nothing has been changed or overwritten. Restore it from a backup, "
            "or ask your coordinator to set this computer up again from the server."
        )


class StoreTooNew(StoreError):
    def __init__(self, found: int, supported: int) -> None:
        super().__init__(
            f"This store was written by a newer version of Mentor Desk (schema {found}; this "
            f"program understands up to {supported}). Nothing has been changed. Install the "
            "newer version to open it."
        )


class NotEncrypted(StoreError):
    def __init__(self) -> None:
        super().__init__(
            "The encryption library (SQLCipher) is not available, so Mentor Desk will not "
            "store anything. Reinstall the program."
        )


class AppendOnly(StoreError):
    def __init__(self) -> None:
        super().__init__(
            "This note has already been shared with the server, so it cannot be changed. "
            "Add a correction to it instead."
        )


class RecordMissing(StoreError):
    def __init__(self, entity: str) -> None:
        super().__init__(f"That {entity.replace('_', ' ')} could not be found.")
