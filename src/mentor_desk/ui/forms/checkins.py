"""Check-ins: the ONS4 personal well-being questions, activity days, status, and the trend.

The four questions are shown in the Office for National Statistics' own words with the
attribution the Open Government Licence asks for. :class:`Sparkline` draws one measure
over time with QPainter; :class:`TrendView` puts one per measure side by side, each with an
arrow for the change since the check-in before (for anxiety, lower is better).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget

from mentor_desk.domain.vocabulary import entity
from mentor_desk.store.records import Record
from mentor_desk.ui.forms.data import today_iso
from mentor_desk.ui.forms.records import RecordDialog
from mentor_desk.ui.shell.i18n import QT_TRANSLATE_NOOP, translate
from mentor_desk.ui.shell.tasks import TaskRunner
from mentor_desk.ui.shell.widgets import label

# The texts below are marked for the catalogue and translated where they are shown.
ONS4 = {
    "life_satisfaction": QT_TRANSLATE_NOOP(
        "CheckIns", "Overall, how satisfied are you with your life nowadays?"
    ),
    "worthwhile": QT_TRANSLATE_NOOP(
        "CheckIns",
        "Overall, to what extent do you feel that the things you do in your life are worthwhile?",
    ),
    "happiness": QT_TRANSLATE_NOOP("CheckIns", "Overall, how happy did you feel yesterday?"),
    "anxiety": QT_TRANSLATE_NOOP(
        "CheckIns",
        "On a scale where 0 is 'not at all anxious' and 10 is 'completely anxious', "
        "overall, how anxious did you feel yesterday?",
    ),
}
SCALE = QT_TRANSLATE_NOOP("CheckIns", "(0–10, where 0 is 'not at all' and 10 is 'completely')")
ACTIVE_DAYS = QT_TRANSLATE_NOOP(
    "CheckIns",
    "In the past week, on how many days did you do 30 minutes or more of physical activity "
    "that made you breathe faster? (0–7)",
)
ATTRIBUTION = QT_TRANSLATE_NOOP(
    "CheckIns",
    "Source: Office for National Statistics, personal well-being questions (ONS4). Contains "
    "public sector information licensed under the Open Government Licence v3.0.",
)
CHECKIN_FIELDS = tuple(n for n in entity("check_in").names if n != "participant_id")
MEASURES = (
    ("life_satisfaction", QT_TRANSLATE_NOOP("CheckIns", "Satisfied with life"), 10),
    ("worthwhile", QT_TRANSLATE_NOOP("CheckIns", "Worthwhile"), 10),
    ("happiness", QT_TRANSLATE_NOOP("CheckIns", "Happy yesterday"), 10),
    ("anxiety", QT_TRANSLATE_NOOP("CheckIns", "Anxious yesterday (lower is better)"), 10),
    ("active_days", QT_TRANSLATE_NOOP("CheckIns", "Active days a week"), 7),
)


def checkin_dialog(
    runner: TaskRunner, participant_id: str, parent: QWidget | None = None
) -> RecordDialog:
    scale = translate("CheckIns", SCALE)
    labels = {
        k: translate("CheckIns", q) if k == "anxiety" else f"{translate('CheckIns', q)} {scale}"
        for k, q in ONS4.items()
    }
    labels.update(
        active_days=translate("CheckIns", ACTIVE_DAYS),
        new_offence=translate("CheckIns", "A new offence since the last check-in"),
        arrested=translate("CheckIns", "Arrested since the last check-in"),
        recalled=translate("CheckIns", "Recalled to custody since the last check-in"),
    )
    dialog = RecordDialog(
        runner,
        "check_in",
        CHECKIN_FIELDS,
        title=translate("CheckIns", "New check-in"),
        base={"participant_id": participant_id},
        initial={"checked_on": today_iso()},
        labels=labels,
        wrap=True,
        intro=translate(
            "CheckIns",
            "Read each question out as written. Leave a question at “Not recorded” if "
            "they would rather not answer.",
        ),
        footnote=translate("CheckIns", ATTRIBUTION),
        parent=parent,
    )
    dialog.attribution = dialog.footnote  # type: ignore[attr-defined]
    dialog.resize(640, 620)
    return dialog


def change_arrow(values: Sequence[int | None], lower_is_better: bool = False) -> str:
    """↑ / ↓ / = between the last two recorded values ("" with fewer than two)."""
    known = [v for v in values if v is not None]
    if len(known) < 2:
        return ""
    diff = known[-1] - known[-2]
    return "↑" if diff > 0 else "↓" if diff < 0 else "="


class Sparkline(QWidget):
    """One measure over time as a small line with dots; the latest value in words."""

    def __init__(self, title: str, maximum: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.maximum = maximum
        self.values: list[int] = []
        self.setMinimumSize(QSize(140, 46))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(title)

    def set_values(self, values: Sequence[int | None]) -> None:
        self.values = [v for v in values if v is not None]
        said = ", ".join(str(v) for v in self.values[-8:]) or translate(
            "CheckIns", "nothing recorded yet"
        )
        self.setAccessibleName(
            translate("CheckIns", "{measure}: {values}").format(measure=self.title, values=said)
        )
        self.setToolTip(self.accessibleName())
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        area = QRectF(self.rect()).adjusted(4, 6, -4, -6)
        painter.setPen(QPen(pal.color(QPalette.ColorRole.Mid), 1, Qt.PenStyle.DotLine))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        if not self.values:
            painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                area, Qt.AlignmentFlag.AlignCenter, translate("CheckIns", "no check-ins yet")
            )
            painter.end()
            return
        n = len(self.values)
        step = area.width() / max(n - 1, 1)
        points = [
            QPointF(
                area.left() + (i * step if n > 1 else area.width() / 2),
                area.bottom() - area.height() * v / max(self.maximum, 1),
            )
            for i, v in enumerate(self.values)
        ]
        accent = QColor(pal.color(QPalette.ColorRole.Highlight))
        painter.setPen(QPen(accent, 2))
        for a, b in itertools.pairwise(points):
            painter.drawLine(a, b)
        painter.setBrush(accent)
        for p in points:
            painter.drawEllipse(p, 2.5, 2.5)
        painter.end()


class TrendView(QWidget):
    """A sparkline per measure with its latest value and the change since the time before."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 1)
        self.lines: dict[str, Sparkline] = {}
        self.latest: dict[str, QLabel] = {}
        for row, (key, measure, maximum) in enumerate(MEASURES):
            title = translate("CheckIns", measure)
            line = Sparkline(title, maximum)
            latest = label("", "")
            latest.setMinimumWidth(56)
            grid.addWidget(label(title, ""), row, 0)
            grid.addWidget(line, row, 1)
            grid.addWidget(latest, row, 2)
            self.lines[key] = line
            self.latest[key] = latest

    def set_check_ins(self, check_ins: Sequence[Record]) -> None:
        ordered = sorted(check_ins, key=lambda c: (c["checked_on"], c["created_at"]))
        for key, _title, maximum in MEASURES:
            values = [c.get(key) for c in ordered]
            self.lines[key].set_values(values)
            known = [v for v in values if v is not None]
            text = f"{known[-1]}/{maximum} {change_arrow(values)}" if known else "—"
            self.latest[key].setText(text.strip())
