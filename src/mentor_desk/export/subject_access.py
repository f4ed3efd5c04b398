"""Everything held about one participant, for a subject access request: a ZIP of JSON + PDF.

ZIP layout (``docs/exports.md``)::

    README.txt                  what the files are
    manifest.json               who, when, and how many records each file holds
    records/<type>.json         every record of every type with their id, deleted ones too
    local/drafts.json           unsaved text kept for them on this computer
    local/conflicts.json        sync conflicts about their records
    local/needs_attention.json  changes the server refused, kept until someone looks
    local/pending_changes.json  changes not yet sent to the server
    local/export_log.json       earlier exports about them (what, when, by whom)
    related/services.json       the directory entries their referrals point to
    related/activity_sessions.json  the sessions their attendance points to
    summary.pdf                 the same records, readable

The ZIP is written straight into ``<path>.part`` beside the chosen file and renamed into
place when complete; nothing goes to a temp folder.
"""

from __future__ import annotations

import contextlib
import json
import os
import zipfile
from typing import Any

from mentor_desk.domain import resources
from mentor_desk.domain.vocabulary import ENTITIES, SCHEMA_VERSION, Kind
from mentor_desk.export import log
from mentor_desk.export.common import (
    QT_TRANSLATE_NOOP,
    ExportError,
    number,
    open_target,
    path_hint,
    translate,
    utc_stamp,
)
from mentor_desk.export.document import REPORT_CSS, SMALL_BODY_PT, e, make_document, pdf_bytes
from mentor_desk.store.records import Store

README = QT_TRANSLATE_NOOP(
    "SubjectAccess",
    """Everything Mentor Desk holds about one person on this computer.

records/   one JSON file per type of record (participant, release day, goals, notes, ...).
           Each record has its id, when it was made and changed, and its fields; records
           marked "deleted": true are waiting to be purged.
local/     things kept only on this computer: unsaved drafts, sync conflicts, changes the
           server refused or has not received yet, and the log of earlier exports.
related/   entries of the shared service directory and session timetable that their
           records point to (these are not about the person).
summary.pdf  the same records, to read.
""",
)
TITLE = QT_TRANSLATE_NOOP("SubjectAccess", "Everything held about this person")
#: The files kept only on this computer, as the summary names them.
LOCAL = {
    "local/drafts.json": QT_TRANSLATE_NOOP("SubjectAccess", "Unsaved drafts"),
    "local/conflicts.json": QT_TRANSLATE_NOOP("SubjectAccess", "Sync conflicts"),
    "local/needs_attention.json": QT_TRANSLATE_NOOP("SubjectAccess", "Changes the server refused"),
    "local/pending_changes.json": QT_TRANSLATE_NOOP("SubjectAccess", "Changes not yet sent"),
    "local/export_log.json": QT_TRANSLATE_NOOP("SubjectAccess", "Earlier exports"),
}


def _rows(store: Store, sql: str, pid: str) -> list[dict[str, Any]]:
    out = []
    for row in store.conn.execute(sql, (pid,)):
        rec = dict(row)
        for key in ("mine", "theirs", "fields", "body", "field_versions"):
            if isinstance(rec.get(key), str):
                with contextlib.suppress(ValueError):
                    rec[key] = json.loads(rec[key])
        out.append(rec)
    return out


def collect_subject_access(store: Store, participant_id: str) -> dict[str, list[dict[str, Any]]]:
    """Every record and local row about one participant, by ZIP member name."""
    person = store.get("participant", participant_id, include_deleted=True)
    if person is None:
        raise ExportError(translate("Document", "That participant is not in this store."))
    files: dict[str, list[dict[str, Any]]] = {"records/participant.json": [person]}
    for ent in ENTITIES.values():
        if ent.scoped and ent.name != "participant":
            files[f"records/{ent.name}.json"] = store.list(
                ent.name,
                participant_id=participant_id,
                order_by=("created_at", "id"),
                include_deleted=True,
            )
    files["local/drafts.json"] = [
        d for d in store.drafts() if d.get("participant_id") == participant_id
    ]
    files["local/conflicts.json"] = _rows(
        store, "SELECT * FROM conflict WHERE participant_id = ? ORDER BY at", participant_id
    )
    files["local/needs_attention.json"] = _rows(
        store,
        "SELECT * FROM needs_attention WHERE participant_id = ? ORDER BY device_seq",
        participant_id,
    )
    files["local/pending_changes.json"] = _rows(
        store,
        "SELECT * FROM outbox WHERE participant_id = ? ORDER BY device_seq",
        participant_id,
    )
    files["local/export_log.json"] = log.entries(store, participant_id=participant_id)
    service_ids = {r["service_id"] for r in files["records/referral.json"]}
    session_ids = {a["session_id"] for a in files["records/attendance.json"]}
    for entity, ids in (("service", service_ids), ("activity_session", session_ids)):
        found = (store.get(entity, i, include_deleted=True) for i in sorted(ids))
        files[f"related/{entity}s.json"] = [r for r in found if r is not None]
    return files


