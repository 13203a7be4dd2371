"""BTC perpetual funding and open interest: one signal source of the Monitor's pipeline.

``collect`` returns ``funding_8h``, ``funding_annual`` and ``oi_change_24h`` for BTC
(:func:`riskwatch.domain.liquidity.liquidity_metric_values`); nothing offline. It never raises and never reads
as zero: no feed configured gives ``MetricValue(None, "missing", detail="not_configured")``, an unreachable or
failing venue ``"error"``. The values go to the signal history like the liquidity signals.
"""

from __future__ import annotations

import asyncio
import logging

from riskwatch.domain.errors import RiskWatchError
from riskwatch.domain.freshness import DataStatus
from riskwatch.domain.liquidity import AssetLiquidity, Unavailable, liquidity_metric_values
from riskwatch.domain.ports import Clock, DerivativesFeed, SignalContext
from riskwatch.domain.snapshot import MetricValue
from riskwatch.services.liquidity_config import HistoryWriter, LiquidityConfig, SignalHistory

log = logging.getLogger(__name__)


class DerivativesSource:
    def __init__(self, feed: DerivativesFeed | None, clock: Clock, *, history: SignalHistory | None = None,
                 config: LiquidityConfig | None = None):
        self.feed = feed
        self.clock = clock
        self.config = config or LiquidityConfig()
        self._history = HistoryWriter(history, self.config)

    async def collect(self, context: SignalContext) -> dict[tuple[str, str], MetricValue]:
        if context.offline:
            return {}
        now = self.clock.now()
        values = liquidity_metric_values([await self._leverage()], as_of=now)
        self._history.write(values, now)
        return values

    async def _leverage(self) -> AssetLiquidity:
        if self.feed is None:
            u = Unavailable(DataStatus.MISSING, "not_configured")
            return AssetLiquidity("BTC", funding=u, oi_change_24h=u)
        try:
            reading = await asyncio.wait_for(self.feed.fetch_leverage(), self.config.fetch_timeout_s)
            return reading.to_asset_liquidity("BTC")
        except asyncio.CancelledError:
            raise
        except TimeoutError:
            u = Unavailable(DataStatus.ERROR, "timeout")
        except Exception as err:
            if not isinstance(err, RiskWatchError):
                log.warning("derivatives feed: unexpected %s", type(err).__name__, exc_info=True)
            u = Unavailable.from_error(err)
        return AssetLiquidity("BTC", funding=u, oi_change_24h=u)

    async def aclose(self) -> None:
        if self.feed is not None:
            try:
                await self.feed.close()
            except Exception:
                log.exception("closing the derivatives feed failed")
