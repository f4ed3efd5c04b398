"""History: a read-only timeline of everything recorded for one participant.

Every record of the person — profile, release days, assessments, goals and steps, reviews,
agreed plan versions, referrals, attendance, check-ins, consent, notes and corrections,
endings — newest change first, with when it was created and last changed and whether the
server has it yet. Choosing a row shows its fields in words.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from mentor_desk.domain.vocabulary import Kind, entity
from mentor_desk.store.records import Record
from mentor_desk.ui.forms.agreement import snapshot_html
from mentor_desk.ui.forms.base import RecordTab
from mentor_desk.ui.forms.common import choice_text
from mentor_desk.ui.forms.data import FormsData
from mentor_desk.ui.forms.records import RecordTableModel, record_table, selected
from mentor_desk.ui.shell.i18n import translate
from mentor_desk.ui.shell.tasks import TaskRunner
from mentor_desk.ui.shell.widgets import elide, label, local_time, named

ENTITY_KEY = "_entity"


def title_of(name: str, rec: Record) -> str:
    """A few words that name one record in the timeline."""
    ent = entity(name)
    if name == "plan_agreement":
        return translate("History", "Plan version {version} agreed").format(
            version=rec["plan_version"]
        )
    if name == "participant":
        return translate("History", "Profile")
    value = rec.get(ent.title_field or "") if ent.title_field else None
    if ent.title_field and ent.field(ent.title_field).kind is Kind.DATETIME:
        value = local_time(value)
    text = rec.get("text") or rec.get("what") or rec.get("goal_text") or value or ""
    return elide(str(text), 80)


def _value(kind: Kind, name: str, value: Any) -> str:
    if value is None or value == "" or value == []:
        return ""
    if kind is Kind.BOOL:
        return translate("History", "yes") if value else translate("History", "no")
    if kind is Kind.DATETIME:
        return local_time(value)
    if kind is Kind.CHOICE:
        return choice_text(name, value)
    if kind is Kind.LIST:
        return ", ".join(choice_text("pathway", v) for v in value)
    if kind is Kind.JSON:
        return translate("History", "({n} entries)").format(n=len(value))
    if kind is Kind.REF:
        return ""
    return str(value)


def record_html(name: str, rec: Record) -> str:
    esc = html.escape
    ent = entity(name)
    rows = [(f.label, _value(f.kind, f.name, rec.get(f.name))) for f in ent.fields]
    body = "".join(f"<tr><td><b>{esc(k)}</b></td><td>{esc(v)}</td></tr>" for k, v in rows if v)
    shared = (
        translate("History", "shared with the server")
        if rec.get("version")
        else translate("History", "not shared yet")
    )
    when = translate("History", "Created {created}, last changed {changed}; {shared}.").format(
        created=local_time(rec["created_at"]), changed=local_time(rec["updated_at"]), shared=shared
    )
    return (
        f"<h3>{esc(ent.label)}</h3><p><i>{esc(when)}</i></p><table cellspacing='4'>{body}</table>"
    )


def _shared(rec: Record) -> str:
    return translate("History", "yes") if rec.get("version") else translate("History", "not yet")


class HistoryTab(RecordTab):
    """The timeline (left) and the chosen record in words (right); nothing is editable."""

    def __init__(self, runner: TaskRunner, participant_id: str, parent: QWidget | None = None):
        super().__init__(runner, participant_id, parent)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(
            label(translate("History", "Everything recorded, newest change first"), "subtitle"), 1
        )
        self.kind = named(QComboBox(), translate("History", "Show"))
        self.kind.addItem(translate("History", "Everything"), None)
        for name in (
            "release_day",
            "assessment",
            "risk_assessment",
            "goal",
            "goal_step",
            "plan_agreement",
            "referral",
            "attendance",
            "check_in",
            "consent",
            "case_note",
            "end_of_support",
        ):
            self.kind.addItem(entity(name).label, name)
        bar.addWidget(self.kind)
        layout.addLayout(bar)
        self.model = RecordTableModel(
            [
                (translate("History", "Changed"), lambda r: local_time(r["updated_at"])),
                (translate("History", "What"), lambda r: entity(r[ENTITY_KEY]).label),
                ("", lambda r: title_of(r[ENTITY_KEY], r)),
                (translate("History", "Shared"), _shared),
            ],
            self,
        )
        self.table = record_table(
            self.model, translate("History", "Everything recorded"), stretch=2
        )
        self.details = named(QTextBrowser(), translate("History", "The chosen record"))
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.details)
        split.setSizes([700, 480])
        layout.addWidget(split, 1)
        self.kind.currentIndexChanged.connect(lambda _i: self._fill())
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._chosen())

    def show_data(self, data: FormsData) -> None:
        super().show_data(data)
        self._fill()

    def _fill(self) -> None:
        if self.data is None:
            return
        wanted = self.kind.currentData()
        rows = [
            {**rec, ENTITY_KEY: name}
            for name, rec in self.data.history()
            if wanted is None or name == wanted
        ]
        self.model.set_records(rows)
        if rows:
            self.table.selectRow(0)
        self._chosen()

    def _chosen(self) -> None:
        rec = selected(self.table)
        if rec is not None and rec[ENTITY_KEY] == "plan_agreement":
            self.details.setHtml(snapshot_html(rec))  # the plan exactly as agreed
        else:
            self.details.setHtml(record_html(rec[ENTITY_KEY], rec) if rec else "")
