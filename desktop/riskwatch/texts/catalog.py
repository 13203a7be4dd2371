"""Translated text without Qt: the GUI's translation files read as plain source -> translation pairs.

Widgets translate through Qt (``self.tr``, the compiled .qm). Text made outside widgets — the command line,
desktop notifications, e-mail — reads the *same* ``resources/translations/riskwatch_<lang>.ts`` with
ElementTree, so there is one translation file, one phrase book (``tools/de_phrases*.json``) and one workflow
(``python tools/i18n.py update`` extracts every ``translate("Context", "…")`` call with lupdate). A message
without a finished translation falls back to its (English) source text, like Qt does.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from pathlib import Path

from riskwatch.domain.numbers import typed_language
from riskwatch.paths import resource

#: Context of the command line's messages in the translation file.
CLI = "Cli"


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # the name lupdate looks for
    """Mark ``source`` for lupdate (context ``context``) where it is looked up later; returns it unchanged."""
    return source


@functools.lru_cache(maxsize=8)
def _load(path: Path) -> dict[tuple[str, str, str], str | tuple[str, ...]]:
    """(context, source, disambiguation) -> the finished translation (numerus forms as a tuple)."""
    if not path.is_file():
        return {}
    out: dict[tuple[str, str, str], str | tuple[str, ...]] = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            forms = tuple(f.text or "" for f in tr.iter("numerusform"))
            value: str | tuple[str, ...] = forms if forms else (tr.text or "")
            if value:
                out[(name, msg.findtext("source") or "", msg.findtext("comment") or "")] = value
    return out


class Texts:
    """Plain-text translation into one language (``"de"`` or ``"en"``), with Qt's ``translate`` signature."""

    def __init__(self, language: str, translations_dir: Path | None = None):
        self.language = typed_language(language)
        directory = translations_dir if translations_dir is not None else resource("translations")
        self._pairs = _load(Path(directory) / f"riskwatch_{self.language}.ts")

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        """``source`` in this language; ``%n`` is replaced by ``n`` (numerus forms: one, many)."""
        found = self._pairs.get((context, source, disambiguation or ""), source)
        if isinstance(found, tuple):
            found = found[0] if n == 1 or len(found) == 1 else found[1]
        return found.replace("%n", str(n)) if n >= 0 else found

    def cli(self, source: str, **values: object) -> str:
        """A command-line message (context ``Cli``) with its ``{name}`` fields filled in."""
        text = self.translate(CLI, source)
        return text.format(**values) if values else text


__all__ = ["CLI", "QT_TRANSLATE_NOOP", "Texts"]
