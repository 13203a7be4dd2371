"""The bundled market-regime data (resources/data/crypto, stablecoins, funding, baskets) read for real."""

from __future__ import annotations

import gzip
import hashlib
from datetime import date

import pandas as pd
import pytest

from riskwatch import paths
from riskwatch.adapters.bundle import bundled_source, bundled_symbols, load_bundled_closes
from riskwatch.adapters.market_bundle import (bundled_crypto_symbols, load_basket_factsheet, load_bundled_funding,
                                              load_bundled_stablecoin, load_crypto_closes)
from riskwatch.domain.errors import InputError

# Rows from 2020-01-01 (funding: all) and SHA-256 of those rows (LF-joined, final LF, header excluded),
# computed from ../shared/data when the bundle was built, so a fresh clone checks the copy without ../shared.
SOURCE_ROWS = {
    "crypto/AAVE.csv.gz": (1905, "425836ee30c7f8e6eab4681f726fdec7e338bad8f438c9ac28b2df7b8fa6215a"),
    "crypto/ADA.csv.gz": (2197, "fd0555162b22f5247d67bc7895232b5d302c11845862ddf158f91d21891a8189"),
    "crypto/ALGO.csv.gz": (2193, "fe4e459179549cdd671229e3e08230aa53dc3cba0a408d74d402fd6c1cebabb4"),
    "crypto/APT.csv.gz": (1171, "2f0099045895e57b53d8a12789ba1c2b59de3c9db5a3207815dfe87f0b7218a1"),
    "crypto/ATOM.csv.gz": (2197, "384ad91fbc2f2da684525ca815c56c7ab73b4fcd6529071b9615dc46e00690d1"),
    "crypto/AVAX.csv.gz": (1932, "e1da8fe9e1299548596795d66a8c26bfe0c9710d1fb2a48f15afc2867eb63843"),
    "crypto/BCH.csv.gz": (2197, "e993ea5dafa2521c0668c19af90e214a6e829d2c68a2a0c7d52bacb4ccc18e67"),
    "crypto/BTC.csv.gz": (2197, "d1b967248500bb6d3237ffee3d5af932fabdccdd472a1c4157e7f726101cd8ae"),
    "crypto/DOGE.csv.gz": (2197, "e47f4c005316703fad9cf4125fadee085edf1ae810eaea5e66d1d9012a9bf1c1"),
    "crypto/DOT.csv.gz": (1967, "6cf9d05302533f2dd5df7174ca3c0777222210df6f838bf07fb31289e73ed9ba"),
    "crypto/ETH.csv.gz": (2197, "c32173afa27ec71e879e06bb9f91244fbc37e1bcc3c2e6ca225a9d9021364577"),
    "crypto/FIL.csv.gz": (1905, "c77ad34dcf2b042fc70afcf5f2693d9ac9c62dc44579abded5bea512e783fa47"),
    "crypto/ICP.csv.gz": (1697, "06ac86f423eb8bdce3573777765860a1391ef3f32e288a5adf00b234676e7172"),
    "crypto/LINK.csv.gz": (2197, "5172b84c7545bfd5859d8860c4c50968d9a68031ee61ea26bebd2f5f044d1a02"),
    "crypto/LTC.csv.gz": (2197, "bb92ce3af45021353678452670aa2caca1d15720299c91af72b316a9278fd0c8"),
    "crypto/MATIC.csv.gz": (1715, "8e05359745e035db9c593f96cf3dd8f4b96c653ba54fd50d887a82272e6e5d13"),
    "crypto/NEAR.csv.gz": (1906, "36c43549246535e6a71115681eec3909d948551781d9b52d119bd6caabd97247"),
    "crypto/POL.csv.gz": (476, "02d33cf623719a5cb3869b5aa9ec76598ab6310d03d7df7751a5d50d7594c3e5"),
    "crypto/SOL.csv.gz": (1974, "a10b5609b76b6114304b20d63c1c4d3f8a32c34daf5beeb79ec72ee763b43487"),
    "crypto/UNI.csv.gz": (1937, "c630cdbcffd89a192a50846263123934f2804b65732bab6877ac7d6af10f275a"),
    "crypto/XLM.csv.gz": (2197, "5adc691212c9e59a798b5478e9c780692f4842b23719bdcf2f9af0e1be7e562f"),
    "crypto/XRP.csv.gz": (2197, "b91026a5d546882b018881e3c5bffd31e9e18ff32ba0608ba81d0c6194cfbe61"),
    "stablecoins/USDT.csv.gz": (1802, "d3baf157b555828ed110a80154db6c811ced347066f4da35368d65d02f13eeeb"),
    "stablecoins/USDC.csv.gz": (1802, "662f3b0703c03ead1db00a45f6fca423b24f959aa7689e05017203dfd2c8cf50"),
    "funding/BTC_8h.csv.gz": (7187, "3fd314257e8c6677a30989ee857e53a67455033d99860ba11926b2bbdef3963b"),
}
CRYPTO = sorted(k[len("crypto/"):-len(".csv.gz")] for k in SOURCE_ROWS if k.startswith("crypto/"))


