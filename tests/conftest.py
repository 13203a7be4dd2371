"""Shared test setup: offscreen Qt, an isolated home/data directory, helpers to run the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

pytest_plugins = ["tests.fakes.fake_kraken"]

ROOT = Path(__file__).resolve().parents[1]
#: Real price history the tests use, copied into the repository (provenance in its SOURCES.md), so that a
#: fresh clone runs every test and none skips for want of ../shared.
HISTORY = ROOT / "tests" / "data" / "history"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never touch the developer's real settings or data: one throw-away home for the whole session.
_SESSION_HOME = tempfile.mkdtemp(prefix="riskwatch-test-home-")
os.environ["XDG_CONFIG_HOME"] = str(Path(_SESSION_HOME) / "config")
os.environ["XDG_DATA_HOME"] = str(Path(_SESSION_HOME) / "data")
os.environ.pop("RISKWATCH_DATA_DIR", None)
os.environ.setdefault("PYTHONWARNINGS", "ignore::DeprecationWarning")
if "PYTHON_KEYRING_BACKEND" not in os.environ:
    os.environ["PYTHON_KEYRING_BACKEND"] = "tests.fakes.memory_keyring.MemoryKeyring"


def shared_data(name: str) -> Path:
    """A file of tests/data/history by its name in the shared data set (e.g. ``ohlcv_to_2024/x.csv``)."""
    return HISTORY / Path(name).name


@pytest.fixture
def data_dir(tmp_path) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    return d


def cli_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "desktop"), str(ROOT), env.get("PYTHONPATH", "")]).rstrip(
        os.pathsep)
    env.setdefault("LANG", "C.UTF-8")
    env.pop("LC_ALL", None)
    env.update(extra)
    return env


def run_cli(*args: str, data_dir: Path | None = None, input: str | None = None, env: dict | None = None,
            timeout: float = 120) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "riskwatch"]
    if data_dir is not None:
        cmd += ["--data-dir", str(data_dir)]
    cmd += list(args)
    return subprocess.run(cmd, capture_output=True, text=True, input=input, env=env or cli_env(),
                          timeout=timeout, cwd=str(ROOT))


@pytest.fixture(autouse=True)
def _collect_qt_garbage_on_the_gui_thread(request):
    """GUI tests: collect reference cycles on the GUI thread after each test.

    Without this, Python's cyclic GC may run on a background thread (the loop thread allocates too) and
    destroy a Qt wrapper there while the GUI thread processes that object's events.
    """
    yield
    if "/gui/" in str(getattr(request.node, "path", "")):
        import gc

        gc.collect()
        _reset_language()


def _reset_language() -> None:
    """A test that opened a German window leaves its translator installed: back to English for the next."""
    from PySide6.QtCore import QLocale, QTranslator
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
