"""The portfolio liquidity profile: which share of the holdings could be sold within a day at ≤ 1 % slippage
(crypto by walking the bids, equities at 20 % of their average daily dollar volume, cash in full).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from riskwatch.domain.liquidity_exit import DEFAULT_MAX_SLIPPAGE, check_amount, max_quantity_within
from riskwatch.domain.liquidity_signals import DEFAULT_PARTICIPATION, valid_number
from riskwatch.domain.order_book import OrderBook


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
        check_amount(self.value, "value")
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
        if not valid_number(holding.adv) or holding.adv < 0:  # type: ignore[operator]
            return math.nan
        return min(holding.value, participation * float(holding.adv) * days)  # type: ignore[arg-type]
    if holding.book is None or not valid_number(holding.quantity) or holding.quantity <= 0:  # type: ignore[operator]
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


__all__ = ["HoldingLiquidity", "LiquidityProfile", "liquidity_profile", "sellable_value"]
