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

from mentor_desk.ui.shell.widgets import label, named
from mentor_desk.ui.sync.controller import Phase, SyncState

if TYPE_CHECKING:
    from mentor_desk.sync.engine import SyncReport

REFRESH_MS = 30_000


def _n(count: int, one: str, many: str) -> str:
    return f"{count:,} {one if count == 1 else many}"


def ago(when: datetime, now: datetime | None = None) -> str:
    """ "just now", "2 minutes ago", "3 hours ago", "yesterday at 14:03", "on 12 Nov"."""
    now = now or datetime.now(UTC)
    seconds = (now - when).total_seconds()
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return _n(int(seconds // 60), "minute", "minutes") + " ago"
    if seconds < 6 * 3600:
        return _n(int(seconds // 3600), "hour", "hours") + " ago"
    local, today = when.astimezone(), now.astimezone().date()
    if local.date() == today:
        return f"today at {local:%H:%M}"
    if (today - local.date()).days == 1:
        return f"yesterday at {local:%H:%M}"
    return f"on {local.day} {local:%b}"


def describe(state: SyncState, now: datetime | None = None) -> tuple[str, str]:
    """The status bar's text and its tooltip for ``state``."""
    counts = state.counts
    waiting = counts.waiting if counts else 0
    phase = state.phase
    if phase is Phase.LOCKED:
        return "", ""
    if phase is Phase.LOCAL:
        demo = "Demo data — " if state.demo else ""
        # There is nowhere to share to, so no count of "not yet shared" (issue 12.15): the
        # count is in the tooltip for someone deciding whether to join a server.
        tip = "This profile is not joined to a partnership server; everything stays here."
        if waiting:
            tip += (
                f" If you join one (File menu), {_n(waiting, 'change', 'changes')} "
                "will be shared with it."
            )
        return f"{demo}Local only — kept on this computer", tip
    waiting_text = _n(waiting, "change", "changes") + " waiting" if waiting else ""
    if phase is Phase.SYNCING:
        if state.progress is None:
            return "Syncing…", "Talking to the server."
        step, done, total = state.progress
        tip = "Sending your changes" if step == "push" else "Receiving changes"
        return f"Syncing {done:,} of {total:,}…", tip + ". You can keep working."
    if phase is Phase.OFFLINE:
        text = "Offline — " + (waiting_text or "nothing waiting")
        return text, (
            "The server cannot be reached. Nothing is lost: changes are kept on this "
            "computer and sent when the connection is back. Press F5 to try now."
        )
    if phase is Phase.RETRYING:
        text = "Not synced — will try again" + (f" ({waiting_text})" if waiting_text else "")
        return text, state.problem
    if phase is Phase.STOPPED and state.signed_out:
        text = "Signed out of the server" + (
            f" — {waiting_text}, kept safely" if waiting_text else ""
        )
        return text, "Sign in again (Sync menu) to go on sharing. Nothing is lost."
    if phase is Phase.STOPPED:
        text = "Sync stopped" + (f" — {waiting_text}, kept safely" if waiting_text else "")
        return text, state.problem
    if counts is None or counts.last_synced is None:
        return "Not synced yet" + (f" — {waiting_text}" if waiting_text else ""), ""
    text = "Synced " + ago(counts.last_synced, now)
    tip = f"Last synced {counts.last_synced.astimezone():%d %b %Y at %H:%M}."
    return text + (f" — {waiting_text}" if waiting_text else ""), tip


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
        self.bar = named(QProgressBar(), "Sync progress")
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        self.bar.hide()
        self.bar.setFixedWidth(120)
        self.bar.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.text = named(QLabel(""), "Sharing status")
        self.text.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.conflicts = _link_button("Conflicts to review")
        self.attention = _link_button("Changes that need attention")
        self.sign_in = _link_button("Sign in again")
        self.sign_in.setText("Sign in again…")
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
            _n(conflicts, "conflict needs", "conflicts need") + " a look" if conflicts else ""
        )
        self.conflicts.setVisible(bool(conflicts))
        self.attention.setText(
            _n(attention, "change needs", "changes need") + " attention" if attention else ""
        )
        self.attention.setVisible(bool(attention))


class FirstSyncDialog(QDialog):
    """Progress of a first (or a large) sync; "Keep working" sends it to the background.

    The status bar goes on showing the progress; the dialog closes itself when the sync ends
    while it is hidden, and shows the outcome when it is still on screen.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sharing with the server")
        self.setMinimumWidth(460)
        box = QVBoxLayout(self)
        box.setSpacing(10)
        self.heading = label("Sharing your records with the server", "title")
        box.addWidget(self.heading)
        self.explain = label(
            "This first sync can take a few minutes. You can keep working meanwhile: "
            "the status bar shows how far it is.",
            "",
            wrap=True,
        )
        box.addWidget(self.explain)
        self.bar = named(QProgressBar(), "First sync progress")
        self.bar.setRange(0, 0)
        box.addWidget(self.bar)
        self.detail = named(label("Connecting…", "hint"), "First sync step")
        box.addWidget(self.detail)
        buttons = QDialogButtonBox()
        self.keep_working = named(QPushButton("Keep working"), "Keep working")
        self.keep_working.setDefault(True)
        buttons.addButton(self.keep_working, QDialogButtonBox.ButtonRole.AcceptRole)
        box.addWidget(buttons)
        self.ended = False
        buttons.accepted.connect(lambda: self.accept() if self.ended else self.hide())

    def set_progress(self, phase: str, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        verb = "Sending your changes" if phase == "push" else "Receiving records"
        self.detail.setText(f"{verb}: {done:,} of {total:,}")

    def finish(self, report: SyncReport | None, message: str = "") -> None:
        """The cycle ended (``report``) or stopped (``message``)."""
        self.ended = True
        if not self.isVisible():
            self.close()
            return
        self.bar.setRange(0, 1)
        self.bar.setValue(1 if report is not None else 0)
        if report is not None:
            self.heading.setText("Everything is shared")
            self.detail.setText(
                f"Sent {_n(report.pushed, 'change', 'changes')}, "
                f"received {_n(report.pulled, 'record', 'records')}."
            )
        else:
            self.heading.setText("The first sync has not finished")
            self.detail.setText(message)
        self.explain.setText("Mentor Desk keeps syncing in the background from now on.")
        self.keep_working.setText("Close")
        self.keep_working.setAccessibleName("Close")


class SyncBanner(QWidget):
    """A strip above the screens for what must not go unnoticed (e.g. "update needed").

    It sits in a toolbar of its own; the owner shows and hides that toolbar.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 8, 2)
        self.message = named(label("", "banner", wrap=True), "Sync warning")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.message, 1)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleDescription(text)

    def clear(self) -> None:
        self.message.clear()
