"""The local schema: record tables generated from the vocabulary, plus the sync bookkeeping.

Migrations are keyed on ``PRAGMA user_version``. ``MIGRATIONS[n]`` takes a store from
version ``n`` to ``n + 1``; a store newer than :data:`STORE_VERSION` is refused untouched.

:data:`STORE_VERSION` counts changes to this store's own layout (tables, indexes, triggers),
which the server never sees. The record vocabulary has its own version
(:data:`~mentor_desk.domain.vocabulary.SCHEMA_VERSION`), which travels with every change that
is synced; a change to the vocabulary needs a store migration too, but not the other way round.
"""

from __future__ import annotations

from collections.abc import Callable

from mentor_desk.domain.vocabulary import ENTITIES, SCHEMA_VERSION, Entity, Kind

#: The layout version of the local store (``PRAGMA user_version``); see the module docstring.
STORE_VERSION = 7

#: The columns a table has now (an empty set if there is no such table).
Columns = Callable[[str], set[str]]

_SQL_TYPE = {
    Kind.TEXT: "TEXT",
    Kind.LONGTEXT: "TEXT",
    Kind.INT: "INTEGER",
    Kind.BOOL: "INTEGER",
    Kind.DATE: "TEXT",
    Kind.DATETIME: "TEXT",
    Kind.CHOICE: "TEXT",
    Kind.REF: "TEXT",
    Kind.LIST: "TEXT",
    Kind.JSON: "TEXT",
}

#: Record-table indexes beyond participant_id, for the caseload and the forms.
_EXTRA_INDEXES = {
    # Also covers "real contact" (kind, deleted): the last-contact triggers and the
    # dashboard's contact counts read it without the notes' text (store v5).
    "case_note": ["participant_id, occurred_at, contact_kind, deleted"],
    "goal_step": ["goal_id"],
    "goal_review": ["goal_id"],
    "note_amendment": ["note_id"],
    "participant": ["reference", "status"],
    "referral": ["participant_id, follow_up_on"],
}


def q(name: str) -> str:
    """Quote an identifier that comes from the vocabulary (never from user input)."""
    return '"' + name.replace('"', '""') + '"'


def _has_participant_index(ent: Entity) -> bool:
    """Whether an extra index of ``ent`` starts with participant_id (and so also serves
    lookups by participant alone: a second index on it would only slow every insert)."""
    return any(cols.startswith("participant_id") for cols in _EXTRA_INDEXES.get(ent.name, []))


def record_table_ddl(ent: Entity) -> list[str]:
    cols = ["id TEXT PRIMARY KEY NOT NULL"]
    cols += [f"{q(f.name)} {_SQL_TYPE[f.kind]}" for f in ent.fields]
    cols += [
        "created_at TEXT NOT NULL",
        "updated_at TEXT NOT NULL",
        "created_by TEXT",
        "updated_by TEXT",
        "version INTEGER NOT NULL DEFAULT 0",
        "field_versions TEXT NOT NULL DEFAULT '{}'",
        "deleted INTEGER NOT NULL DEFAULT 0",
    ]
    stmts = [f"CREATE TABLE {q(ent.name)} (\n  " + ",\n  ".join(cols) + "\n)"]
    if ent.scoped and ent.name != "participant" and not _has_participant_index(ent):
        stmts.append(
            f"CREATE INDEX {q('ix_' + ent.name + '_participant')} ON {q(ent.name)} (participant_id)"
        )
    for i, cols_ in enumerate(_EXTRA_INDEXES.get(ent.name, [])):
        stmts.append(f"CREATE INDEX {q(f'ix_{ent.name}_{i}')} ON {q(ent.name)} ({cols_})")
    return stmts


#: Full-text index. rowid = record-table rowid * 64 + entity number, so one write can
#: replace its own index row without scanning. (Also used to rebuild it: see syncstate.)
SEARCH_INDEX_DDL = """CREATE VIRTUAL TABLE search_index USING fts5(
      entity UNINDEXED, record_id UNINDEXED, participant_id UNINDEXED, body,
      tokenize = 'unicode61 remove_diacritics 2'
    )"""

#: The conflict table's columns as version 1 made them (version 6 adds its authors).
_CONFLICT_V1 = (
    "id TEXT PRIMARY KEY NOT NULL, entity TEXT NOT NULL, record_id TEXT NOT NULL,"
    " participant_id TEXT, field TEXT NOT NULL, mine TEXT, theirs TEXT, detail TEXT,"
    " at TEXT NOT NULL, resolved INTEGER NOT NULL DEFAULT 0"
)

