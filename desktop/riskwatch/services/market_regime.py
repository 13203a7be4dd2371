"""The market panel's services: which baskets the cycle prices, the bundled 2022 signals, and the regime.

* :class:`MarketSetup` reads and saves what the user chose, in the store's settings: the CD20 basket (the
  bundled factsheet until the user imports a newer one or their own), whether the miner basket holds the user's
  miners or all nine listed ones, and the regime's indicators and thresholds. A stored value that no longer
  parses is logged and the shipped default is used (a hand-edited store never breaks the cycle).
* :class:`BundledSignals` fills the stablecoin pegs and BTC funding from the bundled history where the live
  sources gave no usable value: offline and in a replay of 2022. A bundled value has the age of its own date:
  a 2024 peg shown in 2026 is stale (and never counts for the regime); one more than ``MAX_BUNDLED_AGE`` older
  than the cycle is not offered at all.
* :class:`RegimeEvaluator` counts the indicators (``domain.regime``) once every other figure is in.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, timedelta

from typing import TYPE_CHECKING

from riskwatch.domain.basket_spec import CD20, MINER_MODES, Basket, miner_basket
from riskwatch.domain.freshness import DataStatus
from riskwatch.domain.model import AssetKind, Portfolio
from riskwatch.domain.regime import Regime, RegimeConfig, evaluate_regime, indicator_rows, parse_indicators, regime_values
from riskwatch.domain.snapshot import MetricValue

if TYPE_CHECKING:  # pandas and numpy come with the first cycle, not with the window that shows the panel
    import pandas as pd

log = logging.getLogger(__name__)

CD20_KEY = "market.cd20_basket"
MINER_MODE_KEY = "market.miner_basket"
REGIME_KEY = "market.regime"
#: a bundled peg or funding rate more than this older than the cycle's time is not offered at all
MAX_BUNDLED_AGE = timedelta(days=30)
PEG_VALID = timedelta(days=2)              # a daily close counts until the end of the day after it
FUNDING_VALID = timedelta(hours=9)         # an 8-hour rate, an hour of grace
STABLECOINS = ("USDT", "USDC")

Factsheet = tuple[date | None, list[tuple[str, str, float]]]


class MarketSetup:
    """The user's basket and regime choices in the store (``get_setting``/``set_setting``).

    ``factsheet()``: the bundled CD20 factsheet ``(as_of, [(ticker, name, weight_pct)])``."""

    def __init__(self, store, factsheet: Callable[[], Factsheet]):
        self.store = store
        self._factsheet = factsheet
        self._sheet: Factsheet | None = None

    # -- CD20 ----------------------------------------------------------------------------------------------------
    def cd20(self) -> Basket:
        text = self.store.get_setting(CD20_KEY, None)
        if text:
            try:
                doc = json.loads(text)
                as_of = date.fromisoformat(doc["as_of"]) if doc.get("as_of") else None
                return Basket(CD20, tuple((str(s), float(w)) for s, w in doc["weights"]), AssetKind.CRYPTO,
                              as_of, str(doc.get("origin", "user")))
            except Exception as exc:  # any shape of bad stored text (a list, a number …): the factsheet
                log.warning("the stored CD20 basket is unreadable (%s); using the bundled factsheet", exc)
        if self._sheet is None:   # read once: the cycle asks for the baskets every 15 seconds
            self._sheet = self._factsheet()
        as_of, rows = self._sheet
        return Basket(CD20, tuple((t, w) for t, _name, w in rows), AssetKind.CRYPTO, as_of, "factsheet")

    def set_cd20(self, weights: Sequence[tuple[str, float]], as_of: date | None, origin: str = "user") -> Basket:
        """Save a basket (validated first: nothing is saved when it is bad)."""
        basket = Basket(CD20, tuple((str(s).upper(), float(w)) for s, w in weights), AssetKind.CRYPTO, as_of, origin)
        self.store.set_setting(CD20_KEY, json.dumps({"as_of": as_of.isoformat() if as_of else None,
                                                     "origin": origin, "weights": [list(x) for x in basket.weights]}))
        return basket

    def reset_cd20(self) -> Basket:
        self.store.set_setting(CD20_KEY, "")
        return self.cd20()

    # -- miners --------------------------------------------------------------------------------------------------
    def miner_mode(self) -> str:
        mode = (self.store.get_setting(MINER_MODE_KEY, "held") or "held").strip().lower()
        return mode if mode in MINER_MODES else "held"

    def set_miner_mode(self, mode: str) -> None:
        if mode not in MINER_MODES:
            raise ValueError(f"the miner basket is 'held' or 'listed', not {mode!r}")
        self.store.set_setting(MINER_MODE_KEY, mode)

    def baskets(self, portfolio: Portfolio) -> tuple[Basket, ...]:
        """The baskets a cycle prices: the CD20 basket and the miner basket of this portfolio. A basket whose
        code the user holds as a position (a symbol named CD20) is left out: the position's figures win."""
        held = set(portfolio.symbols)
        return tuple(b for b in (self.cd20(), miner_basket(held, self.miner_mode())) if b.code not in held)

    # -- regime --------------------------------------------------------------------------------------------------
    def regime_config(self) -> RegimeConfig:
        text = self.store.get_setting(REGIME_KEY, None)
        if text:
            try:
                doc = json.loads(text)
                return RegimeConfig(parse_indicators(doc["indicators"]), int(doc["pressure_at"]),
                                    int(doc["stressed_at"]), int(doc.get("min_available", RegimeConfig.min_available)))
            except Exception as exc:  # any shape of bad stored text: the shipped rules
                log.warning("the stored regime rules are unreadable (%s); using the shipped ones", exc)
        return RegimeConfig()

    def set_regime_config(self, config: RegimeConfig) -> None:
        self.store.set_setting(REGIME_KEY, json.dumps({
            "indicators": indicator_rows(config.indicators), "pressure_at": config.pressure_at,
            "stressed_at": config.stressed_at, "min_available": config.min_available}))

    def reset_regime_config(self) -> RegimeConfig:
        self.store.set_setting(REGIME_KEY, "")
        return RegimeConfig()


