"""What the person sees of sync: the status bar text, the first-sync dialog, the banner.

:func:`describe` turns a :class:`~mentor_desk.ui.sync.controller.SyncState` into the status
bar's words ("Offline — 7 changes waiting", "Syncing 1,200 of 48,000…", "Synced 2 minutes
ago"); it is a plain function so tests can check every wording.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mentor_desk.ui.shell.i18n import translate
from mentor_desk.ui.shell.widgets import label, named
from mentor_desk.ui.sync.controller import Phase, SyncState

if TYPE_CHECKING:
    from mentor_desk.sync.engine import SyncReport

REFRESH_MS = 30_000


def _n(count: int, one: str, many: str) -> str:
    """``one`` or ``many`` (translated texts with ``{n}``) with the count put in.

    Two texts rather than Qt's ``%n`` plural forms, so that the English stays as it is
    without an English catalogue; a translation gives each of the two its own words.
    """
    return (one if count == 1 else many).format(n=f"{count:,}")


def _changes(count: int) -> str:
    return _n(count, translate("SyncStatus", "{n} change"), translate("SyncStatus", "{n} changes"))


def _waiting(count: int) -> str:
    return _n(
        count,
        translate("SyncStatus", "{n} change waiting"),
        translate("SyncStatus", "{n} changes waiting"),
    )


def ago(when: datetime, now: datetime | None = None) -> str:
    """ "just now", "2 minutes ago", "3 hours ago", "yesterday at 14:03", "on 12 Nov"."""
    now = now or datetime.now(UTC)
    seconds = (now - when).total_seconds()
    if seconds < 60:
        return translate("SyncStatus", "just now")
    if seconds < 3600:
        return _n(
            int(seconds // 60),
            translate("SyncStatus", "{n} minute ago"),
            translate("SyncStatus", "{n} minutes ago"),
        )
    if seconds < 6 * 3600:
        return _n(
            int(seconds // 3600),
            translate("SyncStatus", "{n} hour ago"),
            translate("SyncStatus", "{n} hours ago"),
        )
    local, today = when.astimezone(), now.astimezone().date()
    if local.date() == today:
        return translate("SyncStatus", "today at {time}").format(time=f"{local:%H:%M}")
    if (today - local.date()).days == 1:
        return translate("SyncStatus", "yesterday at {time}").format(time=f"{local:%H:%M}")
    return translate("SyncStatus", "on {day} {month}").format(day=local.day, month=f"{local:%b}")


def describe(state: SyncState, now: datetime | None = None) -> tuple[str, str]:
    """The status bar's text and its tooltip for ``state``."""
    counts = state.counts
    waiting = counts.waiting if counts else 0
    phase = state.phase
    if phase is Phase.LOCKED:
        return "", ""
    if phase is Phase.LOCAL:
        # There is nowhere to share to, so no count of "not yet shared" (issue 12.15): the
        # count is in the tooltip for someone deciding whether to join a server.
        tip = translate(
            "SyncStatus",
            "This profile is not joined to a partnership server; everything stays here.",
        )
        if waiting:
            tip += " " + translate(
                "SyncStatus", "If you join one (File menu), {changes} will be shared with it."
            ).format(changes=_changes(waiting))
        text = translate("SyncStatus", "Local only — kept on this computer")
        if state.demo:
            text = translate("SyncStatus", "Demo data — {status}").format(status=text)
        return text, tip
    waiting_text = _waiting(waiting) if waiting else ""
    if phase is Phase.SYNCING:
        if state.progress is None:
            return translate("SyncStatus", "Syncing…"), translate(
                "SyncStatus", "Talking to the server."
            )
        step, done, total = state.progress
        tip = (
            translate("SyncStatus", "Sending your changes. You can keep working.")
            if step == "push"
            else translate("SyncStatus", "Receiving changes. You can keep working.")
        )
        return translate("SyncStatus", "Syncing {done} of {total}…").format(
            done=f"{done:,}", total=f"{total:,}"
        ), tip
    if phase is Phase.OFFLINE:
        text = translate("SyncStatus", "Offline — {waiting}").format(
            waiting=waiting_text or translate("SyncStatus", "nothing waiting")
        )
        return text, translate(
            "SyncStatus",
            "The server cannot be reached. Nothing is lost: changes are kept on this "
            "computer and sent when the connection is back. Press F5 to try now.",
        )
    if phase is Phase.RETRYING:
        text = (
            translate("SyncStatus", "Not synced — will try again ({waiting})").format(
                waiting=waiting_text
            )
            if waiting_text
            else translate("SyncStatus", "Not synced — will try again")
        )
        return text, state.problem
    if phase is Phase.STOPPED and state.signed_out:
        text = (
            translate("SyncStatus", "Signed out of the server — {waiting}, kept safely").format(
                waiting=waiting_text
            )
            if waiting_text
            else translate("SyncStatus", "Signed out of the server")
        )
        return text, translate(
            "SyncStatus", "Sign in again (Sync menu) to go on sharing. Nothing is lost."
        )
    if phase is Phase.STOPPED:
        text = (
            translate("SyncStatus", "Sync stopped — {waiting}, kept safely").format(
                waiting=waiting_text
            )
            if waiting_text
            else translate("SyncStatus", "Sync stopped")
        )
        return text, state.problem
    if counts is None or counts.last_synced is None:
        text = (
            translate("SyncStatus", "Not synced yet — {waiting}").format(waiting=waiting_text)
            if waiting_text
            else translate("SyncStatus", "Not synced yet")
        )
        return text, ""
    text = translate("SyncStatus", "Synced {ago}").format(ago=ago(counts.last_synced, now))
    last = counts.last_synced.astimezone()
    tip = translate("SyncStatus", "Last synced {date} at {time}.").format(
        date=f"{last:%d %b %Y}", time=f"{last:%H:%M}"
    )
    if waiting_text:
        text = translate("SyncStatus", "{status} — {waiting}").format(
            status=text, waiting=waiting_text
        )
    return text, tip


