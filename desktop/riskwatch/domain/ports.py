"""Protocols the services need. Adapters implement them; tests use fakes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from riskwatch.domain.errors import RiskWatchError
from riskwatch.domain.model import Bar, Portfolio, Position, Quote, Timeframe
from riskwatch.domain.validation import RejectionCounter

if TYPE_CHECKING:  # annotations only: the GUI imports the ports while the window is built, before numpy
    from riskwatch.domain.order_book import OrderBook
    from riskwatch.domain.snapshot import MetricValue, Snapshot


class Clock(Protocol):
    def now(self) -> datetime:
        """Current time, timezone-aware UTC."""


class PositionRepository(Protocol):
    def list_positions(self) -> list[Position]: ...
    def get_position(self, position_id: int) -> Position | None: ...
    def add_position(self, position: Position) -> Position: ...
    def update_position(self, position: Position) -> Position: ...
    def delete_position(self, position_id: int) -> None: ...
    def add_positions(self, positions: Sequence[Position]) -> list[Position]: ...
    def replace_positions(self, positions: Sequence[Position]) -> list[Position]: ...
    def delete_example_positions(self) -> int: ...


class PriceRepository(Protocol):
    def upsert_bars(self, bars: Iterable[Bar]) -> int: ...
    def load_bars(self, symbol: str, timeframe: Timeframe = Timeframe.D1, *,
                  source: str | None = None, since: datetime | None = None,
                  until: datetime | None = None) -> list[Bar]: ...
    def last_bar_time(self, symbol: str, timeframe: Timeframe = Timeframe.D1, *,
                      source: str | None = None) -> datetime | None: ...


@runtime_checkable
class VersionedCloses(Protocol):
    """Optional store capability: daily closes as plain arrays plus a per-symbol version that changes with the
    symbol's bars (the Monitor caches history between cycles only on a store that has it)."""

    def bars_version(self, symbol: str) -> object: ...
    def load_closes(self, symbol: str, timeframe: Timeframe = Timeframe.D1, *,
                    since: datetime | None = None) -> tuple[list[int], list[float]]: ...


class HistoryStore(PriceRepository, Protocol):
    """What history sync needs beyond bars: the holes between stored bars, and small settings."""

    def missing_bar_ranges(self, symbol: str, timeframe: Timeframe, *, source: str | None = None,
                           since: datetime | None = None,
                           until: datetime | None = None) -> list[tuple[datetime, datetime]]: ...
    def get_setting(self, key: str, default: str | None = None) -> str | None: ...
    def set_setting(self, key: str, value: str) -> None: ...


class Store(PositionRepository, PriceRepository, Protocol):
    def portfolio(self, base_currency: str | None = None) -> Portfolio: ...
    def get_setting(self, key: str, default: str | None = None) -> str | None: ...
    def set_setting(self, key: str, value: str) -> None: ...
    def close(self) -> None: ...


class CryptoFeed(Protocol):
    """Market data of one crypto exchange. Markets are unified symbols such as "BTC/USD".

    Whole-source failures raise DataUnavailable / RateLimited; per-market problems (BadSymbol, InvalidData)
    come back in the ``fetch_quotes`` mapping. Rejected values are counted in ``rejections``.
    """

    source: str
    rejections: RejectionCounter
    #: bars one fetch_bars request returns at most (gap filling groups its requests by it)
    page_limit: int

    async def find_market(self, asset: str, currency: str) -> str: ...
    async def fetch_quotes(self, markets: Sequence[str]) -> dict[str, Quote | RiskWatchError]: ...
    async def fetch_bars(self, market: str, timeframe: Timeframe = Timeframe.D1, since: datetime | None = None,
                         until: datetime | None = None, *, max_bars: int | None = None) -> list[Bar]: ...
    async def fetch_order_book(self, market: str, limit: int | None = None) -> OrderBook: ...
    async def close(self) -> None: ...


class EquityFeed(Protocol):
    """Stock quotes and daily history (blocking calls; services run them in a worker thread).

    A symbol missing from the returned mapping had no data; DataUnavailable when nothing came back at all.
    ``offline`` is True for a source that only re-reads the local store (no backfill from it).
    """

    source: str
    offline: bool
    rejections: RejectionCounter
    #: how late the feed's quotes are by design (Yahoo: 15 minutes for some venues); counts into "stale"
    source_lag: Any

    def fetch_quotes(self, symbols: Sequence[str]) -> dict[str, Quote]: ...
    def fetch_history(self, symbols: Sequence[str], since: datetime | None) -> dict[str, list[Bar]]: ...


class SecretStore(Protocol):
    def get(self, exchange: str, item: str) -> str | None: ...
    def set(self, exchange: str, item: str, value: str) -> None: ...
    def delete(self, exchange: str, item: str) -> None: ...


# -- the monitoring cycle (services/monitor.py) -------------------------------------------------------------------

class MarketData(Protocol):
    """The market-data step of a cycle (``services.market_data.MarketDataService``)."""

    #: the crypto exchange's key in the result's ``sources`` (None without an exchange)
    crypto_source: str | None

    async def run_cycle(self, assets: Sequence[Any], base_currency: str = "USD", *, on_quotes: Any = None,
                        backfill: bool = True) -> Any: ...
    async def fetch_order_book(self, asset: str, currency: str = "USD", limit: int | None = None) -> OrderBook: ...
    async def close(self) -> None: ...


class DerivativesFeed(Protocol):
    """Funding and open interest of the BTC perpetual (``adapters.derivatives_feed.DerivativesFeed``)."""

    async def fetch_leverage(self) -> Any: ...
    async def close(self) -> None: ...


class ReportComputer(Protocol):
    """Computes ``compute_risk_report(**inputs)`` somewhere else (the desktop: a worker process)."""

    async def compute(self, inputs: dict) -> Any: ...
    async def aclose(self) -> None: ...


@dataclass(frozen=True)
class SignalContext:
    """What a signal source sees of a cycle: the portfolio, the risk report computed from prices, the
    market-data result (None offline) and whether the cycle is offline."""

    portfolio: Portfolio
    report: Any
    market_result: Any = None
    offline: bool = False


class SignalSource(Protocol):
    """Adds metric values to a cycle's Snapshot (liquidity, derivatives, …) before the rules run once.

    ``collect`` may raise: the Monitor logs it and evaluates the price rules without that source's values."""

    async def collect(self, context: SignalContext) -> Mapping[tuple[str, str], MetricValue]: ...
    async def aclose(self) -> None: ...


class AlertProcessor(Protocol):
    """The alert step of a cycle (``services.alerting.AlertService``): commit events, then tell the sinks."""

    def process(self, snapshot: Snapshot, context: Any = None) -> list: ...
    def active_alerts(self) -> list: ...


class AlertSink(Protocol):
    """Told about committed alert events (already stored). Qt-free; runs on the thread that committed them, so
    it must return at once: the GUI sink posts to the GUI thread, a remote channel queues the delivery and
    sends it off the cycle (an outbox)."""

    def deliver(self, events: Sequence[Any], context: Any = None) -> None: ...
