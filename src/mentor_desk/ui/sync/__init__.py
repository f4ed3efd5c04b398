"""Everything the person sees of sync, and when it runs.

``controller.py`` (when to sync: on start, on a timer, on reconnect; off the GUI thread),
``status.py`` (the status bar and the first sync dialog), ``wording.py`` (what each state
and error says), ``wiring.py`` (the Sync menu), ``conflicts.py`` (review conflicts),
``attention.py`` (changes that need attention), ``join.py`` (joining a partnership
server), ``sign_in_again.py``.

May import: ``ui.shell``, ``sync`` and the layers below it.
"""
