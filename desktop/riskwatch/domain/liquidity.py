"""Liquidity signals: can the position actually be sold, and is the market drying up?

Pure functions and frozen dataclasses (numpy only). Units, everywhere:

* prices and money in the quote currency of the book (USD, USDT …); quantities in base units;
* fractions, not percent (0.012 = 1.2 %); the spread alone is in basis points (1 bp = 0.0001);
* functions that cannot compute a figure from the data they were given return ``nan``; the Snapshot
  conversion (:func:`liquidity_metric_values`) turns ``nan`` and :class:`Unavailable` into
  ``MetricValue(None, status=...)`` — an unavailable signal is never reported as zero.

Order books are validated on construction (:class:`OrderBook`): an empty side, a crossed or locked book
(best bid ≥ best ask), non-finite or non-positive prices or sizes and unsorted levels raise
:class:`InvalidOrderBook` (an :class:`~riskwatch.domain.errors.InvalidData` and a ``ValueError``).
A bad book is a data error, never a liquidity signal.

Conventions:

* **mid** = (best bid + best ask) / 2; **spread** = (ask − bid) / mid × 10 000 bps.
* **depth within ±b** (b = 0.01, 0.02): Σ price × size of the levels whose price lies in
  [mid·(1 − b), mid] (bids) or [mid, mid·(1 + b)] (asks), boundaries included; quote money.
* **imbalance** = (bid depth − ask depth) / (bid depth + ask depth) within ±1 %; in [−1, 1],
  positive when buyers dominate.
* **slippage** of a market order that walks the book: sell ``1 − average fill / mid``, buy
  ``average fill / mid − 1`` — a positive fraction cost. It includes the half spread (the cost of an
  infinitesimal order is ``1 − best bid / mid``). When the visible book cannot absorb the order the fill
  is partial (``Fill.complete`` is False, ``Fill.remaining`` > 0) and the slippage of the filled part is a
  lower bound of the true cost.
* **funding**: a rate per funding interval is normalised to 8 h (``rate × 8 / interval_hours``) and
  annualised without compounding as ``rate_8h × 3 × 365`` (three 8-hour periods a day, 365 days).
* **volume collapse**: latest 24 h (or last daily) volume / median of the prior 30 daily volumes.
* **equities**: average daily dollar volume over the last 20 daily bars (Σ close × volume / n), days to
  liquidate = position value / (participation × ADV) with participation 20 %.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cached_property
from itertools import chain
from typing import Any, Literal

import numpy as np

from riskwatch.domain.errors import BadSymbol, InvalidData
from riskwatch.domain.model import utc
from riskwatch.domain.snapshot import PORTFOLIO, MetricStatus, MetricValue

Side = Literal["sell", "buy"]

#: Funding periods of 8 hours in a year (3 a day × 365 days), the annualisation factor of ``funding_8h``.
FUNDING_PERIODS_PER_YEAR = 3 * 365
#: Share of the daily volume a position may take when it is sold over several days.
DEFAULT_PARTICIPATION = 0.20
#: Slippage limit of the portfolio liquidity profile.
DEFAULT_MAX_SLIPPAGE = 0.01


# --------------------------------------------------------------------------------------------------
# order book

class InvalidOrderBook(InvalidData, ValueError):
    """An order book failed validation. ``reason`` is a stable code:

    ``empty_side``, ``shape``, ``non_finite``, ``non_positive_price``, ``non_positive_size``,
    ``unsorted``, ``crossed_book``.
    """

    def __init__(self, reason: str, message: str, *, symbol: str = ""):
        self.reason = reason
        self.symbol = symbol
        super().__init__(f"{symbol} order book: {message}" if symbol else f"order book: {message}")


def _fast_rows(levels: Any) -> np.ndarray | None:
    """ccxt's ``[[price, size], ...]`` as an (n, 2) array, about twice as fast as ``np.array`` on lists.

    None when ``levels`` is not a list/tuple of 2-element rows of plain numbers (the caller then takes the
    general path, which also reports what is wrong).
    """
    if not isinstance(levels, (list, tuple)) or not levels:
        return None
    try:
        if set(map(len, levels)) != {2}:
            return None
        flat = np.fromiter(chain.from_iterable(levels), dtype=np.float64, count=2 * len(levels))
    except (TypeError, ValueError):
        return None
    return flat.reshape(-1, 2)


def _side_array(levels: Any, side: str, symbol: str) -> np.ndarray:
    """Levels as a read-only C-contiguous (n, 2) float64 array of (price, size); validated."""
    arr = _fast_rows(levels)
    if arr is None:
        try:
            arr = np.array(levels, dtype=np.float64)
        except (TypeError, ValueError):
            raise InvalidOrderBook("shape", f"{side} levels are not rows of numbers (price, size)",
                                   symbol=symbol) from None
    if arr.size == 0:
        raise InvalidOrderBook("empty_side", f"{side} side is empty", symbol=symbol)
    if arr.ndim != 2 or arr.shape[1] < 2:
        raise InvalidOrderBook("shape", f"{side} levels must be rows of (price, size), got shape {arr.shape}",
                               symbol=symbol)
    if arr.shape[1] != 2:
        arr = arr[:, :2]  # e.g. Kraken's third column (level timestamp)
    arr = np.ascontiguousarray(arr)
    prices, sizes = arr[:, 0], arr[:, 1]
    finite = np.isfinite(arr)
    if not finite.all():
        i = int(np.flatnonzero(~finite.all(axis=1))[0])
        raise InvalidOrderBook("non_finite", f"{side} level {i} has a non-finite price or size "
                                             f"({float(prices[i])!r}, {float(sizes[i])!r})", symbol=symbol)
    if prices.min() <= 0:
        i = int(np.flatnonzero(prices <= 0)[0])
        raise InvalidOrderBook("non_positive_price", f"{side} level {i} has price {float(prices[i])!r} (must be > 0)",
                               symbol=symbol)
    if sizes.min() <= 0:
        i = int(np.flatnonzero(sizes <= 0)[0])
        raise InvalidOrderBook("non_positive_size", f"{side} level {i} has size {float(sizes[i])!r} (must be > 0)",
                               symbol=symbol)
    if arr.shape[0] > 1:
        steps = np.diff(prices)
        wrong = steps > 0 if side == "bid" else steps < 0
        if wrong.any():
            i = int(np.flatnonzero(wrong)[0]) + 1
            order = "descending (best bid first)" if side == "bid" else "ascending (best ask first)"
            raise InvalidOrderBook("unsorted", f"{side} prices must be {order}; level {i} has "
                                               f"{float(prices[i])!r} after {float(prices[i - 1])!r}", symbol=symbol)
    arr.flags.writeable = False
    return arr


@dataclass(frozen=True, eq=False)
class OrderBook:
    """A validated, immutable order-book snapshot.

    ``bids`` and ``asks`` are read-only float64 arrays of shape (n, 2): columns price and size (base units),
    best level first (bids descending, asks ascending). Any array-like of rows is accepted on construction
    (ccxt's ``[[price, size], ...]``; extra columns are ignored) and copied. Invalid input raises
    :class:`InvalidOrderBook`. Equality is identity (arrays have no useful ``==``).
    """

    bids: np.ndarray
    asks: np.ndarray
    timestamp: datetime | None = None
    symbol: str = ""

    def __post_init__(self) -> None:
        bids = _side_array(self.bids, "bid", self.symbol)
        asks = _side_array(self.asks, "ask", self.symbol)
        if bids[0, 0] >= asks[0, 0]:
            raise InvalidOrderBook("crossed_book", f"crossed book: best bid {float(bids[0, 0])!r} ≥ best ask {float(asks[0, 0])!r}",
                                   symbol=self.symbol)
        object.__setattr__(self, "bids", bids)
        object.__setattr__(self, "asks", asks)
        if self.timestamp is not None:
            object.__setattr__(self, "timestamp", utc(self.timestamp))

    @classmethod
    def from_snapshot(cls, book: Any) -> OrderBook:
        """From :class:`riskwatch.domain.validation.OrderBook` (what ``CryptoFeed.fetch_order_book`` returns)."""
        return cls(book.bids, book.asks, timestamp=book.ts, symbol=book.market)

    @property
    def best_bid(self) -> float:
        return float(self.bids[0, 0])

    @property
    def best_ask(self) -> float:
        return float(self.asks[0, 0])

    @property
    def mid(self) -> float:
        return 0.5 * (float(self.bids[0, 0]) + float(self.asks[0, 0]))

    # Columns and running sums, computed once per book (cached_property writes the instance __dict__,
    # which a frozen dataclass allows).
    @cached_property
    def _bid_cols(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        return _columns(self.bids)

    @cached_property
    def _ask_cols(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        return _columns(self.asks)

    def _cols(self, side: Side) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        if side == "sell":
            return self._bid_cols
        if side == "buy":
            return self._ask_cols
        raise ValueError(f"side must be 'sell' or 'buy', got {side!r}")


def _columns(levels: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(prices, sizes, cumulative sizes, cumulative notional) as contiguous arrays."""
    prices = np.ascontiguousarray(levels[:, 0])
    sizes = np.ascontiguousarray(levels[:, 1])
    return prices, sizes, np.cumsum(sizes), np.cumsum(prices * sizes)


# --------------------------------------------------------------------------------------------------
# spread, depth, imbalance

def spread_bps(book: OrderBook) -> float:
    """Bid-ask spread in basis points of mid: ``(ask − bid) / mid × 10 000`` (> 0 for a valid book)."""
    bid, ask = book.best_bid, book.best_ask
    return (ask - bid) / (0.5 * (bid + ask)) * 1e4


def _check_band(band: float) -> float:
    if not (0 < band < 1) or not math.isfinite(band):
        raise ValueError(f"band must be a fraction between 0 and 1, got {band!r}")
    return float(band)


def depth(book: OrderBook, band: float = 0.01) -> tuple[float, float]:
    """Quote money resting within ``band`` of mid: ``(bid depth, ask depth)``.

    A level counts when its price lies in [mid·(1 − band), mid] (bids) or [mid, mid·(1 + band)] (asks),
    boundaries included; its contribution is price × size. ``band`` is a fraction (0.01 = ±1 %).
    """
    band = _check_band(band)
    mid = book.mid
    bp, _, _, bn = book._bid_cols
    ap, _, _, an = book._ask_cols
    # bids are descending: count the levels with price >= lo via the negated (ascending) prices
    nb = int(np.searchsorted(-bp, -(mid * (1.0 - band)), side="right"))
    na = int(np.searchsorted(ap, mid * (1.0 + band), side="right"))
    return (float(bn[nb - 1]) if nb else 0.0, float(an[na - 1]) if na else 0.0)


def imbalance(book: OrderBook, band: float = 0.01) -> float:
    """``(bid depth − ask depth) / (bid depth + ask depth)`` within ``band`` of mid, in [−1, 1].

    Positive when more money bids than offers. ``nan`` when neither side has a level within the band.
    """
    b, a = depth(book, band)
    total = b + a
    return (b - a) / total if total > 0 else math.nan


# --------------------------------------------------------------------------------------------------
# walking the book

@dataclass(frozen=True)
class Fill:
    """The result of walking one side of a book with a market order.

    ``side`` "sell" hits the bids, "buy" lifts the asks. ``requested`` is what was asked for, in base units
    (``by == "quantity"``) or quote money (``by == "notional"``); ``remaining`` is the part the visible book
    could not absorb, in the same unit. ``quantity`` (base) and ``notional`` (quote) are what was filled.
    ``slippage`` is a positive fraction cost against ``mid`` (half spread included); it is a lower bound
    when the fill is incomplete.
    """

    side: Side
    by: Literal["quantity", "notional"]
    requested: float
    quantity: float
    notional: float
    remaining: float
    average_price: float
    mid: float
    slippage: float
    levels: int

    @property
    def complete(self) -> bool:
        return self.remaining <= 0.0

    @property
    def too_thin(self) -> bool:
        """The visible book cannot absorb the whole order."""
        return self.remaining > 0.0


def _check_amount(value: float, name: str) -> float:
    value = float(value)
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"{name} must be a finite number ≥ 0, got {value!r}")
    return value


