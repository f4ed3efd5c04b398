"""One information-sharing agreement: between whom, why, on which legal basis, which fields.

For the administrator and the lead organisation's coordinators; the server decides finally
and its refusal (403) or its list of problems (422) is shown as it says it, with everything
typed kept. Saving runs on the network pool (STYLE.md point 4) and then refreshes the
partnership kept on this computer (:func:`mentor_desk.sync.partnership.save_agreement`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from mentor_desk.domain import partnership as rule
from mentor_desk.ui.partnership.data import field_groups
from mentor_desk.ui.partnership.words import basis_words, kind_words
from mentor_desk.ui.shell.i18n import translate
from mentor_desk.ui.shell.network import NetRunner
from mentor_desk.ui.shell.tasks import TaskRunner
from mentor_desk.ui.shell.widgets import error_and_buttons, label, named, set_error

NAME_ROLE = Qt.ItemDataRole.UserRole + 1


class FieldChoice(QStandardItemModel):
    """The fields an agreement may list, grouped by record type; each one checkable."""

    def __init__(self, chosen: set[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalHeaderLabels([translate("AgreementEditor", "Fields that may flow")])
        for group_label, members in field_groups():
            group = QStandardItem(group_label)
            group.setEditable(False)
            group.setSelectable(True)
            group.setData(group_label, NAME_ROLE)
            for name, field_label in members:
                item = QStandardItem(field_label)
                item.setEditable(False)
                item.setCheckable(True)
                item.setData(name, NAME_ROLE)
                item.setData(
                    translate("AgreementEditor", "{record}: {field}").format(
                        record=group_label, field=field_label
                    ),
                    Qt.ItemDataRole.AccessibleTextRole,
                )
                item.setCheckState(
                    Qt.CheckState.Checked if name in chosen else Qt.CheckState.Unchecked
                )
                group.appendRow(item)
            self.appendRow(group)
            self._count(group)
        self.itemChanged.connect(self._changed)

    def _changed(self, item: QStandardItem) -> None:
        parent = item.parent()
        if parent is not None:
            self._count(parent)

    def _count(self, group: QStandardItem) -> None:
        """The group's title says how many of its fields are ticked."""
        ticked = sum(
            group.child(r).checkState() == Qt.CheckState.Checked for r in range(group.rowCount())
        )
        title = str(group.data(NAME_ROLE))
        if ticked:
            title = translate("AgreementEditor", "{record} — {n} ticked").format(
                record=title, n=ticked
            )
        if group.text() != title:
            group.setText(title)

    def chosen(self) -> list[str]:
        out = []
        for g in range(self.rowCount()):
            group = self.item(g)
            for r in range(group.rowCount()):
                item = group.child(r)
                if item.checkState() == Qt.CheckState.Checked:
                    out.append(str(item.data(NAME_ROLE)))
        return out

    def set_checked(self, name: str, on: bool) -> None:
        for g in range(self.rowCount()):
            group = self.item(g)
            for r in range(group.rowCount()):
                item = group.child(r)
                if item.data(NAME_ROLE) == name:
                    item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


