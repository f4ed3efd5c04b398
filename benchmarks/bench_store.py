"""Store benchmarks: generate, unlock, save a note against a raw INSERT, full-text search.

Run: ``.venv/bin/python -m benchmarks.bench_store [--size office]``
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import tempfile
import time
from pathlib import Path

import sqlcipher3

from benchmarks.common import median_ms, p95_ms, sized_store, timed, unlock
from mentor_desk.store import Profile, Store


def bench_save_note(store: Store, n: int) -> tuple[list[float], list[float]]:
    """Saving a case note (validate + row + index + outbox, committed) vs one raw INSERT."""
    pid = store.list("participant", limit=1)[0]["id"]
    text = "Met at the café and talked about the housing application. " * 6

    def save() -> None:
        store.create(
            "case_note",
            {
                "participant_id": pid,
                "occurred_at": "2026-11-20T10:00:00Z",
                "contact_kind": "phone",
                "text": text,
            },
        )

    with tempfile.TemporaryDirectory() as tmp:
        raw = sqlcipher3.connect(str(Path(tmp) / "raw.db"), isolation_level=None)
        raw.execute(f"PRAGMA key = \"x'{os.urandom(32).hex()}'\"")
        raw.execute("PRAGMA journal_mode = WAL")
        raw.execute("PRAGMA synchronous = FULL")
        raw.execute(
            "CREATE TABLE note (id TEXT PRIMARY KEY, participant_id TEXT, at TEXT, "
            "kind TEXT, text TEXT)"
        )
        counter = iter(range(10**9))

        def raw_insert() -> None:
            raw.execute("BEGIN IMMEDIATE")
            raw.execute(
                "INSERT INTO note VALUES (?, ?, ?, ?, ?)",
                (str(next(counter)), pid, "2026-11-20T10:00:00Z", "phone", text),
            )
            raw.execute("COMMIT")

        base, ours = [], []
        for _ in range(n):  # interleave so both see the same machine noise
            base += timed(raw_insert, 1)
            ours += timed(save, 1)
        raw.close()
    return base, ours


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="office")
    args = parser.parse_args()
    profile, made = sized_store(args.size)
    if made:
        print(f"generate-demo --size {args.size}: {made:.1f} s")
    unlocks = timed(lambda: unlock(profile).close(), 5)
    print(f"unlock (Argon2id KDF + open + page check), median of 5: {median_ms(unlocks):.0f} ms")
    store = unlock(profile)
    print(
        f"records: {store.count('participant'):,} participants, {store.count('case_note'):,} notes"
    )
    # Saved into a copy, so the cached office store stays office size for every benchmark
    # (it grew by 2,000 notes a run before).
    with tempfile.TemporaryDirectory() as tmp:
        copy = Profile(Path(tmp) / "profile")
        shutil.copytree(profile.directory, copy.directory)
        scratch = unlock(copy)
        try:
            base, ours = bench_save_note(scratch, 2000)
        finally:
            scratch.close()
    print(
        f"save a case note: median {median_ms(ours):.2f} ms vs raw INSERT "
        f"{median_ms(base):.2f} ms → ratio {median_ms(ours) / median_ms(base):.2f}× "
        "(target ≤ 2×)"
    )
    rng = random.Random(1)
    words = [
        "housing",
        "football",
        "benefit",
        "probation",
        "job",
        "café",
        "hostel",
        "GP",
        "Patel",
        "Jones",
        "Kai",
        "recovery",
        "onions",
        "interview",
        "bank",
    ]
    samples = []
    for _ in range(200):
        query = " ".join(rng.sample(words, rng.randint(1, 2)))[: rng.randint(3, 12)]
        start = time.perf_counter()
        store.search_participant_ids(query)
        samples.append(time.perf_counter() - start)
    print(
        f"full-text search (participant ids) over all notes: median {median_ms(samples):.1f} ms,"
        f" p95 {p95_ms(samples):.1f} ms (target p95 ≤ 30 ms)"
    )
    samples = timed(lambda: store.search("housing"), 50)
    print(
        f"full-text search with snippets, top 200: median {median_ms(samples):.1f} ms, "
        f"p95 {p95_ms(samples):.1f} ms"
    )
    store.close()


if __name__ == "__main__":
    main()
