"""The pure alert engine: hand-worked cases and hypothesis properties."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from riskwatch.domain.freshness import DataStatus
from riskwatch.domain.alerts import (
    AlertState,
    Comparator,
    EventKind,
    Rule,
    Scope,
    ScopeType,
    Severity,
    acknowledge,
    active_alerts,
    evaluate,
    preview,
    snooze,
    validate_rules,
)
from riskwatch.domain.errors import InputError
from riskwatch.domain.model import Asset, AssetKind
from riskwatch.domain.snapshot import PORTFOLIO, MetricValue, Snapshot

T0 = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
H = timedelta(hours=1)
DROP = "drop_from_high:30D"
ASSETS = {s: Asset(s, k) for s, k in [("BTC", AssetKind.CRYPTO), ("ETH", AssetKind.CRYPTO),
                                       ("USDT", AssetKind.STABLECOIN), ("MARA", AssetKind.EQUITY),
                                       ("RIOT", AssetKind.EQUITY), ("QQQ", AssetKind.INDEX)]}


def rule(key="btc_w", threshold=-0.17, severity=Severity.WARNING, *, group=None, hysteresis=0.02,
         cooldown=timedelta(hours=12), scope=None, metric="drop_from_high", window="30D", comparator="<=",
         enabled=True) -> Rule:
    return Rule(key=key, name=key.upper(), metric=metric, scope=scope or Scope.asset("BTC"), comparator=comparator,
                threshold=threshold, severity=severity, window=window, hysteresis=hysteresis, cooldown=cooldown,
                enabled=enabled, escalation_group=group)


WARN = rule("btc_w", -0.17, Severity.WARNING, group="btc_drop")
CRIT = rule("btc_c", -0.25, Severity.CRITICAL, group="btc_drop")


def snap(values=None, *, online=True, ts=T0, **by_member) -> Snapshot:
    vals = {}
    for (member, key), v in (values or {}).items():
        vals[(member, key)] = v if isinstance(v, MetricValue) else MetricValue(v)
    for member, v in by_member.items():
        vals[(member, DROP)] = v if isinstance(v, MetricValue) else MetricValue(v)
    return Snapshot(ts, vals, ASSETS, online)


def run(rules, values, *, step=H, start=T0, state=None):
    """Evaluate a BTC drop path; returns (list of (step index, event), final state)."""
    state = state or AlertState()
    out = []
    for i, v in enumerate(values):
        now = start + i * step
        events, state = evaluate(snap(BTC=v, ts=now), rules, state, now)
        out += [(i, e) for e in events]
    return out, state


def kinds(out):
    return [(i, e.kind.value, e.severity.value) for i, e in out]


# -- firing, hysteresis, cooldown ----------------------------------------------------------------------------
def test_fires_once_when_the_threshold_is_crossed():
    out, state = run([rule()], [-0.10, -0.17, -0.20, -0.18, -0.19])
    assert kinds(out) == [(1, "fired", "warning")]
    e = out[0][1]
    assert (e.alert_key, e.rule_key, e.member, e.metric) == ("btc_w|BTC", "btc_w", "BTC", DROP)
    assert (e.value, e.threshold, e.ts, e.code) == (-0.17, -0.17, T0 + H, "drop_from_high")
    assert e.params["window"] == "30D"
    rec = state.get("btc_w|BTC")
    assert rec.active and rec.fired_at == T0 + H and rec.last_value == -0.19 and rec.fired_value == -0.17


def test_resolves_only_past_the_hysteresis_band():
    # band 0.02: the alert holds down to -0.15 (inclusive) and resolves above it
    out, state = run([rule()], [-0.18, -0.16, -0.15, -0.149])
    assert kinds(out) == [(0, "fired", "warning"), (3, "resolved", "warning")]
    resolved = out[1][1]
    assert resolved.params["reason"] == "recovered" and resolved.params["clear_threshold"] == -0.15
    assert not state.get("btc_w|BTC").active


def test_cooldown_blocks_a_refire_and_the_alert_fires_once_it_has_passed():
    values = [-0.18, -0.10, -0.18, -0.19, -0.18]  # fire, resolve, cross again inside the 12 h cooldown
    out, _ = run([rule(cooldown=timedelta(hours=12))], values, step=4 * H)  # steps at 0, 4, 8, 12, 16 h
    assert kinds(out) == [(0, "fired", "warning"), (1, "resolved", "warning"), (3, "fired", "warning")]
    assert out[2][1].ts - out[0][1].ts == timedelta(hours=12)


def test_a_new_crossing_after_the_cooldown_fires_again():
    out, _ = run([rule(cooldown=H)], [-0.18, -0.10, -0.18], step=2 * H)
    assert [k for _, k, _ in kinds(out)] == ["fired", "resolved", "fired"]


def test_greater_than_rules_mirror_the_band():
    r = rule("vol", 0.80, metric="volatility", hysteresis=0.10, comparator=">")
    st_ = AlertState()
    seen = []
    for i, v in enumerate([0.5, 0.81, 0.75, 0.70, 0.69]):
        events, st_ = evaluate(snap({("BTC", "volatility:30D"): v}), [r], st_, T0 + i * H)
        seen += [(i, e.kind.value) for e in events]
    assert seen == [(1, "fired"), (3, "resolved")]  # holds while > 0.70, resolves at 0.70


# -- escalation ------------------------------------------------------------------------------------------
def test_escalates_deescalates_and_resolves_in_order():
    out, state = run([WARN, CRIT], [-0.18, -0.26, -0.24, -0.22, -0.16, -0.14])
    assert kinds(out) == [(0, "fired", "warning"), (1, "escalated", "critical"), (3, "deescalated", "warning"),
                          (5, "resolved", "warning")]
    esc, de = out[1][1], out[2][1]
    assert esc.alert_key == "btc_drop|BTC" and esc.previous_severity is Severity.WARNING
    assert esc.rule_key == "btc_c" and esc.threshold == -0.25 and esc.params["previous_rule"] == "btc_w"
    assert de.previous_severity is Severity.CRITICAL and de.rule_key == "btc_w"
    assert not state.get("btc_drop|BTC").active


def test_a_jump_straight_past_both_thresholds_fires_critical_once_and_resolves_once():
    out, _ = run([WARN, CRIT], [-0.30, -0.31, -0.05])
    assert kinds(out) == [(0, "fired", "critical"), (2, "resolved", "critical")]


def test_rule_order_in_the_list_does_not_matter():
    assert kinds(run([CRIT, WARN], [-0.18, -0.26, -0.10])[0]) == kinds(run([WARN, CRIT], [-0.18, -0.26, -0.10])[0])


def test_escalation_is_not_held_back_by_the_cooldown_and_reopens_an_acknowledged_alert():
    state = run([WARN, CRIT], [-0.18])[1]
    _, state = acknowledge(state, "btc_drop|BTC", T0)
    events, state = evaluate(snap(BTC=-0.30), [WARN, CRIT], state, T0 + H)
    assert [e.kind for e in events] == [EventKind.ESCALATED]
    assert not state.get("btc_drop|BTC").acknowledged


# -- bad data ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("bad", [None, MetricValue(None), MetricValue(float("nan")), MetricValue(-0.5, "missing"),
                                 MetricValue(-0.5, DataStatus.STALE), MetricValue(-0.5, DataStatus.INVALID),
                                 MetricValue(-0.5, DataStatus.ERROR)])
def test_bad_data_never_fires_and_never_resolves(bad):
    values = {} if bad is None else {("BTC", DROP): bad}
    events, state = evaluate(snap(values), [WARN, CRIT], AlertState(), T0)
    assert events == [] and state == AlertState()
    _, active = run([WARN, CRIT], [-0.20])
    events, after = evaluate(snap(values), [WARN, CRIT], active, T0 + H)
    assert events == [] and after.get("btc_drop|BTC").active


def test_a_market_closed_value_is_usable():
    events, _ = evaluate(snap(BTC=MetricValue(-0.2, DataStatus.MARKET_CLOSED)), [rule()], AlertState(), T0)
    assert [e.kind for e in events] == [EventKind.FIRED]


def test_stale_price_rule_fires_only_while_online():
    stale = rule("stale", 900, Severity.INFO, metric="price_age", window=None, comparator=">", hysteresis=0,
                 scope=Scope(ScopeType.ALL), cooldown=H)
    age = {("BTC", "price_age"): MetricValue(1200.0, DataStatus.STALE), ("MARA", "price_age"): 30.0}
    events, state = evaluate(snap(age, online=False), [stale], AlertState(), T0)
    assert events == []
    events, state = evaluate(snap(age, online=True), [stale], state, T0)
    assert [(e.kind.value, e.member, e.value) for e in events] == [("fired", "BTC", 1200.0)]
    # going offline holds the alert; a fresh price while online resolves it
    events, state = evaluate(snap({("BTC", "price_age"): 5.0}, online=False), [stale], state, T0 + H)
    assert events == [] and state.get("stale|BTC").active
    events, state = evaluate(snap({("BTC", "price_age"): 5.0}), [stale], state, T0 + 2 * H)
    assert [e.kind.value for e in events] == ["resolved"]


# -- scopes -----------------------------------------------------------------------------------------------
def test_group_scopes_give_one_independent_alert_per_member():
    miners = rule("miner", -0.30, scope=Scope(ScopeType.MINERS), hysteresis=0.03)
    events, state = evaluate(snap(MARA=-0.35, RIOT=-0.10, BTC=-0.5), [miners], AlertState(), T0)
    assert [(e.alert_key, e.member) for e in events] == [("miner|MARA", "MARA")]
    events, state = evaluate(snap(MARA=-0.36, RIOT=-0.31), [miners], state, T0 + H)
    assert [e.alert_key for e in events] == ["miner|RIOT"]
    events, state = evaluate(snap(MARA=-0.20, RIOT=-0.31), [miners], state, T0 + 2 * H)
    assert [(e.alert_key, e.kind.value) for e in events] == [("miner|MARA", "resolved")]
    assert state.get("miner|RIOT").active


def test_scope_members():
    s = snap()
    assert Scope(ScopeType.MINERS).members(s) == ("MARA", "RIOT")
    assert Scope(ScopeType.CRYPTO).members(s) == ("BTC", "ETH")  # stablecoins are not "crypto" here
    assert Scope(ScopeType.STABLECOINS).members(s) == ("USDT",)
    assert Scope(ScopeType.ALL).members(s) == tuple(sorted(ASSETS))
    assert Scope(ScopeType.PORTFOLIO).members(s) == (PORTFOLIO,)
    assert Scope.parse("asset:btc") == Scope.asset("BTC") == Scope.parse({"type": "asset", "symbol": "BTC"})
    assert Scope.parse(Scope.asset("BTC").encode()) == Scope.asset("BTC")


def test_preview_shows_the_current_value_against_the_threshold():
    miners = rule("miner", -0.30, scope=Scope(ScopeType.MINERS))
    assert preview(miners, snap(MARA=-0.35, RIOT=MetricValue(-0.4, DataStatus.STALE))) == [
        ("MARA", -0.35, True), ("RIOT", None, False)]


def test_portfolio_drawdown_rule():
    r = rule("pf", -0.15, metric="drawdown", window=None, scope=Scope(ScopeType.PORTFOLIO))
    events, _ = evaluate(snap({(PORTFOLIO, "drawdown"): -0.16}), [r], AlertState(), T0)
    assert [(e.alert_key, e.member, e.metric) for e in events] == [("pf|portfolio", "portfolio", "drawdown")]


def test_an_active_alert_of_a_position_that_was_removed_resolves_with_that_reason():
    """A deleted position's alert must not stay open in the overview and the alert window (issue 13)."""
    miners = rule("miner", -0.30, scope=Scope(ScopeType.MINERS))
    _, state = evaluate(snap(MARA=-0.35), [miners], AlertState(), T0)
    no_mara = Snapshot(T0 + H, {}, {"RIOT": ASSETS["RIOT"]})
    events, state = evaluate(no_mara, [miners], state, T0 + H)
    assert [(e.kind.value, e.member, e.params["reason"]) for e in events] == [
        ("resolved", "MARA", "position_removed")]
    assert not state.get("miner|MARA").active
    assert evaluate(no_mara, [miners], state, T0 + 2 * H)[0] == []  # once


