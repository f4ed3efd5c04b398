"""Screens only a coordinator uses: the team view and reassigning a participant (``team.py``).

May import: ``ui.forms``, ``ui.shell`` and the layers below ``ui``.
"""
