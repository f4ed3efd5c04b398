"""``mentor-desk-server``: run the server and administer it from the command line.

Every command takes ``--database URL`` (default: ``MENTOR_DESK_DATABASE_URL`` or a SQLite
file in the user data directory), applies migrations first, and on bad input prints one
clear line to stderr and exits non-zero, never a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from mentor_desk.domain.partnership import ORGANISATION_KINDS
from mentor_desk.server import accounts
from mentor_desk.server.config import Settings
from mentor_desk.server.db import make_engine, make_session_factory, migrate
from mentor_desk.server.deps import Caller
from mentor_desk.server.errors import ApiError
from mentor_desk.server.models import AuditEntry, Device, User
from mentor_desk.server.security import Passwords
from mentor_desk.server.services_csv import CsvProblem, import_services

log = logging.getLogger("mentor_desk.server")

#: Actions taken on the command line are recorded under this id in the audit log.
CLI_ID = "00000000-0000-0000-0000-000000000000"


class CliError(Exception):
    """A problem to report in one line, exit status 1."""


def cli_caller() -> Caller:
    """The identity the command line acts as: a coordinator of no organisation."""
    stamp = accounts.now()
    user = User(
        id=CLI_ID,
        username="command-line",
        name="command line",
        role="coordinator",
        organisation_id=None,
        password_hash="",
        active=True,
        created_at=stamp,
        updated_at=stamp,
    )
    device = Device(id=CLI_ID, user_id=CLI_ID, name="command line", token_hash="", created_at=stamp)
    return Caller(user=user, device=device)


def _settings(args: argparse.Namespace) -> Settings:
    settings = Settings()
    if getattr(args, "database", None):
        settings = settings.model_copy(update={"database_url": args.database})
    return settings


def _session(settings: Settings) -> Session:
    engine = make_engine(settings.database_url)
    migrate(engine)
    return make_session_factory(engine)()


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass("Password: ")
        if getpass.getpass("Password again: ") != password:
            raise CliError("the passwords do not match")
    if not password:
        raise CliError("no password given")
    return password


def _user(session: Session, username: str) -> User:
    user = accounts.user_by_username(session, username)
    if user is None:
        raise CliError(f"no account called {username!r}")
    return user


def _stamp(value: datetime | None) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M") if value else "-"


# --- commands ------------------------------------------------------------------------------


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from mentor_desk.server.app import create_app

    settings = _settings(args)
    settings = settings.model_copy(
        update={"host": args.host or settings.host, "port": args.port or settings.port}
    )
    app = create_app(settings)
    uvicorn.run(
        app,
        host=settings.host,
        port=settings.port,
        log_level=settings.log_level,
        proxy_headers=True,
        forwarded_allow_ips=settings.forwarded_allow_ips,
        server_header=False,
    )
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    settings = _settings(args)
    migrate(make_engine(settings.database_url))
    print("database is up to date")
    return 0


def cmd_create_organisation(args: argparse.Namespace) -> int:
    with _session(_settings(args)) as session:
        org = accounts.create_organisation(session, args.name, args.kind)
        accounts.audit(session, "cli.create_organisation", record_ids=[org.id])
        session.commit()
        print(f"created organisation {org.name!r} ({org.id})")
    return 0


def cmd_create_user(args: argparse.Namespace) -> int:
    settings = _settings(args)
    with _session(settings) as session:
        organisation_id = None
        if args.organisation:
            org = accounts.organisation_by_name(session, args.organisation)
            if org is None:
                raise CliError(f"no organisation called {args.organisation!r}")
            organisation_id = org.id
        elif args.role != "admin":
            raise CliError("--organisation is needed for mentors and coordinators")
        password = _read_password(args)
        user = accounts.create_user(
            session,
            Passwords(settings),
            username=args.username,
            name=args.name or args.username,
            role=args.role,
            organisation_id=organisation_id,
            password=password,
        )
        accounts.audit(session, "cli.create_user", record_ids=[user.id])
        session.commit()
        print(f"created {user.role} {user.username!r} ({user.id})")
    return 0


def cmd_reset_password(args: argparse.Namespace) -> int:
    settings = _settings(args)
    with _session(settings) as session:
        user = _user(session, args.username)
        accounts.set_password(session, Passwords(settings), user, _read_password(args))
        accounts.audit(session, "cli.reset_password", record_ids=[user.id])
        session.commit()
        print(f"password of {user.username!r} changed")
    return 0


def cmd_devices(args: argparse.Namespace) -> int:
    with _session(_settings(args)) as session:
        query = select(Device, User).join(User, User.id == Device.user_id)
        if args.user:
            query = query.where(User.id == _user(session, args.user).id)
        rows = session.execute(query.order_by(Device.created_at)).all()
        print("id\tuser\tname\tcreated\tlast seen\trevoked")
        for device, user in rows:
            print(
                f"{device.id}\t{user.username}\t{device.name}\t{_stamp(device.created_at)}\t"
                f"{_stamp(device.last_seen_at)}\t{_stamp(device.revoked_at)}"
            )
    return 0


def cmd_revoke_device(args: argparse.Namespace) -> int:
    with _session(_settings(args)) as session:
        device = session.get(Device, args.device_id.strip().lower())
        if device is None:
            raise CliError(f"no device with id {args.device_id!r}")
        accounts.revoke_device(session, device)
        accounts.audit(session, "cli.revoke_device", record_ids=[device.id])
        session.commit()
        print(f"device {device.id} revoked; it will wipe its data at its next contact")
    return 0


def cmd_import_services(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CliError(f"no such file: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(f"cannot read {path}: {type(exc).__name__}") from None
    with _session(_settings(args)) as session:
        try:
            report = import_services(session, cli_caller(), text.splitlines())
        except CsvProblem as exc:
            raise CliError(f"{path}: {exc}") from None
        accounts.audit(session, "cli.import_services", entity="service")
        session.commit()
    for line in report.errors:
        print(line, file=sys.stderr)
    print(
        f"imported services: {report.created} new, {report.updated} updated, "
        f"{report.unchanged} unchanged, {len(report.errors)} problem(s)"
    )
    return 1 if report.errors else 0


def cmd_audit(args: argparse.Namespace) -> int:
    with _session(_settings(args)) as session:
        query = select(AuditEntry).order_by(AuditEntry.id)
        if args.since:
            try:
                since = date.fromisoformat(args.since)
            except ValueError:
                raise CliError(
                    f"--since must be a date like 2026-11-23, not {args.since!r}"
                ) from None
            query = query.where(
                AuditEntry.at >= datetime(since.year, since.month, since.day, tzinfo=UTC)
            )
        if args.user:
            query = query.where(AuditEntry.user_id == _user(session, args.user).id)
        names = {u.id: u.username for u in session.scalars(select(User))}
        for entry in session.scalars(query):
            who = names.get(entry.user_id or "", entry.user_id or "command line")
            ids = ",".join(entry.record_ids)
            print(
                f"{_stamp(entry.at)}\t{who}\t{entry.device_id or '-'}\t{entry.action}\t"
                f"{entry.entity or '-'}\t{ids}"
            )
    return 0


def cmd_purge_tombstones(args: argparse.Namespace) -> int:
    from mentor_desk.server import sync

    with _session(_settings(args)) as session:
        days = args.older_than_days
        if days is None:
            days = accounts.get_policy(session).tombstone_days
        if days < 0:
            raise CliError("--older-than-days must be 0 or more")
        purged, horizon = sync.purge_tombstones(session, days)
        session.commit()
        print(f"purged {purged} deleted record(s) older than {days} days; horizon is {horizon}")
    return 0


# --- parser --------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--database",
        metavar="URL",
        help="database URL (sqlite:///path or postgresql+psycopg://...); "
        "default: MENTOR_DESK_DATABASE_URL or a SQLite file in the user data directory",
    )
    parser = argparse.ArgumentParser(
        prog="mentor-desk-server", description="The Mentor Desk partnership server."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(
        name: str, func: Callable[[argparse.Namespace], int], help_: str
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[common], help=help_, description=help_)
        p.set_defaults(func=func)
        return p

    serve = add("serve", cmd_serve, "run the server")
    serve.add_argument("--host", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port to listen on (default 8765)")
    add("migrate", cmd_migrate, "bring the database schema up to date")
    org = add("create-organisation", cmd_create_organisation, "create an organisation")
    org.add_argument("name", metavar="NAME")
    org.add_argument(
        "--kind",
        default="lead",
        choices=ORGANISATION_KINDS,
        help="what it is to the partnership (default lead: its coordinators keep the agreements)",
    )
    user = add("create-user", cmd_create_user, "create an account")
    user.add_argument("username", metavar="USERNAME")
    user.add_argument("--role", required=True, choices=accounts.ROLES)
    user.add_argument("--organisation", metavar="NAME", help="organisation name")
    user.add_argument("--name", metavar="DISPLAY_NAME", help="name shown to others")
    user.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    reset = add("reset-password", cmd_reset_password, "set a new password for an account")
    reset.add_argument("username", metavar="USERNAME")
    reset.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    devices = add("devices", cmd_devices, "list registered devices")
    devices.add_argument("--user", metavar="USERNAME")
    revoke = add("revoke-device", cmd_revoke_device, "revoke a device (it wipes itself)")
    revoke.add_argument("device_id", metavar="ID")
    imp = add("import-services", cmd_import_services, "import the service directory from CSV")
    imp.add_argument("file", metavar="FILE.csv")
    audit = add("audit", cmd_audit, "show the audit log (ids only)")
    audit.add_argument("--since", metavar="DATE", help="from this date (YYYY-MM-DD)")
    audit.add_argument("--user", metavar="USERNAME")
    purge = add(
        "purge-tombstones", cmd_purge_tombstones, "purge deleted records kept as tombstones"
    )
    purge.add_argument(
        "--older-than-days",
        type=int,
        metavar="N",
        help="deleted more than N days ago (default: the policy's tombstone_days, 180)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    try:
        status: int = args.func(args)
    except CliError as exc:
        print(f"mentor-desk-server: {exc}", file=sys.stderr)
        return 1
    except ApiError as exc:
        print(f"mentor-desk-server: {exc.detail}", file=sys.stderr)
        return 1
    except SQLAlchemyError as exc:
        print(
            f"mentor-desk-server: database problem ({type(exc).__name__}); "
            "check --database and that the server can reach it",
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        return 130
    return status


if __name__ == "__main__":
    raise SystemExit(main())
