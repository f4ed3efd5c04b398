"""Joining a partnership server: from the first run, or from a local-only profile.

Signing in is a network call and runs on the network pool; remembering the sign-in (the
device token goes into the encrypted store) runs on the store worker. Nothing is created
locally until the server has accepted the username and password. Joining an existing
profile uploads everything it has: the outbox already holds every record ever written.
"""

from __future__ import annotations

import platform
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentor_desk.store.keys import KdfParams
from mentor_desk.store.profile import Profile
from mentor_desk.store.records import Store
from mentor_desk.sync.account import join
from mentor_desk.sync.protocol import NotSignedIn, Offline
from mentor_desk.sync.transport import ApiRefused, Transport, check_url
from mentor_desk.ui.shell.i18n import translate
from mentor_desk.ui.shell.network import NetRunner
from mentor_desk.ui.shell.start_pages import _card, _password, strength_hint
from mentor_desk.ui.shell.tasks import TaskRunner
from mentor_desk.ui.shell.theme import icon
from mentor_desk.ui.shell.widgets import label, named, set_error

Login = tuple[str, dict[str, Any]]


def sign_in(address: str, username: str, password: str) -> Login:
    """Log in and register this computer (network pool). Returns the URL and the answer."""
    url = check_url(address if "://" in address else "https://" + address)
    answer = Transport(url).login(username, password, platform.node() or "laptop")
    return url, answer


class _Answered(Transport):
    """A transport whose login was already done on the network pool."""

    def __init__(self, url: str, answer: dict[str, Any]) -> None:
        super().__init__(url)
        self._prefetched = answer

    def login(self, username: str, password: str, device_name: str) -> dict[str, Any]:
        self.token = str(self._prefetched["token"])
        return self._prefetched


def remember(store: Store, login: Login, username: str = "") -> None:
    """Keep the sign-in in the store (store worker)."""
    url, answer = login
    join(store, url, username, "", transport=_Answered(url, answer))


def sign_in_message(message: str, error: BaseException) -> str:
    if isinstance(error, NotSignedIn):
        return translate("Join", "The username or password is not right.")
    if isinstance(error, Offline):
        return translate(
            "Join",
            "The server cannot be reached at that address. Check the address and this "
            "computer's connection.",
        )
    if isinstance(error, ApiRefused) and error.status == 429:
        return message or translate("Join", "Too many attempts. Wait a few minutes and try again.")
    return message


