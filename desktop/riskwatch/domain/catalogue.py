"""The metric catalogue: every figure the app computes, declared once.

Rules validation, the rule editor, the dashboard, the liquidity view, the stress test and ``check --json``
read what a metric *is* from here — its unit, the thresholds a rule may use, whether it takes a window, what
its inputs are (and so how old they may be), where it applies and whether a stress scenario moves it. A new
metric is one :class:`MetricSpec` here, its function, and its translated label in the GUI.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from enum import StrEnum
from types import MappingProxyType
from typing import Any


class Unit(StrEnum):
    FRACTION = "fraction"  # −0.17 = 17 % down; shown and entered in percent
    MONEY = "money"        # an amount: base currency; book depth in the market's quote currency; adv_20d_usd in USD
    BPS = "bps"            # basis points
    SECONDS = "seconds"    # shown in minutes / hours, entered in minutes
    RATIO = "ratio"        # a plain number (beta, a ratio to a median, a Sortino ratio)
    DAYS = "days"
    FLAG = "flag"          # 0 or 1
    LEVEL = "level"        # the market regime: 0 calm, 1 under pressure, 2 stressed
    COUNT = "count"        # a number of things (indicators beyond their thresholds)


class Inputs(StrEnum):
    """What a figure is computed from; its freshness follows the age of these inputs."""

    PRICE = "price"              # the latest price (live quote or the last close) on top of the daily closes
    DAILY = "daily"              # daily closes only: changes once a day
    BOOK = "book"                # the exchange's order book
    VOLUME = "volume"            # traded volume history
    DERIVATIVES = "derivatives"  # perpetual funding and open interest
    CLOCK = "clock"              # the age of a price itself
    INDICATORS = "indicators"    # the market-regime indicators (each with its own inputs and as-of time)
    FUNDAMENTALS = "fundamentals"  # reported balance-sheet figures (EDGAR filings or entered): as of a period end


class Scope(StrEnum):
    ASSET = "asset"          # a held or watched asset, and the baskets (CD20, MINER_BASKET), which are priced alike
    PORTFOLIO = "portfolio"
    MARKET = "market"        # the market regime as a whole


ASSET = frozenset({Scope.ASSET})
PORTFOLIO = frozenset({Scope.PORTFOLIO})
MARKET = frozenset({Scope.MARKET})
BOTH = frozenset({Scope.ASSET, Scope.PORTFOLIO})


@dataclass(frozen=True)
class MetricSpec:
    """One metric. ``low``/``high``: the range a rule threshold must lie in (None: unbounded).

    ``windows``: the windows the app computes (the first is the default); empty for a metric without a window.
    ``editor``: offered in the rule editor. ``dashboard``: shown as a dashboard figure. ``stressed``: a stress
    scenario moves it. ``online_only``: rules on it are evaluated only while the app is online.
    ``compute``: ``f(history, window) -> float`` or the name of such a function (NaN: unavailable), called by the risk report for each scope
    and window (see :mod:`riskwatch.domain.metric_functions`); None: produced by a signal source such as the
    liquidity service.
    """

    code: str
    unit: Unit
    inputs: Inputs
    scopes: frozenset[Scope] = ASSET
    low: float | None = None
    high: float | None = None
    windows: tuple[str, ...] = ()
    editor: bool = False
    dashboard: bool = False
    stressed: bool = False
    online_only: bool = False
    benchmark: str | None = None     # a second series it is computed against; its freshness counts too
    #: what missing inputs can do to it: "below" – they can only understate it (a drop from a high: on a current
    #: price with stale closes the true drop is at least this deep); "above" – the true value is at least this
    #: high (a count of indicators beyond their thresholds, some of which are stale). A ``bound`` value may fire
    #: or escalate a rule on that side, never resolve or de-escalate one. None: no such bound.
    bound: str | None = None
    compute: Callable[..., Any] | str | None = field(default=None, compare=False, repr=False)

    @cached_property  # resolved once: the report calls it for every scope, window and cycle
    def function(self) -> Callable[..., Any]:
        """``compute`` as a callable. A name is looked up in :mod:`riskwatch.domain.metric_functions` on first
        use, so reading the catalogue (the rule editor, the CLI's help) does not import numpy and pandas."""
        if self.compute is None:
            raise LookupError(f"{self.code} is produced by a signal source, not computed by the risk report")
        if callable(self.compute):
            return self.compute
        return getattr(importlib.import_module("riskwatch.domain.metric_functions"), self.compute)

    @property
    def windowed(self) -> bool:
        return bool(self.windows)

    @property
    def default_window(self) -> str | None:
        return self.windows[0] if self.windows else None


_SPECS: tuple[MetricSpec, ...] = (
    # -- price risk -------------------------------------------------------------------------------------------
    MetricSpec("drop_from_high", Unit.FRACTION, Inputs.PRICE, BOTH, -1.0, 0.0, ("30D",), editor=True,
               dashboard=True, stressed=True, bound="below", compute="drop_from_high"),
    MetricSpec("drawdown", Unit.FRACTION, Inputs.PRICE, BOTH, -1.0, 0.0, editor=True, dashboard=True,
               stressed=True, bound="below", compute="drawdown"),
    MetricSpec("max_drawdown", Unit.FRACTION, Inputs.PRICE, BOTH, -1.0, 0.0, dashboard=True,
               compute="max_drawdown"),
    MetricSpec("return", Unit.FRACTION, Inputs.PRICE, ASSET, -1.0, None, ("1D", "7D", "28D", "30D"), editor=True,
               dashboard=True, stressed=True, compute="trailing_return"),
    MetricSpec("max_drop", Unit.FRACTION, Inputs.PRICE, ASSET, -1.0, 0.0, ("30D",), editor=True, bound="below",
               compute="max_drop_in_window"),
    MetricSpec("volatility", Unit.FRACTION, Inputs.DAILY, ASSET, 0.0, None, ("90D",), editor=True,
               dashboard=True, compute="annual_volatility"),
    MetricSpec("var_95", Unit.FRACTION, Inputs.DAILY, BOTH, -1.0, 0.0, editor=True, dashboard=True,
               compute="value_at_risk_95"),
    MetricSpec("es_95", Unit.FRACTION, Inputs.DAILY, BOTH, -1.0, 0.0, editor=True, dashboard=True,
               compute="expected_shortfall_95"),
    MetricSpec("var_99", Unit.FRACTION, Inputs.DAILY, BOTH, -1.0, 0.0, editor=True, dashboard=True,
               compute="value_at_risk_99"),
    MetricSpec("es_99", Unit.FRACTION, Inputs.DAILY, BOTH, -1.0, 0.0, editor=True, dashboard=True,
               compute="expected_shortfall_99"),
    MetricSpec("beta_btc", Unit.RATIO, Inputs.DAILY, BOTH, windows=("90D",), editor=True, dashboard=True,
               benchmark="BTC", compute="beta_btc"),
    MetricSpec("corr_btc", Unit.RATIO, Inputs.DAILY, ASSET, -1.0, 1.0, ("90D", "30D"), editor=True, dashboard=True,
               benchmark="BTC", compute="correlation_btc"),
    MetricSpec("beta_qqq", Unit.RATIO, Inputs.DAILY, ASSET, windows=("90D",), editor=True, dashboard=True,
               benchmark="QQQ", compute="beta_qqq"),
    MetricSpec("corr_qqq", Unit.RATIO, Inputs.DAILY, ASSET, -1.0, 1.0, ("90D", "30D"), editor=True,
               benchmark="QQQ", compute="correlation_qqq"),
    # a rise of the short-term correlation over the long-term one: the complex starts moving as one
    MetricSpec("corr_rise_btc", Unit.RATIO, Inputs.DAILY, ASSET, -2.0, 2.0, editor=True, benchmark="BTC",
               compute="correlation_rise_btc"),
    MetricSpec("corr_rise_qqq", Unit.RATIO, Inputs.DAILY, ASSET, -2.0, 2.0, editor=True, benchmark="QQQ",
               compute="correlation_rise_qqq"),
    MetricSpec("sortino", Unit.RATIO, Inputs.DAILY, BOTH, windows=("365D",), editor=True, dashboard=True,
               compute="sortino_ratio"),
    MetricSpec("price_age", Unit.SECONDS, Inputs.CLOCK, ASSET, 0.0, None, editor=True, online_only=True),
    # -- concentration ----------------------------------------------------------------------------------------
    MetricSpec("largest_weight", Unit.FRACTION, Inputs.PRICE, PORTFOLIO, 0.0, 1.0, editor=True,
               compute="largest_weight"),
    MetricSpec("hhi", Unit.RATIO, Inputs.PRICE, PORTFOLIO, 0.0, 1.0, compute="herfindahl"),
    # -- liquidity (produced by the liquidity service) ---------------------------------------------------------
    MetricSpec("spread_bps", Unit.BPS, Inputs.BOOK, ASSET, 0.0, None, editor=True),
    MetricSpec("depth_1pct_bid", Unit.MONEY, Inputs.BOOK, ASSET, 0.0, None),
    MetricSpec("depth_1pct_ask", Unit.MONEY, Inputs.BOOK, ASSET, 0.0, None),
    MetricSpec("depth_2pct", Unit.MONEY, Inputs.BOOK, ASSET, 0.0, None),
    MetricSpec("imbalance", Unit.RATIO, Inputs.BOOK, ASSET, -1.0, 1.0),
    MetricSpec("slippage_exit", Unit.FRACTION, Inputs.BOOK, ASSET, 0.0, None, editor=True),
    MetricSpec("book_too_thin", Unit.FLAG, Inputs.BOOK, ASSET, 0.0, 1.0),
    MetricSpec("depth_2pct_ratio", Unit.RATIO, Inputs.BOOK, ASSET, 0.0, None, editor=True),
    MetricSpec("volume_ratio", Unit.RATIO, Inputs.VOLUME, ASSET, 0.0, None, editor=True),
    MetricSpec("peg_deviation", Unit.FRACTION, Inputs.PRICE, ASSET, 0.0, None, editor=True),
    MetricSpec("adv_20d_usd", Unit.MONEY, Inputs.VOLUME, ASSET, 0.0, None),
    MetricSpec("days_to_liquidate", Unit.DAYS, Inputs.VOLUME, ASSET, 0.0, None, editor=True),
    MetricSpec("liquid_share_1d", Unit.FRACTION, Inputs.BOOK, PORTFOLIO, 0.0, 1.0, editor=True),
    # -- derivatives ------------------------------------------------------------------------------------------
    MetricSpec("funding_8h", Unit.FRACTION, Inputs.DERIVATIVES, ASSET, editor=True),
    MetricSpec("funding_annual", Unit.FRACTION, Inputs.DERIVATIVES, ASSET),
    MetricSpec("oi_change_24h", Unit.FRACTION, Inputs.DERIVATIVES, ASSET, -1.0, None),
    # -- miner balance sheets (produced by the fundamentals source from filings and the cycle's price) -----------
    MetricSpec("net_debt_to_mcap", Unit.FRACTION, Inputs.FUNDAMENTALS, ASSET, -10.0, 10.0, editor=True),
    MetricSpec("debt_to_ev", Unit.FRACTION, Inputs.FUNDAMENTALS, ASSET, 0.0, 10.0, editor=True),
    MetricSpec("debt_growth_1y", Unit.FRACTION, Inputs.FUNDAMENTALS, ASSET, -1.0, None, editor=True),
    MetricSpec("fundamentals_age_days", Unit.DAYS, Inputs.FUNDAMENTALS, ASSET, 0.0, None, editor=True),
    # -- market regime (produced by the regime evaluator from the indicators above) ------------------------------
    MetricSpec("regime_level", Unit.LEVEL, Inputs.INDICATORS, MARKET, 0.0, 2.0, editor=True, bound="above"),
    MetricSpec("regime_count", Unit.COUNT, Inputs.INDICATORS, MARKET, 0.0, None, editor=True, bound="above"),
)

#: The figures the liquidity signal source produces (``domain.liquidity.liquidity_metric_values``), in the
#: order the liquidity view lists them.
BOOK_METRICS = ("spread_bps", "depth_1pct_bid", "depth_1pct_ask", "depth_2pct", "imbalance")
EXIT_METRICS = ("slippage_exit", "book_too_thin")
FUNDING_METRICS = ("funding_8h", "funding_annual")
LIQUIDITY_METRICS = (*BOOK_METRICS, *EXIT_METRICS, "depth_2pct_ratio", "volume_ratio", "peg_deviation",
                     *FUNDING_METRICS, "oi_change_24h", "adv_20d_usd", "days_to_liquidate", "liquid_share_1d")

#: The figures the regime evaluator produces (``domain.regime.regime_values``).
REGIME_METRICS = ("regime_level", "regime_count")

#: The figures the fundamentals signal source produces (``services.fundamentals_source``).
FUNDAMENTAL_METRICS = ("net_debt_to_mcap", "debt_to_ev", "debt_growth_1y", "fundamentals_age_days")

#: Every metric by code, in the order the editor and the dashboard list them.
CATALOGUE: Mapping[str, MetricSpec] = MappingProxyType({s.code: s for s in _SPECS})


def spec(code: str) -> MetricSpec | None:
    """The spec of a metric code (without its window); None for a code the app does not know."""
    return CATALOGUE.get(code)


def codes(*, editor: bool | None = None, dashboard: bool | None = None, inputs: Inputs | None = None,
          stressed: bool | None = None) -> tuple[str, ...]:
    """The metric codes with the given properties, in catalogue order."""
    return tuple(s.code for s in _SPECS
                 if (editor is None or s.editor == editor) and (dashboard is None or s.dashboard == dashboard)
                 and (inputs is None or s.inputs == inputs) and (stressed is None or s.stressed == stressed))


def computed(scope: Scope) -> tuple[MetricSpec, ...]:
    """The specs the risk report computes for a scope (those with ``compute``), in catalogue order."""
    return tuple(s for s in _SPECS if s.compute is not None and scope in s.scopes)


__all__ = ["ASSET", "BOOK_METRICS", "BOTH", "MARKET", "EXIT_METRICS", "FUNDAMENTAL_METRICS", "FUNDING_METRICS",
           "LIQUIDITY_METRICS", "REGIME_METRICS", "CATALOGUE", "PORTFOLIO", "Inputs", "MetricSpec", "Scope", "Unit", "codes", "computed",
           "spec"]
