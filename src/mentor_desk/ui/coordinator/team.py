"""The coordinator's team view: every caseload, filtered by mentor and organisation.

Reassigning takes two actions: choose a person, press **Reassign…**, pick a mentor from
those already known in the store (every distinct assigned mentor), Save. Locally this
changes ``assigned_mentor_id`` / ``assigned_mentor_name``; the sync pushes it and the server
checks the coordinator may do it (``POST /api/v1/participants/{id}/assign`` does the same
online).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from mentor_desk.store.caseload import CaseloadRow, caseload, display_name
from mentor_desk.store.records import Record, Store
from mentor_desk.ui.forms.records import (
    RecordTableModel,
    button,
    open_dialog,
    record_table,
    selected,
)
from mentor_desk.ui.shell.i18n import translate
from mentor_desk.ui.shell.tasks import TaskRunner
from mentor_desk.ui.shell.widgets import day, error_and_buttons, label, named, plain, set_error

ALL = "__all__"
NOBODY = "__nobody__"


@dataclass
class Team:
    people: list[Record]
    mentors: list[tuple[str, str]]  # (id, name), distinct, by name
    organisations: list[str]


def load_team(store: Store) -> Team:
    rows = {r.participant_id: r for r in caseload(store)}
    people: list[Record] = []
    mentors: dict[str, str] = {}
    organisations: set[str] = set()
    for p in store.list("participant", order_by=["reference"]):
        row: CaseloadRow | None = rows.get(p["id"])
        people.append({**p, "_row": row})
        if p.get("assigned_mentor_id"):
            mentors.setdefault(p["assigned_mentor_id"], p.get("assigned_mentor_name") or "")
        if p.get("organisation_id"):
            organisations.add(p["organisation_id"])
    ordered = sorted(mentors.items(), key=lambda m: (m[1] or m[0]).casefold())
    return Team(people, ordered, sorted(organisations))


def _row(p: Record) -> CaseloadRow | None:
    row = p.get("_row")
    return row if isinstance(row, CaseloadRow) else None


def _due(p: Record) -> str:
    row = _row(p)
    return day(row.next_contact_due) if row and row.next_contact_due else ""


class ReassignDialog(QDialog):
    """Choose the mentor a participant moves to.

    Signals:
        saved(object): the updated participant.
    """

    saved = Signal(object)

    def __init__(
        self, runner: TaskRunner, person: Record, team: Team, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self._runner, self._person = runner, person
        name = display_name(
            person.get("given_name"), person.get("family_name"), person.get("preferred_name")
        )
        self.setWindowTitle(translate("Team", "Reassign {name}").format(name=name))
        named(self, translate("Team", "Reassign"))
        layout = QVBoxLayout(self)
        now = person.get("assigned_mentor_name") or translate("Team", "no one")
        layout.addWidget(
            label(
                translate("Team", "{name} ({reference}) is with {mentor} now.").format(
                    name=name, reference=person["reference"], mentor=now
                ),
                "",
                wrap=True,
            )
        )
        self.mentor = named(QComboBox(), translate("Team", "New mentor"))
        for mid, mname in team.mentors:
            if mid != person.get("assigned_mentor_id"):
                self.mentor.addItem(mname or mid, (mid, mname))
        layout.addWidget(self.mentor)
        layout.addWidget(
            label(
                translate("Team", "Their records move to the new mentor at the next sync."),
                "hint",
                wrap=True,
            )
        )
        self.error, self.save_button = error_and_buttons(
            self, layout, translate("Team", "Reassign"), translate("Team", "Reassign")
        )
        if not self.mentor.count():
            set_error(
                self.error,
                translate("Team", "No other mentor is known yet (they appear after a sync)."),
            )
            self.save_button.setEnabled(False)

    def save(self) -> None:
        choice = self.mentor.currentData()
        if not choice:
            return
        mid, mname = choice
        pid = self._person["id"]
        self.save_button.setEnabled(False)
        self._runner.run(
            lambda store: store.update(
                "participant", pid, {"assigned_mentor_id": mid, "assigned_mentor_name": mname}
            ),
            self._saved,
            lambda m, _e: set_error(self.error, m),
            writes=True,
            owner=self,
        )

    def _saved(self, record: Record) -> None:
        self.saved.emit(record)
        self.accept()


class TeamWindow(QDialog):
    """Every caseload, for coordinators, with mentor / organisation filters and Reassign."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.team: Team | None = None
        self.setWindowTitle(translate("Team", "Team"))
        named(self, translate("Team", "Team"))
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.headline = label("", "title")
        self.mentor = named(QComboBox(), translate("Team", "Mentor"))
        self.organisation = named(QComboBox(), translate("Team", "Organisation"))
        for combo in (self.mentor, self.organisation):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumWidth(140)
        bar.addWidget(self.headline, 1)
        bar.addWidget(label(translate("Team", "Mentor"), ""))
        bar.addWidget(self.mentor)
        bar.addWidget(label(translate("Team", "Organisation"), ""))
        bar.addWidget(self.organisation)
        layout.addLayout(bar)
        self.model = RecordTableModel(
            [
                (translate("Team", "Reference"), lambda p: p["reference"]),
                (
                    translate("Team", "Name"),
                    lambda p: display_name(
                        p.get("given_name"), p.get("family_name"), p.get("preferred_name")
                    ),
                ),
                (translate("Team", "Status"), lambda p: plain(p.get("status"))),
                (translate("Team", "Mentor"), lambda p: p.get("assigned_mentor_name") or "—"),
                (translate("Team", "Organisation"), lambda p: p.get("organisation_id") or ""),
                (translate("Team", "Next contact"), _due),
                (
                    translate("Team", "Overdue steps"),
                    lambda p: str(r.overdue_steps) if (r := _row(p)) else "",
                ),
                (
                    translate("Team", "Follow-ups due"),
                    lambda p: str(r.follow_ups_due) if (r := _row(p)) else "",
                ),
            ],
            self,
        )
        self.table = record_table(self.model, translate("Team", "Every caseload"), stretch=1)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.count = label("", "hint")
        self.reassign_button = button(
            translate("Team", "Reassign…"), translate("Team", "Reassign the chosen person")
        )
        self.reassign_button.setProperty("role", "primary")
        close = button(translate("Team", "Close"), translate("Team", "Close the team view"))
        row.addWidget(self.count, 1)
        row.addWidget(self.reassign_button)
        row.addWidget(close)
        layout.addLayout(row)
        self.mentor.currentIndexChanged.connect(lambda _i: self._filter())
        self.organisation.currentIndexChanged.connect(lambda _i: self._filter())
        self.reassign_button.clicked.connect(self.reassign)
        close.clicked.connect(self.reject)
        self.resize(1100, 640)
        self.reload()

    def reload(self) -> None:
        self._runner.run(load_team, self._loaded, owner=self)

    def _loaded(self, team: Team) -> None:
        self.team = team
        keep_m, keep_o = self.mentor.currentData(), self.organisation.currentData()
        for combo in (self.mentor, self.organisation):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(
                translate("Team", "Everyone") if combo is self.mentor else translate("Team", "All"),
                ALL,
            )
        for mid, mname in team.mentors:
            self.mentor.addItem(mname or mid, mid)
        self.mentor.addItem(translate("Team", "No mentor"), NOBODY)
        for org in team.organisations:
            self.organisation.addItem(org, org)
        for combo, keep in ((self.mentor, keep_m), (self.organisation, keep_o)):
            combo.setCurrentIndex(max(combo.findData(keep), 0) if keep else 0)
            combo.blockSignals(False)
        open_people = sum(1 for p in team.people if p.get("status") != "closed")
        mentors = len(team.mentors)
        headline = (
            translate("Team", "{open} open cases, 1 mentor")
            if mentors == 1
            else translate("Team", "{open} open cases, {mentors} mentors")
        )
        self.headline.setText(headline.format(open=open_people, mentors=mentors))
        self._filter()

    def _filter(self) -> None:
        if self.team is None:
            return
        mentor, org = self.mentor.currentData(), self.organisation.currentData()
        shown = [
            p
            for p in self.team.people
            if (mentor == ALL or (p.get("assigned_mentor_id") or NOBODY) == mentor)
            and (org == ALL or p.get("organisation_id") == org)
        ]
        self.model.set_records(shown)
        if shown:
            self.table.selectRow(0)
        self.count.setText(
            translate("Team", "Showing {shown} of {total}").format(
                shown=len(shown), total=len(self.team.people)
            )
        )
        self.reassign_button.setEnabled(bool(shown))

    def reassign(self) -> ReassignDialog | None:
        person = selected(self.table)
        if person is None or self.team is None:
            return None
        dialog = ReassignDialog(self._runner, person, self.team, self)
        dialog.saved.connect(lambda _r: self.reload())
        open_dialog(dialog)
        return dialog
