"""The partnership on the laptop (issue 15 points 1 and 6, docs/partnership.md).

- ``data.py`` — what the screens show, read on the store worker: the partnership cached by
  the last sync (:mod:`mentor_desk.sync.partnership`), the services and sessions each
  organisation runs, and whether this profile may keep agreements.
- ``screen.py`` — :class:`PartnershipWindow`, the partnership at a glance: organisations by
  kind with their service offers, the agreements between them with status and review date.
- ``editor.py`` — :class:`AgreementEditor`, one information-sharing agreement, saved through
  the server off the GUI thread (the server decides who may).

May import: ``ui.forms``, ``ui.shell`` and the layers below ``ui``.
"""
