"""The case-note editor, with an encrypted draft that is saved a few seconds after each edit.

Typed text is never lost: every edit restarts a short timer, and when it fires the note as
it stands is written to the store's draft table (encrypted like everything else). Saving
the note, or discarding it, removes the draft. A draft left behind by a crash or a lock is
offered back at the next unlock (see :mod:`mentor_desk.ui.shell.drafts`).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QDateTime, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mentor_desk.domain import resources
from mentor_desk.domain.validation import validate
from mentor_desk.domain.vocabulary import entity
from mentor_desk.store.records import Store
from mentor_desk.ui.shell.drafts import DRAFT_KIND
from mentor_desk.ui.shell.i18n import translate
from mentor_desk.ui.shell.tasks import TaskRunner
from mentor_desk.ui.shell.theme import icon
from mentor_desk.ui.shell.widgets import label, named, set_error

_EDITABLE = (
    "occurred_at",
    "contact_kind",
    "place",
    "duration_minutes",
    "pathways",
    "text",
    "safeguarding_concern",
)


def to_utc_iso(value: QDateTime) -> str:
    return value.toUTC().toString("yyyy-MM-ddTHH:mm:ss") + "Z"


def from_utc_iso(iso: str) -> QDateTime:
    instant = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone(UTC)
    return QDateTime.fromSecsSinceEpoch(int(instant.timestamp())).toLocalTime()


class NoteEditor(QWidget):
    """Writes a new case note, or edits one not yet shared with the server.

    Signals:
        saved(str): the note was saved; its id.
        closed(): the editor is done (saved or discarded).
        draft_saved(): the draft was written to the store.
    """

    saved = Signal(str)
    closed = Signal()
    draft_saved = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        participant_id: str,
        autosave_ms: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self.participant_id = participant_id
        self.note_id: str | None = None
        self.draft_key = f"{DRAFT_KIND}:{uuid.uuid4()}"
        self._dirty = False
        self._loading = False
        self._touched: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(autosave_ms)
        self._timer.timeout.connect(self.save_draft)
        self._build()

    def _build(self) -> None:
        ent = entity("case_note")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = label(translate("NoteEditor", "New note"), "subtitle")
        layout.addWidget(self.title)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.kind = named(QComboBox(), translate("NoteEditor", "Contact"))
        for key, text in resources.contact_kind_labels().items():
            self.kind.addItem(text, key)
        self.when = named(
            QDateTimeEdit(QDateTime.currentDateTime()),
            translate("NoteEditor", "When"),
            translate("NoteEditor", "Date and time of the contact, in local time"),
        )
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("ddd d MMM yyyy  HH:mm")
        self.place = named(QLineEdit(), translate("NoteEditor", "Where"))
        self.place.setMaxLength(ent.field("place").limit)
        self.duration = named(QSpinBox(), translate("NoteEditor", "Minutes"))
        self.duration.setRange(0, 1440)
        self.duration.setSuffix(translate("NoteEditor", " min"))
        self.duration.setSpecialValueText(translate("NoteEditor", "Not recorded"))
        self.pathways = named(QListWidget(), translate("NoteEditor", "Pathways touched"))
        for key, text in resources.pathway_labels().items():
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.pathways.addItem(item)
        # Two columns of checkable pathways, so all of them show without scrolling.
        self.pathways.setFlow(QListView.Flow.TopToBottom)
        self.pathways.setWrapping(True)
        self.pathways.setResizeMode(QListView.ResizeMode.Adjust)
        self.pathways.setUniformItemSizes(True)
        self.pathways.setGridSize(QSize(290, 22))
        self.pathways.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Room inside the frame, so the first row of boxes does not touch it.
        self.pathways.setStyleSheet("QListWidget { padding: 4px 6px; }")
        self.pathways.setFixedHeight(6 * 22 + 6 + 16)
        self.text = named(QPlainTextEdit(), translate("NoteEditor", "Note"))
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(translate("NoteEditor", "What happened, in plain words."))
        self.text.setMinimumHeight(140)
        self.safeguarding = named(
            QCheckBox(translate("NoteEditor", "There is a safeguarding concern")),
            translate("NoteEditor", "Safeguarding concern"),
        )
        row = QHBoxLayout()
        row.addWidget(self.when, 2)
        minutes = QLabel(translate("NoteEditor", "&Minutes"))
        minutes.setBuddy(self.duration)
        row.addSpacing(12)
        row.addWidget(minutes)
        row.addWidget(self.duration, 1)
        for text, widget in (
            (translate("NoteEditor", "&Contact"), self.kind),
            (translate("NoteEditor", "&When"), row),
            (translate("NoteEditor", "Whe&re"), self.place),
            (translate("NoteEditor", "&Pathways"), self.pathways),
            (translate("NoteEditor", "&Note"), self.text),
        ):
            if isinstance(widget, QWidget):
                lbl = QLabel(text)
                lbl.setBuddy(widget)
                form.addRow(lbl, widget)
            else:
                lbl = QLabel(text)
                lbl.setBuddy(self.when)
                form.addRow(lbl, widget)
        form.addRow("", self.safeguarding)
        layout.addLayout(form, 1)
        self.error = label("", "error", wrap=True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        self.draft_status = label("", "hint")
        buttons.addWidget(self.draft_status, 1)
        self.discard_button = named(
            QPushButton(translate("NoteEditor", "Discard")), translate("NoteEditor", "Discard note")
        )
        self.save_button = named(
            QPushButton(translate("NoteEditor", "Save note")), translate("NoteEditor", "Save note")
        )
        self.save_button.setIcon(icon("save", "#ffffff"))
        self.save_button.setProperty("role", "primary")
        self.save_button.setToolTip(translate("NoteEditor", "Save the note (Ctrl+S)"))
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.kind.currentIndexChanged.connect(lambda _i: self._edited("contact_kind"))
        self.when.dateTimeChanged.connect(lambda _d: self._edited("occurred_at"))
        self.place.textEdited.connect(lambda _t: self._edited("place"))
        self.duration.valueChanged.connect(lambda _v: self._edited("duration_minutes"))
        self.pathways.itemChanged.connect(lambda _i: self._edited("pathways"))
        self.text.textChanged.connect(lambda: self._edited("text"))
        self.safeguarding.toggled.connect(lambda _b: self._edited("safeguarding_concern"))
        self.save_button.clicked.connect(self.save)
        self.discard_button.clicked.connect(self.discard)

    # -- values ----------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        pathways = [
            str(self.pathways.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.pathways.count())
            if self.pathways.item(i).checkState() == Qt.CheckState.Checked
        ]
        return {
            "participant_id": self.participant_id,
            "occurred_at": to_utc_iso(self.when.dateTime()),
            "contact_kind": self.kind.currentData(),
            "place": self.place.text().strip() or None,
            "duration_minutes": self.duration.value() or None,
            "pathways": pathways,
            "text": self.text.toPlainText(),
            "safeguarding_concern": self.safeguarding.isChecked(),
        }

    def load(
        self, body: dict[str, Any], *, note_id: str | None = None, draft_key: str | None = None
    ) -> None:
        """Fill the editor from a saved note or a recovered draft."""
        self._loading = True
        try:
            self.note_id = note_id or body.get("note_id")
            if draft_key:
                self.draft_key = draft_key
            elif self.note_id:
                self.draft_key = f"{DRAFT_KIND}:edit:{self.note_id}"
            self.title.setText(
                translate("NoteEditor", "Change note (not shared yet)")
                if self.note_id
                else translate("NoteEditor", "New note")
            )
            self.kind.setCurrentIndex(max(self.kind.findData(body.get("contact_kind")), 0))
            if body.get("occurred_at"):
                self.when.setDateTime(from_utc_iso(str(body["occurred_at"])))
            self.place.setText(body.get("place") or "")
            self.duration.setValue(int(body.get("duration_minutes") or 0))
            chosen = set(body.get("pathways") or [])
            for i in range(self.pathways.count()):
                item = self.pathways.item(i)
                on = item.data(Qt.ItemDataRole.UserRole) in chosen
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.text.setPlainText(body.get("text") or "")
            self.safeguarding.setChecked(bool(body.get("safeguarding_concern")))
        finally:
            self._loading = False
        self._dirty = bool(draft_key)

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _edited(self, name: str) -> None:
        if self._loading:
            return
        self._dirty = True
        self._touched.add(name)
        self._timer.start()
        self._check(show_all=False)

    def _check(self, *, show_all: bool) -> bool:
        values = {k: v for k, v in self.values().items() if v is not None}
        errors = validate("case_note", values)
        ent = entity("case_note")
        whole_note = translate("NoteEditor", "Note")
        shown = [
            f"{ent.field(e.field).label if e.field else whole_note} {e.message}"
            for e in errors
            if show_all or e.field in self._touched
        ]
        set_error(self.error, "; ".join(shown))
        return not errors

    # -- drafts and saving ------------------------------------------------------------
    def save_draft(self) -> None:
        """Write the draft now (if anything was typed); the timer calls this too."""
        self._timer.stop()
        if not self._dirty:
            return
        body = {**self.values(), "note_id": self.note_id}
        key, pid = self.draft_key, self.participant_id

        def done(_none: None) -> None:
            self.draft_status.setText(
                translate("NoteEditor", "Draft kept safely at {time}").format(
                    time=f"{datetime.now():%H:%M}"
                )
            )
            self.draft_saved.emit()

        self._runner.run(
            lambda store: store.save_draft(key, DRAFT_KIND, body, pid),
            done,
            lambda _m, _e: self.draft_status.setText(
                translate("NoteEditor", "The draft could not be kept.")
            ),
            owner=self,
        )

    def save(self) -> None:
        if not self._check(show_all=True):
            return
        self._timer.stop()
        values = {k: v for k, v in self.values().items() if k in _EDITABLE or k == "participant_id"}
        note_id, key = self.note_id, self.draft_key

        def op(store: Store) -> str:
            if note_id:
                changes = {k: v for k, v in values.items() if k in _EDITABLE}
                rid = str(store.update("case_note", note_id, changes)["id"])
            else:
                row = {**values, "author_name": store.actor_name or None}
                rid = str(
                    store.create("case_note", {k: v for k, v in row.items() if v is not None})["id"]
                )
            store.delete_draft(key)
            return rid

        self.save_button.setEnabled(False)
        self._runner.run(op, self._saved, self._failed, writes=True, owner=self)

    def _saved(self, note_id: str) -> None:
        self._dirty = False
        self.save_button.setEnabled(True)
        self.saved.emit(note_id)
        self.closed.emit()

    def _failed(self, message: str, _error: BaseException) -> None:
        self.save_button.setEnabled(True)
        set_error(self.error, message)

    def discard(self) -> None:
        if self._dirty and self.text.toPlainText().strip():
            answer = QMessageBox.question(
                self,
                translate("NoteEditor", "Discard this note?"),
                translate("NoteEditor", "The text you typed will be thrown away."),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        self._timer.stop()
        self._dirty = False
        key = self.draft_key
        self._runner.run(lambda store: store.delete_draft(key), owner=self)
        self.closed.emit()

    def focus_first(self) -> None:
        self.text.setFocus()
