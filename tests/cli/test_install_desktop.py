"""`riskwatch install-desktop`: the menu entry, icons and autostart file for real under tmp XDG folders."""

from __future__ import annotations

import configparser
import sys
from pathlib import Path
from types import SimpleNamespace

from riskwatch import app
from riskwatch.commands import install_desktop
from tests.adapters.test_desktop_entry import FakeWinreg, validate
from tests.cli.inprocess import run_main
from tests.conftest import cli_env

APP_ID = "io.github.riskwatch.RiskWatch"


def env_for(tmp_path: Path, **extra: str) -> dict[str, str]:
    return cli_env(XDG_DATA_HOME=str(tmp_path / "share"), XDG_CONFIG_HOME=str(tmp_path / "config"), **extra)


def files(tmp_path: Path) -> set[Path]:
    return {p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file()}


def exec_of(path: Path) -> str:
    parser = configparser.RawConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]["Exec"]


def test_install_then_remove_leaves_the_folders_as_they_were(tmp_path, data_dir):
    r = run_main("install-desktop", "--autostart", data_dir=data_dir, env=env_for(tmp_path))
    assert r.returncode == 0, r.stderr
    entry = tmp_path / "share" / "applications" / f"{APP_ID}.desktop"
    autostart = tmp_path / "config" / "autostart" / f"{APP_ID}.desktop"
    assert f"Added RiskWatch to the application menu: {entry}" in r.stdout
    assert f"RiskWatch starts at login: {autostart}" in r.stdout
    # the interpreter that ran the command (no riskwatch-gui beside it in the test venv, or else that script)
    # and the explicit data folder, so the entry starts this installation on this data
    command = exec_of(entry)
    assert command.startswith(str(Path(sys.executable).parent)) and command.endswith(f"--data-dir {data_dir}")
    assert exec_of(autostart) == command
    assert len(files(tmp_path / "share")) == 9 + 1 + 1 and len(files(tmp_path / "config")) == 1
    validate(entry)
    validate(autostart)

    r = run_main("install-desktop", "--remove", "--autostart", env=env_for(tmp_path))
    assert r.returncode == 0 and "no longer starts at login" in r.stdout and entry.is_file()
    r = run_main("install-desktop", "--remove", env=env_for(tmp_path))
    assert r.returncode == 0 and f"Removed the menu entry {entry}" in r.stdout
    assert files(tmp_path) == set()  # nothing of ours is left (the data folder is still empty)
    r = run_main("install-desktop", "--remove", env=env_for(tmp_path))
    assert r.returncode == 0 and r.stdout.startswith("Nothing to remove")


def test_messages_are_german_in_a_german_locale(tmp_path):
    r = run_main("install-desktop", env=env_for(tmp_path, LANG="de_DE.UTF-8"))
    assert r.returncode == 0, r.stderr
    assert "Zum Anwendungsmenü hinzugefügt" in r.stdout and "Startet:" in r.stdout


def test_a_folder_that_cannot_be_written_is_named_with_exit_code_1(tmp_path):
    (tmp_path / "share").mkdir()
    (tmp_path / "share" / "applications").write_text("a file, not a folder")
    r = run_main("install-desktop", env=env_for(tmp_path))
    assert r.returncode == 1 and r.stdout == ""
    assert r.stderr.startswith(f"riskwatch: could not create the folder {tmp_path / 'share' / 'applications'}: ")
    assert r.stderr.rstrip().endswith("Nothing was changed.")
    assert files(tmp_path / "share") == {Path("applications")}  # the icons written first were taken back


def test_bad_input_exits_with_2(tmp_path):
    r = run_main("install-desktop", "--autostrat", env=env_for(tmp_path))
    assert r.returncode == 2 and "unrecognized arguments: --autostrat" in r.stderr
    r = run_main("--data-dir", "/tmp/line\nbreak", "install-desktop", env=env_for(tmp_path))
    assert r.returncode == 2 and "control character" in r.stderr and r.stdout == ""
    assert files(tmp_path) == set()


def test_windows_without_autostart_is_refused_and_with_it_writes_the_run_key(tmp_path, capsys):
    reg = FakeWinreg()
    args = SimpleNamespace(data_dir=None, options=None, remove=False, autostart=False)
    integration = app.build_desktop_integration(args, platform="win32", winreg=reg)
    assert install_desktop.run(args, integration=integration) == 2
    assert "only sets the start at login: add --autostart" in capsys.readouterr().err and reg.keys == {}
    args.autostart = True
    assert install_desktop.run(args, integration=integration) == 0
    [(value, _kind)] = reg.keys[("HKCU", r"Software\Microsoft\Windows\CurrentVersion\Run")].values()
    assert "-m riskwatch" in value or "riskwatch-gui" in value
    assert "RiskWatch starts at login: HKEY_CURRENT_USER" in capsys.readouterr().out
