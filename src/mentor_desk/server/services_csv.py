"""Import the service directory from a CSV file.

Columns (header row required, any order, only ``name`` required):
name, organisation, pathways (pathway keys separated by ``;``), offers, eligibility,
how_to_refer, area_covered, address, phone, email, website, opening_times, last_checked_on.

Rows are numbered as a spreadsheet shows them (the header is row 1). Valid rows are
imported; each invalid row is reported as ``row 7: phone: is too long (…)``. A service with
the same name and organisation as an existing one is updated rather than duplicated.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from mentor_desk.domain import validate
from mentor_desk.domain.ids import uuid7
from mentor_desk.domain.vocabulary import entity
from mentor_desk.server import records
from mentor_desk.server.deps import Caller

COLUMNS = entity("service").names  # the CSV columns are the declared fields


class CsvProblem(ValueError):
    """The file as a whole cannot be imported (bad header, not CSV)."""


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)


def _row_fields(row: dict[str, str]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for column in COLUMNS:
        raw = (row.get(column) or "").strip()
        if not raw:
            continue
        if column == "pathways":
            fields[column] = [p.strip() for p in raw.split(";") if p.strip()]
        else:
            fields[column] = raw
    return fields


def _key(fields: dict[str, Any]) -> tuple[str, str]:
    return (str(fields.get("name", "")).casefold(), str(fields.get("organisation", "")).casefold())


def import_services(session: Session, caller: Caller, lines: Iterable[str]) -> ImportReport:
    """Import every valid row; the caller commits."""
    reader = csv.DictReader(lines)
    header = [h.strip() for h in (reader.fieldnames or [])]
    if not header:
        raise CsvProblem("the file is empty (a header row is needed)")
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        raise CsvProblem(
            f"unknown column(s): {', '.join(unknown)}; the columns are: {', '.join(COLUMNS)}"
        )
    if "name" not in header:
        raise CsvProblem("the column 'name' is needed")
    reader.fieldnames = header
    existing = {_key(r.data): r.id for r in records.shared_records(session, "service")}
    report = ImportReport()
    for row in reader:
        number = reader.line_num
        if None in row:
            report.errors.append(f"row {number}: has more cells than the header")
            continue
        fields = _row_fields(row)
        if not fields:
            continue
        problems = validate("service", fields)
        if problems:
            report.errors.extend(f"row {number}: {p.field}: {p.message}" for p in problems)
            continue
        record_id = existing.get(_key(fields))
        before = records.read(session, caller.user, "service", record_id) if record_id else None
        version = before.version if before else None
        record = records.write(session, caller, "service", record_id or uuid7(), fields)
        existing[_key(fields)] = record.id
        if before is None:
            report.created += 1
        elif record.version != version:
            report.updated += 1
        else:
            report.unchanged += 1
    return report
