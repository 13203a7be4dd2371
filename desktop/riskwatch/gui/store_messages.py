"""Translated messages about the data store: the dialog shown when it cannot be used at start (locked, full,
read-only, damaged) and the status-bar line about stored rows that were skipped because they are damaged."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from riskwatch.domain.errors import DamagedRow, StoreError

def store_error_text(exc: StoreError) -> str:
    """One clear message for ``exc`` in the current language, naming the file and what to do."""
    code = getattr(exc, "code", "store")
    if code == "locked":
        text = QCoreApplication.translate(
            "StoreMessages", "The data store {path} is locked by another process (another RiskWatch window or "
            "command). Close it, or wait until it has finished, and start RiskWatch again.")
    elif code == "full":
        text = QCoreApplication.translate(
            "StoreMessages", "The disk holding the data store {path} is full; nothing was changed. "
            "Free some disk space and try again.")
    elif code == "read_only":
        text = QCoreApplication.translate(
            "StoreMessages", "The data store {path} is read-only: there is no write permission for the file or its "
            "folder. Make both writable for your user or choose another folder with --data-dir.")
    elif code == "damaged" and exc.backup:
        text = QCoreApplication.translate(
            "StoreMessages", "The data store {path} is damaged. A backup made before the last upgrade is {backup}: "
            "move the damaged file away and copy the backup in its place.")
    elif code == "damaged":
        text = QCoreApplication.translate(
            "StoreMessages", "The data store {path} is damaged. Move it away to start with an empty store, or put "
            "back a copy from your own backup.")
    else:
        text = QCoreApplication.translate("StoreMessages", "The data store could not be used: {message}")
    return text.format(path=exc.path or "", backup=exc.backup or "", message=str(exc))


def store_error_box(exc: StoreError, parent: QWidget | None = None) -> QMessageBox:
    """The critical message box for a store that cannot be used (not yet shown: call ``exec()``)."""
    box = QMessageBox(QMessageBox.Icon.Critical, "RiskWatch", store_error_text(exc),
                      QMessageBox.StandardButton.Close, parent)
    if exc.detail:
        box.setDetailedText(exc.detail)
    return box


def show_store_error(app, exc: StoreError, translations_dir: Path, language: str = "system") -> int:
    """Show the translated dialog for a store that cannot be used at start (modal); returns the exit code 1."""
    from riskwatch.gui.translation import Translator

    try:
        Translator(app, translations_dir).set_language(language)
    except FileNotFoundError:
        pass
    store_error_box(exc).exec()
    return 1


def damaged_rows_text(rows: list[DamagedRow], limit: int = 3) -> str:
    """``"2 damaged rows in the data store were skipped: positions row 3 (quantity), …"``."""
    shown = [f"{r.table} {r.row_id}" + (f" ({r.field})" if r.field else "") for r in rows[:limit]]
    if len(rows) > limit:
        shown.append("…")
    return QCoreApplication.translate("StoreMessages", "{n} damaged row(s) in the data store were skipped: {rows}").format(n=len(rows),
                                                                                   rows=", ".join(shown))


__all__ = ["store_error_text", "store_error_box", "show_store_error", "damaged_rows_text"]
