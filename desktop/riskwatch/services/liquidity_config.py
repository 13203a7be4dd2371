"""What the liquidity collector is configured with, and what it needs of the signal history store."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from riskwatch.domain.snapshot import MetricValue

PEGGED_STABLECOINS = ("USDT", "USDC")


class SignalHistory(Protocol):
    """What the collector needs of the history store (``adapters.sqlite_liquidity.LiquidityHistory``)."""

    def append(self, values: Mapping[tuple[str, str], MetricValue], ts: datetime) -> int: ...

    def load(self, scope: str, metric: str, since: datetime | None = None,
             until: datetime | None = None) -> list[tuple[datetime, float | None]]: ...

    def prune(self, before: datetime) -> int:
        """Drop rows older than ``before``; returns how many."""


@dataclass(frozen=True)
class LiquidityConfig:
    quote_currency: str = "USD"                 # the books are read in this (USD-like) currency
    book_limit: int | None = 500                # levels per side asked for (the exchange may cap it)
    peg_book_limit: int | None = 10             # a stablecoin's mid needs only the top of its book
    max_books: int = 8                          # books per cycle (largest crypto positions first)
    concurrency: int = 3                        # books fetched at the same time
    fetch_timeout_s: float = 20.0               # per book / per derivatives call
    stablecoins: tuple[str, ...] = PEGGED_STABLECOINS
    depth_window: timedelta = timedelta(days=7)
    depth_min_samples: int = 12                 # stored depth values needed for depth_2pct_ratio
    volume_history_days: int = 60               # calendar days of daily bars read for volume figures
    adv_window: int = 20
    adv_min_periods: int = 15
    participation: float = 0.20
    history_interval: timedelta = timedelta(minutes=5)
    history_retention: timedelta = timedelta(days=90)
