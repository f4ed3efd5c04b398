"""Conflict review: both values side by side, who and when; keep one, or type the value.

A conflict is a field changed both here and elsewhere before either side saw the other's
change; the server kept its value and this computer's losing value is stored with the
conflict (SYNC.md "Merging"). Settling it is an ordinary change (see :mod:`sync_ops`), sent
at once with a sync.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from mentor_desk.ui.shell.i18n import translate
from mentor_desk.ui.shell.table_model import ColumnsModel, read_only_table
from mentor_desk.ui.shell.tasks import TaskRunner
from mentor_desk.ui.shell.widgets import label, named, set_error
from mentor_desk.ui.sync import wording as sync_ops
from mentor_desk.ui.sync.controller import SyncController
from mentor_desk.ui.sync.wording import ConflictRow


def when_text(at: datetime | None) -> str:
    if at is None:
        return ""
    local = at.astimezone()
    return f"{local:%a} {local.day} {local:%b}, {local:%H:%M}"


def theirs_text(row: ConflictRow) -> str:
    """Who wrote the value the server kept, and when, as far as the server said."""
    if not row.theirs_by:
        return translate("Conflicts", "Someone else — already on the server")
    who = translate("Conflicts", "You, earlier") if row.theirs_by == sync_ops.YOU else row.theirs_by
    when = when_text(row.theirs_at)
    return translate("Conflicts", "{who} — {when}").format(who=who, when=when) if when else who


RowsModel = ColumnsModel
rows_table = read_only_table


def conflicts_model(parent: QWidget | None = None) -> RowsModel[ConflictRow]:
    return RowsModel[ConflictRow](
        [
            (translate("Conflicts", "Participant"), lambda r: r.participant),
            (translate("Conflicts", "Record"), lambda r: r.what),
            (translate("Conflicts", "Field"), lambda r: r.field_label),
            (translate("Conflicts", "Sent by"), lambda r: sync_ops.author_text(r.mine_by)),
            (translate("Conflicts", "When"), lambda r: when_text(r.at)),
        ],
        parent,
    )


def _value_box(name: str) -> QPlainTextEdit:
    box = named(QPlainTextEdit(), name)
    box.setReadOnly(True)
    box.setMinimumHeight(70)
    box.setMaximumHeight(160)
    return box


class ConflictsDialog(QDialog):
    """Sync → Conflicts to review. Non-modal; closed by a lock like every dialog.

    Signals:
        resolved(str): a conflict was settled (its id).
    """

    resolved = Signal(str)

    def __init__(
        self, runner: TaskRunner, sync: SyncController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._runner, self._sync = runner, sync
        self.setWindowTitle(translate("Conflicts", "Conflicts to review"))
        self.resize(1080, 520)
        box = QVBoxLayout(self)
        box.addWidget(
            label(
                translate(
                    "Conflicts",
                    "These fields were changed here and elsewhere before either side saw the "
                    "other change. The server kept its value; choose what should stay.",
                ),
                "",
                wrap=True,
            )
        )
        self.model = conflicts_model(self)
        self.table = rows_table(self.model, translate("Conflicts", "Conflicts"))
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self._detail_panel())
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([440, 620])
        box.addWidget(split, 1)
        self.empty = label(
            translate("Conflicts", "Nothing to review: every conflict is settled."), "subtitle"
        )
        self.empty.hide()
        box.addWidget(self.empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        named(
            buttons.button(QDialogButtonBox.StandardButton.Close), translate("Conflicts", "Close")
        )
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._show())
        self.reload()

    def _detail_panel(self) -> QWidget:
        panel = QWidget()
        grid = QGridLayout(panel)
        grid.setContentsMargins(8, 0, 0, 0)
        self.title = label("", "subtitle", wrap=True)
        grid.addWidget(self.title, 0, 0, 1, 2)
        mine_group = self.mine_group = QGroupBox(translate("Conflicts", "Yours"))
        mine_box = QVBoxLayout(mine_group)
        self.mine_who = label("", "hint", wrap=True)
        self.mine_value = _value_box(translate("Conflicts", "Your value"))
        keep_mine = translate("Conflicts", "Keep mine")
        self.keep_mine = named(QPushButton(keep_mine), keep_mine)
        mine_box.addWidget(self.mine_who)
        mine_box.addWidget(self.mine_value, 1)
        mine_box.addWidget(self.keep_mine)
        theirs_group = QGroupBox(translate("Conflicts", "On the server"))
        theirs_box = QVBoxLayout(theirs_group)
        self.theirs_who = label(
            translate("Conflicts", "Someone else — already on the server"), "hint", wrap=True
        )
        self.theirs_value = _value_box(translate("Conflicts", "The server's value"))
        keep_theirs = translate("Conflicts", "Keep theirs")
        self.keep_theirs = named(QPushButton(keep_theirs), keep_theirs)
        theirs_box.addWidget(self.theirs_who)
        theirs_box.addWidget(self.theirs_value, 1)
        theirs_box.addWidget(self.keep_theirs)
        grid.addWidget(mine_group, 1, 0)
        grid.addWidget(theirs_group, 1, 1)
        self.edit_group = QGroupBox(translate("Conflicts", "Or type what it should be"))
        edit_box = QHBoxLayout(self.edit_group)
        self.edit = named(QPlainTextEdit(), translate("Conflicts", "Value to keep"))
        self.edit.setMaximumHeight(80)
        self.use_edit = named(
            QPushButton(translate("Conflicts", "Use this")),
            translate("Conflicts", "Use this value"),
        )
        edit_box.addWidget(self.edit, 1)
        edit_box.addWidget(self.use_edit, 0, Qt.AlignmentFlag.AlignBottom)
        grid.addWidget(self.edit_group, 2, 0, 1, 2)
        self.error = label("", "error", wrap=True)
        self.error.hide()
        grid.addWidget(self.error, 3, 0, 1, 2)
        grid.setRowStretch(4, 1)
        self.keep_mine.clicked.connect(lambda: self._resolve("mine"))
        self.keep_theirs.clicked.connect(lambda: self._resolve("theirs"))
        self.use_edit.clicked.connect(lambda: self._resolve("value"))
        return panel

    # -- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        self._runner.run(sync_ops.conflict_rows, self._loaded, owner=self)

    def _loaded(self, rows: list[ConflictRow]) -> None:
        keep = self.current()
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        if rows:
            ids = [r.id for r in rows]
            row = ids.index(keep.id) if keep is not None and keep.id in ids else 0
            self.table.selectRow(row)
        self._show()

    def current(self) -> ConflictRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.rows):
            return None
        return self.model.rows[index.row()]

    def _show(self) -> None:
        row = self.current()
        for widget in (self.keep_mine, self.keep_theirs, self.use_edit, self.edit):
            widget.setEnabled(row is not None)
        set_error(self.error, "")
        if row is None:
            self.title.setText("")
            for box in (self.mine_value, self.theirs_value, self.edit):
                box.clear()
            return
        self.title.setText(
            translate("Conflicts", "{participant} — {record}: {field}").format(
                participant=row.participant, record=row.what, field=row.field_label
            )
        )
        yours = row.mine_is_yours
        self.mine_group.setTitle(
            translate("Conflicts", "Yours")
            if yours
            else translate("Conflicts", "Sent by {name}").format(name=row.mine_by)
        )
        who = translate("Conflicts", "You, on this computer") if yours else row.mine_by
        self.mine_who.setText(
            translate("Conflicts", "{who} — {when}").format(who=who, when=when_text(row.at))
        )
        self.theirs_who.setText(theirs_text(row))
        self.mine_value.setPlainText(sync_ops.show_value(row.entity, row.field, row.mine))
        self.theirs_value.setPlainText(sync_ops.show_value(row.entity, row.field, row.theirs))
        self.edit_group.setVisible(row.editable)
        if row.editable:
            self.edit.setPlainText(sync_ops.edit_text(row.entity, row.field, row.mine))
        if row.restores_on_server:
            self.keep_mine.setText(translate("Conflicts", "Bring it back with my changes"))
            self.keep_theirs.setText(translate("Conflicts", "Keep it deleted"))
        elif row.field == sync_ops.DELETED_FIELD:
            self.keep_mine.setText(translate("Conflicts", "Delete it"))
            self.keep_theirs.setText(translate("Conflicts", "Keep it"))
        elif yours:
            self.keep_mine.setText(translate("Conflicts", "Keep mine"))
            self.keep_theirs.setText(translate("Conflicts", "Keep theirs"))
        else:  # a coordinator or the other author, settling someone else's conflict
            self.keep_mine.setText(translate("Conflicts", "Keep {name}'s").format(name=row.mine_by))
            self.keep_theirs.setText(translate("Conflicts", "Keep the server's"))
        for button in (self.keep_mine, self.keep_theirs):
            button.setAccessibleName(button.text())

    # -- settling -----------------------------------------------------------------------
    def _resolve(self, choice: str) -> None:
        row = self.current()
        if row is None:
            return
        set_error(self.error, "")
        if choice == "mine" and row.restores_on_server:
            self._restore_on_server(row)
            return
        value: Any = None
        if choice == "value":
            try:
                value = sync_ops.parse_value(row.entity, row.field, self.edit.toPlainText())
            except ValueError:
                set_error(
                    self.error,
                    translate("Conflicts", "That value is not in the right form for this field."),
                )
                return
        self._set_working(True)
        self._runner.run(
            lambda s: sync_ops.resolve_conflict(s, row.id, choice, value),
            lambda _r: self._settled(row.id),
            lambda m, _e: self._failed(m),
            writes=True,
            owner=self,
        )

    def _restore_on_server(self, row: ConflictRow) -> None:
        engine = self._sync.engine
        if engine is None:
            set_error(self.error, str(sync_ops.NeedsServer()))
            return
        self._set_working(True)
        transport = engine.transport
        self._sync.net.run(
            lambda: transport.resolve_conflict(row.id, {"choice": "mine"}),
            lambda _r: self._runner.run(
                lambda s: sync_ops.mark_resolved(s, row.id),
                lambda _x: self._settled(row.id),
                lambda m, _e: self._failed(m),
                owner=self,
            ),
            lambda m, _e: self._failed(m),
            owner=self,
        )

    def _settled(self, conflict_id: str) -> None:
        self._set_working(False)
        self.resolved.emit(conflict_id)
        self._sync.refresh_counts()
        self._sync.sync_now(manual=False)
        self.reload()

    def _failed(self, message: str) -> None:
        self._set_working(False)
        set_error(self.error, message)

    def _set_working(self, on: bool) -> None:
        for widget in (self.keep_mine, self.keep_theirs, self.use_edit, self.table):
            widget.setEnabled(not on)
