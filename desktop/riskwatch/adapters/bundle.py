"""Bundled daily history (resources/data/history/SYMBOL.csv.gz), the offline source of last resort.

The monitor uses it only for a symbol the store has no bars of its own for: it never overrides or extends
prices that were imported, fetched or cached.
"""

from __future__ import annotations

import gzip
import io
from functools import lru_cache

from riskwatch import paths


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


def load_bundled_closes(symbol: str):
    df = _frame(symbol)
    return None if df is None else df["close"].astype(float).rename(symbol.upper())
