"""Plain-Python record vocabulary, validation and merge rules shared by client and server.

Nothing here imports Qt, SQL or HTTP libraries.
"""

from mentor_desk.domain.validation import FieldError, ValidationFailed, validate
from mentor_desk.domain.vocabulary import (
    ENTITIES,
    SCHEMA_VERSION,
    Entity,
    Field,
    Kind,
    entity,
)

__all__ = [
    "ENTITIES",
    "SCHEMA_VERSION",
    "Entity",
    "Field",
    "FieldError",
    "Kind",
    "ValidationFailed",
    "entity",
    "validate",
]
