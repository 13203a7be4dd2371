"""The one validated order book: what the crypto feed builds and every liquidity figure reads.

Validation happens on construction: an empty side, a crossed or locked book (best bid ≥ best ask),
non-finite or non-positive prices or sizes and unsorted levels raise :class:`InvalidOrderBook` — a
:class:`~riskwatch.domain.validation.RejectedValue` (so an :class:`~riskwatch.domain.errors.InvalidData`)
and a ``ValueError`` — whose message names the market, the side and level, and what was expected. A bad
book is a data error, never a liquidity signal. :func:`clean_levels` is the lenient step before it: it
drops levels an exchange sent with a bad price or amount and sorts the rest best first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from itertools import chain
from typing import Any, Literal

import numpy as np

from riskwatch.domain.model import utc
from riskwatch.domain.validation import RejectedValue, optional_amount, optional_price

Side = Literal["sell", "buy"]

#: Reason codes of :class:`InvalidOrderBook`.
BOOK_REASONS = ("missing", "empty_side", "shape", "non_finite", "non_positive_price", "non_positive_size",
                "unsorted", "crossed_book")


class InvalidOrderBook(RejectedValue, ValueError):
    """An order book failed validation. ``reason`` is one of :data:`BOOK_REASONS` (``missing``: both sides
    empty); ``side`` ("bid"/"ask") and ``level`` (0 = best) say where, when the problem has a place.
    """

    def __init__(self, reason: str, message: str, *, symbol: str = "", side: str | None = None,
                 level: int | None = None, value: object = None):
        self.reason = reason
        self.symbol = symbol
        self.field = "order book"
        self.value = value
        self.side = side
        self.level = level
        # RejectedValue's own message has no room for "what was expected": build it here
        Exception.__init__(self, f"{symbol} order book: {message}" if symbol else f"order book: {message}")


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
                                   symbol=symbol, side=side) from None
    if arr.size == 0:
        raise InvalidOrderBook("empty_side", f"{side} side is empty (expected at least one level)",
                               symbol=symbol, side=side)
    if arr.ndim != 2 or arr.shape[1] < 2:
        raise InvalidOrderBook("shape", f"{side} levels must be rows of (price, size), got shape {arr.shape}",
                               symbol=symbol, side=side)
    if arr.shape[1] != 2:
        arr = arr[:, :2]  # e.g. Kraken's third column (level timestamp)
    arr = np.ascontiguousarray(arr)
    prices, sizes = arr[:, 0], arr[:, 1]
    finite = np.isfinite(arr)
    if not finite.all():
        i = int(np.flatnonzero(~finite.all(axis=1))[0])
        raise InvalidOrderBook("non_finite", f"{side} level {i} has a non-finite price or size "
                                             f"({float(prices[i])!r}, {float(sizes[i])!r})", symbol=symbol,
                               side=side, level=i)
    if prices.min() <= 0:
        i = int(np.flatnonzero(prices <= 0)[0])
        raise InvalidOrderBook("non_positive_price", f"{side} level {i} has price {float(prices[i])!r} (must be > 0)",
                               symbol=symbol, side=side, level=i)
    if sizes.min() <= 0:
        i = int(np.flatnonzero(sizes <= 0)[0])
        raise InvalidOrderBook("non_positive_size", f"{side} level {i} has size {float(sizes[i])!r} (must be > 0)",
                               symbol=symbol, side=side, level=i)
    if arr.shape[0] > 1:
        steps = np.diff(prices)
        wrong = steps > 0 if side == "bid" else steps < 0
        if wrong.any():
            i = int(np.flatnonzero(wrong)[0]) + 1
            order = "descending (best bid first)" if side == "bid" else "ascending (best ask first)"
            raise InvalidOrderBook("unsorted", f"{side} prices must be {order}; level {i} has "
                                               f"{float(prices[i])!r} after {float(prices[i - 1])!r}", symbol=symbol,
                                   side=side, level=i)
    arr.flags.writeable = False
    return arr



@dataclass(frozen=True, eq=False)
class OrderBook:
    """A validated, immutable order-book snapshot.

    ``bids`` and ``asks`` are read-only float64 arrays of shape (n, 2): columns price and size (base units),
    best level first (bids descending, asks ascending). Any array-like of rows is accepted on construction
    (ccxt's ``[[price, size], ...]``; extra columns are ignored) and copied. Invalid input raises
    :class:`InvalidOrderBook`. Equality is identity (arrays have no useful ``==``). ``symbol`` is the market
    ("BTC/USD"), ``source`` where the book came from ("kraken:BTC/USD").
    """

    bids: np.ndarray
    asks: np.ndarray
    timestamp: datetime | None = None
    symbol: str = ""
    source: str = ""

    def __post_init__(self) -> None:
        try:
            bids = _side_array(self.bids, "bid", self.symbol)
        except InvalidOrderBook as err:
            if err.reason == "empty_side" and _empty(self.asks):  # the exchange sent no book at all
                raise InvalidOrderBook("missing", "both sides are empty (expected at least one level per side)",
                                       symbol=self.symbol) from None
            raise
        asks = _side_array(self.asks, "ask", self.symbol)
        if bids[0, 0] >= asks[0, 0]:
            bid, ask = float(bids[0, 0]), float(asks[0, 0])
            raise InvalidOrderBook("crossed_book", f"crossed book: best bid {bid!r} ≥ best ask {ask!r} "
                                                   "(expected best bid < best ask)",
                                   symbol=self.symbol, side="bid", level=0, value=(bid, ask))
        object.__setattr__(self, "bids", bids)
        object.__setattr__(self, "asks", asks)
        if self.timestamp is not None:
            object.__setattr__(self, "timestamp", utc(self.timestamp))

    @property
    def market(self) -> str:
        """The market the book is of (``symbol``; the feed and the ports call it the market)."""
        return self.symbol

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


def _empty(levels: Any) -> bool:
    try:
        return len(levels) == 0
    except TypeError:
        return False


def clean_levels(levels: Sequence[Sequence[object]] | None, *, descending: bool) -> tuple[tuple[tuple[float, float], ...], int]:
    """Keep levels with a valid price and a positive amount, sorted best first. Returns (levels, dropped)."""
    out: list[tuple[float, float]] = []
    dropped = 0
    for level in levels or ():
        price = optional_price(level[0] if len(level) > 0 else None)
        amount = optional_amount(level[1] if len(level) > 1 else None)
        if price is None or not amount:
            dropped += 1
            continue
        out.append((price, amount))
    out.sort(key=lambda lv: lv[0], reverse=descending)
    return tuple(out), dropped


__all__ = ["BOOK_REASONS", "InvalidOrderBook", "OrderBook", "Side", "clean_levels"]
