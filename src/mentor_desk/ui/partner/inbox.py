"""The referral inbox: referrals to the partner's own services, and its answers to them.

Newest first, each with the person's reference and preferred name (all a partner holds),
the service, when it was made and the answer so far. **Answer…** (or Enter on a row) opens
:class:`AnswerDialog`: accept, decline (a reason is needed: it goes back to the mentor) or
"attended", with an optional short reply. Saving writes only the answer, the reply, today's
date and the status set to the answer (``store/partner.answer_referral``), so the change
that syncs carries only those — the server refuses anything else from a partner.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentor_desk.store import partner
from mentor_desk.store.partner import InboxRow
from mentor_desk.store.records import Record, Store
from mentor_desk.ui.forms.records import button
from mentor_desk.ui.forms.signposting import short_day
from mentor_desk.ui.shell.i18n import translate
from mentor_desk.ui.shell.table_model import ColumnsModel, read_only_table
from mentor_desk.ui.shell.tasks import TaskRunner
from mentor_desk.ui.shell.widgets import error_and_buttons, label, named, plain, set_error

REPLY_LIMIT = 2000  # the vocabulary's max_length for referral.partner_reply


def answer_words(row: InboxRow) -> str:
    """The answer so far, in words: "Declined on 4 Dec: no places until March"."""
    when = short_day(row.answered_on)
    if row.answer == "accepted":
        text = translate("ReferralInbox", "Accepted on {date}").format(date=when)
    elif row.answer == "declined":
        text = translate("ReferralInbox", "Declined on {date}").format(date=when)
    elif row.answer == "attended":
        text = translate("ReferralInbox", "Attended (recorded {date})").format(date=when)
    else:
        return translate("ReferralInbox", "Not answered yet")
    return f"{text}: {row.reply}" if row.reply else text


class InboxModel(ColumnsModel[InboxRow]):
    """The inbox's rows (newest first, as the store gives them)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                (translate("ReferralInbox", "Referred on"), lambda r: r.referred_on),
                (translate("ReferralInbox", "Reference"), lambda r: r.reference),
                (translate("ReferralInbox", "Name"), lambda r: r.name),
                (translate("ReferralInbox", "Service"), lambda r: r.service),
                (translate("ReferralInbox", "Kind"), lambda r: plain(r.kind)),
                (translate("ReferralInbox", "Your answer"), answer_words),
            ],
            parent,
        )


class ReferralInbox(QWidget):
    """Referrals to this organisation's services, with Answer….

    Signals:
        loaded(): the rows arrived from the store.
        answered(): an answer was saved.
    """

    loaded = Signal()
    answered = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        layout = QVBoxLayout(self)
        layout.addWidget(label(translate("ReferralInbox", "Referrals to your services"), "title"))
        layout.addWidget(
            label(
                translate(
                    "ReferralInbox",
                    "Accept, decline (say why) or record that they attended. Your answer "
                    "and reply go back to their mentor at the next sync.",
                ),
                "hint",
                wrap=True,
            )
        )
        self.model = InboxModel(self)
        self.table: QTableView = read_only_table(
            self.model, translate("ReferralInbox", "Referrals to your services"), stretch=5
        )
        layout.addWidget(self.table, 1)
        self.empty = label(
            translate("ReferralInbox", "No referrals to your services yet."), "hint", wrap=True
        )
        layout.addWidget(self.empty)
        row = QHBoxLayout()
        self.count = label("", "hint")
        self.answer_button = button(
            translate("ReferralInbox", "Answer…"),
            translate("ReferralInbox", "Answer the chosen referral"),
            translate("ReferralInbox", "Accept, decline or record attended (Enter)"),
        )
        self.answer_button.setProperty("role", "primary")
        row.addWidget(self.count, 1)
        row.addWidget(self.answer_button)
        layout.addLayout(row)
        self.answer_button.clicked.connect(self.answer)
        self.table.activated.connect(lambda _i: self.answer())
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._update())
        self._update()

    def refresh(self) -> None:
        self._runner.run(partner.referral_inbox, self._loaded, owner=self)

    def clear(self) -> None:
        self.model.set_rows([])
        self._update()

    def _loaded(self, rows: list[InboxRow]) -> None:
        chosen = self.chosen()
        self.model.set_rows(rows)
        at = next(
            (i for i, r in enumerate(rows) if chosen and r.referral_id == chosen.referral_id), 0
        )
        if rows:
            self.table.selectRow(at)
        waiting = sum(1 for r in rows if not r.answer)
        self.count.setText(
            translate("ReferralInbox", "{total} referrals, {waiting} not answered yet").format(
                total=len(rows), waiting=waiting
            )
        )
        self._update()
        self.loaded.emit()

    def _update(self) -> None:
        has = self.model.rowCount() > 0
        self.empty.setVisible(not has)
        self.answer_button.setEnabled(self.chosen() is not None)

    def chosen(self) -> InboxRow | None:
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def answer(self) -> AnswerDialog | None:
        row = self.chosen()
        if row is None:
            return None
        dialog = AnswerDialog(self._runner, row, self)
        dialog.saved.connect(lambda _r: self._answered())
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        return dialog

    def _answered(self) -> None:
        self.answered.emit()
        self.refresh()


