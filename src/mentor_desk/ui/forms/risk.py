"""The lone-working risk assessment: a list of a person's assessments and the editor beside it.

An assessment says what the risks are to the mentor and to others, where meetings may take
place, whether to meet in pairs, what to avoid, when to review it, and which safety flags it
raises — and of those, which session leaders of partner organisations may see (they must be
among the flags it raises; otherwise a plain message says so and nothing is saved).

"Meet in pairs only" and "Review by" are coordinator-owned: a mentor fills them on a new
assessment, only a coordinator changes them afterwards (a joined mentor's stale copy would be
a conflict, so they are never sent back). Saving offers to add the flags to the person's
record (``safety_flags`` and ``shared_safety_flags``, coordinator-owned too): done when this
profile acts as a coordinator (or is local-only), otherwise the mentor is told to ask their
coordinator and nothing changes. The latest assessment's review date is a due item on the
caseload, and release day reminds the mentor of it (:func:`reminder_text`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mentor_desk.domain.validation import FieldError
from mentor_desk.export.common import short_date
from mentor_desk.store.records import Record, Store
from mentor_desk.ui.forms.base import RecordTab
from mentor_desk.ui.forms.common import FieldForm
from mentor_desk.ui.forms.data import FormsData, today_iso
from mentor_desk.ui.forms.records import RecordTableModel, button, record_table, selected
from mentor_desk.ui.shell.i18n import QT_TRANSLATE_NOOP, translate
from mentor_desk.ui.shell.tasks import TaskRunner
from mentor_desk.ui.shell.widgets import label, named, set_error

CONTEXT = "RiskAssessment"
FIELDS = (
    "assessed_on",
    "assessed_by",
    "risks_to_mentor",
    "risks_to_others",
    "triggers",
    "meeting_places",
    "meet_in_pairs",
    "review_on",
    "flags",
    "flags_shared",
)
#: The fields only a coordinator changes once the assessment is saved.
OWNED = ("meet_in_pairs", "review_on")
LABELS = {
    "assessed_on": QT_TRANSLATE_NOOP("RiskAssessment", "Date"),
    "assessed_by": QT_TRANSLATE_NOOP("RiskAssessment", "Assessed by"),
    "risks_to_mentor": QT_TRANSLATE_NOOP("RiskAssessment", "Risks to the mentor"),
    "risks_to_others": QT_TRANSLATE_NOOP("RiskAssessment", "Risks to others"),
    "triggers": QT_TRANSLATE_NOOP("RiskAssessment", "Triggers to avoid"),
    "meeting_places": QT_TRANSLATE_NOOP("RiskAssessment", "Where meetings may take place"),
    "meet_in_pairs": QT_TRANSLATE_NOOP("RiskAssessment", "Meet in pairs only"),
    "review_on": QT_TRANSLATE_NOOP("RiskAssessment", "Review by"),
    # one flag per line: the form's placeholder says so
    "flags": QT_TRANSLATE_NOOP("RiskAssessment", "Safety flags it raises"),
    "flags_shared": QT_TRANSLATE_NOOP("RiskAssessment", "Of those, session leaders may see"),
}


def _tr(text: str) -> str:
    return translate(CONTEXT, text)


def shared_rule(values: Mapping[str, Any]) -> list[FieldError]:
    """Session leaders may only see flags the assessment raises."""
    raised = set(values.get("flags") or [])
    stray = [f for f in values.get("flags_shared") or [] if f not in raised]
    if not stray:
        return []
    return [
        FieldError(
            "flags_shared",
            _tr("holds flags that are not among the flags it raises: {flags}").format(
                flags="; ".join(stray)
            ),
        )
    ]


def flags_to_add(person: Record, assessment: Record) -> tuple[list[str], list[str]]:
    """The assessment's flags (and its shared flags) that the person's record lacks."""
    have = set(person.get("safety_flags") or [])
    shared = set(person.get("shared_safety_flags") or [])
    return (
        [f for f in assessment.get("flags") or [] if f not in have],
        [f for f in assessment.get("flags_shared") or [] if f not in shared],
    )


def add_flags(
    store: Store, participant_id: str, flags: Sequence[str], shared: Sequence[str]
) -> None:
    """Add the flags to the person's record as it is now (another change may have landed)."""
    person = store.get("participant", participant_id)
    if person is None:
        return
    # a shared flag is a safety flag too; dict.fromkeys keeps the order and drops repeats
    all_flags = [*(person.get("safety_flags") or []), *flags, *shared]
    all_shared = [*(person.get("shared_safety_flags") or []), *shared]
    store.update(
        "participant",
        participant_id,
        {
            "safety_flags": list(dict.fromkeys(all_flags)),
            "shared_safety_flags": list(dict.fromkeys(all_shared)),
        },
    )


