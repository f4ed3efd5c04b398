"""A problem report: versions, the profile's state as ids and counts, and the log's tail.

Made by Help → Copy a problem report and by ``mentor-desk diagnose``. What it may say is
listed here line by line, never taken wholesale from the store: program and library
versions, whether the key and data files are there, the store's version, this device's
ids, whether the profile has joined a server (not its address, the account's name or the
token), sync counts, how many records of each type there are, and the last lines of the
program's own log (:mod:`mentor_desk.logs`, which keeps to the same rule). Never a name,
a note's text, a passphrase or a token.
"""

from __future__ import annotations

import importlib.metadata
import platform
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from mentor_desk import logs
from mentor_desk.domain.vocabulary import ENTITIES, SCHEMA_VERSION
from mentor_desk.store import keychain
from mentor_desk.store.database import cipher_version
from mentor_desk.store.errors import StoreError
from mentor_desk.store.keys import read_key_file
from mentor_desk.store.profile import Profile, default_profile_dir
from mentor_desk.store.records import Store
from mentor_desk.store.role import acting_role
from mentor_desk.store.schema import STORE_VERSION
from mentor_desk.store.syncstate import BULK_KEY, RESYNC_KEY
from mentor_desk.store.syncviews import conflicts_to_report, sync_counts

Facts = list[tuple[str, str]]
LOG_LINES = 200
TITLE = "Mentor Desk problem report"
PROMISE = "Ids and counts only: no names, no notes, no passphrases, no sign-in tokens."


def _guarded(what: Callable[[], str]) -> str:
    try:
        return what()
    except Exception as exc:  # a report says what it could not find out, and goes on
        return f"unknown ({type(exc).__name__})"


def _program_version() -> str:
    try:
        return importlib.metadata.version("mentor-desk")
    except importlib.metadata.PackageNotFoundError:
        from mentor_desk import __version__

        return f"{__version__} (not installed)"


def _qt_versions() -> str:
    import PySide6
    from PySide6.QtCore import qVersion

    return f"{qVersion()} (PySide6 {PySide6.__version__})"


def _keychain() -> str:
    import keyring

    backend = keyring.get_keyring()
    kind = type(backend)
    usable = "used for unlocking" if keychain.available() else "not used (not a secure one)"
    return f"{kind.__module__}.{kind.__qualname__}, {usable}"


def program_facts() -> Facts:
    """Versions of the program and of what it stands on."""
    return [
        ("Mentor Desk", _guarded(_program_version)),
        ("Python", platform.python_version()),
        ("Qt", _guarded(_qt_versions)),
        ("SQLCipher", _guarded(lambda: cipher_version() or "missing: plain SQLite loaded")),
        ("System", _guarded(platform.platform)),
        ("Keychain", _guarded(_keychain)),
    ]


def _size(path: Path) -> str:
    try:
        return f"present, {path.stat().st_size / 1_000_000:.1f} MB"
    except OSError:
        return "missing"


def profile_facts(profile_dir: Path) -> Facts:
    """What the profile's files say without opening the store (no path: it names a home)."""
    profile = Profile(profile_dir)
    rows: Facts = [("Default folder", "yes" if profile_dir == default_profile_dir() else "no")]
    try:
        key = read_key_file(profile.key_path)
    except StoreError as exc:
        rows.append(("Key file", "missing" if not profile.key_path.exists() else str(exc)))
    except OSError as exc:
        rows.append(("Key file", f"unreadable ({type(exc).__name__})"))
    else:
        k = key.kdf
        rows += [
            ("Profile id", key.profile_id),
            (
                "Key file",
                f"present (Argon2id t={k.time_cost} m={k.memory_cost} KiB p={k.parallelism})",
            ),
            ("Keychain unlock", "on" if key.use_keychain else "off"),
        ]
    rows.append(("Data file", _size(profile.db_path)))
    rows.append(("Write-ahead log", _size(Path(f"{profile.db_path}-wal"))))
    return rows


def store_facts(store: Store) -> Facts:
    """The store's state as ids and counts. Runs where the store lives (its worker)."""

    def one(sql: str) -> int:
        return int(store.conn.execute(sql).fetchone()["n"])

    joined = bool(store.meta("server_url") and store.meta("server_token"))
    counts = sync_counts(store)
    version = int(store.conn.execute("PRAGMA user_version").fetchone()["user_version"])
    rows: Facts = [
        ("Store version", f"{version} (this program writes {STORE_VERSION})"),
        ("Record types version", str(SCHEMA_VERSION)),
        ("Device id", store.meta("device_id") or "none"),
        ("Role", acting_role(store)),
        ("Joined a server", "yes" if joined else "no (this computer only)"),
    ]
    if joined:
        rows += [
            ("Server device id", store.meta("server_device_id") or "none"),
            ("Server user id", store.meta("user_id") or "none"),
            ("Organisation id", store.meta("organisation_id") or "none"),
        ]
    rows += [
        ("Changes waiting to be sent", str(counts.waiting)),
        ("Open conflicts", str(counts.conflicts)),
        ("Refused changes (needs attention)", str(counts.attention)),
        ("Settled conflicts still to tell the server", str(len(conflicts_to_report(store)))),
        ("Sync cursor", str(counts.cursor)),
        ("Last synced", counts.last_synced_at or "never"),
        ("Full download in progress", "yes" if store.meta(RESYNC_KEY) else "no"),
        ("Search index to build", "yes" if store.meta(BULK_KEY) else "no"),
        ("Drafts kept", str(one("SELECT count(*) AS n FROM draft"))),
    ]
    for name in sorted(ENTITIES):
        live = store.count(name)
        deleted = store.count(name, include_deleted=True) - live
        rows.append((f"{name} records", f"{live}" + (f" (+{deleted} deleted)" if deleted else "")))
    return rows


def _section(title: str, facts: Facts) -> list[str]:
    width = max((len(k) for k, _ in facts), default=0)
    return [f"[{title}]", *(f"{k + ':':<{width + 1}} {v}" for k, v in facts), ""]


def report(
    profile_dir: Path,
    store: Facts | None,
    store_missing: str | None = None,
    *,
    log_lines: int = LOG_LINES,
) -> str:
    """The whole report as plain text; ``store`` is :func:`store_facts`' answer, or None
    with ``store_missing`` saying why the store could not be read."""
    made = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    lines = [TITLE, PROMISE, f"Made {made}", ""]
    lines += _section("Program", program_facts())
    lines += _section("Profile", profile_facts(Path(profile_dir)))
    if store is not None:
        lines += _section("Store", store)
    else:
        lines += ["[Store]", f"Not included: {store_missing or 'the store is not open'}", ""]
    tail = logs.tail(Path(profile_dir), log_lines)
    lines += [f"[Log: the last {len(tail)} lines]", *tail]
    return logs.redact("\n".join(lines).rstrip("\n") + "\n")


def diagnose(profile_dir: Path, open_store: Callable[[], Store]) -> str:
    """``mentor-desk diagnose``: the report, with the store part if it can be opened.

    ``open_store`` asks for the passphrase like every subcommand; if it fails (no
    passphrase, a wrong one, a damaged file) the report says why and gives the rest.
    """
    facts: Facts | None = None
    why: str | None = None
    if not Profile(profile_dir).exists():
        why = "there is no store in this folder"
    else:
        try:
            store = open_store()
        except StoreError as exc:
            why = str(exc)
        except SystemExit as exc:  # no passphrase given: the subcommands' own exit
            why = str(exc.code).removeprefix("error: ")
        else:
            try:
                facts = store_facts(store)
            finally:
                store.close()
    return report(profile_dir, facts, why)
