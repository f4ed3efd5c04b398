"""The problem report (issue 14.8): versions, ids and counts, the log's tail — never a name,
a note, a passphrase or the token. ``mentor-desk diagnose`` runs as a script would."""

from __future__ import annotations

import logging
import os
import subprocess
from pathlib import Path

import pytest

from mentor_desk import diagnostics, logs
from mentor_desk.store import KdfParams, Profile, Store
from mentor_desk.store.database import cipher_version
from mentor_desk.store.schema import STORE_VERSION
from tests.conftest import PASSPHRASE
from tests.helpers import markers
from tests.helpers.cli import mentor_desk


def _diagnose(
    profile_dir: Path, passphrase: str | None = PASSPHRASE
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("MENTOR_DESK_PASSPHRASE", None)
    if passphrase is not None:
        env["MENTOR_DESK_PASSPHRASE"] = passphrase
    return mentor_desk("diagnose", "--profile-dir", str(profile_dir), env=env)


def _line(report: str, label: str) -> str:
    found = [ln for ln in report.splitlines() if ln.startswith(label + ":")]
    assert len(found) == 1, (label, report)
    return found[0].split(":", 1)[1].strip()


def test_report_gives_versions_ids_and_counts_and_no_marker(
    store: Store, profile_dir: Path, program_logging: None
) -> None:
    planted = markers.plant(store)
    with store.transaction():  # an address with a path and a query: none of it is reported
        store.set_meta(
            "server_url", f"https://sync.example.org/{markers.URL_PATH}?k={markers.URL_PATH}"
        )
    logs.log_to_file(profile_dir)
    logging.getLogger("mentor_desk.tests").warning("a line of the program's own log")
    text = diagnostics.report(profile_dir, diagnostics.store_facts(store))

    assert markers.found_in(text) == []
    assert markers.URL_PATH.lower() not in text.lower() and "example.org" not in text
    assert PASSPHRASE not in text
    assert _line(text, "SQLCipher") == cipher_version() != ""
    assert _line(text, "Store version") == f"{STORE_VERSION} (this program writes {STORE_VERSION})"
    assert _line(text, "Profile id") == store.meta("profile_id")
    assert _line(text, "Device id") == store.meta("device_id")
    assert _line(text, "Joined a server") == "yes"
    assert _line(text, "Server device id") == "device-for-tests"
    assert _line(text, "participant records") == "1"
    assert _line(text, "case_note records") == "1"
    assert _line(text, "Drafts kept") == "1"
    assert _line(text, "Changes waiting to be sent") == str(store.outbox_count()) != "0"
    assert "Keychain:" in text and "Qt:" in text and "System:" in text
    assert "a line of the program's own log" in text
    assert planted.participant_id not in text  # counts, not a list of records


def test_report_leaves_out_a_secret_that_reached_the_log_anyway(
    store: Store, profile_dir: Path, program_logging: None
) -> None:
    """The log's own filter is a backstop; the report masks the tail again."""
    (profile_dir / logs.LOG_NAME).write_text(
        "INFO x: Authorization: Bearer abcDEF123ghiJKL456mnoPQR789stuVWX0\n"
        "INFO x: mail ada.sample@example.org about it\n",
        encoding="utf-8",
    )
    text = diagnostics.report(profile_dir, diagnostics.store_facts(store))
    assert "abcDEF123" not in text and "ada.sample" not in text
    assert text.count(logs.REDACTED) == 2


def test_diagnose_prints_the_report_and_no_marker(profile_dir: Path, kdf: KdfParams) -> None:
    store = Profile(profile_dir).create(PASSPHRASE, kdf=kdf)
    markers.plant(store)
    profile_id = store.meta("profile_id")
    store.close()
    done = _diagnose(profile_dir)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(diagnostics.TITLE)
    assert _line(done.stdout, "Profile id") == profile_id
    assert _line(done.stdout, "participant records") == "1"
    assert markers.found_in(done.stdout + done.stderr) == []
    assert markers.found_in_files(profile_dir) == []


@pytest.mark.parametrize(
    ("passphrase", "why"),
    [(None, "no passphrase"), ("not the passphrase", "passphrase")],
)
def test_diagnose_without_the_store_still_reports_versions_and_says_why(
    profile_dir: Path, kdf: KdfParams, passphrase: str | None, why: str
) -> None:
    Profile(profile_dir).create(PASSPHRASE, kdf=kdf).close()
    done = _diagnose(profile_dir, passphrase)
    assert done.returncode == 0, done.stderr
    assert _line(done.stdout, "SQLCipher") == cipher_version()
    assert _line(done.stdout, "Key file").startswith("present")
    missing = _line(done.stdout, "Not included")
    assert why in missing.lower()
    assert "participant records" not in done.stdout
    if passphrase:
        assert passphrase not in done.stdout


def test_diagnose_for_a_folder_without_a_store_makes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "nothing here"
    done = _diagnose(folder)
    assert done.returncode == 0, done.stderr
    assert _line(done.stdout, "Not included") == "there is no store in this folder"
    assert _line(done.stdout, "Key file") == "missing"
    assert not folder.exists()
