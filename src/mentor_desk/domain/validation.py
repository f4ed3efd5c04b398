"""Validation of record values against the vocabulary, with field-level plain-language messages.

The same function validates a form on the laptop and a mutation on the server, so a record
the program accepts is a record the server accepts.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from mentor_desk.domain import resources
from mentor_desk.domain.vocabulary import (
    NEED_LEVELS,
    OUTCOMES,
    Entity,
    Field,
    Kind,
    entity,
)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


@dataclass(frozen=True)
class FieldError:
    """One problem with one field. ``field`` is ``""`` for a problem with the whole record."""

    field: str
    message: str


class ValidationFailed(ValueError):
    """Raised by writers when a record does not validate; carries every field error."""

    def __init__(self, entity_name: str, errors: list[FieldError]) -> None:
        self.entity_name = entity_name
        self.errors = errors
        super().__init__("; ".join(f"{e.field or entity_name}: {e.message}" for e in errors))


def parse_date(value: str) -> date:
    """Parse an ISO 8601 date (``YYYY-MM-DD``); ``ValueError`` if impossible."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("not a date")
    return date.fromisoformat(value)


def parse_datetime(value: str) -> datetime:
    """Parse an ISO 8601 instant; naive values are taken as UTC."""
    if not re.fullmatch(
        r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?", value
    ):
        raise ValueError("not a date and time")
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def utc_now_iso() -> str:
    """Now, as the ISO 8601 UTC string records store."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _check_value(f: Field, value: Any) -> str | None:
    """Return a message if ``value`` is wrong for ``f`` (value is not None)."""
    k = f.kind
    if k in (Kind.TEXT, Kind.LONGTEXT):
        if not isinstance(value, str):
            return "must be text"
        if len(value) > f.limit:
            return f"is too long ({len(value):,} characters; the most is {f.limit:,})"
        if _CONTROL.search(value):
            return "contains characters that cannot be stored"
        if k is Kind.TEXT and ("\n" in value or "\r" in value):
            return "must be on one line"
        return None
    if k is Kind.INT:
        if isinstance(value, bool) or not isinstance(value, int):
            return "must be a whole number"
        if f.minimum is not None and value < f.minimum:
            return f"must be {f.minimum} or more"
        if f.maximum is not None and value > f.maximum:
            return f"must be {f.maximum} or less"
        return None
    if k is Kind.BOOL:
        return None if isinstance(value, bool) else "must be yes or no"
    if k is Kind.DATE:
        if not isinstance(value, str):
            return "must be a date like 2026-11-23"
        try:
            parse_date(value)
        except ValueError:
            return "is not a real date (use the form 2026-11-23)"
        return None
    if k is Kind.DATETIME:
        if not isinstance(value, str):
            return "must be a date and time"
        try:
            parse_datetime(value)
        except ValueError:
            return "is not a real date and time"
        return None
    if k is Kind.CHOICE:
        if value not in f.choices:
            return "is not one of the choices"
        return None
    if k is Kind.REF:
        if not isinstance(value, str):
            return "must be a record id"
        try:
            uuid.UUID(value)
        except ValueError:
            return "is not a valid record id"
        return None
    if k is Kind.LIST:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return "must be a list of text"
        if len(value) > 100:
            return "has too many entries (the most is 100)"
        if f.choices and any(v not in f.choices for v in value):
            return "has an entry that is not one of the choices"
        if any(len(v) > 500 or _CONTROL.search(v) for v in value):
            return "has an entry that is too long or has characters that cannot be stored"
        return None
    if k is Kind.JSON:
        if not isinstance(value, dict):
            return "must be a set of named values"
        try:
            size = len(json.dumps(value, ensure_ascii=False))
        except (TypeError, ValueError):
            return "has values that cannot be stored"
        return None if size <= 200_000 else "is too large"
    return f"has an unknown kind {k}"  # pragma: no cover


def _future(value: str | None, days: int, today: date) -> bool:
    return value is not None and parse_date(value) > today + timedelta(days=days)


def _participant_rules(v: Mapping[str, Any], today: date) -> list[FieldError]:
    errors: list[FieldError] = []
    dob = v.get("date_of_birth")
    if isinstance(dob, str):
        born = parse_date(dob)
        if born > today:
            errors.append(FieldError("date_of_birth", "is in the future"))
        elif born < today.replace(year=today.year - 120) or born > today.replace(
            year=today.year - 10
        ):
            errors.append(FieldError("date_of_birth", "does not look right (check the year)"))
    if _future(v.get("release_date"), 2 * 365, today):
        errors.append(FieldError("release_date", "is more than two years away"))
    if v.get("status") == "closed" and not v.get("closure_reason"):
        errors.append(FieldError("closure_reason", "is needed when support is closed"))
    return errors


def _checklist_rules(v: Mapping[str, Any], today: date) -> list[FieldError]:
    checklist = v.get("checklist")
    if not isinstance(checklist, dict):
        return []
    known = {i["key"] for i in resources.checklist_items()}
    states = resources.checklist_states()
    for key, item in checklist.items():
        if key not in known:
            return [FieldError("checklist", f"has an unknown item {key!r}")]
        if not isinstance(item, dict) or item.get("state") not in states:
            return [FieldError("checklist", f"item {key!r} needs a state")]
        note = item.get("note", "")
        if not isinstance(note, str) or len(note) > 2000:
            return [FieldError("checklist", f"the note for {key!r} is too long")]
    return []


def _needs_rules(v: Mapping[str, Any], today: date) -> list[FieldError]:
    needs = v.get("needs")
    if not isinstance(needs, dict):
        return []
    pathways = set(resources.pathway_keys())
    for key, item in needs.items():
        if key not in pathways:
            return [FieldError("needs", f"has an unknown pathway {key!r}")]
        if not isinstance(item, dict) or item.get("level") not in NEED_LEVELS:
            return [FieldError("needs", f"pathway {key!r} needs a level (none, some, high)")]
        note = item.get("note", "")
        if not isinstance(note, str) or len(note) > 5000:
            return [FieldError("needs", f"the note for {key!r} is too long")]
    errors = []
    if _future(v.get("assessed_on"), 1, today):
        errors.append(FieldError("assessed_on", "is in the future"))
    return errors


def _outcome_rules(v: Mapping[str, Any], today: date) -> list[FieldError]:
    outcomes = v.get("goal_outcomes")
    if isinstance(outcomes, dict):
        for item in outcomes.values():
            if not isinstance(item, dict) or item.get("outcome") not in OUTCOMES:
                return [FieldError("goal_outcomes", "each goal needs an outcome")]
    return []


def _note_rules(v: Mapping[str, Any], today: date) -> list[FieldError]:
    at = v.get("occurred_at")
    if isinstance(at, str) and parse_datetime(at).date() > today + timedelta(days=1):
        return [FieldError("occurred_at", "is in the future")]
    text = v.get("text")
    if isinstance(text, str) and not text.strip():
        return [FieldError("text", "is empty")]
    return []


def _session_rules(v: Mapping[str, Any], today: date) -> list[FieldError]:
    t = v.get("time")
    if isinstance(t, str) and t and not _TIME.match(t):
        return [FieldError("time", "must be a time like 18:30")]
    return []


def _checkin_rules(v: Mapping[str, Any], today: date) -> list[FieldError]:
    if _future(v.get("checked_on"), 1, today):
        return [FieldError("checked_on", "is in the future")]
    return []


_RULES: dict[str, Callable[[Mapping[str, Any], date], list[FieldError]]] = {
    "participant": _participant_rules,
    "release_day": _checklist_rules,
    "assessment": _needs_rules,
    "end_of_support": _outcome_rules,
    "case_note": _note_rules,
    "activity_session": _session_rules,
    "check_in": _checkin_rules,
}


def validate(
    entity_name: str,
    values: Mapping[str, Any],
    *,
    partial: bool = False,
    today: date | None = None,
) -> list[FieldError]:
    """Check ``values`` for record type ``entity_name``.

    Args:
        entity_name: wire name of the record type.
        values: field name to value (JSON-compatible types, see :class:`Kind`).
        partial: an update of some fields only; required fields that are absent are fine,
            but a required field set to empty is not.
        today: the date to judge "future" against (tests pass a fixed one).

    Returns:
        Every problem found, in field order; an empty list means valid.
    """
    try:
        ent: Entity = entity(entity_name)
    except KeyError:
        return [FieldError("", f"unknown record type {entity_name!r}")]
    today = today or datetime.now(UTC).date()
    errors: list[FieldError] = [
        FieldError(name, "is not a field of this record") for name in values if not ent.has(name)
    ]
    for f in ent.fields:
        present = f.name in values
        value = values.get(f.name)
        empty = value is None or (isinstance(value, str) and not value.strip() and f.required)
        if empty:
            if f.required and (present or not partial):
                errors.append(FieldError(f.name, "is needed"))
            continue
        message = _check_value(f, value)
        if message:
            errors.append(FieldError(f.name, message))
    if not errors and entity_name in _RULES:
        errors.extend(_RULES[entity_name](values, today))
    return errors


def check(entity_name: str, values: Mapping[str, Any], *, partial: bool = False) -> None:
    """Like :func:`validate` but raise :class:`ValidationFailed` if anything is wrong."""
    errors = validate(entity_name, values, partial=partial)
    if errors:
        raise ValidationFailed(entity_name, errors)
