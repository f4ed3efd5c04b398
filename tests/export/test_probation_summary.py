"""The probation summary: consent first, the period respected, nothing private."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from mentor_desk.export import log
from mentor_desk.export.probation_summary import (
    ConsentMissing,
    probation_consent,
    write_probation_summary_pdf,
)
from mentor_desk.store import Store
from tests.export.conftest import Planted, pdf_text

TODAY = date.today()
PERIOD = {"start": TODAY - timedelta(days=30), "end": TODAY + timedelta(days=1)}


def _consent(store: Store, pid: str, **kw: object) -> None:
    values = {
        "participant_id": pid,
        "consent_version": 1,
        "share_with_server": True,
        "share_with_probation": True,
        "privacy_notice_version": "2026-01",
        "given_on": TODAY.isoformat(),
    }
    values.update(kw)
    store.create("consent", values)


def test_refuses_without_consent_and_writes_nothing(
    qapp: QApplication, store: Store, planted: Planted, tmp_path: Path
) -> None:
    out = tmp_path / "summary.pdf"
    with pytest.raises(ConsentMissing, match="no consent record"):
        write_probation_summary_pdf(store, planted.pid, out, **PERIOD)
    assert not out.exists() and not (tmp_path / "summary.pdf.part").exists()
    assert log.entries(store) == []


def test_refuses_when_latest_consent_withdrawn_or_does_not_cover_probation(
    store: Store, planted: Planted
) -> None:
    _consent(store, planted.pid)
    assert probation_consent(store, planted.pid) == (True, "")
    _consent(store, planted.pid, consent_version=2, share_with_probation=False)
    ok, why = probation_consent(store, planted.pid)
    assert not ok and "does not cover" in why
    _consent(store, planted.pid, consent_version=3, withdrawn_on=TODAY.isoformat())
    ok, why = probation_consent(store, planted.pid)
    assert not ok and "withdrawn" in why


def test_with_consent_shows_progress_but_nothing_private(
    qapp: QApplication, store: Store, planted: Planted, tmp_path: Path
) -> None:
    _consent(store, planted.pid)
    out = tmp_path / "summary.pdf"
    write_probation_summary_pdf(store, planted.pid, out, **PERIOD)
    text = pdf_text(out)
    assert "TST-2026-0001" in text and "Zebedee-Marker" in text
    for goal in planted.goal_texts:
        assert goal in text
    assert planted.service_names[0] in text and "OUTCOME-MARKER" in text  # outcomes belong
    assert "45" in text  # minutes active at the session
    assert "Office for National Statistics" in text
    for what in ("case note", "note place", "amendment", "safety flag", "immediate risks"):
        assert planted.forbidden[what] not in text, f"the summary shows the {what}"
    for what in ("goal review", "attendance concern", "other participant"):
        assert planted.forbidden[what] not in text, f"the summary shows the {what}"
    [row] = log.entries(store)
    assert row["kind"] == "probation_summary" and row["override_reason"] is None


def test_coordinator_override_is_shown_and_logged(
    qapp: QApplication, store: Store, planted: Planted, tmp_path: Path
) -> None:
    out = tmp_path / "summary.pdf"
    reason = "Court ordered disclosure, ref 123"
    write_probation_summary_pdf(store, planted.pid, out, override_reason=reason, **PERIOD)
    assert "without the participant's consent" in pdf_text(out)
    [row] = log.entries(store, participant_id=planted.pid)
    assert row["override_reason"] == reason
    with pytest.raises(ConsentMissing):
        write_probation_summary_pdf(store, planted.pid, out, override_reason="  ", **PERIOD)


def test_period_excludes_records_outside_it(
    qapp: QApplication, store: Store, planted: Planted, tmp_path: Path
) -> None:
    _consent(store, planted.pid)
    out = tmp_path / "summary.pdf"
    early = {"start": TODAY - timedelta(days=400), "end": TODAY - timedelta(days=300)}
    write_probation_summary_pdf(store, planted.pid, out, **early)
    text = pdf_text(out)
    assert planted.service_names[0] not in text
    assert "None in this period" in text