def _value(name: str, value: Any) -> str:
    if isinstance(value, bool):
        return translate("SubjectAccess", "yes") if value else translate("SubjectAccess", "no")
    if name == "checklist" and isinstance(value, dict):
        labels = {i["key"]: i["label"] for i in resources.checklist_items()}
        return "; ".join(
            f"{labels.get(k, k)}: {v.get('state', '')}"
            + (f" — {v['note']}" if v.get("note") else "")
            for k, v in value.items()
            if isinstance(v, dict)
        )
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def render_subject_access_html(files: dict[str, list[dict[str, Any]]]) -> str:
    person = files["records/participant.json"][0]
    made = translate("SubjectAccess", "Reference {reference} · made {stamp} (UTC)")
    deleted = translate("SubjectAccess", " (deleted)")
    recorded = translate("SubjectAccess", "Recorded:")
    changed = translate("SubjectAccess", "last changed:")
    parts = [
        f"<html><head>{REPORT_CSS}</head><body>",
        f"<h1>{e(translate('SubjectAccess', TITLE))}</h1>",
        f"<p>{e(made.format(reference=person['reference'], stamp=utc_stamp()))}</p>",
    ]
    for member, records in files.items():
        if not member.startswith("records/"):
            continue
        ent = ENTITIES[member.removeprefix("records/").removesuffix(".json")]
        parts.append(f"<h2>{e(ent.label)} ({number(len(records))})</h2>")
        if not records:
            parts.append(f"<p><i>{e(translate('SubjectAccess', 'None.'))}</i></p>")
        for rec in records:
            title = rec.get(ent.title_field or "id") or rec["id"]
            flag = deleted if rec.get("deleted") else ""
            parts.append(f"<h3>{e(ent.label)}: {e(title)}{e(flag)}</h3><p>")
            for f in ent.fields:
                value = rec.get(f.name)
                if value is None or value == "" or value == []:
                    continue
                if f.kind is Kind.REF:
                    continue
                parts.append(f"<b>{e(f.label)}:</b> {e(_value(f.name, value))}<br>")
            parts.append(
                f"<b>{e(recorded)}</b> {e(rec['created_at'])} · <b>{e(changed)}</b> "
                f"{e(rec['updated_at'])}</p>"
            )
    kept = translate("SubjectAccess", "Kept on this computer")
    parts.append(f"<h2>{e(kept)}</h2><p>")
    see = translate("SubjectAccess", "(see {file})")
    for member, label in LOCAL.items():
        parts.append(
            f"<b>{e(translate('SubjectAccess', label))}:</b> {number(len(files[member]))}"
            f" {e(see.format(file=member))}<br>"
        )
    parts.append("</p>")
    draft = translate("SubjectAccess", "Draft ({kind}, {when})")
    for d in files["local/drafts.json"]:
        parts.append(f"<h3>{e(draft.format(kind=d['kind'], when=d['updated_at']))}</h3>")
        parts.append(f"<p>{e(_value('body', d['body']))}</p>")
    parts.append("</body></html>")
    return "\n".join(parts)


def subject_access_pdf(files: dict[str, list[dict[str, Any]]]) -> bytes:
    """The readable PDF of the collected files (Qt layout: call on the GUI thread)."""
    title = translate("SubjectAccess", TITLE)
    doc = make_document(render_subject_access_html(files), title=title, point_size=SMALL_BODY_PT)
    return pdf_bytes(doc, title=title)


def write_subject_access_zip(
    path: str | os.PathLike[str],
    participant_id: str,
    files: dict[str, list[dict[str, Any]]],
    pdf: bytes,
) -> None:
    """Write the ZIP (README, manifest, one JSON file per record type, the PDF) to ``path``
    only. Plain Python: safe on a background thread."""
    person = files["records/participant.json"][0]
    manifest = {
        "participant_id": participant_id,
        "reference": person["reference"],
        "made_at": utc_stamp(),
        "schema_version": SCHEMA_VERSION,
        "files": {name: len(records) for name, records in files.items()},
    }
    with open_target(path) as fh, zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("README.txt", translate("SubjectAccess", README))
        z.writestr("manifest.json", _json(manifest))
        for name, records in files.items():
            z.writestr(name, _json(records))
        z.writestr("summary.pdf", pdf)


def write_subject_access(store: Store, participant_id: str, path: str | os.PathLike[str]) -> None:
    """Write the subject-access ZIP to ``path`` (only there) and log the export."""
    files = collect_subject_access(store, participant_id)
    write_subject_access_zip(path, participant_id, files, subject_access_pdf(files))
    log.record(store, "subject_access", participant_id=participant_id, path_hint=path_hint(path))


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)


__all__ = [
    "collect_subject_access",
    "subject_access_pdf",
    "write_subject_access",
    "write_subject_access_zip",
]
