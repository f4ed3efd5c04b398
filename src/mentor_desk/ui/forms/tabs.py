"""The record tabs of a participant's workspace, loaded together and locked together.

:class:`WorkspaceForms` builds every record tab, loads one participant's records in one
operation on the store worker, hands them to each tab, and makes the tabs read-only while
the participant's support is closed (with a bar offering "Reopen").
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from mentor_desk.store.records import Store
from mentor_desk.ui.forms.assessment import AssessmentTab
from mentor_desk.ui.forms.base import RecordTab
from mentor_desk.ui.forms.consent import ConsentTab
from mentor_desk.ui.forms.data import FormsData, load_forms
from mentor_desk.ui.forms.end_of_support import EndOfSupportTab
from mentor_desk.ui.forms.history import HistoryTab
from mentor_desk.ui.forms.plan import PlanTab
from mentor_desk.ui.forms.records import button
from mentor_desk.ui.forms.release_day import ReleaseDayPanel
from mentor_desk.ui.forms.risk import RiskTab
from mentor_desk.ui.forms.sessions import SessionsTab
from mentor_desk.ui.forms.signposting import SignpostingTab
from mentor_desk.ui.shell import shortcuts
from mentor_desk.ui.shell.i18n import translate
from mentor_desk.ui.shell.tasks import TaskRunner
from mentor_desk.ui.shell.widgets import label, plain


class ClosedBar(QFrame):
    """ "Support ended … — read-only" with a Reopen button, shown for a closed participant."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 4, 12, 4)
        self.text = label("", "", wrap=True)
        self.reopen_button = button(
            translate("Workspace", "Reopen support"),
            tip=translate("Workspace", "Make this record editable again"),
        )
        row.addWidget(self.text, 1)
        row.addWidget(self.reopen_button)
        self.hide()


class WorkspaceForms(QObject):
    """Every record tab of one participant.

    Signals:
        changed(): something was saved in one of the tabs.
        loaded(object): the :class:`FormsData` just shown.
    """

    changed = Signal()
    loaded = Signal(object)

    def __init__(self, runner: TaskRunner, participant_id: str, parent: QObject | None = None):
        super().__init__(parent)
        self._runner = runner
        self.participant_id = participant_id
        self.data: FormsData | None = None
        self.release_day = ReleaseDayPanel(runner, participant_id)
        self.assessment = AssessmentTab(runner, participant_id)
        self.risk = RiskTab(runner, participant_id)
        self.plan = PlanTab(runner, participant_id)
        self.signposting = SignpostingTab(runner, participant_id)
        self.sessions = SessionsTab(runner, participant_id)
        self.consent = ConsentTab(runner, participant_id)
        self.end_of_support = EndOfSupportTab(runner, participant_id)
        self.history = HistoryTab(runner, participant_id)
        self.closed_bar = ClosedBar()
        self.closed_bar.reopen_button.clicked.connect(self.reopen)
        for tab in self.tabs():
            tab.changed.connect(self.changed)

    def pages(self) -> list[tuple[str, RecordTab]]:
        """Tab titles (with their Alt keys) and pages, in workspace order."""
        return [
            (shortcuts.tab("release_day"), self.release_day),
            (shortcuts.tab("assessment"), self.assessment),
            (shortcuts.tab("risk"), self.risk),
            (shortcuts.tab("plan"), self.plan),
            (shortcuts.tab("signposting"), self.signposting),
            (shortcuts.tab("sessions"), self.sessions),
            (shortcuts.tab("consent"), self.consent),
            (shortcuts.tab("end_of_support"), self.end_of_support),
            (shortcuts.tab("history"), self.history),
        ]

    def tabs(self) -> list[RecordTab]:
        return [page for _t, page in self.pages()]

    def reload(self, owner: QWidget) -> None:
        pid = self.participant_id
        self._runner.run(lambda store: load_forms(store, pid), self.show, owner=owner)

    def show(self, data: FormsData | None) -> None:
        if data is None:
            return
        self.data = data
        for tab in self.tabs():
            tab.show_data(data)
            tab.set_read_only(data.closed)
        if data.closed:
            reason = plain(data.participant.get("closure_reason")) or translate(
                "Workspace", "closed"
            )
            self.closed_bar.text.setText(
                translate(
                    "Workspace",
                    "Support has ended ({reason}). Everything is read-only until support is"
                    " reopened.",
                ).format(reason=reason)
            )
        self.closed_bar.setVisible(data.closed)
        self.loaded.emit(data)

    def reopen(self) -> None:
        pid = self.participant_id

        def op(store: Store) -> None:
            store.update("participant", pid, {"status": "active", "closure_reason": None})

        self._runner.run(op, lambda _r: self.changed.emit(), writes=True, owner=self.closed_bar)