def reminder_text(assessments: Sequence[Record], today: date | None = None) -> str:
    """What release day says about the latest assessment, or that there is none."""
    if not assessments:
        return _tr("No risk assessment yet — make one before you meet.")
    latest = assessments[0]
    today = today or date.today()
    parts = []
    if latest.get("meet_in_pairs"):
        parts.append(_tr("meet in pairs"))
    review = latest.get("review_on")
    if review and review < today.isoformat():
        parts.append(_tr("review overdue since {date}").format(date=short_date(review)))
    elif review:
        parts.append(_tr("reviewed by {date}").format(date=short_date(review)))
    if not parts:
        parts.append(_tr("made {date}").format(date=short_date(latest.get("assessed_on"))))
    return _tr("Risk assessment: {summary}").format(summary="; ".join(parts))


def reminder_details(assessments: Sequence[Record]) -> str:
    """Where to meet and what to avoid, for the reminder's tooltip and screen readers."""
    if not assessments:
        return ""
    latest = assessments[0]
    lines = []
    if latest.get("meeting_places"):
        lines.append(_tr("Where to meet: {places}").format(places=latest["meeting_places"]))
    if latest.get("triggers"):
        lines.append(_tr("Triggers to avoid: {triggers}").format(triggers=latest["triggers"]))
    return "\n".join(lines)


def _yes(value: object) -> str:
    return _tr("yes") if value else _tr("no")