def walk_book(book: OrderBook, side: Side, *, quantity: float | None = None,
              notional: float | None = None) -> Fill:
    """Walk the bids (``side="sell"``) or the asks (``side="buy"``) for a ``quantity`` in base units or a
    ``notional`` in quote money (exactly one of them).

    Levels are taken best first, the last one partially. A request of zero returns the limit of a tiny
    order: average price = best price, slippage = half spread, no level used.
    """
    if (quantity is None) == (notional is None):
        raise ValueError("give exactly one of quantity and notional")
    prices, sizes, cq, cn = book._cols(side)
    mid = book.mid
    n = prices.shape[0]
    if quantity is not None:
        by: Literal["quantity", "notional"] = "quantity"
        want = _check_amount(quantity, "quantity")
        cum = cq
    else:
        by = "notional"
        want = _check_amount(notional, "notional")  # type: ignore[arg-type]
        cum = cn
    if want == 0.0:
        price = float(prices[0])
        filled_q = filled_n = remaining = 0.0
        levels = 0
    else:
        k = int(np.searchsorted(cum, want, side="left"))  # first level whose running total reaches `want`
        if k >= n:
            filled_q, filled_n = float(cq[-1]), float(cn[-1])
            remaining = want - float(cum[-1])
            levels = n
            price = filled_n / filled_q
        else:
            prev_q = float(cq[k - 1]) if k else 0.0
            prev_n = float(cn[k - 1]) if k else 0.0
            p = float(prices[k])
            if by == "quantity":
                filled_q = want
                filled_n = prev_n + (want - prev_q) * p
            else:
                filled_n = want
                filled_q = prev_q + (want - prev_n) / p
            remaining = 0.0
            levels = k + 1
            # average = (prev_n + r·p) / (prev_q + r), written so that it is exactly p on the first level
            # (also when a denormal request rounds the filled quantity to zero)
            price = p if k == 0 else p + (prev_n - p * prev_q) / filled_q
    cost = 1.0 - price / mid if side == "sell" else price / mid - 1.0
    return Fill(side, by, want, filled_q, filled_n, remaining, price, mid, max(0.0, cost), levels)


