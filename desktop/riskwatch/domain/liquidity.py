"""Liquidity signals: can the position actually be sold, and is the market drying up?

Pure functions and frozen dataclasses (numpy only). Units, everywhere:

* prices and money in the quote currency of the book (USD, USDT …); quantities in base units;
* fractions, not percent (0.012 = 1.2 %); the spread alone is in basis points (1 bp = 0.0001);
* functions that cannot compute a figure from the data they were given return ``nan``; the Snapshot
  conversion (:func:`liquidity_metric_values`) turns ``nan`` and :class:`Unavailable` into
  ``MetricValue(None, status=...)`` — an unavailable signal is never reported as zero.

Order books are validated on construction (:class:`~riskwatch.domain.order_book.OrderBook`): an empty side,
a crossed or locked book (best bid ≥ best ask), non-finite or non-positive prices or sizes and unsorted
levels raise :class:`~riskwatch.domain.order_book.InvalidOrderBook` (an
:class:`~riskwatch.domain.errors.InvalidData` and a ``ValueError``). A bad book is a data error, never a
liquidity signal.

The figures live by job in ``order_book`` (the validated book), ``liquidity_book`` (spread, depth,
imbalance), ``liquidity_exit`` (walking the book), ``liquidity_signals`` (volume, depth ratio, peg, funding,
open interest, equities) and ``liquidity_portfolio`` (the one-day profile); this module turns them into
Snapshot values and re-exports their public names.

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
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from riskwatch.domain.freshness import DataStatus
from riskwatch.domain.catalogue import BOOK_METRICS, EXIT_METRICS, FUNDING_METRICS, LIQUIDITY_METRICS
from riskwatch.domain.errors import BadSymbol, InvalidData
from riskwatch.domain.liquidity_book import BookSignals, book_signals, depth, imbalance, spread_bps
from riskwatch.domain.liquidity_exit import (
    DEFAULT_MAX_SLIPPAGE,
    Fill,
    buy_slippage,
    max_quantity_within,
    notional_slippage,
    sell_slippage,
    walk_book,
)
from riskwatch.domain.liquidity_portfolio import HoldingLiquidity, LiquidityProfile, liquidity_profile, sellable_value
from riskwatch.domain.liquidity_signals import (
    DEFAULT_PARTICIPATION,
    FUNDING_PERIODS_PER_YEAR,
    FundingSignal,
    annualised_funding,
    average_dollar_volume,
    days_to_liquidate,
    depth_vs_median_ratio,
    funding_rate_8h,
    funding_signal,
    open_interest_change,
    open_interest_change_24h,
    peg_deviation,
    volume_ratio,
)
from riskwatch.domain.order_book import InvalidOrderBook, OrderBook, Side
from riskwatch.domain.snapshot import PORTFOLIO, MetricValue


@dataclass(frozen=True)
class Unavailable:
    """A signal that could not be computed: becomes ``MetricValue(None, status, detail=detail)``."""

    status: str = DataStatus.MISSING
    detail: str = ""

    @classmethod
    def from_error(cls, err: BaseException) -> Unavailable:
        """Invalid data -> "invalid", a failed source -> "error", an unknown market -> "missing"."""
        code = getattr(err, "reason", None) or getattr(err, "code", None)
        detail = code if isinstance(code, str) else type(err).__name__
        if isinstance(err, InvalidData):
            return cls(DataStatus.INVALID, detail)
        if isinstance(err, BadSymbol):
            return cls(DataStatus.MISSING, detail)
        return cls(DataStatus.ERROR, detail)  # DataUnavailable, RateLimited and anything else


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


def _mv(value: float | None, as_of: datetime | None, detail: str = "") -> MetricValue:
    """A figure; ``nan`` (too little data) -> missing, ``±inf`` -> invalid, never a zero."""
    if value is None or math.isnan(value):
        return MetricValue(None, DataStatus.MISSING, as_of, detail or "insufficient_data")
    if not math.isfinite(value):
        return MetricValue(None, DataStatus.INVALID, as_of, detail or "not_finite")
    return MetricValue(float(value), DataStatus.OK, as_of, detail)


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
            out[(PORTFOLIO, "liquid_share_1d")] = MetricValue(None, DataStatus.MISSING, as_of, "no_liquidity_data")
        else:
            detail = f"coverage={portfolio.coverage:.4f};unknown={','.join(portfolio.unknown)}" \
                if portfolio.unknown else ""
            out[(PORTFOLIO, "liquid_share_1d")] = MetricValue(share, DataStatus.OK, as_of, detail)
    return out


__all__ = [
    "BOOK_METRICS", "DEFAULT_MAX_SLIPPAGE", "DEFAULT_PARTICIPATION", "EXIT_METRICS", "FUNDING_METRICS",
    "FUNDING_PERIODS_PER_YEAR", "LIQUIDITY_METRICS", "AssetLiquidity", "BookSignals", "Fill", "FundingSignal",
    "HoldingLiquidity", "InvalidOrderBook", "LiquidityProfile", "OrderBook", "Side", "Signal", "Unavailable",
    "annualised_funding", "average_dollar_volume", "book_signals", "buy_slippage", "days_to_liquidate", "depth",
    "depth_vs_median_ratio", "funding_rate_8h", "funding_signal", "imbalance", "liquidity_metric_values",
    "liquidity_profile", "max_quantity_within", "notional_slippage", "open_interest_change",
    "open_interest_change_24h", "peg_deviation", "sell_slippage", "sellable_value", "spread_bps", "volume_ratio",
    "walk_book",
]
