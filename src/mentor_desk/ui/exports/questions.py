"""The small questions an export asks before the file is chosen.

:class:`PlanDetailsDialog` asks what contact goes on a participant's plan,
:class:`ProbationDialog` the period of a probation summary (and, when consent does not
cover it, either explains why not or — for a coordinator — asks the reason for overriding),
:class:`CsvDialog` which coordinator CSV file to make. They only collect answers; the
:class:`~mentor_desk.ui.exports.controller.ExportController` does the work.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentor_desk.ui.shell.i18n import QT_TRANSLATE_NOOP, translate
from mentor_desk.ui.shell.widgets import label, named, set_error

#: The shortest override reason accepted: a few words, not a single key press.
MIN_REASON = 10

#: The coordinator's CSV files: their name and what is in them (translated when shown).
CSV_KINDS: dict[str, tuple[str, str]] = {
    "caseload": (
        QT_TRANSLATE_NOOP("ExportQuestions", "Caseload"),
        QT_TRANSLATE_NOOP(
            "ExportQuestions",
            "One row per person: status, area, supervision, release date, mentor, next and "
            "last contact, goals, goals achieved and open referrals.",
        ),
    ),
    "referrals": (
        QT_TRANSLATE_NOOP("ExportQuestions", "Referrals"),
        QT_TRANSLATE_NOOP(
            "ExportQuestions",
            "One row per referral: date, service, pathway and CRS categories, kind and status.",
        ),
    ),
    "attendance": (
        QT_TRANSLATE_NOOP("ExportQuestions", "Attendance at sessions"),
        QT_TRANSLATE_NOOP(
            "ExportQuestions",
            "One row per session attended or missed: date, session, provider, minutes active "
            "and whether probation should be told.",
        ),
    ),
    "check_ins": (
        QT_TRANSLATE_NOOP("ExportQuestions", "Check-ins"),
        QT_TRANSLATE_NOOP(
            "ExportQuestions",
            "One row per check-in: the four wellbeing scores, active days, housing, work or "
            "training, and any new offence, arrest or recall.",
        ),
    ),
    "outcomes": (
        QT_TRANSLATE_NOOP("ExportQuestions", "Outcomes of goals"),
        QT_TRANSLATE_NOOP(
            "ExportQuestions",
            "One row per goal: pathway, status, target date, and how it ended when support ended.",
        ),
    ),
}


def _end_before_start() -> str:
    return translate("ExportQuestions", "The end of the period is before its start.")


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def date_edit(value: date, name: str) -> QDateEdit:
    edit = named(QDateEdit(to_qdate(value)), name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    return edit


def _buttons(dialog: QDialog, ok_text: str) -> tuple[QDialogButtonBox, QPushButton]:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    ok = named(QPushButton(ok_text), ok_text.rstrip("…"))
    ok.setDefault(True)
    box.addButton(ok, QDialogButtonBox.ButtonRole.AcceptRole)
    named(
        box.button(QDialogButtonBox.StandardButton.Cancel), translate("ExportQuestions", "Cancel")
    )
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box, ok


class PlanDetailsDialog(QDialog):
    """What goes on the plan besides the person's own goals: the mentor's work contact and
    the partnership's name (remembered for next time)."""

    def __init__(
        self, contact: str, partnership: str, ok_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        title = translate("ExportQuestions", "What goes on the plan")
        self.setWindowTitle(title)
        named(self, title)
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                translate(
                    "ExportQuestions",
                    "The plan shows your first name and how to reach you at work, so they can "
                    "get in touch. Use a work phone or email, never a personal one. Case notes "
                    "and safety flags are never on the plan.",
                ),
                "hint",
                wrap=True,
            )
        )
        form = QFormLayout()
        contact_text = translate("ExportQuestions", "Your work phone or email")
        partnership_text = translate("ExportQuestions", "Partnership name")
        self.contact = named(QLineEdit(contact), contact_text)
        self.contact.setPlaceholderText(translate("ExportQuestions", "for example 0113 496 0000"))
        self.partnership = named(QLineEdit(partnership), partnership_text)
        self.partnership.setPlaceholderText(
            translate("ExportQuestions", "for example Leeds Through the Gate")
        )
        form.addRow(contact_text, self.contact)
        form.addRow(partnership_text, self.partnership)
        layout.addLayout(form)
        buttons, self.ok_button = _buttons(self, ok_text)
        layout.addWidget(buttons)
        self.resize(520, 220)

    def values(self) -> tuple[str, str]:
        return self.contact.text().strip(), self.partnership.text().strip()


@dataclass(frozen=True)
class ConsentState:
    """What the probation dialog needs to know, read on the store worker."""

    reference: str
    covered: bool
    why_not: str
    coordinator: bool
    release_date: date | None


