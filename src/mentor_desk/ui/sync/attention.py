"""Changes the server refused: the reason, and what to do — correct and resend, or discard.

A refused change never blocks the others and is never dropped silently (SYNC.md "One sync
cycle"): it waits here until the person decides. "Send again" queues the record's current
values (so a correction made meanwhile goes with it); "Discard" forgets the change after a
confirmation, leaving this computer's copy of the record as it is.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from mentor_desk.ui.shell.i18n import translate
from mentor_desk.ui.shell.tasks import TaskRunner
from mentor_desk.ui.shell.widgets import label, named, set_error
from mentor_desk.ui.sync import wording as sync_ops
from mentor_desk.ui.sync.conflicts import RowsModel, rows_table, when_text
from mentor_desk.ui.sync.controller import SyncController
from mentor_desk.ui.sync.wording import AttentionRow


def attention_model(parent: QWidget | None = None) -> RowsModel[AttentionRow]:
    return RowsModel[AttentionRow](
        [
            (translate("NeedsAttention", "Participant"), lambda r: r.participant),
            (translate("NeedsAttention", "Record"), lambda r: r.what),
            (translate("NeedsAttention", "Change"), lambda r: r.summary),
            (
                translate("NeedsAttention", "Why it was refused"),
                lambda r: sync_ops.reason_text(r.reason),
            ),
            (translate("NeedsAttention", "When"), lambda r: when_text(r.at)),
        ],
        parent,
    )


def explain(row: AttentionRow) -> str:
    heading = translate("NeedsAttention", "{participant} — {record}").format(
        participant=row.participant, record=row.what
    )
    lines = [heading, "", sync_ops.reason_text(row.reason) + "."]
    if row.detail:
        lines.append(row.detail)
    if row.op != "delete" and row.fields:
        lines += ["", translate("NeedsAttention", "The change that was sent:")]
        lines += [
            f"  {sync_ops.field_label(row.entity, k)}: {sync_ops.show_value(row.entity, k, v)}"
            for k, v in row.fields.items()
        ]
    return "\n".join(lines)


class AttentionDialog(QDialog):
    """Sync → Changes that need attention. Non-modal.

    Signals:
        open_participant(str): show this participant so the person can correct the record.
    """

    open_participant = Signal(str)

    def __init__(
        self, runner: TaskRunner, sync: SyncController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._runner, self._sync = runner, sync
        self._confirm: QMessageBox | None = None
        title = translate("NeedsAttention", "Changes that need attention")
        self.setWindowTitle(title)
        self.resize(940, 520)
        box = QVBoxLayout(self)
        box.addWidget(
            label(
                translate(
                    "NeedsAttention",
                    "The server did not accept these changes. They are kept here, not lost: "
                    "correct the record and send it again, or discard the change.",
                ),
                "",
                wrap=True,
            )
        )
        self.model = attention_model(self)
        self.table = rows_table(self.model, title)
        self.detail = named(
            QPlainTextEdit(), translate("NeedsAttention", "Why the change was refused")
        )
        self.detail.setReadOnly(True)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        box.addWidget(split, 1)
        self.empty = label(
            translate(
                "NeedsAttention", "Nothing needs attention: the server accepted every change."
            ),
            "subtitle",
        )
        self.empty.hide()
        box.addWidget(self.empty)
        self.error = label("", "error", wrap=True)
        self.error.hide()
        box.addWidget(self.error)
        row = QHBoxLayout()
        open_text = translate("NeedsAttention", "Open participant")
        self.open_button = named(QPushButton(open_text), open_text)
        resend = translate("NeedsAttention", "Send again")
        self.resend_button = named(QPushButton(resend), resend)
        self.discard_button = named(
            QPushButton(translate("NeedsAttention", "Discard…")),
            translate("NeedsAttention", "Discard change"),
        )
        for button in (self.open_button, self.resend_button, self.discard_button):
            row.addWidget(button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        named(
            buttons.button(QDialogButtonBox.StandardButton.Close),
            translate("NeedsAttention", "Close"),
        )
        buttons.rejected.connect(self.reject)
        row.addWidget(buttons)
        box.addLayout(row)
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._show())
        self.open_button.clicked.connect(self._open)
        self.resend_button.clicked.connect(self._resend)
        self.discard_button.clicked.connect(self._ask_discard)
        self.reload()

    def reload(self) -> None:
        self._runner.run(sync_ops.attention_rows, self._loaded, owner=self)

    def _loaded(self, rows: list[AttentionRow]) -> None:
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        if rows:
            self.table.selectRow(0)
        self._show()

    def current(self) -> AttentionRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.rows):
            return None
        return self.model.rows[index.row()]

    def _show(self) -> None:
        row = self.current()
        self.detail.setPlainText(explain(row) if row else "")
        for button in (self.resend_button, self.discard_button):
            button.setEnabled(row is not None)
        self.open_button.setEnabled(row is not None and bool(row.participant_id))
        set_error(self.error, "")

    def _open(self) -> None:
        row = self.current()
        if row is not None and row.participant_id:
            self.open_participant.emit(row.participant_id)

    def _resend(self) -> None:
        row = self.current()
        if row is None:
            return
        seq = row.device_seq
        self._runner.run(
            lambda s: sync_ops.resend(s, seq),
            lambda _r: self._done(resent=True),
            lambda m, _e: set_error(self.error, m),
            writes=True,
            owner=self,
        )

    def _ask_discard(self) -> None:
        row = self.current()
        if row is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            translate("NeedsAttention", "Discard this change?"),
            translate(
                "NeedsAttention",
                "The change to {participant}'s {record} will not be sent to the server. This "
                "computer's copy stays as it is until the next change from the server.",
            ).format(participant=row.participant, record=row.what.lower()),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        discard_text = translate("NeedsAttention", "Discard")
        discard = box.addButton(discard_text, QMessageBox.ButtonRole.DestructiveRole)
        named(discard, discard_text)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        seq = row.device_seq

        def answered(_result: int) -> None:
            if box.clickedButton() is discard:
                self._runner.run(
                    lambda s: sync_ops.discard(s, seq),
                    lambda _r: self._done(resent=False),
                    lambda m, _e: set_error(self.error, m),
                    owner=self,
                )
            self._confirm = None
            box.deleteLater()

        box.finished.connect(answered)
        self._confirm = box
        box.open()

    def _done(self, resent: bool) -> None:
        self._sync.refresh_counts()
        if resent:
            self._sync.sync_now(manual=False)
        self.reload()