class JoinFields(QWidget):
    """Server address, username and password, with the error line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.address = named(
            QLineEdit(),
            translate("Join", "Server address"),
            translate("Join", "For example https://desk.example.org"),
        )
        self.address.setPlaceholderText(translate("Join", "https://desk.example.org"))
        self.username = named(QLineEdit(), translate("Join", "Username"))
        self.password = _password(translate("Join", "Password"))
        self.form.addRow(translate("Join", "Server &address"), self.address)
        self.form.addRow(translate("Join", "&Username"), self.username)
        self.form.addRow(translate("Join", "Pass&word"), self.password)

    def filled(self) -> bool:
        return all(e.text().strip() for e in (self.address, self.username)) and bool(
            self.password.text()
        )

    def values(self) -> tuple[str, str, str]:
        return self.address.text().strip(), self.username.text().strip(), self.password.text()

    def set_enabled(self, on: bool) -> None:
        for edit in (self.address, self.username, self.password):
            edit.setEnabled(on)


class JoinDialog(QDialog):
    """File → Join a partnership server…, for a local-only profile that is open.

    Signals:
        joined(): the sign-in is kept in the store; the first sync can start.
    """

    joined = Signal()

    def __init__(self, runner: TaskRunner, net: NetRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner, self._net = runner, net
        title = translate("Join", "Join a partnership server")
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        box = QVBoxLayout(self)
        box.setSpacing(10)
        box.addWidget(label(title, "title"))
        box.addWidget(
            label(
                translate(
                    "Join",
                    "Everything on this computer is uploaded to the partnership's server and "
                    "kept in step from then on. Your coordinator gives you the address and your "
                    "account.",
                ),
                "",
                wrap=True,
            )
        )
        self.fields = JoinFields()
        box.addWidget(self.fields)
        self.error = label("", "error", wrap=True)
        self.error.hide()
        box.addWidget(self.error)
        buttons = QDialogButtonBox()
        join_text = translate("Join", "Join and upload")
        self.join_button = named(QPushButton(join_text), join_text)
        self.join_button.setProperty("role", "primary")
        self.join_button.setDefault(True)
        cancel_text = translate("Join", "Cancel")
        cancel = named(QPushButton(cancel_text), cancel_text)
        buttons.addButton(self.join_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._join)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        for edit in (self.fields.address, self.fields.username, self.fields.password):
            edit.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.join_button.setEnabled(self.fields.filled())

    def _join(self) -> None:
        if not self.fields.filled():
            return
        address, username, password = self.fields.values()
        self._working(True)
        set_error(self.error, "")
        self._net.run(
            lambda: sign_in(address, username, password),
            self._signed_in,
            lambda m, e: self._failed(sign_in_message(m, e)),
            owner=self,
        )

    def _signed_in(self, login: Login) -> None:
        username = self.fields.values()[1]
        self._runner.run(
            lambda s: remember(s, login, username),
            lambda _r: self._done(),
            lambda m, _e: self._failed(m),
            owner=self,
        )

    def _done(self) -> None:
        self._working(False)
        self.fields.password.clear()
        self.joined.emit()
        self.accept()

    def _working(self, on: bool) -> None:
        self.fields.set_enabled(not on)
        self.join_button.setEnabled(not on and self.fields.filled())
        self.join_button.setText(
            translate("Join", "Joining…") if on else translate("Join", "Join and upload")
        )

    def _failed(self, message: str) -> None:
        self._working(False)
        set_error(self.error, message)


class JoinServerPage(QWidget):
    """First run, "Join a partnership server": sign in, then choose the local passphrase.

    Signals:
        unlocked(): the new store is created, joined, and open on the worker.
        back(): the person wants the local-only setup instead.
    """

    unlocked = Signal()
    back = Signal()

    def __init__(
        self,
        profile: Profile,
        runner: TaskRunner,
        net: NetRunner,
        kdf: KdfParams,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._profile, self._runner, self._net, self._kdf = profile, runner, net, kdf
        _frame, box = _card(self)
        box.addWidget(label(translate("Join", "Join a partnership server"), "title"))
        box.addWidget(
            label(
                translate(
                    "Join",
                    "Sign in with the account your coordinator gave you, then choose a "
                    "passphrase that locks the copy kept on this computer.",
                ),
                "subtitle",
                wrap=True,
            )
        )
        self.fields = JoinFields()
        # the first-run page's words where they are the same (already translated there)
        self.passphrase = _password(translate("FirstRun", "Passphrase"))
        self.repeat = _password(translate("FirstRun", "Passphrase again"))
        self.fields.form.addRow(translate("Join", "Your &passphrase"), self.passphrase)
        self.fields.form.addRow(translate("Join", "A&gain"), self.repeat)
        box.addWidget(self.fields)
        self.hint = label("", "hint", wrap=True)
        box.addWidget(self.hint)
        self.error = label("", "error", wrap=True)
        self.error.hide()
        box.addWidget(self.error)
        row = QHBoxLayout()
        self.back_button = named(
            QPushButton(translate("Join", "Back")), translate("Join", "Back to local setup")
        )
        row.addWidget(self.back_button)
        row.addStretch(1)
        self.join_button = named(
            QPushButton(translate("Join", "Join and create my store")), translate("Join", "Join")
        )
        self.join_button.setProperty("role", "primary")
        self.join_button.setIcon(icon("lock", "#ffffff"))
        self.join_button.setDefault(True)
        row.addWidget(self.join_button)
        box.addLayout(row)
        for edit in (
            self.fields.address,
            self.fields.username,
            self.fields.password,
            self.passphrase,
            self.repeat,
        ):
            edit.textChanged.connect(self._update)
            edit.returnPressed.connect(self.join_button.click)
        self.join_button.clicked.connect(self._join)
        self.back_button.clicked.connect(self.back)
        self._update()

    def focus_first(self) -> None:
        self.fields.address.setFocus()

    def _update(self) -> None:
        text, ok = strength_hint(self.passphrase.text())
        if ok and self.repeat.text() != self.passphrase.text():
            text, ok = (
                (translate("FirstRun", "The two passphrases are not the same yet."), False)
                if self.repeat.text()
                else (text + " " + translate("FirstRun", "Type it again to confirm."), False)
            )
        self.hint.setText(text)
        self.join_button.setEnabled(ok and self.fields.filled())

    def _join(self) -> None:
        if not self.join_button.isEnabled():
            return
        address, username, password = self.fields.values()
        self._working(True)
        set_error(self.error, "")
        self._net.run(
            lambda: sign_in(address, username, password),
            self._signed_in,
            lambda m, e: self._failed(sign_in_message(m, e)),
            owner=self,
        )

    def _signed_in(self, login: Login) -> None:
        passphrase, profile, kdf = self.passphrase.text(), self._profile, self._kdf
        name = str(login[1].get("user", {}).get("name") or "")
        username = self.fields.values()[1]

        def opener() -> Store:
            store = profile.create(passphrase, kdf=kdf, actor_name=name)
            try:
                remember(store, login, username)
            except BaseException:
                store.close()
                raise
            return store

        self._runner.open(opener, lambda _s: self._created(), lambda m, _e: self._failed(m))

    def _created(self) -> None:
        for edit in (self.fields.password, self.passphrase, self.repeat):
            edit.clear()
        self._working(False)
        self.unlocked.emit()

    def _working(self, on: bool) -> None:
        self.fields.set_enabled(not on)
        for widget in (self.passphrase, self.repeat, self.back_button):
            widget.setEnabled(not on)
        self.join_button.setText(
            translate("Join", "Joining…") if on else translate("Join", "Join and create my store")
        )
        if on:
            self.join_button.setEnabled(False)
        else:
            self._update()

    def _failed(self, message: str) -> None:
        self._working(False)
        set_error(self.error, message)
        self.fields.address.setFocus(Qt.FocusReason.OtherFocusReason)