class AgreementEditor(QDialog):
    """Make or change one agreement.

    Signals:
        saved(dict): the agreement as the server saved it (the cache is already updated).
    """

    saved = Signal(dict)

    def __init__(
        self,
        runner: TaskRunner,
        net: NetRunner,
        organisations: list[dict[str, Any]],
        agreement: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner, self._net = runner, net
        self.agreement_id = str(agreement["id"]) if agreement else None
        a = agreement or {}
        title = (
            translate("AgreementEditor", "Change an information-sharing agreement")
            if agreement
            else translate("AgreementEditor", "New information-sharing agreement")
        )
        self.setWindowTitle(title)
        named(self, title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(760, 820)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.from_org = self._organisations(
            organisations, a.get("from_organisation_id"), translate("AgreementEditor", "Shared by")
        )
        self.to_org = self._organisations(
            organisations, a.get("to_organisation_id"), translate("AgreementEditor", "Shared with")
        )
        self.purpose = named(QPlainTextEdit(), translate("AgreementEditor", "Purpose"))
        self.purpose.setTabChangesFocus(True)
        self.purpose.setPlainText(str(a.get("purpose") or ""))
        self.purpose.setFixedHeight(80)
        self.basis = named(QComboBox(), translate("AgreementEditor", "Legal basis"))
        for code in rule.LEGAL_BASES:
            self.basis.addItem(basis_words(code), code)
        if a.get("legal_basis") in rule.LEGAL_BASES:
            self.basis.setCurrentIndex(rule.LEGAL_BASES.index(a["legal_basis"]))
        self.fields_model = FieldChoice(set(a.get("fields") or ()), self)
        self.fields = named(
            QTreeView(),
            translate("AgreementEditor", "Fields that may flow"),
            translate(
                "AgreementEditor",
                "Grouped by record type. Space ticks or unticks the field in focus.",
            ),
        )
        self.fields.setModel(self.fields_model)
        self.fields.setHeaderHidden(True)
        self.fields.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.fields.expandAll()
        self.fields.setCurrentIndex(self.fields_model.index(0, 0))
        today = date.today().isoformat()
        self.starts_on = self._date(
            a.get("starts_on") or today, translate("AgreementEditor", "Starts on")
        )
        self.review_on = self._date(a.get("review_on"), translate("AgreementEditor", "Review by"))
        self.ends_on = self._date(a.get("ends_on"), translate("AgreementEditor", "Ends on"))
        self.signed_by = named(
            QLineEdit(str(a.get("signed_by") or "")), translate("AgreementEditor", "Signed by")
        )
        self.signed_by.setPlaceholderText(
            translate("AgreementEditor", "Who signed it, for each organisation")
        )
        form.addRow(translate("AgreementEditor", "Shared &by"), self.from_org)
        form.addRow(translate("AgreementEditor", "Shared &with"), self.to_org)
        form.addRow(translate("AgreementEditor", "&Purpose"), self.purpose)
        form.addRow(translate("AgreementEditor", "&Legal basis"), self.basis)
        form.addRow(translate("AgreementEditor", "&Starts on"), self.starts_on)
        form.addRow(translate("AgreementEditor", "&Review by"), self.review_on)
        form.addRow(translate("AgreementEditor", "&Ends on"), self.ends_on)
        form.addRow(translate("AgreementEditor", "Si&gned by"), self.signed_by)
        layout.addLayout(form)
        fields_title = label(translate("AgreementEditor", "&Fields that may flow"), "subtitle")
        fields_title.setBuddy(self.fields)
        layout.addWidget(fields_title)
        layout.addWidget(self.fields, 1)
        never = ", ".join(never_shared_words())
        layout.addWidget(
            label(
                translate(
                    "AgreementEditor",
                    "Never shared, whatever an agreement says: {things}. Nothing of a "
                    "participant flows without their consent for the receiving organisation.",
                ).format(things=never),
                "hint",
                wrap=True,
            )
        )
        self.error, self.save_button = error_and_buttons(
            self,
            layout,
            translate("AgreementEditor", "Save on the server"),
            translate("AgreementEditor", "Save the agreement on the server"),
        )
        self.from_org.setFocus()

    def _organisations(
        self, organisations: list[dict[str, Any]], current: Any, name: str
    ) -> QComboBox:
        combo = named(QComboBox(), name)
        for org in organisations:
            combo.addItem(
                translate("AgreementEditor", "{name} — {kind}").format(
                    name=org["name"], kind=kind_words(org.get("kind"))
                ),
                org["id"],
            )
        found = combo.findData(current) if current else -1
        combo.setCurrentIndex(max(found, 0) if organisations else -1)
        return combo

    def _date(self, value: Any, name: str) -> QLineEdit:
        edit = named(QLineEdit(str(value or "")), name)
        edit.setPlaceholderText(translate("AgreementEditor", "e.g. 2026-12-03 (empty: none)"))
        return edit

    # -- saving -------------------------------------------------------------------------------
    def body(self) -> dict[str, Any]:
        """What is sent to the server, from what is typed."""

        def day(edit: QLineEdit) -> str | None:
            return edit.text().strip() or None

        return {
            "from_organisation_id": self.from_org.currentData(),
            "to_organisation_id": self.to_org.currentData(),
            "purpose": self.purpose.toPlainText().strip(),
            "legal_basis": self.basis.currentData(),
            "fields": self.fields_model.chosen(),
            "starts_on": day(self.starts_on) or "",
            "review_on": day(self.review_on),
            "ends_on": day(self.ends_on),
            "signed_by": self.signed_by.text().strip(),
        }

    def problems(self, body: dict[str, Any]) -> list[str]:
        """What is plainly missing, said before asking the server (which checks it all)."""
        out = []
        if body["from_organisation_id"] == body["to_organisation_id"]:
            out.append(translate("AgreementEditor", "Choose two different organisations."))
        if not body["purpose"]:
            out.append(translate("AgreementEditor", "Say what the sharing is for."))
        if not body["fields"]:
            out.append(translate("AgreementEditor", "Tick at least one field that may flow."))
        for key, edit in (
            ("starts_on", self.starts_on),
            ("review_on", self.review_on),
            ("ends_on", self.ends_on),
        ):
            value = body[key]
            if key == "starts_on" and not value:
                out.append(translate("AgreementEditor", "Give the date it starts."))
                continue
            try:
                if value:
                    date.fromisoformat(value)
            except ValueError:
                out.append(
                    translate("AgreementEditor", "{field}: type a date like 2026-12-03.").format(
                        field=edit.accessibleName()
                    )
                )
        if not body["signed_by"]:
            out.append(translate("AgreementEditor", "Say who signed it."))
        return out

    def save(self) -> None:
        body = self.body()
        problems = self.problems(body)
        if problems:
            set_error(self.error, " ".join(problems))
            return
        set_error(self.error, translate("AgreementEditor", "Saving on the server…"))
        self.save_button.setEnabled(False)
        worker, agreement_id = self._runner.worker, self.agreement_id

        def send() -> dict[str, Any]:  # on the network pool
            from mentor_desk.sync.account import account_of
            from mentor_desk.sync.partnership import save_agreement
            from mentor_desk.sync.protocol import SyncError
            from mentor_desk.sync.transport import Transport

            account = worker.submit(account_of).result()
            if account is None:
                raise SyncError(
                    translate("AgreementEditor", "This profile is not joined to a server.")
                )
            transport = Transport(account.url, account.token)
            return save_agreement(
                lambda fn: worker.submit(fn).result(), transport, body, agreement_id
            )

        self._net.run(send, self._saved, self._failed, owner=self)

    def _saved(self, row: dict[str, Any]) -> None:
        set_error(self.error, "")
        self.saved.emit(row)
        self.accept()

    def _failed(self, message: str, _error: BaseException) -> None:
        """The server's own words (403: who may; 422: what to correct); the form stays."""
        self.save_button.setEnabled(True)
        set_error(
            self.error,
            translate("AgreementEditor", "Not saved: {reason}").format(reason=message),
        )


def never_shared_words() -> list[str]:
    """:data:`NEVER_SHARED` in words from the vocabulary ("Case note (all of it)", …)."""
    from mentor_desk.domain.vocabulary import ENTITIES

    out = []
    for name in sorted(rule.NEVER_SHARED):
        ent_name, _, field_name = name.partition(".")
        ent = ENTITIES.get(ent_name)
        if ent is None:
            continue
        if not field_name:
            out.append(
                translate("AgreementEditor", "{record} (all of it)").format(record=ent.label)
            )
        elif ent.has(field_name):
            out.append(f"{ent.label}: {ent.field(field_name).label}")
    return out
