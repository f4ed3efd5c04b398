"""The program's own log: a rotating file in the profile folder, with ids and counts only.

``configure(verbose)`` is called once per run (``mentor-desk`` and its subcommands): the
person's terminal gets only Mentor Desk's own warnings (everything with ``--verbose``);
library warnings — urllib3's header-parsing complaints, Python ``warnings`` — go to the
log file alone. ``log_to_file(profile_dir)`` adds the file ``mentor-desk.log`` (owner
only, 1 MB, three old copies) once the profile folder is known.

The rule is that the program never logs a name, a note's text, a passphrase or a token:
its log calls format ids, counts and exception *type* names, never record values. Two
backstops catch what a library might add: a traceback is written as its frames and the
exception's type (the message only for Mentor Desk's own errors, whose words carry no
record content), and :class:`PrivacyFilter` masks anything shaped like a token or an email
address, and any secret the program registered with :func:`keep_out`.

``install_excepthooks`` logs every unhandled exception (GUI thread or any other) and tells
the caller, which shows "Something went wrong — your work is saved".
"""

from __future__ import annotations

import io
import logging
import os
import re
import sys
import threading
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import TextIO

from mentor_desk.store.errors import StoreError
from mentor_desk.sync.protocol import SyncError

LOG_NAME = "mentor-desk.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s]: %(message)s"
OWN = "mentor_desk"
REDACTED = "[redacted]"

log = logging.getLogger(__name__)

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]

_UUID = re.compile(r"[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")
_TOKENISH = re.compile(r"[A-Za-z0-9_\-+=]{32,}")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_BEARER = re.compile(r"(?i)\b(bearer\s+)([^\s\"',;]+)")
_ASSIGNED = re.compile(
    r"(?i)\b(token|password|passphrase|secret)([\"']?\s*[:=]\s*[\"']?)([^\s\"',;]+)"
)
_secrets: set[str] = set()


def log_path(profile_dir: Path) -> Path:
    """Where the log of the profile in ``profile_dir`` is written."""
    return Path(profile_dir) / LOG_NAME


def keep_out(*secrets: str | None) -> None:
    """Never let these strings (a passphrase, a token) into a log line, whoever logs them."""
    _secrets.update(s for s in secrets if s and len(s) >= 4)


def _mask_token(match: re.Match[str]) -> str:
    text = match.group(0)
    if _UUID.fullmatch(text) or not (re.search(r"\d", text) and re.search(r"[A-Za-z]", text)):
        return text
    return REDACTED


def redact(text: str) -> str:
    """``text`` without registered secrets, token-shaped strings or email addresses."""
    for secret in sorted(_secrets, key=len, reverse=True):
        text = text.replace(secret, REDACTED)
    text = _BEARER.sub(lambda m: m.group(1) + REDACTED, text)
    text = _ASSIGNED.sub(lambda m: m.group(1) + m.group(2) + REDACTED, text)
    text = _EMAIL.sub(REDACTED, text)
    return _TOKENISH.sub(_mask_token, text)


def _speakable(exc: BaseException) -> bool:
    """Mentor Desk's own errors are worded for the status bar and carry no record content."""
    return isinstance(exc, StoreError | SyncError) and type(exc).__module__.startswith(OWN)


def describe_exception(exc: BaseException | None) -> str:
    """A traceback as frames and exception types: no message that could quote a value."""
    lines: list[str] = []
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        kind = f"{type(exc).__module__}.{type(exc).__qualname__}"
        head = f"{kind}: {exc}" if _speakable(exc) else kind
        frames = traceback.format_list(traceback.extract_tb(exc.__traceback__))
        lines[:0] = ["Traceback (most recent call last):\n", *frames, head + "\n"]
        cause = exc.__cause__ or (None if exc.__suppress_context__ else exc.__context__)
        if cause is not None:
            lines[:0] = ["\nThe exception above led to the one below:\n\n"]
        exc = cause
    return "".join(lines).rstrip("\n")


class SafeFormatter(logging.Formatter):
    """Formats tracebacks with :func:`describe_exception` (frames and types only) and
    masks the whole line with :func:`redact`."""

    def format(self, record: logging.LogRecord) -> str:
        saved = record.exc_text  # another handler may have cached the full traceback
        record.exc_text = None
        try:
            return redact(super().format(record))
        finally:
            record.exc_text = saved

    def formatException(self, ei: object) -> str:
        exc = ei[1] if isinstance(ei, tuple) and len(ei) == 3 else None
        return describe_exception(exc if isinstance(exc, BaseException) else None)


