"""The Notes tab of a participant: list (newest first, searchable), reading view, amendments.

A note already shared with the server (``version > 0``) is a record of what happened and is
never edited in place: corrections are amendments (or a retraction) shown under it. A note
not yet shared can still be changed.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelection,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mentor_desk.domain import resources
from mentor_desk.store.records import Record
from mentor_desk.ui.participant.note_editor import NoteEditor
from mentor_desk.ui.shell.i18n import translate
from mentor_desk.ui.shell.tasks import TaskRunner
from mentor_desk.ui.shell.theme import icon
from mentor_desk.ui.shell.widgets import elide, label, local_time, named, plain, set_error

ModelIndex = QModelIndex | QPersistentModelIndex
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
NOTE_ROLE = Qt.ItemDataRole.UserRole + 2


class NotesModel(QAbstractListModel):
    """Case notes of one participant, newest first, each with its amendments."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._notes: list[Record] = []
        self._amendments: dict[str, list[Record]] = {}

    def set_notes(self, notes: Sequence[Record], amendments: dict[str, list[Record]]) -> None:
        self.beginResetModel()
        self._notes = sorted(notes, key=lambda n: str(n["occurred_at"]), reverse=True)
        self._amendments = amendments
        self.endResetModel()

    def amendments(self, note_id: str) -> list[Record]:
        return self._amendments.get(note_id, [])

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._notes)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._notes):
            return None
        note = self._notes[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            snippet = elide(note.get("text") or "", 110)
            flag = (
                "  " + translate("Notes", "⚠ safeguarding")
                if note.get("safeguarding_concern")
                else ""
            )
            fixes = len(self.amendments(note["id"]))
            extra = ""
            if fixes == 1:
                extra = "  " + translate("Notes", "(1 correction)")
            elif fixes:
                extra = "  " + translate("Notes", "({n} corrections)").format(n=fixes)
            return (
                f"{local_time(note['occurred_at'])} · {plain(note['contact_kind'])}"
                f"{flag}{extra}\n{snippet}"
            )
        if role == SEARCH_ROLE:
            texts = [note.get("text") or "", note.get("place") or ""]
            texts += [a.get("text") or "" for a in self.amendments(note["id"])]
            return "\n".join(texts)
        if role == NOTE_ROLE:
            return note
        return None


def note_html(note: Record, amendments: Sequence[Record]) -> str:
    """The note and its corrections as simple HTML (all user text escaped)."""
    esc = html.escape
    pathways = ", ".join(resources.pathway_labels().get(p, p) for p in note.get("pathways") or [])
    facts = [local_time(note["occurred_at"]), plain(note["contact_kind"])]
    if note.get("place"):
        facts.append(esc(note["place"]))
    if note.get("duration_minutes"):
        facts.append(translate("Notes", "{n} minutes").format(n=note["duration_minutes"]))
    parts = [f"<p><b>{' · '.join(facts)}</b></p>"]
    if note.get("safeguarding_concern"):
        concern = esc(translate("Notes", "⚠ Safeguarding concern"))
        parts.append(f"<p style='color:#c62828'><b>{concern}</b></p>")
    if pathways:
        touched = translate("Notes", "Pathways: {pathways}").format(pathways=pathways)
        parts.append(f"<p>{esc(touched)}</p>")
    body = esc(note.get("text") or "").replace("\n", "<br>")
    parts.append(f"<p style='font-size:11pt'>{body}</p>")
    author = note.get("author_name")
    shared = bool(note.get("version"))
    if author and shared:
        byline = translate("Notes", "Written by {author}, shared with the server.")
    elif author:
        byline = translate("Notes", "Written by {author}, not shared yet.")
    elif shared:
        byline = translate("Notes", "shared with the server.")
    else:
        byline = translate("Notes", "not shared yet.")
    parts.append(f"<p><i>{esc(byline.format(author=author or ''))}</i></p>")
    for a in amendments:
        kind = (
            translate("Notes", "Retraction")
            if a["kind"] == "retraction"
            else translate("Notes", "Correction")
        )
        text = esc(a.get("text") or "").replace("\n", "<br>")
        when = local_time(a["created_at"])
        said = (
            translate("Notes", "{when} by {author}").format(when=when, author=a["author_name"])
            if a.get("author_name")
            else when
        )
        parts.append(f"<hr><p><b>{esc(kind)}</b>, {esc(said)}</p><p>{text}</p>")
    return "".join(parts)


class NoteView(QWidget):
    """Shows one note; offers "Change" (unshared notes) and adds corrections.

    Signals:
        edit_requested(dict): change this (unshared) note.
        amended(): a correction was saved.
    """

    edit_requested = Signal(dict)
    amended = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._note: Record | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.browser = named(QTextBrowser(), translate("Notes", "Note text"))
        layout.addWidget(self.browser, 3)
        self.edit_button = named(
            QPushButton(translate("Notes", "Change this note")),
            translate("Notes", "Change this note"),
        )
        self.edit_button.setIcon(icon("edit"))
        self.locked_hint = label(
            translate(
                "Notes",
                "This note has been shared, so it cannot be changed. Add a correction instead.",
            ),
            "hint",
            wrap=True,
        )
        top = QHBoxLayout()
        top.addWidget(self.locked_hint, 1)
        top.addStretch(0)
        top.addWidget(self.edit_button, 0)
        layout.addLayout(top)
        layout.addSpacing(6)
        layout.addWidget(
            label(translate("Notes", "Add a correction or retract this note"), "subtitle")
        )
        self.amend_kind = named(QComboBox(), translate("Notes", "Kind of correction"))
        for text, kind in (
            (translate("Notes", "Correction"), "amendment"),
            (translate("Notes", "Retraction (the note was wrong)"), "retraction"),
        ):
            self.amend_kind.addItem(text, kind)
        self.amend_text = named(QPlainTextEdit(), translate("Notes", "Correction text"))
        self.amend_text.setTabChangesFocus(True)
        self.amend_text.setPlaceholderText(translate("Notes", "What should be corrected, and why."))
        self.amend_text.setMaximumHeight(90)
        self.amend_button = named(
            QPushButton(translate("Notes", "Add correction")), translate("Notes", "Add correction")
        )
        self.amend_error = label("", "error", wrap=True)
        self.amend_error.hide()
        row = QHBoxLayout()
        row.addWidget(self.amend_kind)
        row.addStretch(1)
        row.addWidget(self.amend_button)
        layout.addWidget(self.amend_text)
        layout.addLayout(row)
        layout.addWidget(self.amend_error)
        self.edit_button.clicked.connect(self._edit)
        self.amend_button.clicked.connect(self._amend)

    def show_note(self, note: Record, amendments: Sequence[Record]) -> None:
        self._note = note
        self.browser.setHtml(note_html(note, amendments))
        shared = bool(note.get("version"))
        self.edit_button.setVisible(not shared)
        self.locked_hint.setVisible(shared)
        self.amend_text.clear()
        set_error(self.amend_error, "")

    def _edit(self) -> None:
        if self._note is not None:
            self.edit_requested.emit(dict(self._note))

    def _amend(self) -> None:
        note, text = self._note, self.amend_text.toPlainText().strip()
        if note is None:
            return
        if not text:
            set_error(self.amend_error, translate("Notes", "Write the correction first."))
            return
        values = {
            "participant_id": note["participant_id"],
            "note_id": note["id"],
            "kind": self.amend_kind.currentData(),
            "text": text,
        }
        self._runner.run(
            lambda store: store.create(
                "note_amendment", {**values, "author_name": store.actor_name or None}
            ),
            lambda _r: self.amended.emit(),
            lambda message, _e: set_error(self.amend_error, message),
            writes=True,
            owner=self,
        )


class NotesTab(QWidget):
    """Notes of one participant: a searchable list, a reader and the editor.

    Signals:
        changed(): a note or correction was saved (the workspace reloads).
    """

    changed = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        participant_id: str,
        autosave_ms: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner, self._pid, self._autosave_ms = runner, participant_id, autosave_ms
        self.editor: NoteEditor | None = None
        self.model = NotesModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.new_button = named(
            QPushButton(translate("Notes", "New note")), translate("Notes", "New note")
        )
        self.new_button.setIcon(icon("note-add"))
        self.new_button.setToolTip(translate("Notes", "Write a new note (Ctrl+Shift+N)"))
        self.search = named(QLineEdit(), translate("Notes", "Search notes"))
        self.search.setPlaceholderText(translate("Notes", "Search these notes"))
        self.search.setClearButtonEnabled(True)
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        layout.addLayout(top)
        splitter = QSplitter()
        self.list = named(QListView(), translate("Notes", "Notes, newest first"))
        self.list.setModel(self.proxy)
        self.list.setAlternatingRowColors(True)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        splitter.addWidget(self.list)
        self.stack = QStackedWidget()
        self.empty = label(
            translate("Notes", "Choose a note to read it, or write a new one."), "hint", wrap=True
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.view = NoteView(runner)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.view)
        splitter.addWidget(self.stack)
        splitter.setSizes([320, 560])
        layout.addWidget(splitter, 1)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.new_button.clicked.connect(lambda: self.new_note())
        self.list.selectionModel().selectionChanged.connect(self._selected)
        self.view.edit_requested.connect(lambda note: self.new_note(note))
        self.view.amended.connect(self.changed)

    def set_notes(self, notes: Sequence[Record], amendments: dict[str, list[Record]]) -> None:
        current = self._current_id()
        self.model.set_notes(notes, amendments)
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(NOTE_ROLE)["id"] == current:
                self.list.setCurrentIndex(index)
                return
        if self.editor is None:
            self.stack.setCurrentWidget(self.empty)

    def _current_id(self) -> str | None:
        index = self.list.currentIndex()
        return str(index.data(NOTE_ROLE)["id"]) if index.isValid() else None

    def _selected(self, _sel: QItemSelection, _desel: QItemSelection) -> None:
        index = self.list.currentIndex()
        if not index.isValid() or self.editor is not None:
            return
        note = index.data(NOTE_ROLE)
        self.view.show_note(note, self.model.amendments(note["id"]))
        self.stack.setCurrentWidget(self.view)

    def new_note(
        self,
        note: Record | None = None,
        *,
        draft: dict[str, Any] | None = None,
        draft_key: str | None = None,
    ) -> NoteEditor:
        """Open the editor: blank, on an unshared note, or on a recovered draft."""
        if self.editor is not None:
            self.editor.focus_first()
            return self.editor
        editor = NoteEditor(self._runner, self._pid, self._autosave_ms)
        if note is not None:
            editor.load(note, note_id=note["id"])
        elif draft is not None:
            editor.load(draft, draft_key=draft_key)
        editor.saved.connect(lambda _id: self.changed.emit())
        editor.closed.connect(self._editor_closed)
        self.stack.addWidget(editor)
        self.stack.setCurrentWidget(editor)
        self.editor = editor
        editor.focus_first()
        return editor

    def _editor_closed(self) -> None:
        editor, self.editor = self.editor, None
        if editor is not None:
            self.stack.removeWidget(editor)
            editor.deleteLater()
        self.stack.setCurrentWidget(self.empty)
        self.list.clearSelection()

    def flush_draft(self) -> None:
        if self.editor is not None:
            self.editor.save_draft()

    def save(self) -> bool:
        """Save the open note (Ctrl+S); False if no editor is open."""
        if self.editor is None:
            return False
        self.editor.save()
        return True
