"""Fakes, in one place (STYLE.md point 10). A fake is only for what cannot be had for real."""

from __future__ import annotations

from keyring.backend import KeyringBackend


class InMemoryKeyring(KeyringBackend):
    """A recommended-priority keychain that lives in memory (the test machine has none).

    ``garbage`` makes every read return a corrupt value, as a damaged keychain might.
    """

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}
        self.garbage = False

    def get_password(self, service: str, username: str) -> str | None:
        if self.garbage and (service, username) in self.items:
            return "not-a-key-\x00\x01"
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)
