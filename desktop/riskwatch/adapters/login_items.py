"""Starting at login on Windows (the current user's Run key) and macOS (a LaunchAgent), with the methods of
:class:`riskwatch.adapters.desktop_entry.XdgDesktop`.

Neither platform gets a menu entry from here: on Windows a Start-menu shortcut needs COM (a .lnk file) and
on macOS the application menu is the /Applications folder, which a bundle fills; so ``install`` without
autostart changes nothing there (``menu_supported`` is False and the command says so).
"""

from __future__ import annotations

import plistlib
import subprocess
from collections.abc import Sequence
from pathlib import Path

from riskwatch.adapters.desktop_entry import Change, DesktopIntegrationError, remove_file, write_files
from riskwatch.paths import APP_ID, APP_NAME

RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"


class WindowsRunKey:
    """The value ``RiskWatch`` under HKCU\\...\\Run holding the command line (what Explorer runs at login).
    ``winreg``: the registry module, imported on first use (it exists only on Windows); tests hand in a fake."""

    menu_supported = False

    def __init__(self, *, command: Sequence[str], winreg=None, value_name: str = APP_NAME):
        self.command = list(command)
        self.value_name = value_name
        self._winreg = winreg

    @property
    def location(self) -> str:
        return f"HKEY_CURRENT_USER\\{RUN_KEY}\\{self.value_name}"

    def command_line(self) -> str:
        """The command as Windows parses it (paths with spaces quoted)."""
        return subprocess.list2cmdline(self.command)

    def _reg(self):
        if self._winreg is None:
            import winreg

            self._winreg = winreg
        return self._winreg

    def autostart_enabled(self) -> bool:
        reg = self._reg()
        try:
            with reg.OpenKey(reg.HKEY_CURRENT_USER, RUN_KEY, 0, reg.KEY_READ) as key:
                reg.QueryValueEx(key, self.value_name)
        except OSError:  # FileNotFoundError: no such key or value
            return False
        return True

    def set_autostart(self, enabled: bool) -> list[Change]:
        reg = self._reg()
        try:
            if enabled:
                with reg.CreateKeyEx(reg.HKEY_CURRENT_USER, RUN_KEY, 0, reg.KEY_SET_VALUE) as key:
                    reg.SetValueEx(key, self.value_name, 0, reg.REG_SZ, self.command_line())
                return [Change("autostart", "written", self.location)]
            if not self.autostart_enabled():
                return []
            with reg.OpenKey(reg.HKEY_CURRENT_USER, RUN_KEY, 0, reg.KEY_SET_VALUE) as key:
                reg.DeleteValue(key, self.value_name)
            return [Change("autostart", "removed", self.location)]
        except OSError as exc:
            raise DesktopIntegrationError("registry", self.location, exc.strerror or str(exc)) from exc

    def install(self, *, autostart: bool = False) -> list[Change]:
        return self.set_autostart(True) if autostart else []

    def remove(self, *, autostart_only: bool = False) -> list[Change]:
        return self.set_autostart(False)


class MacLaunchAgent:
    """``~/Library/LaunchAgents/<id>.plist``: launchd runs ``command`` when the user logs in (RunAtLoad)."""

    menu_supported = False

    def __init__(self, *, home: Path, command: Sequence[str], app_id: str = APP_ID):
        self.command = list(command)
        self.app_id = app_id
        self.path = Path(home) / "Library" / "LaunchAgents" / f"{app_id}.plist"

    def plist(self) -> bytes:
        return plistlib.dumps({
            "Label": self.app_id,
            "ProgramArguments": self.command,
            "RunAtLoad": True,
            # a GUI app: launchd must not throttle it like a background daemon, and only in the graphical session
            "ProcessType": "Interactive",
            "LimitLoadToSessionType": "Aqua",
        }, fmt=plistlib.FMT_XML)

    def autostart_enabled(self) -> bool:
        return self._ours()

    def set_autostart(self, enabled: bool) -> list[Change]:
        if enabled:
            write_files([(self.path, self.plist())])
            return [Change("autostart", "written", str(self.path))]
        if not self.path.exists():
            return []
        if not self._ours():
            return [Change("autostart", "kept", str(self.path))]
        remove_file(self.path)
        return [Change("autostart", "removed", str(self.path))]

    def install(self, *, autostart: bool = False) -> list[Change]:
        return self.set_autostart(True) if autostart else []

    def remove(self, *, autostart_only: bool = False) -> list[Change]:
        return self.set_autostart(False)

    def _ours(self) -> bool:
        try:
            return plistlib.loads(self.path.read_bytes()).get("Label") == self.app_id
        except (OSError, plistlib.InvalidFileException, ValueError, AttributeError):
            return False


__all__ = ["RUN_KEY", "MacLaunchAgent", "WindowsRunKey"]
