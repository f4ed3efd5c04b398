"""Help → About Mentor Desk (the one version), and Help → Copy a problem report: the report
of :mod:`mentor_desk.diagnostics` on the clipboard.

With the store open, the report (counts included) is made on the store's worker; while
locked it is made without the store part and says so. Either way the status bar says
"Problem report copied": the person pastes it into an email or a support form.
"""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMessageBox

from mentor_desk import __version__, diagnostics
from mentor_desk.store.records import Store
from mentor_desk.ui.shell.host import HostWindow
from mentor_desk.ui.shell.i18n import QT_TRANSLATE_NOOP, translate

#: The status bar's word once the report is on the clipboard (shown translated).
COPIED = QT_TRANSLATE_NOOP("HelpMenu", "Problem report copied")
#: Written into the report itself, which stays in English like the rest of it: it is read by
#: whoever looks after the program, next to the log.
LOCKED = "Mentor Desk is locked; unlock it to include the store's counts"


class ProblemReport:
    """The action ``act_problem_report`` (no shortcut), for the window's Help menu."""

    def __init__(self, host: HostWindow) -> None:
        self.host = host
        self.action = QAction(translate("HelpMenu", "Copy a &problem report"), host)
        self.action.setStatusTip(
            translate("HelpMenu", "Copy versions, counts and the program's log (no names or notes)")
        )
        self.action.triggered.connect(lambda _checked=False: self.copy())

    def copy(self) -> None:
        folder = self.host.profile.directory
        if not self.host.is_unlocked:
            self._copied(diagnostics.report(folder, None, LOCKED))
            return

        def op(store: Store) -> str:
            return diagnostics.report(folder, diagnostics.store_facts(store))

        self.host.runner.run(
            op,
            self._copied,
            lambda message, _error: self._copied(diagnostics.report(folder, None, message)),
            owner=self.host,
        )

    def _copied(self, text: str) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(text)
        self.host.statusBar().showMessage(translate("HelpMenu", COPIED), 10_000)


def about_text() -> str:
    about = translate(
        "HelpMenu",
        "Case notes and plans for peer mentors who support people leaving prison. "
        "Everything is kept encrypted on this computer.",
    )
    licence = translate(
        "HelpMenu", "Licence: GNU Affero General Public License, version 3 or later."
    )
    return (
        f"<h3>Mentor Desk {__version__}</h3>"
        f"<p>{about}</p>"
        f"<p>Qt {qVersion()} · PySide6 {pyside_version}<br>"
        f"{licence}</p>"
    )


class About:
    """Help → About Mentor Desk: the version from pyproject.toml, nowhere else."""

    def __init__(self, host: HostWindow) -> None:
        self.host = host
        self.action = QAction(translate("HelpMenu", "&About Mentor Desk"), host)
        self.action.triggered.connect(lambda _checked=False: self.show())

    def show(self) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Information, translate("HelpMenu", "About Mentor Desk"),
                          about_text(), QMessageBox.StandardButton.Close, self.host)  # fmt: skip
        box.setAccessibleName(
            translate("HelpMenu", "About Mentor Desk {version}").format(version=__version__)
        )
        box.open()
        return box
