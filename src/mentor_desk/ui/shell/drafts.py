"""Offering unsaved work back after a crash or a lock: "Recover the note you were writing?".

Three kinds of draft are kept: a case note being written, unsaved changes to a profile, and
a form being filled in (any record dialog of a participant, and "New participant"): the
form's values every few seconds and when the program locks (:class:`FormDraft`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentor_desk.domain.ids import uuid7
from mentor_desk.store.caseload import display_name
from mentor_desk.store.records import Store
from mentor_desk.ui.shell.i18n import translate
from mentor_desk.ui.shell.tasks import TaskRunner
from mentor_desk.ui.shell.widgets import label, local_time, named

DRAFT_KIND = "case_note"  # draft kind of a case note being written
PROFILE_DRAFT_KIND = "participant"  # draft kind of unsaved profile changes
FORM_DRAFT_KIND = "form"  # draft kind of a form being filled in (see FormDraft)
FORM_AUTOSAVE_MS = 3000


@dataclass(frozen=True)
class Draft:
    """A kept draft with enough about its participant to say whose note it is."""

    key: str
    kind: str
    participant_id: str
    who: str
    body: dict[str, Any]
    updated_at: str


def load_drafts(store: Store) -> list[Draft]:
    """Drafts whose participant still exists (a new participant's form has none yet)."""
    out = []
    for d in store.drafts():
        pid = d.get("participant_id")
        if d["kind"] == FORM_DRAFT_KIND and not pid:
            out.append(
                Draft(
                    d["key"],
                    d["kind"],
                    "",
                    translate("Drafts", "a new participant"),
                    d["body"],
                    d["updated_at"],
                )
            )
            continue
        if d["kind"] not in (DRAFT_KIND, PROFILE_DRAFT_KIND, FORM_DRAFT_KIND) or not pid:
            continue
        person = store.get("participant", pid)
        if person is None:
            continue
        who = display_name(
            person.get("given_name"), person.get("family_name"), person.get("preferred_name")
        )
        out.append(
            Draft(
                d["key"],
                d["kind"],
                pid,
                f"{who} ({person['reference']})",
                d["body"],
                d["updated_at"],
            )
        )
    return out


def _canonical(values: dict[str, Any]) -> str:
    return json.dumps(values, sort_keys=True, ensure_ascii=False, default=str)


class FormDraft(QObject):
    """Keeps what is typed into one open form as an encrypted draft (kind ``form``).

    Every few seconds while the values differ from those the form opened with, and at once
    from :meth:`keep_for_lock`, which the main window calls before it closes the store, so a
    lock (Ctrl+L or idle) or a crash never loses a half-filled form. :meth:`drop` forgets
    the draft: the form was saved, or the person cancelled it.

    Args:
        describe: what, besides the values, it takes to show and reopen the form.
        values: the form's current values (JSON-able).
        key: the draft's key; a recovered form keeps the key of the draft it came from.
    """

    def __init__(
        self,
        runner: TaskRunner,
        participant_id: str | None,
        describe: Callable[[], dict[str, Any]],
        values: Callable[[], dict[str, Any]],
        parent: QObject,
        key: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner, self.participant_id = runner, participant_id
        self._describe, self._values = describe, values
        self.key = key or f"form:{uuid7()}"
        self._opened = _canonical(values())
        self._kept = self._opened  # what the store holds: nothing while equal to _opened
        self.locked = False
        self._timer = QTimer(self)
        self._timer.setInterval(FORM_AUTOSAVE_MS)
        self._timer.timeout.connect(self.keep)
        self._timer.start()

    def opened_with_current(self) -> None:
        """The program, not the person, filled the form in (e.g. the new reference)."""
        self._opened = self._kept = _canonical(self._values())

    def recovered(self) -> None:
        """The form holds the values of the draft it came from: the store has them."""
        self._kept = _canonical(self._values())

    def keep(self) -> None:
        now = _canonical(self._values())
        if now == self._kept:
            return
        if now == self._opened:  # typed back to how it opened: nothing to keep
            self.drop()
            return
        self._kept = now
        body = {**self._describe(), "values": json.loads(now)}
        key, pid = self.key, self.participant_id
        self._runner.run(lambda store: store.save_draft(key, FORM_DRAFT_KIND, body, pid))

    def keep_for_lock(self, keep: bool = True) -> None:
        """The store is about to close: keep the draft now (or, with ``keep`` False — the
        store is being wiped — touch the store no more)."""
        self._timer.stop()
        self.locked = True
        if keep:
            self.keep()

    def cancel(self) -> None:
        """The person closed the form without saving: forget the draft (a lock keeps it)."""
        if not self.locked:
            self.drop()

    def drop(self) -> None:
        if self._kept != self._opened:
            key = self.key
            self._runner.run(lambda store: store.delete_draft(key))
        self._kept = self._opened


def keep_forms_for_lock(window: QWidget, keep: bool = True) -> None:
    """Every open form under ``window`` keeps its draft now (the store is about to close)."""
    for draft in window.findChildren(FormDraft):
        draft.keep_for_lock(keep)


def typed_text(draft: Draft) -> str:
    """What was typed into a form draft, as "Label: value" lines (for reading or copying)."""
    labels = draft.body.get("labels") or {}
    as_seen = draft.body.get("shown") or {}  # a choice's words, where the form had them
    lines = []
    for name, value in (draft.body.get("values") or {}).items():
        if value in (None, "", [], False):
            continue
        shown = as_seen.get(name) or (
            ", ".join(map(str, value)) if isinstance(value, list) else str(value)
        )
        lines.append(f"{labels.get(name) or name.replace('_', ' ').capitalize()}: {shown}")
    return "\n".join(lines)


class DraftOfferDialog(QDialog):
    """Asks whether to recover one draft. Opened with ``open()``, never blocking.

    Escape or closing the window keeps the draft for next time.

    Signals:
        recover(object): the :class:`Draft` to reopen in its participant's notes.
        discard(object): the :class:`Draft` to throw away.
    """

    recover = Signal(object)
    discard = Signal(object)

    def __init__(self, draft: Draft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft = draft
        is_note, is_form = draft.kind == DRAFT_KIND, draft.kind == FORM_DRAFT_KIND
        self.reopens = not is_form or bool(draft.body.get("reopen"))
        question = (
            translate("Drafts", "Recover the note you were writing?")
            if is_note
            else translate("Drafts", "Recover the form you were filling in?")
            if is_form
            else translate("Drafts", "Recover the profile changes you were making?")
        )
        self.setWindowTitle(question)
        named(self, question)
        layout = QVBoxLayout(self)
        layout.addWidget(label(question, "title"))
        text = (draft.body.get("text") or "").strip() if is_note else ""
        preview = text[:200] + ("…" if len(text) > 200 else "")
        when = local_time(draft.updated_at)
        who = f"<b>{_esc(draft.who)}</b>"
        if is_note:
            sentence = translate(
                "Drafts", "A note for {who} was not saved. It was last kept at {when}."
            ).format(who=who, when=when)
        elif is_form:
            title = _esc(str(draft.body.get("title") or translate("Drafts", "A form")))
            sentence = translate(
                "Drafts", "“{title}” for {who} was not saved. It was last kept at {when}."
            ).format(title=title, who=who, when=when)
            if not self.reopens:
                sentence += " " + translate(
                    "Drafts",
                    "This form cannot be opened again with what was typed: copy it from here, "
                    "then open the form again.",
                )
        else:
            sentence = translate(
                "Drafts",
                "Changes to the profile of {who} were not saved. They were last kept at {when}.",
            ).format(who=who, when=when)
        self.message = label(sentence, "", wrap=True)
        layout.addWidget(self.message)
        self.typed: QPlainTextEdit | None = None
        if is_note:
            empty = translate("Drafts", "(no text yet)")
            quote = QLabel(_esc(preview) or f"<i>{empty}</i>")
            quote.setWordWrap(True)
            quote.setProperty("role", "demo")
            layout.addWidget(quote)
        elif is_form:
            self.typed = named(
                QPlainTextEdit(typed_text(draft)), translate("Drafts", "What was typed")
            )
            self.typed.setReadOnly(True)
            self.typed.setMaximumHeight(160)
            layout.addWidget(self.typed)
        buttons = QDialogButtonBox()
        recover_name, discard_name = (
            (translate("Drafts", "Recover the note"), translate("Drafts", "Discard the note"))
            if is_note
            else (translate("Drafts", "Recover the form"), translate("Drafts", "Discard the form"))
            if is_form
            else (
                translate("Drafts", "Recover the changes"),
                translate("Drafts", "Discard the changes"),
            )
        )
        if self.reopens:
            self.recover_button = named(QPushButton(translate("Drafts", "Recover")), recover_name)
        else:
            self.recover_button = named(
                QPushButton(translate("Drafts", "Copy")), translate("Drafts", "Copy what was typed")
            )
        self.discard_button = named(QPushButton(translate("Drafts", "Discard")), discard_name)
        buttons.addButton(self.recover_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.recover_button.setDefault(True)
        layout.addWidget(buttons)
        self.recover_button.clicked.connect(self._recover if self.reopens else self._copy)
        self.discard_button.clicked.connect(self._discard)
        self.setMinimumWidth(460)

    def _copy(self) -> None:
        QApplication.clipboard().setText(typed_text(self.draft))
        self.recover_button.setText(translate("Drafts", "Copied"))

    def _recover(self) -> None:
        self.recover.emit(self.draft)
        self.accept()

    def _discard(self) -> None:
        self.discard.emit(self.draft)
        self.accept()


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
