"""What a stress test works on and returns: holdings, the shocked positions and result, how a shock was
obtained (:class:`Basis`, :class:`Flag`), and the historical stress periods. Conventions: see
:mod:`riskwatch.domain.stress_shocks`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum

import pandas as pd

from riskwatch.domain.model import AssetKind

BTC = "BTC"
QQQ = "QQQ"
#: The BTC shocks the stress dialog offers as buttons.
BTC_SHOCK_PRESETS = (-0.17, -0.30, -0.50)
#: The default QQQ move of the "AI trade unwinds" scenario.
AI_UNWIND_QQQ_SHOCK = -0.20


class Basis(str, Enum):
    """How a position's shock was obtained."""

    DIRECT = "direct"              # the asset's own move: a driver of a beta shock, or its own historical path
    BETA_BTC = "beta_btc"          # beta to BTC × BTC shock
    BETA_QQQ = "beta_qqq"          # beta to QQQ × QQQ shock
    BETA_BTC_QQQ = "beta_btc_qqq"  # the sum of both parts
    MANUAL = "manual"              # entered by hand
    NO_BETA = "no_beta"            # the beta it needs is unknown (none set by the user): its move is unknown
    STABLECOIN = "stablecoin"      # stablecoins are not shocked


class Flag(str, Enum):
    CAPPED = "capped"                        # a beta-derived shock below −100 % was capped at −100 %
    NO_DATA_IN_PERIOD = "no_data_in_period"  # historical scenario: no closes of its own in the period
    PARTIAL_DATA = "partial_data"            # historical scenario: closes cover only part of the period
    MISSING_BETA_BTC = "missing_beta_btc"    # a BTC shock applies but the beta to BTC is unknown
    MISSING_BETA_QQQ = "missing_beta_qqq"    # a QQQ shock applies but the beta to QQQ is unknown
    USER_BETA_BTC = "user_beta_btc"          # the beta to BTC is the one the user set for the scenario


@dataclass(frozen=True)
class Holding:
    """One holding to shock: ``value`` is its market value in the base currency."""

    symbol: str
    value: float
    kind: AssetKind | None = None
    quantity: float | None = None
    price: float | None = None


@dataclass(frozen=True)
class StressPosition:
    symbol: str
    kind: AssetKind | None
    value_before: float
    value_after: float
    pnl: float
    weight_before: float | None
    weight_after: float | None
    shock: float
    basis: Basis
    parts: Mapping[str, float] = field(default_factory=dict)   # driver -> contribution to the shock
    flags: frozenset = frozenset()
    quantity: float | None = None
    price_before: float | None = None
    peak_date: pd.Timestamp | None = None    # historical scenario: the peak and trough of its worst move
    trough_date: pd.Timestamp | None = None

    @property
    def shock_known(self) -> bool:
        """False for a position without the beta it needs: ``shock`` is then a placeholder 0 (the value is held
        at today's) and nothing may show or count it as a move."""
        return self.basis is not Basis.NO_BETA

    @property
    def price_after(self) -> float | None:
        if self.price_before is None or not self.shock_known:
            return None
        return self.price_before * (1.0 + self.shock)

    @property
    def through_beta(self) -> bool:
        return self.basis in (Basis.BETA_BTC, Basis.BETA_QQQ, Basis.BETA_BTC_QQQ)


@dataclass(frozen=True)
class StressResult:
    """The shocked holdings. A position without the beta it needs (``lacking_beta``) has an unknown move: it is
    held at today's value in ``value_after`` and ``pnl`` (so they are the result *without* those positions),
    ``pnl_pct`` is None (the portfolio's move is not available) and ``covered_pnl_pct`` is the move of the
    rest. ``shocks`` holds only known moves."""

    positions: tuple[StressPosition, ...]
    shocks: Mapping[str, float]      # every shocked asset, drivers that are not held included
    value_before: float
    value_after: float
    scenario: str                    # "beta_shock" or a historical scenario code
    btc_shock: float | None = None   # the BTC move (historical: BTC's worst move in the period)
    qqq_shock: float | None = None
    period: tuple[date, date] | None = None

    @property
    def pnl(self) -> float:
        return self.value_after - self.value_before

    @property
    def pnl_pct(self) -> float | None:
        """The portfolio's move; None when a position's move is unknown (see ``lacking_beta``)."""
        if not self.complete or self.value_before <= 0:
            return None
        return self.value_after / self.value_before - 1.0

    @property
    def lacking_beta(self) -> tuple[str, ...]:
        """The held symbols whose move is unknown: no beta they need and none set by the user."""
        return tuple(p.symbol for p in self.positions if not p.shock_known)

    @property
    def complete(self) -> bool:
        return not self.lacking_beta

    @property
    def covered_value_before(self) -> float:
        """Today's value of the positions with a known move."""
        return sum(p.value_before for p in self.positions if p.shock_known)

    @property
    def lacking_share(self) -> float | None:
        """Share of today's portfolio value whose move is unknown (0 … 1)."""
        return 1.0 - self.covered_value_before / self.value_before if self.value_before > 0 else None

    @property
    def covered_pnl_pct(self) -> float | None:
        """The move of the positions with a known move (all of them when ``complete``)."""
        covered = self.covered_value_before
        return self.pnl / covered if covered > 0 else None

    def position(self, symbol: str) -> StressPosition | None:
        return next((p for p in self.positions if p.symbol == symbol), None)

    @property
    def flagged(self) -> tuple[StressPosition, ...]:
        """Positions not shocked by their own move: through a beta, not at all, or with a flag."""
        return tuple(p for p in self.positions if p.flags or p.basis in (
            Basis.BETA_BTC, Basis.BETA_QQQ, Basis.BETA_BTC_QQQ, Basis.NO_BETA))


@dataclass(frozen=True)
class HistoricalScenario:
    """A stress period; ``code`` names it (the GUI translates), ``start``/``end`` inclusive (UTC days)."""

    code: str
    start: date
    end: date


HISTORICAL_SCENARIOS: tuple[HistoricalScenario, ...] = (
    HistoricalScenario("covid_crash_2020", date(2020, 3, 1), date(2020, 3, 31)),
    HistoricalScenario("terra_celsius_3ac_2022", date(2022, 5, 1), date(2022, 6, 30)),
    HistoricalScenario("ftx_2022", date(2022, 11, 1), date(2022, 11, 30)),
    HistoricalScenario("selloff_2025", date(2025, 10, 1), date(2025, 11, 30)),
)


def historical_scenarios() -> tuple[HistoricalScenario, ...]:
    """March 2020, May–June 2022 (Terra, Celsius, 3AC), November 2022 (FTX), October–November 2025."""
    return HISTORICAL_SCENARIOS


def scenario(code: str) -> HistoricalScenario:
    for s in HISTORICAL_SCENARIOS:
        if s.code == code:
            return s
    raise KeyError(f"unknown scenario '{code}'")


def finite_or_none(x) -> float | None:
    """``x`` as a finite float, None when it is not a number or not finite."""
    try:
        v = float(x)
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None
