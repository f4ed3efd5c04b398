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
    QComboBox,
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
from mentor_desk.ui.forms.base import RecordTab
from mentor_desk.ui.forms.common import ExtraRules, FieldForm, Options
from mentor_desk.ui.shell.drafts import FormDraft
from mentor_desk.ui.shell.i18n import translate
from mentor_desk.ui.shell.shortcuts import lock_from
from mentor_desk.ui.shell.table_model import ROW_ROLE, ColumnsModel, read_only_table
from mentor_desk.ui.shell.tasks import TaskRunner
from mentor_desk.ui.shell.widgets import label, named, save_from, set_error

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


def _participant_of(
    entity_name: str, base: Mapping[str, Any] | None, record: Record | None
) -> str | None:
    """The participant a form is about, if any (service directory forms have none)."""
    if entity_name == "participant":
        return None if record is None else str(record.get("id") or "") or None
    pid = (record or {}).get("participant_id") or (base or {}).get("participant_id")
    return str(pid) if pid else None


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
        footnote: str = "",
        draft_key: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self.entity_name = entity_name
        self.record = record
        self.setWindowTitle(title)
        named(self, title)
        #: How to open this form again from a draft (JSON): everything but the callbacks.
        self.recipe: dict[str, Any] = {
            "entity": entity_name,
            "names": list(names),
            "title": title,
            "record_id": (record or {}).get("id"),
            "base": dict(base or {}),
            "initial": dict(initial or {}),
            "labels": dict(labels or {}),
            "options": {k: [list(o) for o in v] for k, v in (options or {}).items()},
            "intro": intro,
            "wrap": wrap,
            "footnote": footnote,
        }
        #: A form whose saving does nothing beyond the save and a refresh can be reopened
        #: from its draft as a plain RecordDialog; others offer their typed text to copy.
        self.reopenable = type(self) is RecordDialog and extra is None
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
        self.footnote = label(footnote, "hint", wrap=True) if footnote else None
        if self.footnote is not None:
            layout.addWidget(self.footnote)
        self.error = label("", "error", wrap=True)
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        named(self.save_button, translate("FormCommon", "Save"))
        self.save_button.setDefault(True)
        named(
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel),
            translate("FormCommon", "Cancel"),
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(560, min(160 + 58 * len(names), 720))
        lock_from(self)
        save_from(self, self.save_button)
        pid = _participant_of(entity_name, base, record)
        self.form_draft = (
            None
            if pid is None
            else FormDraft(runner, pid, self._draft_description, self.form.values, self, draft_key)
        )

    def _draft_description(self) -> dict[str, Any]:
        labels = {n: self.form.label_of(n) for n in self.recipe["names"]}
        # choices as the person saw them ("Not started", not "not_started")
        shown = {
            n: e.currentText() for n, e in self.form.editors.items() if isinstance(e, QComboBox)
        }
        return {
            "title": self.windowTitle(),
            "recipe": self.recipe,
            "reopen": self.reopenable,
            "labels": labels,
            "shown": shown,
        }

    @classmethod
    def reopen(
        cls,
        runner: TaskRunner,
        recipe: Mapping[str, Any],
        values: Mapping[str, Any],
        record: Record | None,
        draft_key: str,
        parent: QWidget | None = None,
    ) -> RecordDialog:
        """The form a draft was kept from, holding what was typed (see :meth:`recipe`)."""
        dialog = cls(
            runner,
            str(recipe["entity"]),
            list(recipe["names"]),
            title=str(recipe["title"]),
            base=recipe.get("base") or None,
            record=record,
            initial=recipe.get("initial") or None,
            labels=recipe.get("labels") or None,
            options={k: [tuple(o) for o in v] for k, v in (recipe.get("options") or {}).items()},
            intro=str(recipe.get("intro") or ""),
            wrap=bool(recipe.get("wrap")),
            footnote=str(recipe.get("footnote") or ""),
            draft_key=draft_key,
            parent=parent,
        )
        dialog.form.set_values({**dialog.form.values(), **values})
        if dialog.form_draft is not None:
            dialog.form_draft.recovered()
        return dialog

    def reject(self) -> None:
        if self.form_draft is not None:
            self.form_draft.cancel()
        super().reject()

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
        if self.form_draft is not None:
            self.form_draft.drop()
        self.saved.emit(record)
        self.accept()

    def _failed(self, message: str, _e: BaseException) -> None:
        self.save_button.setEnabled(True)
        set_error(self.error, message)


def open_dialog(dialog: QDialog, on_saved: Callable[[Any], None] | None = None) -> QDialog:
    """Show ``dialog`` without blocking, and drop it when it closes."""
    if on_saved is not None and isinstance(dialog, RecordDialog):
        dialog.saved.connect(on_saved)
        # more than "reload the tab" happens after saving: a recovered draft could not do it
        refresh_only = isinstance(getattr(on_saved, "__self__", None), RecordTab) and (
            getattr(on_saved, "__name__", "") == "saved"
        )
        dialog.reopenable = dialog.reopenable and refresh_only and dialog.after_save is None
    dialog.finished.connect(lambda _r: dialog.deleteLater())
    dialog.open()
    return dialog
