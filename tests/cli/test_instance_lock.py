"""One watching RiskWatch per data folder (adapters/instance_lock.py): real processes, a real lock file.

A second ``watch`` or desktop app on the same folder is refused with the folder and the holder's pid; the lock
dies with its holder (kill -9 included); one-shot commands such as ``check`` run beside the holder.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from riskwatch.adapters.instance_lock import LOCK_FILENAME, InstanceRunning, acquire, holder_of
from tests.cli.inprocess import run_main
from tests.conftest import ROOT, cli_env, run_cli

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="signals and fork-free holders: POSIX here")

_HOLDER = ("import sys, time\n"
           "from riskwatch.adapters.instance_lock import acquire\n"
           "lock = acquire(sys.argv[1], sys.argv[2])\n"
           "print('held', flush=True)\n"
           "sys.stdin.read()\n")


def _hold(directory, holder="watch") -> subprocess.Popen:
    """Another process holding the folder's lock until its stdin closes (or it is killed)."""
    p = subprocess.Popen([sys.executable, "-c", _HOLDER, str(directory), holder], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, text=True, env=cli_env(), cwd=str(ROOT))
    assert p.stdout.readline().strip() == "held"
    return p


def _positions(tmp_path, data_dir) -> None:
    pos = tmp_path / "p.csv"
    pos.write_text("symbol,kind,quantity\nBTC,crypto,1\n", encoding="utf-8")
    assert run_main("positions", "import", str(pos), data_dir=data_dir).returncode == 0


def test_a_second_process_is_refused_naming_the_folder_and_the_holders_pid(data_dir):
    other = _hold(data_dir)
    try:
        with pytest.raises(InstanceRunning) as refused:
            acquire(data_dir, "desktop")
        assert refused.value.pid == other.pid and refused.value.holder == "watch"
        assert refused.value.directory == data_dir and str(data_dir) in str(refused.value)
        assert holder_of(data_dir) == (other.pid, "watch")
    finally:
        other.stdin.close()
        other.wait(10)
    with acquire(data_dir, "desktop") as lock:  # free again once the holder has gone
        assert lock.held and holder_of(data_dir) == (os.getpid(), "desktop")
    assert (data_dir / LOCK_FILENAME).stat().st_mode & 0o077 == 0


def test_a_killed_holder_leaves_no_lock_behind(data_dir):
    other = _hold(data_dir)
    other.kill()  # SIGKILL: no clean-up code runs
    other.wait(10)
    other.stdin.close()
    other.stdout.close()
    assert json.loads((data_dir / LOCK_FILENAME).read_text())["pid"] == other.pid  # the stale file is still there
    lock = acquire(data_dir, "watch")
    try:
        assert holder_of(data_dir) == (os.getpid(), "watch")
    finally:
        lock.release()


@pytest.mark.subprocess
def test_watch_is_refused_while_another_watch_holds_the_folder_but_check_runs(tmp_path, data_dir):
    _positions(tmp_path, data_dir)
    env = cli_env(RISKWATCH_EQUITY_SOURCE="csv", LANG="de_DE.UTF-8")
    other = _hold(data_dir)
    try:
        r = run_cli("watch", "--offline", data_dir=data_dir, env=env, timeout=60)
        assert r.returncode == 1
        assert str(data_dir) in r.stderr and f"PID {other.pid}" in r.stderr and "riskwatch watch" in r.stderr
        assert "überwacht bereits den Datenordner" in r.stderr  # German, as the locale asks
        assert r.stdout == ""
        # one-shot commands take no lock: check evaluates beside the watcher
        checked = run_cli("check", "--offline", data_dir=data_dir, env=env, timeout=60)
        assert checked.stdout.startswith("RISKWATCH "), checked.stderr
        assert checked.returncode != 1 or "RISKWATCH WARNING" in checked.stdout
    finally:
        other.stdin.close()
        other.wait(10)


@pytest.mark.subprocess
@pytest.mark.parametrize("lang, says", [("en_US.UTF-8", "(riskwatch watch, pid {pid}) already watches the data"),
                                        ("de_DE.UTF-8", "(riskwatch watch, PID {pid}) überwacht bereits den")])
def test_the_desktop_app_is_refused_while_watch_holds_the_folder(data_dir, lang, says):
    """The dialog (closed by the smoke tests' timer) says the same as the line on stderr, in the UI language."""
    other = _hold(data_dir, "watch")
    try:
        env = cli_env(QT_QPA_PLATFORM="offscreen", RISKWATCH_EXIT_AFTER_MS="300", RISKWATCH_OFFLINE="1",
                      LANG=lang)
        r = run_cli(data_dir=data_dir, env=env, timeout=60)
        assert r.returncode == 1
        assert says.format(pid=other.pid) in r.stderr and str(data_dir) in r.stderr
        assert holder_of(data_dir) == (other.pid, "watch")
    finally:
        other.stdin.close()
        other.wait(10)


@pytest.mark.subprocess
def test_watch_is_refused_while_the_desktop_app_runs(data_dir):
    env = cli_env(QT_QPA_PLATFORM="offscreen", RISKWATCH_EXIT_AFTER_MS="60000", RISKWATCH_OFFLINE="1",
                  RISKWATCH_INPROCESS_REPORT="1")
    gui = subprocess.Popen([sys.executable, "-m", "riskwatch", "--data-dir", str(data_dir)], env=env,
                           cwd=str(ROOT), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while holder_of(data_dir) != (gui.pid, "desktop"):
            assert gui.poll() is None, gui.stderr.read()
            assert time.monotonic() < deadline, "the desktop app did not take the lock"
            time.sleep(0.1)
        r = run_cli("watch", "--offline", data_dir=data_dir, env=cli_env(LANG="C.UTF-8"), timeout=60)
        assert r.returncode == 1
        assert "the desktop app" in r.stderr and f"pid {gui.pid}" in r.stderr
    finally:
        gui.send_signal(signal.SIGTERM)
        gui.wait(30)
        gui.stderr.close()
    with acquire(data_dir, "watch"):  # the window's end freed the folder
        pass


def test_the_refusal_dialog_speaks_the_language_of_the_settings(qtbot, data_dir):
    from types import SimpleNamespace

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from riskwatch import launcher
    from riskwatch.adapters.sqlite_store import SqliteStore
    from riskwatch.options import RuntimeOptions

    store = SqliteStore.in_dir(data_dir)
    store.set_setting("language", "de")
    store.close()
    shown: list[str] = []
    QTimer.singleShot(150, lambda: shown.append(QApplication.activeModalWidget().text()))
    args = SimpleNamespace(data_dir=str(data_dir), options=RuntimeOptions({"RISKWATCH_EXIT_AFTER_MS": "600"}))
    refused = InstanceRunning(data_dir, 4242, "desktop")
    assert launcher._refuse_second_instance(QApplication.instance(), refused, args) == 1
    assert shown and shown[0].startswith("Ein anderes RiskWatch (die Desktop-App, PID 4242) überwacht bereits")
    assert str(data_dir) in shown[0]