def test_a_held_asset_without_a_value_keeps_its_alert_and_a_priced_benchmark_too():
    miners = rule("miner", -0.30, scope=Scope(ScopeType.MINERS))
    _, state = evaluate(snap(MARA=-0.35), [miners], AlertState(), T0)
    held_no_value = Snapshot(T0 + H, {}, {"MARA": ASSETS["MARA"]})
    events, state = evaluate(held_no_value, [miners], state, T0 + H)
    assert events == [] and state.get("miner|MARA").active
    _, state = run([WARN, CRIT], [-0.20])                          # BTC: an asset rule
    unheld_but_priced = Snapshot(T0 + H, {("BTC", WARN.metric_key): MetricValue(-0.2)}, {})
    assert evaluate(unheld_but_priced, [WARN, CRIT], state, T0 + H)[0] == []
    gone = Snapshot(T0 + H, {}, {})
    events, _ = evaluate(gone, [WARN, CRIT], state, T0 + H)
    assert [(e.kind.value, e.params["reason"]) for e in events] == [("resolved", "position_removed")]


def test_removing_or_disabling_the_rule_resolves_its_alerts():
    _, state = run([WARN, CRIT], [-0.30])
    events, after = evaluate(snap(BTC=-0.30), [], state, T0 + H)
    assert [(e.kind.value, e.params["reason"]) for e in events] == [("resolved", "rule_removed")]
    assert not after.get("btc_drop|BTC").active
    off = [rule("btc_w", -0.17, group="btc_drop", enabled=False), rule("btc_c", -0.25, Severity.CRITICAL,
                                                                        group="btc_drop", enabled=False)]
    assert [e.kind for e in evaluate(snap(BTC=-0.30), off, state, T0 + H)[0]] == [EventKind.RESOLVED]