def sell_slippage(book: OrderBook, quantity: float) -> Fill:
    """Sell ``quantity`` base units into the bids (e.g. the whole held position)."""
    return walk_book(book, "sell", quantity=quantity)


def buy_slippage(book: OrderBook, quantity: float) -> Fill:
    """Buy ``quantity`` base units from the asks."""
    return walk_book(book, "buy", quantity=quantity)


def notional_slippage(book: OrderBook, notional: float, side: Side = "sell") -> Fill:
    """Sell base for (``side="sell"``) or spend (``side="buy"``) ``notional`` quote money."""
    return walk_book(book, side, notional=notional)


def max_quantity_within(book: OrderBook, max_slippage: float = DEFAULT_MAX_SLIPPAGE, side: Side = "sell") -> float:
    """The largest quantity (base units) the visible book fills at a slippage ≤ ``max_slippage``.

    Slippage grows with quantity, so this is the root of ``slippage(q) = max_slippage`` (solved exactly on
    the level where the average crosses the limit), capped at the visible depth of that side. Zero when
    the half spread alone exceeds the limit.
    """
    limit = _check_amount(max_slippage, "max_slippage")
    prices, sizes, cq, cn = book._cols(side)
    mid = book.mid
    avg = cn / cq  # average fill after each whole level
    if side == "sell":
        target = mid * (1.0 - limit)
        bad = np.flatnonzero(avg < target)
    else:
        target = mid * (1.0 + limit)
        bad = np.flatnonzero(avg > target)
    if bad.size == 0:
        return float(cq[-1])
    k = int(bad[0])
    prev_q = float(cq[k - 1]) if k else 0.0
    prev_n = float(cn[k - 1]) if k else 0.0
    p = float(prices[k])
    # (prev_n + x·p) / (prev_q + x) = target  ->  x = (prev_n − target·prev_q) / (target − p)
    gap = target - p
    if gap == 0.0:  # only by rounding: the level sits on the limit
        return prev_q + float(sizes[k])
    x = (prev_n - target * prev_q) / gap
    return prev_q + min(max(x, 0.0), float(sizes[k]))


