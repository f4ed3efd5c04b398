"""Helpers for the benchmarks: timing with medians and percentiles, and a cached store.

Figures are always reported next to a baseline measured in the same run (QUALITY.md): the
machines are shared and noisy, so ratios mean more than seconds.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from mentor_desk.demo_data import generate
from mentor_desk.store import Profile, Store

PASSPHRASE = "benchmark passphrase"
CACHE = Path(os.environ.get("MENTOR_DESK_BENCH_DIR", "/tmp/mentor-desk-bench"))


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    """Wall-clock seconds of ``repeat`` calls of ``fn``."""
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def p95_ms(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000


def sized_store(size: str) -> tuple[Profile, float]:
    """A generated store of ``size``, made once and reused; returns (profile, seconds to make)."""
    profile = Profile(CACHE / size)
    if profile.exists():
        return profile, 0.0
    start = time.perf_counter()
    store = profile.create(PASSPHRASE)
    generate(store, size=size)
    store.close()
    return profile, time.perf_counter() - start


def unlock(profile: Profile) -> Store:
    return profile.unlock(PASSPHRASE)