def test_removing_only_the_active_level_relevels_on_the_remaining_rule():
    _, state = run([WARN, CRIT], [-0.30])
    events, after = evaluate(snap(BTC=-0.30), [WARN], state, T0 + H)
    assert [(e.kind.value, e.severity.value) for e in events] == [("deescalated", "warning")]
    assert after.get("btc_drop|BTC").rule_key == "btc_w"


# -- acknowledge, snooze, listing -------------------------------------------------------------------------
def test_acknowledge_keeps_the_alert_active_and_is_idempotent():
    _, state = run([rule()], [-0.2])
    event, state2 = acknowledge(state, "btc_w|BTC", T0 + H)
    assert event.kind is EventKind.ACKNOWLEDGED and event.ts == T0 + H and event.value == -0.2
    rec = state2.get("btc_w|BTC")
    assert rec.active and rec.acknowledged and rec.acknowledged_at == T0 + H and not rec.needs_attention(T0 + H)
    assert acknowledge(state2, "btc_w|BTC", T0 + 2 * H) == (None, state2)
    assert acknowledge(state2, "nope|BTC", T0) == (None, state2)
    assert state.get("btc_w|BTC").acknowledged is False  # the input state is untouched


def test_snooze_hides_the_alert_until_it_ends_then_reminds_once():
    _, state = run([rule()], [-0.2])
    event, state = snooze(state, "btc_w|BTC", T0 + 2 * H, T0 + H)
    assert event.kind is EventKind.SNOOZED and event.params["until"] == (T0 + 2 * H).isoformat()
    assert active_alerts(state, T0 + H, include_snoozed=False) == []
    events, state = evaluate(snap(BTC=-0.2), [rule()], state, T0 + 90 * timedelta(minutes=1))
    assert events == []
    events, state = evaluate(snap(BTC=-0.2), [rule()], state, T0 + 2 * H)
    assert [e.kind for e in events] == [EventKind.SNOOZE_ENDED]
    assert evaluate(snap(BTC=-0.2), [rule()], state, T0 + 3 * H)[0] == []
    assert [r.alert_key for r in active_alerts(state, T0 + 2 * H, include_snoozed=False)] == ["btc_w|BTC"]
    with pytest.raises(ValueError):
        snooze(state, "btc_w|BTC", T0, T0 + H)


