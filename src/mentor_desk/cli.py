"""The ``mentor-desk`` command: the desktop program, plus a few headless subcommands.

``mentor-desk`` (no subcommand) starts the program; ``--demo`` opens a throw-away store full
of invented data. Subcommands are for scripting, tests and benchmarks.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from mentor_desk import __version__, cli_export, diagnostics, logs
from mentor_desk.store import Profile, Store, StoreError, default_profile_dir

PASSPHRASE_ENV = "MENTOR_DESK_PASSPHRASE"


def _passphrase(confirm: bool) -> str:
    value = os.environ.get(PASSPHRASE_ENV)
    if value:
        logs.keep_out(value)
        return value
    if not sys.stdin.isatty():
        raise SystemExit(f"error: no passphrase: set {PASSPHRASE_ENV} or run in a terminal")
    first = getpass.getpass("Passphrase: ")
    logs.keep_out(first)
    if confirm and getpass.getpass("Passphrase again: ") != first:
        raise SystemExit("error: the two passphrases differ; nothing was created")
    return first


def _generate_demo(args: argparse.Namespace) -> int:
    from mentor_desk.demo_data import generate

    profile = Profile(Path(args.profile_dir) if args.profile_dir else default_profile_dir())
    passphrase = _passphrase(confirm=not profile.exists())
    started = time.perf_counter()
    store = profile.unlock(passphrase) if profile.exists() else profile.create(passphrase)
    opened = time.perf_counter()
    logs.log_to_file(profile.directory)

    def progress(done: int, total: int) -> None:
        if done == total or done % max(1, total // 20) == 0:
            print(f"  {done:,} of {total:,} participants", file=sys.stderr, flush=True)

    try:
        counts = generate(store, size=args.size, seed=args.seed, progress=progress)
    finally:
        store.close()
    finished = time.perf_counter()
    for name, n in counts.items():
        print(f"{name:>18}: {n:,}")
    print(f"{'total':>18}: {sum(counts.values()):,}")
    print(f"open/create {opened - started:.2f} s, generate {finished - opened:.2f} s")
    return 0


def _open(args: argparse.Namespace) -> tuple[Profile, Store]:
    profile = Profile(Path(args.profile_dir) if args.profile_dir else default_profile_dir())
    logs.log_to_file(profile.directory)
    store = profile.unlock_from_keychain() or profile.unlock(_passphrase(confirm=False))
    logs.keep_out(store.meta("server_token"))
    return profile, store


def _join(args: argparse.Namespace) -> int:
    from mentor_desk.sync import SyncError
    from mentor_desk.sync.account import join

    profile, store = _open(args)
    password = os.environ.get("MENTOR_DESK_PASSWORD") or getpass.getpass("Server password: ")
    try:
        account = join(store, args.server, args.username, password, args.device_name)
    except SyncError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    print(f"joined {account.url} as device {account.device_id} ({account.role})")
    del profile
    return 0


def _sync(args: argparse.Namespace) -> int:
    from mentor_desk.sync import SyncError
    from mentor_desk.sync.account import account_of, engine_for

    profile, store = _open(args)
    closed = False

    def wipe() -> None:
        nonlocal closed
        store.conn.close()
        closed = True
        profile.wipe()

    try:
        account = account_of(store)
        if account is None:
            print(
                "error: this profile has not joined a server (use 'mentor-desk join')",
                file=sys.stderr,
            )
            return 1
        engine = engine_for(account, lambda fn: fn(store), on_revoked=wipe)
        engine.allow_mass_delete = args.allow_mass_delete
        if args.batch:
            engine.push_batch = engine.pull_limit = args.batch
        report = engine.run_once()
    except SyncError as exc:
        print(f"sync stopped: {exc}", file=sys.stderr)
        return 1
    finally:
        if not closed:
            store.close()
    print(report.summary())
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mentor-desk", description=__doc__)
    parser.add_argument(
        "--profile-dir",
        help="folder of the encrypted store (default: the platform's user data folder)",
    )
    parser.add_argument(
        "--demo", action="store_true", help="open a throw-away store full of invented sample data"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="more log output")
    parser.add_argument("--version", action="version", version=f"mentor-desk {__version__}")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="check this installation works (throw-away store, search, window, PDF) and exit",
    )
    sub = parser.add_subparsers(dest="command")
    gen = sub.add_parser("generate-demo", help="fill a store with invented sample data")
    gen.add_argument("--size", choices=("tiny", "mentor", "office", "region"), default="mentor")
    gen.add_argument("--seed", type=int, default=7)
    gen.add_argument("--profile-dir", dest="profile_dir", default=argparse.SUPPRESS)
    joiner = sub.add_parser(
        "join", help="join a partnership server (password from MENTOR_DESK_PASSWORD or a prompt)"
    )
    joiner.add_argument("--server", required=True, help="https://… address of the server")
    joiner.add_argument("--username", required=True)
    joiner.add_argument("--device-name", default=None)
    joiner.add_argument("--profile-dir", dest="profile_dir", default=argparse.SUPPRESS)
    syncer = sub.add_parser("sync", help="run one full sync cycle and print a summary")
    syncer.add_argument("--profile-dir", dest="profile_dir", default=argparse.SUPPRESS)
    syncer.add_argument(
        "--allow-mass-delete",
        action="store_true",
        help="go on even if the server asks to delete many records",
    )
    syncer.add_argument(
        "--batch", type=int, default=0, help="records per request (smaller for slow links)"
    )
    diag = sub.add_parser("diagnose", help="print a problem report (ids and counts only)")
    diag.add_argument("--profile-dir", dest="profile_dir", default=argparse.SUPPRESS)
    cli_export.add_parser(sub)
    plan = sub.add_parser("export-plan", help="the same as `export plan` (kept for scripts)")
    plan.add_argument("reference", help="the participant's reference, e.g. UT-2026-0042")
    plan.add_argument("--out", required=True, help="the file to write (.pdf or .odt)")
    plan.add_argument("--partnership", default="", help="the partnership's name")
    plan.add_argument("--contact", default="", help="the mentor's work phone or email")
    plan.add_argument("--profile-dir", dest="profile_dir", default=argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logs.configure(verbose=args.verbose)
    try:
        if args.smoke:
            from mentor_desk import smoke

            return smoke.run()
        if args.command == "generate-demo":
            return _generate_demo(args)
        if args.command == "join":
            return _join(args)
        if args.command == "sync":
            return _sync(args)
        if args.command == "diagnose":
            folder = Path(args.profile_dir) if args.profile_dir else default_profile_dir()
            print(diagnostics.diagnose(folder, lambda: _open(args)[1]), end="")
            return 0
        if args.command == "export-plan":
            args.document = "plan"
            return cli_export.run(args, lambda a: _open(a)[1])
        if args.command == "export":
            return cli_export.run(args, lambda a: _open(a)[1])
        from mentor_desk.app import run_gui

        code: int = run_gui(Path(args.profile_dir) if args.profile_dir else None, args.demo)
        return code
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
