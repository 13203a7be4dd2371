"""The market regime by hand (``domain.regime``): the count of indicators beyond their thresholds, what stale and
bound figures do to it, and an alert rule on ``regime_level`` that may fire on a lower bound but never resolve."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from riskwatch.domain.alerts import AlertState, Comparator, EventKind, Rule, Scope, ScopeType, Severity, evaluate
from riskwatch.domain.freshness import DataStatus
from riskwatch.domain.regime import (CALM, DEFAULT_INDICATORS, PRESSURE, STRESSED, Indicator, RegimeConfig,
                                     evaluate_regime, regime_values)
from riskwatch.domain.snapshot import MARKET, MetricValue, Snapshot

NOW = datetime(2025, 11, 20, 23, 59, 59, tzinfo=UTC)
EARLIER = NOW - timedelta(hours=6)
#: every shipped indicator on the calm side of its threshold
CALM_VALUES = {"btc_drop": -0.05, "cd20_return": 0.02, "miners_drop": -0.10, "qqq_drop": -0.02,
               "btc_qqq_corr": 0.2, "miners_btc_corr_rise": 0.0, "usdt_peg": 0.0005, "usdc_peg": 0.0001,
               "btc_funding": 0.0001, "btc_depth": 1.0, "btc_volume": 1.1}
BY_CODE = {i.code: i for i in DEFAULT_INDICATORS}


def _values(overrides=None, status=None, as_of=None, drop=()):
    """Snapshot values of the shipped indicators: CALM_VALUES with ``overrides``; ``status``/``as_of`` per code."""
    status, as_of = status or {}, as_of or {}
    out = {}
    for code, v in {**CALM_VALUES, **(overrides or {})}.items():
        if code in drop:
            continue
        ind = BY_CODE[code]
        out[(ind.scope, ind.metric)] = MetricValue(v, status.get(code, DataStatus.OK), as_of.get(code, NOW))
    return out


def test_all_calm_is_calm_with_every_indicator_usable():
    r = evaluate_regime(_values())
    assert (r.level, r.level_code, r.count, r.usable, r.stale) == (CALM, "calm", 0, 11, ())
    assert all(x.beyond is False for x in r.readings)


def test_the_level_is_the_count_against_pressure_at_and_stressed_at():
    beyond = {"btc_drop": -0.20, "cd20_return": -0.19, "qqq_drop": -0.08, "usdc_peg": 0.03, "btc_funding": -0.0001}
    seen = []
    for n in range(len(beyond) + 1):
        r = evaluate_regime(_values(dict(list(beyond.items())[:n])))
        seen.append((r.count, r.level))
    assert seen == [(0, CALM), (1, CALM), (2, PRESSURE), (3, PRESSURE), (4, STRESSED), (5, STRESSED)]
    r = evaluate_regime(_values(beyond), RegimeConfig(pressure_at=1, stressed_at=6))
    assert (r.count, r.level) == (5, PRESSURE)


def test_a_threshold_itself_is_beyond_for_at_most_and_not_for_strictly_below():
    r = evaluate_regime(_values({"btc_drop": -0.17, "btc_funding": 0.0, "btc_qqq_corr": 0.5}))
    beyond = {x.indicator.code: x.beyond for x in r.readings}
    assert beyond["btc_drop"] is True            # <= -0.17
    assert beyond["btc_qqq_corr"] is True        # >= 0.5
    assert beyond["btc_funding"] is False        # < 0: zero funding is not negative
    assert r.count == 2 and r.level == PRESSURE


def test_a_stale_indicator_does_not_count_and_makes_the_regime_a_lower_bound():
    old = NOW - timedelta(days=3)
    values = _values({"btc_drop": -0.30, "cd20_return": -0.25, "usdc_peg": 0.05},
                     status={"usdc_peg": DataStatus.STALE}, as_of={"usdc_peg": old, "qqq_drop": EARLIER})
    r = evaluate_regime(values)
    assert (r.count, r.usable, r.stale, r.level) == (2, 10, ("usdc_peg",), PRESSURE)
    reading = next(x for x in r.readings if x.indicator.code == "usdc_peg")
    assert (reading.value, reading.status, reading.as_of, reading.beyond) == (0.05, DataStatus.STALE, old, None)
    assert r.as_of == EARLIER                    # the oldest *counted* indicator, not the stale one
    level, count = (regime_values(r, NOW)[(MARKET, k)] for k in ("regime_level", "regime_count"))
    assert (level.value, level.status, count.value, count.status) == (1.0, DataStatus.BOUND, 2.0, DataStatus.BOUND)
    assert level.detail == "stale:usdc_peg" and level.as_of == EARLIER
    fresh = regime_values(evaluate_regime(_values({"btc_drop": -0.30})), NOW)[(MARKET, "regime_level")]
    assert (fresh.value, fresh.status) == (0.0, DataStatus.OK)


def test_fewer_usable_indicators_than_min_available_is_no_regime():
    keep = ("btc_drop", "cd20_return", "qqq_drop")
    values = _values({"btc_drop": -0.3, "cd20_return": -0.3}, drop=[c for c in CALM_VALUES if c not in keep])
    three = RegimeConfig(min_available=3)
    assert evaluate_regime(values, three).level == PRESSURE   # three usable: enough for this config
    assert evaluate_regime(values).level is None              # the shipped one wants five
    values[("QQQ", "max_drop:30D")] = MetricValue(-0.01, DataStatus.STALE, NOW - timedelta(days=5))
    r = evaluate_regime(values, three)
    assert (r.level, r.level_code, r.count, r.usable, r.stale) == (None, None, 2, 2, ("qqq_drop",))
    for key in ("regime_level", "regime_count"):
        mv = regime_values(r, NOW)[(MARKET, key)]
        assert (mv.value, mv.status, mv.detail) == (None, DataStatus.MISSING, "2_usable")
    # an indicator without any value (not held, not computed) is simply absent: neither usable nor stale
    r = evaluate_regime(_values(drop=["btc_depth", "btc_volume"]))
    assert (r.usable, r.stale) == (9, ())


def test_a_bound_drop_beyond_its_threshold_counts_one_within_it_does_not():
    bound = {"btc_drop": DataStatus.BOUND, "miners_drop": DataStatus.BOUND}
    r = evaluate_regime(_values({"btc_drop": -0.22, "miners_drop": -0.10, "cd20_return": -0.2}, status=bound))
    by = {x.indicator.code: x for x in r.readings}
    assert by["btc_drop"].beyond is True and by["btc_drop"].status is DataStatus.BOUND   # at least this deep
    assert by["miners_drop"].beyond is None        # at least −10 %: might be beyond, not a reading
    assert r.count == 2 and r.stale == ("miners_drop",) and r.level == PRESSURE
    # a bound on a "higher is bad" indicator is not a reading either
    ind = Indicator("corr", "BTC", "corr_qqq:30D", Comparator(">="), 0.5)
    values = {("BTC", "corr_qqq:30D"): MetricValue(0.9, DataStatus.BOUND, NOW)}
    assert evaluate_regime(values, RegimeConfig((ind,), 1, 1, 1)).readings[0].beyond is None


# -- an alert rule on the regime ------------------------------------------------------------------------------
RULE = Rule("regime_w", "Market under pressure", "regime_level", Scope(ScopeType.MARKET), Comparator(">="), 1.0,
            Severity.WARNING)


def _run(level, status, state, at):
    snap = Snapshot(at, {(MARKET, "regime_level"): MetricValue(level, status, at)})
    events, state = evaluate(snap, [RULE], state, at)
    return [e.kind for e in events], state


def test_a_rule_on_the_regime_fires_on_ok_and_resolves_on_ok():
    kinds, state = _run(1.0, DataStatus.OK, AlertState(), NOW)
    assert kinds == [EventKind.FIRED] and state.get(RULE.key + "|" + MARKET).active
    kinds, state = _run(0.0, DataStatus.OK, state, NOW + timedelta(hours=1))
    assert kinds == [EventKind.RESOLVED]


def test_a_rule_on_the_regime_fires_on_a_bound_but_never_resolves_on_one():
    kinds, state = _run(2.0, DataStatus.BOUND, AlertState(), NOW)    # at least "stressed": certainly ≥ 1
    assert kinds == [EventKind.FIRED]
    key = RULE.key + "|" + MARKET
    kinds, state = _run(0.0, DataStatus.BOUND, state, NOW + timedelta(hours=1))   # "calm" with indicators stale
    assert kinds == [] and state.get(key).active
    kinds, state = _run(0.0, DataStatus.STALE, state, NOW + timedelta(hours=2))
    assert kinds == [] and state.get(key).active
    kinds, state = _run(0.0, DataStatus.OK, state, NOW + timedelta(hours=3))     # all indicators current again
    assert kinds == [EventKind.RESOLVED]


def test_a_bound_below_the_threshold_does_not_fire():
    kinds, state = _run(0.0, DataStatus.BOUND, AlertState(), NOW)
    assert kinds == [] and state.get(RULE.key + "|" + MARKET) is None


@pytest.mark.parametrize("status", [DataStatus.STALE, DataStatus.MISSING])
def test_a_stale_or_missing_regime_never_fires(status):
    kinds, _ = _run(2.0 if status is DataStatus.STALE else None, status, AlertState(), NOW)
    assert kinds == []


def test_an_indicator_that_had_a_value_and_lost_it_counts_as_stale_and_holds_a_regime_alert():
    """The CD20 basket could not be built this cycle: its indicator has no value at all. Had it one lately
    (``expected``), the count without it is a lower bound: a regime alert is held, not de-escalated."""
    from riskwatch.services.market_regime import RegimeEvaluator

    stressed = {"btc_drop": -0.20, "cd20_return": -0.19, "qqq_drop": -0.08, "usdc_peg": 0.03}
    assert evaluate_regime(_values(stressed, drop=["cd20_return"])).stale == ()        # never seen: absent
    r = evaluate_regime(_values(stressed, drop=["cd20_return"]), expected=frozenset({"cd20_return"}))
    assert r.stale == ("cd20_return",) and (r.count, r.level) == (3, PRESSURE)
    assert regime_values(r, NOW)[(MARKET, "regime_level")].status is DataStatus.BOUND

    evaluator = RegimeEvaluator(lambda: RegimeConfig())
    rule = Rule("regime_2", "stressed", "regime_level", Scope(ScopeType.MARKET), Comparator(">="), 2,
                Severity.WARNING)
    state = AlertState()
    kinds = []
    for when, values in ((NOW, _values(stressed)), (NOW + timedelta(minutes=1), _values(stressed, drop=["cd20_return"])),
                         (NOW + timedelta(days=2), _values(stressed, drop=["cd20_return"]))):
        regime, vals = evaluator.evaluate(values, when)
        events, state = evaluate(Snapshot(when, {**values, **vals}), [rule], state, when)
        kinds.append((regime.level, [e.kind for e in events]))
    assert kinds[0] == (STRESSED, [EventKind.FIRED])
    assert kinds[1] == (PRESSURE, [])                    # held: the missing basket may hide a fourth indicator
    assert kinds[2] == (PRESSURE, [EventKind.RESOLVED])  # a day later it is no longer expected