def test_active_alerts_are_listed_by_severity():
    info = rule("qqq", -0.07, Severity.INFO, scope=Scope.asset("QQQ"))
    miners = rule("miner", -0.30, scope=Scope(ScopeType.MINERS))
    _, state = evaluate(snap(BTC=-0.30, QQQ=-0.08, MARA=-0.4), [WARN, CRIT, info, miners], AlertState(), T0)
    listed = active_alerts(state)
    assert [(r.alert_key, r.severity.value) for r in listed] == [
        ("btc_drop|BTC", "critical"), ("miner|MARA", "warning"), ("qqq|QQQ", "info")]
    _, state = acknowledge(state, "miner|MARA", T0)
    assert "miner|MARA" not in [r.alert_key for r in active_alerts(state, include_acknowledged=False)]


def test_time_comes_only_from_now():
    then = datetime(1999, 1, 1, tzinfo=UTC)
    events, state = evaluate(snap(BTC=-0.2), [rule()], AlertState(), then)
    assert events[0].ts == then and state.get("btc_w|BTC").fired_at == then


def test_state_round_trips_through_json():
    _, state = run([WARN, CRIT], [-0.18, -0.26])
    _, state = snooze(state, "btc_drop|BTC", T0 + 5 * H, T0 + 2 * H)
    again = AlertState.from_json(state.to_json())
    assert again == state