class AnswerDialog(QDialog):
    """The partner's answer to one referral.

    Signals:
        saved(dict): the referral as saved.
    """

    saved = Signal(dict)

    def __init__(self, runner: TaskRunner, row: InboxRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.row = row
        title = translate("ReferralInbox", "Answer the referral of {name}").format(name=row.name)
        self.setWindowTitle(title)
        named(self, title)
        layout = QVBoxLayout(self)
        about = translate(
            "ReferralInbox", "{name} ({reference}) — {service}, referred on {date}"
        ).format(
            name=row.name,
            reference=row.reference,
            service=row.service,
            date=short_day(row.referred_on),
        )
        self.about: QLabel = label(about, "subtitle", wrap=True)
        layout.addWidget(self.about)
        self.choices = QButtonGroup(self)
        self.accept_choice = named(
            QRadioButton(translate("ReferralInbox", "&Accept: we can take them")),
            translate("ReferralInbox", "Accept"),
        )
        self.decline_choice = named(
            QRadioButton(translate("ReferralInbox", "&Decline (say why below)")),
            translate("ReferralInbox", "Decline"),
        )
        self.attended_choice = named(
            QRadioButton(translate("ReferralInbox", "A&ttended: they came to the service")),
            translate("ReferralInbox", "Attended"),
        )
        self.by_answer = {
            "accepted": self.accept_choice,
            "declined": self.decline_choice,
            "attended": self.attended_choice,
        }
        for choice in self.by_answer.values():
            self.choices.addButton(choice)
            layout.addWidget(choice)
        (self.by_answer.get(row.answer) or self.accept_choice).setChecked(True)
        self.reply_label = QLabel(translate("ReferralInbox", "&Reply to the mentor (optional)"))
        layout.addWidget(self.reply_label)
        self.reply = named(
            QPlainTextEdit(row.reply),
            translate("ReferralInbox", "Reply to the mentor"),
            translate("ReferralInbox", "Needed when you decline: the reason goes back to them."),
        )
        self.reply.setTabChangesFocus(True)
        self.reply.setMaximumHeight(110)
        self.reply_label.setBuddy(self.reply)
        layout.addWidget(self.reply)
        self.hint = label("", "hint", wrap=True)
        layout.addWidget(self.hint)
        self.error, self.save_button = error_and_buttons(
            self, layout, translate("ReferralInbox", "Save answer")
        )
        self.choices.buttonToggled.connect(lambda *_a: self._update())
        self._update()
        self.resize(520, 380)

    def chosen_answer(self) -> str:
        return next(a for a, b in self.by_answer.items() if b.isChecked())

    def _update(self) -> None:
        declining = self.chosen_answer() == "declined"
        self.hint.setText(
            translate("ReferralInbox", "A reason is needed to decline.")
            if declining
            else translate("ReferralInbox", "A short reply is optional.")
        )
        label_text = (
            translate("ReferralInbox", "&Reason for declining (needed)")
            if declining
            else translate("ReferralInbox", "&Reply to the mentor (optional)")
        )
        self.reply_label.setText(label_text)

    def save(self) -> None:
        answer, reply = self.chosen_answer(), self.reply.toPlainText().strip()
        if answer == "declined" and not reply:
            set_error(self.error, translate("ReferralInbox", "Say why you are declining."))
            self.reply.setFocus()
            return
        if len(reply) > REPLY_LIMIT:
            set_error(
                self.error,
                translate("ReferralInbox", "Keep the reply under {n} characters.").format(
                    n=REPLY_LIMIT
                ),
            )
            return
        self.save_button.setEnabled(False)
        rid = self.row.referral_id

        def op(store: Store) -> Record:
            return partner.answer_referral(store, rid, answer, reply)

        self._runner.run(op, self._saved, self._failed, writes=True, owner=self)

    def _saved(self, record: Record) -> None:
        self.saved.emit(dict(record))
        self.accept()

    def _failed(self, message: str, _e: BaseException) -> None:
        self.save_button.setEnabled(True)
        set_error(self.error, message)
