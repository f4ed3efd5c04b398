"""Validation of record values against the vocabulary, with field-level plain-language messages.

The same function validates a form on the laptop and a mutation on the server, so a record
the program accepts is a record the server accepts. Before any field rule, every value is
checked to be storable and sendable JSON (:func:`json_problem`), and each structured (JSON)
field is checked against its declared shape (known keys only, bounded depth and size).
"""

from __future__ import annotations

import json
import math
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

#: Characters no text may hold: C0 controls but tab and line breaks, DEL, and lone UTF-16
#: surrogates (they cannot be encoded as UTF-8, so a record holding one can never be sent).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
#: Line breaks, refused in one-line text: CR, LF, NEL (U+0085), LINE and PARAGRAPH SEPARATOR.
_LINE_BREAK = re.compile(r"[\n\r\x85\u2028\u2029]")
#: What no string anywhere in a value may hold (PostgreSQL refuses NUL; see _CONTROL).
_UNSTORABLE = re.compile(r"[\x00\ud800-\udfff]")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
#: A field name as the vocabulary spells them: echoed in messages only when it looks like one.
FIELD_NAME = re.compile(r"[a-z][a-z0-9_]{0,63}")
#: Deepest nesting of lists and objects inside one field's value (a plan snapshot uses 4).
MAX_DEPTH = 8
#: Whole numbers must fit in 64 bits (what the client's JSON decoder reads exactly).
MAX_INT = 2**63 - 1


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


def json_problem(value: Any, *, max_depth: int = MAX_DEPTH) -> str | None:
    """Why ``value`` cannot be stored and sent as JSON by every part of the system, or None.

    Allowed: JSON's own types only; text (values and object keys) without NUL or lone UTF-16
    surrogates; finite numbers; whole numbers within 64 bits; at most ``max_depth`` levels of
    lists and objects. The walk is iterative, so any nesting is refused without recursing.
    The message never quotes the value.
    """
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        kind = type(item)
        if kind is str:
            if _UNSTORABLE.search(item):
                return "contains characters that cannot be stored"
        elif kind is dict or kind is list:
            if depth >= max_depth:
                return "is nested too deeply"
            if kind is dict:
                for key, inner in item.items():
                    if type(key) is not str or _UNSTORABLE.search(key):
                        return "has a name that cannot be stored"
                    stack.append((inner, depth + 1))
            else:
                stack.extend((inner, depth + 1) for inner in item)
        elif item is None or kind is bool:
            continue
        elif kind is int:
            if not -MAX_INT - 1 <= item <= MAX_INT:
                return "has a number that is too large"
        elif kind is float:
            if not math.isfinite(item):
                return "has a number that is not finite (NaN or Infinity)"
        else:
            return "has a value that is not JSON"
    return None


def _text_problem(value: Any, limit: int, *, one_line: bool) -> str | None:
    if not isinstance(value, str):
        return "must be text"
    if len(value) > limit:
        return f"is too long ({len(value):,} characters; the most is {limit:,})"
    if _CONTROL.search(value):
        return "contains characters that cannot be stored"
    if one_line and _LINE_BREAK.search(value):
        return "must be on one line"
    return None


def _check_value(f: Field, value: Any) -> str | None:
    """Return a message if ``value`` is wrong for ``f`` (value is not None)."""
    k = f.kind
    if k in (Kind.TEXT, Kind.LONGTEXT):
        return _text_problem(value, f.limit, one_line=k is Kind.TEXT)
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
        if any(len(v) > 500 or _CONTROL.search(v) or _LINE_BREAK.search(v) for v in value):
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


def _named(key: str) -> str:
    """``key`` quoted for a message if it looks like a key of ours, else nothing."""
    return f" {key!r}" if FIELD_NAME.fullmatch(key) else ""


def _items_shape(
    value: Mapping[str, Any],
    known: Callable[[str], bool],
    what: str,
    required: tuple[str, tuple[str, ...]],
    text: tuple[str, int],
) -> str | None:
    """A map of known keys to ``{required: one of its values, text: optional text}``."""
    name, allowed = required
    text_key, limit = text
    for key, item in value.items():
        if not known(key):
            return f"has an unknown {what}{_named(key)}"
        label = _named(key) or " entry"
        if not isinstance(item, dict) or item.get(name) not in allowed:
            return f"{what}{label} needs a {name} ({', '.join(allowed)})"
        if any(k not in (name, text_key) for k in item):
            return f"{what}{label} has something that is not a {name} or a {text_key}"
        problem = _text_problem(item.get(text_key, ""), limit, one_line=False)
        if problem:
            return f"the {text_key} for{label} {problem}"
    return None


