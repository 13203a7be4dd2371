"""The yfinance adapter at its boundary (a fake of ``yf.download``) and the offline store-backed feed."""

from __future__ import annotations

import math
import warnings
from datetime import UTC, datetime

import numpy as np
import pandas as pd
import pytest

from riskwatch.adapters.equity_feed import CsvEquityFeed, YFinanceEquityFeed
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.domain.errors import DataUnavailable, RateLimited
from riskwatch.domain.model import Bar, Timeframe
from riskwatch.domain.validation import UsEquityCalendar


def _daily(closes, start="2026-03-02"):
    idx = pd.DatetimeIndex(pd.bdate_range(start, periods=len(closes)), name="Date")
    c = np.array(closes, dtype=float)
    return pd.DataFrame({"Open": c * 0.99, "High": c * 1.02, "Low": c * 0.97, "Close": c,
                         "Volume": np.full(len(c), 1e6)}, index=idx)


def _minutes(closes, start="2026-03-13 15:50"):
    idx = pd.date_range(start, periods=len(closes), freq="1min", tz="America/New_York", name="Datetime")
    c = np.array(closes, dtype=float)
    return pd.DataFrame({"Open": c, "High": c, "Low": c, "Close": c, "Volume": np.full(len(c), 100.0)}, index=idx)


class FakeYf:
    """Stands in for the yfinance module: only ``download`` is used, shaped like yfinance 1.x output."""

    class YFRateLimitError(Exception):
        pass

    def __init__(self, daily=None, intraday=None, error: Exception | None = None):
        self.daily = daily or {}
        self.intraday = intraday or {}
        self.error = error
        self.calls: list[tuple[tuple[str, ...], dict]] = []

    def download(self, tickers, **kw):
        self.calls.append((tuple(tickers), kw))
        warnings.warn("pandas 3.1 says hello", DeprecationWarning, stacklevel=2)
        if self.error is not None:
            raise self.error
        data = self.intraday if kw.get("interval") == "1m" else self.daily
        frames = {t: data[t] for t in tickers if t in data}
        if not frames:
            return pd.DataFrame()                       # what yfinance returns offline
        index = sorted(set().union(*(f.index for f in frames.values())))
        cols = ["Open", "High", "Low", "Close", "Volume"]
        parts = {t: (frames[t] if t in frames else pd.DataFrame(np.nan, index=index, columns=cols)).reindex(index)
                 for t in tickers}
        out = pd.concat(parts.values(), axis=1, keys=parts.keys(), names=["Ticker", "Price"])
        if kw.get("group_by") != "ticker":
            out.columns = out.columns.swaplevel(0, 1)
        return out


def test_quotes_are_the_last_minute_bar_batched_in_one_call():
    yf = FakeYf(intraday={"MARA": _minutes([12.0, 12.1, 12.2]), "RIOT": _minutes([9.0, 9.5, float("nan")])})
    feed = YFinanceEquityFeed(yf)
    with warnings.catch_warnings():
        warnings.simplefilter("error")                 # nothing leaks out of the adapter
        quotes = feed.fetch_quotes(["MARA", "RIOT", "NOPE"])
    assert len(yf.calls) == 1 and set(yf.calls[0][0]) == {"MARA", "RIOT", "NOPE"}
    assert yf.calls[0][1]["interval"] == "1m" and yf.calls[0][1]["progress"] is False
    assert quotes["MARA"].price == 12.2 and quotes["MARA"].source == "yfinance"
    assert quotes["MARA"].ts == datetime(2026, 3, 13, 19, 52, tzinfo=UTC)     # 15:52 New York (EDT)
    assert quotes["RIOT"].price == 9.5                                       # the trailing empty row is skipped
    assert "NOPE" not in quotes
    assert feed.rejections.total() == 0


def test_bad_closes_are_rejected_and_counted():
    yf = FakeYf(intraday={"MARA": _minutes([12.0, 0.0]), "RIOT": _minutes([-1.0])})
    feed = YFinanceEquityFeed(yf)
    quotes = feed.fetch_quotes(["MARA", "RIOT"])
    assert quotes["MARA"].price == 12.0
    assert "RIOT" not in quotes
    assert feed.rejections.snapshot() == {("yfinance", "MARA", "zero"): 1, ("yfinance", "RIOT", "negative"): 1}


def test_an_empty_answer_is_unavailable_never_a_price():
    feed = YFinanceEquityFeed(FakeYf())
    with pytest.raises(DataUnavailable) as info:
        feed.fetch_quotes(["MARA"])
    assert info.value.code == "empty"
    with pytest.raises(DataUnavailable):
        feed.fetch_history(["MARA"], None)


def test_library_errors_become_domain_errors():
    with pytest.raises(DataUnavailable) as info:
        YFinanceEquityFeed(FakeYf(error=ConnectionError("no route"))).fetch_quotes(["MARA"])
    assert info.value.code == "unavailable"
    with pytest.raises(RateLimited):
        YFinanceEquityFeed(FakeYf(error=FakeYf.YFRateLimitError("slow down"))).fetch_quotes(["MARA"])


def test_history_is_daily_bars_at_midnight_utc():
    yf = FakeYf(daily={"MARA": _daily([10, 11, float("nan"), 12]), "CLSK": _daily([5, 6])})
    feed = YFinanceEquityFeed(yf)
    hist = feed.fetch_history(["MARA", "CLSK"], datetime(2026, 3, 1, tzinfo=UTC))
    assert yf.calls[0][1]["start"] == "2026-03-01" and yf.calls[0][1]["interval"] == "1d"
    assert yf.calls[0][1]["auto_adjust"] is True
    mara = hist["MARA"]
    assert [b.close for b in mara] == [10, 11, 12]
    assert mara[0].ts == datetime(2026, 3, 2, tzinfo=UTC) and mara[0].timeframe is Timeframe.D1
    assert math.isclose(mara[0].high, 10.2) and mara[0].source == "yfinance"
    assert len(hist["CLSK"]) == 2


def test_flat_single_ticker_frames_are_understood():
    frame = _daily([10, 11])

    class Flat(FakeYf):
        def download(self, tickers, **kw):
            return frame

    assert [b.close for b in YFinanceEquityFeed(Flat()).fetch_history(["MARA"], None)["MARA"]] == [10, 11]


def test_csv_feed_serves_the_stored_history_offline(tmp_path):
    store = SqliteStore(tmp_path / "s.sqlite3")
    store.upsert_bars([Bar("MARA", datetime(2026, 3, 12, tzinfo=UTC), 11.0, source="import"),
                       Bar("MARA", datetime(2026, 3, 13, tzinfo=UTC), 12.0, source="import")])

    class Clock:
        def now(self):
            return datetime(2026, 3, 14, 12, tzinfo=UTC)

    feed = CsvEquityFeed(store, clock=Clock())
    assert feed.offline is True
    q = feed.fetch_quotes(["MARA", "NONE"])
    assert list(q) == ["MARA"]
    assert q["MARA"].price == 12.0 and q["MARA"].source == "import:history"
    assert q["MARA"].ts == UsEquityCalendar().session(datetime(2026, 3, 13).date())[1]   # Friday's close
    assert [b.close for b in feed.fetch_history(["MARA"], None)["MARA"]] == [11.0, 12.0]
    store.close()
