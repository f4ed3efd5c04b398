"""The frame every screen stands in, and the parts they share.

- ``tasks.py`` — :class:`TaskRunner`: every store operation runs on the store's worker
  thread and calls back on the GUI thread (never a widget touched from a worker).
- ``network.py`` — the pool for network calls (sync, joining), off the GUI thread.
- ``start_pages.py`` — first-run setup, unlock, demo preparation; ``typeahead.py`` keeps
  keys typed while unlocking; ``idle.py`` the idle lock; ``single_instance.py`` one
  program per profile; ``integrity.py`` the store's check at start; ``crash.py`` the
  "Something went wrong — your work is saved" notice and Qt's warnings into the log.
- ``host.py`` — :class:`HostWindow`, the few things menus and wiring need from the main
  window (so none of them imports it).
- ``shortcuts.py`` — every key, menu and tab title with its Alt letter, and the Help list.
- ``drafts.py`` — drafts of half-written forms, kept encrypted in the store.
- ``widgets.py``, ``table_model.py``, ``theme.py``, ``files.py`` — shared widgets, the
  table model base, colours and icons, the save dialog and its error words.

May import: ``domain``, ``store``, ``export`` (errors only) and Qt. Nothing else of ``ui``.
"""
