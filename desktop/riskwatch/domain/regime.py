"""The market regime: is the whole risk-on complex (BTC, the CoinDesk-20 basket, the miners, the Nasdaq,
liquidity) under pressure? A transparent count, not a model.

Each :class:`Indicator` reads one Snapshot figure (scope and metric key, e.g. ``BTC drop_from_high:30D``) and
compares it with its threshold, exactly as an alert rule does. The regime is the number of indicators beyond
their thresholds: ``calm`` below ``pressure_at``, ``under pressure`` from it, ``stressed`` from ``stressed_at``.
Every indicator is shown with its value, threshold, status and as-of time; the user may edit all of it.

Time: only usable figures (current, or from a closed market's last session) count. An indicator whose data is
*stale* does not count, and then the count is a lower bound: the regime's values have the status ``bound``
(catalogue ``bound="above"``), so a rule on the regime may fire or escalate but never resolves on them. An
indicator that has no value at all (not held, not computed yet) is left out, unless it had one lately (then it
counts as stale). Fewer than ``min_available`` usable indicators: the regime is unavailable.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from riskwatch.domain.freshness import DataStatus
from riskwatch.domain.rules import Comparator
from riskwatch.domain.snapshot import MARKET, MetricValue, metric_key

CALM, PRESSURE, STRESSED = 0, 1, 2
LEVEL_CODES = ("calm", "pressure", "stressed")


@dataclass(frozen=True)
class Indicator:
    """One regime indicator: ``scope`` a Snapshot scope (an asset, a basket code), ``metric`` a metric key."""

    code: str
    scope: str
    metric: str
    comparator: Comparator
    threshold: float
    group: str = "price"   # price | comovement | liquidity: how the panel groups them

    def __post_init__(self) -> None:
        object.__setattr__(self, "comparator", Comparator(self.comparator))
        if not (isinstance(self.threshold, (int, float)) and math.isfinite(self.threshold)):
            raise ValueError(f"indicator {self.code}: the threshold must be a finite number, got {self.threshold!r}")


def _i(code, scope, metric, window, cmp, threshold, group="price") -> Indicator:
    return Indicator(code, scope, metric_key(metric, window), Comparator(cmp), threshold, group)


#: The shipped indicators: the 2025 sell-off's figures (BTC 17 % below its 30-day high, the CoinDesk 20 19 % down
#: in 30 days, QQQ's intramonth drop of more than 7 %) and the 2022 liquidity signals.
DEFAULT_INDICATORS: tuple[Indicator, ...] = (
    _i("btc_drop", "BTC", "drop_from_high", "30D", "<=", -0.17),
    _i("cd20_return", "CD20", "return", "30D", "<=", -0.15),
    _i("miners_drop", "MINER_BASKET", "drop_from_high", "30D", "<=", -0.25),
    _i("qqq_drop", "QQQ", "max_drop", "30D", "<=", -0.07),
    _i("btc_qqq_corr", "BTC", "corr_qqq", "30D", ">=", 0.5, "comovement"),
    _i("miners_btc_corr_rise", "MINER_BASKET", "corr_rise_btc", None, ">=", 0.15, "comovement"),
    _i("usdt_peg", "USDT", "peg_deviation", None, ">=", 0.005, "liquidity"),
    _i("usdc_peg", "USDC", "peg_deviation", None, ">=", 0.005, "liquidity"),
    _i("btc_funding", "BTC", "funding_8h", None, "<", 0.0, "liquidity"),
    _i("btc_depth", "BTC", "depth_2pct_ratio", None, "<=", 0.5, "liquidity"),
    _i("btc_volume", "BTC", "volume_ratio", None, "<=", 0.5, "liquidity"),
)


@dataclass(frozen=True)
class RegimeConfig:
    indicators: tuple[Indicator, ...] = DEFAULT_INDICATORS
    pressure_at: int = 2
    stressed_at: int = 4
    min_available: int = 5   # fewer usable indicators: no regime (a 'calm' of three figures says little)

    def __post_init__(self) -> None:
        codes = [i.code for i in self.indicators]
        if len(set(codes)) != len(codes):
            raise ValueError("indicator codes must be unique")
        if not (1 <= self.pressure_at <= self.stressed_at):
            raise ValueError(f"'under pressure' from {self.pressure_at} and 'stressed' from {self.stressed_at} "
                             "indicators: expected 1 ≤ pressure ≤ stressed")
        if self.min_available < 1:
            raise ValueError("at least one indicator must be available")


@dataclass(frozen=True)
class Reading:
    """One indicator's figure: ``beyond`` True/False when its value is usable, None when it does not count."""

    indicator: Indicator
    value: float | None
    status: DataStatus
    as_of: datetime | None
    beyond: bool | None


