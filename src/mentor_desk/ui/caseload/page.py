"""The caseload screen: "who do I need to see today?".

A table of participants with an instant search (full text over names, references and notes,
run on the store worker after a short pause in typing), a status filter, a "due today or
overdue" filter, and sorting by any column.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentor_desk.domain.vocabulary import PARTICIPANT_STATUSES
from mentor_desk.store.caseload import CaseloadRow, caseload
from mentor_desk.ui.caseload.model import (
    ID_ROLE,
    NAME,
    NEXT,
    CaseloadFilter,
    CaseloadModel,
)
from mentor_desk.ui.shell.i18n import translate
from mentor_desk.ui.shell.tasks import TaskRunner
from mentor_desk.ui.shell.theme import icon
from mentor_desk.ui.shell.widgets import label, named, plain

SEARCH_DELAY_MS = 200
SIZE_SAMPLE = 60  # rows looked at when fitting the columns to their contents


class CaseloadTable(QTableView):
    """The caseload table; Enter opens the selected participant.

    Signals:
        open_requested(str): the participant id to open.
    """

    open_requested = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit(str(self.currentIndex().data(ID_ROLE)))
            return
        super().keyPressEvent(event)


def people(n: int) -> str:
    """'1 person', '2 people'."""
    if n == 1:
        return translate("Caseload", "1 person")
    return translate("Caseload", "{n} people").format(n=n)


class SearchBox(QLineEdit):
    """The caseload search. Down (or Page Down) moves into the list of matches.

    Signals:
        down_pressed(): the person wants to go down into the list.
    """

    down_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
            self.down_pressed.emit()
            return
        super().keyPressEvent(event)


class CaseloadPage(QWidget):
    """The list of the user's participants.

    Signals:
        open_participant(str): a participant was chosen (double-click or Enter).
        new_participant(): the user asked to register someone.
        loaded(): the caseload rows arrived from the store.
        load_failed(str): they could not be read; the message is ready to show.
    """

    open_participant = Signal(str)
    new_participant = Signal()
    loaded = Signal()
    load_failed = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._search_generation = 0
        self.model = CaseloadModel(self)
        self.proxy = CaseloadFilter(self)
        self.proxy.setSourceModel(self.model)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        top = QHBoxLayout()
        self.headline = label("", "title")
        named(self.headline, translate("Caseload", "Today"))
        top.addWidget(self.headline, 1)
        new = translate("Caseload", "New participant")
        self.new_button = named(QPushButton(new), new)
        self.new_button.setIcon(icon("person-add"))
        self.new_button.setToolTip(translate("Caseload", "Register someone new (Ctrl+N)"))
        top.addWidget(self.new_button)
        layout.addLayout(top)

        bar = QHBoxLayout()
        self.search = named(
            SearchBox(),
            translate("Caseload", "Search caseload"),
            translate(
                "Caseload",
                "Searches names, references and the text of notes. Enter opens the only match; "
                "Down moves into the list.",
            ),
        )
        self.search.setPlaceholderText(
            translate("Caseload", "Search names, references and notes  (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        bar.addWidget(self.search, 3)
        self.status = named(QComboBox(), translate("Caseload", "Show status"))
        self.status.addItem(translate("Caseload", "Open cases"), CaseloadFilter.OPEN)
        for status in PARTICIPANT_STATUSES:
            self.status.addItem(plain(status), status)
        self.status.addItem(translate("Caseload", "Everyone"), CaseloadFilter.ALL)
        self.status.setMinimumWidth(160)
        bar.addWidget(self.status)
        self.due_only = named(
            QCheckBox(translate("Caseload", "Due today or overdue")),
            translate("Caseload", "Only due today or overdue"),
        )
        bar.addWidget(self.due_only)
        layout.addLayout(bar)

        self.table = named(CaseloadTable(), translate("Caseload", "Caseload"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(NEXT, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # Column widths are measured once, on the first rows: measuring on every change
        # (ResizeToContents) costs seconds on an office-size caseload.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setResizeContentsPrecision(SIZE_SAMPLE)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._sized = False
        layout.addWidget(self.table, 1)
        self.empty_hint = label("", "hint", wrap=True)
        layout.addWidget(self.empty_hint)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._run_search)
        self.search.textChanged.connect(self._search_typed)
        self.search.returnPressed.connect(self._search_entered)
        self.search.down_pressed.connect(self._into_list)
        self._open_single = False  # Enter was pressed before the search answered
        self.status.currentIndexChanged.connect(
            lambda _i: self._filter_changed(
                lambda: self.proxy.set_status(str(self.status.currentData()))
            )
        )
        self.due_only.toggled.connect(
            lambda on: self._filter_changed(lambda: self.proxy.set_due_only(on))
        )
        self.table.doubleClicked.connect(self._activated)
        self.table.open_requested.connect(self.open_participant)
        self.new_button.clicked.connect(self.new_participant)
        self.setTabOrder(self.search, self.status)
        self.setTabOrder(self.status, self.due_only)
        self.setTabOrder(self.due_only, self.table)
        self.setTabOrder(self.table, self.new_button)

    # -- data ------------------------------------------------------------------------
    def refresh(self) -> None:
        self._runner.run(
            caseload, self._loaded, lambda message, _e: self.load_failed.emit(message), owner=self
        )

    def clear(self) -> None:
        """Forget everything shown (on lock)."""
        self._search_generation += 1
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.proxy.set_ids(None)
        self.model.clear()
        self.headline.clear()
        self.empty_hint.clear()

    def _loaded(self, rows: list[CaseloadRow]) -> None:
        self.model.set_rows(rows)
        if not self._sized:
            # Fitted to the headers alone while empty (first run: "Next contact due" whole,
            # not "ext contact du"), then once more to the first rows that arrive.
            self._sized = bool(rows)
            self._fit_columns()
        self._update_texts()
        if self.search.text().strip():
            self._run_search()
        self.loaded.emit()

    def _fit_columns(self) -> None:
        """Fit each column (but the stretching name) to its header and the first rows.

        The same measure as ``resizeColumnToContents`` over :data:`SIZE_SAMPLE` rows, but
        the item delegate is asked about one cell per column, the one with the widest text,
        instead of about every sampled cell (each ask is a dozen ``data()`` calls into
        Python): about 2 ms instead of 20 when the caseload first appears.
        """
        self.table.ensurePolished()
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        grid = 1 if self.table.showGrid() else 0
        rows = min(self.proxy.rowCount(), SIZE_SAMPLE)
        for column in range(self.proxy.columnCount()):
            if column == NAME:
                continue
            widest, widest_at = -1, QModelIndex()
            for row in range(rows):
                index = self.proxy.index(row, column)
                width = metrics.horizontalAdvance(str(index.data() or ""))
                if width > widest:
                    widest, widest_at = width, index
            content = self.table.sizeHintForIndex(widest_at).width() + grid if rows else 0
            header.resizeSection(column, max(content, header.sectionSizeHint(column)))

    def _update_texts(self) -> None:
        today = date.today()
        rows = [r for r in self.model.rows() if r.status != "closed"]
        due = sum(1 for r in rows if r.due_on(today))
        if not rows:
            self.headline.setText(translate("Caseload", "No one on your caseload yet"))
        elif due == 1:
            self.headline.setText(
                translate("Caseload", "1 of {people} needs you today or is overdue").format(
                    people=people(len(rows))
                )
            )
        elif due:
            self.headline.setText(
                translate("Caseload", "{due} of {people} need you today or are overdue").format(
                    due=due, people=people(len(rows))
                )
            )
        else:
            self.headline.setText(
                translate("Caseload", "{people} on your caseload — nothing overdue").format(
                    people=people(len(rows))
                )
            )
        self.headline.setAccessibleName(self.headline.text())
        shown = self.proxy.rowCount()
        if not self.model.rowCount():
            self.empty_hint.setText(
                translate("Caseload", "Press Ctrl+N or “New participant” to register someone.")
            )
        elif not shown:
            self.empty_hint.setText(
                translate("Caseload", "No one matches. Clear the search or choose “Everyone”.")
            )
        else:
            self.empty_hint.setText(
                translate("Caseload", "Showing {shown} of {total}.").format(
                    shown=shown, total=self.model.rowCount()
                )
            )

    def _filter_changed(self, apply: object) -> None:
        if callable(apply):
            apply()
        self._update_texts()

    def _run_search(self) -> None:
        text = self.search.text().strip()
        self._search_generation += 1
        generation = self._search_generation
        if not text:
            self.proxy.set_ids(None)
            self._update_texts()
            return

        def found(ids: set[str]) -> None:
            if generation == self._search_generation:
                self.proxy.set_ids(ids)
                self._update_texts()
                if self._open_single:
                    self._open_single = False
                    self._act_on_matches()

        self._runner.run(lambda store: store.search_participant_ids(text), found, owner=self)

    def _search_typed(self, _text: str) -> None:
        self._open_single = False
        self._search_timer.start()

    def _search_entered(self) -> None:
        """Enter in the search: open the only match, or go into the list of several.

        If the search has not answered yet (Enter straight after typing), it runs now and
        the answer decides.
        """
        if self._search_timer.isActive():
            self._search_timer.stop()
            self._open_single = True
            self._run_search()
            return
        self._act_on_matches()

    def _act_on_matches(self) -> None:
        rows = self.proxy.rowCount()
        if rows == 1:
            self.open_participant.emit(str(self.proxy.index(0, 0).data(ID_ROLE)))
        elif rows > 1:
            self._into_list()

    def _into_list(self) -> None:
        if self.proxy.rowCount() == 0:
            return
        self.table.setFocus()
        if not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_participant.emit(str(index.data(ID_ROLE)))
