"""Source health and backoff of the market-data service: which source answered, which is paused, and why.

A source that cannot be reached is OFFLINE and is retried with growing pauses (longer after a rate-limit
answer); one that answered with rejected data, or failed for part of the work, is DEGRADED for that cycle. A
symbol the exchange does not list is a per-asset issue retried after ``bad_symbol_retry``, not in a hot loop.
:class:`SourceHealth` is mixed into ``MarketDataService`` (it reads ``clock`` and ``config`` and keeps the
trackers); the types here are re-exported by ``services.market_data``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from riskwatch.domain.errors import BadSymbol, DataUnavailable, InvalidData, RateLimited
from riskwatch.domain.ports import Clock

if TYPE_CHECKING:
    from riskwatch.services.market_data import MarketDataConfig

log = logging.getLogger("riskwatch.services.market_data")


class SourceState(StrEnum):
    UNKNOWN = "unknown"      # not asked yet
    ONLINE = "online"
    DEGRADED = "degraded"
    OFFLINE = "offline"


@dataclass(frozen=True)
class SourceStatus:
    source: str
    state: SourceState = SourceState.UNKNOWN
    code: str | None = None          # why not online: timeout, unavailable, rate_limited, invalid_data, …
    message: str = ""
    last_success: datetime | None = None
    consecutive_failures: int = 0
    retry_at: datetime | None = None  # no request to this source before then


@dataclass(frozen=True)
class AssetIssue:
    symbol: str
    code: str                         # no_market, bad_symbol, invalid_data, no_data, no_fx, history_*, …
    message: str
    since: datetime
    retry_at: datetime | None = None



def error_code(err: BaseException) -> str:
    code = getattr(err, "code", None)
    if isinstance(code, str):
        return code
    if isinstance(err, RateLimited):
        return "rate_limited"
    if isinstance(err, BadSymbol):
        return "bad_symbol"
    if isinstance(err, InvalidData):
        return "invalid_data"
    if isinstance(err, DataUnavailable):
        return "unavailable"
    return "error"



@dataclass
class _SourceTracker:
    """Mutable per-source bookkeeping inside the service; reported as an immutable SourceStatus."""

    status: SourceStatus
    cycle_problem: tuple[str, str] | None = None     # (code, message) for DEGRADED in this cycle

    def degrade(self, code: str, message: str) -> None:
        if self.cycle_problem is None:
            self.cycle_problem = (code, message)



@dataclass
class CycleState:
    base: str
    errors: dict[str, AssetIssue] = field(default_factory=dict)
    stored: dict[str, int] = field(default_factory=dict)



class SourceHealth:
    """Per-source status and per-asset pauses (mixed into ``MarketDataService``)."""

    clock: Clock
    config: MarketDataConfig
    _sources: dict[str, _SourceTracker]
    _asset_retry: dict[str, AssetIssue]
    _prev_errors: dict[str, AssetIssue]

    def source_status(self) -> dict[str, SourceStatus]:
        return {name: t.status for name, t in self._sources.items()}

    def _tracker(self, source: str) -> _SourceTracker:
        if source not in self._sources:
            self._sources[source] = _SourceTracker(SourceStatus(source))
        return self._sources[source]

    def _paused(self, source: str) -> bool:
        retry_at = self._tracker(source).status.retry_at
        return retry_at is not None and self.clock.now() < retry_at

    def _source_ok(self, source: str) -> None:
        t = self._tracker(source)
        t.status = SourceStatus(source, SourceState.ONLINE, None, "", self.clock.now(), 0, None)

    def _source_failed(self, source: str, err: BaseException) -> None:
        t = self._tracker(source)
        now = self.clock.now()
        failures = t.status.consecutive_failures + 1
        cfg = self.config
        if isinstance(err, RateLimited):
            pause = min(cfg.rate_limit_backoff * 2 ** (failures - 1), cfg.rate_limit_backoff_max)
        else:  # the first failure is retried on the next cycle, later ones back off exponentially
            pause = min(cfg.refresh_interval * (2 ** (failures - 1) - 1), cfg.offline_backoff_max)
        t.status = SourceStatus(source, SourceState.OFFLINE, error_code(err), str(err)[:300], t.status.last_success,
                                failures, now + pause if pause > timedelta(0) else None)
        log.warning("%s offline (%s), attempt %d", source, error_code(err), failures)

    def _finish_sources(self) -> None:
        for t in self._sources.values():
            if t.cycle_problem is not None and t.status.state is SourceState.ONLINE:
                code, message = t.cycle_problem
                t.status = SourceStatus(t.status.source, SourceState.DEGRADED, code, message,
                                        t.status.last_success, 0, None)

    def _issue(self, state: CycleState, symbol: str, code: str, message: str, *,
               pause: timedelta | None = None) -> None:
        now = self.clock.now()
        prev = self._asset_retry.get(symbol) or state.errors.get(symbol) or self._prev_errors.get(symbol)
        since = prev.since if prev is not None and prev.code == code else now
        issue = AssetIssue(symbol, code, message[:300], since, now + pause if pause else None)
        state.errors[symbol] = issue
        if pause:
            self._asset_retry[symbol] = issue

    def _asset_paused(self, symbol: str) -> bool:
        issue = self._asset_retry.get(symbol)
        if issue is None:
            return False
        if issue.retry_at is not None and self.clock.now() >= issue.retry_at:
            del self._asset_retry[symbol]
            return False
        return True