class ProbationDialog(QDialog):
    """The period of a probation summary, and what to do when consent does not cover it."""

    def __init__(self, state: ConsentState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        title = translate("ExportQuestions", "Progress summary for probation — {reference}").format(
            reference=state.reference
        )
        self.setWindowTitle(title)
        named(self, translate("ExportQuestions", "Progress summary for probation"))
        layout = QVBoxLayout(self)
        layout.addWidget(label(title, "subtitle", wrap=True))
        today = date.today()
        start = max(state.release_date or date.min, today - timedelta(days=91))
        row = QHBoxLayout()
        self.start = date_edit(min(start, today), translate("ExportQuestions", "Period from"))
        self.end = date_edit(today, translate("ExportQuestions", "Period to"))
        row.addWidget(label(translate("ExportQuestions", "From")))
        row.addWidget(self.start)
        row.addSpacing(12)
        row.addWidget(label(translate("ExportQuestions", "to")))
        row.addWidget(self.end)
        row.addStretch(1)
        layout.addLayout(row)
        if state.covered:
            text = translate(
                "ExportQuestions",
                "Their consent covers sharing this summary with their probation practitioner.",
            )
        elif state.coordinator:
            text = translate(
                "ExportQuestions",
                "⚠ {why_not} As a coordinator you can still make it, but only with a reason. "
                "The reason is printed on the summary and kept in the export log.",
            ).format(why_not=state.why_not)
        else:
            text = translate(
                "ExportQuestions",
                "⚠ {why_not} The summary cannot be made without their consent. Record their "
                "consent on the Consent tab if they agree, or ask a coordinator.",
            ).format(why_not=state.why_not)
        self.consent = label(text, "" if state.covered else "error", wrap=True)
        self.consent.setAccessibleName(text)
        layout.addWidget(self.consent)
        self.reason = named(
            QPlainTextEdit(),
            translate("ExportQuestions", "Reason for making it without their consent"),
        )
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(
            translate("ExportQuestions", "Why must probation have this without their consent?")
        )
        self.reason.setMaximumHeight(90)
        overriding = not state.covered and state.coordinator
        self.reason_label = label(
            translate("ExportQuestions", "Your reason for making it without their consent:")
        )
        self.reason_label.setBuddy(self.reason)
        self.reason_label.setVisible(overriding)
        self.reason.setVisible(overriding)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.reason)
        self.error = label("", "error", wrap=True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons, self.ok_button = _buttons(self, translate("ExportQuestions", "Save as PDF…"))
        layout.addWidget(buttons)
        for edit in (self.start, self.end):
            edit.dateChanged.connect(self._check)
        self.reason.textChanged.connect(self._check)
        self._check()
        self.resize(560, 300 if self.reason.isVisibleTo(self) else 220)

    def override_reason(self) -> str | None:
        if self.state.covered or not self.state.coordinator:
            return None
        return self.reason.toPlainText().strip() or None

    def period(self) -> tuple[date, date]:
        return from_qdate(self.start.date()), from_qdate(self.end.date())

    def _check(self) -> None:
        start, end = self.period()
        problem = _end_before_start() if end < start else ""
        allowed = self.state.covered or (
            self.state.coordinator and len(self.override_reason() or "") >= MIN_REASON
        )
        if not problem and self.reason.isVisibleTo(self) and not allowed:
            problem = translate(
                "ExportQuestions", "Give the reason in a few words (at least {n} letters)."
            ).format(n=MIN_REASON)
        set_error(self.error, problem if self.reason.toPlainText() or end < start else "")
        self.ok_button.setEnabled(allowed and end >= start)


class CsvDialog(QDialog):
    """Which coordinator CSV file, with pseudonymised references or not, for which period."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = translate("ExportQuestions", "Save a CSV file")
        self.setWindowTitle(title)
        named(self, title)
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                translate(
                    "ExportQuestions",
                    "CSV files open in any spreadsheet. They hold no participant's name, date "
                    "of birth, contact details or notes: each person appears as their "
                    "reference. The caseload file names each person's mentor.",
                ),
                "hint",
                wrap=True,
            )
        )
        form = QFormLayout()
        which = translate("ExportQuestions", "Which file")
        self.kind = named(QComboBox(), which)
        for key, (text, _about) in CSV_KINDS.items():
            self.kind.addItem(translate("ExportQuestions", text), key)
        form.addRow(which, self.kind)
        self.about = label("", "hint", wrap=True)
        form.addRow("", self.about)
        pseudonymise = translate("ExportQuestions", "Pseudonymise references")
        self.pseudonymise = named(
            QCheckBox(pseudonymise),
            pseudonymise,
            translate(
                "ExportQuestions",
                "Each reference is replaced by a code that is the same in every file from this "
                "computer and cannot be turned back without this store.",
            ),
        )
        form.addRow("", self.pseudonymise)
        form.addRow(
            "",
            label(
                translate(
                    "ExportQuestions",
                    "Codes like P-7KQ2M4XD3A stand for each person. Area, dates and mentor can "
                    "still point to someone: treat the file as personal data.",
                ),
                "hint",
                wrap=True,
            ),
        )
        only = translate("ExportQuestions", "Only a period")
        self.limit = named(QCheckBox(only), only)
        today = date.today()
        self.start = date_edit(
            today - timedelta(days=365), translate("ExportQuestions", "Period from")
        )
        self.end = date_edit(today, translate("ExportQuestions", "Period to"))
        period = QHBoxLayout()
        period.addWidget(self.limit)
        period.addWidget(self.start)
        period.addWidget(label(translate("ExportQuestions", "to")))
        period.addWidget(self.end)
        period.addStretch(1)
        form.addRow(translate("ExportQuestions", "Period"), period)
        layout.addLayout(form)
        self.error = label("", "error", wrap=True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons, self.ok_button = _buttons(self, translate("ExportQuestions", "Save CSV…"))
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._update)
        self.limit.toggled.connect(self._update)
        self.start.dateChanged.connect(self._update)
        self.end.dateChanged.connect(self._update)
        self._update()
        self.resize(600, 360)

    def choice(self) -> str:
        return str(self.kind.currentData())

    def select(self, kind: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))

    def period(self) -> tuple[date | None, date | None]:
        if not self.limit.isChecked():
            return None, None
        return from_qdate(self.start.date()), from_qdate(self.end.date())

    def _update(self) -> None:
        self.about.setText(translate("ExportQuestions", CSV_KINDS[self.choice()][1]))
        self.start.setEnabled(self.limit.isChecked())
        self.end.setEnabled(self.limit.isChecked())
        since, until = self.period()
        bad = since is not None and until is not None and until < since
        set_error(self.error, _end_before_start() if bad else "")
        self.ok_button.setEnabled(not bad)
