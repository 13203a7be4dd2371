"""Every liquidity figure the domain produces is declared in the metric catalogue, with the unit it has."""

from __future__ import annotations

from datetime import UTC, datetime

from riskwatch.domain.catalogue import Inputs, Scope, Unit, spec
from riskwatch.domain.liquidity import (
    BOOK_METRICS,
    EXIT_METRICS,
    FUNDING_METRICS,
    LIQUIDITY_METRICS,
    AssetLiquidity,
    LiquidityProfile,
    OrderBook,
    book_signals,
    funding_signal,
    liquidity_metric_values,
    sell_slippage,
)
from riskwatch.domain.snapshot import PORTFOLIO

T0 = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)

# The unit of each figure as the liquidity functions compute it (see riskwatch.domain.liquidity).
UNITS = {
    "spread_bps": Unit.BPS, "depth_1pct_bid": Unit.MONEY, "depth_1pct_ask": Unit.MONEY, "depth_2pct": Unit.MONEY,
    "imbalance": Unit.RATIO, "slippage_exit": Unit.FRACTION, "book_too_thin": Unit.FLAG,
    "depth_2pct_ratio": Unit.RATIO, "volume_ratio": Unit.RATIO, "peg_deviation": Unit.FRACTION,
    "funding_8h": Unit.FRACTION, "funding_annual": Unit.FRACTION, "oi_change_24h": Unit.FRACTION,
    "adv_20d_usd": Unit.MONEY, "days_to_liquidate": Unit.DAYS, "liquid_share_1d": Unit.FRACTION,
}


def every_value():
    book = OrderBook([[99.9, 2], [99.5, 3]], [[100.1, 1], [100.5, 4]], T0, "BTC/USD")
    asset = AssetLiquidity("BTC", book=book_signals(book), exit=sell_slippage(book, 1.0), depth_2pct_ratio=0.8,
                           volume_ratio=0.9, peg_deviation=-0.001, funding=funding_signal(0.0001),
                           oi_change_24h=0.05, adv_20d_usd=1e6, days_to_liquidate=0.2)
    return liquidity_metric_values([asset], portfolio=LiquidityProfile(100.0, 100.0, 80.0), as_of=T0)


def test_the_declared_metric_names_are_exactly_the_produced_ones():
    produced = {metric for _, metric in every_value()}
    assert produced == set(LIQUIDITY_METRICS) == set(UNITS)
    assert len(LIQUIDITY_METRICS) == len(set(LIQUIDITY_METRICS))


def test_each_produced_metric_has_a_catalogue_spec_with_its_unit_and_scope():
    for (scope, metric), value in every_value().items():
        s = spec(metric)
        assert s is not None, f"{metric} is produced but not in the catalogue"
        assert s.unit == UNITS[metric], f"{metric}: catalogue says {s.unit}, the domain computes {UNITS[metric]}"
        assert s.inputs in (Inputs.BOOK, Inputs.VOLUME, Inputs.PRICE, Inputs.DERIVATIVES), metric
        assert (Scope.PORTFOLIO if scope == PORTFOLIO else Scope.ASSET) in s.scopes, metric
        assert not s.windowed, f"{metric} is stored without a window"
        lo, hi = s.low, s.high  # a typical value lies where a rule threshold on it may lie
        assert value.value is not None
        assert (lo is None or value.value >= lo) and (hi is None or value.value <= hi), metric


def test_the_metric_groups_take_their_inputs_from_the_catalogue_kind():
    assert all(spec(m).inputs == Inputs.BOOK for m in (*BOOK_METRICS, *EXIT_METRICS))
    assert all(spec(m).inputs == Inputs.DERIVATIVES for m in (*FUNDING_METRICS, "oi_change_24h"))
