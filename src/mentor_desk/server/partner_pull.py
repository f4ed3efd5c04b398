"""``GET /sync/pull`` for a partner's laptop (issue 15; the rule: partner_scope.py).

A partner's reach is not a list of participants that changes only when someone is
reassigned: it follows agreements (which lapse by the calendar, with no change to point at),
consents and the partner's own sessions and services. So its pull is a comparison, not a
walk of the change log:

1. The shared directory and timetable come as for everyone, by cursor, page by page.
2. On the last page, what the partner may hold *now* (:func:`partner_scope.held`) is
   compared with what this device was sent (``partner_deliveries``: a digest of each
   record's fields and their versions, and of each participant's allowed fields). New or
   changed records are sent with only the fields it may hold.
3. A participant who left its reach is in ``scope_removed`` (the laptop purges them, after
   pushing anything pending). A participant who is still in reach but of whom the laptop
   holds something it may no longer hold (a record gone, or fewer fields allowed) is also in
   ``scope_removed``, and everything it may still hold of them comes in the same page: the
   laptop purges first, then stores the page, so nothing withdrawn survives.

A first pull (cursor 0, or a full re-download) forgets what was sent before.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from mentor_desk.server import accounts, partner_scope
from mentor_desk.server.deps import Caller
from mentor_desk.server.models import Change, PartnerDelivery, Record
from mentor_desk.server.sync import (
    _SERVED_COLUMNS,
    PullPage,
    _served,
    conflicts_mark,
    page_end,
    pull_start,
)

#: The ``partner_deliveries`` row that remembers a participant's allowed fields.
ALLOWED = "*allowed*"


def _digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


def _field_versions(record: Record, fields: Mapping[str, Any]) -> dict[str, Any]:
    versions = record.field_versions or {}
    return {k: versions[k] for k in fields if k in versions}


def pull(session: Session, caller: Caller, cursor: int, limit: int) -> PullPage:
    user, device = caller.user, caller.device
    server_seq = pull_start(session, cursor)
    rows = session.execute(
        select(Change.seq, *_SERVED_COLUMNS)
        .join(Record, (Record.entity == Change.entity) & (Record.id == Change.record_id))
        .where(Change.seq > cursor, Change.seq <= server_seq, Change.participant_id.is_(None))
        .order_by(Change.seq)
        .limit(limit)
    ).all()
    next_cursor, has_more = page_end(rows, cursor, server_seq, limit)
    latest = {(row[1], row[2]): _served(row[0], row[1:]) for row in rows}
    removed: list[str] = []
    sent_ids: list[str] = []
    if not has_more:
        removed, sent_ids = _compare(session, caller, cursor, latest)
    served = sorted(latest.values(), key=lambda item: item[0])
    if sent_ids or removed:
        accounts.audit(
            session, "sync.pull", user=user, device=device, record_ids=sent_ids + removed
        )
    return PullPage(
        rows=served,
        scope_removed=removed,
        next_cursor=next_cursor,
        has_more=has_more,
        server_seq=server_seq,
        conflicts_mark=None if has_more else conflicts_mark(session, user),
    )


def _compare(
    session: Session, caller: Caller, cursor: int, latest: dict[tuple[str, str], Any]
) -> tuple[list[str], list[str]]:
    """Add to ``latest`` what the device must get; return (scope_removed, ids sent)."""
    device_id = caller.device.id
    if cursor == 0:
        session.execute(delete(PartnerDelivery).where(PartnerDelivery.device_id == device_id))
    before = {
        (d.entity, d.record_id): d
        for d in session.scalars(
            select(PartnerDelivery).where(PartnerDelivery.device_id == device_id)
        )
    }
    reach = partner_scope.reach(session, caller.user, accounts.now().date())
    now = partner_scope.held(session, reach)
    digests: dict[tuple[str, str], tuple[str, str]] = {}  # key → (participant, digest)
    for pid, allowed in reach.participants.items():
        digests[(ALLOWED, pid)] = (pid, _digest(sorted(allowed)))
    for key, (record, fields) in now.items():
        pid = str(record.participant_id)
        digests[key] = (pid, _digest([fields, _field_versions(record, fields)]))

    had = {d.participant_id for d in before.values()}
    left = had - set(reach.participants)
    narrowed = {
        d.participant_id
        for key, d in before.items()
        if d.participant_id in reach.participants
        and (key not in digests or (key[0] == ALLOWED and digests[key][1] != d.digest))
    }
    resend = narrowed
    sent: list[str] = []
    for key, (pid, digest) in digests.items():
        if key[0] == ALLOWED:
            continue
        old = before.get(key)
        if pid in resend or old is None or old.digest != digest:
            record, fields = now[key]
            versions = _field_versions(record, fields)
            latest[key] = (
                int(record.version),
                record.entity,
                record.id,
                int(record.version),
                False,
                json.dumps(fields),
                json.dumps(versions),
            )
            sent.append(record.id)
    # Remember exactly what the device holds now.
    for key, d in before.items():
        if key not in digests:
            session.delete(d)
    for key, (pid, digest) in digests.items():
        old = before.get(key)
        if old is None:
            session.add(
                PartnerDelivery(
                    device_id=device_id,
                    entity=key[0],
                    record_id=key[1],
                    participant_id=pid,
                    digest=digest,
                )
            )
        elif old.digest != digest:
            old.digest = digest
    return sorted(left | narrowed), sent
