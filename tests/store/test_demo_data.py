from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from mentor_desk.demo_data import generate
from mentor_desk.domain.validation import validate
from mentor_desk.store import Profile, Store
from mentor_desk.store.caseload import caseload


def test_generator_makes_valid_linked_records(store: Store) -> None:
    counts = generate(store, size="tiny", seed=3)
    assert counts["participant"] == 5 and counts["case_note"] >= 5
    for name, n in counts.items():
        assert store.count(name) == n
    for rec in store.list("goal_step"):
        goal = store.get("goal", rec["goal_id"])
        assert goal is not None and goal["participant_id"] == rec["participant_id"]
    note = store.list("case_note", limit=1)[0]
    assert (
        validate(
            "case_note",
            {k: note[k] for k in ("participant_id", "occurred_at", "contact_kind", "text")},
        )
        == []
    )
    assert store.outbox_count() == sum(counts.values())
    # searchable as generated: nothing left queued for the first search to index
    assert store.conn.execute("SELECT count(*) AS n FROM search_pending").fetchone()["n"] == 0
    indexed = store.conn.execute("SELECT count(*) AS n FROM search_index").fetchone()["n"]
    assert indexed >= counts["participant"] + counts["case_note"]


def test_same_seed_same_people(store: Store, tmp_path: Path, kdf: object) -> None:
    generate(store, size="tiny", seed=11)
    other = Profile(tmp_path / "other").create("x", kdf=kdf)  # type: ignore[arg-type]
    generate(other, size="tiny", seed=11)
    names = [
        (p["given_name"], p["family_name"])
        for p in store.list("participant", order_by=["created_at"])
    ]
    assert names == [
        (p["given_name"], p["family_name"])
        for p in other.list("participant", order_by=["created_at"])
    ]
    other.close()


def test_generate_demo_command_prints_counts(tmp_path: Path) -> None:
    env = {**os.environ, "MENTOR_DESK_PASSPHRASE": "demo pass"}
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "mentor_desk.cli",
            "generate-demo",
            "--size",
            "tiny",
            "--profile-dir",
            str(tmp_path / "p"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert "participant: 5" in out.stdout.replace("  ", " ")
    assert "total:" in out.stdout
    store = Profile(tmp_path / "p").unlock("demo pass")
    assert store.count("participant") == 5
    store.close()


def test_generate_demo_without_passphrase_fails_cleanly(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "MENTOR_DESK_PASSPHRASE"}
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "mentor_desk.cli",
            "generate-demo",
            "--profile-dir",
            str(tmp_path / "p"),
        ],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode != 0 and "MENTOR_DESK_PASSPHRASE" in out.stderr
    assert not (tmp_path / "p").exists()


def test_wrong_passphrase_on_existing_profile_is_a_clear_cli_error(tmp_path: Path) -> None:
    env = {**os.environ, "MENTOR_DESK_PASSPHRASE": "right"}
    cmd = [
        sys.executable,
        "-m",
        "mentor_desk.cli",
        "generate-demo",
        "--size",
        "tiny",
        "--profile-dir",
        str(tmp_path / "p"),
    ]
    subprocess.run(cmd, env=env, capture_output=True, timeout=120, check=True)
    env["MENTOR_DESK_PASSPHRASE"] = "wrong"
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and "passphrase is not right" in out.stderr
    assert "Traceback" not in out.stderr


def test_demo_notes_read_right_for_their_contact_kind(store: Store) -> None:
    """Issue 12.15: no "Met at by phone", no failed attempt that describes a meeting."""
    generate(store, size="tiny", seed=5)
    notes = store.list("case_note")
    kinds = {n["contact_kind"] for n in notes}
    assert {"attempted", "phone", "face_to_face"} <= kinds
    for note in notes:
        text, kind = note["text"], note["contact_kind"]
        assert "Met at by" not in text and "  " not in text
        if kind == "attempted":
            assert not text.startswith(("Met", "Spoke", "Video")) and "Talked about" not in text
        if kind in ("phone", "video", "text_message", "attempted"):
            assert not note.get("place")
        if kind == "face_to_face":
            assert text.startswith(f"Met at {note['place']}.")


def test_demo_people_have_risk_assessments(store: Store) -> None:
    """`make demo` shows the risk assessment, and its review date reaches the caseload."""
    generate(store, size="tiny", seed=3)
    risks = store.list("risk_assessment")
    assert risks
    for risk in risks:
        assert set(risk.get("flags_shared") or []) <= set(risk.get("flags") or [])
        assert risk["assessed_by"] and risk["review_on"]
    reviewed = {r.participant_id for r in caseload(store) if r.risk_review_on is not None}
    assert reviewed == {r["participant_id"] for r in risks}
