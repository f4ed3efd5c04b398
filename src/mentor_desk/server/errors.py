"""The one error shape, ``{"error": code, "detail": text}``, and the handlers that make it."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("mentor_desk.server")

_CODES = {
    400: "bad_request",
    401: "not_authenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "too_many_attempts",
    500: "internal_error",
}

_DESCRIPTIONS = {
    400: "Bad request: the body could not be read (for example, not UTF-8)",
    401: "Not authenticated: missing or unknown token, or wrong credentials",
    403: "Forbidden: the role may not do this, or the device was revoked",
    404: "Not found, or not in the caller's scope",
    409: "Conflict with the stored state",
    413: "Request body too large",
    422: "Invalid input; `fields` says what is wrong with each field",
    429: "Too many failed attempts; try later",
}


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def safe_text(text: str, limit: int | None = 2000) -> str:
    """``text`` with lone surrogates replaced (so it encodes as UTF-8), cut to ``limit``."""
    return _SURROGATE.sub("\ufffd", text[:limit])


class FieldProblem(BaseModel):
    field: str
    message: str


class ErrorBody(BaseModel):
    """Every error response."""

    model_config = ConfigDict(extra="forbid")

    error: str
    detail: str
    fields: list[FieldProblem] | None = None


class ApiError(Exception):
    """Raise to answer with an error; ``code`` is the stable machine-readable name."""

    def __init__(
        self,
        status: int,
        code: str,
        detail: str,
        *,
        fields: list[FieldProblem] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.code = code
        self.detail = detail
        self.fields = fields
        self.headers = headers


def not_found(what: str = "record") -> ApiError:
    return ApiError(404, "not_found", f"No such {what}.")


def forbidden(detail: str) -> ApiError:
    return ApiError(403, "forbidden", detail)


def error_response(
    status: int,
    code: str,
    detail: str,
    *,
    fields: list[FieldProblem] | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    # A message may name a field or a key of the request, which could hold anything.
    if fields is not None:
        fields = [
            FieldProblem(field=safe_text(p.field, 200), message=safe_text(p.message))
            for p in fields
        ]
    body = ErrorBody(error=code, detail=safe_text(detail), fields=fields)
    return JSONResponse(body.model_dump(exclude_none=True), status_code=status, headers=headers)


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The ``responses=`` of a route: each possible error status with the error model."""
    return {s: {"model": ErrorBody, "description": _DESCRIPTIONS.get(s, "Error")} for s in statuses}


def _location(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = [str(p) for p in loc[1:]] if loc and loc[0] == "body" else [str(p) for p in loc]
    return ".".join(parts) or "body"


async def _api_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.code, exc.detail, fields=exc.fields, headers=exc.headers)


async def _http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = _CODES.get(exc.status_code, "error")
    detail = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
    return error_response(exc.status_code, code, detail, headers=exc.headers)


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems: list[FieldProblem] = []
    for item in exc.errors():
        loc = item.get("loc", ())
        message = str(item.get("msg", "is not valid"))
        if item.get("type") == "json_invalid":
            message = "is not valid JSON"
            loc = ("body",)
        problems.append(FieldProblem(field=_location(loc), message=message))
    detail = "; ".join(f"{p.field}: {p.message}" for p in problems[:10]) or "invalid request"
    return error_response(422, "validation_error", detail, fields=problems)


def install_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
