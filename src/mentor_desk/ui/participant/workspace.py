"""A participant's workspace: the always-visible header and the tabs of their record.

The header shows name, reference, status and — in a red banner — the safety flags, on every
tab. Overview holds the editable profile, what is due and recent activity; Notes is
:mod:`mentor_desk.ui.participant.notes`; the record tabs (release day to history) are
:mod:`mentor_desk.ui.forms`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mentor_desk.store.caseload import CaseloadRow, caseload, display_name
from mentor_desk.store.records import Record, Store
from mentor_desk.store.role import acting_role
from mentor_desk.ui.forms.data import FormsData
from mentor_desk.ui.forms.tabs import WorkspaceForms
from mentor_desk.ui.participant.notes import NotesTab
from mentor_desk.ui.participant.profile_form import ParticipantForm, locks_coordinator_fields
from mentor_desk.ui.shell import shortcuts
from mentor_desk.ui.shell.drafts import PROFILE_DRAFT_KIND
from mentor_desk.ui.shell.i18n import translate
from mentor_desk.ui.shell.tasks import TaskRunner
from mentor_desk.ui.shell.widgets import day, label, local_time, named, plain, set_error


@dataclass
class ParticipantData:
    """Everything the workspace shows, read in one operation on the worker."""

    record: Record
    row: CaseloadRow | None
    notes: list[Record]
    amendments: dict[str, list[Record]] = field(default_factory=dict)
    overdue_steps: list[Record] = field(default_factory=list)
    follow_ups: list[Record] = field(default_factory=list)
    user_role: str | None = None


def load_participant(store: Store, participant_id: str) -> ParticipantData | None:
    record = store.get("participant", participant_id)
    if record is None:
        return None
    rows = caseload(store, participant_id=participant_id)
    notes = store.list("case_note", participant_id=participant_id, order_by=["-occurred_at"])
    amendments: dict[str, list[Record]] = {}
    for a in store.list("note_amendment", participant_id=participant_id, order_by=["created_at"]):
        amendments.setdefault(a["note_id"], []).append(a)
    today = date.today().isoformat()
    steps = [
        s
        for s in store.list("goal_step", participant_id=participant_id, order_by=["due_date"])
        if not s.get("done") and s.get("due_date") and s["due_date"] < today
    ]
    follow = [
        r
        for r in store.list("referral", participant_id=participant_id, order_by=["follow_up_on"])
        if r["status"] in ("suggested", "made", "accepted")
        and r.get("follow_up_on")
        and r["follow_up_on"] <= today
    ]
    row = rows[0] if rows else None
    role = acting_role(store)
    return ParticipantData(record, row, notes, amendments, steps, follow, role)


class Header(QWidget):
    """Name, reference and status, and the safety flags as a red banner."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 4)
        row = QHBoxLayout()
        self.name = label("", "title")
        self.facts = label("", "subtitle")
        row.addWidget(self.name)
        row.addSpacing(12)
        row.addWidget(self.facts, 1)
        # its menu is set by ``export_actions.ExportActions`` (plan, sheet, summary, ZIP)
        # A push button with a menu: the style keeps room for its arrow after the text.
        export = translate("Workspace", "Export or print")
        self.export_button = named(QPushButton(export), export)
        row.addWidget(self.export_button)
        layout.addLayout(row)
        self.banner = label("", "banner", wrap=True)
        self.banner.hide()
        layout.addWidget(self.banner)

    def show_record(self, record: Record) -> None:
        self.name.setText(
            display_name(
                record.get("given_name"), record.get("family_name"), record.get("preferred_name")
            )
        )
        pronouns = f" · {record['pronouns']}" if record.get("pronouns") else ""
        self.facts.setText(f"{record['reference']} · {plain(record['status'])}{pronouns}")
        flags = record.get("safety_flags") or []
        self.banner.setText(
            translate("Workspace", "⚠ Safety: {flags}").format(flags=" · ".join(flags))
            if flags
            else ""
        )
        self.banner.setAccessibleName(self.banner.text())
        self.banner.setVisible(bool(flags))


