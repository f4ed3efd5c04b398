"""The form every record editor is built from: fields from the vocabulary, checked as you type.

:class:`FieldForm` lays out some fields of one record type, picks an editor per field kind,
and re-runs :func:`mentor_desk.domain.validation.validate` on every edit. A field's message
("Target date is not a real date (use the form 2026-11-23)") appears under it once it has
been touched, or for every field when the user tries to save.

Dates are typed as ``2026-11-23`` and date-times as ``2026-11-23 14:30`` in local time, so an
impossible date can be typed and is then named plainly instead of being silently corrected.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mentor_desk.domain import resources
from mentor_desk.domain.validation import FieldError, validate
from mentor_desk.domain.vocabulary import Field, Kind, entity
from mentor_desk.ui.shell.i18n import QT_TRANSLATE_NOOP, translate
from mentor_desk.ui.shell.widgets import label, named, plain, set_error

Editor = QLineEdit | QPlainTextEdit | QComboBox | QSpinBox | QCheckBox | QListWidget
ExtraRules = Callable[[Mapping[str, Any]], list[FieldError]]
Options = Sequence[tuple[Any, str]]

#: How to type a date and a date-time (shown through :func:`date_hint`, :func:`datetime_hint`).
DATE_HINT = QT_TRANSLATE_NOOP("FormCommon", "YYYY-MM-DD, for example 2026-11-23")
DATETIME_HINT = QT_TRANSLATE_NOOP("FormCommon", "YYYY-MM-DD HH:MM, for example 2026-11-23 09:30")
_DT_FORMAT = "%Y-%m-%d %H:%M"


# -- dates and times as typed ---------------------------------------------------------------
def date_hint() -> str:
    return translate("FormCommon", DATE_HINT)


def datetime_hint() -> str:
    return translate("FormCommon", DATETIME_HINT)


def local_text(iso: str | None) -> str:
    """A stored UTC instant as the editable local text ``2026-11-23 09:30``."""
    if not iso:
        return ""
    try:
        instant = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=UTC)
    return instant.astimezone().strftime(_DT_FORMAT)


def utc_iso(text: str) -> str:
    """Typed local ``2026-11-23 09:30`` as a stored UTC instant; odd text is passed on as is
    so that validation can name the problem."""
    text = " ".join(text.replace("T", " ").split())
    try:
        local = datetime.strptime(text, _DT_FORMAT)
    except ValueError:
        return text
    return local.astimezone().astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def pathway_options() -> list[tuple[Any, str]]:
    return list(resources.pathway_labels().items())


def choice_text(field_name: str, code: str | None) -> str:
    """A stored choice in words (pathways and closure reasons have their own labels)."""
    if not code:
        return ""
    if field_name == "pathway":
        return resources.pathway_labels().get(code, plain(code))
    return plain(code)


def make_read_only(widgets: Iterable[QWidget], read_only: bool) -> None:
    """Lock editors for reading: text stays selectable, choices cannot change."""
    for widget in widgets:
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            widget.setReadOnly(read_only)
        else:
            widget.setEnabled(not read_only)


# -- the form --------------------------------------------------------------------------------
class FieldForm(QWidget):
    """Some fields of one record type, with live, field-level validation.

    Args:
        entity_name: the record type.
        names: the fields shown, in order.
        base: values the record has but the form does not show (``participant_id``…); they
            take part in validation and in :meth:`record_values`.
        labels: a label per field where the vocabulary's is not the best for this form.
        options: choices for REF fields (and to narrow CHOICE fields): ``(value, text)``.
        extra: further rules of this screen, returning field errors like ``validate``.
        wrap: put each label above its field (long questions).

    Signals:
        changed(): a field was edited by the user.
    """

    changed = Signal()

    def __init__(
        self,
        entity_name: str,
        names: Sequence[str],
        *,
        base: Mapping[str, Any] | None = None,
        labels: Mapping[str, str] | None = None,
        options: Mapping[str, Options] | None = None,
        extra: ExtraRules | None = None,
        wrap: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.entity_name = entity_name
        self._ent = entity(entity_name)
        self.base: dict[str, Any] = dict(base or {})
        self._labels = dict(labels or {})
        self._options = dict(options or {})
        self._extra = extra
        self.editors: dict[str, Editor] = {}
        self.messages: dict[str, QLabel] = {}
        self.errors: list[FieldError] = []
        self._touched: set[str] = set()
        self._show_all = False
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.layout_form = form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setVerticalSpacing(4)
        if wrap:
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for name in names:
            self._add(form, self._ent.field(name))
        layout.addLayout(form)
        self.general = label("", "error", wrap=True)
        self.general.hide()
        layout.addWidget(self.general)
        layout.addStretch(1)
        self.revalidate()

    def label_of(self, name: str) -> str:
        return self._labels.get(name) or self._ent.field(name).label

    def _add(self, form: QFormLayout, f: Field) -> None:
        text = self.label_of(f.name)
        editor = self._editor(f, text)
        named(editor, text)
        message = label("", "error", wrap=True)
        # Never taller than its text: spare room goes below the form (the stretch in
        # __init__), so a message appears under its field instead of floating in a gap.
        message.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        if isinstance(editor, QCheckBox):
            form.addRow("", editor)
        else:
            row_label = QLabel(
                translate("FormCommon", "{label} (needed)").format(label=text)
                if f.required
                else text
            )
            row_label.setWordWrap(True)
            # A wrapped label takes the height of its lines, so its top is never cut.
            row_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
            if form.rowWrapPolicy() == QFormLayout.RowWrapPolicy.WrapAllRows:
                row_label.setMinimumWidth(520)  # a long question reads on one or two lines
            row_label.setBuddy(editor)
            form.addRow(row_label, editor)
        form.addRow("", message)
        form.setRowVisible(message, False)
        self.editors[f.name] = editor
        self.messages[f.name] = message

    def _editor(self, f: Field, text: str) -> Editor:
        edited = lambda *_a, n=f.name: self._edited(n)  # noqa: E731
        k = f.kind
        if k in (Kind.CHOICE, Kind.REF):
            combo = QComboBox()
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            if not f.required:
                combo.addItem("—", None)
            if f.name in self._options:
                for value, words in self._options[f.name]:
                    combo.addItem(words, value)
            else:
                for choice in f.choices:
                    combo.addItem(choice_text(f.name, choice), choice)
            combo.currentIndexChanged.connect(edited)
            return combo
        if k is Kind.BOOL:
            box = QCheckBox(text)
            box.toggled.connect(edited)
            return box
        if k is Kind.INT:
            spin = QSpinBox()
            low = f.minimum if f.minimum is not None else 0
            spin.setRange(low - 1, f.maximum if f.maximum is not None else 1_000_000)
            spin.setSpecialValueText(translate("FormCommon", "Not recorded"))
            spin.setValue(low - 1)
            spin.valueChanged.connect(edited)
            return spin
        if k is Kind.LIST and (f.choices or f.name in self._options):
            box_list = QListWidget()
            for value, words in self._options.get(f.name) or [
                (c, choice_text("pathway", c)) for c in f.choices
            ]:
                item = QListWidgetItem(words)
                item.setData(Qt.ItemDataRole.UserRole, value)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                box_list.addItem(item)
            box_list.setFixedHeight(120)
            box_list.itemChanged.connect(edited)
            return box_list
        if k in (Kind.LONGTEXT, Kind.LIST):
            area = QPlainTextEdit()
            area.setTabChangesFocus(True)
            area.setFixedHeight(64 if k is Kind.LONGTEXT else 56)
            if k is Kind.LIST:
                area.setPlaceholderText(translate("FormCommon", "One per line"))
            area.textChanged.connect(edited)
            return area
        line = QLineEdit()
        if k is Kind.DATE:
            line.setPlaceholderText(date_hint())
        elif k is Kind.DATETIME:
            line.setPlaceholderText(datetime_hint())
        line.textChanged.connect(edited)  # typing, and setText() from code (tests, prefill)
        return line

    # -- values ------------------------------------------------------------------------
    def value(self, name: str) -> Any:
        editor = self.editors[name]
        kind = self._ent.field(name).kind
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QSpinBox):
            return None if editor.value() == editor.minimum() else editor.value()
        if isinstance(editor, QListWidget):
            picked = [
                str(editor.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(editor.count())
                if editor.item(i).checkState() == Qt.CheckState.Checked
            ]
            return picked or None
        if isinstance(editor, QPlainTextEdit):
            text = editor.toPlainText()
            if kind is Kind.LIST:
                return [ln.strip() for ln in text.splitlines() if ln.strip()] or None
            return text.strip() or None
        text = editor.text().strip()
        if not text:
            return None
        return utc_iso(text) if kind is Kind.DATETIME else text

    def values(self) -> dict[str, Any]:
        """The shown fields (``None`` for empty ones)."""
        return {name: self.value(name) for name in self.editors}

    def record_values(self) -> dict[str, Any]:
        """Base and shown values together, without empty ones: what a new record holds."""
        merged = {**self.base, **self.values()}
        return {k: v for k, v in merged.items() if v is not None}

    def set_values(self, record: Mapping[str, Any]) -> None:
        """Fill the form (nothing counts as touched afterwards)."""
        self._loading = True
        try:
            for name, editor in self.editors.items():
                self._put(name, editor, record.get(name))
        finally:
            self._loading = False
        self._touched.clear()
        self._show_all = False
        self.revalidate()

    def _put(self, name: str, editor: Editor, value: Any) -> None:
        kind = self._ent.field(name).kind
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0))
        elif isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))
        elif isinstance(editor, QSpinBox):
            editor.setValue(editor.minimum() if value is None else int(value))
        elif isinstance(editor, QListWidget):
            chosen = set(value or [])
            for i in range(editor.count()):
                item = editor.item(i)
                on = item.data(Qt.ItemDataRole.UserRole) in chosen
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText("\n".join(value or []) if kind is Kind.LIST else (value or ""))
        elif kind is Kind.DATETIME:
            editor.setText(local_text(value))
        else:
            editor.setText("" if value is None else str(value))

    def set_read_only(self, read_only: bool) -> None:
        make_read_only(self.editors.values(), read_only)

    # -- validation ----------------------------------------------------------------------
    def _edited(self, name: str) -> None:
        if self._loading:
            return
        self._touched.add(name)
        self.revalidate()
        self.changed.emit()

    def show_all_errors(self) -> None:
        self._show_all = True
        self.revalidate()

    @property
    def valid(self) -> bool:
        return not self.errors

    def revalidate(self) -> list[FieldError]:
        values = self.record_values()
        self.errors = validate(self.entity_name, values)
        if not self.errors and self._extra is not None:
            self.errors = self._extra(values)
        by_field: dict[str, str] = {}
        for error in self.errors:
            by_field.setdefault(error.field, error.message)
        for name, message in self.messages.items():
            text = by_field.get(name, "")
            shown = text if (self._show_all or name in self._touched) else ""
            full = f"{self.label_of(name)} {shown}" if shown else ""
            message.setText(full)
            self.layout_form.setRowVisible(message, bool(full))
            self.editors[name].setAccessibleDescription(full)
        others = [
            f"{e.field.replace('_', ' ')} {e.message}".strip()
            for e in self.errors
            if e.field not in self.messages
        ]
        set_error(self.general, "; ".join(others) if self._show_all else "")
        return self.errors

    def message(self, name: str) -> str:
        """The message shown under ``name`` (empty when none)."""
        return self.messages[name].text()
