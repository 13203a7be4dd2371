"""Where the main window keeps its size, position and last tab."""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings


def window_settings(store) -> QSettings:
    """Window state beside the store it shows: a new ``--data-dir`` must not open on another's last tab."""
    path = getattr(store, "path", None)
    if path is None or str(path) == ":memory:":
        return QSettings("RiskWatch", "RiskWatch")
    ini = path.parent / "window.ini"
    if not ini.exists():  # private like the rest of the data folder; Qt keeps the mode when it rewrites
        os.close(os.open(ini, os.O_WRONLY | os.O_CREAT, 0o600))
    return QSettings(str(ini), QSettings.Format.IniFormat)


__all__ = ["window_settings"]
