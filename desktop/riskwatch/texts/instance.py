"""The sentence for a second RiskWatch refused on a data folder another one already watches.

Shared by ``riskwatch watch`` (stderr) and the desktop app (a dialog shown before any window exists, so
without Qt's translator): one text, in the user's language, naming the folder and what holds it.
"""

from __future__ import annotations

from riskwatch.texts.catalog import QT_TRANSLATE_NOOP, Texts

_MESSAGES = (
    QT_TRANSLATE_NOOP("Cli", "Another RiskWatch ({holder}, pid {pid}) already watches the data folder {directory}. "
                      "Only one may run per data folder, so that no alert is delivered twice: stop it first, or "
                      "choose another folder with --data-dir."),
    QT_TRANSLATE_NOOP("Cli", "the desktop app"),
    QT_TRANSLATE_NOOP("Cli", "riskwatch watch"),
    QT_TRANSLATE_NOOP("Cli", "unknown"),
)

#: The roles a holder writes into the lock file, as the message names them.
HOLDERS = {"desktop": "the desktop app", "watch": "riskwatch watch"}


def already_running_text(directory, pid: int | None, holder: str | None, lang: str) -> str:
    texts = Texts(lang)
    role = texts.cli(HOLDERS.get(holder or "", "unknown"))
    return texts.cli("Another RiskWatch ({holder}, pid {pid}) already watches the data folder {directory}. Only "
                     "one may run per data folder, so that no alert is delivered twice: stop it first, or choose "
                     "another folder with --data-dir.", holder=role,
                     pid=pid if pid is not None else texts.cli("unknown"), directory=directory)


__all__ = ["HOLDERS", "already_running_text"]
