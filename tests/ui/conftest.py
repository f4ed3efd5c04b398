"""Fixtures for the desktop program: a fresh profile folder and service graph per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from mentor_desk.app import Services
from mentor_desk.ui.shell.theme import apply_theme
from tests.helpers.ui import make_services, shutdown


@pytest.fixture(scope="session", autouse=True)
def _themed(qapp: QApplication) -> None:
    apply_theme(qapp)


@pytest.fixture
def make_app(profile_dir: Path) -> Iterator[Any]:
    """Build the program for ``profile_dir``; every graph built is shut down afterwards."""
    built: list[Services] = []

    def factory(**kwargs: Any) -> Services:
        services = make_services(profile_dir, **kwargs)
        built.append(services)
        return services

    yield factory
    for services in built:
        shutdown(services)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform cannot resize native dialogs to their size hints; harmless.
    marker = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
    for item in items:
        if "tests/ui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(marker)