class PrivacyFilter(logging.Filter):
    """The backstop: masks secrets, tokens and email addresses in the formatted message."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: keep what the call said, not its values
            message, record.args = str(record.msg), None
        cleaned = redact(message)
        if cleaned != message or record.args:
            record.msg, record.args = cleaned, None
        return True


class OwnOrVerbose(logging.Filter):
    """For the terminal: Mentor Desk's own records only, unless ``--verbose``."""

    def __init__(self, verbose: bool) -> None:
        super().__init__()
        self.verbose = verbose

    def filter(self, record: logging.LogRecord) -> bool:
        own = record.name == OWN or record.name.startswith(OWN + ".")
        return self.verbose or own


class _CurrentStderr(logging.StreamHandler[TextIO]):
    """Writes to whatever ``sys.stderr`` is at the time (tests swap it per test)."""

    @property
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, _value: TextIO) -> None:
        pass


class PrivateFileHandler(RotatingFileHandler):
    """A rotating file readable by its owner only (0600), also after each rotation."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)  # a file left by an older program with a looser mode
        return open(fd, "a", encoding="utf-8", errors="backslashreplace")


_installed: list[logging.Handler] = []


def _add(handler: logging.Handler) -> None:
    handler.addFilter(PrivacyFilter())
    handler.setFormatter(SafeFormatter(FORMAT))
    logging.getLogger().addHandler(handler)
    _installed.append(handler)


def _remove(kind: type[logging.Handler]) -> None:
    root = logging.getLogger()
    for handler in [h for h in _installed if isinstance(h, kind)]:
        root.removeHandler(handler)
        _installed.remove(handler)
        handler.close()


def configure(verbose: bool = False) -> None:
    """Start this run's logging: the terminal handler, and ``warnings`` into the log."""
    _remove(_CurrentStderr)
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    handler = _CurrentStderr()
    handler.setLevel(logging.INFO if verbose else logging.WARNING)
    handler.addFilter(OwnOrVerbose(verbose))
    _add(handler)
    logging.captureWarnings(True)


def log_to_file(profile_dir: Path, *, create: bool = False) -> Path | None:
    """Write this run's log into ``profile_dir`` (made, owner only, if ``create``).

    Returns the log's path, or None if the folder does not exist (nothing is made for a
    profile that is not there). Replaces any log file an earlier call set up.
    """
    directory = Path(profile_dir)
    if create:
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not directory.is_dir():
        return None
    path = log_path(directory)
    _remove(PrivateFileHandler)
    handler = PrivateFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=False
    )
    handler.setLevel(logging.INFO)
    _add(handler)
    return path


def stop_file_log() -> None:
    """Close the log file (tests; the program's logs close at exit)."""
    _remove(PrivateFileHandler)


def tail(profile_dir: Path, lines: int) -> list[str]:
    """The last ``lines`` lines of the log (and its newest old copy), masked again."""
    path = log_path(profile_dir)
    found: list[str] = []
    for candidate in (path, Path(f"{path}.1")):
        if len(found) >= lines:
            break
        try:
            text = candidate.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        found = text.splitlines()[-(lines - len(found)) :] + found
    return [redact(line) for line in found[-lines:]]


def install_excepthooks(on_crash: Callable[[], None] | None = None) -> Callable[[], None]:
    """Log unhandled exceptions (any thread) and call ``on_crash``; returns an undo."""
    previous_sys, previous_thread = sys.excepthook, threading.excepthook

    def report(info: ExcInfo, where: str) -> None:
        log.critical("unhandled exception in %s", where, exc_info=info)
        if on_crash is not None:
            try:
                on_crash()
            except Exception:  # the notice itself failed: the log has the cause
                log.exception("could not show the problem notice")

    def sys_hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous_sys(kind, value, tb)
            return
        report((kind, value, tb), "the main thread")

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "a thread"
        report((args.exc_type, args.exc_value, args.exc_traceback), f"thread {name}")

    sys.excepthook, threading.excepthook = sys_hook, thread_hook

    def undo() -> None:
        sys.excepthook, threading.excepthook = previous_sys, previous_thread

    return undo
