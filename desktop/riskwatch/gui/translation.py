"""Language switching through Qt's translation system (compiled .qm files in resources/translations)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTranslator, Signal

from riskwatch.gui.format import ui_locale

LANGUAGES = ("system", "de", "en")


def resolve_language(choice: str) -> str:
    """'system' becomes 'de' for a German system locale and 'en' otherwise."""
    if choice in ("de", "en"):
        return choice
    return "de" if QLocale.system().language() == QLocale.Language.German else "en"



class Retranslatable:
    """Mixin for a widget with a ``retranslate()`` method, which sets every text it shows through ``tr()``:
    Qt sends each widget ``QEvent.LanguageChange`` when :class:`Translator` switches the language, and this
    calls ``retranslate()`` then. Name it before the Qt base class: ``class View(Retranslatable, QWidget)``."""

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class Translator(QObject):
    """Installs the application's and Qt's own translators; switching needs no restart.

    Widgets react to QEvent.LanguageChange (Qt sends it to every widget when a translator changes).
    """

    language_changed = Signal(str)

    def __init__(self, app, translations_dir: Path):
        super().__init__(app)
        self._app = app
        self._dir = Path(translations_dir)
        self._own = QTranslator(self)
        self._qt = QTranslator(self)
        self.language = "en"
        self.choice = "system"

    def set_language(self, choice: str) -> str:
        self.choice = choice if choice in LANGUAGES else "system"
        lang = resolve_language(self.choice)
        # The UI language decides every number, date and axis, not the system locale: make its locale the
        # default first, and tell the existing widgets (each keeps the locale it was created with until a
        # LocaleChange), so both self.locale() and QLocale() read it before the views retranslate.
        QLocale.setDefault(ui_locale(lang))
        QCoreApplication.sendEvent(self._app, QEvent(QEvent.Type.LocaleChange))
        for tr in (self._own, self._qt):
            self._app.removeTranslator(tr)
        if not self._own.load(str(self._dir / f"riskwatch_{lang}.qm")):
            raise FileNotFoundError(f"translation riskwatch_{lang}.qm missing in {self._dir}")
        self._app.installTranslator(self._own)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if self._qt.load(f"qtbase_{lang}", qt_dir):
            self._app.installTranslator(self._qt)
        self.language = lang
        self.language_changed.emit(lang)
        return lang

    def locale(self) -> QLocale:
        """The UI language's locale (the default QLocale once :meth:`set_language` ran)."""
        return QLocale()
