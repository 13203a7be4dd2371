"""Walking the book with a market order: what selling (or buying) a quantity would cost.

Slippage is a positive fraction cost against mid, half spread included: sell ``1 − average fill / mid``,
buy ``average fill / mid − 1``. When the visible book cannot absorb the order the fill is partial and its
slippage a lower bound of the true cost.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import numpy as np

from riskwatch.domain.order_book import OrderBook, Side

#: Slippage limit of the portfolio liquidity profile.
DEFAULT_MAX_SLIPPAGE = 0.01


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


def check_amount(value: float, name: str) -> float:
    """``value`` as a float; a ``ValueError`` naming ``name`` unless it is finite and ≥ 0."""
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
        want = check_amount(quantity, "quantity")
        cum = cq
    else:
        by = "notional"
        want = check_amount(notional, "notional")  # type: ignore[arg-type]
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
    limit = check_amount(max_slippage, "max_slippage")
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


__all__ = ["DEFAULT_MAX_SLIPPAGE", "Fill", "buy_slippage", "check_amount", "max_quantity_within",
           "notional_slippage", "sell_slippage", "walk_book"]
