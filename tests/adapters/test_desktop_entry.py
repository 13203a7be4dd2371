"""The desktop integration: freedesktop files written for real under tmp XDG folders; the Windows Run key and the
macOS LaunchAgent by what they would write (a fake winreg, a tmp home)."""

from __future__ import annotations

import configparser
import plistlib
import shutil
import subprocess
from pathlib import Path

import pytest

from riskwatch import paths
from riskwatch.adapters.desktop_entry import (ICON_SIZES, DesktopIntegrationError, XdgDesktop, desktop_integration,
                                              exec_value, launch_command)
from riskwatch.adapters.login_items import RUN_KEY, MacLaunchAgent, WindowsRunKey
from riskwatch.domain.errors import InputError
from riskwatch.options import RuntimeOptions

APP_ID = "io.github.riskwatch.RiskWatch"
COMMAND = ["/opt/risk watch/bin/riskwatch-gui", "--data-dir", "/home/u/100% $data"]


def xdg(tmp_path, command=COMMAND) -> XdgDesktop:
    return XdgDesktop(home=tmp_path / "home", command=command, resources=paths.resources_dir(),
                      data_home=tmp_path / "share", config_home=tmp_path / "config")


def desktop_keys(path: Path) -> dict[str, str]:
    parser = configparser.RawConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive (Name[de])
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def validate(path: Path) -> None:
    """desktop-file-validate where it is installed (apt: desktop-file-utils): no error, no warning."""
    tool = shutil.which("desktop-file-validate")
    if tool:
        r = subprocess.run([tool, str(path)], capture_output=True, text=True, timeout=30)
        assert r.returncode == 0 and not r.stdout.strip(), r.stdout + r.stderr


def test_install_writes_the_menu_entry_icons_and_autostart_in_the_xdg_folders(tmp_path):
    d = xdg(tmp_path)
    changes = d.install(autostart=True)
    entry = tmp_path / "share" / "applications" / f"{APP_ID}.desktop"
    autostart = tmp_path / "config" / "autostart" / f"{APP_ID}.desktop"
    assert [(c.kind, c.action, c.location) for c in changes] == [
        ("icons", "written", str(tmp_path / "share" / "icons" / "hicolor")),
        ("menu", "written", str(entry)), ("autostart", "written", str(autostart))]
    for size in ICON_SIZES:
        icon = tmp_path / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert icon.read_bytes() == paths.resource("icons", f"riskwatch-{size}.png").read_bytes()
        assert icon.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = tmp_path / "share" / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert svg.read_bytes() == paths.resource("icons", "riskwatch.svg").read_bytes()
    keys = desktop_keys(entry)
    assert keys["Icon"] == APP_ID and keys["Categories"] == "Office;Finance;" and keys["Terminal"] == "false"
    assert keys["Name[de]"] == "RiskWatch" and "überwachen" in keys["Comment[de]"]
    # quoted per the Exec rules: the space in quotes, %% for %, \$ for $, then every backslash doubled
    assert keys["Exec"] == r'"/opt/risk watch/bin/riskwatch-gui" --data-dir "/home/u/100%% \\$data"'
    assert keys["TryExec"] == "/opt/risk watch/bin/riskwatch-gui"
    assert "X-GNOME-Autostart-enabled" not in keys
    assert desktop_keys(autostart)["X-GNOME-Autostart-enabled"] == "true"
    assert d.autostart_enabled()
    validate(entry)
    validate(autostart)


def test_remove_deletes_exactly_what_install_wrote(tmp_path):
    d = xdg(tmp_path)
    neighbour = tmp_path / "share" / "applications" / "other.desktop"
    neighbour.parent.mkdir(parents=True)
    neighbour.write_text("[Desktop Entry]\nName=Other\n")
    before = {p for p in tmp_path.rglob("*") if p.is_file()}
    d.install(autostart=True)
    assert len({p for p in tmp_path.rglob("*") if p.is_file()} - before) == len(ICON_SIZES) + 1 + 2
    changes = d.remove()
    assert [(c.kind, c.action) for c in changes] == [("autostart", "removed"), ("menu", "removed"),
                                                      ("icons", "removed")]
    assert {p for p in tmp_path.rglob("*") if p.is_file()} == before
    assert not d.autostart_enabled()
    assert d.remove() == []  # nothing left to remove


def test_remove_autostart_only_keeps_the_menu_entry(tmp_path):
    d = xdg(tmp_path)
    d.install(autostart=True)
    assert [(c.kind, c.action) for c in d.remove(autostart_only=True)] == [("autostart", "removed")]
    assert d.entry_path.is_file() and not d.autostart_path.exists()


def test_a_desktop_file_the_installer_did_not_write_is_left_alone(tmp_path):
    d = xdg(tmp_path)
    d.autostart_path.parent.mkdir(parents=True)
    d.autostart_path.write_text("[Desktop Entry]\nType=Application\nName=Mine\nExec=my-own-riskwatch\n")
    assert not d.autostart_enabled()
    assert [(c.kind, c.action) for c in d.remove(autostart_only=True)] == [("autostart", "kept")]
    assert "my-own-riskwatch" in d.autostart_path.read_text()


