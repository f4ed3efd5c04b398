"""Reference data shipped in ``mentor_desk/resources`` (pathways, checklist, contact kinds…).

Loaded through :mod:`importlib.resources` so it also works inside a frozen bundle. The lists
are data, not code: a partnership can ship an updated file without touching the program.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> dict[str, Any]:
    """Return the parsed JSON resource ``name`` (for example ``"pathways.json"``)."""
    text = resources.files("mentor_desk.resources").joinpath(name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def keys(name: str, section: str) -> tuple[str, ...]:
    """The ``key`` of every entry in ``section`` of resource ``name``, in file order."""
    return tuple(str(item["key"]) for item in load(name)[section])


def labels(name: str, section: str) -> dict[str, str]:
    """Map of key to human label for ``section`` of resource ``name``."""
    return {str(item["key"]): str(item["label"]) for item in load(name)[section]}


def pathway_keys() -> tuple[str, ...]:
    return keys("pathways.json", "pathways")


def pathway_labels() -> dict[str, str]:
    return labels("pathways.json", "pathways")


def pathway_to_crs() -> dict[str, tuple[str, ...]]:
    """Each resettlement pathway mapped to probation's CRS categories."""
    return {
        str(p["key"]): tuple(str(c) for c in p["crs"]) for p in load("pathways.json")["pathways"]
    }


def checklist_items() -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = load("checklist.json")["items"]
    return items


def checklist_states() -> tuple[str, ...]:
    return tuple(str(s) for s in load("checklist.json")["states"])


def contact_kind_keys() -> tuple[str, ...]:
    return keys("contact_kinds.json", "contact_kinds")


def contact_kind_labels() -> dict[str, str]:
    return labels("contact_kinds.json", "contact_kinds")


def participant_closure_keys() -> tuple[str, ...]:
    return keys("closure_reasons.json", "participant")


def probation_closure_keys() -> tuple[str, ...]:
    return keys("closure_reasons.json", "probation")
