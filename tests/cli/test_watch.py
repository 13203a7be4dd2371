"""`riskwatch watch`: the monitor without a window, in a real process, against the loopback Kraken fake and a
loopback webhook; SIGTERM/SIGINT end it within 5 s; ``--once`` is ``check``."""

from __future__ import annotations

import queue
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest

from riskwatch.adapters.instance_lock import acquire
from riskwatch.adapters.sqlite_store import SqliteStore
from tests.cli.inprocess import run_main
from tests.conftest import ROOT, cli_env
from tests.fakes.push_server import PushServer

DAY = 86400
HIGH, LOW = 60_000.0, 40_000.0   # BTC a third below its 30-day high: the default rules fire

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def _positions(tmp_path, data_dir, refresh_s: int = 5) -> None:
    pos = tmp_path / "p.csv"
    pos.write_text("symbol,kind,quantity,cost_basis\nBTC,crypto,1,30000\n", encoding="utf-8")
    assert run_main("positions", "import", str(pos), data_dir=data_dir).returncode == 0
    store = SqliteStore.in_dir(data_dir)
    store.set_setting("refresh_interval_s", str(refresh_s))
    store.close()


class _Watch:
    """``riskwatch watch`` in a subprocess; its stdout lines are read on a thread as they come."""

    def __init__(self, data_dir, *args: str, env: dict):
        self.proc = subprocess.Popen([sys.executable, "-m", "riskwatch", "--data-dir", str(data_dir), *args,
                                      "watch"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                     env=env, cwd=str(ROOT))
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, text: str, timeout: float = 60.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            assert left > 0 and self.proc.poll() is None or not self.lines.empty(), (
                f"no line with {text!r}; seen {self.seen}; stderr: {self._stderr()}")
            try:
                line = self.lines.get(timeout=min(max(left, 0.01), 0.5))
            except queue.Empty:
                continue
            self.seen.append(line)
            if text in line:
                return line

    def stop(self, sig=signal.SIGTERM) -> tuple[int, float]:
        started = time.monotonic()
        self.proc.send_signal(sig)
        code = self.proc.wait(30)
        return code, time.monotonic() - started

    def all_lines(self) -> list[str]:
        """Every stdout line, once the process has ended."""
        self._reader.join(10)
        while not self.lines.empty():
            self.seen.append(self.lines.get())
        return self.seen

    def _stderr(self) -> str:
        return self.proc.stderr.read() if self.proc.poll() is not None else "(running)"

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)


@posix_only
@pytest.mark.subprocess
def test_watch_runs_cycles_delivers_through_a_channel_and_stops_on_sigterm(tmp_path, data_dir, fake_kraken):
    today = int(time.time()) // DAY * DAY
    fake_kraken.set_daily_bars("XXBTZUSD", [(today - i * DAY, c, c * 1.001, c * 0.999, c, 50.0)
                                            for i in range(500, -1, -1) for c in [HIGH if i > 10 else LOW]])
    _positions(tmp_path, data_dir)
    with PushServer() as push:
        assert run_main("channels", "add", "webhook", push.url("/hook"), "--name", "hook",
                        data_dir=data_dir).returncode == 0
        watch = _Watch(data_dir, "--exchange-api-url", fake_kraken.url,
                       env=cli_env(RISKWATCH_EQUITY_SOURCE="csv", LANG="C.UTF-8"))
        try:
            assert "every 5 s with 1 remote channel(s)" in watch.wait_for("is watching the data folder")
            first = watch.wait_for("active alert(s)")
            assert " 0 new alert event(s)" not in first, watch.seen
            assert fake_kraken.requests("Ticker"), "the cycle did not ask the exchange"
            posts = push.wait_for(1, timeout=10, path="/hook")
            assert posts, "the alert did not reach the webhook"
            doc = posts[0].json()
            assert doc["event"]["member"] == "BTC" and doc["severity"] in ("warning", "critical")
            assert doc["data_as_of"]
            # the next cycle comes a refresh interval later and fires nothing new
            assert " 0 new alert event(s)" in watch.wait_for("active alert(s)", timeout=30)
            code, took = watch.stop(signal.SIGTERM)
        finally:
            watch.kill()
        assert code == 0, watch._stderr()
        assert took < 5.0
        assert watch.all_lines()[-1] == "RiskWatch stopped watching."
        ids = [post.json()["event"]["id"] for post in push.posts_to("/hook")]
        assert ids and len(ids) == len(set(ids)), ids  # each event once
    log = (data_dir / "riskwatch.log").read_text(encoding="utf-8")
    assert "watch started" in log and "cycle:" in log and "watch stopped" in log
    with acquire(data_dir, "watch"):  # the lock went with the process
        pass


def _silent_server() -> socket.socket:
    """A TCP port that accepts connections (the kernel's backlog) and never answers."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(64)
    return s


@posix_only
@pytest.mark.subprocess
def test_sigint_cancels_a_hanging_cycle_and_exits_within_5_seconds(tmp_path, data_dir):
    _positions(tmp_path, data_dir)
    silent = _silent_server()
    try:
        url = f"http://127.0.0.1:{silent.getsockname()[1]}"
        watch = _Watch(data_dir, "--exchange-api-url", url, env=cli_env(RISKWATCH_EQUITY_SOURCE="csv"))
        try:
            watch.wait_for("is watching the data folder")
            time.sleep(1.5)  # the first cycle is waiting for the exchange now
            code, took = watch.stop(signal.SIGINT)
        finally:
            watch.kill()
        assert code == 0, watch._stderr()
        assert took < 5.0
    finally:
        silent.close()


def _untimed(text: str) -> str:
    """The output without the price ages in seconds (the two runs are some milliseconds apart)."""
    return re.sub(r"_age=[0-9.]+s", "_age=…s", text)


def test_watch_once_equals_check(tmp_path):
    """Same output, same exit code; and like check it takes no lock (it runs beside a watcher)."""
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    _positions(tmp_path, first)
    shutil.copytree(first, second)  # two identical stores: each run fires the same first events
    env = cli_env(RISKWATCH_EQUITY_SOURCE="csv")
    with acquire(second, "watch"):
        checked = run_main("check", "--offline", data_dir=first, env=env)
        once = run_main("watch", "--once", "--offline", data_dir=second, env=env)
    assert checked.stdout.startswith("RISKWATCH ")
    assert (once.returncode, _untimed(once.stdout), once.stderr) == (
        checked.returncode, _untimed(checked.stdout), checked.stderr)
    as_json = run_main("watch", "--once", "--offline", "--json", data_dir=second, env=env)
    assert as_json.stdout.lstrip().startswith("{") and '"exit_code"' in as_json.stdout


def test_json_without_once_is_a_usage_error(data_dir):
    r = run_main("watch", "--json", data_dir=data_dir)
    assert r.returncode == 2 and "--json works only with --once" in r.stderr and r.stdout == ""
