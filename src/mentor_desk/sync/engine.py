"""The sync engine: push the outbox, pull pages of changes, apply them (SYNC.md).

Qt-free. It talks to the store only through ``db`` — a function that runs a store function
where the store lives (``lambda fn: worker.submit(fn).result()`` in the program, or
``lambda fn: fn(store)`` headless) — and to the server only through a :class:`Transport`.
Every step is safe to repeat after a crash at any point.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from typing import Any, TypeVar

from mentor_desk.domain.vocabulary import SCHEMA_VERSION
from mentor_desk.store import syncstate
from mentor_desk.store.records import Store
from mentor_desk.store.syncstate import PushResult, RemoteChange
from mentor_desk.sync import partnership
from mentor_desk.sync.protocol import (
    CONFLICT_PAGE,
    PROTOCOL_VERSION,
    PULL_LIMIT,
    PUSH_BATCH,
    DeviceRevoked,
    MassDeleteStopped,
    ProtocolError,
    SyncError,
)
from mentor_desk.sync.transport import ApiRefused, ResyncRequired, SequenceGap, Transport

log = logging.getLogger(__name__)
T = TypeVar("T")
#: ``meta`` key: the server's conflicts mark when this device last listed its conflicts.
CONFLICTS_MARK_KEY = "conflicts_mark"
Db = Callable[[Callable[[Store], Any]], Any]
Progress = Callable[[str, int, int], None]


@dataclass
class SyncReport:
    """What one cycle did. Printed by ``mentor-desk sync`` and shown in the status bar."""

    pushed: int = 0
    applied: int = 0
    merged: int = 0
    rejected: int = 0
    pulled: int = 0
    conflicts: int = 0
    scope_removed: int = 0
    resynced: bool = False
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"pushed {self.pushed} (applied {self.applied}, merged {self.merged}, "
            f"rejected {self.rejected}), pulled {self.pulled}, conflicts {self.conflicts}, "
            f"removed participants {self.scope_removed}"
            + (", full re-download" if self.resynced else "")
        )


class SyncEngine:
    """One sync cycle at a time.

    Args:
        db: runs a function with the store, where the store lives (see module docstring).
        transport: the server connection (with its device token).
        device_id: this device's id as registered with the server.
        on_revoked: called when the server says this device was revoked; must wipe.
        mass_delete_share: stop and ask if one page would delete more than this share.
        push_batch, pull_limit: page sizes.
    """

    def __init__(
        self,
        db: Db,
        transport: Transport,
        device_id: str,
        *,
        on_revoked: Callable[[], None] | None = None,
        mass_delete_share: float = 0.2,
        push_batch: int = PUSH_BATCH,
        pull_limit: int = PULL_LIMIT,
    ) -> None:
        self.db = db
        self.transport = transport
        self.device_id = device_id
        self.on_revoked = on_revoked
        self.mass_delete_share = mass_delete_share
        self.push_batch = push_batch
        self.pull_limit = pull_limit
        self.allow_mass_delete = False
        self._conflicts_mark: str | None = None  # from the last pull page

    def run_once(self, progress: Progress | None = None) -> SyncReport:
        """Push, then pull until done. Raises a :class:`SyncError` if the cycle stopped."""
        report = SyncReport()
        try:
            self.push(report, progress)
            self.pull(report, progress)
            if report.resynced:
                self.push(report, progress)  # what was kept through the re-download
            self.refresh_conflicts()
        except DeviceRevoked:
            log.warning("device revoked by the server: wiping the local store")
            if self.on_revoked is not None:
                self.on_revoked()
            raise
        except SyncError as exc:
            log.info("sync stopped: %s; so far %s", type(exc).__name__, report.summary())
            raise
        report.conflicts = len(self.db(syncstate.open_conflicts))
        self.refresh_partnership()
        log.info("sync done: %s", report.summary())
        return report

    def refresh_partnership(self) -> None:
        """Keep the partnership (organisations, agreements) for the screens that show it
        offline. A convenience: a failure here never fails the sync (the last copy stays)."""
        try:
            partnership.refresh(self.db, self.transport)
        except Exception as exc:  # whatever went wrong, the sync itself is done
            log.warning("partnership not refreshed: %s", type(exc).__name__)

    def refresh_conflicts(self) -> None:
        """Every open conflict this device may see, whoever's push caused it: SYNC.md asks
        that both authors and the coordinators see it, with who wrote which value.

        Asked for only when the last pull page's ``conflicts_mark`` differs from the one
        seen last time (always, from a server that sends none): a sync with nothing new
        makes no extra request.
        """
        mark = self._conflicts_mark
        if mark is not None and mark == self.db(lambda s: s.meta(CONFLICTS_MARK_KEY)):
            return
        try:
            listed = self.transport.conflicts(CONFLICT_PAGE).get("conflicts") or []
        except ApiRefused:
            return  # a role without a caseload: nothing to review here
        complete = len(listed) < CONFLICT_PAGE

        def merge(store: Store) -> None:
            syncstate.merge_server_conflicts(store, listed, complete=complete)
            if complete:
                store.set_meta(CONFLICTS_MARK_KEY, mark)

        self.db(merge)

    # -- push --------------------------------------------------------------------------
    def push(self, report: SyncReport, progress: Progress | None = None) -> None:
        total = self.db(lambda s: s.outbox_count())
        done = 0
        while True:
            rows = _by_size(self.db(lambda s: s.outbox(limit=self.push_batch)))
            if not rows:
                return
            body = {
                "device_id": self.device_id,
                "protocol_version": PROTOCOL_VERSION,
                "schema_version": SCHEMA_VERSION,
                "mutations": [
                    {
                        "device_seq": r.device_seq,
                        "entity": r.entity,
                        "id": r.id_,
                        "op": r.op,
                        "base_version": r.base_version,
                        "fields": r.fields,
                        "field_versions": r.field_versions,
                    }
                    for r in (_Wire(row) for row in rows)
                ],
            }
            try:
                answer = self.transport.push(body)
            except SequenceGap as gap:
                raise ProtocolError(
                    f"the server expected change {gap.expected} but this computer's next is "
                    f"{rows[0].device_seq}; the server may have been restored from a backup. "
                    "Your changes are kept; ask your coordinator"
                ) from None
            results = _results(answer, {r.device_seq for r in rows})
            counts = self.db(partial(syncstate.acknowledge, results=results))
            for status, n in counts.items():
                setattr(report, status, getattr(report, status, 0) + n)
            report.pushed += len(results)
            done += len(results)
            if progress:
                progress("push", done, max(total, done))
            if len(results) < len(rows):  # the server answered part; send the rest again
                continue

    # -- pull --------------------------------------------------------------------------
    def pull(self, report: SyncReport, progress: Progress | None = None) -> None:
        """Pull pages until done. While one page is applied, the next is already being
        fetched (one request in flight at most), so the server's time and the local writes
        overlap; the cursor still only moves with the page it covers.

        A first sync or a full re-download stores records without their full-text entries
        and "last contact", and makes those once at the end — also when the pull stops half way
        (offline, server error), so search covers what arrived; after a crash, at the end
        of the next pull.
        """
        try:
            self._pull(report, progress)
        except DeviceRevoked:
            raise  # the store is about to be wiped
        except BaseException:
            with contextlib.suppress(Exception):  # never hide why the pull stopped
                self._finish_bulk_load()
            raise
        self._finish_bulk_load()
        self.db(lambda s: s.flush_search_index())  # pulled edits: searchable at once

    def _finish_bulk_load(self) -> None:
        if self.db(syncstate.bulk_load_pending):
            log.info("building the search index and caseload figures after a full download")
            self.db(syncstate.finish_bulk_load)

    def _pull(self, report: SyncReport, progress: Progress | None) -> None:
        cursor = int(self.db(syncstate.cursor))
        resync = self.db(syncstate.resync_in_progress)
        first = cursor == 0  # everything is coming: index it once at the end
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="prefetch") as pool:
            ahead: Future[dict[str, Any]] | None = None
            while True:
                try:
                    page = ahead.result() if ahead else self.transport.pull(cursor, self.pull_limit)
                except ResyncRequired:
                    log.info("server asked for a full re-download (cursor too old)")
                    self.db(syncstate.start_resync)
                    cursor, resync, ahead = 0, True, None
                    continue
                ahead = None
                changes, removed, next_cursor, has_more, server_seq = _page(page)
                mark = page.get("conflicts_mark")
                self._conflicts_mark = str(mark) if isinstance(mark, str) else None
                if removed:
                    self._remove_scope(removed, report, progress)
                if not resync and not self.allow_mass_delete:
                    doomed, total = self.db(partial(syncstate.deletion_share, changes=changes))
                    if doomed > max(10, self.mass_delete_share * total):
                        raise MassDeleteStopped(doomed, total)
                if has_more:
                    ahead = pool.submit(self.transport.pull, next_cursor, self.pull_limit)
                report.pulled += len(changes)
                self.db(
                    partial(
                        syncstate.apply_page,
                        changes=changes,
                        next_cursor=next_cursor,
                        seen_table=resync,
                        index=not (resync or first),
                    )
                )
                cursor = next_cursor
                if progress:
                    progress("pull", cursor, max(server_seq, cursor))
                if not has_more:
                    break
        if resync:
            self.db(syncstate.finish_resync)
            report.resynced = True

    def _remove_scope(
        self, removed: list[str], report: SyncReport, progress: Progress | None
    ) -> None:
        """Push what is pending for these participants, then purge them (SYNC.md)."""
        pending = self.db(lambda s: {r.participant_id for r in s.outbox()})
        if pending & set(removed):
            self.push(report, progress)
        for pid in removed:
            self.db(partial(syncstate.purge_participant, participant_id=pid))
            report.scope_removed += 1


class _Wire:
    """Adapter giving an outbox row the wire field names."""

    def __init__(self, row: Any) -> None:
        self.device_seq = row.device_seq
        self.entity = row.entity
        self.id_ = row.record_id
        self.op = row.op
        self.base_version = row.base_version
        self.fields = row.fields
        self.field_versions = row.field_versions


#: Keep each push body well under the server's request limit (5 MB by default).
PUSH_BYTES = 1_000_000


def _by_size(rows: list[Any]) -> list[Any]:
    """The first rows of a batch whose fields fit in :data:`PUSH_BYTES` (at least one)."""
    total = 0
    for i, row in enumerate(rows):
        total += len(json.dumps(row.fields, ensure_ascii=False).encode()) + 200
        if total > PUSH_BYTES and i > 0:
            return rows[:i]
    return rows


def _results(answer: dict[str, Any], sent: set[int]) -> list[PushResult]:
    try:
        out = [
            PushResult(
                int(r["device_seq"]),
                str(r["status"]),
                int(r.get("version") or 0),
                tuple(r.get("conflicts") or ()),
                str(r.get("reason") or ""),
                str(r.get("detail") or ""),
            )
            for r in answer["results"]
        ]
    except (KeyError, TypeError, ValueError) as exc:
        raise ProtocolError(f"push answer: {type(exc).__name__}") from None
    if any(
        r.device_seq not in sent or r.status not in ("applied", "merged", "rejected") for r in out
    ):
        raise ProtocolError("push answer names a change that was not sent")
    return out


def _object(value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    if type(value) is not dict:
        raise TypeError("not an object")
    return value  # freshly decoded from the answer: nobody else holds it


def _versions(value: Any) -> dict[str, int]:
    versions = _object(value)
    if not all(type(v) is int for v in versions.values()):
        raise TypeError("a field version is not a whole number")
    return versions


def _page(page: dict[str, Any]) -> tuple[list[RemoteChange], list[str], int, bool, int]:
    try:
        changes = [
            RemoteChange(
                str(c["entity"]),
                str(c["id"]),
                int(c["seq"]),
                int(c["version"]),
                bool(c["deleted"]),
                _object(c.get("fields")),
                _versions(c.get("field_versions")),
            )
            for c in page["changes"]
        ]
        removed = [str(p) for p in page.get("scope_removed") or []]
        return (
            changes,
            removed,
            int(page["next_cursor"]),
            bool(page["has_more"]),
            int(page.get("server_seq") or 0),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ProtocolError(f"pull answer: {type(exc).__name__}") from None


__all__ = ["SyncEngine", "SyncError", "SyncReport"]