def test_set_autostart_writes_and_removes_only_the_autostart_file(tmp_path):
    d = xdg(tmp_path)
    d.set_autostart(True)
    assert d.autostart_enabled() and not d.entry_path.exists()
    d.set_autostart(False)
    assert not d.autostart_enabled() and not d.autostart_path.exists()


def test_a_relative_or_empty_xdg_variable_is_ignored_for_the_default(tmp_path):
    options = RuntimeOptions({"XDG_DATA_HOME": "rel/share", "XDG_CONFIG_HOME": ""})
    assert options.xdg_home("XDG_DATA_HOME") is None and options.xdg_home("XDG_CONFIG_HOME") is None
    assert RuntimeOptions({"XDG_DATA_HOME": str(tmp_path)}).xdg_home("XDG_DATA_HOME") == tmp_path
    d = XdgDesktop(home=tmp_path, command=COMMAND, resources=paths.resources_dir(),
                   data_home=options.xdg_home("XDG_DATA_HOME"), config_home=options.xdg_home("XDG_CONFIG_HOME"))
    assert d.entry_path == tmp_path / ".local" / "share" / "applications" / f"{APP_ID}.desktop"
    assert d.autostart_path == tmp_path / ".config" / "autostart" / f"{APP_ID}.desktop"


def test_a_failed_write_names_the_path_and_leaves_nothing_half_installed(tmp_path):
    d = xdg(tmp_path)
    d.entry_path.mkdir(parents=True)  # a folder where the menu entry goes: the rename onto it fails
    with pytest.raises(DesktopIntegrationError) as err:
        d.install()
    assert err.value.action == "write" and err.value.location == str(d.entry_path)
    assert str(d.entry_path) in str(err.value) and err.value.detail
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []  # the icons written before were taken back


def test_a_folder_that_cannot_be_created_is_named(tmp_path):
    d = xdg(tmp_path)
    (tmp_path / "config").write_text("a file where the config folder should be")
    with pytest.raises(DesktopIntegrationError) as err:
        d.set_autostart(True)
    assert err.value.action == "mkdir" and err.value.location == str(tmp_path / "config" / "autostart")
    assert "create the folder" in str(err.value)


def test_launch_command_prefers_the_gui_script_beside_the_interpreter(tmp_path):
    bin_dir = tmp_path / "venv" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "python").write_text("")
    assert launch_command(executable=str(bin_dir / "python"), platform="linux", frozen=False) == [
        str(bin_dir / "python"), "-m", "riskwatch"]
    (bin_dir / "riskwatch-gui").write_text("")
    assert launch_command(executable=str(bin_dir / "python"), platform="linux", frozen=False,
                          data_dir=tmp_path / "d") == [str(bin_dir / "riskwatch-gui"), "--data-dir",
                                                        str(tmp_path / "d")]
    assert launch_command(executable="/app/RiskWatch", frozen=True) == ["/app/RiskWatch"]


def test_launch_command_on_windows_never_opens_a_console(tmp_path):
    scripts = tmp_path / "Scripts"
    scripts.mkdir()
    (scripts / "python.exe").write_text("")
    (scripts / "pythonw.exe").write_text("")
    assert launch_command(executable=str(scripts / "python.exe"), platform="win32", frozen=False) == [
        str(scripts / "pythonw.exe"), "-m", "riskwatch"]
    (scripts / "riskwatch-gui.exe").write_text("")
    assert launch_command(executable=str(scripts / "python.exe"), platform="win32", frozen=False) == [
        str(scripts / "riskwatch-gui.exe")]


def test_a_data_folder_with_a_line_break_is_bad_input(tmp_path):
    with pytest.raises(InputError, match="control character"):
        launch_command(executable="/usr/bin/python3", frozen=False, data_dir="/tmp/a\nb")


def test_exec_value_leaves_plain_arguments_unquoted():
    assert exec_value(["/usr/bin/riskwatch-gui", "--demo"]) == "/usr/bin/riskwatch-gui --demo"
    assert exec_value([r"C:\x y"]) == r'"C:\\\\x y"'


