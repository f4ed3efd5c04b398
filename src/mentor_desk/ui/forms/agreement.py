"""Agreeing the action plan: a snapshot of goals and steps, who agreed it, and when.

Each agreement is a new ``plan_agreement`` record with ``plan_version`` one more than the
last; agreements are append-only, so earlier versions stay exactly as agreed and can be
read (never changed) in :class:`VersionDialog`.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mentor_desk.domain import resources
from mentor_desk.domain.validation import utc_now_iso, validate
from mentor_desk.store.records import Record, Store
from mentor_desk.ui.forms.data import FormsData
from mentor_desk.ui.shell.i18n import translate
from mentor_desk.ui.shell.tasks import TaskRunner
from mentor_desk.ui.shell.widgets import (
    error_and_buttons,
    label,
    local_time,
    named,
    plain,
    set_error,
)

_GOAL_KEYS = ("id", "pathway", "goal_text", "why_it_matters", "target_date", "priority", "status")
_STEP_KEYS = ("id", "what", "who", "partner_name", "due_date", "done")


def snapshot(data: FormsData) -> dict[str, Any]:
    """The plan as it stands: goals in order, each with its ordered steps."""
    goals = []
    for goal in data.goals:
        item = {k: goal.get(k) for k in _GOAL_KEYS}
        item["steps"] = [{k: s.get(k) for k in _STEP_KEYS} for s in data.steps_of(goal["id"])]
        goals.append(item)
    return {"goals": goals}


def plan_changed(data: FormsData) -> bool:
    """Has the plan changed since the last agreed version (or was it never agreed)?"""
    if not data.agreements:
        return bool(data.goals)
    return (data.agreements[0].get("snapshot") or {}) != snapshot(data)


def snapshot_html(agreement: Record) -> str:
    """One agreed version, for reading."""
    esc = html.escape
    labels = resources.pathway_labels()
    who = [
        translate("Agreement", "the participant") if agreement.get("agreed_by_participant") else "",
        agreement.get("agreed_by_mentor") or "",
        agreement.get("agreed_by_coordinator") or "",
        agreement.get("agreed_by_probation") or "",
    ]
    names = ", ".join(w for w in who if w) or translate("Agreement", "nobody named")
    heading = translate("Agreement", "Plan version {version}").format(
        version=agreement["plan_version"]
    )
    agreed = translate("Agreement", "Agreed {when} by {who}.").format(
        when=local_time(agreement["agreed_at"]), who=names
    )
    parts = [f"<h3>{esc(heading)}</h3>", f"<p>{esc(agreed)}</p>"]
    for n, goal in enumerate((agreement.get("snapshot") or {}).get("goals", []), 1):
        target = goal.get("target_date")
        by = translate("Agreement", "by {date}").format(date=target) if target else ""
        parts.append(
            f"<p><b>{n}. “{esc(goal.get('goal_text') or '')}”</b><br>"
            f"{esc(labels.get(goal.get('pathway') or '', ''))} · {esc(plain(goal.get('status')))}"
            f"{' · ' + esc(by) if by else ''}</p><ol>"
        )
        for step in goal.get("steps") or []:
            tick = "✓ " if step.get("done") else ""
            due = (
                " " + esc(translate("Agreement", "(due {date})").format(date=step["due_date"]))
                if step.get("due_date")
                else ""
            )
            who_text = plain(step.get("who")) if step.get("who") else ""
            parts.append(f"<li>{tick}{esc(step.get('what') or '')} — {esc(who_text)}{due}</li>")
        parts.append("</ol>")
    return "".join(parts)


class AgreeDialog(QDialog):
    """Records who agreed the plan as it stands now.

    Signals:
        saved(object): the new plan_agreement record.
    """

    saved = Signal(object)

    def __init__(self, runner: TaskRunner, data: FormsData, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self._data = data
        self.version = (data.agreements[0]["plan_version"] if data.agreements else 0) + 1
        self.setWindowTitle(
            translate("Agreement", "Agree plan version {version}").format(version=self.version)
        )
        named(self, translate("Agreement", "Agree this plan"))
        layout = QVBoxLayout(self)
        goals = len(data.goals)
        steps = sum(len(data.steps_of(g["id"])) for g in data.goals)
        layout.addWidget(
            label(
                translate(
                    "Agreement",
                    "This keeps the plan as it is now — {goals} goal(s) and {steps} step(s) — as "
                    "version {version}. Earlier versions stay readable.",
                ).format(goals=goals, steps=steps, version=self.version),
                "",
                wrap=True,
            )
        )
        form = QFormLayout()
        self.participant = named(
            QCheckBox(translate("Agreement", "They have read the plan and agree with it")),
            translate("Agreement", "Agreed by the participant"),
        )
        self.participant.setChecked(True)
        self.mentor = named(QLineEdit(data.actor_name), translate("Agreement", "Agreed by mentor"))
        self.coordinator = named(QLineEdit(), translate("Agreement", "Agreed by coordinator"))
        self.probation = named(
            QLineEdit(),
            translate("Agreement", "Agreed by probation practitioner"),
            translate("Agreement", "Where probation needs to agree"),
        )
        form.addRow("", self.participant)
        form.addRow(translate("Agreement", "Mentor"), self.mentor)
        form.addRow(translate("Agreement", "Coordinator (if needed)"), self.coordinator)
        form.addRow(translate("Agreement", "Probation practitioner (if needed)"), self.probation)
        layout.addLayout(form)
        self.error, self.save_button = error_and_buttons(
            self,
            layout,
            translate("Agreement", "Agree version"),
            translate("Agreement", "Agree this version"),
        )
        self.resize(520, 300)

    def values(self) -> dict[str, Any]:
        return {
            "participant_id": self._data.participant["id"],
            "plan_version": self.version,
            "agreed_at": utc_now_iso(),
            "snapshot": snapshot(self._data),
            "agreed_by_participant": self.participant.isChecked(),
            "agreed_by_mentor": self.mentor.text().strip() or None,
            "agreed_by_coordinator": self.coordinator.text().strip() or None,
            "agreed_by_probation": self.probation.text().strip() or None,
        }

    def save(self) -> None:
        values = {k: v for k, v in self.values().items() if v is not None}
        errors = validate("plan_agreement", values)
        if not (values["agreed_by_participant"] or values.get("agreed_by_mentor")):
            set_error(
                self.error,
                translate("Agreement", "Say who agreed it: the participant, the mentor or both."),
            )
            return
        if errors:
            set_error(self.error, "; ".join(f"{e.field} {e.message}" for e in errors))
            return
        self.save_button.setEnabled(False)

        def op(store: Store) -> Record:
            return store.create("plan_agreement", values)

        self._runner.run(op, self._saved, self._failed, writes=True, owner=self)

    def _saved(self, record: Record) -> None:
        self.saved.emit(record)
        self.accept()

    def _failed(self, message: str, _e: BaseException) -> None:
        self.save_button.setEnabled(True)
        set_error(self.error, message)


class VersionDialog(QDialog):
    """An earlier agreed version, read-only."""

    def __init__(self, agreement: Record, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = translate("Agreement", "Plan version {version} (as agreed)").format(
            version=agreement["plan_version"]
        )
        self.setWindowTitle(title)
        named(self, title)
        layout = QVBoxLayout(self)
        self.browser = named(QTextBrowser(), title)
        self.browser.setHtml(snapshot_html(agreement))
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        named(
            buttons.button(QDialogButtonBox.StandardButton.Close), translate("Agreement", "Close")
        )
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(600, 520)