def _utc(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


def test_the_22_crypto_symbols_are_bundled():
    assert len(CRYPTO) == 22 and bundled_crypto_symbols() == tuple(CRYPTO)


@pytest.mark.parametrize("name", sorted(SOURCE_ROWS))
def test_every_bundled_file_holds_the_source_rows_unchanged(name):
    lines = gzip.decompress(paths.resource("data", *name.split("/")).read_bytes()).decode("utf-8").split("\n")
    assert lines[-1] == "" and "\r" not in "".join(lines)
    header, rows = lines[0], lines[1:-1]
    assert header == ("funding_time_utc,funding_rate" if name.startswith("funding/")
                      else "date,open,high,low,close,volume")
    count, digest = SOURCE_ROWS[name]
    assert len(rows) == count
    assert hashlib.sha256(("\n".join(rows) + "\n").encode()).hexdigest() == digest
    # the provenance page names the same rows, so the two cannot drift apart
    assert f"| {name} |" in (sources := paths.resource("data", "MARKET_SOURCES.md").read_text(encoding="utf-8"))
    assert f"| {count} | `{digest}` |" in sources


@pytest.mark.parametrize("symbol", CRYPTO)
def test_crypto_closes_load_ascending_without_gaps_in_values(symbol):
    s = load_crypto_closes(symbol)
    assert s is not None and s.name == symbol and s.dtype == float
    if symbol != "BTC":  # BTC's bundled price is Yahoo's (below); the others come from the crypto folder
        assert bundled_source(symbol) == "binance_usdt" and load_bundled_closes(symbol).equals(s)
    assert s.index.is_monotonic_increasing and s.index.is_unique and str(s.index.tz) == "UTC"
    assert (s.index == s.index.normalize()).all() and not s.isna().any() and (s > 0).all()
    assert s.index[0] >= _utc("2020-01-01")
    assert s.equals(load_crypto_closes(symbol.lower())) and load_crypto_closes(symbol.lower()).name == symbol


def test_btc_stays_the_yahoo_history_not_the_binance_file():
    yahoo, binance = load_bundled_closes("BTC"), load_crypto_closes("BTC")
    assert bundled_source("BTC") == "yahoo" and "BTC" in bundled_symbols()
    day = _utc("2022-11-21")
    assert yahoo[day] == pytest.approx(15787.28) and binance[day] != yahoo[day]  # USD vs USDT
    assert bundled_source("IREN") == "yahoo" and bundled_source("SUI") is None and bundled_source("../BTC") is None
    assert load_bundled_closes("SUI") is None and load_crypto_closes("../crypto/BTC") is None


def test_crypto_values_are_the_source_digits():
    eth = load_crypto_closes("ETH")
    assert eth.iloc[-1] == 3224.99 and eth.index[-1] == _utc("2026-01-05")
    matic = load_crypto_closes("MATIC")
    assert matic.index[-1] == _utc("2024-09-10") and load_crypto_closes("POL").index[0] == _utc("2024-09-13")


def test_stablecoin_depegs_are_the_source_values():
    usdc, usdt = load_bundled_stablecoin("USDC"), load_bundled_stablecoin("usdt")
    assert usdc[_utc("2023-03-11")] == 0.9714999794960022  # SVB weekend; shared/data/stablecoins, exact text
    assert usdt[_utc("2022-05-12")] == 0.99760901927948     # Terra collapse
    assert usdt.name == "USDT" and usdt.index.is_monotonic_increasing and not usdt.isna().any()
    assert usdt.index[0] == _utc("2020-01-01") and usdt.index[-1] == _utc("2024-12-06")
    assert load_bundled_stablecoin("DAI") is None


def test_funding_rates_on_the_8_hour_grid():
    f = load_bundled_funding()
    assert f.dtype == float and len(f) == 7187 and f.index.is_unique and f.index.is_monotonic_increasing
    assert f[_utc("2022-11-10T00:00")] == -0.00119172   # FTX; stamped 00:00:00.006 by Binance
    assert f[_utc("2020-03-13T08:00")] == -0.003        # the cap
    assert set(f.index.hour) == {0, 8, 16} and (f.index.minute == 0).all()
    assert (f.index.to_series().diff().dropna() == pd.Timedelta(hours=8)).all()


def test_the_coindesk_20_factsheet():
    as_of, members = load_basket_factsheet()
    assert as_of == date(2025, 3, 31) and len(members) == 20
    assert round(sum(w for _, _, w in members), 6) == 100.02
    tickers = {t: (name, w) for t, name, w in members}
    assert tickers["AAVE"] == ("Aave", 0.40) and "AVE" not in tickers
    assert tickers["BTC"] == ("Bitcoin", 36.80)
    # every constituent but SUI and HBAR has a bundled price file
    assert set(tickers) - set(bundled_crypto_symbols()) == {"SUI", "HBAR"}


def _basket(tmp_path, text: str, name: str = "basket.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_minimal_basket_with_german_commas(tmp_path):
    as_of, members = load_basket_factsheet(_basket(tmp_path, "ticker;weight_pct\nbtc;36,80\nETH;63,2\n"))
    assert as_of is None and members == [("BTC", "BTC", 36.8), ("ETH", "ETH", 63.2)]
    _, quoted = load_basket_factsheet(_basket(tmp_path, 'ticker,weight_pct\nBTC,"36,80"\nAVE,1.5\n', "q.csv"))
    assert quoted == [("BTC", "BTC", 36.8), ("AAVE", "AAVE", 1.5)]


@pytest.mark.parametrize("text,line,field,expected", [
    ("ticker,weight_pct\nBTC,50\nETH,-3\n", 3, "weight_pct", "positive percentage"),
    ("ticker,weight_pct\nBTC,fifty\n", 2, "weight_pct", "not a number"),
    ("ticker,weight_pct\nBTC,0\n", 2, "weight_pct", "positive percentage"),
    ("ticker,weight_pct\nBTC,150\n", 2, "weight_pct", "at most 100"),
    ("ticker,weight_pct\nBTC,50\nETH,20\nbtc,30\n", 4, "ticker", "listed twice (first on line 2)"),
    ("ticker,weight_pct\nAVE,50\nAAVE,50\n", 3, "ticker", "AAVE is listed twice"),
    ("ticker,weight_pct\nBTC/USD,50\n", 2, "ticker", "1 to 10 letters or digits"),
    ("", 1, "ticker", "the file is empty"),
    ("ticker,weight_pct\n", 2, "ticker", "at least one row"),
    ("symbol,weight_pct\nBTC,50\n", 1, "ticker", "column missing"),
    ("as_of,ticker,weight_pct\n2025-03-31,BTC,50\n2025-04-30,ETH,50\n", 3, "as_of", "same date"),
    ("as_of,ticker,weight_pct\n31.03.2025,BTC,50\n", 2, "as_of", "a date like 2025-03-31"),
])
def test_a_bad_basket_names_file_line_and_field(tmp_path, text, line, field, expected):
    path = _basket(tmp_path, text)
    with pytest.raises(InputError) as info:
        load_basket_factsheet(path)
    message = str(info.value)
    assert str(path) in message and f"line {line}" in message and f"field '{field}'" in message
    assert expected in message
    assert any(p.line == line and p.field == field for p in info.value.problems)


def test_every_bad_line_is_listed_at_once(tmp_path):
    with pytest.raises(InputError) as info:
        load_basket_factsheet(_basket(tmp_path, "ticker,weight_pct\nBTC,-1\nETH,x\nSOL,10\nSOL,10\n"))
    assert [(p.line, p.field) for p in info.value.problems] == [(2, "weight_pct"), (3, "weight_pct"),
                                                                (5, "ticker")]


def test_a_missing_basket_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        load_basket_factsheet(tmp_path / "nope.csv")