class Overview(QWidget):
    """The editable profile beside what is due and recent activity.

    Signals:
        saved(): the profile was saved.
    """

    saved = Signal()

    def __init__(self, runner: TaskRunner, autosave_ms: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._record: Record | None = None
        self._pending_draft: dict[str, Any] | None = None
        self._newer: ParticipantData | None = None  # loaded while there were unsaved edits
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(autosave_ms)
        self._timer.timeout.connect(self.flush_draft)
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        self.form = ParticipantForm()
        scroll = named(QScrollArea(), translate("Workspace", "Profile"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        left.addWidget(scroll, 1)
        bottom = QHBoxLayout()
        self.error = label("", "error", wrap=True)
        self.error.hide()
        self.saved_hint = label("", "hint")
        self.save_button = named(
            QPushButton(translate("Workspace", "Save profile")),
            translate("Workspace", "Save profile"),
        )
        self.save_button.setToolTip(translate("Workspace", "Save changes to the profile (Ctrl+S)"))
        self.save_button.setEnabled(False)
        self.undo_button = named(
            QPushButton(translate("Workspace", "Undo changes")),
            translate("Workspace", "Undo profile changes"),
        )
        self.undo_button.setEnabled(False)
        bottom.addWidget(self.saved_hint, 1)
        bottom.addWidget(self.undo_button)
        bottom.addWidget(self.save_button)
        left.addWidget(self.error)
        left.addLayout(bottom)
        layout.addLayout(left, 3)
        right = QVBoxLayout()
        right.addWidget(label(translate("Workspace", "What is due"), "subtitle"))
        self.due = label("", "", wrap=True)
        self.due.setAlignment(Qt.AlignmentFlag.AlignTop)
        right.addWidget(self.due)
        right.addSpacing(12)
        right.addWidget(label(translate("Workspace", "Recent activity"), "subtitle"))
        self.recent = label("", "", wrap=True)
        self.recent.setAlignment(Qt.AlignmentFlag.AlignTop)
        right.addWidget(self.recent)
        right.addStretch(1)
        layout.addLayout(right, 2)
        self.form.changed.connect(self._changed)
        self.save_button.clicked.connect(self.save)
        self.undo_button.clicked.connect(self.undo)

    def show_data(self, data: ParticipantData) -> None:
        if self.dirty:  # keep the typing; "Undo changes" shows this newer copy
            self._newer = data
        else:
            self._newer = None
            self._record = data.record
            self.form.set_values(data.record)
            self._set_dirty(False)
            if self._pending_draft is not None:
                self._apply_draft(self._pending_draft)
                self._pending_draft = None
        self.due.setText(_due_text(data))
        recent = [
            f"• {local_time(n['occurred_at'])} — {plain(n['contact_kind'])}" for n in data.notes[:5]
        ]
        self.recent.setText("\n".join(recent) or translate("Workspace", "No notes yet."))

    def _set_dirty(self, dirty: bool) -> None:
        self.save_button.setEnabled(dirty)
        self.undo_button.setEnabled(dirty)

    def _changed(self) -> None:
        self._set_dirty(True)
        self.saved_hint.setText(translate("Workspace", "Unsaved changes"))
        self._timer.start()

    @property
    def dirty(self) -> bool:
        return self.save_button.isEnabled()

    def _draft_key(self) -> str:
        assert self._record is not None
        return f"{PROFILE_DRAFT_KIND}:{self._record['id']}"

    def flush_draft(self) -> None:
        """Keep unsaved profile changes as an encrypted draft (timer, lock, close)."""
        self._timer.stop()
        if self._record is None or not self.dirty:
            return
        key, pid, body = self._draft_key(), self._record["id"], self.form.values()
        self._runner.run(lambda store: store.save_draft(key, PROFILE_DRAFT_KIND, body, pid))

    def restore_draft(self, body: dict[str, Any]) -> None:
        """Put recovered changes back in the form (after the record has loaded)."""
        if self._record is None:
            self._pending_draft = body
        else:
            self._apply_draft(body)

    def _apply_draft(self, body: dict[str, Any]) -> None:
        assert self._record is not None
        self.form.set_values({**self._record, **body, "reference": self._record["reference"]})
        self.form.show_all_errors()
        self._changed()
        self.saved_hint.setText(translate("Workspace", "Recovered changes, not saved yet"))

    def undo(self) -> None:
        if self._record is None:
            return
        self._timer.stop()
        key = self._draft_key()
        self._set_dirty(False)
        if self._newer is not None:
            self.show_data(self._newer)
        else:
            self.form.set_values(self._record)
        self.saved_hint.setText("")
        self._runner.run(lambda store: store.delete_draft(key))

    def save(self) -> None:
        if self._record is None:
            return
        self.form.show_all_errors()
        if not self.form.valid:
            return
        pid, key = self._record["id"], self._draft_key()
        # Only what was edited here is sent: a field another laptop changed meanwhile (pulled
        # while this form had unsaved edits) keeps its new value, and a locked field is never
        # sent back: a stale copy of it would be a conflict (SYNC.md).
        base = self._record
        changes: dict[str, Any] = {
            k: v
            for k, v in self.form.values().items()
            if k != "reference" and not self.form.is_owned_locked(k) and v != (base.get(k) or None)
        }
        self._timer.stop()
        self._set_dirty(False)

        def op(store: Store) -> None:
            if changes:
                store.update("participant", pid, changes)
            store.delete_draft(key)

        self._runner.run(
            op,
            lambda _r: self._saved(),
            self._failed,
            writes=True,
            owner=self,
        )

    def _saved(self) -> None:
        set_error(self.error, "")
        self.saved_hint.setText(translate("Workspace", "Saved"))
        self.saved.emit()

    def _failed(self, message: str, _e: BaseException) -> None:
        self._set_dirty(True)
        set_error(self.error, message)


def _day(iso: str) -> str:
    try:
        return day(date.fromisoformat(iso))
    except ValueError:
        return iso


def _due_text(data: ParticipantData) -> str:
    lines = []
    row = data.row
    if row and row.next_contact_due:
        next_text = (
            translate("Workspace", "Next contact: {when} (overdue)")
            if row.next_contact_due < date.today()
            else translate("Workspace", "Next contact: {when}")
        )
        lines.append(next_text.format(when=day(row.next_contact_due)))
    if row:
        seen = (
            translate("Workspace", "never") if row.last_contact is None else day(row.last_contact)
        )
        lines.append(translate("Workspace", "Last contact: {when}").format(when=seen))
    lines += [
        translate("Workspace", "Step due {when}: {step}").format(
            when=_day(s["due_date"]), step=s["what"]
        )
        for s in data.overdue_steps
    ]
    lines += [
        translate("Workspace", "Follow up the referral made {when}").format(
            when=_day(r["referred_on"])
        )
        for r in data.follow_ups
    ]
    if row and row.risk_review_due(date.today()):
        lines.append(
            translate("RiskAssessment", "Risk assessment review due {when}").format(
                when=day(row.risk_review_on)
            )
        )
    return "\n".join(f"• {line}" for line in lines) or translate("Workspace", "Nothing is due.")


class ParticipantWorkspace(QWidget):
    """One participant's record, as a tab of the main window.

    Signals:
        loaded(str): the data arrived; the display name (used as the tab title).
        changed(): something of this participant was saved.
        missing(): the participant no longer exists.
    """

    loaded = Signal(str)
    changed = Signal()
    missing = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        participant_id: str,
        autosave_ms: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self.participant_id = participant_id
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = Header()
        layout.addWidget(self.header)
        self.forms = WorkspaceForms(runner, participant_id, self)
        layout.addWidget(self.forms.closed_bar)
        parts = translate("Workspace", "Parts of the record")
        self.tabs = named(QTabWidget(), parts)
        named(self.tabs.tabBar(), parts)
        self.overview = Overview(runner, autosave_ms)
        self.notes = NotesTab(runner, participant_id, autosave_ms)
        self.tabs.addTab(self.overview, shortcuts.tab("overview"))
        self.tabs.addTab(self.notes, shortcuts.tab("notes"))
        for title, tab in self.forms.pages():
            self.tabs.addTab(tab, title)
        layout.addWidget(self.tabs, 1)
        self.overview.saved.connect(self._saved)
        self.notes.changed.connect(self._saved)
        self.forms.changed.connect(self._saved)
        self.forms.loaded.connect(self._lock_if_closed)

    def reload(self) -> None:
        """Read everything again (after a save here, or a sync that pulled changes).

        Unsaved typing is kept: a form with unsaved edits (profile, release day,
        assessment) is not refilled, and the note editor and drafts are never touched.
        """
        pid = self.participant_id
        self._runner.run(lambda store: load_participant(store, pid), self._show, owner=self)
        self.forms.reload(self)

    def _lock_if_closed(self, data: FormsData) -> None:
        """A closed participant's profile and notes are read-only until reopened."""
        self.overview.form.set_read_only(data.closed)
        self.notes.new_button.setEnabled(not data.closed)

    def _show(self, data: ParticipantData | None) -> None:
        if data is None:
            self.missing.emit()
            return
        self.header.show_record(data.record)
        self.overview.form.set_coordinator_locked(locks_coordinator_fields(data.user_role))
        self.overview.show_data(data)  # keeps unsaved typing
        self.notes.set_notes(data.notes, data.amendments)
        self.loaded.emit(self.header.name.text())

    def _saved(self) -> None:
        self.changed.emit()
        self.reload()

    def show_notes(self) -> None:
        self.tabs.setCurrentWidget(self.notes)

    def new_note(self) -> None:
        self.show_notes()
        if self.forms.data is not None and self.forms.data.closed:
            return  # read-only until support is reopened
        self.notes.new_note()

    def save(self) -> None:
        """Ctrl+S: save what the current tab is editing."""
        if self.tabs.currentWidget() is self.notes and self.notes.save():
            return
        if self.tabs.currentWidget() is self.overview:
            self.overview.save()
        for _title, tab in self.forms.pages():
            if self.tabs.currentWidget() is tab:
                tab.save()

    def flush_drafts(self) -> None:
        self.notes.flush_draft()
        self.overview.flush_draft()
        release_day = self.forms.release_day
        if release_day.dirty and not release_day.read_only:
            release_day.save()  # as release-day mode does when it closes