class FakeKey:
    def __init__(self, reg, path):
        self.reg, self.path = reg, path

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class FakeWinreg:
    """The parts of winreg the Run key uses, over a dict; ``fail`` raises PermissionError on every write."""

    HKEY_CURRENT_USER = "HKCU"
    KEY_READ, KEY_SET_VALUE, REG_SZ = 1, 2, 1

    def __init__(self, fail: bool = False):
        self.keys: dict[tuple[str, str], dict[str, tuple[object, int]]] = {}
        self.fail = fail

    def OpenKey(self, root, path, reserved=0, access=1):
        if (root, path) not in self.keys:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return FakeKey(self, (root, path))

    def CreateKeyEx(self, root, path, reserved=0, access=2):
        if self.fail:
            raise PermissionError(5, "Access is denied")
        self.keys.setdefault((root, path), {})
        return FakeKey(self, (root, path))

    def QueryValueEx(self, key, name):
        values = self.keys[key.path]
        if name not in values:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return values[name]

    def SetValueEx(self, key, name, reserved, kind, value):
        self.keys[key.path][name] = (value, kind)

    def DeleteValue(self, key, name):
        del self.keys[key.path][name]


def test_windows_run_key_holds_the_quoted_command_and_is_removed_again():
    reg = FakeWinreg()
    run = desktop_integration("win32", home=Path("C:/Users/u"), resources=paths.resources_dir(),
                              command=[r"C:\Users\u\pipx venvs\riskwatch\Scripts\riskwatch-gui.exe"], winreg=reg)
    assert isinstance(run, WindowsRunKey) and not run.menu_supported and not run.autostart_enabled()
    assert run.install(autostart=False) == []  # no Start-menu entry from here
    [change] = run.install(autostart=True)
    assert change.location == rf"HKEY_CURRENT_USER\{RUN_KEY}\RiskWatch"
    assert reg.keys[("HKCU", RUN_KEY)] == {
        "RiskWatch": (r'"C:\Users\u\pipx venvs\riskwatch\Scripts\riskwatch-gui.exe"', FakeWinreg.REG_SZ)}
    assert run.autostart_enabled()
    assert [c.action for c in run.remove()] == ["removed"]
    assert reg.keys[("HKCU", RUN_KEY)] == {} and not run.autostart_enabled()
    assert run.remove() == []


def test_a_registry_that_refuses_is_reported_with_the_value():
    run = WindowsRunKey(command=["C:/rw.exe"], winreg=FakeWinreg(fail=True))
    with pytest.raises(DesktopIntegrationError, match=r"registry value HKEY_CURRENT_USER\\.*Run\\RiskWatch: "
                                                      r"Access is denied"):
        run.set_autostart(True)


def test_macos_launch_agent_plist_runs_the_command_at_login(tmp_path):
    agent = desktop_integration("darwin", home=tmp_path, resources=paths.resources_dir(),
                                command=["/Applications/RiskWatch.app/Contents/MacOS/RiskWatch"])
    assert isinstance(agent, MacLaunchAgent) and not agent.menu_supported
    [change] = agent.install(autostart=True)
    plist = tmp_path / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
    assert change.location == str(plist)
    assert plistlib.loads(plist.read_bytes()) == {
        "Label": APP_ID, "ProgramArguments": ["/Applications/RiskWatch.app/Contents/MacOS/RiskWatch"],
        "RunAtLoad": True, "ProcessType": "Interactive", "LimitLoadToSessionType": "Aqua"}
    assert agent.autostart_enabled()
    assert [c.action for c in agent.remove()] == ["removed"] and not plist.exists()


def test_macos_leaves_a_foreign_plist_of_the_same_name_alone(tmp_path):
    agent = MacLaunchAgent(home=tmp_path, command=["/x"])
    agent.path.parent.mkdir(parents=True)
    agent.path.write_bytes(plistlib.dumps({"Label": "someone.else"}))
    assert not agent.autostart_enabled()
    assert [c.action for c in agent.remove()] == ["kept"] and agent.path.exists()


def test_the_shipped_template_and_metainfo_are_valid_and_agree():
    import xml.etree.ElementTree as ET

    desktop = paths.resource("desktop", f"{APP_ID}.desktop")
    metainfo = paths.resource("desktop", f"{APP_ID}.metainfo.xml")
    keys = desktop_keys(desktop)
    for key in ("Name", "GenericName", "Comment", "Keywords"):
        assert keys[key] and keys[f"{key}[de]"], key
    assert keys["Categories"] == "Office;Finance;" and keys["Exec"] == "riskwatch-gui" and keys["Icon"] == APP_ID
    validate(desktop)
    root = ET.parse(metainfo).getroot()
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert root.get("type") == "desktop-application" and root.findtext("id") == APP_ID
    assert root.find("launchable").text == desktop.name
    assert {s.get(lang) for s in root.iter("summary")} == {None, "de"}
    assert {p.get(lang) for p in root.find("description").iter("p")} == {None, "de"}
    assert "riskwatch-gui" in {b.text for b in root.find("provides").iter("binary")}
    from riskwatch import __version__

    assert root.find("releases/release").get("version") == __version__
    tool = shutil.which("appstreamcli")  # apt: appstream
    if tool:
        r = subprocess.run([tool, "validate", "--no-net", str(metainfo)], capture_output=True, text=True, timeout=60)
        assert r.returncode == 0, r.stdout + r.stderr
        assert "E:" not in r.stdout and "W:" not in r.stdout, r.stdout
