"""`riskwatch` / `python -m riskwatch` start the window; only the desktop app seeds the example portfolio."""

import json

import pytest

from tests.cli.inprocess import run_main
from tests.conftest import cli_env, run_cli


@pytest.mark.subprocess
def test_desktop_start_opens_the_window_and_seeds_the_example(data_dir):
    env = cli_env(QT_QPA_PLATFORM="offscreen", RISKWATCH_EXIT_AFTER_MS="300")
    r = run_cli(data_dir=data_dir, env=env)
    assert r.returncode == 0, r.stderr
    listing = json.loads(run_main("positions", "list", "--json", data_dir=data_dir).stdout)
    assert [p["symbol"] for p in listing["positions"]] == ["BTC", "IREN", "WULF", "CORZ", "CLSK", "BITF"]
    assert (data_dir / "riskwatch.log").exists()
    # a second start does not seed twice (the risk report on the loop thread: no worker to wait for)
    assert run_cli(data_dir=data_dir, env=dict(env, RISKWATCH_INPROCESS_REPORT="1")).returncode == 0
    again = json.loads(run_main("positions", "list", "--json", data_dir=data_dir).stdout)
    assert len(again["positions"]) == 6


def test_bad_arguments_exit_2():
    r = run_main("positions", "frobnicate")
    assert r.returncode == 2 and "invalid choice" in r.stderr


@pytest.mark.subprocess
def test_building_the_window_imports_no_heavy_module(data_dir):
    """Cold start: pandas, numpy, pyqtgraph, ccxt and yfinance are imported after the first paint (on the
    loop thread, or when a tab needs them), never while the window is built."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from riskwatch import app as rw\n"
        f"store = rw.open_store(data_dir={str(data_dir)!r})\n"
        "w = rw.create_main_window(store, language='de')\n"
        "w.show(); app.processEvents()\n"
        "print(','.join(m for m in ('pandas', 'numpy', 'pyqtgraph', 'ccxt', 'yfinance') if m in sys.modules))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                       env=cli_env(QT_QPA_PLATFORM="offscreen"))
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == ""
