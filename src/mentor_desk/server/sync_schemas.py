"""Request and response bodies of the sync protocol (SYNC.md "The HTTP contract")."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from mentor_desk.domain.validation import MAX_DEPTH, json_problem
from mentor_desk.server.sync_models import Conflict, Quarantine

MAX_MUTATIONS = 1000
MAX_SEQ = 2**62


def _storable(value: Any) -> Any:
    problem = json_problem(value, max_depth=MAX_DEPTH + 1)
    if problem:
        raise ValueError(problem)
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MutationIn(_Strict):
    """One outbox row of a device."""

    device_seq: int = Field(ge=0, le=MAX_SEQ)
    #: Checked per mutation (an unknown type is rejected, not the whole batch).
    entity: str = Field(min_length=1, max_length=40)
    id: str = Field(min_length=1, max_length=64)
    op: Literal["upsert", "delete"]
    base_version: int = Field(0, ge=0, le=MAX_SEQ)
    #: Checked per mutation too (a bad value rejects that mutation, not the batch).
    fields: dict[str, Any] = Field(default_factory=dict)
    field_versions: dict[str, Annotated[int, Field(ge=0, le=MAX_SEQ)]] = Field(default_factory=dict)


class PushIn(_Strict):
    device_id: str = Field(min_length=1, max_length=64)
    protocol_version: int | None = Field(None, ge=-(2**31), le=2**31)
    schema_version: int = Field(ge=-(2**31), le=2**31)
    mutations: list[MutationIn] = Field(max_length=MAX_MUTATIONS)


class ConflictBrief(BaseModel):
    id: str
    field: str
    mine: Any
    theirs: Any


class MutationResult(BaseModel):
    device_seq: int
    status: Literal["applied", "merged", "rejected"]
    version: int = 0
    conflicts: list[ConflictBrief] = Field(default_factory=list)
    reason: str | None = None
    detail: str | None = None


class PushOut(BaseModel):
    results: list[MutationResult]


class SequenceGapBody(BaseModel):
    """409 from push: the server has this device's changes up to ``expected - 1``."""

    model_config = ConfigDict(extra="forbid")

    error: Literal["sequence_gap"]
    detail: str
    expected: int


class ChangeOut(BaseModel):
    entity: str
    id: str
    seq: int
    version: int
    deleted: bool
    fields: dict[str, Any]
    field_versions: dict[str, int]


class PullOut(BaseModel):
    changes: list[ChangeOut]
    scope_removed: list[str]
    next_cursor: int
    has_more: bool
    server_seq: int
    #: On the last page: a mark of the open conflicts in the caller's scope (how many, and
    #: the newest). When it differs from the last one seen, ``GET /conflicts``.
    conflicts_mark: str | None = None


@dataclass(frozen=True)
class ConflictAuthors:
    """Who sent the losing value and who wrote the kept one (and when), as the caller may
    see them: ids and names only within the caller's organisation (``server.scope``)."""

    mine_user_id: str | None = None
    mine_device_id: str | None = None
    mine_by: str | None = None
    mine_organisation_id: str | None = None
    theirs_user_id: str | None = None
    theirs_by: str | None = None
    theirs_organisation_id: str | None = None
    theirs_at: datetime | None = None
    resolved_by: str | None = None


class ConflictOut(BaseModel):
    id: str
    entity: str
    record_id: str
    participant_id: str | None
    field: str
    mine: Any
    theirs: Any
    #: Who sent the losing value, from which device: None outside their organisation.
    mine_user_id: str | None
    mine_device_id: str | None
    theirs_version: int
    at: datetime
    resolved_at: datetime | None
    resolved_by: str | None
    #: Who sent the losing value, by name (SYNC.md: "who, when, both values"); outside
    #: their organisation, the organisation's name instead.
    mine_by: str | None = None
    mine_organisation_id: str | None = None
    #: Who wrote the value the server kept, by name, and when (from the change that wrote
    #: it); outside their organisation, no id and the organisation's name.
    theirs_user_id: str | None = None
    theirs_by: str | None = None
    theirs_organisation_id: str | None = None
    theirs_at: datetime | None = None

    @classmethod
    def of(cls, row: Conflict, authors: ConflictAuthors) -> ConflictOut:
        return cls(
            id=row.id,
            entity=row.entity,
            record_id=row.record_id,
            participant_id=row.participant_id,
            field=row.field,
            mine=row.mine,
            theirs=row.theirs,
            theirs_version=row.theirs_version,
            at=row.at,
            resolved_at=row.resolved_at,
            # who and when, each as the caller may see it (one field per author field)
            **asdict(authors),
        )


class ConflictsOut(BaseModel):
    conflicts: list[ConflictOut]


class ResolveIn(_Strict):
    choice: Literal["mine", "theirs", "value"]
    value: Annotated[Any, AfterValidator(_storable)] = None


class ResolveOut(BaseModel):
    conflict: ConflictOut
    version: int


class QuarantineOut(BaseModel):
    id: str
    at: datetime
    user_id: str
    device_id: str
    entity: str
    record_id: str
    participant_id: str | None
    mutation: dict[str, Any]

    @classmethod
    def of(cls, row: Quarantine) -> QuarantineOut:
        return cls(
            id=row.id,
            at=row.at,
            user_id=row.user_id,
            device_id=row.device_id,
            entity=row.entity,
            record_id=row.record_id,
            participant_id=row.participant_id,
            mutation=row.mutation,
        )


class QuarantineListOut(BaseModel):
    items: list[QuarantineOut]
