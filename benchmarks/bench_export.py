"""Export benchmarks: the action-plan PDF for a participant with 10 goals (target <= 1 s),
and every dashboard figure on a generated store.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.bench_export
[--size mentor|office] [--repeat 15]``

The baseline, measured in the same run, is a one-line QTextDocument printed to PDF: the
fixed cost of Qt's PDF writer that any plan pays.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from datetime import date, timedelta
from pathlib import Path

from benchmarks.common import median_ms, sized_store, timed, unlock

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", default="mentor", help="store size for the dashboard figures")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    from PySide6.QtGui import QGuiApplication

    from mentor_desk.demo_data import generate
    from mentor_desk.export.document import make_document, pdf_bytes
    from mentor_desk.export.plan_pdf import write_plan_pdf
    from mentor_desk.reports import all_figures
    from mentor_desk.store import KdfParams, Profile

    app = QGuiApplication.instance() or QGuiApplication([])
    today = date.today()
    with tempfile.TemporaryDirectory() as tmp:
        store = Profile(Path(tmp) / "p").create("bench", kdf=KdfParams.fast_for_tests())
        generate(store, size="tiny", seed=1)
        pid = store.create(
            "participant",
            {"reference": "B-1", "given_name": "Ten", "family_name": "Goals", "status": "active"},
        )["id"]
        services = store.list("service")
        for g in range(10):
            goal = store.create(
                "goal",
                {
                    "participant_id": pid,
                    "pathway": "ete",
                    "goal_text": f"Goal {g}: get a job on a building site and keep it going",
                    "why_it_matters": "So I can look after my kids and stand on my own feet.",
                    "target_date": (today + timedelta(days=30 + g)).isoformat(),
                    "status": "in_progress",
                    "position": g,
                },
            )
            for s in range(3):
                store.create(
                    "goal_step",
                    {
                        "participant_id": pid,
                        "goal_id": goal["id"],
                        "position": s,
                        "what": f"Step {s}: ring the council and ask about the form",
                        "who": "participant",
                        "due_date": (today + timedelta(days=s + 1)).isoformat(),
                    },
                )
        for service in services[:5]:
            store.create(
                "referral",
                {
                    "participant_id": pid,
                    "service_id": service["id"],
                    "referred_on": today.isoformat(),
                    "kind": "signposted",
                    "status": "made",
                },
            )
        out = Path(tmp) / "plan.pdf"

        def plan() -> None:
            out.unlink(missing_ok=True)
            write_plan_pdf(store, pid, out, partnership="Bench", mentor_contact="07700 900 000")

        def baseline() -> None:
            pdf_bytes(make_document("<p>Hello</p>", title="x", point_size=12), title="x")

        plan()  # fonts registered, caches warm
        plan_s = timed(plan, args.repeat)
        base_s = timed(baseline, args.repeat)
        store.close()
    print(f"plan PDF, 10 goals: median {median_ms(plan_s):.0f} ms (target <= 1000 ms)")
    print(f"baseline one-line PDF: median {median_ms(base_s):.0f} ms")
    print(f"ratio: {median_ms(plan_s) / max(median_ms(base_s), 0.001):.1f}x")

    profile, made = sized_store(args.size)
    store = unlock(profile)
    try:
        dash_s = timed(lambda: all_figures(store), max(3, args.repeat // 3))
        count_s = timed(lambda: store.count("case_note"), max(3, args.repeat // 3))
    finally:
        store.close()
    print(
        f"dashboard figures ({args.size} store): median {median_ms(dash_s):.0f} ms;"
        f" baseline count(*) of notes {median_ms(count_s):.1f} ms"
        + (f" (store generated in {made:.0f} s)" if made else "")
    )
    del app


if __name__ == "__main__":
    main()
