"""CSV exports for coordinators: caseload, referrals, attendance, check-ins, outcomes.

The columns of each file are declared in :data:`COLUMNS` and documented in
``docs/exports.md``. Their headings are keys that other programs read ("referred_on"), and
the cells are stored codes, so neither is translated, whatever the program's language.

No file carries names, dates of birth, contact details or free text (notes, outcome notes,
concerns, summaries): a participant appears as their reference, or, when the user asks for
it, as a pseudonym.

Pseudonyms are a keyed hash (HMAC-SHA-256) of the participant's id with a random 256-bit
secret kept in the encrypted store's meta table, so the same person has the same pseudonym
in every file exported from this store, and nobody without the store can reverse it. This is
pseudonymisation, not anonymisation: treat the files as personal data.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import os
import secrets
from base64 import b32encode
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from mentor_desk.domain import resources
from mentor_desk.domain.vocabulary import entity
from mentor_desk.export import log
from mentor_desk.export.common import ExportError, path_hint, translate, write_bytes
from mentor_desk.export.csv_cells import defuse
from mentor_desk.store.records import Record, Store

PSEUDONYM_KEY = "export_pseudonym_key"

COLUMNS: dict[str, tuple[str, ...]] = {
    "caseload": (
        "participant",
        "status",
        "closure_reason",
        "area",
        "supervision_type",
        "release_date",
        "organisation_id",
        "assigned_mentor_id",
        "assigned_mentor_name",
        "next_contact_due",
        "last_contact_on",
        "goals",
        "goals_achieved",
        "open_referrals",
    ),
    "referrals": (
        "participant",
        "referred_on",
        "service",
        "pathway",
        "crs_categories",
        "kind",
        "status",
        "follow_up_on",
    ),
    "attendance": (
        "participant",
        "attended_on",
        "session",
        "provider",
        "attended",
        "minutes_active",
        "tell_probation_behaviour",
        "tell_probation_concern",
    ),
    "check_ins": (
        "participant",
        *(n for n in entity("check_in").names if n != "participant_id"),
    ),
    "outcomes": (
        "participant",
        "goal_pathway",
        "crs_categories",
        "goal_status",
        "target_date",
        "ended_on",
        "closure_reason",
        "goal_outcome",
    ),
}
KINDS = tuple(COLUMNS)


def pseudonymiser(store: Store) -> Callable[[str], str]:
    """participant id → stable pseudonym like ``P-7KQ2M4XD3A``; makes the secret once."""
    key_hex = store.meta(PSEUDONYM_KEY)
    if key_hex is None:
        with store.transaction():
            key_hex = store.meta(PSEUDONYM_KEY)
            if key_hex is None:
                key_hex = secrets.token_hex(32)
                store.set_meta(PSEUDONYM_KEY, key_hex)
    key = bytes.fromhex(key_hex)

    def pseudonym(participant_id: str) -> str:
        digest = hmac.new(key, participant_id.encode("utf-8"), hashlib.sha256).digest()
        return "P-" + b32encode(digest[:10]).decode("ascii")[:12]

    return pseudonym


def _cell(value: Any) -> str:
    """One value as CSV text (``true``/``false``, empty for none); :func:`csv_bytes` defuses
    it for spreadsheets."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _in(value: str | None, since: date | None, until: date | None) -> bool:
    if since is None and until is None:
        return True
    if not value:
        return False
    day = str(value)[:10]
    return (since is None or day >= since.isoformat()) and (
        until is None or day <= until.isoformat()
    )


