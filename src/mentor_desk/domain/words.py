"""Stored codes as words for people: "post_sentence_supervision" → "Post sentence supervision".

Shared by the screens, the documents and the figures, so a code reads the same everywhere;
contact kinds, pathways and closure reasons take their labels from the resource files.
"""

from __future__ import annotations

from mentor_desk.domain import resources

_SPECIAL_LABELS: dict[str, str] = {}


def _special() -> dict[str, str]:
    if not _SPECIAL_LABELS:
        _SPECIAL_LABELS.update(resources.contact_kind_labels())
        _SPECIAL_LABELS.update(resources.pathway_labels())
        _SPECIAL_LABELS.update(resources.labels("closure_reasons.json", "participant"))
    return _SPECIAL_LABELS


def plain(code: str | None) -> str:
    """A stored code as words: "post_sentence_supervision" → "Post sentence supervision"."""
    if not code:
        return ""
    special = _special()
    if code in special:
        return special[code]
    words = code.replace("_", " ")
    return words[:1].upper() + words[1:]
