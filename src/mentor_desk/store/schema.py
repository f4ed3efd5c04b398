"""The local schema: record tables generated from the vocabulary, plus the sync bookkeeping.

Migrations are keyed on ``PRAGMA user_version``. ``MIGRATIONS[n]`` takes a store from
version ``n`` to ``n + 1``; a store newer than :data:`SCHEMA_VERSION` is refused untouched.
"""

from __future__ import annotations

from collections.abc import Callable

from mentor_desk.domain.vocabulary import ENTITIES, SCHEMA_VERSION, Entity, Kind

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
    "case_note": ["participant_id, occurred_at"],
    "goal_step": ["goal_id"],
    "goal_review": ["goal_id"],
    "note_amendment": ["note_id"],
    "participant": ["reference", "status"],
    "referral": ["participant_id, follow_up_on"],
}


def q(name: str) -> str:
    """Quote an identifier that comes from the vocabulary (never from user input)."""
    return '"' + name.replace('"', '""') + '"'


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
    if ent.scoped and ent.name != "participant":
        stmts.append(
            f"CREATE INDEX {q('ix_' + ent.name + '_participant')} ON {q(ent.name)} (participant_id)"
        )
    for i, cols_ in enumerate(_EXTRA_INDEXES.get(ent.name, [])):
        stmts.append(f"CREATE INDEX {q(f'ix_{ent.name}_{i}')} ON {q(ent.name)} ({cols_})")
    if ent.name == "case_note":  # "last contact" in the caseload: one index probe per person
        stmts.append(
            "CREATE INDEX ix_case_note_contact ON case_note (participant_id, occurred_at) "
            "WHERE deleted = 0 AND contact_kind != 'attempted'"
        )
    return stmts


#: Full-text index. rowid = record-table rowid * 64 + entity number, so one write can
#: replace its own index row without scanning. (Also used to rebuild it: see syncstate.)
SEARCH_INDEX_DDL = """CREATE VIRTUAL TABLE search_index USING fts5(
      entity UNINDEXED, record_id UNINDEXED, participant_id UNINDEXED, body,
      tokenize = 'unicode61 remove_diacritics 2'
    )"""

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
    """CREATE TABLE conflict (
      id TEXT PRIMARY KEY NOT NULL,
      entity TEXT NOT NULL,
      record_id TEXT NOT NULL,
      participant_id TEXT,
      field TEXT NOT NULL,
      mine TEXT,
      theirs TEXT,
      detail TEXT,
      at TEXT NOT NULL,
      resolved INTEGER NOT NULL DEFAULT 0
    )""",
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


MIGRATIONS: dict[int, Callable[[], list[str]]] = {0: _v0_to_v1}

assert max(MIGRATIONS) + 1 == SCHEMA_VERSION, "every schema version needs a migration"
