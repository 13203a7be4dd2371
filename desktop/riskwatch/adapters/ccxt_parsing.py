"""Turning ccxt answers into validated domain objects: tickers into quotes, OHLCV pages into bars, raw order
books into the validated :class:`~riskwatch.domain.order_book.OrderBook`.

A 200 answer with malformed JSON makes ccxt return None fields and empty lists, so every value is checked
here; what is rejected raises (or is counted in a :class:`RejectionCounter`) with a stable reason code.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from riskwatch.adapters.ccxt_exchanges import raw_last_price
from riskwatch.domain.model import Bar, Quote, Timeframe, normalize_symbol
from riskwatch.domain.order_book import OrderBook, clean_levels
from riskwatch.domain.validation import (
    RejectedValue,
    RejectionCounter,
    check_price,
    optional_amount,
    optional_price,
    price_problem,
    raw_price_problem,
)


def _good(x: Any) -> bool:
    """Fast check of a price ccxt parsed: a positive finite int or float (NaN fails the comparison)."""
    return type(x) in (float, int) and 0 < x < math.inf


def _make_trusted_bar() -> Callable[..., Bar]:
    """A Bar constructor for values already checked against Bar's invariants (positive finite prices, a
    finite volume ≥ 0 or None, an aware UTC time, a normalised symbol): it skips ``Bar.__post_init__``, which
    costs ~3/4 of the conversion time of a 720-bar page. Falls back on the checked constructor when
    :class:`Bar` is not the plain frozen dataclass this was written for (or disagrees with it)."""
    names = ("symbol", "ts", "close", "open", "high", "low", "volume", "timeframe", "source")
    if tuple(f.name for f in dataclasses.fields(Bar)) != names or "__slots__" in vars(Bar):
        return Bar
    new = object.__new__

    def trusted(symbol: str, ts: datetime, close: float, open_: float | None, high: float | None,
                low: float | None, volume: float | None, timeframe: Timeframe, source: str) -> Bar:
        bar = new(Bar)
        bar.__dict__.update(symbol=symbol, ts=ts, close=close, open=open_, high=high, low=low, volume=volume,
                            timeframe=timeframe, source=source)
        return bar

    probe = ("BTC", datetime(2024, 1, 1, tzinfo=UTC), 2.0, 1.0, 3.0, 0.5, 7.0, Timeframe.D1, "probe")
    try:
        same = trusted(*probe) == Bar(*probe) and vars(trusted(*probe)) == vars(Bar(*probe))
    except Exception:
        same = False
    return trusted if same else Bar


_trusted_bar = _make_trusted_bar()


def epoch_ms(ts: datetime) -> int:
    return int(ts.timestamp() * 1000)


def from_epoch_ms(ms: int | float) -> datetime:
    return datetime.fromtimestamp(ms / 1000, tz=UTC)


def ticker_to_quote(exchange_id: str, source: str, market: str, base: str, ticker: Any, received: datetime) -> Quote:
    """A validated :class:`Quote` of ``market`` from one ccxt ticker, or :class:`RejectedValue` naming why not.

    The raw last price decides first (ccxt reports a 0 as None); then ccxt's last (or close). A crossed bid/ask
    pair is dropped, not the quote; the time is the exchange's stamp, never later than ``received``."""
    if not isinstance(ticker, dict):
        raise RejectedValue("missing", symbol=base, field="ticker", value=ticker)
    raw = raw_last_price(exchange_id, ticker.get("info"))
    if raw is not None:
        # what the exchange sent decides: ccxt reports a 0 as None, which would read "missing"
        reason = raw_price_problem(raw)
        if reason is not None:
            raise RejectedValue(reason, symbol=base, field="last", value=raw)
    if ticker.get("unreadable"):
        raise RejectedValue("malformed", symbol=base, field="ticker", value=ticker.get("info"))
    last = ticker.get("last")
    if last is None:
        last = ticker.get("close")
    price = check_price(last, symbol=base)
    bid, ask = optional_price(ticker.get("bid")), optional_price(ticker.get("ask"))
    if bid is not None and ask is not None and bid > ask:
        bid = ask = None
    ts = received
    stamp = ticker.get("timestamp")
    if isinstance(stamp, (int, float)) and not isinstance(stamp, bool) and stamp > 0:
        ts = min(from_epoch_ms(stamp), received)
    change = None
    pct = ticker.get("percentage")
    if isinstance(pct, (int, float)) and not isinstance(pct, bool) and abs(pct) < 1e6 and pct == pct:
        change = pct / 100.0
    else:
        open_ = optional_price(ticker.get("open"))
        if open_ is not None:
            change = price / open_ - 1.0
    return Quote(base, price, ts, f"{source}:{market}", bid=bid, ask=ask, change_24h=change,
                 volume_24h=optional_amount(ticker.get("baseVolume")))


