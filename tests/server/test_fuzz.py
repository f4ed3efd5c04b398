"""Every operation fuzzed from the OpenAPI schema (schemathesis): never a 5xx, and every
status and body the server answers is one the schema declares."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from .helpers import API, World

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
MAX_EXAMPLES = 30
#: Logging out would end the token the rest of the run uses; it is tested in test_auth.
SKIP = {("POST", f"{API}/auth/logout")}


@pytest.mark.parametrize(
    "mode", [schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE]
)
def test_schema_fuzzing(world: World, mode: schemathesis.GenerationMode) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", world.client.app)
    headers = world["coordinator"].headers
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20
    fuzzed = 0
    for operation in operations:
        if (operation.method.upper(), operation.path) in SKIP:
            continue

        @settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy(generation_mode=mode))
        def check(case: schemathesis.Case) -> None:
            case.call_and_validate(headers=headers, checks=CHECKS)

        try:
            check()
        except Unsatisfiable:
            # Nothing to make invalid (no parameters and no body, like GET /health).
            assert mode is schemathesis.GenerationMode.NEGATIVE
            continue
        fuzzed += 1
    assert fuzzed >= 15
