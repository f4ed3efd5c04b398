"""``mentor-desk export …``: every document and file a coordinator may script or schedule.

The same functions the program's menus call, with the same rules: the probation summary
only with consent (or a coordinator's ``--override-reason``, kept in the export log); the
CSV files and the funder report for coordinators (a local-only profile is its own
coordinator); every file written 0600 and logged. Runs without a display: Qt's offscreen
platform is chosen before anything of Qt starts, unless ``QT_QPA_PLATFORM`` says otherwise.

Every failure is one ``error: …`` line on stderr and exit code 1 (bad input) — an unknown
reference, a missing consent, a folder that does not exist — and nothing is written.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from mentor_desk.store import Store
from mentor_desk.store.role import COORDINATOR, acting_role

DOCUMENTS = (
    "plan",
    "release-sheet",
    "probation-summary",
    "funder-report",
    "csv",
    "subject-access",
)


class CliError(Exception):
    """Something the person running the command can put right; said in one line."""


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``export`` and its subcommands."""
    export = sub.add_parser("export", help="write a document or file without opening the program")
    kinds = export.add_subparsers(dest="document", required=True, metavar="DOCUMENT")

    def person(name: str, help_text: str) -> argparse.ArgumentParser:
        p = kinds.add_parser(name, help=help_text)
        p.add_argument("reference", help="the participant's reference, e.g. UT-2026-0042")
        common(p)
        return p

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--out", required=True, help="the file to write")
        p.add_argument("--profile-dir", dest="profile_dir", default=argparse.SUPPRESS)

    plan = person("plan", "the participant's plan (PDF, or .odt)")
    plan.add_argument("--partnership", default="", help="the partnership's name")
    plan.add_argument("--contact", default="", help="the mentor's work phone or email")
    sheet = person("release-sheet", "the release-day 'what happens next' sheet (PDF)")
    sheet.add_argument("--contact", default="", help="the mentor's work phone or email")
    summary = person("probation-summary", "a progress summary for probation (PDF)")
    period(summary)
    summary.add_argument("--partnership", default="", help="the partnership's name")
    summary.add_argument(
        "--override-reason",
        default=None,
        help="coordinators: why it must go without the participant's consent (logged)",
    )
    person("subject-access", "everything held about the participant (ZIP)")
    report = kinds.add_parser("funder-report", help="every figure with its counts (PDF)")
    period(report)
    report.add_argument("--partnership", default="", help="the partnership's name")
    common(report)
    csv = kinds.add_parser("csv", help="one coordinator CSV file")
    csv.add_argument("kind", help="caseload, referrals, attendance, check_ins or outcomes")
    csv.add_argument("--pseudonymise", action="store_true", help="references replaced")
    period(csv)
    common(csv)


def period(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="since", default=None, help="first day, YYYY-MM-DD")
    p.add_argument("--to", dest="until", default=None, help="last day, YYYY-MM-DD")


def _day(value: str | None, what: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CliError(f"{what} {value!r} is not a date; write it as YYYY-MM-DD") from None


def _participant(store: Store, reference: str) -> str:
    found = store.list("participant", where={"reference": reference})
    if not found:
        raise CliError(f"no participant with reference {reference}")
    return str(found[0]["id"])


def _coordinator(store: Store, what: str) -> None:
    if acting_role(store) != COORDINATOR:
        raise CliError(f"only a coordinator may make {what}")


def _target(out: str) -> Path:
    path = Path(out)
    if not path.parent.is_dir():
        raise CliError(f"the folder {path.parent} does not exist; nothing was written")
    if path.is_dir():
        raise CliError(f"{path} is a folder; give a file name")
    return path


def _plan(store: Store, a: argparse.Namespace, out: Path) -> None:
    from mentor_desk.export.plan_pdf import write_plan_odt, write_plan_pdf

    write = write_plan_odt if out.suffix.lower() == ".odt" else write_plan_pdf
    pid = _participant(store, a.reference)
    write(store, pid, out, partnership=a.partnership, mentor_contact=a.contact)


def _sheet(store: Store, a: argparse.Namespace, out: Path) -> None:
    from mentor_desk.export.release_sheet import write_release_sheet_pdf

    contact = a.contact or store.meta("export_mentor_contact") or ""
    write_release_sheet_pdf(store, _participant(store, a.reference), out, mentor_contact=contact)


def _summary(store: Store, a: argparse.Namespace, out: Path) -> None:
    from mentor_desk.export.probation_summary import write_probation_summary_pdf

    pid = _participant(store, a.reference)
    reason = (a.override_reason or "").strip() or None
    if reason is not None:
        _coordinator(store, "a probation summary without the participant's consent")
    today = date.today()
    start = _day(a.since, "--from") or date(today.year - 1, today.month, 1)
    end = _day(a.until, "--to") or today
    if start > end:
        raise CliError("--from is after --to")
    write_probation_summary_pdf(
        store, pid, out, start=start, end=end, override_reason=reason, partnership=a.partnership
    )


def _subject_access(store: Store, a: argparse.Namespace, out: Path) -> None:
    from mentor_desk.export.subject_access import write_subject_access

    write_subject_access(store, _participant(store, a.reference), out)


def _funder(store: Store, a: argparse.Namespace, out: Path) -> None:
    from mentor_desk.export.funder_report import write_funder_report

    _coordinator(store, "the funder report")
    since, until = _day(a.since, "--from"), _day(a.until, "--to")
    if since and until and since > until:
        raise CliError("--from is after --to")
    write_funder_report(store, out, since=since, until=until, partnership=a.partnership)


def _csv(store: Store, a: argparse.Namespace, out: Path) -> None:
    from mentor_desk.export.csv_export import KINDS, write_csv

    if a.kind not in KINDS:
        raise CliError(f"no CSV file called {a.kind!r}; choose one of {', '.join(KINDS)}")
    _coordinator(store, "the CSV files")
    since, until = _day(a.since, "--from"), _day(a.until, "--to")
    n = write_csv(store, a.kind, out, pseudonymise=a.pseudonymise, since=since, until=until)
    print(f"{n:,} rows")


WRITERS: dict[str, Callable[[Store, argparse.Namespace, Path], None]] = {
    "plan": _plan,
    "release-sheet": _sheet,
    "probation-summary": _summary,
    "funder-report": _funder,
    "csv": _csv,
    "subject-access": _subject_access,
}


def run(args: argparse.Namespace, open_store: Callable[[argparse.Namespace], Store]) -> int:
    """Write the document; 0 when written, 1 with one ``error:`` line when not."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display needed
    from PySide6.QtGui import QGuiApplication

    from mentor_desk.export import ExportError

    try:
        out = _target(args.out)
    except CliError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    store = open_store(args)
    try:
        WRITERS[args.document](store, args, out)
    except (CliError, ExportError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: {out} could not be written ({exc.strerror or exc}); nothing was saved",
              file=sys.stderr)  # fmt: skip
        return 1
    finally:
        store.close()
    del app
    print(f"wrote {out}")
    return 0
