"""Sync → "Sign in again…", for a profile whose device token the server no longer knows.

A 401 (this computer was logged out, or the server's devices were reset) is not a
revocation: nothing is wiped and the outbox keeps every change. Signing in again logs in to
the same server on the network pool, then keeps the new device and token in the encrypted
store with :func:`mentor_desk.sync.account.join` on the store worker. Only the account the
profile belongs to may sign in again: another person's sign-in would send this profile's
records under their name.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentor_desk.store.errors import StoreError
from mentor_desk.store.records import Store
from mentor_desk.ui.shell.i18n import translate
from mentor_desk.ui.shell.network import NetRunner
from mentor_desk.ui.shell.start_pages import _password
from mentor_desk.ui.shell.tasks import TaskRunner
from mentor_desk.ui.shell.widgets import label, named, set_error
from mentor_desk.ui.sync.join import Login, remember, sign_in, sign_in_message


class OtherAccount(StoreError):
    def __init__(self) -> None:
        super().__init__(
            translate(
                "SignInAgain",
                "That account is not the one this profile belongs to. Sign in with your own "
                "username, or ask your coordinator.",
            )
        )


def remember_again(store: Store, login: Login, username: str) -> None:
    """Keep the new sign-in (store worker), if it is the profile's own account."""
    owner = store.meta("user_id")
    if owner and str(login[1]["user"]["id"]) != owner:
        raise OtherAccount()
    remember(store, login, username)


class SignInAgainDialog(QDialog):
    """Username (filled in when known) and password for the server this profile joined.

    Signals:
        signed_in(): the new token is kept in the store; syncing can go on.
    """

    signed_in = Signal()

    def __init__(
        self, runner: TaskRunner, net: NetRunner, url: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._runner, self._net, self.url = runner, net, url
        title = translate("SignInAgain", "Sign in again")
        self.setWindowTitle(title)
        named(self, title)
        self.setMinimumWidth(440)
        box = QVBoxLayout(self)
        box.addWidget(
            label(
                translate(
                    "SignInAgain",
                    "The server at {url} no longer knows this computer (it was signed out). "
                    "Sign in again to go on sharing; everything waiting is kept and sent "
                    "afterwards.",
                ).format(url=url),
                "",
                wrap=True,
            )
        )
        form = QFormLayout()
        self.username = named(QLineEdit(), translate("SignInAgain", "Username"))
        self.password = _password(translate("SignInAgain", "Password"))
        form.addRow(translate("SignInAgain", "&Username"), self.username)
        form.addRow(translate("SignInAgain", "Pass&word"), self.password)
        box.addLayout(form)
        self.error = label("", "error", wrap=True)
        self.error.hide()
        box.addWidget(self.error)
        buttons = QDialogButtonBox()
        sign_in_text = translate("SignInAgain", "Sign in")
        self.sign_in_button = named(QPushButton(sign_in_text), sign_in_text)
        self.sign_in_button.setProperty("role", "primary")
        self.sign_in_button.setDefault(True)
        cancel_text = translate("SignInAgain", "Cancel")
        cancel = named(QPushButton(cancel_text), cancel_text)
        buttons.addButton(self.sign_in_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._sign_in)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        for edit in (self.username, self.password):
            edit.textChanged.connect(self._update)
        self._update()
        runner.run(lambda s: s.meta("server_username"), self._got_username, owner=self)

    def _got_username(self, username: str | None) -> None:
        if username and not self.username.text():
            self.username.setText(username)
            self.password.setFocus()

    def _filled(self) -> bool:
        return bool(self.username.text().strip() and self.password.text())

    def _update(self) -> None:
        self.sign_in_button.setEnabled(self._filled())

    def _sign_in(self) -> None:
        if not self._filled():
            return
        url, username, password = self.url, self.username.text().strip(), self.password.text()
        self._working(True)
        set_error(self.error, "")
        self._net.run(
            lambda: sign_in(url, username, password),
            lambda login: self._logged_in(login, username),
            lambda m, e: self._failed(sign_in_message(m, e)),
            owner=self,
        )

    def _logged_in(self, login: Login, username: str) -> None:
        self._runner.run(
            lambda s: remember_again(s, login, username),
            lambda _r: self._done(),
            lambda m, _e: self._failed(m),
            writes=False,
            owner=self,
        )

    def _done(self) -> None:
        self._working(False)
        self.password.clear()
        self.signed_in.emit()
        self.accept()

    def _working(self, on: bool) -> None:
        for edit in (self.username, self.password):
            edit.setEnabled(not on)
        self.sign_in_button.setText(
            translate("SignInAgain", "Signing in…") if on else translate("SignInAgain", "Sign in")
        )
        self.sign_in_button.setEnabled(not on and self._filled())

    def _failed(self, message: str) -> None:
        self._working(False)
        set_error(self.error, message)