# -- validation ------------------------------------------------------------------------------------------
def test_a_rule_reports_every_bad_field_at_once():
    with pytest.raises(InputError) as info:
        Rule(key="Bad Key", name=" ", metric="drop_from_high", scope={"type": "asset"}, comparator="=<",
             threshold=float("inf"), severity="loud", hysteresis=-1, cooldown=-5)
    fields = {p.field for p in info.value.problems}
    assert fields == {"key", "name", "scope", "comparator", "threshold", "severity", "cooldown"}
    assert "expected one of: <=, <, >=, >" in str(info.value)


def test_range_and_window_checks_are_clear():
    with pytest.raises(InputError, match=r"threshold of 'drop_from_high' must be between -1 and 0.*got 0.17"):
        rule(threshold=0.17)
    with pytest.raises(InputError, match="needs a window"):
        rule(window=None)
    with pytest.raises(InputError, match="hysteresis band must be ≥ 0"):
        rule(hysteresis=-0.01)
    # metrics the engine does not know are accepted with any finite threshold (liquidity metrics land later)
    assert rule("spread", 50.0, metric="spread_bps", window=None, comparator=">").threshold == 50.0


def test_rule_set_validation():
    bad_order = rule("btc_c", -0.10, Severity.CRITICAL, group="btc_drop")
    assert any("threshold must be beyond" in p.message for p in validate_rules([WARN, bad_order]))
    other_metric = rule("btc_c", -0.25, Severity.CRITICAL, group="btc_drop", metric="drawdown", window=None)
    assert any("differ in metric" in p.message for p in validate_rules([WARN, other_metric]))
    twice = rule("btc_x", -0.30, Severity.WARNING, group="btc_drop")
    assert any("two warning rules" in p.message for p in validate_rules([WARN, twice]))
    assert any("used twice" in p.message for p in validate_rules([rule(), rule()]))
    assert validate_rules([WARN, CRIT], known_symbols=["BTC"]) == []
    [p] = validate_rules([rule(scope=Scope.asset("DOGE"))], known_symbols=["BTC", "ETH"])
    assert p.message == "unknown symbol 'DOGE'" and p.field == "btc_w.scope"
    with pytest.raises(InputError):
        evaluate(snap(BTC=-0.2), [WARN, bad_order], AlertState(), T0)


# -- properties -----------------------------------------------------------------------------------------
values = st.one_of(st.none(), st.floats(-0.45, 0.0, allow_nan=False))
gaps = st.sampled_from([timedelta(minutes=5), H, 6 * H, 13 * H, timedelta(days=2)])
paths = st.lists(st.tuples(values, gaps), min_size=1, max_size=60)
SETTINGS = settings(max_examples=150, deadline=None)


def replay(rules, path, *, roundtrip=False):
    state, now, out = AlertState(), T0, []
    for value, gap in path:
        now += gap
        events, state = evaluate(snap(BTC=value, ts=now), rules, state, now)
        if roundtrip:
            state = AlertState.from_json(state.to_json())
        out += [(value, e) for e in events]
    return out, state


