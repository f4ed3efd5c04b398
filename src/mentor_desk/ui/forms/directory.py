"""The coordinator's editors: the service directory and the activity-session timetable.

Both are shared with the whole partnership (unscoped records). :class:`ListEditorDialog`
lists one of them with New… and Change…; mentors never get here (the actions are only
enabled for coordinators, and the server enforces it again on sync).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QVBoxLayout, QWidget

from mentor_desk.domain.vocabulary import entity
from mentor_desk.store.records import Record, Store
from mentor_desk.ui.forms.common import choice_text
from mentor_desk.ui.forms.data import age_text, today_iso
from mentor_desk.ui.forms.records import (
    Column,
    RecordDialog,
    RecordTableModel,
    button,
    open_dialog,
    record_table,
    selected,
)
from mentor_desk.ui.shell.i18n import translate
from mentor_desk.ui.shell.tasks import TaskRunner
from mentor_desk.ui.shell.widgets import label, named, plain

SERVICE_FIELDS = entity("service").names  # the directory form shows every declared field
SESSION_FIELDS = entity("activity_session").names


def service_dialog(
    runner: TaskRunner, service: Record | None, parent: QWidget | None = None
) -> RecordDialog:
    return RecordDialog(
        runner,
        "service",
        SERVICE_FIELDS,
        title=translate("Directory", "Change service")
        if service
        else translate("Directory", "New service"),
        record=service,
        initial={"last_checked_on": today_iso()},
        intro=translate(
            "Directory", "Shared with every mentor in the partnership at the next sync."
        ),
        parent=parent,
    )


def session_dialog(
    runner: TaskRunner, session: Record | None, parent: QWidget | None = None
) -> RecordDialog:
    return RecordDialog(
        runner,
        "activity_session",
        SESSION_FIELDS,
        title=translate("Directory", "Change session")
        if session
        else translate("Directory", "New session"),
        record=session,
        intro=translate(
            "Directory", "A weekly session has a day and a time; a one-off has a date."
        ),
        parent=parent,
    )


def session_label(session: Record) -> str:
    when = plain(session.get("weekday")) or session.get("on_date") or ""
    time = session.get("time") or ""
    return f"{session['name']} — {when} {time}".strip()


class ListEditorDialog(QDialog):
    """A list of shared records with New… and Change… (the directory or the timetable)."""

    def __init__(
        self,
        runner: TaskRunner,
        entity_name: str,
        title: str,
        columns: Sequence[Column],
        editor: Callable[[TaskRunner, Record | None, QWidget | None], RecordDialog],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner, self._entity, self._editor = runner, entity_name, editor
        self.setWindowTitle(title)
        named(self, title)
        layout = QVBoxLayout(self)
        layout.addWidget(label(title, "subtitle"))
        self.model = RecordTableModel(columns, self)
        self.table = record_table(self.model, title, stretch=0)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.new_button = button(
            translate("Directory", "New…"),
            translate("Directory", "New entry in {list}").format(list=title.lower()),
        )
        self.change_button = button(
            translate("Directory", "Change…"), translate("Directory", "Change the chosen entry")
        )
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        named(close.button(QDialogButtonBox.StandardButton.Close), translate("Directory", "Close"))
        close.rejected.connect(self.reject)
        row.addWidget(self.new_button)
        row.addWidget(self.change_button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.new_button.clicked.connect(lambda: self.edit(None))
        self.change_button.clicked.connect(lambda: self.edit(selected(self.table)))
        self.table.doubleClicked.connect(lambda _i: self.edit(selected(self.table)))
        self.resize(820, 520)
        self.reload()

    def reload(self) -> None:
        name = self._entity
        self._runner.run(
            lambda store: store.list(name, order_by=["name"]), self.model.set_records, owner=self
        )

    def edit(self, record: Record | None) -> RecordDialog:
        dialog = self._editor(self._runner, record, self)
        open_dialog(dialog, lambda _r: self.reload())
        return dialog


def directory_editor(runner: TaskRunner, parent: QWidget | None = None) -> ListEditorDialog:
    return ListEditorDialog(
        runner,
        "service",
        translate("Directory", "Service directory"),
        [
            (translate("Directory", "Service"), lambda s: s["name"]),
            (translate("Directory", "Organisation"), lambda s: s.get("organisation") or ""),
            (
                translate("Directory", "Pathways"),
                lambda s: ", ".join(choice_text("pathway", p) for p in s.get("pathways") or []),
            ),
            (translate("Directory", "Last checked"), lambda s: age_text(s.get("last_checked_on"))),
        ],
        service_dialog,
        parent,
    )


def timetable_editor(runner: TaskRunner, parent: QWidget | None = None) -> ListEditorDialog:
    return ListEditorDialog(
        runner,
        "activity_session",
        translate("Directory", "Activity timetable"),
        [
            (translate("Directory", "Session"), lambda s: s["name"]),
            (translate("Directory", "Provider"), lambda s: s.get("provider") or ""),
            (translate("Directory", "Venue"), lambda s: s.get("venue") or ""),
            (translate("Directory", "When"), lambda s: session_label(s).split(" — ", 1)[-1]),
            (translate("Directory", "Contact"), lambda s: s.get("contact") or ""),
        ],
        session_dialog,
        parent,
    )


def known_sessions(store: Store) -> list[Record]:
    return store.list("activity_session", order_by=["name"])
