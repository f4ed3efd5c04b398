"""The partner's home: what the main window shows instead of the caseload to a partner.

Two tabs. **My sessions**: the timetable's sessions that the partner's organisation runs
and, for the chosen one, its attendees — reference, preferred name (or the reference when
the agreement sends none) and the safety flags a coordinator marked "session leaders may
see", shown as a flag icon *and* words, never colour alone; **Take attendance…** records who
came (:mod:`.attendance`). **Referral inbox**: :mod:`.inbox`.

A partner's laptop never holds given or family names, case notes or the rest of a person's
record (``server/partner_scope.py``), so the mentor's screens do not open here.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mentor_desk.store import partner
from mentor_desk.store.partner import Attendee
from mentor_desk.store.records import Record
from mentor_desk.ui.forms.directory import session_label
from mentor_desk.ui.forms.records import RecordTableModel, button, selected
from mentor_desk.ui.partner.attendance import PitchAttendanceDialog
from mentor_desk.ui.partner.inbox import ReferralInbox
from mentor_desk.ui.shell.i18n import translate
from mentor_desk.ui.shell.table_model import ColumnsModel, read_only_table
from mentor_desk.ui.shell.tasks import TaskRunner
from mentor_desk.ui.shell.theme import icon, late_colour
from mentor_desk.ui.shell.widgets import label, named, plain

FLAGS_COLUMN = 2


def flags_text(flags: Sequence[str]) -> str:
    """The shared safety flags in words ("" when none): "⚠ Safety: a · b"."""
    if not flags:
        return ""
    return translate("PartnerHome", "⚠ Safety: {flags}").format(flags=" · ".join(flags))


class AttendeesModel(ColumnsModel[Attendee]):
    """A session's attendees; the flags column carries a flag icon beside its words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                (translate("PartnerHome", "Reference"), lambda a: a.reference),
                (translate("PartnerHome", "Name"), lambda a: a.name),
                (
                    translate("PartnerHome", "Safety flags to know"),
                    lambda a: flags_text(a.shared_flags),
                ),
                (translate("PartnerHome", "Last came"), lambda a: a.last_attended_on),
            ],
            parent,
        )

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if (
            role == Qt.ItemDataRole.DecorationRole
            and index.isValid()
            and index.column() == FLAGS_COLUMN
        ):
            row = self.row(index.row())
            if row is not None and row.shared_flags:
                return icon("flag", late_colour().name())
            return None
        return super().data(index, role)


