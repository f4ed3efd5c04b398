"""The dashboard: opens on generated data, filters change the figures, charts and data save,
and the funder report carries every figure's title and counts."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from mentor_desk.app import Services
from mentor_desk.export import log
from mentor_desk.export.funder_report import funder_report_pdf
from mentor_desk.reports import figures
from mentor_desk.reports.words import FIGURES
from mentor_desk.ui.dashboard.window import PERIODS, DashboardWindow, FigureTableModel
from mentor_desk.ui.window.export_menu import ExportActions
from tests.helpers.files import PRIVATE, mode
from tests.helpers.ui import TIMEOUT, press, start, unlock, wait_idle
from tests.helpers.ui_data import seed_profile
from tests.ui.test_exports_ui import choose

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def open_dashboard(
    qtbot: QtBot, make_app: Any, profile_dir: Path, role: str | None = "coordinator"
) -> tuple[Services, ExportActions, DashboardWindow]:
    seed_profile(profile_dir, role=role)
    services = make_app()
    start(qtbot, services)
    unlock(qtbot, services)
    actions = services.window.export_actions
    assert actions.dashboard.isEnabled()
    press(qtbot, services, "Ctrl+Shift+D")  # Reports → Dashboard…
    dashboard = actions.dashboard_window
    assert dashboard is not None
    qtbot.waitUntil(lambda: len(dashboard.tables) == len(FIGURES), timeout=TIMEOUT)
    wait_idle(qtbot, services)
    return services, actions, dashboard


def set_and_wait(qtbot: QtBot, dashboard: DashboardWindow, change: Any) -> None:
    with qtbot.waitSignal(dashboard.figures_shown, timeout=TIMEOUT):
        change()


def test_dashboard_shows_every_chart_for_generated_data(
    qtbot: QtBot, make_app: Any, profile_dir: Path, qtmodeltester: Any
) -> None:
    _services, _actions, dashboard = open_dashboard(qtbot, make_app, profile_dir)
    assert dashboard.organisation.isVisibleTo(dashboard)  # a coordinator's filters
    for name, panel in dashboard.panels.items():
        assert panel.chart.figure.axes, name  # something was drawn
        assert panel.chart.canvas.accessibleName() == f"{FIGURES[name][0]} chart"
        qtmodeltester.check(panel.model)
    status = dashboard.tables["participants_by_status"]
    assert sum(r[1] for r in status.rows) == 7  # 5 generated + 2 planted
    assert dashboard.tables["contacts_per_week"].rows
    panel = dashboard.panels["participants_by_status"]
    panel.show_numbers.click()
    assert panel.numbers.isVisibleTo(dashboard)
    assert panel.model.headerData(0, panel.numbers.horizontalHeader().orientation()) == "Status"
    assert panel.model.index(1, 0).data() == "Active"


def test_filters_change_the_figures(qtbot: QtBot, make_app: Any, profile_dir: Path) -> None:
    _services, _actions, dashboard = open_dashboard(qtbot, make_app, profile_dir)
    everyone = sum(r[1] for r in dashboard.tables["participants_by_status"].rows)
    assert dashboard.mentor.count() > 1
    set_and_wait(qtbot, dashboard, lambda: dashboard.mentor.setCurrentIndex(1))
    assert dashboard.filters.mentor_id == dashboard.mentor.itemData(1)
    one_mentor = sum(r[1] for r in dashboard.tables["participants_by_status"].rows)
    assert 0 < one_mentor < everyone

    set_and_wait(
        qtbot, dashboard, lambda: dashboard.period.setCurrentIndex(PERIODS.index("Everything"))
    )
    assert dashboard.filters.since is None and dashboard.filters.until is None
    set_and_wait(
        qtbot, dashboard, lambda: dashboard.period.setCurrentIndex(PERIODS.index("Last 3 months"))
    )
    recent = dashboard.tables["contacts_per_week"].rows
    assert len(recent) <= 15

    referrals = dashboard.tables["referrals_by_pathway_and_outcome"]
    assert referrals.columns[0] == "pathway"
    set_and_wait(qtbot, dashboard, lambda: dashboard.vocab.setCurrentIndex(1))
    assert dashboard.tables["referrals_by_pathway_and_outcome"].columns[0] == "crs_category"
    assert dashboard.tables["goals_achieved"].columns[0] == "crs_category"
    assert "probation crs categories" in dashboard.state.text().lower()


def test_save_chart_png_and_data_csv(
    qtbot: QtBot, make_app: Any, profile_dir: Path, tmp_path: Path, permissive_umask: None
) -> None:
    services, actions, dashboard = open_dashboard(qtbot, make_app, profile_dir)
    panel = dashboard.panels["participants_by_status"]
    choose(actions, tmp_path / "status")
    with qtbot.waitSignal(actions.controller.saved, timeout=TIMEOUT):
        panel.save_png.click()
    assert mode(tmp_path / "status.png") == PRIVATE
    png = (tmp_path / "status.png").read_bytes()
    assert png.startswith(PNG_SIGNATURE) and len(png) > 1000

    choose(actions, tmp_path / "status.csv")
    with qtbot.waitSignal(actions.controller.saved, timeout=TIMEOUT):
        panel.save_csv.click()
    assert mode(tmp_path / "status.csv") == PRIVATE
    rows = list(csv.reader(io.StringIO((tmp_path / "status.csv").read_text("utf-8-sig"))))
    assert rows[0] == ["status", "participants"]
    assert rows[1:] == [[s, str(n)] for s, n in dashboard.tables["participants_by_status"].rows]
    wait_idle(qtbot, services)
    kinds = [e["kind"] for e in services.worker.submit(log.entries).result()]
    assert kinds == ["chart_png", "chart_csv"]


def test_funder_report_has_every_title_and_count(
    qtbot: QtBot, make_app: Any, profile_dir: Path, tmp_path: Path, permissive_umask: None
) -> None:
    services, actions, dashboard = open_dashboard(qtbot, make_app, profile_dir)
    set_and_wait(
        qtbot, dashboard, lambda: dashboard.period.setCurrentIndex(PERIODS.index("Everything"))
    )
    choose(actions, tmp_path / "report.pdf")
    with qtbot.waitSignal(actions.controller.saved, timeout=TIMEOUT):
        dashboard.report_button.click()
    assert mode(tmp_path / "report.pdf") == PRIVATE
    reader = PdfReader(tmp_path / "report.pdf")
    text = " ".join(" ".join(p.extract_text() or "" for p in reader.pages).split())
    assert "Report for funders" in text
    for title, _about in FIGURES.values():
        assert title in text
    status = dict(dashboard.tables["participants_by_status"].rows)
    assert f"Active {status['active']}" in text
    assert f"People supported {sum(status.values())}" in text
    assert "Open Government Licence" in text
    images = sum(len(page.images) for page in reader.pages)
    assert images >= len(FIGURES)
    assert "Jordan" not in text  # counts only, never a name
    wait_idle(qtbot, services)


def test_dashboard_for_a_mentor_has_no_organisation_filter_and_closes_on_lock(
    qtbot: QtBot, make_app: Any, profile_dir: Path
) -> None:
    services, actions, dashboard = open_dashboard(qtbot, make_app, profile_dir, role="mentor")
    assert not dashboard.organisation.isVisibleTo(dashboard)
    assert "your caseload" in dashboard.heading.text()
    services.window.lock()
    wait_idle(qtbot, services)
    assert actions.dashboard_window is None


def test_funder_report_pdf_with_no_data_still_reads(qtbot: QtBot, store: Any) -> None:
    tables = figures.all_figures(store)
    text = " ".join(
        p.extract_text() or ""
        for p in PdfReader(io.BytesIO(funder_report_pdf(tables, scope="all"))).pages
    )
    assert "Contacts per week" in " ".join(text.split())


def test_startup_does_not_import_matplotlib() -> None:
    code = (
        "import sys; import mentor_desk.app, mentor_desk.ui.window.main_window;"
        "print('matplotlib' in sys.modules)"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.stdout.strip() == "False", out.stderr


def test_dashboard_model_is_a_real_model(qtmodeltester: Any) -> None:
    model = FigureTableModel()
    model.set_table(figures.Table("x", ("pathway", "referrals"), [("accommodation", 3)]))
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "Accommodation"


def test_dashboard_names_its_controls(qtbot: QtBot, make_app: Any, profile_dir: Path) -> None:
    from tests.ui.test_ui_accessibility import unnamed_focusable

    _services, _actions, dashboard = open_dashboard(qtbot, make_app, profile_dir)
    dashboard.period.setCurrentIndex(PERIODS.index("Chosen dates"))  # the date boxes enabled
    for panel in dashboard.panels.values():
        panel.show_numbers.setChecked(True)
    assert unnamed_focusable(dashboard) == []


def test_charts_follow_a_dark_theme_on_screen_and_stay_on_white_as_images(qtbot: QtBot) -> None:
    from matplotlib.colors import to_hex
    from PySide6.QtGui import QColor, QPalette

    from mentor_desk.reports import charts
    from mentor_desk.ui.dashboard.chart_view import ChartView

    table = figures.Table("Participants by status", ("status", "participants"), [("active", 3)])
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Window, QColor("#2b2b2b"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#eeeeee"))
    view = ChartView("participants_by_status")
    qtbot.addWidget(view)
    view.show_table(table)
    view.setPalette(dark)  # the theme changes while the chart is on screen: it is redrawn
    ax = view.figure.axes[0]
    assert to_hex(view.figure.get_facecolor()) == "#2b2b2b"
    assert to_hex(ax.get_facecolor()) == "#2b2b2b"
    labels = ax.get_xticklabels() + ax.texts  # status names and the bar's count
    assert labels and {to_hex(t.get_color()) for t in labels} == {"#eeeeee"}
    # back to a light theme: dark text on white, as charts saved as images always are
    view.setPalette(QPalette(QColor("#f4f4f4")))
    assert to_hex(view.figure.get_facecolor()) == "#ffffff"
    assert {to_hex(t.get_color()) for t in view.figure.axes[0].get_xticklabels()} == {"#222222"}
    assert charts.png_bytes("participants_by_status", table)[:4] == b"\x89PNG"