# --------------------------------------------------------------------------------------------------
# one call for the book-derived snapshot figures

@dataclass(frozen=True)
class BookSignals:
    """The book-derived figures of one market (money in its quote currency)."""

    mid: float
    spread_bps: float
    depth_1pct_bid: float
    depth_1pct_ask: float
    depth_2pct_bid: float
    depth_2pct_ask: float
    imbalance: float
    as_of: datetime | None = None

    @property
    def depth_2pct(self) -> float:
        """Both sides within ±2 % of mid, summed."""
        return self.depth_2pct_bid + self.depth_2pct_ask


def book_signals(book: OrderBook) -> BookSignals:
    """Spread, ±1 %/±2 % depth per side and the ±1 % imbalance of ``book``."""
    b1, a1 = depth(book, 0.01)
    b2, a2 = depth(book, 0.02)
    total = b1 + a1
    imb = (b1 - a1) / total if total > 0 else math.nan
    return BookSignals(book.mid, spread_bps(book), b1, a1, b2, a2, imb, book.timestamp)


# --------------------------------------------------------------------------------------------------
# volume, peg, funding, open interest

def _float_array(values: Iterable[float | None] | np.ndarray) -> np.ndarray:
    """Values as a flat float64 array; ``None`` becomes NaN."""
    if isinstance(values, np.ndarray):
        return values.astype(np.float64, copy=False).ravel()
    return np.array([math.nan if v is None else v for v in values], dtype=np.float64)


