"""The ``mentor-desk`` command: the desktop program, plus a few headless subcommands.

``mentor-desk`` (no subcommand) starts the program; ``--demo`` opens a throw-away store full
of invented data. Subcommands are for scripting, tests and benchmarks.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from mentor_desk.store import Profile, StoreError, default_profile_dir

PASSPHRASE_ENV = "MENTOR_DESK_PASSPHRASE"


def _passphrase(confirm: bool) -> str:
    value = os.environ.get(PASSPHRASE_ENV)
    if value:
        return value
    if not sys.stdin.isatty():
        raise SystemExit(f"error: no passphrase: set {PASSPHRASE_ENV} or run in a terminal")
    first = getpass.getpass("Passphrase: ")
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
    sub = parser.add_subparsers(dest="command")
    gen = sub.add_parser("generate-demo", help="fill a store with invented sample data")
    gen.add_argument("--size", choices=("tiny", "mentor", "office", "region"), default="mentor")
    gen.add_argument("--seed", type=int, default=7)
    gen.add_argument("--profile-dir", dest="profile_dir", default=argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        if args.command == "generate-demo":
            return _generate_demo(args)
        from mentor_desk.app import run_gui  # type: ignore[import-not-found, unused-ignore]

        code: int = run_gui(Path(args.profile_dir) if args.profile_dir else None, args.demo)
        return code
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