def _at_or_before(series: pd.Series | None, now: datetime) -> tuple[datetime, float] | None:
    if series is None or not len(series):
        return None
    import pandas as pd

    i = int(series.index.searchsorted(pd.Timestamp(now), side="right")) - 1
    if i < 0:
        return None
    v = float(series.iloc[i])
    return (series.index[i].to_pydatetime(), v) if math.isfinite(v) else None


class BundledSignals:
    """Pegs and BTC funding from the bundled history, where the cycle has no usable live value."""

    def __init__(self, stablecoin_closes: Callable[[str], pd.Series | None],
                 funding: Callable[[], pd.Series | None]):
        self._stable = stablecoin_closes
        self._funding = funding
        self._cache: dict[str, pd.Series | None] = {}

    def _series(self, key: str) -> pd.Series | None:
        if key not in self._cache:
            try:
                self._cache[key] = self._funding() if key == "funding" else self._stable(key)
            except Exception:  # a broken bundle leaves the figure unavailable, never the cycle
                log.exception("bundled %s could not be read", key)
                self._cache[key] = None
        return self._cache[key]

    def values(self, current: Mapping[tuple[str, str], MetricValue], now: datetime) -> dict:
        """The bundled values to add to ``current`` (the cycle's Snapshot values) at ``now``."""
        from riskwatch.domain.liquidity_signals import annualised_funding

        out: dict = {}

        def offer(scope: str, metric: str, ts: datetime, value: float, valid: timedelta) -> None:
            have = current.get((scope, metric))
            if have is not None and have.value is not None and have.status.usable:
                return  # a live value of this cycle wins
            fresh = now - ts <= valid
            if have is not None and have.value is not None and not fresh:
                return  # an old live value is as good as an old bundled one
            out[(scope, metric)] = MetricValue(value, DataStatus.OK if fresh else DataStatus.STALE, ts,
                                               "sample_data")

        for sym in STABLECOINS:
            point = _at_or_before(self._series(sym), now)
            if point is not None and now - point[0] <= MAX_BUNDLED_AGE:
                # a daily bar is dated by its day and is that day's close: as of the day's end (or now, during it)
                closed = min(point[0] + timedelta(days=1), now)
                offer(sym, "peg_deviation", closed, abs(point[1] - 1.0), PEG_VALID)
        point = _at_or_before(self._series("funding"), now)
        if point is not None and now - point[0] <= MAX_BUNDLED_AGE:
            offer("BTC", "funding_8h", point[0], point[1], FUNDING_VALID)
            offer("BTC", "funding_annual", point[0], annualised_funding(point[1]), FUNDING_VALID)
        return out


class RegimeEvaluator:
    """The regime of a cycle's complete Snapshot (every other figure and signal already in). It remembers for
    ``remember`` which indicators had a usable value: one of them going without any value is counted as stale
    (the regime a lower bound), so a failing basket or source never resolves a regime alert."""

    def __init__(self, config: Callable[[], RegimeConfig], *, remember: timedelta = timedelta(days=1)):
        self._config = config
        self._remember = remember
        self._last_usable: dict[str, datetime] = {}   # indicator code -> when it last had a usable value

    def evaluate(self, values: Mapping[tuple[str, str], MetricValue], now: datetime) -> tuple[Regime, dict]:
        try:
            config = self._config()
        except Exception:
            log.exception("the regime rules could not be read; using the shipped ones")
            config = RegimeConfig()
        expected = frozenset(c for c, t in self._last_usable.items() if timedelta(0) <= now - t <= self._remember)
        regime = evaluate_regime(values, config, expected)
        for r in regime.readings:
            if r.beyond is not None:
                self._last_usable[r.indicator.code] = now
        return regime, regime_values(regime, now)


__all__ = ["CD20_KEY", "MAX_BUNDLED_AGE", "MINER_MODE_KEY", "REGIME_KEY", "BundledSignals", "MarketSetup",
           "RegimeEvaluator"]