class RiskTab(RecordTab):
    """Every risk assessment of one person (newest first) and the one being edited."""

    def __init__(self, runner: TaskRunner, participant_id: str, parent: QWidget | None = None):
        super().__init__(runner, participant_id, parent)
        self.record: Record | None = None
        self.dirty = False
        self.offer: QMessageBox | None = None
        self._filling = False
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(label(_tr("Risk assessments, newest first"), "subtitle"))
        self.model = RecordTableModel(
            [
                (_tr("Date"), lambda r: r.get("assessed_on") or ""),
                (_tr("In pairs"), lambda r: _yes(r.get("meet_in_pairs"))),
                (_tr("Review by"), lambda r: r.get("review_on") or ""),
                (_tr("Flags"), lambda r: "; ".join(r.get("flags") or [])),
                (_tr("Assessed by"), lambda r: r.get("assessed_by") or ""),
            ],
            self,
        )
        self.table = record_table(self.model, _tr("Risk assessments"), stretch=3)
        left.addWidget(self.table, 1)
        self.new_button = button(
            _tr("New risk assessment"), tip=_tr("Start a new assessment dated today")
        )
        left.addWidget(self.new_button)
        layout.addLayout(left, 2)

        right = QVBoxLayout()
        top = QHBoxLayout()
        self.title = label(_tr("Lone-working risk assessment"), "subtitle")
        top.addWidget(self.title, 1)
        self.hint = label("", "hint")
        top.addWidget(self.hint)
        right.addLayout(top)
        self.form = FieldForm(
            "risk_assessment",
            FIELDS,
            base={"participant_id": participant_id},
            labels={name: _tr(text) for name, text in LABELS.items()},
            extra=shared_rule,
        )
        scroll = named(QScrollArea(), _tr("The risk assessment"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        right.addWidget(scroll, 1)
        self.owned_note = label(
            _tr("Meet in pairs and Review by: only a coordinator can change these once saved."),
            "hint",
            wrap=True,
        )
        self.owned_note.hide()
        right.addWidget(self.owned_note)
        self.error = label("", "error", wrap=True)
        self.error.hide()
        right.addWidget(self.error)
        self.flag_note = label("", "hint", wrap=True)
        self.flag_note.hide()
        right.addWidget(self.flag_note)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        self.save_button = button(_tr("Save risk assessment"), tip=_tr("Save (Ctrl+S)"))
        self.save_button.setProperty("role", "primary")
        bottom.addWidget(self.save_button)
        right.addLayout(bottom)
        layout.addLayout(right, 3)
        self.setTabOrder(self.table, self.new_button)
        self.setTabOrder(self.new_button, self.form)
        self.form.changed.connect(self._changed)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._chosen())
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)

    # -- showing -------------------------------------------------------------------------
    def show_data(self, data: FormsData) -> None:
        super().show_data(data)
        self._filling = True
        try:
            self.model.set_records(data.risk_assessments)
            if not self.dirty:
                # the one being looked at stays chosen (just saved, say), else the newest
                ids = [r["id"] for r in data.risk_assessments]
                keep = (self.record or {}).get("id")
                row = ids.index(keep) if keep in ids else 0
                self.record = data.risk_assessments[row] if ids else None
                if self.record is not None:
                    self.table.selectRow(row)
                self._fill(self.record)
        finally:
            self._filling = False

    def _chosen(self) -> None:
        if self._filling:
            return
        rec = selected(self.table)
        if rec is not None:
            self.record = rec
            self.flag_note.hide()
            self._fill(rec)

    def _fill(self, record: Record | None) -> None:
        if record is None:
            values: dict[str, Any] = {
                "assessed_on": today_iso(),
                "assessed_by": self.data.actor_name if self.data else "",
            }
        else:
            values = dict(record)
        self.form.set_values(values)
        self.dirty = False
        set_error(self.error, "")
        self.title.setText(
            _tr("Lone-working risk assessment of {date}").format(
                date=short_date(record.get("assessed_on"))
            )
            if record
            else _tr("New lone-working risk assessment")
        )
        self.hint.setText("" if record else _tr("Not saved yet"))
        self._lock_owned()

    def owned_locked(self) -> bool:
        """A saved assessment's coordinator-owned fields are locked for a mentor."""
        return self.record is not None and not (self.data is not None and self.data.coordinator)

    def _lock_owned(self) -> None:
        locked = self.owned_locked() or self.read_only
        for name in OWNED:
            editor = self.form.editors[name]
            if isinstance(editor, QLineEdit):
                editor.setReadOnly(locked)
            elif isinstance(editor, QCheckBox):
                editor.setEnabled(not locked)
            note = self.owned_note.text() if self.owned_locked() else ""
            editor.setToolTip(note)
            # a field's own message (set by the form on every edit) comes first
            editor.setAccessibleDescription(self.form.message(name) or note)
        self.owned_note.setVisible(self.owned_locked())

    def start_new(self) -> None:
        """A new assessment dated today, by this user."""
        self.record = None
        self._filling = True
        self.table.clearSelection()
        self._filling = False
        self.flag_note.hide()
        self._fill(None)
        self.form.editors["risks_to_mentor"].setFocus()

    def _changed(self) -> None:
        self.dirty = True
        self.hint.setText(_tr("Unsaved changes"))
        self._lock_owned()

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.form.set_read_only(read_only)
        self.save_button.setEnabled(not read_only)
        self.new_button.setEnabled(not read_only)
        self._lock_owned()

    # -- saving --------------------------------------------------------------------------
    def save(self) -> bool:
        if self.read_only:
            return False
        self.form.show_all_errors()
        self._lock_owned()
        if not self.form.valid:
            set_error(self.error, _tr("Some answers need a look (see the messages in red)."))
            return True
        rec_id = (self.record or {}).get("id")
        if rec_id is None:
            values = self.form.record_values()
        else:
            locked = OWNED if self.owned_locked() else ()
            values = {k: v for k, v in self.form.values().items() if k not in locked}
        self.save_button.setEnabled(False)

        def op(store: Store) -> Record:
            if rec_id is None:
                return store.create("risk_assessment", values)
            return store.update("risk_assessment", rec_id, values)

        self.runner.run(op, self._saved, self._failed, writes=True, owner=self)
        return True

    def _saved(self, record: Record) -> None:
        self.record = record
        self.dirty = False
        self.save_button.setEnabled(not self.read_only)
        set_error(self.error, "")
        self.hint.setText(_tr("Saved"))
        self._offer_flags(record)
        self.saved()

    def _failed(self, message: str, _e: BaseException) -> None:
        self.save_button.setEnabled(True)
        set_error(self.error, message)

    # -- raising the flags on the person's record ----------------------------------------
    def _offer_flags(self, record: Record) -> None:
        self.flag_note.hide()
        if self.data is None:
            return
        flags, shared = flags_to_add(self.data.participant, record)
        if not flags and not shared:
            return
        listed = _flag_lines(flags, shared)
        if not self.data.coordinator:
            # The person's flags are coordinator-owned: the server refuses a mentor's change.
            self.flag_note.setText(
                _tr("Ask your coordinator to add these flags to their record:\n{flags}").format(
                    flags=listed
                )
            )
            self.flag_note.setAccessibleName(self.flag_note.text())
            self.flag_note.show()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _tr("Add the safety flags"),
            _tr("Add the flags this assessment raises to their record?\n{flags}").format(
                flags=listed
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setAccessibleName(_tr("Add the safety flags"))
        named(box.button(QMessageBox.StandardButton.Yes), _tr("Add the flags"))
        named(box.button(QMessageBox.StandardButton.No), _tr("Not now"))
        pid = self.participant_id

        def answered(result: int) -> None:
            self.offer = None
            if result != QMessageBox.StandardButton.Yes:
                return
            self.runner.run(
                lambda store: add_flags(store, pid, flags, shared),
                self._flags_added,
                self._failed,
                writes=True,
                owner=self,
            )

        box.finished.connect(answered)
        box.finished.connect(lambda _r: box.deleteLater())
        self.offer = box
        box.open()

    def _flags_added(self, _result: object = None) -> None:
        self.hint.setText(_tr("Saved, and the flags were added to their record"))
        self.saved()


def _flag_lines(flags: Sequence[str], shared: Sequence[str]) -> str:
    lines = [_tr("Safety flag: {flag}").format(flag=f) for f in flags]
    lines += [_tr("Session leaders may see: {flag}").format(flag=f) for f in shared]
    return "\n".join(f"• {line}" for line in lines)
