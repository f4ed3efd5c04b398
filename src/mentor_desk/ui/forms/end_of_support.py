"""End of support: per-goal outcomes, a closing summary and the reason, then "closed".

"Close support…" records an ``end_of_support`` (probation's closure codes) and, in the same
transaction, sets the participant's status to closed with the matching participant
closure reason. The workspace is then read-only until "Reopen support". The tab lists every
ending (a person may be closed, reopened and closed again).
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mentor_desk.domain import resources
from mentor_desk.domain.validation import validate
from mentor_desk.domain.vocabulary import OUTCOMES
from mentor_desk.store.records import Record, Store
from mentor_desk.ui.forms.base import RecordTab
from mentor_desk.ui.forms.common import date_hint
from mentor_desk.ui.forms.data import FormsData, today_iso
from mentor_desk.ui.forms.records import button, open_dialog
from mentor_desk.ui.shell.i18n import translate
from mentor_desk.ui.shell.tasks import TaskRunner
from mentor_desk.ui.shell.widgets import elide, error_and_buttons, label, named, plain, set_error


def participant_reason(probation_code: str) -> str:
    """Probation's closure code as the participant's closure reason."""
    mapping = resources.load("closure_reasons.json")["participant"]
    keys = [str(m["key"]) for m in mapping]
    if probation_code in keys:
        return probation_code
    return next((str(m["key"]) for m in mapping if m["probation"] == probation_code), "other")


def close_support(store: Store, participant_id: str, values: dict[str, Any]) -> Record:
    """Record the ending and close the participant, in one transaction."""
    with store.transaction():
        ending = store.create("end_of_support", values)
        reason = participant_reason(values["closure_reason"])
        store.update("participant", participant_id, {"status": "closed", "closure_reason": reason})
    return ending


class CloseSupportDialog(QDialog):
    """Outcome per goal, a summary, the reason and the date; Save closes the participant.

    Signals:
        saved(object): the end_of_support record.
    """

    saved = Signal(object)

    def __init__(self, runner: TaskRunner, data: FormsData, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner, self._data = runner, data
        self.setWindowTitle(translate("EndOfSupport", "Close support"))
        named(self, translate("EndOfSupport", "Close support"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                translate(
                    "EndOfSupport",
                    "How did each goal go? Then a short summary and why support is ending. "
                    "Their record becomes read-only until someone reopens it.",
                ),
                "hint",
                wrap=True,
            )
        )
        host = QWidget()
        grid = QGridLayout(host)
        grid.setColumnStretch(2, 1)
        self.outcomes: dict[str, tuple[QComboBox, QLineEdit]] = {}
        for row, goal in enumerate(data.goals):
            text = elide(goal.get("goal_text") or "", 60)
            outcome = named(
                QComboBox(), translate("EndOfSupport", "Outcome: {goal}").format(goal=text)
            )
            outcome.addItem("—", None)
            for code in OUTCOMES:
                outcome.addItem(plain(code), code)
            if goal.get("status") == "achieved":
                outcome.setCurrentIndex(outcome.findData("achieved"))
            comment = named(
                QLineEdit(), translate("EndOfSupport", "Comment: {goal}").format(goal=text)
            )
            comment.setPlaceholderText(translate("EndOfSupport", "Comment"))
            grid.addWidget(QLabel(f"“{text}”"), row, 0)
            grid.addWidget(outcome, row, 1)
            grid.addWidget(comment, row, 2)
            self.outcomes[goal["id"]] = (outcome, comment)
        if not data.goals:
            grid.addWidget(
                label(translate("EndOfSupport", "There are no goals in the plan."), "hint"), 0, 0
            )
        grid.setRowStretch(len(data.goals) + 1, 1)  # rows at the top, not spread out
        scroll = named(QScrollArea(), translate("EndOfSupport", "Outcome of each goal"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(host)
        layout.addWidget(scroll, 1)
        form = QFormLayout()
        self.ended_on = named(
            QLineEdit(today_iso()), translate("EndOfSupport", "Date support ended")
        )
        self.ended_on.setPlaceholderText(date_hint())
        self.reason = named(QComboBox(), translate("EndOfSupport", "Reason"))
        for key, text in resources.labels("closure_reasons.json", "probation").items():
            self.reason.addItem(text, key)
        self.summary = named(QPlainTextEdit(), translate("EndOfSupport", "Closing summary"))
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(90)
        form.addRow(translate("EndOfSupport", "Date support ended (needed)"), self.ended_on)
        form.addRow(translate("EndOfSupport", "Reason (needed)"), self.reason)
        form.addRow(translate("EndOfSupport", "Closing summary"), self.summary)
        layout.addLayout(form)
        self.error, self.save_button = error_and_buttons(
            self,
            layout,
            translate("EndOfSupport", "Close support"),
            translate("EndOfSupport", "Close support"),
        )
        self.resize(760, 560)

    def values(self) -> dict[str, Any]:
        outcomes = {
            gid: {"outcome": box.currentData(), "comment": comment.text().strip()}
            for gid, (box, comment) in self.outcomes.items()
        }
        return {
            "participant_id": self._data.participant["id"],
            "ended_on": self.ended_on.text().strip(),
            "goal_outcomes": outcomes,
            "summary": self.summary.toPlainText().strip() or None,
            "closure_reason": self.reason.currentData(),
        }

    def save(self) -> None:
        values = {k: v for k, v in self.values().items() if v is not None}
        errors = validate("end_of_support", values)
        if errors:
            labels = {
                "ended_on": translate("EndOfSupport", "Date support ended"),
                "goal_outcomes": translate("EndOfSupport", "Goals:"),
            }
            set_error(
                self.error,
                "; ".join(f"{labels.get(e.field, e.field)} {e.message}" for e in errors),
            )
            return
        pid = self._data.participant["id"]
        self.save_button.setEnabled(False)
        self._runner.run(
            lambda store: close_support(store, pid, values),
            self._saved,
            self._failed,
            writes=True,
            owner=self,
        )

    def _saved(self, record: Record) -> None:
        self.saved.emit(record)
        self.accept()

    def _failed(self, message: str, _e: BaseException) -> None:
        self.save_button.setEnabled(True)
        set_error(self.error, message)


def ending_html(ending: Record, goals: list[Record]) -> str:
    esc = html.escape
    by_id = {g["id"]: g for g in goals}
    reason = resources.labels("closure_reasons.json", "probation").get(ending["closure_reason"])
    heading = translate("EndOfSupport", "Support ended {date} — {reason}").format(
        date=ending["ended_on"], reason=reason or ""
    )
    parts = [f"<h3>{esc(heading)}</h3>"]
    for gid, item in (ending.get("goal_outcomes") or {}).items():
        goal = (by_id.get(gid) or {}).get("goal_text") or translate(
            "EndOfSupport", "(a goal since removed)"
        )
        comment = f" — {esc(item.get('comment') or '')}" if item.get("comment") else ""
        parts.append(f"<p>“{esc(goal)}”: <b>{esc(plain(item.get('outcome')))}</b>{comment}</p>")
    if ending.get("summary"):
        parts.append(f"<p>{esc(ending['summary']).replace(chr(10), '<br>')}</p>")
    return "".join(parts)


class EndOfSupportTab(RecordTab):
    """Close support (or see how it ended)."""

    def __init__(self, runner: TaskRunner, participant_id: str, parent: QWidget | None = None):
        super().__init__(runner, participant_id, parent)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.state = label("", "subtitle", wrap=True)
        self.close_button = button(
            translate("EndOfSupport", "Close support…"), translate("EndOfSupport", "Close support")
        )
        row.addWidget(self.state, 1)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        self.endings = named(QTextBrowser(), translate("EndOfSupport", "How support ended"))
        layout.addWidget(self.endings, 1)
        self.close_button.clicked.connect(self.close_support)

    def show_data(self, data: FormsData) -> None:
        super().show_data(data)
        self.state.setText(
            translate("EndOfSupport", "Support has ended.")
            if data.closed
            else translate(
                "EndOfSupport", "Support is open. When it ends, record how each goal went here."
            )
        )
        never = html.escape(translate("EndOfSupport", "Support has not ended before."))
        self.endings.setHtml(
            "<hr>".join(ending_html(e, data.goals) for e in data.endings)
            or f"<p><i>{never}</i></p>"
        )
        self.set_read_only(self.read_only)

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.close_button.setEnabled(not read_only)

    def close_support(self) -> CloseSupportDialog | None:
        if self.data is None or self.read_only:
            return None
        dialog = CloseSupportDialog(self.runner, self.data, self)
        dialog.saved.connect(self.saved)
        open_dialog(dialog)
        return dialog
