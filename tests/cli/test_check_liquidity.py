"""`riskwatch check --json` reports the liquidity signals: loopback fakes only (Kraken and Binance futures);
in-process (tests/cli/inprocess.py)."""

import json

import pytest

from riskwatch.adapters.sqlite_liquidity import LiquidityHistory
from riskwatch.adapters.sqlite_store import SqliteStore
from tests.cli.inprocess import run_main
from tests.conftest import cli_env
from tests.fakes.fake_derivatives import fake_derivatives  # noqa: F401 - pytest fixture


def hold_btc(tmp_path, data_dir, quantity="0.5"):
    pos = tmp_path / "p.csv"
    pos.write_text(f"symbol,kind,quantity,cost_basis\nBTC,crypto,{quantity},60000\n", encoding="utf-8")
    assert run_main("positions", "import", str(pos), data_dir=data_dir).returncode == 0


def check(data_dir, kraken_url, **env):
    r = run_main("--exchange-api-url", kraken_url, "check", "--json", data_dir=data_dir,
                env=cli_env(RISKWATCH_EQUITY_SOURCE="csv", **env))   # no request to Yahoo from tests
    assert r.returncode in (0, 1, 2), r.stdout + r.stderr
    return json.loads(r.stdout)


def test_check_json_reports_spread_depth_slippage_peg_and_funding(tmp_path, data_dir, fake_kraken,
                                                                   fake_derivatives):  # noqa: F811
    hold_btc(tmp_path, data_dir)
    fake_kraken.set_price("USDTZUSD", 0.999)
    fake_derivatives.set_funding("BTCUSDT", 0.0003)
    doc = check(data_dir, fake_kraken.url, RISKWATCH_DERIVATIVES_API_URL=fake_derivatives.url)
    liq = doc["liquidity"]
    btc = liq["BTC"]
    assert 0 < btc["spread_bps"] < 5
    assert btc["depth_1pct_bid"] > 0 and btc["depth_1pct_ask"] > 0
    assert btc["depth_2pct"] >= btc["depth_1pct_bid"] + btc["depth_1pct_ask"]
    assert 0 < btc["slippage_exit"] < 0.01 and btc["book_too_thin"] == 0.0
    assert btc["funding_8h"] == pytest.approx(0.0003)
    assert btc["funding_annual"] == pytest.approx(0.0003 * 1095)
    assert btc["oi_change_24h"] is not None
    # no depth history yet: unavailable with its status, never a zero
    assert btc["depth_2pct_ratio"] is None
    assert btc["unavailable"]["depth_2pct_ratio"]["status"] == "missing"
    assert liq["USDT"]["peg_deviation"] == pytest.approx(0.001, abs=2e-4)
    assert liq["USDC"]["peg_deviation"] is not None and liq["USDT"]["unavailable"] == {}
    assert liq["portfolio"]["liquid_share_1d"] == pytest.approx(1.0)
    # only the loopback fakes were asked; the books of the held pair and of both stablecoins
    assert {r.params.get("pair") for r in fake_kraken.requests("Depth")} >= {"XXBTZUSD", "USDTZUSD", "USDCUSD"}
    assert fake_derivatives.requests("premiumIndex") and fake_derivatives.requests("openInterest")
    # the signals were stored: the history survives the process
    store = SqliteStore.in_dir(data_dir)
    try:
        rows = LiquidityHistory(store).load("BTC", "depth_2pct")
        assert [v for _, v in rows] == [pytest.approx(btc["depth_2pct"])]
    finally:
        store.close()


def test_without_a_derivatives_url_a_loopback_exchange_keeps_funding_unavailable(tmp_path, data_dir, fake_kraken):
    hold_btc(tmp_path, data_dir)
    doc = check(data_dir, fake_kraken.url, RISKWATCH_DERIVATIVES_API_URL="")
    btc = doc["liquidity"]["BTC"]
    assert btc["funding_8h"] is None and btc["oi_change_24h"] is None
    assert btc["unavailable"]["funding_8h"] == {"status": "missing", "detail": "not_configured"}
    assert btc["spread_bps"] > 0


def test_an_unreachable_derivatives_venue_is_unavailable_not_zero(tmp_path, data_dir, fake_kraken):
    hold_btc(tmp_path, data_dir)
    doc = check(data_dir, fake_kraken.url, RISKWATCH_DERIVATIVES_API_URL="http://127.0.0.1:9")
    btc = doc["liquidity"]["BTC"]
    assert btc["funding_8h"] is None and btc["unavailable"]["funding_8h"]["status"] == "error"
    assert btc["funding_annual"] is None


def test_offline_check_reports_no_fetched_liquidity(tmp_path, data_dir):
    hold_btc(tmp_path, data_dir)
    r = run_main("check", "--offline", "--json", data_dir=data_dir)
    doc = json.loads(r.stdout)
    assert "BTC" not in doc["liquidity"] or "spread_bps" not in doc["liquidity"]["BTC"]
    assert "USDT" not in doc["liquidity"]