def _valid_number(x: float | None) -> bool:
    return x is not None and not isinstance(x, bool) and math.isfinite(x)


def volume_ratio(current: float | None, prior_daily: Sequence[float] | np.ndarray, *, window: int = 30,
                 min_periods: int = 20) -> float:
    """Volume collapse: ``current / median(last `window` prior daily volumes)``.

    ``current`` is the latest 24 h volume (crypto) or the last daily volume (equities), in the same unit as
    ``prior_daily`` (base units or money; do not mix). ``prior_daily`` is in time order, oldest first, and
    must not include the period of ``current``. Missing (NaN) and negative entries are ignored. ``nan``
    when fewer than ``min_periods`` valid prior days remain, the median is zero, or ``current`` is invalid.
    0.4 means the market trades 40 % of its usual volume.
    """
    if not _valid_number(current) or current < 0:  # type: ignore[operator]
        return math.nan
    arr = _float_array(prior_daily)[-window:] if window > 0 else np.empty(0)
    arr = arr[np.isfinite(arr) & (arr >= 0)]
    if arr.size < max(1, min_periods):
        return math.nan
    med = float(np.median(arr))
    return float(current) / med if med > 0 else math.nan  # type: ignore[arg-type]


def peg_deviation(price: float | None, peg: float = 1.0) -> float:
    """Deviation of a stablecoin from its peg: ``price / peg − 1`` (signed fraction; −0.02 = 2 % below).

    ``price`` is the stablecoin's price in the pegged currency (e.g. USDT/USD). ``nan`` for a missing,
    non-finite or non-positive price.
    """
    if not _valid_number(price) or price <= 0:  # type: ignore[operator]
        return math.nan
    return float(price) / peg - 1.0  # type: ignore[arg-type]


def funding_rate_8h(rate: float, interval_hours: float = 8.0) -> float:
    """A funding rate per ``interval_hours`` expressed per 8 hours: ``rate × 8 / interval_hours``."""
    if not (interval_hours > 0 and math.isfinite(interval_hours)):
        raise ValueError(f"interval_hours must be positive, got {interval_hours!r}")
    return float(rate) * 8.0 / interval_hours


def annualised_funding(rate_8h: float) -> float:
    """Simple (not compounded) annualisation of an 8-hour funding rate: ``rate_8h × 3 × 365``."""
    return float(rate_8h) * FUNDING_PERIODS_PER_YEAR


@dataclass(frozen=True)
class FundingSignal:
    """Perpetual funding as fractions: ``rate_8h`` per 8 hours, ``annual`` = rate_8h × 3 × 365."""

    rate_8h: float
    annual: float
    as_of: datetime | None = None


def funding_signal(rate: float, interval_hours: float = 8.0, as_of: datetime | None = None) -> FundingSignal:
    """Normalise a venue's funding rate (per ``interval_hours``) to 8 h and annualise it."""
    r8 = funding_rate_8h(rate, interval_hours)
    return FundingSignal(r8, annualised_funding(r8), as_of)


def open_interest_change(current: float | None, previous: float | None) -> float:
    """``current / previous − 1``; ``nan`` when either is missing, not finite or not positive."""
    if not (_valid_number(current) and _valid_number(previous)) or previous <= 0 or current < 0:  # type: ignore[operator]
        return math.nan
    return float(current) / float(previous) - 1.0  # type: ignore[arg-type]


def open_interest_change_24h(current: float | None, current_ts: datetime,
                             history: Iterable[tuple[datetime, float]], *,
                             lookback: timedelta = timedelta(hours=24),
                             tolerance: timedelta = timedelta(hours=2)) -> float:
    """Open-interest change over ``lookback``: ``current / OI(current_ts − lookback) − 1``.

    The reference is the history point nearest to ``current_ts − lookback``, accepted when it lies within
    ``tolerance`` of that instant; ``nan`` when there is none. Measure OI in contracts/base units (not
    money) so that a price move alone does not read as a leverage change.
    """
    target = utc(current_ts) - lookback
    best: tuple[timedelta, float] | None = None
    for ts, value in history:
        gap = abs(utc(ts) - target)
        if gap <= tolerance and (best is None or gap < best[0]):
            best = (gap, value)
    if best is None:
        return math.nan
    return open_interest_change(current, best[1])


