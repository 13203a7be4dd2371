"""What the liquidity and derivatives sources are configured with, and how they write the signal history."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from riskwatch.domain.snapshot import MetricValue

log = logging.getLogger(__name__)

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


class HistoryWriter:
    """Appends a source's values to the signal history at most every ``history_interval`` and prunes it once a
    day; a failing store is logged, never raised (the rules still get the cycle's values)."""

    def __init__(self, history: SignalHistory | None, config: LiquidityConfig):
        self.history = history
        self.config = config
        self._last_write: datetime | None = None
        self._last_prune: datetime | None = None

    def write(self, values: Mapping[tuple[str, str], MetricValue], now: datetime) -> None:
        if self.history is None or not values:
            return
        cfg = self.config
        if self._last_write is not None and now - self._last_write < cfg.history_interval:
            return
        try:
            self.history.append(values, now)
            self._last_write = now
            if self._last_prune is None or now - self._last_prune >= timedelta(days=1):
                self.history.prune(now - cfg.history_retention)
                self._last_prune = now
        except Exception:
            log.exception("storing the signal history failed")
