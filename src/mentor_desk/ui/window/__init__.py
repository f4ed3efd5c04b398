"""The main window, which composes every screen, and its menus.

``main_window.py`` (the stack of start pages and tabs, lock and unlock, the File/Go/Help
menus), ``records_menu.py`` (Records), ``export_menu.py`` (Export, Reports and each
participant's "Export or print" button), ``help_menu.py`` (Help → Copy a problem report),
``language.py`` (File → Language…).

May import: every ``ui`` sub-package (it is the top of ``ui``), and below.
"""
