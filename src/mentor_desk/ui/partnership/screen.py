"""The partnership at a glance (Go → Partnership…): who is in it, what each organisation
offers, and the information-sharing agreements between them.

Everything shown comes from the store: the partnership the last sync kept (with the time it
was fetched) and the laptop's own directory and timetable. Nothing here needs the network
but saving an agreement (:mod:`.editor`) and nothing but the PDF is written to disk.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDateTime, QLocale, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mentor_desk.domain import partnership as rule
from mentor_desk.ui.partnership.data import PartnershipView, load, status_of
from mentor_desk.ui.partnership.editor import AgreementEditor
from mentor_desk.ui.partnership.words import basis_words, date_words, kind_words, status_words
from mentor_desk.ui.shell.files import ask_save_path, failure_text
from mentor_desk.ui.shell.i18n import translate
from mentor_desk.ui.shell.network import NetRunner
from mentor_desk.ui.shell.table_model import ColumnsModel, read_only_table
from mentor_desk.ui.shell.tasks import TaskRunner
from mentor_desk.ui.shell.widgets import label, named, set_error

Row = dict[str, Any]


def fetched_words(iso: str) -> str:
    """When the cache was fetched, in local time through QLocale."""
    try:
        instant = datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return iso
    moment = QDateTime.fromSecsSinceEpoch(int(instant.timestamp()))
    return QLocale().toString(moment, "ddd d MMM yyyy, HH:mm")


class PartnershipWindow(QDialog):
    """The partnership screen. Opens on its own (not modal); closes when the program locks.

    Signals: none of its own (``AgreementEditor.saved`` reloads it).
    """

    def __init__(self, runner: TaskRunner, net: NetRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner, self._net = runner, net
        self.view: PartnershipView | None = None
        self.editor: AgreementEditor | None = None
        self.today = date.today()
        title = translate("Partnership", "The partnership")
        self.setWindowTitle(title)
        named(self, title)
        self.resize(1100, 720)
        layout = QVBoxLayout(self)
        self.headline = label(title, "title")
        self.as_of = label("", "hint")
        self.message = label("", "banner", wrap=True)
        self.message.hide()
        layout.addWidget(self.headline)
        layout.addWidget(self.as_of)
        layout.addWidget(self.message)
        split = QSplitter(Qt.Orientation.Vertical)
        self.organisations = named(
            QTextBrowser(),
            translate("Partnership", "Organisations and what they offer"),
        )
        self.organisations.setOpenLinks(False)
        split.addWidget(self.organisations)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(label(translate("Partnership", "Agreements"), "subtitle"))
        self.model: ColumnsModel[Row] = ColumnsModel(
            [
                (translate("Partnership", "From"), lambda a: self._org_name(a, "from")),
                (translate("Partnership", "To"), lambda a: self._org_name(a, "to")),
                (translate("Partnership", "Purpose"), lambda a: " ".join(a["purpose"].split())),
                (translate("Partnership", "Legal basis"), lambda a: basis_words(a["legal_basis"])),
                (translate("Partnership", "Status"), self._status_text),
                (translate("Partnership", "Review by"), self._review_text),
                (translate("Partnership", "Fields"), lambda a: str(len(a["fields"]))),
            ],
            self,
        )
        self.table = read_only_table(
            self.model, translate("Partnership", "Agreements between the organisations"), stretch=2
        )
        # Enter or a double-click; after the key is done with, so it cannot also reach the editor
        self.table.activated.connect(lambda _i: QTimer.singleShot(0, self.change_agreement))
        lower_layout.addWidget(self.table, 1)
        self.error = label("", "error", wrap=True)
        self.error.hide()
        lower_layout.addWidget(self.error)
        self.notice = label("", "hint", wrap=True)
        self.notice.hide()
        lower_layout.addWidget(self.notice)
        split.addWidget(lower)
        split.setSizes([380, 300])
        layout.addWidget(split, 1)
        row = QHBoxLayout()
        self.new_button = self._button(
            translate("Partnership", "&New agreement…"), self.new_agreement
        )
        self.change_button = self._button(
            translate("Partnership", "&Change agreement…"), self.change_agreement
        )
        self.print_button = self._button(
            translate("Partnership", "&Print summary…"), self.print_summary
        )
        for b in (self.new_button, self.change_button, self.print_button):
            row.addWidget(b)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        named(
            buttons.button(QDialogButtonBox.StandardButton.Close), translate("Partnership", "Close")
        )
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._enable())
        self._enable()
        self.reload()

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        b = named(QPushButton(text), text.replace("&", ""))
        b.setAutoDefault(False)  # Enter on an agreement opens it, not the first button
        b.clicked.connect(lambda _c=False: slot())
        return b

    # -- loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        self._runner.run(load, self._show, lambda m, _e: set_error(self.error, m), owner=self)

    def _show(self, view: PartnershipView) -> None:
        self.view = view
        self.today = date.today()
        cache = view.partnership
        if not view.joined:
            self._say(
                translate(
                    "Partnership",
                    "The partnership needs a server. This profile is kept on this computer "
                    "only: join a partnership server (File → Join a partnership server…) to "
                    "see the organisations and the agreements between them.",
                )
            )
        elif cache is None:
            self._say(
                translate(
                    "Partnership",
                    "Sync once to see the partnership (Sync → Sync now, F5). It is then kept "
                    "on this computer and shown here even without a connection.",
                )
            )
        else:
            self._say("")
        self.as_of.setText(
            translate("Partnership", "As of {time} (the last sync that reached the server)").format(
                time=fetched_words(cache.fetched_at)
            )
            if cache
            else ""
        )
        self.as_of.setVisible(cache is not None)
        self.organisations.setVisible(cache is not None)
        self.organisations.setHtml(self._organisations_html(view) if cache else "")
        self.model.set_rows(list(cache.agreements) if cache else [])
        self.table.setVisible(cache is not None)
        if cache and cache.agreements:
            self.table.selectRow(0)
        self._enable()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _enable(self) -> None:
        view = self.view
        keeps = view is not None and view.partnership is not None and view.may_keep
        chosen = self.chosen() is not None
        self.new_button.setEnabled(keeps)
        self.change_button.setEnabled(keeps and chosen)
        self.print_button.setEnabled(chosen)
        tip = (
            ""
            if keeps
            else translate(
                "Partnership",
                "Agreements are kept by the administrator or a coordinator of the lead "
                "organisation.",
            )
        )
        self.new_button.setToolTip(tip)
        self.change_button.setToolTip(tip)

    # -- what is shown -----------------------------------------------------------------------
    def _org_name(self, agreement: Row, side: str) -> str:
        org_id = agreement.get(f"{side}_organisation_id")
        cache = self.view.partnership if self.view else None
        org = cache.organisation(org_id) if cache else None
        return str(org["name"]) if org else translate("Partnership", "An organisation not listed")

    def _status_text(self, agreement: Row) -> str:
        return status_words(status_of(agreement, self.today))

    def _review_text(self, agreement: Row) -> str:
        when = date_words(agreement.get("review_on"))
        if not when:
            return translate("Partnership", "No review date")
        if status_of(agreement, self.today) == "review_overdue":
            return translate("Partnership", "⚠ Overdue: was due {date}").format(date=when)
        return when

    def _organisations_html(self, view: PartnershipView) -> str:
        cache = view.partnership
        assert cache is not None
        e = html.escape
        parts: list[str] = []
        by_kind = sorted(
            cache.organisations,
            key=lambda o: (
                rule.ORGANISATION_KINDS.index(o["kind"])
                if o["kind"] in rule.ORGANISATION_KINDS
                else len(rule.ORGANISATION_KINDS),
                str(o["name"]).casefold(),
            ),
        )
        kind_shown = None
        for org in by_kind:
            kind = kind_words(org["kind"])
            if kind != kind_shown:
                parts.append(f"<h3>{e(kind)}</h3>")
                kind_shown = kind
            parts.append(f"<p><b>{e(str(org['name']))}</b></p>")
            offers = view.offers.get(str(org["id"]), [])
            if not offers:
                nothing = translate(
                    "Partnership", "No services or sessions listed on this computer."
                )
                parts.append(f"<p style='margin-left:16px'><i>{e(nothing)}</i></p>")
                continue
            items = []
            for offer in offers:
                what = (
                    translate("Partnership", "Service")
                    if offer.kind == "service"
                    else translate("Partnership", "Session")
                )
                detail = f" — {e(offer.detail)}" if offer.detail else ""
                items.append(f"<li>{e(what)}: <b>{e(offer.name)}</b>{detail}</li>")
            parts.append("<ul>" + "".join(items) + "</ul>")
        if not cache.organisations:
            parts.append(e(translate("Partnership", "No organisations yet.")))
        return "".join(parts)

    def chosen(self) -> Row | None:
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    # -- actions ------------------------------------------------------------------------------
    def new_agreement(self) -> AgreementEditor | None:
        return self._edit(None)

    def change_agreement(self) -> AgreementEditor | None:
        chosen = self.chosen()
        return self._edit(chosen) if chosen is not None else None

    def _edit(self, agreement: Row | None) -> AgreementEditor | None:
        view = self.view
        if view is None or view.partnership is None or not view.may_keep:
            return None
        editor = AgreementEditor(
            self._runner, self._net, list(view.partnership.organisations), agreement, self
        )
        editor.saved.connect(lambda _row: self.reload())
        editor.finished.connect(lambda _r: editor.deleteLater())
        self.editor = editor
        editor.open()
        return editor

    def print_summary(self, path: str | None = None) -> None:
        """Save the chosen agreement's summary as a PDF (``path`` skips the save dialog)."""
        chosen, view = self.chosen(), self.view
        if chosen is None or view is None or view.partnership is None:
            return
        path = path or ask_save_path(
            self,
            translate("Partnership", "Save the agreement's summary"),
            translate("Partnership", "information-sharing-agreement.pdf"),
            translate("Partnership", "PDF documents (*.pdf)"),
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        from mentor_desk.export import isa_summary
        from mentor_desk.export.common import write_bytes

        try:  # laid out here: Qt's text engine wants the GUI thread
            data = isa_summary.collect_isa_summary(
                chosen,
                list(view.partnership.organisations),
                fetched_at=view.partnership.fetched_at,
                today=self.today,
            )
            pdf = isa_summary.isa_summary_pdf(data)
        except Exception as exc:  # a plain message, never a crash
            set_error(self.error, failure_text(exc))
            return
        target = Path(path)
        self._net.run(
            lambda: write_bytes(target, pdf),
            lambda _r: self._printed(target),
            lambda _m, exc: set_error(self.error, failure_text(exc, target.parent)),
            owner=self,
        )

    def _printed(self, target: Path) -> None:
        set_error(self.error, "")
        set_error(self.notice, translate("Partnership", "Saved to {path}").format(path=str(target)))
