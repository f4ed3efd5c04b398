"""Item models for the caseload: a table model of :class:`CaseloadRow` and its filter proxy."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush

from mentor_desk.store.caseload import CaseloadRow
from mentor_desk.ui.shell.i18n import QT_TRANSLATE_NOOP
from mentor_desk.ui.shell.theme import late_colour
from mentor_desk.ui.shell.widgets import day, plain

ModelIndex = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2

COLUMNS = (
    QT_TRANSLATE_NOOP("Caseload", "Reference"),
    QT_TRANSLATE_NOOP("Caseload", "Name"),
    QT_TRANSLATE_NOOP("Caseload", "Status"),
    QT_TRANSLATE_NOOP("Caseload", "Mentor"),
    QT_TRANSLATE_NOOP("Caseload", "Last contact"),
    QT_TRANSLATE_NOOP("Caseload", "Next contact due"),
    QT_TRANSLATE_NOOP("Caseload", "Open referrals"),
    QT_TRANSLATE_NOOP("Caseload", "Overdue steps"),
    QT_TRANSLATE_NOOP("Caseload", "Safety"),
)
REF, NAME, STATUS, MENTOR, LAST, NEXT, REFERRALS, STEPS, SAFETY = range(len(COLUMNS))
_NUMERIC = {LAST, REFERRALS, STEPS, SAFETY}
_FAR = 10**6

# ``data`` is called for a dozen roles per cell on every paint: compare plain ints, and turn
# away the roles this model does not answer before doing anything else.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_SORT = int(SORT_ROLE)
_ID = int(ID_ROLE)
_ANSWERED = frozenset({_DISPLAY, _ACCESSIBLE, _TOOLTIP, _ALIGNMENT, _FOREGROUND, _SORT, _ID})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def days_ago(days: int | None) -> str:
    if days is None:
        return QCoreApplication.translate("Caseload", "Never")
    if days == 0:
        return QCoreApplication.translate("Caseload", "Today")
    if days == 1:
        return QCoreApplication.translate("Caseload", "1 day ago")
    return QCoreApplication.translate("Caseload", "{days} days ago").format(days=days)


class CaseloadModel(QAbstractTableModel):
    """One row per participant; columns as in :data:`COLUMNS`.

    ``DisplayRole`` is text for people, ``SORT_ROLE`` a value that sorts sensibly (ints,
    ISO dates, lower-case text), ``ID_ROLE`` the participant id.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CaseloadRow] = []
        self._today = date.today()
        self._late: QBrush | None = None
        self._sort: tuple[int, Qt.SortOrder] = (NEXT, Qt.SortOrder.AscendingOrder)

    def set_rows(self, rows: Sequence[CaseloadRow]) -> None:
        self.beginResetModel()
        self._today = date.today()
        self._late = None  # the palette may have changed since: look the colour up again
        self._rows = self._sorted(list(rows))
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in Python with one key per row (a proxy would call ``data`` per comparison)."""
        if not 0 <= column < len(COLUMNS):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._rows[i.row()].participant_id for i in before]
        self._rows = self._sorted(self._rows)
        where = {r.participant_id: n for n, r in enumerate(self._rows)}
        self.changePersistentIndexList(
            before, [self.index(where[pid], i.column()) for pid, i in zip(ids, before, strict=True)]
        )
        self.layoutChanged.emit()

    def _sorted(self, rows: list[CaseloadRow]) -> list[CaseloadRow]:
        column, order = self._sort
        rows.sort(key=lambda r: r.reference)
        rows.sort(
            key=lambda r: self._sort_key(r, column), reverse=order == Qt.SortOrder.DescendingOrder
        )
        return rows

    def clear(self) -> None:
        self.set_rows([])

    def row_at(self, row: int) -> CaseloadRow:
        return self._rows[row]

    def rows(self) -> list[CaseloadRow]:
        return list(self._rows)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("Caseload", COLUMNS[section])
        if role == Qt.ItemDataRole.ToolTipRole and section == LAST:
            return "Days since the last contact (attempts that did not reach them not counted)"
        return None

    def data(self, index: ModelIndex, role: int = _DISPLAY) -> Any:
        if role not in _ANSWERED or not index.isValid():
            return None
        n = index.row()
        if not 0 <= n < len(self._rows):
            return None
        row, col = self._rows[n], index.column()
        if role in (_DISPLAY, _ACCESSIBLE):
            return self._text(row, col, accessible=role == _ACCESSIBLE)
        if role == _ALIGNMENT:
            return _RIGHT if col in _NUMERIC else None
        if role == _FOREGROUND:
            return self._late_brush() if self._is_late(row, col) else None
        if role == _SORT:
            return self._sort_key(row, col)
        if role == _ID:
            return row.participant_id
        if col == SAFETY and (row.safety_flags or self._review_due(row)):  # the tooltip
            return "\n".join([*row.safety_flags, *self._review_words(row)])
        if col == REFERRALS and row.follow_ups_due:
            return f"{row.follow_ups_due} follow-up(s) due"
        return None

    def _late_brush(self) -> QBrush:
        if self._late is None:
            self._late = QBrush(late_colour())
        return self._late

    def _is_late(self, row: CaseloadRow, col: int) -> bool:
        if col == NEXT:
            return row.next_contact_due is not None and row.next_contact_due < self._today
        if col == STEPS:
            return row.overdue_steps > 0
        if col == REFERRALS:
            return row.follow_ups_due > 0
        return col == SAFETY and (bool(row.safety_flags) or self._review_due(row))

    def _review_due(self, row: CaseloadRow) -> bool:
        return row.risk_review_due(self._today)

    def _review_words(self, row: CaseloadRow) -> list[str]:
        """The line for the latest risk assessment's review, once it has come (else none)."""
        if not self._review_due(row):
            return []
        return [
            QCoreApplication.translate(
                "RiskAssessment", "Risk assessment review due {when}"
            ).format(when=day(row.risk_review_on, self._today))
        ]

    def _text(self, row: CaseloadRow, col: int, *, accessible: bool) -> str:
        if col == REF:
            return row.reference
        if col == NAME:
            return row.name
        if col == STATUS:
            return plain(row.status)
        if col == MENTOR:
            return row.mentor
        if col == LAST:
            return days_ago(row.days_since_contact)
        if col == NEXT:
            text = day(row.next_contact_due, self._today)
            late = row.next_contact_due is not None and row.next_contact_due < self._today
            return f"Overdue: {text}" if late else text
        if col == REFERRALS:
            due = f" ({row.follow_ups_due} to follow up)" if row.follow_ups_due else ""
            return f"{row.open_referrals}{due}" if row.open_referrals else ""
        if col == STEPS:
            return str(row.overdue_steps) if row.overdue_steps else ""
        review = self._review_words(row)
        if row.safety_flags:
            n = len(row.safety_flags)
            if accessible:
                return "; ".join([f"{n} safety flag{'s' if n > 1 else ''}", *review])
            text = f"⚠ {n}"
        elif accessible:
            return "; ".join(["No safety flags", *review])
        else:
            text = ""
        if review:  # a due item, like a follow-up in the referrals column
            words = QCoreApplication.translate("RiskAssessment", "review due")
            return f"{text} · {words}" if text else words
        return text

    def _sort_key(self, row: CaseloadRow, col: int) -> Any:
        if col == LAST:
            return _FAR if row.days_since_contact is None else row.days_since_contact
        if col == NEXT:
            return row.next_contact_due.isoformat() if row.next_contact_due else "9999-12-31"
        if col == REFERRALS:
            return row.open_referrals
        if col == STEPS:
            return row.overdue_steps
        if col == SAFETY:
            return len(row.safety_flags)
        return self._text(row, col, accessible=False).casefold()


class CaseloadFilter(QSortFilterProxyModel):
    """Filters the caseload by status, "due today or overdue", and a set of matching ids.

    Sorting is forwarded to :class:`CaseloadModel`, so the proxy never compares rows itself.
    """

    ALL = ""
    OPEN = "open"  # everyone whose support has not ended

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._status = self.OPEN
        self._due_only = False
        self._ids: set[str] | None = None

    def set_status(self, status: str) -> None:
        self.beginFilterChange()
        self._status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_due_only(self, due_only: bool) -> None:
        self.beginFilterChange()
        self._due_only = due_only
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is the source model's job; this proxy keeps the source order."""
        model = self.sourceModel()
        if isinstance(model, CaseloadModel):
            model.sort(column, order)

    def set_ids(self, ids: set[str] | None) -> None:
        """Only show these participants (a search result); None shows everyone."""
        self.beginFilterChange()
        self._ids = ids
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, CaseloadModel) or source_parent.isValid():
            return True
        row = model.row_at(source_row)
        if self._status == self.OPEN and row.status == "closed":
            return False
        if self._status not in (self.ALL, self.OPEN) and row.status != self._status:
            return False
        if self._due_only and not row.due_now:
            return False
        return self._ids is None or row.participant_id in self._ids
