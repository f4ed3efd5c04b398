"""The screens before the caseload: first-run setup, unlock, and demo preparation.

The key derivation (about half a second) and every file operation run on the store worker
through the :class:`~mentor_desk.ui.shell.tasks.TaskRunner`; these pages only collect input and
show the outcome.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentor_desk.store import keychain
from mentor_desk.store.errors import StoreError
from mentor_desk.store.keys import KdfParams
from mentor_desk.store.profile import Profile
from mentor_desk.store.records import Store
from mentor_desk.ui.shell.i18n import translate
from mentor_desk.ui.shell.tasks import TaskRunner
from mentor_desk.ui.shell.theme import icon
from mentor_desk.ui.shell.typeahead import TypeAhead
from mentor_desk.ui.shell.widgets import label, named, set_error

MIN_PASSPHRASE = 10


class NoKeychainKey(StoreError):
    """The keychain holds no key that opens this store: ask for the passphrase."""

    def __init__(self) -> None:
        super().__init__("Type your passphrase to unlock.")


def strength_hint(passphrase: str) -> tuple[str, bool]:
    """A plain hint about ``passphrase`` and whether it is long enough to accept."""
    if not passphrase:
        return (
            translate("Passphrase", "Use at least 10 characters. A few unrelated words work well."),
            False,
        )
    if len(passphrase) < MIN_PASSPHRASE:
        more = MIN_PASSPHRASE - len(passphrase)
        return translate("Passphrase", "Too short: {n} more characters needed.").format(
            n=more
        ), False
    kinds = sum(
        any(test(c) for c in passphrase)
        for test in (str.islower, str.isupper, str.isdigit, lambda c: not c.isalnum())
    )
    words = len(passphrase.split())
    if len(passphrase) >= 20 or words >= 4 or (len(passphrase) >= 14 and kinds >= 3):
        return translate("Passphrase", "Strong."), True
    if len(set(passphrase)) <= 3:
        return (
            translate("Passphrase", "Too easy to guess: it repeats the same few characters."),
            False,
        )
    return translate("Passphrase", "Fair. Longer is stronger: add another word."), True


def _card(page: QWidget) -> tuple[QFrame, QVBoxLayout]:
    outer = QVBoxLayout(page)
    outer.addStretch(1)
    row = QHBoxLayout()
    row.addStretch(1)
    card = QFrame()
    card.setProperty("role", "card")
    card.setMinimumWidth(440)
    card.setMaximumWidth(520)
    inner = QVBoxLayout(card)
    inner.setContentsMargins(28, 24, 28, 24)
    inner.setSpacing(12)
    row.addWidget(card)
    row.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(2)
    return card, inner


def _password(name: str) -> QLineEdit:
    edit = named(QLineEdit(), name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMinimumWidth(260)
    return edit


class FirstRunPage(QWidget):
    """Creates the encrypted store on a new installation.

    Signals:
        unlocked(): the new store is created and open on the worker.
        join_requested(): the person wants to join a partnership server instead.
    """

    unlocked = Signal()
    join_requested = Signal()

    def __init__(
        self, profile: Profile, runner: TaskRunner, kdf: KdfParams, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._profile, self._runner, self._kdf = profile, runner, kdf
        _card_frame, box = _card(self)
        box.addWidget(label(translate("FirstRun", "Welcome to Mentor Desk"), "title"))
        box.addWidget(
            label(
                translate(
                    "FirstRun",
                    "Everything you record is kept encrypted on this computer. Choose a "
                    "passphrase to lock it.",
                ),
                "subtitle",
                wrap=True,
            )
        )
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        shown_on = translate("FirstRun", "Shown on the notes you write")
        self.name_edit = named(QLineEdit(), translate("FirstRun", "Your name"), shown_on)
        self.name_edit.setPlaceholderText(shown_on)
        self.passphrase = _password(translate("FirstRun", "Passphrase"))
        self.repeat = _password(translate("FirstRun", "Passphrase again"))
        form.addRow(translate("FirstRun", "Your &name"), self.name_edit)
        form.addRow(translate("FirstRun", "&Passphrase"), self.passphrase)
        form.addRow(translate("FirstRun", "&Again"), self.repeat)
        box.addLayout(form)
        self.hint = label("", "hint", wrap=True)
        box.addWidget(self.hint)
        box.addWidget(
            label(
                translate(
                    "FirstRun",
                    "Keep your passphrase safe. If you forget it, the data on this computer "
                    "cannot be recovered. Only a copy already shared with a partnership server "
                    "can be restored.",
                ),
                "",
                wrap=True,
            )
        )
        self.keychain_box = named(
            QCheckBox(translate("Unlock", "Let this computer unlock me")),
            translate("Unlock", "Let this computer unlock me"),
            translate("Unlock", "Keeps the key in this computer's keychain"),
        )
        self.keychain_box.setVisible(keychain.available())
        box.addWidget(self.keychain_box)
        self.error = label("", "error", wrap=True)
        self.error.hide()
        box.addWidget(self.error)
        self.create_button = named(
            QPushButton(translate("FirstRun", "Create my encrypted store")),
            translate("FirstRun", "Create store"),
        )
        self.create_button.setProperty("role", "primary")
        self.create_button.setIcon(icon("lock", "#ffffff"))
        self.create_button.setDefault(True)
        self.join_button = named(
            QPushButton(translate("FirstRun", "Join a partnership server instead…")),
            translate("FirstRun", "Join a partnership server"),
            translate(
                "FirstRun", "Sign in to your partnership's server and keep a synced copy here"
            ),
        )
        self.join_button.setFlat(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.join_button)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        box.addLayout(buttons)
        self.join_button.clicked.connect(self.join_requested)
        for edit in (self.passphrase, self.repeat):
            edit.textChanged.connect(self._update)
            edit.returnPressed.connect(self.create_button.click)
        self.create_button.clicked.connect(self._create)
        self._update()

    def focus_first(self) -> None:
        self.name_edit.setFocus()

    def _update(self) -> None:
        text, ok = strength_hint(self.passphrase.text())
        if ok and self.repeat.text() and self.repeat.text() != self.passphrase.text():
            text, ok = translate("FirstRun", "The two passphrases are not the same yet."), False
        elif ok and not self.repeat.text():
            text, ok = text + " " + translate("FirstRun", "Type it again to confirm."), False
        self.hint.setText(text)
        self.create_button.setEnabled(ok)

    def _create(self) -> None:
        if not self.create_button.isEnabled():
            return
        passphrase, name = self.passphrase.text(), self.name_edit.text().strip()
        use_keychain = self.keychain_box.isVisible() and self.keychain_box.isChecked()
        profile, kdf = self._profile, self._kdf
        self._set_working(True)
        self._runner.open(
            lambda: profile.create(passphrase, kdf=kdf, use_keychain=use_keychain, actor_name=name),
            lambda _store: self._created(),
            lambda message, _err: self._failed(message),
            owner=self,
        )

    def _set_working(self, working: bool) -> None:
        for widget in (self.passphrase, self.repeat, self.name_edit, self.create_button):
            widget.setEnabled(not working)
        self.create_button.setText(
            translate("FirstRun", "Creating…")
            if working
            else translate("FirstRun", "Create my encrypted store")
        )

    def _created(self) -> None:
        self.passphrase.clear()
        self.repeat.clear()
        self._set_working(False)
        self.unlocked.emit()

    def _failed(self, message: str) -> None:
        self._set_working(False)
        self._update()
        set_error(self.error, message)


class UnlockPage(QWidget):
    """Asks for the passphrase (or uses the keychain) to open an existing store.

    Signals:
        unlocked(): the store is open on the worker.
    """

    unlocked = Signal()

    def __init__(
        self,
        profile: Profile,
        runner: TaskRunner,
        demo_passphrase: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._profile, self._runner = profile, runner
        _card_frame, box = _card(self)
        box.addWidget(label(translate("Unlock", "Mentor Desk is locked"), "title"))
        box.addWidget(
            label(
                translate("Unlock", "Type your passphrase to open your caseload."),
                "subtitle",
                wrap=True,
            )
        )
        self.demo_hint: QLabel | None = None
        if demo_passphrase:
            demo = self.demo_hint = label(
                translate(
                    "Unlock", "This is a demo with invented people. The passphrase is: <b>{0}</b>"
                ).format(demo_passphrase),
                "demo",
                wrap=True,
            )
            demo.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            named(demo, translate("Unlock", "Demo passphrase: {0}").format(demo_passphrase))
            box.addWidget(demo)
        self.passphrase = _password(translate("Unlock", "Passphrase"))
        row = QHBoxLayout()
        row.addWidget(self.passphrase, 1)
        unlock = translate("Unlock", "Unlock")
        self.unlock_button = named(QPushButton(unlock), unlock)
        self.unlock_button.setProperty("role", "primary")
        self.unlock_button.setDefault(True)
        row.addWidget(self.unlock_button)
        box.addLayout(row)
        self.keychain_box = named(
            QCheckBox(translate("Unlock", "Let this computer unlock me")),
            translate("Unlock", "Let this computer unlock me"),
            translate("Unlock", "Keeps the key in this computer's keychain"),
        )
        self.keychain_box.setVisible(keychain.available() and not demo_passphrase)
        box.addWidget(self.keychain_box)
        self.error = label("", "error", wrap=True)
        self.error.hide()
        box.addWidget(self.error)
        self.passphrase.returnPressed.connect(self._unlock)
        self.unlock_button.clicked.connect(self._unlock)
        self.typeahead: TypeAhead | None = None  # made once the page is in its window

    def focus_first(self) -> None:
        self.passphrase.setFocus()

    def try_keychain(self) -> None:
        """Open with the keychain's cached key if this computer may; otherwise do nothing."""
        profile = self._profile
        if not keychain.available():
            return

        def opener() -> Store:
            store = profile.unlock_from_keychain()
            if store is None:
                raise NoKeychainKey()
            return store

        self._set_working(True, translate("Unlock", "Unlocking…"))
        self._hold_keys()
        self._runner.open(
            opener, lambda _s: self._opened(), lambda _m, _e: self._keychain_failed(), owner=self
        )

    def _keychain_failed(self) -> None:
        if self.typeahead is not None:
            self.typeahead.discard()
        self._set_working(False)

    def _unlock(self) -> None:
        passphrase = self.passphrase.text()
        if not passphrase:
            set_error(self.error, translate("Unlock", "Type your passphrase first."))
            return
        enable = self.keychain_box.isVisible() and self.keychain_box.isChecked()
        profile = self._profile

        def opener() -> Store:
            store = profile.unlock(passphrase)
            if enable:
                profile.enable_keychain(passphrase)
            return store

        set_error(self.error, "")
        self._set_working(True, translate("Unlock", "Unlocking…"))
        self._hold_keys()
        self._runner.open(
            opener, lambda _s: self._opened(), lambda m, _e: self._failed(m), owner=self
        )

    def _hold_keys(self) -> None:
        """Keep what is typed while the store opens; the window replays it once open."""
        if self.typeahead is None:
            self.typeahead = TypeAhead(self.window())
        self.typeahead.capture()

    def replay_typeahead(self) -> int:
        """Called by the window once the caseload has the focus."""
        return self.typeahead.replay() if self.typeahead is not None else 0

    def _set_working(self, working: bool, text: str = "") -> None:
        self.passphrase.setEnabled(not working)
        self.unlock_button.setEnabled(not working)
        self.unlock_button.setText(text if working else translate("Unlock", "Unlock"))

    def _opened(self) -> None:
        self.passphrase.clear()
        self._set_working(False)
        set_error(self.error, "")
        self.unlocked.emit()

    def _failed(self, message: str) -> None:
        if self.typeahead is not None:
            self.typeahead.discard()  # after a wrong passphrase nothing typed is kept
        self._set_working(False)
        self.passphrase.selectAll()
        self.passphrase.setFocus()
        set_error(self.error, message)


class PreparingPage(QWidget):
    """Shown while a demo store is being filled with invented people."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _card_frame, box = _card(self)
        box.addWidget(label(translate("Preparing", "Preparing the demo"), "title"))
        box.addWidget(
            label(
                translate(
                    "Preparing", "Inventing a caseload of sample people. This takes a few seconds."
                ),
                "subtitle",
                wrap=True,
            )
        )
        self.bar = named(QProgressBar(), translate("Preparing", "Demo preparation progress"))
        self.bar.setRange(0, 0)
        box.addWidget(self.bar)

    def progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
