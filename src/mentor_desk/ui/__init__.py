"""The desktop program's Qt code: windows, screens, item models, dialogs, the task runner.

Sub-packages by what the person sees: ``shell/`` (the frame and shared parts),
``caseload/``, ``participant/``, ``forms/`` (the record screens), ``sync/``, ``exports/``,
``dashboard/``, ``coordinator/``, and ``window/`` (the main window composing them). What
each may import is checked by import-linter (pyproject.toml; docs/architecture.md).

It reaches the store exclusively through :class:`mentor_desk.ui.shell.tasks.TaskRunner`,
which runs work on the store's worker thread. (The documents use Qt's text layout too, in
``mentor_desk.export``, without a window.)
"""