@SETTINGS
@given(path=paths, cooldown_h=st.sampled_from([0, 1, 12, 48]), band=st.sampled_from([0.0, 0.01, 0.05]))
def test_property_fires_once_per_crossing_never_inside_the_cooldown(path, cooldown_h, band):
    r = rule(hysteresis=band, cooldown=timedelta(hours=cooldown_h))
    out, state = replay([r], path)
    assert all(v is not None for v, _ in out)  # bad data never produces an event
    assert [e.kind for _, e in out] == [EventKind.FIRED, EventKind.RESOLVED] * (len(out) // 2) + \
        [EventKind.FIRED] * (len(out) % 2)
    fired = [e for _, e in out if e.kind is EventKind.FIRED]
    assert all(b.ts - a.ts >= r.cooldown for a, b in zip(fired, fired[1:]))
    assert all(r.fires(v) for v, e in out if e.kind is EventKind.FIRED)
    assert all(not r.holds(v) for v, e in out if e.kind is EventKind.RESOLVED)
    # at most one fire per entry into the firing region (available values only)
    seen = [v for v, _ in path if v is not None]
    entries = sum(1 for i, v in enumerate(seen) if r.fires(v) and (i == 0 or not r.fires(seen[i - 1])))
    assert len(fired) <= entries
    rec = state.get("btc_w|BTC")
    assert (rec is not None and rec.active) == (len(out) % 2 == 1)


@SETTINGS
@given(path=paths)
def test_property_escalation_and_resolution_order(path):
    info = rule("btc_i", -0.07, Severity.INFO, group="btc_drop", hysteresis=0.01)
    rules = [info, WARN, CRIT]
    out, state = replay(rules, path)
    by_key = {r.key: r for r in rules}
    active, sev = False, None
    for value, e in out:
        if e.kind is EventKind.FIRED:
            assert not active
            assert e.rule_key == max((r for r in rules if r.fires(value)), key=lambda r: r.severity.rank).key
        else:
            assert active and e.previous_severity in (None, sev)
            if e.kind is EventKind.ESCALATED:
                assert e.severity.rank > sev.rank and by_key[e.rule_key].fires(value)
            elif e.kind is EventKind.DEESCALATED:
                assert e.severity.rank < sev.rank and by_key[e.rule_key].holds(value)
                assert not any(r.fires(value) for r in rules if r.severity.rank > sev.rank)
            else:
                assert e.kind is EventKind.RESOLVED and not any(r.holds(value) for r in rules)
        active, sev = e.kind is not EventKind.RESOLVED, e.severity
    rec = state.get("btc_drop|BTC")
    assert (rec is not None and rec.active) == active
    if active:
        assert rec.severity is sev
        last = next(v for v, _ in reversed(path) if v is not None)
        assert by_key[rec.rule_key].holds(last)
        assert not any(r.fires(last) for r in rules if r.severity.rank > rec.severity.rank)


@SETTINGS
@given(path=paths)
def test_property_a_restart_between_any_two_cycles_changes_nothing(path):
    assert replay([WARN, CRIT], path, roundtrip=True) == replay([WARN, CRIT], path)


@SETTINGS
@given(path=paths)
def test_property_bad_data_cycles_are_invisible(path):
    """Removing the unavailable cycles (keeping the times of the others) gives exactly the same events."""
    now, timed = T0, []
    for value, gap in path:
        now += gap
        timed.append((value, now))

    def go(items):
        state, out = AlertState(), []
        for value, ts in items:
            events, state = evaluate(snap(BTC=value, ts=ts), [WARN, CRIT], state, ts)
            out += events
        return out, state

    assert go(timed) == go([(v, t) for v, t in timed if v is not None])


@SETTINGS
@given(path=paths, acks=st.lists(st.booleans(), min_size=60, max_size=60))
def test_property_acknowledging_never_changes_what_fires_or_resolves(path, acks):
    plain, _ = replay([WARN, CRIT], path)
    state, now, out = AlertState(), T0, []
    for (value, gap), ack in zip(path, acks):
        now += gap
        events, state = evaluate(snap(BTC=value, ts=now), [WARN, CRIT], state, now)
        out += [(value, e) for e in events]
        if ack:
            _, state = acknowledge(state, "btc_drop|BTC", now)
    assert out == plain


def test_no_nan_leaks_into_events():
    out, _ = run([rule()], [float("nan"), -0.2])
    assert all(e.value is not None and math.isfinite(e.value) for _, e in out)


def test_comparators_accept_their_text():
    assert Comparator("<=")(-0.2, -0.17) and not Comparator(">")(1, 1)


def test_the_cooldown_never_hides_a_re_fire_at_a_higher_severity():
    # warning fires, resolves, and 1 h later (inside the 12 h cooldown) the drop is critical: it must go out
    out, state = run([WARN, CRIT], [-0.18, -0.10, -0.30, -0.10, -0.30], step=H)
    assert kinds(out)[:3] == [(0, "fired", "warning"), (1, "resolved", "warning"), (2, "fired", "critical")]
    # ... while a repeat at the same severity still waits for the cooldown
    assert (4, "fired", "critical") not in kinds(out)
    assert state.get("btc_drop|BTC").severity is Severity.CRITICAL


def test_unconfirmed_values_neither_fire_nor_resolve():
    held = MetricValue(-0.01, DataStatus.UNCONFIRMED)
    out, state = run([WARN, CRIT], [-0.18, held, MetricValue(-0.99, DataStatus.UNCONFIRMED), -0.18])
    assert kinds(out) == [(0, "fired", "warning")]
    assert state.get("btc_drop|BTC").active
