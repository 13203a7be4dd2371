"""The desktop app quits cleanly on SIGINT/SIGTERM, and leaves no child process behind, even on SIGKILL."""

import os
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import cli_env

pytestmark = pytest.mark.subprocess


def _children(pid: int) -> list[int]:
    """Live (non-zombie) processes whose parent is ``pid``, and their children."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(") ", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(entry))
    return found + [g for c in found for g in _children(c)]


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(") ", 1)[1][0] != "Z"
    except OSError:
        return False


def _start(data_dir):
    env = cli_env(QT_QPA_PLATFORM="offscreen", RISKWATCH_OFFLINE="1", RISKWATCH_EQUITY_SOURCE="csv")
    proc = subprocess.Popen([sys.executable, "-m", "riskwatch", "--data-dir", str(data_dir)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        kids = _children(proc.pid)
        if any(_is_worker(k) for k in kids):
            return proc, kids
        time.sleep(0.05)
    proc.kill()
    raise AssertionError(f"the report worker never started: {proc.stderr.read()}")


def _is_worker(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return b"spawn_main" in fh.read()
    except OSError:
        return False


def _wait_gone(pids, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and any(_alive(p) for p in pids):
        time.sleep(0.02)
    return [p for p in pids if _alive(p)]


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_quit_signal_closes_the_app_cleanly(data_dir, sig):
    proc, kids = _start(data_dir)
    proc.send_signal(sig)
    try:
        code = proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise AssertionError(f"{sig.name} did not quit the app within 10 s") from None
    stderr = proc.stderr.read()
    assert code == 0, stderr
    assert "Traceback" not in stderr
    assert _wait_gone(kids, 5) == []


def test_no_child_outlives_a_killed_app(data_dir):
    proc, kids = _start(data_dir)
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    left = _wait_gone(kids, 5)
    for pid in left:  # do not leak them into the rest of the run
        os.kill(pid, signal.SIGKILL)
    assert left == [], "child processes outlived the killed app by more than 5 s"
