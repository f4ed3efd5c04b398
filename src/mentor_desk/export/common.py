"""What every export shares: writing safely to the chosen path, dates and numbers in words.

Only QtCore (translation and :class:`QLocale`), no QtGui, so the CSV and JSON exports never
pull in Qt's drawing; the document side lives in :mod:`mentor_desk.export.document`.

Dates and numbers follow the program's language (:mod:`mentor_desk.ui.shell.i18n` makes its
:class:`QLocale` the default): Welsh writes "Dydd Mawrth 24 Tachwedd 2026" and "14:30".
English of any country, and the neutral C locale the tests use, keep the house style
("Tuesday 24 November 2026", "2:30pm") through the C locale, so every English reads the
same (en_GB's own short September is "Sept").
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import BinaryIO

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

from mentor_desk.domain.validation import parse_date, parse_datetime


class ExportError(Exception):
    """An export could not be made; the message is written for the person who asked."""


def translate(context: str, text: str) -> str:
    """A document's fixed text in the program's language (``pyside6-lupdate`` finds the calls)."""
    return QCoreApplication.translate(context, text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for the catalogue; :func:`translate` it where it is shown."""
    del context
    return text


@contextmanager
def open_target(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """Open ``path`` for writing through ``<path>.part`` in the same folder.

    The part file is renamed over ``path`` only when the ``with`` block finishes; on any
    error it is deleted, so a failed export leaves nothing behind and an earlier file of
    the same name is untouched. Nothing is ever written to a temp folder.

    The part file is created readable and writable by its owner only (0600, like the
    store) — and so is the file it becomes, replacing an earlier one whatever its mode.
    An export holds personal data; the person can share it deliberately.
    """
    target = Path(path)
    part = target.with_name(target.name + ".part")
    try:
        with os.fdopen(_create_private(part), "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(part, target)
    except FileExistsError:
        message = translate(
            "Document", "Another export to {name} seems to be running (found {part})."
        )
        raise ExportError(message.format(name=target.name, part=part.name)) from None
    except BaseException:
        part.unlink(missing_ok=True)
        raise


#: Owner read and write only: exports are as private as the store they come from.
PRIVATE_MODE = 0o600


def _create_private(part: Path) -> int:
    """Create ``part`` (it must not exist) with mode 0600 from the start.

    The mode is given to ``open(2)`` itself rather than set by a ``chmod`` afterwards, so
    there is no moment when another account could open the file. (On Windows only the
    read-only bit of the mode means anything; the file inherits its folder's ACL.)
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    return os.open(part, flags, PRIVATE_MODE)


def write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` through :func:`open_target`."""
    with open_target(path) as fh:
        fh.write(data)


def path_hint(path: str | os.PathLike[str]) -> str:
    """What the export log keeps of a path: the extension only (names hide in file names)."""
    return Path(path).suffix.lower()


def today_local() -> date:
    return datetime.now().astimezone().date()


def local_datetime(value: str) -> datetime:
    """A stored UTC instant as an aware local datetime."""
    return parse_datetime(value).astimezone()


#: The date patterns (QLocale's): "Tuesday 24 November 2026", "24 November 2026",
#: "24 Nov 2026".
LONG_DATE = "dddd d MMMM yyyy"
DATE = "d MMMM yyyy"
SHORT_DATE = "d MMM yyyy"


def document_locale() -> QLocale:
    """The locale documents are written in: the program's, or C for English (module doc)."""
    current = QLocale()
    if current.language() in (QLocale.Language.C, QLocale.Language.English):
        return QLocale.c()
    return current


def in_house_english() -> bool:
    """Whether dates, times and numbers are written in the English house style."""
    return document_locale().language() == QLocale.Language.C


def _day(value: str | date) -> QDate:
    d = parse_date(value) if isinstance(value, str) else value
    return QDate(d.year, d.month, d.day)


def plain_date(value: str | date | None) -> str:
    """'Tuesday 24 November 2026' ('Dydd Mawrth 24 Tachwedd 2026'); empty for no date."""
    if not value:
        return ""
    return document_locale().toString(_day(value), LONG_DATE)


def full_date(value: str | date | None) -> str:
    """'24 November 2026' ('24 Tachwedd 2026'); empty for no date."""
    if not value:
        return ""
    return document_locale().toString(_day(value), DATE)


def short_date(value: str | date | None) -> str:
    """'24 Nov 2026' ('24 Tach 2026'); empty for no date."""
    if not value:
        return ""
    return document_locale().toString(_day(value), SHORT_DATE)


def plain_time(dt: datetime) -> str:
    """'9:30am', '2pm' in English; the language's own short time otherwise ('14:30')."""
    if not in_house_english():
        return document_locale().toString(QTime(dt.hour, dt.minute), QLocale.FormatType.ShortFormat)
    hour = dt.hour % 12 or 12
    minutes = f":{dt.minute:02d}" if dt.minute else ""
    return f"{hour}{minutes}{'am' if dt.hour < 12 else 'pm'}"


def plain_datetime(value: str | None) -> str:
    """A stored UTC instant in local time: 'Tuesday 24 November 2026 at 2:30pm'."""
    if not value:
        return ""
    dt = local_datetime(value)
    at = translate("Document", "{date} at {time}")
    return at.format(date=plain_date(dt.date()), time=plain_time(dt))


def number(value: int) -> str:
    """A count as the language writes it ('1234' in English, as always; '1,234' in Welsh)."""
    return document_locale().toString(value)


def first_name(full_name: str | None) -> str:
    return (full_name or "").strip().split(" ")[0] if full_name else ""


def utc_stamp() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


ProgressFn = Callable[[int, int], None]
