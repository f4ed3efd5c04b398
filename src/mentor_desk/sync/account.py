"""Joining a partnership server and keeping the device's sign-in.

The device token is kept inside the encrypted store (and, where a recommended keychain
exists, nowhere else is needed: the store itself is unlocked by the keychain or passphrase).
Joining from an existing local-only profile keeps everything: the outbox already holds every
record ever written, so the first sync uploads it all.
"""

from __future__ import annotations

import json
import platform
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from mentor_desk.store.records import Store
from mentor_desk.sync.engine import SyncEngine
from mentor_desk.sync.transport import Transport, check_url

SERVER_KEYS = (
    "server_url",
    "server_device_id",
    "server_token",
    "server_username",
    "user_id",
    "user_role",
    "organisation_id",
    "policy",
)


@dataclass(frozen=True)
class ServerAccount:
    url: str
    device_id: str
    token: str
    user_id: str
    role: str
    organisation_id: str | None
    policy: dict[str, Any]


def join(
    store: Store,
    base_url: str,
    username: str,
    password: str,
    device_name: str | None = None,
    transport: Transport | None = None,
) -> ServerAccount:
    """Sign in, register this computer as a device, and remember it in the store."""
    url = check_url(base_url)
    transport = transport or Transport(url)
    answer = transport.login(username, password, device_name or platform.node() or "laptop")
    user = answer["user"]
    account = ServerAccount(
        url,
        str(answer["device_id"]),
        str(answer["token"]),
        str(user["id"]),
        str(user["role"]),
        user.get("organisation_id"),
        dict(answer.get("policy") or {}),
    )
    with store.transaction():
        store.set_meta("server_url", account.url)
        store.set_meta("server_device_id", account.device_id)
        store.set_meta("server_token", account.token)
        store.set_meta("user_id", account.user_id)
        store.set_meta("user_role", account.role)
        store.set_meta("organisation_id", account.organisation_id)
        store.set_meta("policy", json.dumps(account.policy))
        if user.get("name"):
            store.set_meta("actor_name", str(user["name"]))
        if username:  # offered again by "Sign in again…"
            store.set_meta("server_username", username)
    store.actor_id = account.user_id
    return account


def account_of(store: Store) -> ServerAccount | None:
    """The server this store is joined to, or None for a local-only profile."""
    url, device, token = (
        store.meta("server_url"),
        store.meta("server_device_id"),
        store.meta("server_token"),
    )
    if not (url and device and token):
        return None
    return ServerAccount(
        url,
        device,
        token,
        store.meta("user_id", "") or "",
        store.meta("user_role", "") or "",
        store.meta("organisation_id"),
        json.loads(store.meta("policy", "{}") or "{}"),
    )


def forget(store: Store) -> None:
    with store.transaction():
        for key in SERVER_KEYS:
            store.set_meta(key, None)


def engine_for(
    account: ServerAccount,
    db: Callable[[Callable[[Store], Any]], Any],
    *,
    on_revoked: Callable[[], None] | None = None,
    transport: Transport | None = None,
) -> SyncEngine:
    share = float(account.policy.get("mass_delete_share", 0.2) or 0.2)
    return SyncEngine(
        db,
        transport or Transport(account.url, account.token),
        account.device_id,
        on_revoked=on_revoked,
        mass_delete_share=share,
    )
