"""Making a document from the program: the questions, then collect → lay out → write → log.

``controller.py`` (:class:`ExportController`: each export's pipeline, the status-bar
progress), ``questions.py`` (the dialogs that ask before an export: plan details, the
probation period and consent, the CSV choice), ``files.py`` (print preview and the
background writer). The documents themselves are ``mentor_desk.export``.

May import: ``ui.shell``, ``export``, ``reports`` and the layers below them.
"""
