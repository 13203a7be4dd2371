"""Freshness: one vocabulary, the limits of DESIGN.md, and no rule changing state on data older than its limit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from riskwatch.domain.alerts import AlertState, Comparator, EventKind, Rule, Scope, ScopeType, Severity, evaluate
from riskwatch.domain.freshness import (DataStatus, PriceState, assess_daily, daily_valid_until, stale_after,
                                        worst)
from riskwatch.domain.market_calendar import UsEquityCalendar
from riskwatch.domain.model import Asset, AssetKind, Portfolio, Position, Quote
from riskwatch.domain.risk_report import compute_risk_report
from riskwatch.domain.snapshot import PORTFOLIO, MetricValue

CAL = UsEquityCalendar()
T0 = datetime(2025, 6, 2, tzinfo=UTC)   # a Monday


def test_one_vocabulary_orders_badness_and_says_what_a_rule_may_read():
    assert {s for s in DataStatus if s.usable} == {DataStatus.OK, DataStatus.MARKET_CLOSED}
    assert worst([DataStatus.OK, DataStatus.MARKET_CLOSED]) is DataStatus.MARKET_CLOSED
    assert worst([DataStatus.OK, DataStatus.STALE, DataStatus.UNCONFIRMED]) is DataStatus.STALE
    assert worst([]) is DataStatus.OK
    # a status read back as a plain string (store, worker process) is the enum again
    assert MetricValue(1.0, "stale").status is DataStatus.STALE
    assert PriceState("market_closed").state is DataStatus.MARKET_CLOSED


def test_a_daily_bar_counts_until_the_end_of_the_day_after_it():
    bar = datetime(2025, 6, 2, tzinfo=UTC)
    assert daily_valid_until(bar) == datetime(2025, 6, 4, tzinfo=UTC)
    assert assess_daily(bar, datetime(2025, 6, 3, 23, 59, tzinfo=UTC)).state is DataStatus.OK
    assert assess_daily(bar, datetime(2025, 6, 4, 0, 1, tzinfo=UTC)).state is DataStatus.STALE
    assert assess_daily(bar, datetime(2025, 6, 4, 0, 1, tzinfo=UTC), grace=timedelta(hours=1)).state is DataStatus.OK
    assert assess_daily(None, bar).state is DataStatus.MISSING


def test_a_stock_bar_counts_until_the_next_session_closes_weekends_and_holidays_excluded():
    friday = datetime(2025, 11, 21, tzinfo=UTC)
    assert daily_valid_until(friday, CAL) == datetime(2025, 11, 24, 21, tzinfo=UTC)  # Monday 16:00 New York
    wednesday = datetime(2025, 11, 26, tzinfo=UTC)                                   # before Thanksgiving
    assert daily_valid_until(wednesday, CAL) == datetime(2025, 11, 28, 18, tzinfo=UTC)  # Friday's early close
    assert assess_daily(friday, datetime(2025, 11, 24, 20, tzinfo=UTC), calendar=CAL).state is DataStatus.OK
    assert assess_daily(friday, datetime(2025, 11, 25, 9, tzinfo=UTC), calendar=CAL).state is DataStatus.STALE


def _closes(values, start=T0):
    idx = pd.date_range(start, periods=len(values), freq="D", tz="UTC")
    return pd.Series(values, index=idx, dtype=float)


def _portfolio(*symbols):
    kinds = {"BTC": AssetKind.CRYPTO}
    return Portfolio([Position(Asset(s, kinds.get(s, AssetKind.EQUITY)), Decimal("1"), Decimal("1"))
                      for s in symbols])


def test_stocks_down_with_crypto_live_marks_the_portfolio_mixed_dates_with_the_oldest_input():
    now = T0 + timedelta(days=200)
    btc = _closes([100.0 + i for i in range(200)])
    iren = _closes([50.0] * 79, start=T0)                         # its feed died 121 days ago
    iren_as_of = iren.index[-1].to_pydatetime() + timedelta(hours=20)
    states = {"BTC": PriceState(DataStatus.OK, 5.0, as_of=now - timedelta(seconds=5),
                                daily_as_of=now - timedelta(hours=12)),
              "IREN": PriceState(DataStatus.STALE, 121 * 86400.0, as_of=iren_as_of, daily=DataStatus.STALE,
                                 daily_as_of=iren_as_of)}
    quotes = {"BTC": Quote("BTC", 300.0, now - timedelta(seconds=5), "kraken")}
    rep = compute_risk_report(_portfolio("BTC", "IREN"), {"BTC": btc, "IREN": iren}, quotes, now,
                              price_states=states)
    snap = rep.snapshot
    assert snap.get("BTC", "drop_from_high:30D").status is DataStatus.OK
    assert snap.get("BTC", "drop_from_high:30D").as_of == now - timedelta(seconds=5)
    assert snap.get("IREN", "drawdown").status is DataStatus.STALE
    dd = snap.get(PORTFOLIO, "drawdown")
    assert dd.status is DataStatus.STALE and dd.detail == "mixed_dates" and dd.as_of == iren_as_of
    assert rep.portfolio.status is DataStatus.STALE and rep.portfolio.as_of == iren_as_of
    assert rep.portfolio.stale == (("IREN", iren_as_of),)
    # a beta needs its benchmark to be current too
    states["BTC"] = PriceState(DataStatus.OK, 5.0, as_of=now, daily=DataStatus.STALE, daily_as_of=T0)
    rep = compute_risk_report(_portfolio("IREN"), {"BTC": btc, "IREN": _closes([50.0 + i % 3 for i in range(200)])},
                              {}, now, price_states={**states, "IREN": PriceState(DataStatus.OK, 60.0, as_of=now)},
                              extra_assets={"BTC": Asset("BTC", AssetKind.CRYPTO)})
    assert rep.snapshot.get("IREN", "beta_btc:90D").status is DataStatus.STALE
    assert rep.snapshot.get("IREN", "volatility:90D").status is DataStatus.OK


RULE = Rule("drop", "BTC drop", "drop_from_high", Scope(ScopeType.ASSET, "BTC"), Comparator("<="), -0.10,
            Severity.WARNING, window="30D", hysteresis=0.02)
REFRESH = timedelta(seconds=15)


def _state_at(values, now):
    """The PriceState the monitor gives a crypto asset priced from daily history only."""
    last = values.index[-1].to_pydatetime()
    daily = assess_daily(last, now, grace=timedelta(hours=1))
    as_of = min(last + timedelta(days=1), now)
    return PriceState(daily.state, (now - last).total_seconds(), as_of=as_of, daily=daily.state, daily_as_of=as_of)


def _run(values, now, state):
    pf = _portfolio("BTC")
    rep = compute_risk_report(pf, {"BTC": values}, {}, now, price_states={"BTC": _state_at(values, now)})
    return evaluate(rep.snapshot, [RULE], state, now), rep.snapshot.get("BTC", RULE.metric_key)


@settings(max_examples=60, deadline=None)
@given(path=st.lists(st.floats(50.0, 150.0), min_size=35, max_size=80),
       jump=st.floats(0.5, 1.5), gap_hours=st.integers(0, 24 * 20))
def test_no_rule_changes_state_on_data_older_than_its_limit(path, jump, gap_hours):
    """Whatever the path, a new bar that is already older than its limit when it is first read — a late import,
    a feed that delivers history after an outage — neither fires, escalates, de-escalates nor resolves."""
    closes = _closes(path)
    (_, state), _ = _run(closes.iloc[:-1], closes.index[-2].to_pydatetime() + timedelta(hours=12), AlertState())
    moved = closes.copy()
    moved.iloc[-1] = moved.iloc[-2] * jump
    now = moved.index[-1].to_pydatetime() + timedelta(hours=gap_hours)
    (events, new_state), mv = _run(moved, now, state)
    if now > daily_valid_until(moved.index[-1].to_pydatetime()) + timedelta(hours=1):
        assert mv.status is DataStatus.STALE
        assert [e for e in events if e.kind is not EventKind.SNOOZE_ENDED] == []
        old, new = state.get("drop|BTC"), new_state.get("drop|BTC")
        assert (old.active if old else False) == (new.active if new else False)
        if old is not None:
            assert (new.severity, new.rule_key, new.fired_at) == (old.severity, old.rule_key, old.fired_at)
    else:
        assert mv.status is DataStatus.OK


def test_stale_after_is_three_refresh_intervals_plus_the_source_lag():
    assert stale_after(REFRESH) == timedelta(seconds=45)
    assert stale_after(REFRESH, source_lag=timedelta(minutes=15)) == timedelta(minutes=15, seconds=45)


@pytest.mark.parametrize("status", [DataStatus.STALE, DataStatus.UNCONFIRMED, DataStatus.MISSING,
                                    DataStatus.INVALID, DataStatus.ERROR])
def test_an_unusable_status_never_fires(status):
    from riskwatch.domain.snapshot import Snapshot
    now = T0
    snap = Snapshot(now, {("BTC", RULE.metric_key): MetricValue(-0.5, status, now)},
                    {"BTC": Asset("BTC", AssetKind.CRYPTO)})
    events, state = evaluate(snap, [RULE], AlertState(), now)
    assert events == [] and state.get("drop|BTC") is None


def test_a_stock_quote_from_mid_session_is_stale_all_weekend_not_market_closed():
    from riskwatch.domain.freshness import assess_quote
    friday_10 = datetime(2025, 11, 21, 15, tzinfo=UTC)              # 10:00 New York: the feed died then
    saturday = datetime(2025, 11, 22, 12, tzinfo=UTC)
    max_age = timedelta(minutes=18)
    assert assess_quote(Quote("MARA", 12.0, friday_10, "yahoo"), saturday, max_age,
                        calendar=CAL).state is DataStatus.STALE
    near_close = datetime(2025, 11, 21, 20, 55, tzinfo=UTC)         # 15:55, within max_age of the close
    assert assess_quote(Quote("MARA", 12.0, near_close, "yahoo"), saturday, max_age,
                        calendar=CAL).state is DataStatus.MARKET_CLOSED


def test_a_figure_its_stale_data_left_empty_is_stale_and_marks_the_active_alert():
    """A beta that went None because the stock's closes stopped is stale, not merely missing: the alert on it
    is held and marked, and `check` counts it as stale."""
    from riskwatch.domain.snapshot import Snapshot
    rule = Rule("beta", "beta", "beta_btc", Scope(ScopeType.ASSET, "MARA"), Comparator(">="), 2.0,
                Severity.WARNING, window="90D")
    mara = {"MARA": Asset("MARA", AssetKind.EQUITY)}
    now = T0
    fired, state = evaluate(Snapshot(now, {("MARA", rule.metric_key): MetricValue(2.5, DataStatus.OK, now)}, mara),
                            [rule], AlertState(), now)
    assert [e.kind for e in fired] == [EventKind.FIRED]
    later = now + timedelta(days=12)
    empty = Snapshot(later, {("MARA", rule.metric_key): MetricValue(None, DataStatus.STALE, now)}, mara)
    events, state = evaluate(empty, [rule], state, later)
    rec = state.get("beta|MARA")
    assert events == [] and rec.active and rec.stale_since == now
    # the report gives such a figure the stale status of its inputs
    iren = _closes([50.0 + i % 3 for i in range(60)])
    btc = _closes([100.0 + i for i in range(200)])
    stale_as_of = iren.index[-1].to_pydatetime()
    rep = compute_risk_report(_portfolio("IREN"), {"BTC": btc, "IREN": iren}, {}, T0 + timedelta(days=200),
                              price_states={"IREN": PriceState(DataStatus.STALE, 1.0, as_of=stale_as_of,
                                                               daily=DataStatus.STALE, daily_as_of=stale_as_of),
                                            "BTC": PriceState(DataStatus.OK, 1.0, as_of=T0 + timedelta(days=200))},
                              extra_assets={"BTC": Asset("BTC", AssetKind.CRYPTO)})
    beta = rep.snapshot.get("IREN", "beta_btc:90D")
    assert beta.value is None and beta.status is DataStatus.STALE


def test_a_live_crash_on_stale_closes_still_fires_but_never_resolves_on_them():
    """Bad data never silences an alarm: the daily history stopped three days ago (an OHLCV outage) while the
    live quotes are current. Missing closes can only hide a higher high, so the drop is at least as deep as
    computed: it fires and escalates, but a recovery seen through the gap resolves nothing."""
    rules = [Rule("w", "BTC drop", "drop_from_high", Scope(ScopeType.ASSET, "BTC"), Comparator("<="), -0.17,
                  Severity.WARNING, window="30D", escalation_group="btc"),
             Rule("c", "BTC drop", "drop_from_high", Scope(ScopeType.ASSET, "BTC"), Comparator("<="), -0.25,
                  Severity.CRITICAL, window="30D", escalation_group="btc")]
    closes = _closes([100.0] * 60)
    last = closes.index[-1].to_pydatetime()
    now = last + timedelta(days=3, hours=12)                       # closes stale, quotes live

    def run(price, state, daily=DataStatus.STALE, series=closes, at=now):
        st = PriceState(DataStatus.OK, 5.0, as_of=at, daily=daily, daily_as_of=series.index[-1].to_pydatetime())
        rep = compute_risk_report(_portfolio("BTC"), {"BTC": series}, {"BTC": Quote("BTC", price, at, "kraken")},
                                  at, price_states={"BTC": st})
        return rep.snapshot, evaluate(rep.snapshot, rules, state, at)

    snap, (events, state) = run(80.0, AlertState())
    assert snap.get("BTC", "drop_from_high:30D").status is DataStatus.BOUND
    assert snap.get("BTC", "volatility:90D").status is DataStatus.STALE   # daily-only figures stay stale
    assert [(e.kind, e.severity) for e in events] == [(EventKind.FIRED, Severity.WARNING)]
    _, (events, state) = run(70.0, state)
    assert [(e.kind, e.severity) for e in events] == [(EventKind.ESCALATED, Severity.CRITICAL)]
    _, (events, state) = run(99.0, state)                          # a recovery seen through the gap
    assert events == [] and state.get("btc|BTC").active and state.get("btc|BTC").severity is Severity.CRITICAL
    fresh = _closes([100.0] * 63)                                  # the history is back: current closes
    _, (events, state) = run(99.0, state, DataStatus.OK, fresh)
    assert [e.kind for e in events] == [EventKind.RESOLVED]