_BOOKKEEPING = [
    "CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT)",
    # SYNC.md "The outbox": immutable, gap-free device_seq, written with the change itself.
    """CREATE TABLE outbox (
      device_seq INTEGER PRIMARY KEY NOT NULL,
      entity TEXT NOT NULL,
      record_id TEXT NOT NULL,
      participant_id TEXT,
      op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
      base_version INTEGER NOT NULL,
      fields TEXT NOT NULL,
      field_versions TEXT NOT NULL,
      schema_version INTEGER NOT NULL,
      created_at TEXT NOT NULL
    )""",
    """CREATE TABLE needs_attention (
      device_seq INTEGER PRIMARY KEY NOT NULL,
      entity TEXT NOT NULL,
      record_id TEXT NOT NULL,
      participant_id TEXT,
      op TEXT NOT NULL,
      fields TEXT NOT NULL,
      reason TEXT NOT NULL,
      detail TEXT,
      at TEXT NOT NULL
    )""",
    f"CREATE TABLE conflict ({_CONFLICT_V1})",
    """CREATE TABLE draft (
      key TEXT PRIMARY KEY NOT NULL,
      kind TEXT NOT NULL,
      participant_id TEXT,
      body TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )""",
    SEARCH_INDEX_DDL,
    # The participant of each index row, in a lean table: fetching it from the FTS content
    # table (which also holds the text) made "which participants match?" 10x slower.
    "CREATE TABLE search_doc (rowid INTEGER PRIMARY KEY, participant_id TEXT)",
    # Records seen during a full re-download (410 resync_required), so an interrupted
    # re-download can resume and still know what the server no longer has.
    "CREATE TABLE resync_seen (entity TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (entity, id))",
    # What was exported, when and by whom — never the content (docs/exports.md). Only the
    # file's extension is kept: a file name often contains a person's name.
    """CREATE TABLE export_log (
      id TEXT PRIMARY KEY NOT NULL,
      at TEXT NOT NULL,
      kind TEXT NOT NULL,
      participant_id TEXT,
      path_hint TEXT,
      by TEXT,
      override_reason TEXT
    )""",
]


def _v0_to_v1() -> list[str]:
    stmts: list[str] = []
    for ent in ENTITIES.values():
        stmts += record_table_ddl(ent)
    return stmts + _BOOKKEEPING


#: "Last contact" for the caseload, kept by triggers so that every write path (the store's
#: own, and the sync client's bulk inserts, updates and purges) keeps it right in the same
#: transaction. Reading it is one small table instead of one probe of the notes' index per
#: participant (about 2,000 index pages at office size). The value is exactly what
#: ``ORDER BY occurred_at DESC LIMIT 1`` over the notes of real contact gives: the latest contact
#: that is not deleted and was not a mere attempt; no row means no such note.
_LAST_CONTACT_OF = """
    DELETE FROM last_contact WHERE participant_id = {who}.participant_id;
    INSERT INTO last_contact (participant_id, occurred_at)
        SELECT participant_id, occurred_at FROM case_note
        WHERE participant_id = {who}.participant_id AND deleted = 0
              AND contact_kind != 'attempted'
        ORDER BY occurred_at DESC LIMIT 1;"""

# A new contact can only move the latest one later: no need to look at the others. (A first
# sync leaves this trigger out while it inserts in bulk, then fills the table with
# LAST_CONTACT_FILL: see syncstate.finish_bulk_load.)
LAST_CONTACT_INSERT = "tr_case_note_contact_insert"
LAST_CONTACT_INSERT_TRIGGER = f"""
    CREATE TRIGGER {LAST_CONTACT_INSERT} AFTER INSERT ON case_note
    WHEN NEW.participant_id IS NOT NULL AND NEW.deleted = 0 AND NEW.contact_kind != 'attempted'
    BEGIN
        INSERT INTO last_contact (participant_id, occurred_at)
            VALUES (NEW.participant_id, NEW.occurred_at)
            ON CONFLICT (participant_id) DO UPDATE SET occurred_at = excluded.occurred_at
            WHERE last_contact.occurred_at IS NULL
                  OR excluded.occurred_at > last_contact.occurred_at;
    END"""
LAST_CONTACT_FILL = """INSERT INTO last_contact (participant_id, occurred_at)
        SELECT participant_id, max(occurred_at) FROM case_note
        WHERE participant_id IS NOT NULL AND deleted = 0 AND contact_kind != 'attempted'
        GROUP BY participant_id"""

