"""The action plan: goals in the participant's own words, their ordered steps and reviews.

Goals sit on the left (in order, with their pathway and status); the selected goal's steps
(who, due, done) and reviews on the right. "Agree this plan" keeps the plan as it stands
as a new numbered version (see :mod:`.agreement`); the bar at the top says whether the plan
has changed since it was last agreed. Overdue steps also show in the caseload.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from mentor_desk.domain import resources
from mentor_desk.domain.vocabulary import GOAL_STATUSES
from mentor_desk.store.records import Record, Store
from mentor_desk.ui.forms.agreement import AgreeDialog, VersionDialog, plan_changed
from mentor_desk.ui.forms.base import RecordTab
from mentor_desk.ui.forms.data import FormsData, today_iso
from mentor_desk.ui.forms.records import (
    RecordDialog,
    RecordTableModel,
    button,
    open_dialog,
    record_table,
    selected,
)
from mentor_desk.ui.shell.i18n import translate
from mentor_desk.ui.shell.tasks import TaskRunner
from mentor_desk.ui.shell.widgets import label, local_time, named, plain

GOAL_FIELDS = ("pathway", "goal_text", "why_it_matters", "target_date", "priority", "status")
STEP_FIELDS = ("what", "who", "partner_name", "due_date", "done")
REVIEW_FIELDS = ("reviewed_on", "progress", "new_status")


def plain_pathway(key: str | None) -> str:
    """The pathway as the participant's plan says it ("Somewhere to live")."""
    for p in resources.load("pathways.json")["pathways"]:
        if p["key"] == key:
            return str(p.get("plain") or p["label"])
    return ""


def _late(step: Record) -> str:
    due = step.get("due_date")
    if step.get("done"):
        return translate("Plan", "✓ done")
    if due and due < date.today().isoformat():
        return translate("Plan", "overdue")
    return ""


