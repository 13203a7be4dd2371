"""Static checks that run with the test command: import-linter layer contracts and ruff."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _tool(name: str) -> str:
    exe = Path(sys.executable).parent / name
    found = str(exe) if exe.exists() else shutil.which(name)
    if not found:
        pytest.fail(f"{name} is not installed; install the test extra: pip install -e '.[test]'")
    return found


def test_import_contracts_are_kept():
    r = subprocess.run([_tool("lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout[-4000:] + r.stderr[-2000:]
    assert "broken" not in r.stdout.split("Contracts:")[-1].replace("0 broken", "")


def test_ruff_is_clean():
    r = subprocess.run([_tool("ruff"), "check", "desktop", "tests", "tools"], cwd=ROOT, capture_output=True,
                       text=True, timeout=300)
    assert r.returncode == 0, r.stdout[-4000:] + r.stderr[-2000:]


def test_domain_has_no_forbidden_imports_even_lazily():
    """import-linter sees only module-level and function-level imports it can parse; grep as a backstop."""
    bad = ("PySide6", "ccxt", "yfinance", "keyring", "sqlite3", "pyqtgraph")
    for path in (ROOT / "desktop" / "riskwatch" / "domain").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for name in bad:
            assert f"import {name}" not in text and f"from {name}" not in text, f"{path} imports {name}"