def depth_vs_median_ratio(current: float | None, history_7d: Sequence[float] | np.ndarray, *,
                          min_periods: int = 1) -> float:
    """Today's ±2 % depth against its median over the last 7 days: ``current / median(history_7d)``.

    ``history_7d`` are stored ``depth_2pct`` values of the last 7 days (any sampling; NaN ignored).
    ``nan`` when fewer than ``min_periods`` valid values exist, the median is not positive, or ``current``
    is invalid. The shipped rule warns below 0.5 (metric ``depth_2pct_ratio``).
    """
    if not _valid_number(current) or current < 0:  # type: ignore[operator]
        return math.nan
    arr = _float_array(history_7d)
    arr = arr[np.isfinite(arr) & (arr >= 0)]
    if arr.size < max(1, min_periods):
        return math.nan
    med = float(np.median(arr))
    return float(current) / med if med > 0 else math.nan  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------------
# equities

def average_dollar_volume(closes: Sequence[float] | np.ndarray, volumes: Sequence[float] | np.ndarray, *,
                          window: int = 20, min_periods: int = 15) -> float:
    """Average daily dollar volume over the last ``window`` daily bars: mean of ``close × volume``.

    Pass completed daily bars, oldest first, in the currency of the position. Bars with a missing,
    non-finite or non-positive close or a missing/negative volume are skipped; ``nan`` when fewer than
    ``min_periods`` valid bars remain in the window.
    """
    c = _float_array(closes)
    v = _float_array(volumes)
    if c.shape != v.shape:
        raise ValueError(f"closes and volumes differ in length ({c.size} vs {v.size})")
    c, v = c[-window:], v[-window:]
    ok = np.isfinite(c) & (c > 0) & np.isfinite(v) & (v >= 0)
    if int(ok.sum()) < max(1, min_periods):
        return math.nan
    return float(np.mean(c[ok] * v[ok]))


def days_to_liquidate(quantity: float, price: float, adv: float | None, *,
                      participation: float = DEFAULT_PARTICIPATION) -> float:
    """Trading days to sell ``quantity`` at ``price`` taking ``participation`` of the daily dollar volume.

    ``quantity × price / (participation × adv)``. ``nan`` when ``adv`` or ``price`` is missing, not finite or
    not positive (a zero ADV is treated as bad data, not as an infinite time); 0 for an empty position.
    """
    q = _check_amount(quantity, "quantity")
    if not (0 < participation <= 1):
        raise ValueError(f"participation must be a fraction in (0, 1], got {participation!r}")
    if not _valid_number(price) or price <= 0 or not _valid_number(adv) or adv <= 0:  # type: ignore[operator]
        return math.nan
    return q * float(price) / (participation * float(adv))  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------------
# portfolio liquidity profile

@dataclass(frozen=True)
class HoldingLiquidity:
    """One holding as the liquidity profile sees it.

    ``value`` is its market value in the portfolio's base currency. ``kind``: "crypto" (needs ``book`` and
    ``quantity`` in base units), "equity" (needs ``adv``, the 20-day average daily dollar volume in the base
    currency) or "cash" (always sellable). A holding without the data its kind needs counts as unknown.
    """

    scope: str
    value: float
    kind: Literal["crypto", "equity", "cash"] = "crypto"
    quantity: float | None = None
    book: OrderBook | None = None
    adv: float | None = None

    def __post_init__(self) -> None:
        _check_amount(self.value, "value")
        if self.kind not in ("crypto", "equity", "cash"):
            raise ValueError(f"kind must be 'crypto', 'equity' or 'cash', got {self.kind!r}")


@dataclass(frozen=True)
class LiquidityProfile:
    """Share of the portfolio sellable within one day at ≤ 1 % slippage.

    ``share`` = sellable value / value of the holdings whose liquidity is known (``nan`` when none is);
    ``coverage`` = known value / total value; ``unknown`` names the holdings without data.
    """

    total_value: float
    known_value: float
    sellable_value: float
    unknown: tuple[str, ...] = ()

    @property
    def share(self) -> float:
        return self.sellable_value / self.known_value if self.known_value > 0 else math.nan

    @property
    def coverage(self) -> float:
        return self.known_value / self.total_value if self.total_value > 0 else math.nan


