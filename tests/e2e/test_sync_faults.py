"""Fault injection (QUALITY.md "Reliability"): dropped connections, killed client, killed
server. After recovery every change is present exactly once, and the stores open."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from mentor_desk.store import Profile
from mentor_desk.sync.protocol import SyncError
from tests.helpers.proxy import DroppingProxy
from tests.helpers.server_proc import Laptop, ServerProcess

MakeLaptop = Callable[..., Laptop]


def server_note_ids(office: Laptop) -> list[str]:
    office.sync()
    return [str(n["id"]) for n in office.s.list("case_note", include_deleted=True)]


def assert_exactly_once(mentor: Laptop, office: Laptop, expected: set[str]) -> None:
    mentor.sync()
    assert mentor.s.outbox_count() == 0
    ids = server_note_ids(office)
    assert len(ids) == len(set(ids)) == len(expected)
    assert set(ids) == expected


@pytest.mark.parametrize("direction", ["up", "down"])
def test_connection_cut_after_n_bytes_swept_through_push_and_pull(
    server: ServerProcess, laptop: MakeLaptop, direction: str
) -> None:
    mentor = laptop("mentor_a")
    office = laptop("coordinator")
    pid = mentor.add_participant()
    expected: set[str] = set()
    mentor.sync()
    # Sweep the cut point across the whole exchange: request headers, push body, push
    # answer, pull request, pull answer.
    for limit in [0, 1, 50, 150, 300, 600, 1_000, 1_500, 2_500, 4_000, 6_000, 9_000, 14_000]:
        for i in range(3):
            expected.add(mentor.add_note(pid, f"cut {direction} {limit} #{i}"))
        proxy = DroppingProxy(server.port, limit=limit, direction=direction, once=True)
        try:
            mentor.sync(url=proxy.url, push_batch=2, pull_limit=2)
        except SyncError:
            pass
        finally:
            proxy.close()
        mentor.reopen()  # the store opens after every fault
    assert_exactly_once(mentor, office, expected)
    assert {n["id"] for n in mentor.s.list("case_note")} == expected


def test_client_killed_at_random_points_fifty_times(
    server: ServerProcess, laptop: MakeLaptop, tmp_path: Path
) -> None:
    mentor = laptop("mentor_a")
    office = laptop("coordinator")
    pid = mentor.add_participant()
    mentor.sync()
    mentor.close()
    rng = random.Random(2026)
    expected: set[str] = set()
    env = {**os.environ, "MENTOR_DESK_PASSPHRASE": "laptop passphrase"}
    cmd = [
        sys.executable,
        "-m",
        "mentor_desk.cli",
        "sync",
        "--profile-dir",
        str(mentor.directory),
        "--batch",
        "1",
    ]
    killed = run = 0
    # at least 50 runs, and on until 10 kills landed mid-run (how many do depends on how
    # fast this machine is at that moment)
    while run < 50 or (killed < 10 and run < 150):
        run += 1
        mentor.reopen()  # must open every time
        for i in range(rng.randint(5, 30)):
            expected.add(mentor.add_note(pid, f"run {run} note {i}"))
        mentor.close()
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.1, 0.8))  # start-up is ~0.2 s; the sync follows
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        proc.wait(30)
    assert killed >= 10  # the kills really landed mid-run, not only after the end
    mentor.reopen()
    assert_exactly_once(mentor, office, expected)


def test_server_killed_mid_push(server: ServerProcess, laptop: MakeLaptop) -> None:
    mentor = laptop("mentor_a")
    office = laptop("coordinator")
    pid = mentor.add_participant()
    expected = {mentor.add_note(pid, f"bulk note {i} " + "words " * 40) for i in range(400)}
    errors: list[BaseException] = []

    def run() -> None:
        try:
            mentor.sync(push_batch=10)
        except SyncError as exc:
            errors.append(exc)

    watcher = Profile(mentor.directory).unlock("laptop passphrase")  # a second connection
    worker = threading.Thread(target=run)
    worker.start()
    deadline = time.monotonic() + 30
    while watcher.outbox_count() > 300 and time.monotonic() < deadline:
        time.sleep(0.01)  # let a few batches through, then pull the plug mid-stream
    server.kill()
    worker.join(60)
    watcher.close()
    assert errors, "the sync should have stopped when the server died"
    assert 0 < mentor.s.outbox_count() < 401
    server.start()
    assert_exactly_once(mentor, office, expected)


def _pg_ctl(cluster: object, *args: str) -> None:
    import glob

    bindir = Path(sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))[-1]).parent
    base = Path(cluster.socket_dir)  # type: ignore[attr-defined]
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    subprocess.run(
        [*prefix, str(bindir / "pg_ctl"), "-D", str(base / "data"), *args],
        check=True,
        capture_output=True,
        timeout=60,
    )


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
def test_postgresql_stopped_mid_push(
    server: ServerProcess, laptop: MakeLaptop, request: pytest.FixtureRequest
) -> None:
    cluster = request.getfixturevalue("pg_cluster")
    # The test cluster runs with synchronous_commit=off for speed, which by design loses the
    # last commits in a crash. A real deployment keeps the default (on): so does this test.
    server.stop()
    dbname = server.database_url.rsplit("/", 1)[1]
    cluster.execute(f"ALTER DATABASE {dbname} SET synchronous_commit = on")
    server.start()
    mentor = laptop("mentor_a")
    office = laptop("coordinator")
    pid = mentor.add_participant()
    mentor.sync()
    expected = {mentor.add_note(pid, f"note {i} " + "words " * 40) for i in range(300)}
    errors: list[BaseException] = []

    def run() -> None:
        try:
            mentor.sync(push_batch=10)
        except SyncError as exc:
            errors.append(exc)

    watcher = Profile(mentor.directory).unlock("laptop passphrase")
    worker = threading.Thread(target=run)
    worker.start()
    deadline = time.monotonic() + 30
    while watcher.outbox_count() > 250 and time.monotonic() < deadline:
        time.sleep(0.01)
    _pg_ctl(cluster, "-m", "immediate", "stop")
    try:
        worker.join(60)
        assert errors, "the sync should have stopped when the database went away"
        assert "try again" in str(errors[0]) or "Offline" in str(errors[0])
    finally:
        base = cluster.socket_dir
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={cluster.port} "
            f"-c unix_socket_directories={base} -c fsync=off -c synchronous_commit=off "
            "-c full_page_writes=off -c max_connections=200"
        )
        _pg_ctl(cluster, "-o", options, "-l", f"{base}/log", "-w", "start")
    watcher.close()
    assert_exactly_once(mentor, office, expected)
