"""Mentor Desk: offline-first case management for peer mentors supporting people leaving prison."""

from importlib.metadata import PackageNotFoundError, version

try:
    #: The one version: ``[project] version`` in pyproject.toml, as installed (the frozen
    #: bundle carries the package's metadata for this). Never typed anywhere else.
    __version__ = version("mentor-desk")
except PackageNotFoundError:  # pragma: no cover - running from a tree that was never installed
    __version__ = "0+unknown"