def _checklist_shape(value: Mapping[str, Any]) -> str | None:
    known = {str(i["key"]) for i in resources.checklist_items()}
    return _items_shape(
        value, known.__contains__, "item", ("state", resources.checklist_states()), ("note", 2000)
    )


def _needs_shape(value: Mapping[str, Any]) -> str | None:
    pathways = set(resources.pathway_keys())
    return _items_shape(
        value, pathways.__contains__, "pathway", ("level", NEED_LEVELS), ("note", 5000)
    )


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def _outcomes_shape(value: Mapping[str, Any]) -> str | None:
    """Goal id → ``{outcome, comment}``."""
    return _items_shape(value, _is_uuid, "goal", ("outcome", OUTCOMES), ("comment", 2000))


_Check = Callable[[Any], str | None]


def _record_like(entity_name: str | None, item: Any, extra: Mapping[str, _Check]) -> str | None:
    """``item`` holds some fields of ``entity_name`` (each valid, or None) and ``extra`` keys."""
    if not isinstance(item, dict):
        return "must be a set of named values"
    ent = entity(entity_name) if entity_name else None
    for key, value in item.items():
        if key in extra:
            problem = extra[key](value)
        elif ent is not None and ent.has(key):
            problem = None if value is None else _check_value(ent.field(key), value)
        else:
            return f"has an unknown key{_named(key)}"
        if problem:
            return f"{key}: {problem}"
    return None


def _id_problem(value: Any) -> str | None:
    return None if isinstance(value, str) and _is_uuid(value) else "is not a valid record id"


def _list_of(check: _Check, most: int) -> _Check:
    def run(value: Any) -> str | None:
        if not isinstance(value, list):
            return "must be a list"
        if len(value) > most:
            return f"has too many entries (the most is {most})"
        for item in value:
            problem = check(item)
            if problem:
                return problem
        return None

    return run


def _step(item: Any) -> str | None:
    return _record_like("goal_step", item, {"id": _id_problem})


def _goal(item: Any) -> str | None:
    return _record_like("goal", item, {"id": _id_problem, "steps": _list_of(_step, 500)})


def _snapshot_shape(value: Mapping[str, Any]) -> str | None:
    """``{"goals": [{goal fields, "id", "steps": [{step fields, "id"}]}]}``, as agreed."""
    return _record_like(None, value, {"goals": _list_of(_goal, 500)})


#: The declared shape of every structured (JSON) field: returns a message if wrong.
SHAPES: dict[tuple[str, str], _Check] = {
    ("release_day", "checklist"): _checklist_shape,
    ("assessment", "needs"): _needs_shape,
    ("end_of_support", "goal_outcomes"): _outcomes_shape,
    ("plan_agreement", "snapshot"): _snapshot_shape,
}


def _needs_rules(v: Mapping[str, Any], today: date) -> list[FieldError]:
    if _future(v.get("assessed_on"), 1, today):
        return [FieldError("assessed_on", "is in the future")]
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
    "assessment": _needs_rules,
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
    errors: list[FieldError] = []
    unstorable: set[str] = set()
    for name, value in values.items():
        if type(name) is not str or not FIELD_NAME.fullmatch(name):
            # never echoed: it could be anything, of any length
            errors.append(FieldError("", "has a field that is not part of this record"))
        elif not ent.has(name):
            errors.append(FieldError(name, "is not a field of this record"))
        else:
            problem = json_problem(value)
            if problem:
                errors.append(FieldError(name, problem))
                unstorable.add(name)
    for f in ent.fields:
        if f.name in unstorable:
            continue
        present = f.name in values
        value = values.get(f.name)
        empty = value is None or (isinstance(value, str) and not value.strip() and f.required)
        if empty:
            if f.required and (present or not partial):
                errors.append(FieldError(f.name, "is needed"))
            continue
        message = _check_value(f, value)
        if message is None and f.kind is Kind.JSON:
            shape = SHAPES.get((ent.name, f.name))
            message = shape(value) if shape else "has no declared shape"
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
