"""Sync benchmarks against a real server process on a loopback port (QUALITY.md "Speed").

1. First sync of a data set (default office size) into a fresh laptop, against the baseline
   of downloading the same records as one JSON file over HTTP and inserting them with
   executemany into a SQLCipher database — measured in the same run.
2. A sync with nothing to do: p95 over 50 runs.
3. N concurrent devices (default 100) each doing small syncs (push one change, pull):
   p99 latency per sync and the error count.

Run: ``.venv/bin/python -m benchmarks.bench_sync [--size office] [--database URL]``
"""

from __future__ import annotations

import argparse
import http.server
import json
import os
import random
import shutil
import sqlite3
import statistics
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import requests
import sqlcipher3

from benchmarks.common import CACHE, median_ms, p95_ms
from mentor_desk.demo_data import generate
from mentor_desk.domain.vocabulary import ENTITIES
from mentor_desk.store import KdfParams, Profile
from mentor_desk.sync.account import account_of, engine_for, join
from tests.helpers.server_proc import PASSWORD, ServerProcess


def laptop(directory: Path, url: str, username: str) -> Any:
    store = Profile(directory).create("bench", kdf=KdfParams.fast_for_tests())
    join(store, url, username, PASSWORD, f"{username}-{directory.name}")
    return store


def sync(store: Any, **kw: Any) -> Any:
    account = account_of(store)
    assert account is not None
    engine = engine_for(account, lambda fn: fn(store))
    for k, v in kw.items():
        setattr(engine, k, v)
    return engine.run_once()


