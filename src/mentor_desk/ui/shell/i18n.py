"""The program's language: which catalogue is loaded, and the locale dates and numbers use.

The language is, in order: the ``MENTOR_DESK_LANGUAGE`` environment variable, the
``language`` value stored in the program's settings (:func:`choose`; it takes effect on the
next start), else the system's locale. :func:`install` loads
``mentor_desk/resources/translations/mentor_desk_<lang>.qm`` (package data, so it is there in
the frozen bundle too) and Qt's own ``qtbase_<lang>.qm`` when Qt ships one, and makes the
language's :class:`QLocale` the default. ``make translations`` rebuilds the catalogues
(docs/ui.md, "Language").
"""

from __future__ import annotations

import logging
import os
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

log = logging.getLogger(__name__)
ENV = "MENTOR_DESK_LANGUAGE"
SETTING = "language"
#: The translators installed by the last :func:`install`, removed by the next one.
_installed: list[QTranslator] = []


def translate(context: str, text: str) -> str:
    """``QCoreApplication.translate``; named so that ``pyside6-lupdate`` finds the calls."""
    return QCoreApplication.translate(context, text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for the catalogue without translating it yet (a typed PySide6 one)."""
    del context
    return text


def settings() -> QSettings:
    return QSettings("Mentor Desk", "Mentor Desk")


def choose(language: str) -> None:
    """Remember ``language`` ("cy", "en_GB"; "" follows the system) for the next start."""
    store = settings()
    if language:
        store.setValue(SETTING, language)
    else:
        store.remove(SETTING)
    store.sync()


def chosen_language() -> str:
    """The language this run should use (environment, then settings, then the system)."""
    env = os.environ.get(ENV, "").strip()
    if env:
        return env
    stored = settings().value(SETTING, "")
    if isinstance(stored, str) and stored.strip():
        return stored.strip()
    return QLocale.system().name()


def catalogue_dir() -> Path:
    return Path(str(resources.files("mentor_desk.resources").joinpath("translations")))


def available() -> list[str]:
    """The languages with a catalogue of their own (English is the source text)."""
    return sorted(p.stem.removeprefix("mentor_desk_") for p in catalogue_dir().glob("*.qm"))


def install(language: str) -> bool:
    """Use ``language`` from now on; True if a Mentor Desk catalogue was loaded for it.

    Replaces whatever an earlier call installed. "C" (the tests' neutral locale) and English
    install no catalogue.
    """
    for old in _installed:
        QCoreApplication.removeTranslator(old)
    _installed.clear()
    locale = QLocale.c() if language in ("", "C", "POSIX") else QLocale(language)
    QLocale.setDefault(locale)
    if locale.language() in (QLocale.Language.C, QLocale.Language.English):
        return False
    ours = QTranslator()
    loaded = ours.load(locale, "mentor_desk", "_", str(catalogue_dir()))
    if loaded:
        QCoreApplication.installTranslator(ours)
        _installed.append(ours)
    else:
        log.info("no Mentor Desk catalogue for %s; English is used", locale.name())
    qt = QTranslator()
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        QCoreApplication.installTranslator(qt)
        _installed.append(qt)
    return loaded
