"""The participant profile form (used by "New participant" and the Overview tab).

Fields, labels and choices come from the record vocabulary; every change is checked with
:func:`mentor_desk.domain.validation.validate` and problems are shown under the field they
concern, once the user has touched it (or tried to save). On a joined mentor's profile the
coordinator-owned fields (safety flags, assignment) are shown greyed and read-only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from mentor_desk.domain.validation import FieldError, validate
from mentor_desk.domain.vocabulary import Field, Kind, entity
from mentor_desk.store.role import acting_role
from mentor_desk.ui.shell.drafts import FormDraft
from mentor_desk.ui.shell.i18n import QT_TRANSLATE_NOOP, translate
from mentor_desk.ui.shell.shortcuts import lock_from
from mentor_desk.ui.shell.tasks import TaskRunner
from mentor_desk.ui.shell.widgets import label, named, plain, save_from, set_error

#: Section headings (translated where shown) and their fields.
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        QT_TRANSLATE_NOOP("ProfileForm", "About them"),
        (
            "reference",
            "given_name",
            "family_name",
            "preferred_name",
            "pronouns",
            "date_of_birth",
            "phone",
            "email",
            "area",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("ProfileForm", "Release and supervision"),
        (
            "prison",
            "release_date",
            "supervision_type",
            "supervision_end_date",
            "probation_practitioner_name",
            "probation_practitioner_contact",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("ProfileForm", "Support"),
        ("status", "closure_reason", "assigned_mentor_name", "next_contact_due", "safety_flags"),
    ),
)
_PLACEHOLDERS = {
    Kind.DATE: QT_TRANSLATE_NOOP("ProfileForm", "YYYY-MM-DD, for example 2026-11-23"),
    Kind.LIST: QT_TRANSLATE_NOOP(
        "ProfileForm", "One warning per line, for example: meet in public places only"
    ),
}

#: Shown by coordinator-owned fields a joined mentor cannot change (see :func:`owned_hint`).
OWNED_HINT = QT_TRANSLATE_NOOP("ProfileForm", "Only a coordinator can change this")
Editor = QLineEdit | QComboBox | QPlainTextEdit


def owned_hint() -> str:
    return translate("ProfileForm", OWNED_HINT)


def locks_coordinator_fields(user_role: str | None) -> bool:
    """A joined mentor cannot change coordinator-owned fields; local profiles and
    coordinators can (SYNC.md, "Merging")."""
    return user_role == "mentor"


class ParticipantForm(QWidget):
    """Editable participant fields with live, field-level validation.

    Signals:
        changed(): any field was edited.
        validity_changed(bool): the form became valid (True) or invalid (False).
    """

    changed = Signal()
    validity_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ent = entity("participant")
        self.editors: dict[str, Editor] = {}
        self.messages: dict[str, QLabel] = {}
        self._touched: set[str] = set()
        self._show_all = False
        self._valid = False
        self._loading = False
        self._closed = False
        self._owned_locked = False
        self.owned_hints: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        # One form for every section, so the labels line up down the whole profile.
        form = self._form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setVerticalSpacing(6)
        for number, (title, names) in enumerate(SECTIONS):
            heading = label(translate("ProfileForm", title), "subtitle")
            heading.setContentsMargins(0, 12 if number else 0, 0, 2)
            form.addRow(heading)
            for name in names:
                self._add_field(form, self._ent.field(name))
        layout.addLayout(form)
        layout.addStretch(1)
        self.errors: list[FieldError] = []
        self._apply_locks()

    def _add_field(self, form: QFormLayout, f: Field) -> None:
        editor: Editor
        text = (
            translate("ProfileForm", "{label} (needed)").format(label=f.label)
            if f.required and f.name != "reference"
            else f.label
        )
        if f.kind is Kind.CHOICE:
            editor = QComboBox()
            if not f.required:
                editor.addItem("—", None)
            for choice in f.choices:
                editor.addItem(plain(choice), choice)
            editor.currentIndexChanged.connect(lambda _i, n=f.name: self._edited(n))
        elif f.kind is Kind.LIST:
            editor = QPlainTextEdit()
            editor.setTabChangesFocus(True)
            editor.setFixedHeight(72)
            editor.textChanged.connect(lambda n=f.name: self._edited(n))
        else:
            editor = QLineEdit()
            editor.setMaxLength(f.limit)
            editor.textEdited.connect(lambda _t, n=f.name: self._edited(n))
        if f.name == "date_of_birth":  # an example that could be someone's birthday
            editor.setPlaceholderText(
                translate("ProfileForm", "YYYY-MM-DD, for example 1988-06-14")
            )
        elif f.kind in _PLACEHOLDERS:
            editor.setPlaceholderText(translate("ProfileForm", _PLACEHOLDERS[f.kind]))
        named(editor, f.label)
        message = label("", "error", wrap=True)
        message.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        row_label = QLabel(text)
        row_label.setBuddy(editor)
        form.addRow(row_label, editor)
        form.addRow("", message)  # its own row, so the field's label stays level with it
        form.setRowVisible(message, False)
        if f.coordinator_owned:
            hint = label(owned_hint(), "hint", wrap=True)
            form.addRow("", hint)
            form.setRowVisible(hint, False)
            self.owned_hints[f.name] = hint
        self.editors[f.name] = editor
        self.messages[f.name] = message

    # -- locks -----------------------------------------------------------------------
    def set_read_only(self, read_only: bool) -> None:
        """Lock every field (a closed participant); the reference is always locked."""
        self._closed = read_only
        self._apply_locks()

    def set_coordinator_locked(self, locked: bool) -> None:
        """Grey out and lock the coordinator-owned fields (a joined mentor's profile)."""
        self._owned_locked = locked
        self._apply_locks()

    def is_owned_locked(self, name: str) -> bool:
        """``name`` is coordinator-owned and this profile may not change it."""
        return self._owned_locked and name in self.owned_hints

    def is_locked(self, name: str) -> bool:
        return name == "reference" or self._closed or self.is_owned_locked(name)

    def _owned_note(self, name: str) -> str:
        return owned_hint() if self.is_owned_locked(name) else ""

    def _apply_locks(self) -> None:
        for name, editor in self.editors.items():
            locked = self.is_locked(name)
            if isinstance(editor, QComboBox):
                editor.setEnabled(not locked)
            else:
                editor.setReadOnly(locked)
        for name, hint in self.owned_hints.items():
            owned = self._owned_locked
            self._form.setRowVisible(hint, owned)
            editor = self.editors[name]
            editor.setToolTip(owned_hint() if owned else "")
            if not self.messages[name].text():
                editor.setAccessibleDescription(self._owned_note(name))
            if bool(editor.property("locked")) != owned:
                editor.setProperty("locked", owned)
                editor.style().unpolish(editor)  # the greyed look follows the property
                editor.style().polish(editor)

    # -- values ----------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, editor in self.editors.items():
            if isinstance(editor, QComboBox):
                out[name] = editor.currentData()
            elif isinstance(editor, QPlainTextEdit):
                lines = [ln.strip() for ln in editor.toPlainText().splitlines() if ln.strip()]
                out[name] = lines or None
            else:
                out[name] = editor.text().strip() or None
        return out

    def set_values(self, record: dict[str, Any]) -> None:
        self._loading = True
        try:
            for name, editor in self.editors.items():
                value = record.get(name)
                if isinstance(editor, QComboBox):
                    index = editor.findData(value)
                    editor.setCurrentIndex(max(index, 0))
                elif isinstance(editor, QPlainTextEdit):
                    editor.setPlainText("\n".join(value or []))
                else:
                    editor.setText("" if value is None else str(value))
        finally:
            self._loading = False
        self._touched.clear()
        self._show_all = False
        self.revalidate()

    def show_all_errors(self) -> None:
        self._show_all = True
        self.revalidate()

    @property
    def valid(self) -> bool:
        return self._valid

    # -- validation ------------------------------------------------------------------
    def _edited(self, name: str) -> None:
        if self._loading:
            return
        self._touched.add(name)
        self.revalidate()
        self.changed.emit()

    def revalidate(self) -> list[FieldError]:
        values = {k: v for k, v in self.values().items() if v is not None}
        self.errors = validate("participant", values)
        by_field: dict[str, str] = {}
        for error in self.errors:
            by_field.setdefault(error.field, error.message)
        for name, message in self.messages.items():
            text = by_field.get(name, "")
            shown = text if (self._show_all or name in self._touched) else ""
            full = f"{self._ent.field(name).label} {shown}" if shown else ""
            message.setText(full)
            self._form.setRowVisible(message, bool(full))
            self.editors[name].setAccessibleDescription(full or self._owned_note(name))
        valid = not self.errors
        if valid != self._valid:
            self._valid = valid
            self.validity_changed.emit(valid)
        return self.errors


class NewParticipantDialog(QDialog):
    """Registers a new participant. The reference is made by the store.

    Signals:
        created(str): the new participant's id, once saved.
    """

    created = Signal(str)

    def __init__(
        self,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        recovered: Mapping[str, Any] | None = None,
        draft_key: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._recovered = recovered is not None
        title = translate("ProfileForm", "New participant")
        self.setWindowTitle(title)
        named(self, title)
        self.resize(620, 720)
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                translate(
                    "ProfileForm",
                    "Fields marked (needed) must be filled in. Everything else can wait.",
                ),
                "hint",
                wrap=True,
            )
        )
        self.form = ParticipantForm()
        scroll = named(QScrollArea(), translate("ProfileForm", "Participant details"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        layout.addWidget(scroll, 1)
        self.error = label("", "error", wrap=True)
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        named(self.save_button, translate("ProfileForm", "Save participant"))
        named(
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel),
            translate("ProfileForm", "Cancel"),
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        save_from(self, self.save_button)
        self.save_button.setEnabled(False)
        self.form.set_values({"status": "active"})
        # Kept as a draft while it is being filled in: registering someone at the gate
        # must survive an idle lock or a crash (docs/ui.md, "Drafts").
        self.form_draft = FormDraft(
            runner,
            None,
            lambda: {"title": title, "new_participant": True, "reopen": True},
            self.form.values,
            self,
            draft_key,
        )
        if recovered is not None:
            self.form.set_values({**self.form.values(), **recovered})
            self.form_draft.recovered()
        lock_from(self)
        runner.run(
            lambda store: (store.new_reference(), acting_role(store)),
            self._got_reference,
            owner=self,
        )

    def _got_reference(self, loaded: tuple[str, str | None]) -> None:
        reference, role = loaded
        self.form.set_coordinator_locked(locks_coordinator_fields(role))
        self.form.set_values({**self.form.values(), "reference": reference})
        if not self._recovered:
            self.form_draft.opened_with_current()  # a reference alone is nothing to keep
        self.save_button.setEnabled(True)
        self.form.editors["given_name"].setFocus()

    def _save(self) -> None:
        self.form.show_all_errors()
        if not self.form.valid:
            return
        values = {k: v for k, v in self.form.values().items() if v is not None}
        self.save_button.setEnabled(False)
        self._runner.run(
            lambda store: store.create("participant", values)["id"],
            self._saved,
            self._failed,
            writes=True,
            owner=self,
        )

    def _saved(self, participant_id: str) -> None:
        self.form_draft.drop()
        self.created.emit(participant_id)
        self.accept()

    def reject(self) -> None:
        self.form_draft.cancel()
        super().reject()

    def _failed(self, message: str, _error: BaseException) -> None:
        self.save_button.setEnabled(True)
        set_error(self.error, message)
