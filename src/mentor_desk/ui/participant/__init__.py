"""One participant, open in a tab: the workspace, their notes and their profile.

``workspace.py`` (header, Overview, the tabs), ``notes.py`` (the notes list and search),
``note_editor.py`` (writing a case note), ``profile_form.py`` (the participant form, and
the New participant dialog). The record tabs (release day, plan, consent…) are
``ui/forms/``.

May import: ``ui.forms``, ``ui.shell`` and the layers below ``ui``.
"""
