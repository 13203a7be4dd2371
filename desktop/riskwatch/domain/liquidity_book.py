"""Figures read straight off an order book: spread, depth within a band of mid, imbalance.

Money is in the quote currency of the book; the spread is in basis points of mid, the band a fraction
(0.01 = ±1 %). See :mod:`riskwatch.domain.liquidity` for the conventions.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

import numpy as np

from riskwatch.domain.order_book import OrderBook


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


__all__ = ["BookSignals", "book_signals", "depth", "imbalance", "spread_bps"]
