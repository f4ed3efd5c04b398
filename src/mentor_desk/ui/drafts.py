"""Offering unsaved work back after a crash or a lock: "Recover the note you were writing?".

Two kinds of draft are kept: a case note being written, and unsaved changes to a profile.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from mentor_desk.store.caseload import display_name
from mentor_desk.store.records import Store
from mentor_desk.ui.widgets import label, local_time, named

DRAFT_KIND = "case_note"  # draft kind of a case note being written
PROFILE_DRAFT_KIND = "participant"  # draft kind of unsaved profile changes


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
    """Note drafts whose participant still exists, newest first."""
    out = []
    for d in store.drafts():
        pid = d.get("participant_id")
        if d["kind"] not in (DRAFT_KIND, PROFILE_DRAFT_KIND) or not pid:
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
        is_note = draft.kind == DRAFT_KIND
        question = (
            "Recover the note you were writing?"
            if is_note
            else "Recover the profile changes you were making?"
        )
        self.setWindowTitle(question)
        named(self, question)
        layout = QVBoxLayout(self)
        layout.addWidget(label(question, "title"))
        text = (draft.body.get("text") or "").strip() if is_note else ""
        preview = text[:200] + ("…" if len(text) > 200 else "")
        when = local_time(draft.updated_at)
        sentence = (
            f"A note for <b>{_esc(draft.who)}</b> was not saved. It was last kept at {when}."
            if is_note
            else f"Changes to the profile of <b>{_esc(draft.who)}</b> were not saved. They "
            f"were last kept at {when}."
        )
        self.message = label(sentence, "", wrap=True)
        layout.addWidget(self.message)
        if is_note:
            quote = QLabel(_esc(preview) or "<i>(no text yet)</i>")
            quote.setWordWrap(True)
            quote.setProperty("role", "demo")
            layout.addWidget(quote)
        buttons = QDialogButtonBox()
        thing = "note" if is_note else "changes"
        self.recover_button = named(QPushButton("Recover"), f"Recover the {thing}")
        self.discard_button = named(QPushButton("Discard"), f"Discard the {thing}")
        buttons.addButton(self.recover_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.recover_button.setDefault(True)
        layout.addWidget(buttons)
        self.recover_button.clicked.connect(self._recover)
        self.discard_button.clicked.connect(self._discard)
        self.setMinimumWidth(460)

    def _recover(self) -> None:
        self.recover.emit(self.draft)
        self.accept()

    def _discard(self) -> None:
        self.discard.emit(self.draft)
        self.accept()


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
