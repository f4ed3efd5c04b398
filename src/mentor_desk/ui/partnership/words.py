"""The partnership's stored codes in words (organisation kinds, legal bases, statuses)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale

from mentor_desk.ui.shell.i18n import QT_TRANSLATE_NOOP, translate

KIND_WORDS = {
    "lead": QT_TRANSLATE_NOOP("Partnership", "Lead organisation (the mentors)"),
    "sport": QT_TRANSLATE_NOOP("Partnership", "Community sport"),
    "probation": QT_TRANSLATE_NOOP("Partnership", "Probation"),
    "housing": QT_TRANSLATE_NOOP("Partnership", "Housing"),
    "recovery": QT_TRANSLATE_NOOP("Partnership", "Recovery"),
    "training": QT_TRANSLATE_NOOP("Partnership", "Training"),
    "employment": QT_TRANSLATE_NOOP("Partnership", "Employment"),
    "other": QT_TRANSLATE_NOOP("Partnership", "Other partners"),
}
BASIS_WORDS = {
    "consent": QT_TRANSLATE_NOOP("Partnership", "Consent"),
    "legitimate_interest": QT_TRANSLATE_NOOP("Partnership", "Legitimate interest"),
    "public_task": QT_TRANSLATE_NOOP("Partnership", "Public task"),
}
STATUS_WORDS = {
    "live": QT_TRANSLATE_NOOP("Partnership", "In force"),
    "not_started": QT_TRANSLATE_NOOP("Partnership", "Not started yet"),
    "ended": QT_TRANSLATE_NOOP("Partnership", "Ended — nothing flows"),
    "review_overdue": QT_TRANSLATE_NOOP("Partnership", "⚠ Review overdue — nothing flows"),
}


def kind_words(kind: str | None) -> str:
    text = KIND_WORDS.get(str(kind), KIND_WORDS["other"])
    return translate("Partnership", text)


def basis_words(basis: str | None) -> str:
    text = BASIS_WORDS.get(str(basis))
    return translate("Partnership", text) if text else str(basis or "")


def status_words(status: str) -> str:
    text = STATUS_WORDS.get(status)
    return translate("Partnership", text) if text else status


def date_words(value: str | None) -> str:
    """An ISO date for people, through QLocale ("3 Dec 2026")."""
    if not value:
        return ""
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return value
    return QLocale().toString(QDate(day.year, day.month, day.day), "d MMM yyyy")
