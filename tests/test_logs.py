"""The program's own log (issue 14.8): in the profile folder, owner only, rotating, with ids
and counts only — and library warnings go there, not to the person's terminal."""

from __future__ import annotations

import logging
import os
import socket
import stat
import threading
import warnings
from pathlib import Path

import pytest

from mentor_desk import logs
from mentor_desk.store import KdfParams, Profile
from mentor_desk.store.errors import WrongPassphrase
from tests.conftest import PASSPHRASE
from tests.helpers import markers
from tests.helpers.cli import mentor_desk


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_log_file_is_owner_only_and_stays_so_when_it_rotates(
    tmp_path: Path, permissive_umask: None
) -> None:
    path = tmp_path / logs.LOG_NAME
    path.write_text("an older program's log\n")
    path.chmod(0o644)
    handler = logs.PrivateFileHandler(path, maxBytes=300, backupCount=2, encoding="utf-8")
    logger = logging.getLogger("mentor_desk.tests.rotate")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        for i in range(40):
            logger.warning("line %d of a rotating log", i)
    finally:
        logger.removeHandler(handler)
        logger.propagate = True
        handler.close()
    made = sorted(p.name for p in tmp_path.iterdir())
    assert made == [logs.LOG_NAME, f"{logs.LOG_NAME}.1", f"{logs.LOG_NAME}.2"]
    assert {_mode(tmp_path / name) for name in made} == {0o600}
    assert "line 39" in path.read_text()


def test_log_to_file_makes_nothing_for_a_missing_profile_unless_asked(
    tmp_path: Path, program_logging: None
) -> None:
    assert logs.log_to_file(tmp_path / "missing") is None
    assert not (tmp_path / "missing").exists()
    made = logs.log_to_file(tmp_path / "new", create=True)
    assert made == tmp_path / "new" / logs.LOG_NAME and made.exists()
    assert _mode(tmp_path / "new") == 0o700 and _mode(made) == 0o600


def test_a_traceback_keeps_its_frames_and_types_but_not_a_message_with_values(
    tmp_path: Path, program_logging: None
) -> None:
    path = logs.log_to_file(tmp_path, create=True)
    assert path is not None
    log = logging.getLogger("mentor_desk.tests.tb")

    def inner() -> None:
        raise KeyError(f"no such person {markers.GIVEN} {markers.FAMILY}")

    try:
        try:
            inner()
        except KeyError as exc:
            raise ValueError(f"could not save {markers.NOTE}") from exc
    except ValueError:
        log.exception("saving failed")
    try:
        raise WrongPassphrase()
    except WrongPassphrase:
        log.exception("unlock failed")
    logs.stop_file_log()
    text = path.read_text(encoding="utf-8")
    assert markers.found_in(text) == []
    assert "builtins.KeyError" in text and "builtins.ValueError" in text
    assert "in inner" in text and "raise KeyError" in text  # the frames are there
    assert text.index("builtins.KeyError") < text.index("led to") < text.index("ValueError")
    assert str(WrongPassphrase()) in text  # Mentor Desk's own words carry no record content


def test_privacy_filter_masks_secrets_tokens_and_addresses_but_keeps_ids(
    tmp_path: Path, program_logging: None
) -> None:
    path = logs.log_to_file(tmp_path, create=True)
    assert path is not None
    logs.keep_out("horse staple passphrase")
    log = logging.getLogger("mentor_desk.tests.mask")
    record_id = "0194f3a2-7c1d-7e4b-9a2f-3b5c6d7e8f90"
    log.warning("record %s, token %s", record_id, "Zk3mQ9vL2xR7tB4nW8yH5jC1fD6gS0aE_-uIoPq")
    log.warning("typed %s", "horse staple passphrase")
    log.warning("mail from %s", "sam.sample@example.org")
    log.warning("header Authorization: Bearer %s", "short1")
    logs.stop_file_log()
    text = path.read_text(encoding="utf-8")
    assert record_id in text
    for secret in ("Zk3mQ9vL", "horse staple", "sam.sample", "short1"):
        assert secret not in text
    assert text.count(logs.REDACTED) == 4


def test_library_warnings_go_to_the_log_and_not_to_the_terminal(
    tmp_path: Path, program_logging: None, capsys: pytest.CaptureFixture[str]
) -> None:
    logs.configure(verbose=False)
    path = logs.log_to_file(tmp_path, create=True)
    assert path is not None
    logging.getLogger("urllib3.connection").warning("Failed to parse headers (url=%s)", "x")
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.warn("a library's deprecation", DeprecationWarning, stacklevel=1)
    logging.getLogger("mentor_desk.tests.own").warning("the keychain refused the key")
    logging.getLogger("mentor_desk.tests.own").info("sync done: pushed 3")
    err = capsys.readouterr().err
    assert "Failed to parse headers" not in err and "deprecation" not in err
    assert "the keychain refused the key" in err and "sync done" not in err
    logs.stop_file_log()
    text = path.read_text(encoding="utf-8")
    for line in ("Failed to parse headers", "a library's deprecation", "keychain", "sync done"):
        assert line in text


class BrokenHeaders:
    """A loopback 'server' whose answer has a broken header block, then closes."""

    ANSWER = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nthis is not a header\r\n"

    def __init__(self) -> None:
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(8)
        self.port = int(self.listener.getsockname()[1])
        self.answered = 0
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(10)
                try:
                    conn.recv(1 << 16)
                    conn.sendall(self.ANSWER)
                    self.answered += 1
                except OSError:
                    pass

    def close(self) -> None:
        self.listener.close()


def test_sync_against_broken_headers_says_offline_and_logs_the_library_warning(
    profile_dir: Path, kdf: KdfParams
) -> None:
    server = BrokenHeaders()
    store = Profile(profile_dir).create(PASSPHRASE, kdf=kdf)
    markers.plant(store, server_port=server.port)
    store.close()
    env = {**os.environ, "MENTOR_DESK_PASSPHRASE": PASSPHRASE}
    try:
        done = mentor_desk("sync", "--profile-dir", str(profile_dir), env=env)
    finally:
        server.close()
    assert server.answered >= 1
    assert done.returncode == 1
    assert done.stderr.startswith("sync stopped: Offline"), done.stderr
    assert "Traceback" not in done.stderr and "HeaderParsingError" not in done.stderr
    text = (profile_dir / logs.LOG_NAME).read_text(encoding="utf-8")
    assert "urllib3.connection" in text and "HeaderParsingError" in text
    assert "sync stopped: Offline" in text
    assert markers.found_in(text + done.stderr + done.stdout) == []
    assert PASSPHRASE not in text
