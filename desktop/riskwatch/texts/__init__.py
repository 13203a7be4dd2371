"""Text outside widgets: translation from the GUI's translation files (``texts.catalog``), and the words and
numbers of alerts (``texts.alerts``).

No Qt here (an import-linter contract checks it): the command line and non-Qt alert sinks use it directly,
the widgets through ``gui.alert_text`` with Qt's translator. ``riskwatch.i18n`` (the number formats) imports
``texts.catalog``, so this package imports nothing on its own.
"""
