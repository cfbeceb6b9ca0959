"""Choosing the UI language and loading every Qt translation catalogue for it.

Each UI area keeps its own catalogue, `resources/i18n/<area>_<lang>.qm` (shell, contacts,
settings, imports, ...); all of them are loaded, plus Qt's own `qtbase_<lang>.qm` for
standard dialogs. Source strings are English; English catalogues (`*_en.qm`) only carry
plural forms ("1 contact", "5 contacts"). The default QLocale follows the language, so
numbers read "1 000 000" in Russian and "1,000,000" in English.
Language = the setting when set, else the system locale: Russian for ru_*, else English.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

__all__ = ["I18N_DIR", "SUPPORTED", "choose_language", "install_translators", "remove_translators", "system_language"]

I18N_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"
SUPPORTED = ("ru", "en")


def system_language(locale: QLocale | None = None) -> str:
    """"ru" for a Russian system locale, else "en"."""
    name = (locale or QLocale.system()).name()
    return "ru" if name.lower().startswith("ru") else "en"


def choose_language(override: str | None, setting: str | None) -> str:
    """The language to use: command-line override, then the stored setting, then the system."""
    for choice in (override, setting):
        if choice in SUPPORTED:
            return choice  # type: ignore[return-value]
    return system_language()


def install_translators(app: QCoreApplication, language: str, folder: Path = I18N_DIR) -> list[QTranslator]:
    """Load and install every `*_<language>.qm` catalogue; returns the translators (keep them alive)."""
    installed: list[QTranslator] = []
    QLocale.setDefault(QLocale(QLocale.Language.Russian if language == "ru" else QLocale.Language.English,
                               QLocale.Country.Russia if language == "ru" else QLocale.Country.UnitedStates))
    paths = sorted(folder.glob(f"*_{language}.qm"))
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    paths.append(qt_dir / f"qtbase_{language}.qm")
    for path in paths:
        translator = QTranslator(app)
        if path.is_file() and translator.load(str(path)):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Uninstall translators installed by install_translators."""
    for translator in translators:
        app.removeTranslator(translator)
    QLocale.setDefault(QLocale.system())
