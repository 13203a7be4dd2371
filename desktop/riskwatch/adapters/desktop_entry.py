"""The desktop integration of one user on Linux (freedesktop): the menu entry, its icons and the start at login.

What is written, for the id ``io.github.riskwatch.RiskWatch``:

- ``$XDG_DATA_HOME/applications/<id>.desktop``: the menu entry (the template in resources/desktop with the
  command that started this process, see :func:`launch_command`);
- ``$XDG_DATA_HOME/icons/hicolor/<n>x<n>/apps/<id>.png`` and ``.../scalable/apps/<id>.svg``;
- with autostart: ``$XDG_CONFIG_HOME/autostart/<id>.desktop`` (XDG Autostart specification).

Removing deletes those files only; a .desktop file without the installer's mark (one the user or a distribution
package put there) is left alone. Windows and macOS: :mod:`riskwatch.adapters.login_items`. Every integration
has the same methods: ``install(autostart=)``, ``remove(autostart_only=)``, ``autostart_enabled()`` and
``set_autostart(enabled)``; each change is returned as a :class:`Change`.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from riskwatch.domain.errors import InputError, RiskWatchError
from riskwatch.paths import APP_ID

#: The hicolor sizes tools/build_icons.py renders (resources/icons/riskwatch-<n>.png).
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
#: The installer's mark in every .desktop file it writes: removing deletes only files that carry it.
MARK_KEY = "X-RiskWatch-Installer"
MARK = f"{MARK_KEY}=riskwatch install-desktop"


class DesktopIntegrationError(RiskWatchError):
    """A file or registry value of the desktop integration could not be written or removed.

    ``action``: "write", "mkdir", "remove" or "registry"; ``location``: the path (or registry value);
    ``detail``: what the system said; ``rolled_back``: whether what this run had written was taken back."""

    def __init__(self, action: str, location: str, detail: str, *, rolled_back: bool = True):
        self.action, self.location, self.detail, self.rolled_back = action, str(location), detail, rolled_back
        verb = {"write": "write", "mkdir": "create the folder", "remove": "remove",
                "registry": "change the registry value"}.get(action, action)
        super().__init__(f"could not {verb} {location}: {detail}")


@dataclass(frozen=True)
class Change:
    """One file (or registry value) the integration wrote, removed or, not being its own, left alone."""

    kind: str  # "menu", "icons", "autostart"
    action: str  # "written", "removed", "kept"
    location: str


def launch_command(*, executable: str | None = None, platform: str | None = None, frozen: bool | None = None,
                   data_dir: str | os.PathLike | None = None) -> list[str]:
    """The command a menu entry or the start at login runs: absolute paths of this installation.

    A frozen bundle runs its own program. Otherwise ``riskwatch-gui`` next to the interpreter (the venv's or
    pipx's ``bin``/``Scripts``): absolute, because the desktop session's PATH often lacks that folder (autostart
    runs before any shell profile), and the GUI script, because on Windows it opens no console. Without that
    script (a bare checkout) the interpreter runs the package (``pythonw`` on Windows, for the same reason).
    ``data_dir``: an explicit ``--data-dir`` the app is to keep using."""
    executable = executable or sys.executable
    platform = platform or sys.platform
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    if frozen:
        command = [executable]
    else:
        gui = Path(executable).with_name("riskwatch-gui.exe" if platform == "win32" else "riskwatch-gui")
        if gui.is_file():
            command = [str(gui)]
        else:
            python = Path(executable)
            if platform == "win32" and python.with_name("pythonw.exe").is_file():
                python = python.with_name("pythonw.exe")
            command = [str(python), "-m", "riskwatch"]
    if data_dir:
        command += ["--data-dir", str(Path(data_dir).expanduser().absolute())]
    for arg in command:
        if any(ord(c) < 32 or ord(c) == 127 for c in arg):
            raise InputError.single(f"the path {arg!r} contains a control character (a line break?); a menu "
                                    "entry cannot run it")
    return command


_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def exec_value(argv: Sequence[str]) -> str:
    """``argv`` as the value of a desktop entry's ``Exec`` key (Desktop Entry spec, "The Exec key"): arguments
    with reserved characters in double quotes with ``"`$\\`` escaped, ``%`` doubled, then the string escape of
    backslashes that every value gets."""
    parts = []
    for arg in argv:
        if arg and not _RESERVED.intersection(arg):
            quoted = arg
        else:
            quoted = '"' + re.sub(r'(["`$\\])', r"\\\1", arg) + '"'
        parts.append(quoted.replace("%", "%%"))
    return " ".join(parts).replace("\\", "\\\\")


def entry_text(template: str, command: Sequence[str], *, autostart: bool = False) -> str:
    """The template's entry with ``Exec``/``TryExec`` running ``command``, and the installer's mark."""
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            line = "Exec=" + exec_value(command)
        elif line.startswith("TryExec="):
            line = "TryExec=" + command[0].replace("\\", "\\\\")
        elif line.startswith(MARK_KEY + "="):
            continue
        lines.append(line)
    lines.append(MARK)
    if autostart:
        lines.append("X-GNOME-Autostart-enabled=true")
    return "\n".join(lines) + "\n"


def write_files(files: Sequence[tuple[Path, bytes]]) -> None:
    """Write every file (each atomically: a temporary file beside it, then rename); when one fails, remove the
    files this call created, so nothing is half-installed, and raise :class:`DesktopIntegrationError`."""
    created: list[Path] = []
    for path, data in files:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            _roll_back(created)
            raise DesktopIntegrationError("mkdir", _failed_folder(path.parent), exc.strerror or str(exc)) from exc
        existed = path.exists()
        tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
        try:
            tmp.write_bytes(data)
            os.replace(tmp, path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            _roll_back(created)
            raise DesktopIntegrationError("write", path, exc.strerror or str(exc)) from exc
        if not existed:
            created.append(path)


def _failed_folder(folder: Path) -> Path:
    """The first folder on the way to ``folder`` that does not exist: the one that could not be created."""
    while folder.parent != folder and not folder.parent.exists():
        folder = folder.parent
    return folder


def _roll_back(created: Sequence[Path]) -> None:
    for path in created:
        try:
            path.unlink()
        except OSError:
            pass  # the error being raised names the real problem


def remove_file(path: Path) -> bool:
    """Delete ``path``; False when it was not there."""
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise DesktopIntegrationError("remove", path, exc.strerror or str(exc), rolled_back=False) from exc
    return True


class XdgDesktop:
    """The freedesktop integration of the user with the folders ``data_home`` and ``config_home``
    ($XDG_DATA_HOME, $XDG_CONFIG_HOME; None: their defaults under ``home``); ``command``: what the entries run;
    ``resources``: the resources/ folder (icons, template)."""

    menu_supported = True

    def __init__(self, *, home: Path, command: Sequence[str], resources: Path, data_home: Path | None = None,
                 config_home: Path | None = None, app_id: str = APP_ID):
        self.app_id = app_id
        self.command = list(command)
        self._resources = Path(resources)
        self.data_home = Path(data_home) if data_home else Path(home) / ".local" / "share"
        self.config_home = Path(config_home) if config_home else Path(home) / ".config"

    @property
    def entry_path(self) -> Path:
        return self.data_home / "applications" / f"{self.app_id}.desktop"

    @property
    def autostart_path(self) -> Path:
        return self.config_home / "autostart" / f"{self.app_id}.desktop"

    @property
    def icon_root(self) -> Path:
        return self.data_home / "icons" / "hicolor"

    def icon_files(self) -> list[tuple[Path, Path]]:
        """(bundled source, installed path) of every icon."""
        icons = self._resources / "icons"
        out = [(icons / f"riskwatch-{n}.png", self.icon_root / f"{n}x{n}" / "apps" / f"{self.app_id}.png")
               for n in ICON_SIZES]
        out.append((icons / "riskwatch.svg", self.icon_root / "scalable" / "apps" / f"{self.app_id}.svg"))
        return out

    def entry(self, *, autostart: bool = False) -> str:
        template = (self._resources / "desktop" / f"{self.app_id}.desktop").read_text(encoding="utf-8")
        return entry_text(template, self.command, autostart=autostart)

    def install(self, *, autostart: bool = False) -> list[Change]:
        files = [(dest, src.read_bytes()) for src, dest in self.icon_files()]
        files.append((self.entry_path, self.entry().encode("utf-8")))
        if autostart:
            files.append((self.autostart_path, self.entry(autostart=True).encode("utf-8")))
        write_files(files)
        changes = [Change("icons", "written", str(self.icon_root)), Change("menu", "written", str(self.entry_path))]
        if autostart:
            changes.append(Change("autostart", "written", str(self.autostart_path)))
        return changes

    def remove(self, *, autostart_only: bool = False) -> list[Change]:
        changes = self._remove_entry("autostart", self.autostart_path)
        if autostart_only:
            return changes
        changes += self._remove_entry("menu", self.entry_path)
        removed = [dest for _src, dest in self.icon_files() if remove_file(dest)]
        if removed:
            changes.append(Change("icons", "removed", str(self.icon_root)))
        return changes

    def autostart_enabled(self) -> bool:
        return self._ours(self.autostart_path)

    def set_autostart(self, enabled: bool) -> list[Change]:
        if not enabled:
            return self.remove(autostart_only=True)
        write_files([(self.autostart_path, self.entry(autostart=True).encode("utf-8"))])
        return [Change("autostart", "written", str(self.autostart_path))]

    def _remove_entry(self, kind: str, path: Path) -> list[Change]:
        if not path.exists():
            return []
        if not self._ours(path):
            return [Change(kind, "kept", str(path))]
        remove_file(path)
        return [Change(kind, "removed", str(path))]

    @staticmethod
    def _ours(path: Path) -> bool:
        try:
            return MARK in path.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return False


def desktop_integration(platform: str, *, home: Path, command: Sequence[str], resources: Path,
                        data_home: Path | None = None, config_home: Path | None = None, winreg=None):
    """The integration of ``platform`` (``sys.platform``): Windows' Run key, a macOS LaunchAgent, else the
    freedesktop files (Linux, the BSDs). ``winreg``: the registry module (tests hand in a fake)."""
    if platform == "win32":
        from riskwatch.adapters.login_items import WindowsRunKey

        return WindowsRunKey(command=command, winreg=winreg)
    if platform == "darwin":
        from riskwatch.adapters.login_items import MacLaunchAgent

        return MacLaunchAgent(home=home, command=command)
    return XdgDesktop(home=home, command=command, resources=resources, data_home=data_home, config_home=config_home)


__all__ = ["ICON_SIZES", "Change", "DesktopIntegrationError", "XdgDesktop", "desktop_integration", "entry_text",
           "exec_value", "launch_command", "write_files"]