class SessionsPage(QWidget):
    """My sessions (left) and the chosen session's attendees (right).

    Signals:
        loaded(): the sessions arrived from the store.
    """

    loaded = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._generation = 0
        layout = QVBoxLayout(self)
        layout.addWidget(label(translate("PartnerHome", "My sessions"), "title"))
        layout.addWidget(
            label(
                translate(
                    "PartnerHome",
                    "The sessions your organisation runs, and the people who come. This "
                    "computer holds only what the sharing agreement and each person's "
                    "consent allow: their reference, the name they go by and the safety "
                    "flags you need to know.",
                ),
                "hint",
                wrap=True,
            )
        )
        self.sessions = RecordTableModel(
            [
                (translate("PartnerHome", "Session"), lambda s: s.get("name") or ""),
                (translate("PartnerHome", "When"), _when),
                (translate("PartnerHome", "Venue"), lambda s: s.get("venue") or ""),
            ],
            self,
        )
        self.session_table: QTableView = read_only_table(
            self.sessions, translate("PartnerHome", "My sessions"), stretch=0
        )
        self.attendees = AttendeesModel(self)
        self.attendee_table: QTableView = read_only_table(
            self.attendees, translate("PartnerHome", "Attendees of the chosen session"), stretch=2
        )
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.attendees_title = label(translate("PartnerHome", "Attendees"), "subtitle")
        right_layout.addWidget(self.attendees_title)
        right_layout.addWidget(self.attendee_table, 1)
        self.banner = label("", "banner", wrap=True)
        self.banner.hide()
        right_layout.addWidget(self.banner)
        self.empty = label("", "hint", wrap=True)
        right_layout.addWidget(self.empty)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.session_table)
        split.addWidget(right)
        split.setSizes([460, 720])
        layout.addWidget(split, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.attendance_button = button(
            translate("PartnerHome", "Take attendance…"),
            translate("PartnerHome", "Take attendance at the chosen session"),
            translate("PartnerHome", "Works offline; sent at the next sync"),
        )
        self.attendance_button.setProperty("role", "primary")
        row.addWidget(self.attendance_button)
        layout.addLayout(row)
        self.session_table.selectionModel().currentRowChanged.connect(
            lambda *_a: self._session_chosen()
        )
        self.attendee_table.selectionModel().currentRowChanged.connect(
            lambda *_a: self._attendee_chosen()
        )
        self.session_table.activated.connect(lambda _i: self.take_attendance())
        self.attendance_button.clicked.connect(self.take_attendance)
        self.attendance_button.setEnabled(False)

    # -- loading ---------------------------------------------------------------------------
    def refresh(self) -> None:
        self._runner.run(partner.my_sessions, self._loaded, owner=self)

    def clear(self) -> None:
        self._generation += 1
        self.sessions.set_records([])
        self.attendees.set_rows([])
        self.banner.hide()
        self.attendance_button.setEnabled(False)

    def _loaded(self, sessions: list[Record]) -> None:
        chosen = (self.chosen_session() or {}).get("id")
        self.sessions.set_records(sessions)
        if sessions:
            at = next((i for i, s in enumerate(sessions) if s["id"] == chosen), 0)
            self.session_table.selectRow(at)
        else:
            self.attendees.set_rows([])
            self.attendees_title.setText(translate("PartnerHome", "Attendees"))
            self.empty.setText(
                translate(
                    "PartnerHome",
                    "No sessions of your organisation are in the timetable yet; the lead "
                    "organisation's coordinator adds them.",
                )
            )
        self._session_chosen()
        self.loaded.emit()

    def chosen_session(self) -> Record | None:
        return selected(self.session_table)

    def _session_chosen(self) -> None:
        session = self.chosen_session()
        self.attendance_button.setEnabled(session is not None)
        if session is None:
            return
        self.attendees_title.setText(
            translate("PartnerHome", "Attendees of {session}").format(
                session=session_label(session)
            )
        )
        self._generation += 1
        generation, sid = self._generation, str(session["id"])

        def show(people: list[Attendee]) -> None:
            if generation == self._generation:
                self._show_attendees(people)

        self._runner.run(lambda store: partner.attendees(store, sid), show, owner=self)

    def _show_attendees(self, people: list[Attendee]) -> None:
        self.attendees.set_rows(people)
        flagged = sum(1 for p in people if p.shared_flags)
        if people:
            self.attendee_table.selectRow(0)
            self.empty.setText(
                translate("PartnerHome", "{n} people, {flagged} with safety flags").format(
                    n=len(people), flagged=flagged
                )
            )
        else:
            self.empty.setText(
                translate(
                    "PartnerHome",
                    "Nobody has attendance at this session yet. The people a mentor "
                    "records here appear after the next sync.",
                )
            )
        self._attendee_chosen()

    def chosen_attendee(self) -> Attendee | None:
        index = self.attendee_table.currentIndex()
        return self.attendees.row(index.row()) if index.isValid() else None

    def _attendee_chosen(self) -> None:
        person = self.chosen_attendee()
        text = flags_text(person.shared_flags) if person else ""
        if person is not None and text:
            text = translate("PartnerHome", "{name}: {flags}").format(name=person.name, flags=text)
        self.banner.setText(text)
        self.banner.setAccessibleName(text)
        self.banner.setVisible(bool(text))

    # -- attendance -------------------------------------------------------------------------
    def take_attendance(self) -> PitchAttendanceDialog | None:
        session = self.chosen_session()
        if session is None:
            return None
        people = list(self.attendees.rows)
        dialog = PitchAttendanceDialog(self._runner, session, people, self)
        dialog.saved.connect(lambda _n: self._session_chosen())
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        return dialog


def _when(session: Record) -> str:
    day = plain(session.get("weekday")) or session.get("on_date") or ""
    return f"{day} {session.get('time') or ''}".strip()


class PartnerHome(QWidget):
    """What a partner sees once unlocked: My sessions and the Referral inbox.

    Signals:
        loaded(): both tabs have read the store once since the last :meth:`refresh`.
    """

    loaded = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._waiting: set[str] = set()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        name = translate("PartnerHome", "Your sessions and referrals")
        named(self.tabs, name)
        self.tabs.tabBar().setAccessibleName(name)
        self.tabs.setDocumentMode(True)
        self.sessions = SessionsPage(runner)
        self.inbox = ReferralInbox(runner)
        self.tabs.addTab(self.sessions, icon("people"), translate("PartnerHome", "&My sessions"))
        self.tabs.addTab(self.inbox, icon("check"), translate("PartnerHome", "&Referral inbox"))
        layout.addWidget(self.tabs)
        self.sessions.loaded.connect(lambda: self._part_loaded("sessions"))
        self.inbox.loaded.connect(lambda: self._part_loaded("inbox"))

    def refresh(self) -> None:
        self._waiting = {"sessions", "inbox"}
        self.sessions.refresh()
        self.inbox.refresh()

    def clear(self) -> None:
        """Forget everything shown (on lock)."""
        self._waiting.clear()
        self.sessions.clear()
        self.inbox.clear()
        self.tabs.setCurrentWidget(self.sessions)

    def _part_loaded(self, part: str) -> None:
        if part in self._waiting:
            self._waiting.discard(part)
            if not self._waiting:
                self.loaded.emit()

    def focus_first(self) -> None:
        self.sessions.session_table.setFocus()
