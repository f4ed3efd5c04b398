"""Guards that keep what the server cannot send from being stored, committed or sent.

Input is refused first, by :func:`mentor_desk.domain.validation.validate` (every value of a
record) and the request schemas (every other string). These guards are the second line:
a value that got past them anyway is refused before it is written (:func:`check_storable`)
or before the transaction that wrote it commits (:func:`sendable`); an error message never
carries a character that cannot be encoded (:func:`safe_text`); and a pull page never
carries text the client's JSON decoder refuses (:func:`servable_json`), even for a record
stored before these rules existed (nor does any other read: :func:`load_json`).
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any, TypeVar

import orjson
from pydantic import BaseModel

from mentor_desk.domain.validation import MAX_DEPTH, json_problem
from mentor_desk.server.errors import ApiError, FieldProblem, safe_text

log = logging.getLogger("mentor_desk.server")

M = TypeVar("M", bound=BaseModel)

#: A ``\u`` escape of a UTF-16 surrogate in JSON text: a pair (fine) or a lone one (not).
_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")
_ESCAPED_SURROGATE_BYTES = re.compile(rb"\\u[dD][89a-fA-F]")
#: A whole record's fields: one level above a field's value.
_RECORD_DEPTH = MAX_DEPTH + 1


def unstorable(problem: str, field: str = "fields") -> ApiError:
    return ApiError(
        422,
        "validation_error",
        f"{field}: {problem}",
        fields=[FieldProblem(field=field, message=problem)],
    )


def check_storable(data: Any, field: str = "fields") -> None:
    """422 if ``data`` is not JSON every part of the system can store and send."""
    problem = json_problem(data, max_depth=_RECORD_DEPTH)
    if problem:
        raise unstorable(problem, field)


def sendable(model: M) -> M:
    """``model``, after checking it serialises to JSON; 422 (so the caller's transaction
    rolls back) if it does not. Call it before committing what it describes."""
    try:
        model.__pydantic_serializer__.to_json(model)
    except ValueError:  # PydanticSerializationError is one
        raise ApiError(
            422, "validation_error", "The change holds values that cannot be sent back."
        ) from None
    return model


def _repaired(value: Any) -> Any:
    if isinstance(value, str):
        return safe_text(value, None).replace("\x00", "")
    if isinstance(value, list):
        return [_repaired(v) for v in value]
    if isinstance(value, dict):
        return {_repaired(k): _repaired(v) for k, v in value.items()}
    return value


def load_json(text: str | bytes) -> Any:
    """The database's JSON decoder (``create_engine(json_deserializer=...)``): a value stored
    before validation refused lone surrogates is read with them replaced by U+FFFD, so one
    such record cannot make every read of its table fail."""
    value = json.loads(text)
    suspect = (
        _ESCAPED_SURROGATE_BYTES.search(text)
        if isinstance(text, bytes)
        else _ESCAPED_SURROGATE.search(text)
    )
    if suspect:
        try:
            orjson.loads(text)
        except orjson.JSONDecodeError:
            log.warning("a stored value holds text that cannot be sent; read repaired")
            return _repaired(value)
    return value


def servable_json(text: str, what: tuple[str, str]) -> str:
    """Stored JSON ``text`` as a pull page may carry it.

    Text the database holds escapes non-ASCII characters, so only a record with a
    ``\\u`` escape of a surrogate needs a closer look (a pair is an emoji, fine). One the
    client's decoder refuses is served with its lone surrogates replaced by U+FFFD, and
    logged by id, so that one bad record stored before validation refused it cannot stop
    everyone's sync.
    """
    if not _ESCAPED_SURROGATE.search(text):
        return text
    try:
        orjson.loads(text)
    except orjson.JSONDecodeError:
        log.warning("pull: %s %s holds text that cannot be sent; served repaired", *what)
        return json.dumps(_repaired(json.loads(text)))
    return text
