"""resources/ is found in a built wheel, not only in the editable checkout."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_contains_resources_and_runs(tmp_path):
    dist = tmp_path / "dist"
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                        "-w", str(dist), str(ROOT)], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    [wheel] = dist.glob("riskwatch-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("riskwatch/resources/README.md", "riskwatch/resources/translations/riskwatch_de.qm",
                   "riskwatch/resources/data/example_portfolio.csv", "riskwatch/cli.py",
                   "riskwatch/resources/data/history/BTC.csv.gz",
                   # the market-regime bundle (tools/build_market_bundle.py)
                   "riskwatch/resources/data/MARKET_SOURCES.md", "riskwatch/resources/data/crypto/ETH.csv.gz",
                   "riskwatch/resources/data/stablecoins/USDT.csv.gz",
                   "riskwatch/resources/data/stablecoins/USDC.csv.gz",
                   "riskwatch/resources/data/funding/BTC_8h.csv.gz",
                   "riskwatch/resources/data/baskets/cd20_2025-03-31.csv"):
        assert needed in names, f"{needed} missing from {wheel.name}"
    crypto = {n for n in names if n.startswith("riskwatch/resources/data/crypto/") and n.endswith(".csv.gz")}
    assert len(crypto) == 22, sorted(crypto)
    target = tmp_path / "site"
    r = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
                        str(wheel)], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    # Run from the installed copy only: the wheel's package must shadow the editable checkout.
    env = dict(os.environ, PYTHONPATH=str(target))
    code = ("import riskwatch, riskwatch.paths as p, sys; "
            "assert riskwatch.__file__.startswith(sys.argv[1]), riskwatch.__file__; "
            "r = p.resources_dir(); assert str(r).startswith(sys.argv[1]), r; "
            "print(p.resource('data', 'example_portfolio.csv').read_text().splitlines()[1]); "
            "from riskwatch.adapters import market_bundle as m; "
            "assert len(m.bundled_crypto_symbols()) == 22 and m.load_basket_factsheet()[1][0][0] == 'BTC'; "
            "assert str(m.load_bundled_funding().index[0]) == '2019-09-10 08:00:00+00:00'")
    r = subprocess.run([sys.executable, "-c", code, str(target)], capture_output=True, text=True, env=env,
                       cwd=tmp_path, timeout=120)
    assert r.returncode == 0, r.stderr[-3000:]
    assert r.stdout.startswith("BTC,crypto")
    r = subprocess.run([sys.executable, "-m", "riskwatch", "--version"], capture_output=True, text=True, env=env,
                       cwd=tmp_path, timeout=120)
    assert r.returncode == 0 and r.stdout.startswith("RiskWatch "), r.stderr