def baseline(store: Any, tmp: Path) -> float:
    """Download every record as one JSON file over HTTP, insert with executemany."""
    rows = []
    for name in ENTITIES:
        for rec in store.list(name):
            rows.append((name, rec["id"], json.dumps(rec, ensure_ascii=False)))
    blob = tmp / "dump.json"
    blob.write_text(json.dumps(rows))

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

    handler = lambda *a, **k: Quiet(*a, directory=str(tmp), **k)  # noqa: E731
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    for leftover in tmp.glob("baseline.db*"):  # from an earlier repeat
        leftover.unlink()
    start = time.perf_counter()
    data = requests.get(f"http://127.0.0.1:{httpd.server_port}/dump.json", timeout=120).json()
    conn = sqlcipher3.connect(str(tmp / "baseline.db"), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{os.urandom(32).hex()}'\"")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE rec (entity TEXT, id TEXT PRIMARY KEY, data TEXT)")
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO rec VALUES (?, ?, ?)", data)
    conn.execute("COMMIT")
    took = time.perf_counter() - start
    httpd.shutdown()
    conn.close()
    return took


def small_device(directory: Path, url: str, family_name: str) -> tuple[Any, str]:
    """A laptop of mentor_b (another organisation, a small caseload) with one participant,
    synced: its device_seq 1 is on the server."""
    store = laptop(directory, url, "mentor_b")
    pid = store.create(
        "participant",
        {
            "reference": store.new_reference(),
            "given_name": "Dev",
            "family_name": family_name,
            "status": "active",
        },
    )["id"]
    report = sync(store)
    assert report.pushed == 1
    return store, str(pid)


def concurrent_devices(
    url: str, n: int, rounds: int, tmp: Path, spread: float = 0.0
) -> tuple[list[float], int]:
    """Devices of mentor_b (another organisation, a small caseload), as in the field."""
    stores = []
    for i in range(n):
        store, pid = small_device(tmp / f"dev{i}", url, f"Ice{i}")
        stores.append((store, pid))
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    barrier = threading.Barrier(n)

    def device(store: Any, pid: str, i: int) -> None:
        nonlocal errors
        barrier.wait()
        pause = random.Random(i)
        for r in range(rounds):
            if spread:  # background sync: each device on its own timer, not all at once
                time.sleep(pause.uniform(0, spread))
            store.create(
                "case_note",
                {
                    "participant_id": pid,
                    "occurred_at": "2026-11-20T10:00:00Z",
                    "contact_kind": "phone",
                    "text": f"device {i} round {r}",
                },
            )
            start = time.perf_counter()
            try:
                sync(store)
                ok = True
            except Exception:
                ok = False
            took = time.perf_counter() - start
            with lock:
                latencies.append(took)
                errors += 0 if ok else 1

    threads = [threading.Thread(target=device, args=(s, p, i)) for i, (s, p) in enumerate(stores)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for s, _ in stores:
        s.close()
    return latencies, errors


def protocol_devices(
    url: str, n: int, rounds: int, tmp: Path, spread: float = 0.0
) -> tuple[list[float], int]:
    """The same small syncs, with each device speaking the protocol itself (one push of one
    note, then pulls to the end) instead of running the whole program's engine and encrypted
    store: the server's share of a small sync. With 100 full clients in this one Python
    process, their own work (and the interpreter lock they share) is most of what the
    full-client figure measures; on a real laptop that work is the laptop's own."""
    from mentor_desk.domain.ids import uuid7
    from mentor_desk.domain.vocabulary import SCHEMA_VERSION
    from mentor_desk.sync.account import account_of
    from mentor_desk.sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION, SCHEMA_HEADER

    devices = []
    for i in range(n):
        store, pid = small_device(tmp / f"light{i}", url, f"Device{i}")
        account = account_of(store)
        assert account is not None
        session = requests.Session()
        session.headers.update(
            {
                "Authorization": f"Bearer {account.token}",
                PROTOCOL_HEADER: str(PROTOCOL_VERSION),
                SCHEMA_HEADER: str(SCHEMA_VERSION),
            }
        )
        devices.append((session, account.device_id, str(pid), int(store.meta("sync_cursor") or 0)))
        store.close()
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    barrier = threading.Barrier(n)

    def device(i: int) -> None:
        nonlocal errors
        session, device_id, pid, cursor = devices[i]
        barrier.wait()
        pause = random.Random(i)
        for r in range(rounds):
            if spread:
                time.sleep(pause.uniform(0, spread))
            body = {
                "device_id": device_id,
                "protocol_version": PROTOCOL_VERSION,
                "schema_version": SCHEMA_VERSION,
                "mutations": [
                    {
                        "device_seq": r + 2,
                        "entity": "case_note",
                        "id": str(uuid7()),
                        "op": "upsert",
                        "base_version": 0,
                        "fields": {
                            "participant_id": pid,
                            "occurred_at": "2026-11-20T10:00:00Z",
                            "contact_kind": "phone",
                            "text": f"device {i} round {r}",
                        },
                        "field_versions": {},
                    }
                ],
            }
            start = time.perf_counter()
            ok = True
            try:
                answer = session.post(f"{url}/api/v1/sync/push", json=body, timeout=60)
                ok = answer.ok and answer.json()["results"][0]["status"] == "applied"
                more = True
                while ok and more:
                    page = session.get(
                        f"{url}/api/v1/sync/pull",
                        params={"cursor": cursor, "limit": 1000},
                        timeout=60,
                    )
                    ok = page.ok
                    if ok:
                        data = page.json()
                        cursor, more = int(data["next_cursor"]), bool(data["has_more"])
            except requests.RequestException:
                ok = False
            took = time.perf_counter() - start
            with lock:
                latencies.append(took)
                errors += 0 if ok else 1

    threads = [threading.Thread(target=device, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, errors


def report_devices(kind: str, n: int, spread: float, lat: list[float], errors: int) -> None:
    lat.sort()
    p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))] * 1000
    print(
        f"{n} concurrent devices ({kind}, spread {spread:g} s), {len(lat)} small syncs: "
        f"median {median_ms(lat):.0f} ms, p99 {p99:.0f} ms, errors {errors} "
        "(target p99 ≤ 250 ms, no errors)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="office")
    parser.add_argument("--database", default=None, help="server database URL")
    parser.add_argument("--devices", type=int, default=100)
    parser.add_argument(
        "--spread",
        type=float,
        default=0.0,
        help="devices start each small sync at a random time within this many seconds "
        "(0: all at once, the worst case)",
    )
    parser.add_argument(
        "--postgres", action="store_true", help="run the server on a throw-away PostgreSQL cluster"
    )
    parser.add_argument(
        "--skip-first-sync",
        action="store_true",
        help="only the no-op and concurrent-device figures",
    )
    parser.add_argument(
        "--reuse-upload",
        action="store_true",
        help="keep the SQLite server database after the (slow) upload in the benchmark cache "
        "and start from a copy of it next time (PostgreSQL: from its rows copied over)",
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="first syncs (each into a fresh laptop) to time"
    )
    parser.add_argument(
        "--no-devices", action="store_true", help="skip the concurrent-devices figure"
    )
    args = parser.parse_args()
    if args.postgres:
        from benchmarks.pg import cluster

        with cluster() as url:
            args.database = url
            run(args)
    else:
        run(args)


def run(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        url = args.database or f"sqlite:///{tmp / 'server.db'}"
        server = ServerProcess(database_url=url, log_path=tmp / "server.log")
        cached = CACHE / f"server-{args.size}.db"
        reuse = bool(args.reuse_upload and cached.exists() and cached.with_suffix(".json").exists())
        if reuse and url.startswith("sqlite"):  # a server that already holds the upload
            shutil.copyfile(cached, tmp / "server.db")
        elif reuse:  # PostgreSQL: the same rows, copied from the cached SQLite server
            start = time.perf_counter()
            copy_database(f"sqlite:///{cached}", url)
            print(f"server rows copied from {cached} in {time.perf_counter() - start:.1f} s")
        if reuse:
            server.users = json.loads(cached.with_suffix(".json").read_text())
        else:
            server.seed()
        server.start()
        try:
            backend = url.split(":")[0]
            print(f"server backend: {backend}")
            source = None
            if args.skip_first_sync:
                fresh = laptop(tmp / "fresh", server.url, "mentor_b")
                fresh.create(
                    "participant",
                    {
                        "reference": fresh.new_reference(),
                        "given_name": "No",
                        "family_name": "Op",
                        "status": "active",
                    },
                )
                sync(fresh)
            else:
                if not reuse:
                    source = upload(server, args.size, tmp)
                    if url.startswith("sqlite"):
                        keep_upload(tmp / "server.db", cached, server.users)
                else:
                    print(f"server store with the upload reused from {cached}")
                firsts, bases = [], []
                for n in range(args.repeat):  # interleaved: both see the same machine
                    if n:
                        fresh.close()
                    fresh = laptop(tmp / f"fresh{n}", server.url, "coordinator")
                    start = time.perf_counter()
                    report = sync(fresh)
                    firsts.append(time.perf_counter() - start)
                    bases.append(baseline(fresh, tmp))
                    print(
                        f"  run {n + 1}: first sync {firsts[-1]:.1f} s, baseline {bases[-1]:.1f} s"
                    )
                first, base = statistics.median(firsts), statistics.median(bases)
                print(
                    f"first sync of {report.pulled:,} changes: median {first:.1f} s; baseline "
                    f"(one JSON file + executemany): median {base:.1f} s → ratio "
                    f"{first / base:.2f}× (target ≤ 3×)"
                )
            samples = []
            for _ in range(50):
                t0 = time.perf_counter()
                sync(fresh)
                samples.append(time.perf_counter() - t0)
            print(
                f"no-op sync: median {median_ms(samples):.1f} ms, p95 {p95_ms(samples):.1f} ms "
                "(target p95 ≤ 50 ms)"
            )
            fresh.close()
            if source is not None:
                source.close()
            if args.no_devices:
                return
            lat, errors = protocol_devices(server.url, args.devices, 3, tmp, args.spread)
            report_devices("protocol only", args.devices, args.spread, lat, errors)
            lat, errors = concurrent_devices(server.url, args.devices, 3, tmp, args.spread)
            report_devices("full clients in this process", args.devices, args.spread, lat, errors)
        finally:
            server.stop()


def upload(server: ServerProcess, size: str, tmp: Path) -> Any:
    """A coordinator's laptop generates ``size`` records and pushes them all."""
    source = laptop(tmp / "source", server.url, "coordinator")
    mentors = [(server.users[m]["id"], m) for m in ("mentor_a", "mentor_a2")]
    start = time.perf_counter()
    counts = generate(source, size=size, mentors=mentors)
    took = time.perf_counter() - start
    print(f"generated {sum(counts.values()):,} records in {took:.1f} s")
    start = time.perf_counter()
    report = sync(source)
    print(
        f"upload (first push) of {report.pushed:,} changes: "
        f"{time.perf_counter() - start:.1f} s, rejected {report.rejected}"
    )
    return source


def copy_database(source: str, target: str) -> None:
    """Every row of a server database into a freshly migrated one (another backend)."""
    from sqlalchemy import Integer, insert, select, text

    import mentor_desk.server.sync_models  # noqa: F401 - its tables, in Base.metadata
    from mentor_desk.server.db import make_engine, migrate
    from mentor_desk.server.models import Base

    src, dst = make_engine(source), make_engine(target)
    migrate(dst)
    with src.connect() as read, dst.begin() as write:
        for table in Base.metadata.sorted_tables:
            if table.name == "alembic_version":
                continue
            write.execute(table.delete())
            rows = read.execute(select(table)).mappings()
            while batch := rows.fetchmany(5000):
                write.execute(insert(table), [dict(r) for r in batch])
            keys = list(table.primary_key.columns)
            if dst.dialect.name == "postgresql" and len(keys) == 1:
                key = keys[0]
                if isinstance(key.type, Integer) and key.autoincrement in (True, "auto"):
                    write.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', '{key.name}'),"
                            f" coalesce(max({key.name}), 0) + 1, false) FROM {table.name}"
                        )
                    )
    if dst.dialect.name == "postgresql":
        with dst.begin() as write:  # what autovacuum does soon after a bulk load anyway
            write.execute(text("ANALYZE"))
    src.dispose()
    dst.dispose()


def keep_upload(db: Path, cached: Path, users: dict[str, Any]) -> None:
    """Copy the server's SQLite database (consistently, while it runs) for --reuse-upload."""
    cached.parent.mkdir(parents=True, exist_ok=True)
    src, dst = sqlite3.connect(db), sqlite3.connect(cached)
    with dst:
        src.backup(dst)
    src.close()
    dst.close()
    cached.with_suffix(".json").write_text(json.dumps(users))


if __name__ == "__main__":
    main()
