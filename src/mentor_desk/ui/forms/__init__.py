"""The record screens built from the vocabulary: each record type's tab and dialog.

``common.py`` (:class:`FieldForm`, fields checked by ``domain.validate`` as you type),
``records.py`` (:class:`RecordDialog`, the record table model), ``data.py`` (one read of a
person's records), ``tabs.py`` (the tabs together), and one module per screen:
``release_day.py`` (and release-day mode), ``checklist.py``, ``assessment.py``, ``risk.py``
(the lone-working risk assessment), ``plan.py``, ``agreement.py``, ``signposting.py``,
``directory.py``, ``sessions.py``, ``checkins.py``, ``consent.py`` (the consent form and tab),
``end_of_support.py``, ``history.py``.

May import: ``ui.shell`` and the layers below ``ui``. Not the other screens.
"""
