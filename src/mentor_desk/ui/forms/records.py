"""Shared pieces of the record screens: a table model over records, and the record dialog.

:class:`RecordTableModel` is a real item model whose columns are ``(title, text-of-record)``
pairs. :class:`RecordDialog` edits one record with a :class:`~.common.FieldForm` and saves
it through the task runner (create or update), never on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Signal,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentor_desk.domain.vocabulary import entity
from mentor_desk.store.records import Record, Store
from mentor_desk.ui.forms.common import ExtraRules, FieldForm, Options
from mentor_desk.ui.table_model import ROW_ROLE, ColumnsModel, read_only_table
from mentor_desk.ui.tasks import TaskRunner
from mentor_desk.ui.widgets import label, named, set_error

ModelIndex = QModelIndex | QPersistentModelIndex
Column = tuple[str, Callable[[Record], str]]
RECORD_ROLE = ROW_ROLE


class RecordTableModel(ColumnsModel[Record]):
    """Records as rows; each column is a title and a function giving the cell's text."""

    def set_records(self, records: Sequence[Record]) -> None:
        self.set_rows(records)

    def records(self) -> list[Record]:
        return list(self.rows)

    def record(self, row: int) -> Record | None:
        return self.row(row)


record_table = read_only_table


def selected(table: QTableView) -> Record | None:
    """The record of the table's current row, if any."""
    index = table.currentIndex()
    if not index.isValid():
        return None
    rec = index.data(RECORD_ROLE)
    return rec if isinstance(rec, dict) else None


def button(text: str, name: str = "", tip: str = "") -> QPushButton:
    widget = named(QPushButton(text), name or text.replace("&", "").rstrip("…"))
    if tip:
        widget.setToolTip(tip)
    return widget


class RecordDialog(QDialog):
    """Adds or changes one record; saves on the store worker.

    Signals:
        saved(object): the saved record (a dict), after the store accepted it.
    """

    saved = Signal(object)
    #: Optional more work in the same operation as the save (an audit row, a status change).
    after_save: Callable[[Store, Record], None] | None = None

    def __init__(
        self,
        runner: TaskRunner,
        entity_name: str,
        names: Sequence[str],
        *,
        title: str,
        base: Mapping[str, Any] | None = None,
        record: Record | None = None,
        initial: Mapping[str, Any] | None = None,
        labels: Mapping[str, str] | None = None,
        options: Mapping[str, Options] | None = None,
        extra: ExtraRules | None = None,
        intro: str = "",
        wrap: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self.entity_name = entity_name
        self.record = record
        self.setWindowTitle(title)
        named(self, title)
        if record is not None:  # the fields not shown still take part in validation
            kept = {f.name: record.get(f.name) for f in entity(entity_name).fields}
            base = {**kept, **(base or {})}
            base = {k: v for k, v in base.items() if k not in names and v is not None}
        layout = QVBoxLayout(self)
        if intro:
            layout.addWidget(label(intro, "hint", wrap=True))
        self.form = FieldForm(
            entity_name,
            names,
            base=base,
            labels=labels,
            options=options,
            extra=extra,
            wrap=wrap,
        )
        self.form.set_values({**(initial or {}), **(record or {})})
        scroll = named(QScrollArea(), title)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.form)
        layout.addWidget(scroll, 1)
        self.body = layout  # subclasses add their own rows before the buttons
        self.error = label("", "error", wrap=True)
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        named(self.save_button, "Save")
        self.save_button.setDefault(True)
        named(self.buttons.button(QDialogButtonBox.StandardButton.Cancel), "Cancel")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(560, min(160 + 58 * len(names), 720))

    def changes(self) -> dict[str, Any]:
        """What to write: every shown field for a change, non-empty ones for a new record."""
        if self.record is None:
            return self.form.record_values()
        return self.form.values()

    def save(self) -> None:
        self.form.show_all_errors()
        if not self.form.valid:
            return
        values = self.changes()
        name, rec_id = self.entity_name, (self.record or {}).get("id")
        after = self.after_save
        self.save_button.setEnabled(False)

        def op(store: Store) -> Record:
            with store.transaction():
                if rec_id is None:
                    rec = store.create(name, values)
                else:
                    rec = store.update(name, rec_id, values)
                if after is not None:
                    after(store, rec)
            return rec

        self._runner.run(op, self._saved, self._failed, writes=True, owner=self)

    def _saved(self, record: Record) -> None:
        self.saved.emit(record)
        self.accept()

    def _failed(self, message: str, _e: BaseException) -> None:
        self.save_button.setEnabled(True)
        set_error(self.error, message)


def open_dialog(dialog: QDialog, on_saved: Callable[[Any], None] | None = None) -> QDialog:
    """Show ``dialog`` without blocking, and drop it when it closes."""
    if on_saved is not None and isinstance(dialog, RecordDialog):
        dialog.saved.connect(on_saved)
    dialog.finished.connect(lambda _r: dialog.deleteLater())
    dialog.open()
    return dialog
