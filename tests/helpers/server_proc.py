"""A real partnership server in its own process on a loopback port, and laptops that sync.

The server is started with ``mentor-desk-server serve`` exactly as an administrator would,
so a test can SIGKILL it mid-push and start it again on the same database.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from mentor_desk.server import accounts
from mentor_desk.server.db import make_engine, make_session_factory, migrate
from mentor_desk.server.security import Passwords
from mentor_desk.store import KdfParams, Profile, Store
from mentor_desk.sync.account import account_of, engine_for, join
from mentor_desk.sync.engine import SyncReport

PASSWORD = "correct horse battery"
FAST_ENV = {
    "MENTOR_DESK_ARGON2_TIME_COST": "1",
    "MENTOR_DESK_ARGON2_MEMORY_KIB": "8",
    "MENTOR_DESK_ARGON2_PARALLELISM": "1",
    "MENTOR_DESK_LOG_LEVEL": "warning",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class ServerProcess:
    """``mentor-desk-server serve`` on ``127.0.0.1:port`` against ``database_url``."""

    database_url: str
    log_path: Path
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen[bytes] | None = None
    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    organisations: dict[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def settings_env(self) -> dict[str, str]:
        return {**os.environ, **FAST_ENV, "MENTOR_DESK_DATABASE_URL": self.database_url}

    def seed(self) -> None:
        """Two organisations — Northside Trust (the lead: mentors) and Southside Football (a
        sport trust) — a coordinator, three mentors (two in org A), a partner (a session
        leader of org B), an admin."""
        from mentor_desk.server.config import Settings

        engine = make_engine(self.database_url)
        migrate(engine)
        settings = Settings(
            database_url=self.database_url,
            argon2_time_cost=1,
            argon2_memory_kib=8,
            argon2_parallelism=1,
        )
        sessions = make_session_factory(engine)
        with sessions() as session:
            org_a = accounts.create_organisation(session, "Northside Trust")
            org_b = accounts.create_organisation(session, "Southside Football", "sport")
            self.organisations = {"a": org_a.id, "b": org_b.id}
            people = {
                "coordinator": ("coordinator", org_a.id),
                "mentor_a": ("mentor", org_a.id),
                "mentor_a2": ("mentor", org_a.id),
                "mentor_b": ("mentor", org_b.id),
                "partner_b": ("partner", org_b.id),
                "admin": ("admin", None),
            }
            for username, (role, org) in people.items():
                user = accounts.create_user(
                    session,
                    Passwords(settings),
                    username=username,
                    name=username.replace("_", " ").title(),
                    role=role,
                    organisation_id=org,
                    password=PASSWORD,
                )
                self.users[username] = {"id": user.id, "organisation_id": org}
            session.commit()
        engine.dispose()

    def start(self) -> None:
        out = open(self.log_path, "ab")  # noqa: SIM115 - owned by the child
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mentor_desk.server.cli",
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--database",
                self.database_url,
            ],
            env=self.settings_env(),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.log_path.read_text()[-2000:]}")
            try:
                if requests.get(self.url + "/api/v1/health", timeout=1).ok:
                    return
            except requests.RequestException:
                time.sleep(0.1)
        raise RuntimeError("server did not start in time")

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()


def api(
    server: ServerProcess, method: str, path: str, username: str = "coordinator", **kw: Any
) -> Any:
    token = requests.post(
        f"{server.url}/api/v1/auth/login",
        json={"username": username, "password": PASSWORD, "device_name": "script"},
        timeout=10,
    )
    token.raise_for_status()
    resp = requests.request(
        method,
        f"{server.url}/api/v1{path}",
        timeout=30,
        headers={"Authorization": f"Bearer {token.json()['token']}"},
        **kw,
    )
    return resp


class Laptop:
    """One mentor's computer: an encrypted profile joined to the server."""

    def __init__(self, directory: Path, server_url: str, username: str) -> None:
        self.directory = directory
        self.profile = Profile(directory)
        self.store: Store | None = self.profile.create(
            "laptop passphrase", kdf=KdfParams.fast_for_tests()
        )
        self.username = username
        self.wiped = False
        if server_url:
            join(self.store, server_url, username, PASSWORD, f"{username}-laptop")

    @property
    def s(self) -> Store:
        assert self.store is not None, "this laptop's store is closed or wiped"
        return self.store

    def _wipe(self) -> None:
        if self.store is not None:
            self.store.conn.close()
            self.store = None
        self.profile.wipe()
        self.wiped = True

    def sync(self, url: str | None = None, **engine_kw: Any) -> SyncReport:
        account = account_of(self.s)
        assert account is not None
        if url is not None:
            from dataclasses import replace

            account = replace(account, url=url)
        engine = engine_for(account, lambda fn: fn(self.s), on_revoked=self._wipe)
        for key, value in engine_kw.items():
            setattr(engine, key, value)
        return engine.run_once()

    def add_participant(self, given: str = "Sam", family: str = "Sample", **kw: Any) -> str:
        rec = self.s.create(
            "participant",
            {
                "reference": self.s.new_reference(),
                "given_name": given,
                "family_name": family,
                "status": "active",
                **kw,
            },
        )
        return str(rec["id"])

    def add_note(self, pid: str, text: str) -> str:
        rec = self.s.create(
            "case_note",
            {
                "participant_id": pid,
                "occurred_at": "2026-11-20T10:00:00Z",
                "contact_kind": "phone",
                "text": text,
            },
        )
        return str(rec["id"])

    def reopen(self) -> None:
        if self.store is not None:
            self.store.close()
        self.store = self.profile.unlock("laptop passphrase")

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None