def _link_button(name: str) -> QToolButton:
    button = named(QToolButton(), name)
    button.setAutoRaise(True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setProperty("role", "link")
    font = button.font()
    font.setUnderline(True)
    button.setFont(font)
    button.setStyleSheet("QToolButton { color: palette(link); }")
    button.hide()
    return button


class SyncStatusWidget(QWidget):
    """The status bar's sync corner: a small progress bar, the state, and two links.

    Signals:
        conflicts_clicked(): "2 conflicts need a look" was clicked.
        attention_clicked(): "1 change needs attention" was clicked.
        sign_in_clicked(): "Sign in again…" was clicked.
    """

    conflicts_clicked = Signal()
    attention_clicked = Signal()
    sign_in_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        self.bar = named(QProgressBar(), translate("SyncStatus", "Sync progress"))
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        self.bar.hide()
        self.bar.setFixedWidth(120)
        self.bar.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.text = named(QLabel(""), translate("SyncStatus", "Sharing status"))
        self.text.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.conflicts = _link_button(translate("SyncStatus", "Conflicts to review"))
        self.attention = _link_button(translate("SyncStatus", "Changes that need attention"))
        self.sign_in = _link_button(translate("SyncStatus", "Sign in again"))
        self.sign_in.setText(translate("SyncStatus", "Sign in again…"))
        for widget in (self.bar, self.text, self.sign_in, self.conflicts, self.attention):
            row.addWidget(widget)
        self.conflicts.clicked.connect(self.conflicts_clicked)
        self.attention.clicked.connect(self.attention_clicked)
        self.sign_in.clicked.connect(self.sign_in_clicked)
        self.state = SyncState()
        self._clock = QTimer(self)
        self._clock.setInterval(REFRESH_MS)
        self._clock.timeout.connect(lambda: self.show_state(self.state))
        self._clock.start()

    def show_state(self, state: SyncState) -> None:
        self.state = state
        text, tip = describe(state)
        self.text.setText(text)
        self.text.setToolTip(tip)
        self.text.setAccessibleDescription(tip)
        progress = state.progress if state.phase is Phase.SYNCING else None
        if state.phase is Phase.SYNCING:
            self.bar.setRange(0, max(progress[2], 1) if progress else 0)
            if progress:
                self.bar.setValue(progress[1])
        self.bar.setVisible(state.phase is Phase.SYNCING)
        self.sign_in.setVisible(state.phase is Phase.STOPPED and state.signed_out)
        counts = state.counts
        conflicts = counts.conflicts if counts else 0
        attention = counts.attention if counts else 0
        self.conflicts.setText(
            _n(
                conflicts,
                translate("SyncStatus", "{n} conflict needs a look"),
                translate("SyncStatus", "{n} conflicts need a look"),
            )
            if conflicts
            else ""
        )
        self.conflicts.setVisible(bool(conflicts))
        self.attention.setText(
            _n(
                attention,
                translate("SyncStatus", "{n} change needs attention"),
                translate("SyncStatus", "{n} changes need attention"),
            )
            if attention
            else ""
        )
        self.attention.setVisible(bool(attention))


class FirstSyncDialog(QDialog):
    """Progress of a first (or a large) sync; "Keep working" sends it to the background.

    The status bar goes on showing the progress; the dialog closes itself when the sync ends
    while it is hidden, and shows the outcome when it is still on screen.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("SyncStatus", "Sharing with the server"))
        self.setMinimumWidth(460)
        box = QVBoxLayout(self)
        box.setSpacing(10)
        self.heading = label(
            translate("SyncStatus", "Sharing your records with the server"), "title"
        )
        box.addWidget(self.heading)
        self.explain = label(
            translate(
                "SyncStatus",
                "This first sync can take a few minutes. You can keep working meanwhile: "
                "the status bar shows how far it is.",
            ),
            "",
            wrap=True,
        )
        box.addWidget(self.explain)
        self.bar = named(QProgressBar(), translate("SyncStatus", "First sync progress"))
        self.bar.setRange(0, 0)
        box.addWidget(self.bar)
        self.detail = named(
            label(translate("SyncStatus", "Connecting…"), "hint"),
            translate("SyncStatus", "First sync step"),
        )
        box.addWidget(self.detail)
        buttons = QDialogButtonBox()
        keep = translate("SyncStatus", "Keep working")
        self.keep_working = named(QPushButton(keep), keep)
        self.keep_working.setDefault(True)
        buttons.addButton(self.keep_working, QDialogButtonBox.ButtonRole.AcceptRole)
        box.addWidget(buttons)
        self.ended = False
        buttons.accepted.connect(lambda: self.accept() if self.ended else self.hide())

    def set_progress(self, phase: str, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        step = (
            translate("SyncStatus", "Sending your changes: {done} of {total}")
            if phase == "push"
            else translate("SyncStatus", "Receiving records: {done} of {total}")
        )
        self.detail.setText(step.format(done=f"{done:,}", total=f"{total:,}"))

    def finish(self, report: SyncReport | None, message: str = "") -> None:
        """The cycle ended (``report``) or stopped (``message``)."""
        self.ended = True
        if not self.isVisible():
            self.close()
            return
        self.bar.setRange(0, 1)
        self.bar.setValue(1 if report is not None else 0)
        if report is not None:
            self.heading.setText(translate("SyncStatus", "Everything is shared"))
            records = _n(
                report.pulled,
                translate("SyncStatus", "{n} record"),
                translate("SyncStatus", "{n} records"),
            )
            self.detail.setText(
                translate("SyncStatus", "Sent {changes}, received {records}.").format(
                    changes=_changes(report.pushed), records=records
                )
            )
        else:
            self.heading.setText(translate("SyncStatus", "The first sync has not finished"))
            self.detail.setText(message)
        self.explain.setText(
            translate("SyncStatus", "Mentor Desk keeps syncing in the background from now on.")
        )
        close = translate("SyncStatus", "Close")
        self.keep_working.setText(close)
        self.keep_working.setAccessibleName(close)


class SyncBanner(QWidget):
    """A strip above the screens for what must not go unnoticed (e.g. "update needed").

    It sits in a toolbar of its own; the owner shows and hides that toolbar.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 8, 2)
        self.message = named(
            label("", "banner", wrap=True), translate("SyncStatus", "Sync warning")
        )
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.message, 1)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleDescription(text)

    def clear(self) -> None:
        self.message.clear()