def sellable_value(holding: HoldingLiquidity, *, max_slippage: float = DEFAULT_MAX_SLIPPAGE,
                   participation: float = DEFAULT_PARTICIPATION, days: float = 1.0) -> float:
    """Value of ``holding`` sellable within ``days``: crypto by walking the bids up to ``max_slippage``,
    equities at ``participation`` × ADV per day, cash in full. ``nan`` when the data is missing."""
    if holding.kind == "cash" or holding.value == 0:
        return holding.value
    if holding.kind == "equity":
        if not _valid_number(holding.adv) or holding.adv < 0:  # type: ignore[operator]
            return math.nan
        return min(holding.value, participation * float(holding.adv) * days)  # type: ignore[arg-type]
    if holding.book is None or not _valid_number(holding.quantity) or holding.quantity <= 0:  # type: ignore[operator]
        return math.nan
    q = float(holding.quantity)  # type: ignore[arg-type]
    sellable_q = min(q, max_quantity_within(holding.book, max_slippage, "sell"))
    return holding.value * sellable_q / q


def liquidity_profile(holdings: Iterable[HoldingLiquidity], *, max_slippage: float = DEFAULT_MAX_SLIPPAGE,
                      participation: float = DEFAULT_PARTICIPATION, days: float = 1.0) -> LiquidityProfile:
    """Aggregate :func:`sellable_value` over the holdings (see :class:`LiquidityProfile`)."""
    total = known = sellable = 0.0
    unknown: list[str] = []
    for h in holdings:
        total += h.value
        s = sellable_value(h, max_slippage=max_slippage, participation=participation, days=days)
        if math.isnan(s):
            unknown.append(h.scope)
        else:
            known += h.value
            sellable += s
    return LiquidityProfile(total, known, sellable, tuple(unknown))


# --------------------------------------------------------------------------------------------------
# snapshot values

@dataclass(frozen=True)
class Unavailable:
    """A signal that could not be computed: becomes ``MetricValue(None, status, detail=detail)``."""

    status: str = MetricStatus.MISSING
    detail: str = ""

    @classmethod
    def from_error(cls, err: BaseException) -> Unavailable:
        """Invalid data -> "invalid", a failed source -> "error", an unknown market -> "missing"."""
        code = getattr(err, "reason", None) or getattr(err, "code", None)
        detail = code if isinstance(code, str) else type(err).__name__
        if isinstance(err, InvalidData):
            return cls(MetricStatus.INVALID, detail)
        if isinstance(err, BadSymbol):
            return cls(MetricStatus.MISSING, detail)
        return cls(MetricStatus.ERROR, detail)  # DataUnavailable, RateLimited and anything else


Signal = float | Unavailable | None


@dataclass(frozen=True)
class AssetLiquidity:
    """The liquidity signals of one scope (a symbol such as "BTC" or "MARA").

    A field left at ``None`` does not apply to this scope and produces no metric; an :class:`Unavailable`
    (or a ``nan``) produces ``MetricValue(None, status)`` for every metric of that field.
    """

    scope: str
    book: BookSignals | Unavailable | None = None
    exit: Fill | Unavailable | None = None
    depth_2pct_ratio: Signal = None
    volume_ratio: Signal = None
    peg_deviation: Signal = None
    funding: FundingSignal | Unavailable | None = None
    oi_change_24h: Signal = None
    adv_20d_usd: Signal = None
    days_to_liquidate: Signal = None


#: Metric names produced by :func:`liquidity_metric_values`.
BOOK_METRICS = ("spread_bps", "depth_1pct_bid", "depth_1pct_ask", "depth_2pct", "imbalance")
EXIT_METRICS = ("slippage_exit", "book_too_thin")
FUNDING_METRICS = ("funding_8h", "funding_annual")
LIQUIDITY_METRICS = (*BOOK_METRICS, *EXIT_METRICS, "depth_2pct_ratio", "volume_ratio", "peg_deviation",
                     *FUNDING_METRICS, "oi_change_24h", "adv_20d_usd", "days_to_liquidate", "liquid_share_1d")


