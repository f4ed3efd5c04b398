"""A joined mentor sees the coordinator-owned profile fields greyed and locked."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from mentor_desk.ui.participant.profile_form import OWNED_HINT
from mentor_desk.ui.participant.workspace import ParticipantWorkspace
from tests.helpers.ui import TIMEOUT, wait_idle
from tests.ui.forms.helpers import participant, query

OWNED = ("safety_flags", "assigned_mentor_name")


def _as(qtbot: QtBot, services: Any, ws: ParticipantWorkspace, role: str | None) -> None:
    query(qtbot, services, lambda s: s.set_meta("user_role", role))
    ws.reload()
    wait_idle(qtbot, services)


def _locked(ws: ParticipantWorkspace, name: str) -> bool:
    editor = ws.overview.form.editors[name]
    assert isinstance(editor, QLineEdit | QPlainTextEdit)
    return editor.isReadOnly()


def test_coordinator_owned_fields_are_read_only_for_a_joined_mentor_only(
    qtbot: QtBot, make_app: Any
) -> None:
    services, ws = participant(qtbot, make_app)
    form = ws.overview.form
    assert set(form.owned_hints) == set(OWNED)
    # a local-only profile (no user_role) is its own coordinator: it can edit them
    _as(qtbot, services, ws, None)
    qtbot.waitUntil(lambda: not _locked(ws, "safety_flags"), timeout=TIMEOUT)
    assert not any(_locked(ws, n) for n in OWNED)
    assert not any(h.isVisibleTo(form) for h in form.owned_hints.values())

    _as(qtbot, services, ws, "mentor")
    qtbot.waitUntil(lambda: _locked(ws, "safety_flags"), timeout=TIMEOUT)
    flags = form.editors["safety_flags"]
    assert isinstance(flags, QPlainTextEdit)
    for name in OWNED:
        assert _locked(ws, name)
        editor = form.editors[name]
        assert editor.isVisibleTo(form) and editor.property("locked") is True
        assert form.owned_hints[name].isVisibleTo(form)
        assert form.owned_hints[name].text() == OWNED_HINT
        assert editor.accessibleDescription() == OWNED_HINT
    assert not _locked(ws, "phone")  # everything else stays editable
    qtbot.keyClicks(flags, "meet in public places only")
    assert flags.toPlainText() == ""
    assert not ws.overview.dirty

    # the mentor's own edits still save, and never carry a stale copy of the locked fields
    phone = form.editors["phone"]
    assert isinstance(phone, QLineEdit)
    qtbot.keyClicks(phone, "07700 900123")
    assert ws.overview.dirty
    newer = {"safety_flags": ["two workers at visits"]}  # e.g. pulled while the form was open
    query(qtbot, services, lambda s: s.update("participant", ws.participant_id, newer))
    ws.overview.save()
    wait_idle(qtbot, services)
    record = query(qtbot, services, lambda s: s.get("participant", ws.participant_id))
    assert record["phone"] == "07700 900123"
    assert record["safety_flags"] == ["two workers at visits"]

    _as(qtbot, services, ws, "coordinator")
    qtbot.waitUntil(lambda: not _locked(ws, "safety_flags"), timeout=TIMEOUT)
    assert not any(h.isVisibleTo(form) for h in form.owned_hints.values())
    flags.clear()
    qtbot.keyClicks(flags, "meet in public places only")
    assert flags.toPlainText() == "meet in public places only"


def test_reopening_a_closed_profile_keeps_the_owned_fields_locked_for_a_mentor(
    qtbot: QtBot, make_app: Any
) -> None:
    services, ws = participant(qtbot, make_app)
    _as(qtbot, services, ws, "mentor")
    form = ws.overview.form
    form.set_read_only(True)
    assert all(_locked(ws, n) for n in ("phone", *OWNED))
    form.set_read_only(False)  # reopening unlocks the mentor's fields, not the owned ones
    assert not _locked(ws, "phone")
    assert all(_locked(ws, n) for n in OWNED)
    assert _locked(ws, "reference")