_CASELOAD_SUMMARY = [
    "CREATE TABLE last_contact (participant_id TEXT PRIMARY KEY NOT NULL, occurred_at TEXT)"
    " WITHOUT ROWID",
    LAST_CONTACT_INSERT_TRIGGER,
    # Anything else that could change the answer: look it up again, for both people.
    f"""CREATE TRIGGER tr_case_note_contact_update
    AFTER UPDATE OF participant_id, occurred_at, contact_kind, deleted ON case_note
    WHEN OLD.participant_id IS NOT NEW.participant_id OR OLD.occurred_at IS NOT NEW.occurred_at
         OR OLD.contact_kind IS NOT NEW.contact_kind OR OLD.deleted IS NOT NEW.deleted
    BEGIN{_LAST_CONTACT_OF.format(who="OLD")}{_LAST_CONTACT_OF.format(who="NEW")}
    END""",
    f"""CREATE TRIGGER tr_case_note_contact_delete AFTER DELETE ON case_note
    BEGIN{_LAST_CONTACT_OF.format(who="OLD")}
    END""",
    LAST_CONTACT_FILL,
    # The caseload's other figures, each read from a small covering index of the rows that
    # count (open referrals, open steps with a due date, next meetings) instead of the tables.
    "CREATE INDEX ix_referral_open ON referral (participant_id, follow_up_on, status, deleted)"
    " WHERE deleted = 0 AND status IN ('suggested', 'made', 'accepted')",
    "CREATE INDEX ix_goal_step_open ON goal_step (participant_id, due_date, done, deleted)"
    " WHERE deleted = 0 AND coalesce(done, 0) = 0 AND due_date IS NOT NULL",
    "CREATE INDEX ix_release_day_meeting ON release_day (participant_id, next_meeting_at)"
    " WHERE deleted = 0 AND next_meeting_at IS NOT NULL",
]


def _v1_to_v2() -> list[str]:
    return list(_CASELOAD_SUMMARY)


def _v2_to_v3() -> list[str]:
    """Drop the participant_id indexes that an extra index already covers (see
    :func:`_has_participant_index`): a first sync inserts 100,000 notes through them."""
    return [
        f"DROP INDEX IF EXISTS {q('ix_' + ent.name + '_participant')}"
        for ent in ENTITIES.values()
        if _has_participant_index(ent)
    ]


def _v3_to_v4() -> list[str]:
    """Records waiting for their full-text entry (written by a save, indexed at the next
    search: see Store._index)."""
    return [
        "CREATE TABLE IF NOT EXISTS search_pending (entity TEXT NOT NULL, record_id TEXT NOT NULL,"
        " PRIMARY KEY (entity, record_id)) WITHOUT ROWID"
    ]


def _v4_to_v5() -> list[str]:
    """One index of notes by participant and time that also holds the kind and the deleted
    mark, instead of that index plus a partial one of real contacts: one index fewer for
    every saved note (-0.05 ms of ~0.4), the same queries served."""
    return [
        "DROP INDEX IF EXISTS ix_case_note_contact",
        "DROP INDEX IF EXISTS ix_case_note_0",
        "CREATE INDEX ix_case_note_0 ON case_note"
        " (participant_id, occurred_at, contact_kind, deleted)",
    ]


def _v5_to_v6() -> list[str]:
    """Conflicts say who wrote each value: the server's list of conflicts names who sent the
    losing value and who wrote the kept one, and when (SYNC.md "Merging").

    The table is made anew and the rows copied (it is small), so the step is the same
    whatever columns an earlier build left.
    """
    kept = "id, entity, record_id, participant_id, field, mine, theirs, detail, at, resolved"
    authors = "mine_user_id TEXT, mine_by TEXT, theirs_user_id TEXT, theirs_by TEXT, theirs_at TEXT"
    return [
        f"CREATE TABLE conflict_v6 ({_CONFLICT_V1}, {authors})",
        f"INSERT INTO conflict_v6 ({kept}) SELECT {kept} FROM conflict",
        "DROP TABLE conflict",
        "ALTER TABLE conflict_v6 RENAME TO conflict",
    ]


def _v6_to_v7(columns: Columns) -> list[str]:
    """Record vocabulary 2 (issue 15, the partnership): new fields on participants, consent,
    services, sessions and referrals, and the new ``risk_assessment`` table.

    A store made at version 0 already has them (version 1's tables come from the current
    vocabulary), so only what ``columns`` says is missing is added.
    """
    stmts: list[str] = []
    for ent in ENTITIES.values():
        have = columns(ent.name)
        if not have:
            stmts += record_table_ddl(ent)
            continue
        stmts += [
            f"ALTER TABLE {q(ent.name)} ADD COLUMN {q(f.name)} {_SQL_TYPE[f.kind]}"
            for f in ent.fields
            if f.name not in have
        ]
    return stmts


def _ignoring_columns(step: Callable[[], list[str]]) -> Callable[[Columns], list[str]]:
    return lambda _columns: step()


#: ``MIGRATIONS[n](columns)`` are the statements from version n to n + 1; ``columns(table)``
#: names the columns a table has now (empty if there is no such table).
MIGRATIONS: dict[int, Callable[[Columns], list[str]]] = {
    0: _ignoring_columns(_v0_to_v1),
    1: _ignoring_columns(_v1_to_v2),
    2: _ignoring_columns(_v2_to_v3),
    3: _ignoring_columns(_v3_to_v4),
    4: _ignoring_columns(_v4_to_v5),
    5: _ignoring_columns(_v5_to_v6),
    6: _v6_to_v7,
}

assert max(MIGRATIONS) + 1 == STORE_VERSION, "every store version needs a migration"
assert STORE_VERSION >= SCHEMA_VERSION, "a vocabulary change needs a store migration too"