@dataclass(frozen=True)
class Regime:
    level: int | None          # CALM, PRESSURE, STRESSED; None: unavailable (too few indicators)
    count: int                 # indicators beyond their thresholds (of the usable ones)
    usable: int
    stale: tuple[str, ...]     # indicator codes whose data is stale (the count is then a lower bound)
    readings: tuple[Reading, ...] = field(default_factory=tuple)
    as_of: datetime | None = None   # the oldest as-of time of the counted indicators
    needed: int = RegimeConfig.min_available   # usable indicators a regime needs (the config's min_available)

    @property
    def level_code(self) -> str | None:
        return LEVEL_CODES[self.level] if self.level is not None else None


def read_indicator(ind: Indicator, values: Mapping[tuple[str, str], MetricValue]) -> Reading:
    mv = values.get((ind.scope, ind.metric))
    if mv is None:
        return Reading(ind, None, DataStatus.MISSING, None, None)
    value = mv.value if mv.value is not None and math.isfinite(mv.value) else None
    if value is not None and mv.status is DataStatus.BOUND and ind.comparator.low_is_bad \
            and ind.comparator(value, ind.threshold):
        return Reading(ind, value, mv.status, mv.as_of, True)   # at least this deep: beyond for sure
    if value is None or not mv.status.usable:
        return Reading(ind, value, mv.status if value is not None or not mv.status.usable else DataStatus.MISSING,
                       mv.as_of, None)
    return Reading(ind, value, mv.status, mv.as_of, bool(ind.comparator(value, ind.threshold)))


def evaluate_regime(values: Mapping[tuple[str, str], MetricValue], config: RegimeConfig = RegimeConfig(),
                    expected: frozenset[str] = frozenset()) -> Regime:
    """The regime from the Snapshot's values (see the module docstring). ``expected``: indicator codes that had a
    usable value lately; one of them without any value now (a basket that could not be built, a source that
    failed) counts as stale, not as absent, so the count it leaves is a lower bound and never resolves an alert."""
    readings = tuple(read_indicator(i, values) for i in config.indicators)
    counted = [r for r in readings if r.beyond is not None]
    count = sum(1 for r in counted if r.beyond)
    # a value that is there but old (BOUND counts as old here: a drop "at least this deep" is not a reading)
    stale = tuple(r.indicator.code for r in readings if r.beyond is None
                  and (r.status is not DataStatus.MISSING or r.indicator.code in expected))
    dates = [r.as_of for r in counted if r.as_of is not None]
    if len(counted) < config.min_available:
        level = None
    else:
        level = STRESSED if count >= config.stressed_at else PRESSURE if count >= config.pressure_at else CALM
    return Regime(level, count, len(counted), stale, readings, min(dates) if dates else None, config.min_available)


def regime_values(regime: Regime, now: datetime) -> dict[tuple[str, str], MetricValue]:
    """The regime as Snapshot values under the ``market`` scope: ``regime_level`` and ``regime_count``."""
    if regime.level is None:
        status, detail = DataStatus.MISSING, f"{regime.usable}_usable"
        return {(MARKET, "regime_level"): MetricValue(None, status, regime.as_of, detail),
                (MARKET, "regime_count"): MetricValue(None, status, regime.as_of, detail)}
    status = DataStatus.BOUND if regime.stale else DataStatus.OK
    detail = "stale:" + ",".join(regime.stale) if regime.stale else ""
    as_of = regime.as_of or now
    return {(MARKET, "regime_level"): MetricValue(float(regime.level), status, as_of, detail),
            (MARKET, "regime_count"): MetricValue(float(regime.count), status, as_of, detail)}


def parse_indicators(rows: Sequence[Mapping]) -> tuple[Indicator, ...]:
    """Indicators from stored JSON rows ``{"code", "scope", "metric", "comparator", "threshold", "group"}``;
    raises ValueError naming the row and field of the first bad one."""
    out = []
    for n, row in enumerate(rows, 1):
        try:
            out.append(Indicator(str(row["code"]), str(row["scope"]), str(row["metric"]), row["comparator"],
                                 float(row["threshold"]), str(row.get("group", "price"))))
        except KeyError as exc:
            raise ValueError(f"indicator {n}: the field {exc.args[0]} is missing") from None
        except (TypeError, ValueError) as exc:
            raise ValueError(f"indicator {n}: {exc}") from None
    return tuple(out)


def indicator_rows(indicators: Sequence[Indicator]) -> list[dict]:
    return [{"code": i.code, "scope": i.scope, "metric": i.metric, "comparator": i.comparator.value,
             "threshold": i.threshold, "group": i.group} for i in indicators]


__all__ = ["CALM", "DEFAULT_INDICATORS", "LEVEL_CODES", "PRESSURE", "STRESSED", "Indicator", "Reading", "Regime",
           "RegimeConfig", "evaluate_regime", "indicator_rows", "parse_indicators", "read_indicator",
           "regime_values"]
