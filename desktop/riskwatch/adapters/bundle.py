"""Bundled daily history (resources/data/history/SYMBOL.csv.gz), the offline source of last resort.

A symbol without a history file falls back to the crypto basket's Binance USDT closes (market_bundle).

The monitor uses it only for a symbol the store has no bars of its own for: it never overrides or extends
prices that were imported, fetched or cached.
"""

from __future__ import annotations

import gzip
import io
from functools import lru_cache

from riskwatch import paths
from riskwatch.adapters import market_bundle


def history_dir():
    return paths.resource("data", "history")


def _bundled_files() -> dict[str, object]:
    """Symbol -> file, from the folder's listing: a symbol is looked up, never joined into a path."""
    return {p.name[: -len(".csv.gz")].upper(): p for p in history_dir().glob("*.csv.gz")}


def bundled_symbols() -> tuple[str, ...]:
    return tuple(sorted(_bundled_files()))


@lru_cache(maxsize=32)
def _frame(symbol: str):
    path = _bundled_files().get(symbol.upper())
    if path is None or not path.is_file():
        return None
    import pandas as pd  # only when bundled history is actually needed

    text = gzip.decompress(path.read_bytes()).decode("utf-8")
    df = pd.read_csv(io.StringIO(text))
    df.index = pd.DatetimeIndex(pd.to_datetime(df.pop("date"), format="%Y-%m-%d")).tz_localize("UTC")
    return df


@lru_cache(maxsize=64)  # one Series per symbol (read-only for callers): the cycle asks for it every 15 s
def load_bundled_closes(symbol: str):
    """Daily closes of ``symbol``: the history file (Yahoo, USD) when there is one, else the crypto
    basket's (Binance, USDT: see :func:`bundled_source`), else None."""
    df = _frame(symbol)
    if df is None:
        return market_bundle.load_crypto_closes(symbol)
    return df["close"].astype(float).rename(symbol.upper())


def bundled_source(symbol: str) -> str | None:
    """Where load_bundled_closes(symbol) comes from: "yahoo" (history/, USD), "binance_usdt" (crypto/,
    quoted in USDT, not USD) or None."""
    if symbol.upper() in _bundled_files():
        return "yahoo"
    return "binance_usdt" if symbol.upper() in market_bundle.bundled_crypto_symbols() else None