def _mv(value: float | None, as_of: datetime | None, detail: str = "") -> MetricValue:
    """A figure; ``nan`` (too little data) -> missing, ``±inf`` -> invalid, never a zero."""
    if value is None or math.isnan(value):
        return MetricValue(None, MetricStatus.MISSING, as_of, detail or "insufficient_data")
    if not math.isfinite(value):
        return MetricValue(None, MetricStatus.INVALID, as_of, detail or "not_finite")
    return MetricValue(float(value), MetricStatus.OK, as_of, detail)


def _unavailable(u: Unavailable, as_of: datetime | None) -> MetricValue:
    return MetricValue(None, u.status, as_of, u.detail)


def liquidity_metric_values(assets: Iterable[AssetLiquidity], *,
                            portfolio: LiquidityProfile | Unavailable | None = None,
                            as_of: datetime | None = None) -> dict[tuple[str, str], MetricValue]:
    """Snapshot values ``{(scope, metric): MetricValue}`` of the liquidity signals.

    Metrics: ``spread_bps``, ``depth_1pct_bid``, ``depth_1pct_ask``, ``depth_2pct`` (both sides),
    ``imbalance``, ``slippage_exit`` (fraction), ``book_too_thin`` (1.0/0.0), ``depth_2pct_ratio``,
    ``volume_ratio``, ``peg_deviation`` (absolute fraction), ``funding_8h``, ``funding_annual``,
    ``oi_change_24h``, ``adv_20d_usd``, ``days_to_liquidate``, and ``liquid_share_1d`` under the
    ``portfolio`` scope. ``as_of`` is used where a signal carries no time of its own.
    """
    out: dict[tuple[str, str], MetricValue] = {}
    for a in assets:
        s = a.scope
        if isinstance(a.book, Unavailable):
            for m in BOOK_METRICS:
                out[(s, m)] = _unavailable(a.book, as_of)
        elif a.book is not None:
            bs, t = a.book, a.book.as_of or as_of
            out[(s, "spread_bps")] = _mv(bs.spread_bps, t)
            out[(s, "depth_1pct_bid")] = _mv(bs.depth_1pct_bid, t)
            out[(s, "depth_1pct_ask")] = _mv(bs.depth_1pct_ask, t)
            out[(s, "depth_2pct")] = _mv(bs.depth_2pct, t)
            out[(s, "imbalance")] = _mv(bs.imbalance, t, "" if math.isfinite(bs.imbalance) else "no_depth_in_band")
        t_book = a.book.as_of if isinstance(a.book, BookSignals) and a.book.as_of else as_of
        if isinstance(a.exit, Unavailable):
            for m in EXIT_METRICS:
                out[(s, m)] = _unavailable(a.exit, as_of)
        elif a.exit is not None:
            f = a.exit
            detail = f"lower_bound:filled={f.quantity:.12g}/{f.requested:.12g}" if f.too_thin else ""
            out[(s, "slippage_exit")] = _mv(f.slippage, t_book, detail)
            out[(s, "book_too_thin")] = _mv(1.0 if f.too_thin else 0.0, t_book)
        for name, transform in (("depth_2pct_ratio", None), ("volume_ratio", None), ("peg_deviation", abs),
                                ("oi_change_24h", None), ("adv_20d_usd", None), ("days_to_liquidate", None)):
            v = getattr(a, name)
            if v is None:
                continue
            if isinstance(v, Unavailable):
                out[(s, name)] = _unavailable(v, as_of)
            else:
                out[(s, name)] = _mv(transform(v) if transform and math.isfinite(v) else v, as_of)
        if isinstance(a.funding, Unavailable):
            for m in FUNDING_METRICS:
                out[(s, m)] = _unavailable(a.funding, as_of)
        elif a.funding is not None:
            t = a.funding.as_of or as_of
            out[(s, "funding_8h")] = _mv(a.funding.rate_8h, t)
            out[(s, "funding_annual")] = _mv(a.funding.annual, t)
    if isinstance(portfolio, Unavailable):
        out[(PORTFOLIO, "liquid_share_1d")] = _unavailable(portfolio, as_of)
    elif portfolio is not None:
        share = portfolio.share
        if math.isnan(share):
            out[(PORTFOLIO, "liquid_share_1d")] = MetricValue(None, MetricStatus.MISSING, as_of, "no_liquidity_data")
        else:
            detail = f"coverage={portfolio.coverage:.4f};unknown={','.join(portfolio.unknown)}" \
                if portfolio.unknown else ""
            out[(PORTFOLIO, "liquid_share_1d")] = MetricValue(share, MetricStatus.OK, as_of, detail)
    return out