class PlanTab(RecordTab):
    """Goals, steps, reviews and agreed versions of one participant's plan."""

    def __init__(self, runner: TaskRunner, participant_id: str, parent: QWidget | None = None):
        super().__init__(runner, participant_id, parent)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.agreed = label("", "subtitle", wrap=True)
        self.agree_button = button(
            translate("Plan", "Agree this plan…"), translate("Plan", "Agree this plan")
        )
        self.agree_button.setProperty("role", "primary")
        self.versions = named(QComboBox(), translate("Plan", "Agreed versions"))
        self.read_button = button(
            translate("Plan", "Read version"), translate("Plan", "Read the chosen agreed version")
        )
        bar.addWidget(self.agreed, 1)
        bar.addWidget(self.versions)
        bar.addWidget(self.read_button)
        bar.addWidget(self.agree_button)
        layout.addLayout(bar)

        self.goals = RecordTableModel(
            [
                ("#", lambda g: str((g.get("position") or 0) + 1)),
                (translate("Plan", "Goal, in their words"), lambda g: g.get("goal_text") or ""),
                (translate("Plan", "Pathway"), lambda g: plain_pathway(g.get("pathway"))),
                (translate("Plan", "Status"), lambda g: plain(g.get("status"))),
                (translate("Plan", "By"), lambda g: g.get("target_date") or ""),
                (translate("Plan", "Steps done"), self._steps_done),
            ],
            self,
        )
        self.goal_table = record_table(self.goals, translate("Plan", "Goals"), stretch=1)
        self.steps = RecordTableModel(
            [
                ("#", lambda s: str((s.get("position") or 0) + 1)),
                (translate("Plan", "Step"), lambda s: s.get("what") or ""),
                (translate("Plan", "Who"), lambda s: s.get("partner_name") or plain(s.get("who"))),
                (translate("Plan", "Due"), lambda s: s.get("due_date") or ""),
                ("", _late),
            ],
            self,
        )
        self.step_table = record_table(
            self.steps, translate("Plan", "Steps of the chosen goal"), stretch=1
        )
        self.reviews = RecordTableModel(
            [
                (translate("Plan", "Date"), lambda r: r.get("reviewed_on") or ""),
                (translate("Plan", "What progressed"), lambda r: r.get("progress") or ""),
                (translate("Plan", "New status"), lambda r: plain(r.get("new_status"))),
            ],
            self,
        )
        self.review_table = record_table(
            self.reviews, translate("Plan", "Reviews of the chosen goal"), stretch=1
        )

        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        lbox = QVBoxLayout(left)
        lbox.setContentsMargins(0, 0, 0, 0)
        lbox.addWidget(label(translate("Plan", "Goals"), "subtitle"))
        lbox.addWidget(self.goal_table, 1)
        self.new_goal = button(translate("Plan", "New goal…"), translate("Plan", "New goal"))
        self.edit_goal = button(
            translate("Plan", "Change goal…"), translate("Plan", "Change the chosen goal")
        )
        self.goal_up = button(translate("Plan", "Up"), translate("Plan", "Move the goal up"))
        self.goal_down = button(translate("Plan", "Down"), translate("Plan", "Move the goal down"))
        lbox.addLayout(_row(self.new_goal, self.edit_goal, self.goal_up, self.goal_down))
        right = QWidget()
        rbox = QVBoxLayout(right)
        rbox.setContentsMargins(0, 0, 0, 0)
        self.steps_title = label(translate("Plan", "Steps"), "subtitle")
        rbox.addWidget(self.steps_title)
        rbox.addWidget(self.step_table, 3)
        self.new_step = button(translate("Plan", "Add step…"), translate("Plan", "Add a step"))
        self.edit_step = button(
            translate("Plan", "Change step…"), translate("Plan", "Change the chosen step")
        )
        self.done_step = button(
            translate("Plan", "Done / not done"),
            translate("Plan", "Mark the chosen step done or not done"),
        )
        self.step_up = button(translate("Plan", "Up"), translate("Plan", "Move the step up"))
        self.step_down = button(translate("Plan", "Down"), translate("Plan", "Move the step down"))
        rbox.addLayout(
            _row(self.new_step, self.edit_step, self.done_step, self.step_up, self.step_down)
        )
        rbox.addWidget(label(translate("Plan", "Reviews"), "subtitle"))
        rbox.addWidget(self.review_table, 2)
        self.new_review = button(
            translate("Plan", "Review this goal…"), translate("Plan", "Review the chosen goal")
        )
        rbox.addLayout(_row(self.new_review))
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([640, 560])
        layout.addWidget(split, 1)
        self.edit_buttons = [
            self.agree_button,
            self.new_goal,
            self.edit_goal,
            self.goal_up,
            self.goal_down,
            self.new_step,
            self.edit_step,
            self.done_step,
            self.step_up,
            self.step_down,
            self.new_review,
        ]
        self.goal_table.selectionModel().currentRowChanged.connect(lambda *_a: self._goal_chosen())
        self.goal_table.doubleClicked.connect(lambda _i: self.change_goal())
        self.step_table.doubleClicked.connect(lambda _i: self.change_step())
        self.new_goal.clicked.connect(self.add_goal)
        self.edit_goal.clicked.connect(self.change_goal)
        self.goal_up.clicked.connect(lambda: self._move(self.goal_table, "goal", -1))
        self.goal_down.clicked.connect(lambda: self._move(self.goal_table, "goal", 1))
        self.new_step.clicked.connect(self.add_step)
        self.edit_step.clicked.connect(self.change_step)
        self.done_step.clicked.connect(self.toggle_step)
        self.step_up.clicked.connect(lambda: self._move(self.step_table, "goal_step", -1))
        self.step_down.clicked.connect(lambda: self._move(self.step_table, "goal_step", 1))
        self.new_review.clicked.connect(self.add_review)
        self.agree_button.clicked.connect(self.agree)
        self.read_button.clicked.connect(self.read_version)

    def _steps_done(self, goal: Record) -> str:
        if self.data is None:
            return ""
        steps = self.data.steps_of(goal["id"])
        if not steps:
            return "—"
        return translate("Plan", "{done} of {total}").format(
            done=sum(1 for s in steps if s.get("done")), total=len(steps)
        )

    # -- showing ---------------------------------------------------------------------
    def show_data(self, data: FormsData) -> None:
        super().show_data(data)
        chosen = (selected(self.goal_table) or {}).get("id")
        self.goals.set_records(data.goals)
        row = next((i for i, g in enumerate(data.goals) if g["id"] == chosen), 0)
        if data.goals:
            self.goal_table.selectRow(row)
        self._goal_chosen()
        if data.agreements:
            last = data.agreements[0]
            text = (
                translate(
                    "Plan",
                    "Plan version {version} agreed {when} — changed since; agree again to make"
                    " a new version",
                )
                if plan_changed(data)
                else translate(
                    "Plan", "Plan version {version} agreed {when} — nothing changed since"
                )
            )
            self.agreed.setText(
                text.format(version=last["plan_version"], when=local_time(last["agreed_at"]))
            )
        else:
            self.agreed.setText(translate("Plan", "This plan has not been agreed yet"))
        self.agreed.setAccessibleName(self.agreed.text())
        self.versions.clear()
        for a in data.agreements:
            self.versions.addItem(
                translate("Plan", "Version {version}").format(version=a["plan_version"]), a["id"]
            )
        self.versions.setVisible(bool(data.agreements))
        self.read_button.setVisible(bool(data.agreements))
        self.set_read_only(self.read_only)

    def _goal_chosen(self) -> None:
        goal = selected(self.goal_table)
        if self.data is None or goal is None:
            self.steps.set_records([])
            self.reviews.set_records([])
            self.steps_title.setText(translate("Plan", "Steps"))
            return
        self.steps.set_records(self.data.steps_of(goal["id"]))
        self.reviews.set_records([r for r in self.data.reviews if r["goal_id"] == goal["id"]])
        self.steps_title.setText(
            translate("Plan", "Steps towards “{goal}”").format(goal=goal.get("goal_text") or "")
        )

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        has_goal = bool(self.data and self.data.goals)
        for b in self.edit_buttons:
            needs_goal = b not in (self.new_goal, self.agree_button)
            b.setEnabled(not read_only and (has_goal or not needs_goal))

    # -- actions ----------------------------------------------------------------------
    def add_goal(self) -> RecordDialog:
        position = len(self.data.goals) if self.data else 0
        dialog = RecordDialog(
            self.runner,
            "goal",
            GOAL_FIELDS,
            title=translate("Plan", "New goal"),
            base={"participant_id": self.participant_id, "position": position},
            initial={"status": "not_started"},
            intro=translate("Plan", "Write the goal in their own words."),
            parent=self,
        )
        open_dialog(dialog, self.saved)
        return dialog

    def change_goal(self) -> RecordDialog | None:
        goal = selected(self.goal_table)
        if goal is None or self.read_only:
            return None
        dialog = RecordDialog(
            self.runner,
            "goal",
            GOAL_FIELDS,
            title=translate("Plan", "Change goal"),
            record=goal,
            parent=self,
        )
        open_dialog(dialog, self.saved)
        return dialog

    def add_step(self) -> RecordDialog | None:
        goal = selected(self.goal_table)
        if goal is None or self.data is None:
            return None
        dialog = RecordDialog(
            self.runner,
            "goal_step",
            STEP_FIELDS,
            title=translate("Plan", "Add a step"),
            base={
                "participant_id": self.participant_id,
                "goal_id": goal["id"],
                "position": len(self.data.steps_of(goal["id"])),
            },
            initial={"who": "participant"},
            intro=translate("Plan", "A step towards “{goal}”.").format(goal=goal.get("goal_text")),
            parent=self,
        )
        open_dialog(dialog, self.saved)
        return dialog

    def change_step(self) -> RecordDialog | None:
        step = selected(self.step_table)
        if step is None or self.read_only:
            return None
        dialog = RecordDialog(
            self.runner,
            "goal_step",
            STEP_FIELDS,
            title=translate("Plan", "Change step"),
            record=step,
            parent=self,
        )
        open_dialog(dialog, self.saved)
        return dialog

    def toggle_step(self) -> None:
        step = selected(self.step_table)
        if step is None:
            return
        sid, done = step["id"], not step.get("done")
        self.runner.run(
            lambda store: store.update("goal_step", sid, {"done": done}),
            self.saved,
            writes=True,
            owner=self,
        )

    def add_review(self) -> RecordDialog | None:
        goal = selected(self.goal_table)
        if goal is None:
            return None
        dialog = RecordDialog(
            self.runner,
            "goal_review",
            REVIEW_FIELDS,
            title=translate("Plan", "Review the goal"),
            base={"participant_id": self.participant_id, "goal_id": goal["id"]},
            initial={"reviewed_on": today_iso(), "new_status": goal.get("status")},
            options={"new_status": [(s, plain(s)) for s in GOAL_STATUSES]},
            intro=translate("Plan", "How is “{goal}” going?").format(goal=goal.get("goal_text")),
            parent=self,
        )
        gid = goal["id"]

        def reviewed(review: Record) -> None:
            status = review.get("new_status")
            if status and status != goal.get("status"):
                self.runner.run(
                    lambda store: store.update("goal", gid, {"status": status}),
                    self.saved,
                    writes=True,
                    owner=self,
                )
            else:
                self.saved()

        open_dialog(dialog, reviewed)
        return dialog

    def _move(self, table: object, entity_name: str, step: int) -> None:
        from PySide6.QtWidgets import QTableView

        assert isinstance(table, QTableView)
        model = table.model()
        assert isinstance(model, RecordTableModel)
        records = model.records()
        row = table.currentIndex().row()
        other = row + step
        if not (0 <= row < len(records) and 0 <= other < len(records)):
            return
        records[row], records[other] = records[other], records[row]
        order = [r["id"] for r in records]

        def moved(_r: None) -> None:
            self.saved()
            table.selectRow(other)

        self.runner.run(
            lambda store: _renumber(store, entity_name, order), moved, writes=True, owner=self
        )

    def agree(self) -> AgreeDialog | None:
        if self.data is None:
            return None
        dialog = AgreeDialog(self.runner, self.data, self)
        dialog.saved.connect(self.saved)
        open_dialog(dialog)
        return dialog

    def read_version(self) -> VersionDialog | None:
        if self.data is None:
            return None
        chosen = self.versions.currentData()
        agreement = next((a for a in self.data.agreements if a["id"] == chosen), None)
        if agreement is None:
            return None
        return open_dialog(VersionDialog(agreement, self))  # type: ignore[return-value]


def _renumber(store: Store, entity_name: str, order: Sequence[str]) -> None:
    with store.transaction():
        for position, rec_id in enumerate(order):
            store.update(entity_name, rec_id, {"position": position})


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for w in widgets:
        row.addWidget(w)
    row.addStretch(1)
    return row