def rows(
    store: Store,
    kind: str,
    *,
    pseudonymise: bool = False,
    since: date | None = None,
    until: date | None = None,
    participant_ids: Iterable[str] | None = None,
) -> list[list[str]]:
    """The rows (without the header) of one CSV export, as plain text (not yet defused)."""
    if kind not in COLUMNS:
        unknown = translate("CsvExport", "There is no CSV export called {kind}.")
        raise ExportError(unknown.format(kind=repr(kind)))
    people = {p["id"]: p for p in store.list("participant")}
    if participant_ids is not None:
        wanted = set(participant_ids)
        people = {k: v for k, v in people.items() if k in wanted}
    name_of: Callable[[str], str]
    if pseudonymise:
        name_of = pseudonymiser(store)
    else:

        def name_of(pid: str) -> str:
            return str(people[pid]["reference"])

    crs = resources.pathway_to_crs()

    def scoped(entity: str, order: str) -> list[Record]:
        return [r for r in store.list(entity, order_by=(order,)) if r["participant_id"] in people]

    out: list[list[Any]] = []
    if kind == "caseload":
        goals: dict[str, list[Record]] = {}
        for g in scoped("goal", "created_at"):
            goals.setdefault(g["participant_id"], []).append(g)
        open_refs: dict[str, int] = {}
        for r in scoped("referral", "referred_on"):
            if r["status"] in ("suggested", "made", "accepted"):
                open_refs[r["participant_id"]] = open_refs.get(r["participant_id"], 0) + 1
        last = {
            r["pid"]: r["last"]
            for r in store.conn.execute(
                "SELECT participant_id AS pid, max(occurred_at) AS last FROM case_note"
                " WHERE deleted = 0 AND contact_kind != 'attempted' GROUP BY participant_id"
            )
        }
        for pid, p in sorted(people.items(), key=lambda kv: str(kv[1]["reference"])):
            if not _in(p.get("release_date"), since, until):
                continue
            gs = goals.get(pid, [])
            out.append(
                [
                    name_of(pid),
                    p["status"],
                    p.get("closure_reason"),
                    p.get("area"),
                    p.get("supervision_type"),
                    p.get("release_date"),
                    p.get("organisation_id"),
                    p.get("assigned_mentor_id"),
                    p.get("assigned_mentor_name"),
                    p.get("next_contact_due"),
                    (last.get(pid) or "")[:10],
                    len(gs),
                    sum(1 for g in gs if g["status"] == "achieved"),
                    open_refs.get(pid, 0),
                ]
            )
    elif kind == "referrals":
        services = {s["id"]: s for s in store.list("service", include_deleted=True)}
        for r in scoped("referral", "referred_on"):
            if _in(r["referred_on"], since, until):
                out.append(
                    [
                        name_of(r["participant_id"]),
                        r["referred_on"],
                        services.get(r["service_id"], {}).get("name", ""),
                        r.get("pathway"),
                        ";".join(crs.get(str(r.get("pathway")), ())),
                        r["kind"],
                        r["status"],
                        r.get("follow_up_on"),
                    ]
                )
    elif kind == "attendance":
        sessions = {s["id"]: s for s in store.list("activity_session", include_deleted=True)}
        for a in scoped("attendance", "attended_on"):
            if _in(a["attended_on"], since, until):
                session = sessions.get(a["session_id"], {})
                out.append(
                    [
                        name_of(a["participant_id"]),
                        a["attended_on"],
                        session.get("name", ""),
                        session.get("provider", ""),
                        a["attended"],
                        a.get("minutes_active"),
                        bool(a.get("tell_probation_behaviour")),
                        bool(a.get("tell_probation_concern")),
                    ]
                )
    elif kind == "check_ins":
        for c in scoped("check_in", "checked_on"):
            if _in(c["checked_on"], since, until):
                out.append([name_of(c["participant_id"])] + [c.get(k) for k in COLUMNS[kind][1:]])
    else:  # outcomes: one row per goal, with the end-of-support outcome where there is one
        ended: dict[str, Record] = {}
        for record in scoped("end_of_support", "ended_on"):
            ended[record["participant_id"]] = record
        for g in scoped("goal", "created_at"):
            eos = ended.get(g["participant_id"]) or {}
            if not _in(eos.get("ended_on") or g.get("target_date"), since, until):
                continue
            outcome = (eos.get("goal_outcomes") or {}).get(g["id"], {})
            out.append(
                [
                    name_of(g["participant_id"]),
                    g["pathway"],
                    ";".join(crs.get(str(g["pathway"]), ())),
                    g["status"],
                    g.get("target_date"),
                    eos.get("ended_on"),
                    eos.get("closure_reason"),
                    outcome.get("outcome"),
                ]
            )
    return [[_cell(v) for v in row] for row in out]


def csv_bytes(header: Iterable[str], body: Iterable[Iterable[str]]) -> bytes:
    """UTF-8 with a byte-order mark (so spreadsheet programs read accents right), CRLF,
    every cell quoted and defused (:func:`mentor_desk.export.csv_cells.defuse`) so no
    spreadsheet runs one as a formula, whatever separator its locale splits on."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow([defuse(h) for h in header])
    writer.writerows([defuse(c) for c in row] for row in body)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def write_csv(
    store: Store,
    kind: str,
    path: str | os.PathLike[str],
    *,
    pseudonymise: bool = False,
    since: date | None = None,
    until: date | None = None,
) -> int:
    """Write one CSV export to ``path`` (only there), log it, and return the row count."""
    body = rows(store, kind, pseudonymise=pseudonymise, since=since, until=until)
    write_bytes(path, csv_bytes(COLUMNS[kind], body))
    log.record(
        store,
        f"csv_{kind}" + ("_pseudonymised" if pseudonymise else ""),
        path_hint=path_hint(path),
    )
    return len(body)