def collect_bars(rejections: RejectionCounter, source: str, base: str, rows: Any, timeframe: Timeframe,
                 since_ms: int | None, until_ms: int | None, into: dict[int, Bar]) -> int | None:
    """Validate one page of ccxt OHLCV rows and put the bars in [since_ms, until_ms) into ``into``.

    Returns the newest timestamp seen (also of rejected rows), None when no row had one. Rejections are
    counted in ``rejections`` (by ``source``, ``base`` and reason); rows outside the range are neither validated nor counted (a later request that
    covers them does that). This runs for every row of every page on the event loop (720 rows a page on
    Kraken), so it is one tight loop: the checks below are exactly :class:`Bar`'s invariants, and a row
    that passes them becomes a Bar through :func:`_trusted_bar` without being checked a second time.
    """
    if not isinstance(rows, list) or not rows:
        return None
    try:
        symbol = normalize_symbol(base)
    except ValueError:
        symbol = None
    make, good, amount, fromtimestamp, inf = _trusted_bar, _good, optional_amount, datetime.fromtimestamp, math.inf
    lo_ms = since_ms if since_ms is not None else -1
    hi_ms = until_ms if until_ms is not None else math.inf
    newest: int | None = None
    rejected: dict[str, int] = {}
    for row in rows:
        if type(row) not in (list, tuple) or len(row) < 5:
            rejected["missing"] = rejected.get("missing", 0) + 1
            continue
        ts = row[0]
        if type(ts) not in (int, float) or not ts > 0:  # also rejects NaN
            rejected["missing"] = rejected.get("missing", 0) + 1
            continue
        ts = int(ts)
        if newest is None or ts > newest:
            newest = ts
        if ts < lo_ms or ts >= hi_ms:
            continue
        o, h, lo, c = row[1], row[2], row[3], row[4]
        if not (good(c) and (o is None or good(o)) and (h is None or good(h)) and (lo is None or good(lo))):
            # the slow path names the reason: close first, then the other prices
            reason = price_problem(c) or next(r for r in (price_problem(x) for x in (o, h, lo) if x is not None)
                                              if r)
            rejected[reason] = rejected.get(reason, 0) + 1
            continue
        if symbol is None:
            rejected["inconsistent"] = rejected.get("inconsistent", 0) + 1
            continue
        v = row[5] if len(row) > 5 else None
        if type(v) is not float or not 0 <= v < inf:  # the common case (a finite float ≥ 0) stays inline
            v = amount(v)
        into[ts] = make(symbol, fromtimestamp(ts / 1000, UTC), float(c), o, h, lo, v, timeframe, source)
    for reason, n in rejected.items():
        rejections.add(source, base, reason, n)
    return newest


def order_book_from(raw: Any, market: str, source: str, received: datetime) -> OrderBook:
    """The validated book of ``market`` from ccxt's ``fetch_order_book`` answer.

    Levels with a bad price or amount are dropped and the rest sorted best first (:func:`clean_levels`);
    what remains must make a valid book, else :class:`~riskwatch.domain.order_book.InvalidOrderBook`
    (``missing`` for no levels at all, ``empty_side``, ``crossed_book`` …). The time is the exchange's stamp,
    never later than ``received``.
    """
    raw = raw if isinstance(raw, dict) else {}
    bids, _ = clean_levels(raw.get("bids"), descending=True)
    asks, _ = clean_levels(raw.get("asks"), descending=False)
    stamp = raw.get("timestamp")
    ts = min(from_epoch_ms(stamp), received) if isinstance(stamp, (int, float)) and stamp > 0 else received
    return OrderBook(bids, asks, ts, market, source)
