"""The desktop program's Qt code: windows, screens, item models, dialogs, the task runner.

Only this package imports Qt. It reaches the store exclusively through
:class:`mentor_desk.ui.shell.tasks.TaskRunner`, which runs work on the store's worker thread.
"""
