"""The caseload screen: "who do I need to see today?".

``page.py`` is the screen (search, filters, the table; Enter opens a person), ``model.py``
its item model and filter proxy over :func:`mentor_desk.store.caseload.caseload`.

May import: ``ui.shell`` and the layers below ``ui`` (docs/architecture.md).
"""
