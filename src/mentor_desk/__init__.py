"""Mentor Desk: offline-first case management for peer mentors supporting people leaving prison."""

__version__ = "0.1.0"
