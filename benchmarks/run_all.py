"""Run every benchmark in turn (``make bench``). Each prints its figures against a baseline
measured in the same run; copy them into docs/benchmarks.md with the date and machine."""

from __future__ import annotations

import runpy
import sys

BENCHES = [
    "benchmarks.bench_store",
    "benchmarks.bench_startup",
    "benchmarks.bench_export",
    "benchmarks.bench_sync",
]


def main() -> None:
    size = sys.argv[1] if len(sys.argv) > 1 else "office"
    for name in BENCHES:
        print(f"\n== {name} ==", flush=True)
        sys.argv = [name, "--size", size]
        if name == "benchmarks.bench_sync":  # the slow upload once, then its cached result
            sys.argv.append("--reuse-upload")
        runpy.run_module(name, run_name="__main__")


if __name__ == "__main__":
    main()
