"""Stress tests: shocks and historical scenarios applied to the current holdings (pure functions).

Conventions
-----------
* A shock is a fraction of the current price: ``-0.30`` means 30 % down, ``0.10`` 10 % up. Input shocks
  (BTC, QQQ, manual) must be ≥ −1; shocks derived through a beta are capped at −1 (a price cannot fall
  below zero; the position is flagged ``capped``). There is no cap upwards.
* **Beta shock** (:func:`beta_shock`). The *drivers* move exactly by the shock given for them: BTC by
  ``btc_shock`` and, in the "AI trade unwinds" scenario, QQQ by ``qqq_shock`` (basis ``direct``). Every
  other asset moves by ``beta_btc × btc_shock`` (basis ``beta_btc``; the betas are the 90-day betas of the
  risk report). With a QQQ shock the QQQ part ``beta_qqq × qqq_shock`` is **added** to the BTC part (basis
  ``beta_qqq`` or ``beta_btc_qqq``). The two single-factor betas overlap (BTC and QQQ are positively
  correlated), so the sum overstates the combined move somewhat; for a stress test that errs on the
  conservative side, and each part is kept in ``StressPosition.parts`` so the split stays visible.
  A driver whose shock is zero takes no part (a pure QQQ shock is ``btc_shock=0, qqq_shock=-0.2``).
* Stablecoins are not shocked (basis ``stablecoin``). An asset without the beta it needs is not shocked
  either (shock 0, basis ``no_beta``) and says so; a manual shock (basis ``manual``) overrides everything.
* **Historical scenarios** (:func:`historical_shock`): each asset falls by its own worst peak-to-trough
  move inside the scenario's period (the maximum drawdown of its closes restricted to the period, peak and
  trough both inside). The worst moves of different assets need not fall on the same days: the scenario is
  "every holding at its worst of that period", deliberately pessimistic. An asset without data in the
  period is shocked through its beta to BTC times BTC's worst move (basis ``beta_btc``, flag
  ``no_data_in_period``).
* Values are market values in the base currency; P&L is value after − value before; weights are shares of
  the portfolio value after the shock.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import Enum
from types import MappingProxyType

import pandas as pd

from riskwatch.domain import metrics as m
from riskwatch.domain.alerts import AlertState, Rule, Severity, evaluate, preview
from riskwatch.domain.errors import InputError
from riskwatch.domain.model import MINER_SYMBOLS, Asset, AssetKind, utc
from riskwatch.domain.snapshot import PORTFOLIO, MetricStatus, MetricValue, Snapshot, metric_key
from riskwatch.domain.validation import UsEquityCalendar

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
    NO_BETA = "no_beta"            # the beta it needs is unknown: not shocked
    STABLECOIN = "stablecoin"      # stablecoins are not shocked


class Flag(str, Enum):
    CAPPED = "capped"                        # a beta-derived shock below −100 % was capped at −100 %
    NO_DATA_IN_PERIOD = "no_data_in_period"  # historical scenario: no closes of its own in the period
    PARTIAL_DATA = "partial_data"            # historical scenario: closes cover only part of the period
    MISSING_BETA_BTC = "missing_beta_btc"    # a BTC shock applies but the beta to BTC is unknown
    MISSING_BETA_QQQ = "missing_beta_qqq"    # a QQQ shock applies but the beta to QQQ is unknown


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
    def price_after(self) -> float | None:
        return None if self.price_before is None else self.price_before * (1.0 + self.shock)

    @property
    def through_beta(self) -> bool:
        return self.basis in (Basis.BETA_BTC, Basis.BETA_QQQ, Basis.BETA_BTC_QQQ)


@dataclass(frozen=True)
class StressResult:
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
        return (self.value_after / self.value_before - 1.0) if self.value_before > 0 else None

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


# -- helpers ------------------------------------------------------------------------------------------
def _finite(x) -> float | None:
    try:
        v = float(x)
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


def _check_shock(value, what: str) -> float:
    v = _finite(value)
    if v is None or v < -1.0:
        raise InputError.single(f"{what} must be a fraction ≥ -1 (-0.30 means 30 % down), got {value!r}",
                                field=what)
    return v


def _holdings(holdings: Sequence[Holding] | Mapping[str, float]) -> list[Holding]:
    if isinstance(holdings, Mapping):
        items = [Holding(str(s), float(v)) for s, v in holdings.items()]
    else:
        items = list(holdings)
    seen: dict[str, Holding] = {}
    for h in items:
        v = _finite(h.value)
        if v is None or v < 0:
            raise InputError.single(f"value of {h.symbol} must be a finite number ≥ 0, got {h.value!r}",
                                    field="value")
        if h.symbol in seen:  # the same asset in two accounts: one holding
            prev = seen[h.symbol]
            q = (prev.quantity or 0.0) + (h.quantity or 0.0) if (prev.quantity is not None
                                                                  or h.quantity is not None) else None
            seen[h.symbol] = Holding(h.symbol, prev.value + v, prev.kind or h.kind, q, prev.price or h.price)
        else:
            seen[h.symbol] = Holding(h.symbol, v, h.kind, h.quantity, h.price)
    return list(seen.values())


def _manual(manual: Mapping[str, float] | None) -> dict[str, float]:
    return {s: _check_shock(v, f"manual shock of {s}") for s, v in (manual or {}).items() if v is not None}


def _beta(betas: Mapping[str, float | None] | None, symbol: str) -> float | None:
    return _finite((betas or {}).get(symbol))


def _cap(shock: float, flags: set) -> float:
    if shock < -1.0:
        flags.add(Flag.CAPPED)
        return -1.0
    return shock


@dataclass
class _Raw:
    shock: float
    basis: Basis
    parts: dict = field(default_factory=dict)
    flags: set = field(default_factory=set)
    peak: pd.Timestamp | None = None
    trough: pd.Timestamp | None = None


def _finish(holdings: list[Holding], raw: Mapping[str, _Raw], scenario_code: str, *, btc_shock=None,
            qqq_shock=None, period=None) -> StressResult:
    before = sum(h.value for h in holdings)
    after_values = {h.symbol: h.value * (1.0 + raw[h.symbol].shock) for h in holdings}
    after = sum(after_values.values())
    positions = []
    for h in holdings:
        r = raw[h.symbol]
        va = after_values[h.symbol]
        positions.append(StressPosition(
            symbol=h.symbol, kind=h.kind, value_before=h.value, value_after=va, pnl=va - h.value,
            weight_before=(h.value / before) if before > 0 else None,
            weight_after=(va / after) if after > 0 else None, shock=r.shock, basis=r.basis,
            parts=MappingProxyType(dict(r.parts)), flags=frozenset(r.flags), quantity=h.quantity,
            price_before=h.price, peak_date=r.peak, trough_date=r.trough))
    shocks = MappingProxyType({s: r.shock for s, r in raw.items()})
    return StressResult(tuple(positions), shocks, before, after, scenario_code, btc_shock, qqq_shock, period)


# -- beta shock ---------------------------------------------------------------------------------------
def beta_shock(holdings: Sequence[Holding] | Mapping[str, float], betas_to_btc: Mapping[str, float | None] | None,
               btc_shock: float, *, qqq_shock: float | None = None,
               betas_to_qqq: Mapping[str, float | None] | None = None,
               manual: Mapping[str, float] | None = None) -> StressResult:
    """Shock BTC (and optionally QQQ) and propagate the move to every holding through its beta.

    Parameters
    ----------
    holdings : sequence of Holding, or mapping symbol -> market value
        Current holdings, values in the base currency. A mapping carries no asset kind (so no stablecoin).
    betas_to_btc, betas_to_qqq : mapping symbol -> beta (None = unknown)
        90-day betas of the risk report (``AssetRisk.beta_btc`` / ``beta_qqq``).
    btc_shock : float
        BTC's move as a fraction (−0.30 = 30 % down), ≥ −1.
    qqq_shock : float, optional
        QQQ's move for the "AI trade unwinds" scenario; its beta part is added to the BTC part.
    manual : mapping symbol -> shock, optional
        Shocks entered by hand; they replace the computed shock of that asset.

    Returns
    -------
    StressResult
        Per position value before/after, P&L, new weight, the shock and its basis (see module docstring).
    """
    btc_shock = _check_shock(btc_shock, "BTC shock")
    drivers = {BTC: btc_shock}
    if qqq_shock is not None:
        drivers[QQQ] = _check_shock(qqq_shock, "QQQ shock")
    active = [d for d, s in drivers.items() if s != 0.0] or [BTC]
    betas = {BTC: betas_to_btc or {}, QQQ: betas_to_qqq or {}}
    missing_flag = {BTC: Flag.MISSING_BETA_BTC, QQQ: Flag.MISSING_BETA_QQQ}
    hs = _holdings(holdings)
    by_kind = {h.symbol: h.kind for h in hs}
    manual_shocks = _manual(manual)
    raw: dict[str, _Raw] = {}
    for sym in dict.fromkeys([*(h.symbol for h in hs), *drivers]):
        if sym in manual_shocks:
            raw[sym] = _Raw(manual_shocks[sym], Basis.MANUAL)
        elif sym in drivers:
            raw[sym] = _Raw(drivers[sym], Basis.DIRECT, {sym: drivers[sym]})
        elif by_kind.get(sym) is AssetKind.STABLECOIN:
            raw[sym] = _Raw(0.0, Basis.STABLECOIN)
        else:
            parts, flags = {}, set()
            for d in active:
                b = _beta(betas[d], sym)
                if b is None:
                    flags.add(missing_flag[d])
                else:
                    parts[d] = b * drivers[d]
            if not parts:
                raw[sym] = _Raw(0.0, Basis.NO_BETA, {}, flags)
                continue
            basis = {(BTC,): Basis.BETA_BTC, (QQQ,): Basis.BETA_QQQ}.get(tuple(parts), Basis.BETA_BTC_QQQ)
            raw[sym] = _Raw(_cap(sum(parts.values()), flags), basis, parts, flags)
    return _finish(hs, raw, "beta_shock", btc_shock=btc_shock, qqq_shock=drivers.get(QQQ))


# -- historical scenarios -----------------------------------------------------------------------------
def _period(period) -> tuple[date, date]:
    if isinstance(period, HistoricalScenario):
        return period.start, period.end
    start, end = period
    start = start.date() if isinstance(start, datetime) else start
    end = end.date() if isinstance(end, datetime) else end
    if end < start:
        raise InputError.single(f"period ends ({end}) before it starts ({start})", field="period")
    return start, end


def period_closes(closes: pd.Series | None, start: date, end: date) -> pd.Series:
    """The closes of the UTC days ``start`` … ``end`` (inclusive), NaN dropped."""
    if closes is None or not len(closes):
        return pd.Series(dtype=float)
    s = closes.dropna()
    idx = s.index
    lo = pd.Timestamp(start)
    hi = pd.Timestamp(end) + pd.Timedelta(days=1)
    if idx.tz is not None:
        lo, hi = lo.tz_localize("UTC"), hi.tz_localize("UTC")
    return s[(idx >= lo) & (idx < hi)]


def worst_move(closes: pd.Series | None, start: date, end: date) -> m.MaxDrawdown | None:
    """The worst peak-to-trough move of ``closes`` within the period (None with fewer than two closes)."""
    s = period_closes(closes, start, end)
    if len(s) < 2:
        return None
    return m.max_drawdown(s)


def historical_shock(closes_by_symbol: Mapping[str, pd.Series] | Callable[[str], pd.Series | None],
                     period: HistoricalScenario | tuple[date, date],
                     holdings: Sequence[Holding] | Mapping[str, float],
                     betas: Mapping[str, float | None] | None, *,
                     manual: Mapping[str, float] | None = None) -> StressResult:
    """Apply a historical period to the current holdings: each asset at its worst peak-to-trough of the period.

    ``closes_by_symbol``: daily closes (any currency; only moves matter) per symbol, or a callable returning
    them. ``betas``: betas to BTC, used for assets without data in the period (``beta × BTC's worst move``,
    flagged ``no_data_in_period``). A series that starts more than a week after the period's start or ends
    more than a week before its end is used but flagged ``partial_data``.
    """
    start, end = _period(period)
    get = closes_by_symbol if callable(closes_by_symbol) else (lambda s: closes_by_symbol.get(s))
    hs = _holdings(holdings)
    by_kind = {h.symbol: h.kind for h in hs}
    manual_shocks = _manual(manual)
    cache: dict[str, pd.Series] = {}

    def closes_in_period(sym: str) -> pd.Series:
        if sym not in cache:
            cache[sym] = period_closes(get(sym), start, end)
        return cache[sym]

    btc_closes = closes_in_period(BTC)
    btc_move = float(m.max_drawdown(btc_closes).value) if len(btc_closes) >= 2 else None
    raw: dict[str, _Raw] = {}
    slack = timedelta(days=7)
    for sym in dict.fromkeys([*(h.symbol for h in hs), BTC]):
        if sym in manual_shocks:
            raw[sym] = _Raw(manual_shocks[sym], Basis.MANUAL)
            continue
        s = closes_in_period(sym)
        if len(s) >= 2:
            worst = m.max_drawdown(s)
            flags = set()
            if s.index[0].date() - start > slack or end - s.index[-1].date() > slack:
                flags.add(Flag.PARTIAL_DATA)
            raw[sym] = _Raw(float(worst.value), Basis.DIRECT, {sym: float(worst.value)}, flags,
                            worst.peak_date, worst.trough_date)
        elif by_kind.get(sym) is AssetKind.STABLECOIN:
            raw[sym] = _Raw(0.0, Basis.STABLECOIN)
        else:
            flags = {Flag.NO_DATA_IN_PERIOD}
            b = _beta(betas, sym)
            if b is None or btc_move is None:
                if b is None:
                    flags.add(Flag.MISSING_BETA_BTC)
                raw[sym] = _Raw(0.0, Basis.NO_BETA, {}, flags)
            else:
                raw[sym] = _Raw(_cap(b * btc_move, flags), Basis.BETA_BTC, {BTC: b * btc_move}, flags)
    code = period.code if isinstance(period, HistoricalScenario) else "period"
    return _finish(hs, raw, code, btc_shock=btc_move, period=(start, end))


# -- weekend gap --------------------------------------------------------------------------------------
def weekend_gap(btc: pd.Series | float, last_stock_close: datetime, btc_now: float,
                betas: Mapping[str, float | None]) -> dict[str, float]:
    """Estimated move of each stock at the next open: ``beta × (BTC now / BTC at the last stock close − 1)``.

    ``btc``: BTC's price at the last stock close, or a price Series from which the latest value at or before
    ``last_stock_close`` is taken (daily bars stamped at their open give that UTC day's close, at most a day
    off; for the Friday 16:00 New York close it is the close a few hours later). Stocks without a beta are
    left out; moves are capped at −1. Empty when BTC's price at the close is unknown.
    """
    now = _finite(btc_now)
    if isinstance(btc, pd.Series):
        s = btc.dropna()
        t = pd.Timestamp(utc(last_stock_close))
        if s.index.tz is None:
            t = t.tz_localize(None)
        s = s[s.index <= t]
        ref = float(s.iloc[-1]) if len(s) else None
    else:
        ref = _finite(btc)
    if now is None or ref is None or ref <= 0 or now <= 0:
        return {}
    move = now / ref - 1.0
    out = {}
    for sym, b in betas.items():
        bv = _finite(b)
        if bv is not None:
            out[sym] = max(bv * move, -1.0)
    return out


def weekend_gap_for_report(report, btc_closes: pd.Series | None, *, calendar=None,
                           btc_now: float | None = None) -> dict[str, float] | None:
    """The weekend-gap estimate of a RiskReport's stocks, or None while the US stock market is open.

    ``report.ts`` is "now"; the last stock close comes from the US equity calendar. BTC now is ``btc_now`` (USD),
    else the report's BTC price (converted to USD), else the last of ``btc_closes``. The stocks are the held
    equities (miners and others) with a beta to BTC.
    """
    cal = calendar or UsEquityCalendar()
    now = report.ts
    if cal.is_open(now):
        return None
    try:
        last_close = cal.last_session(now)[1]
    except ValueError:
        return None
    if last_close > now:
        return None
    if btc_now is None:
        row = report.asset(BTC)
        if row is not None and row.price is not None:
            btc_now = row.price * (report.usd_per_base or 1.0)
        elif btc_closes is not None and len(btc_closes.dropna()):
            btc_now = float(btc_closes.dropna().iloc[-1])
    if btc_now is None or btc_closes is None:
        return {}
    betas = {a.symbol: a.beta_btc for a in report.assets
             if a.asset.kind in (AssetKind.EQUITY, AssetKind.INDEX) and a.beta_btc is not None}
    return weekend_gap(btc_closes, last_close, btc_now, betas)


# -- from a risk report -------------------------------------------------------------------------------
def holdings_from_report(report) -> tuple[Holding, ...]:
    """The priced holdings of a RiskReport (values in its base currency)."""
    return tuple(Holding(a.symbol, float(a.value), a.asset.kind, a.quantity, a.price)
                 for a in report.assets if a.value is not None)


def betas_from_report(report) -> tuple[dict[str, float | None], dict[str, float | None]]:
    """(betas to BTC, betas to QQQ) per held symbol."""
    return ({a.symbol: a.beta_btc for a in report.assets}, {a.symbol: a.beta_qqq for a in report.assets})


# -- alert rules under stress -------------------------------------------------------------------------
#: Snapshot metrics a shock changes; everything else (volatility, VaR, price age …) is left out.
STRESSED_ASSET_METRICS = ("drop_from_high", "drawdown", "return")
_DRAWDOWN_LIKE = ("drop_from_high", "drawdown")


def _post(current: float | None, shock: float, *, floor_zero: bool) -> float:
    v = (1.0 + (current or 0.0)) * (1.0 + shock) - 1.0
    return min(v, 0.0) if floor_zero else v


def stressed_snapshot(result: StressResult, snapshot: Snapshot | None = None, *,
                      now: datetime | None = None) -> Snapshot:
    """The Snapshot the rules would see right after the shock.

    Per shocked asset (held or driver) and for the portfolio, every drawdown-like figure ``d`` becomes
    ``(1 + d) × (1 + shock) − 1`` (capped at 0): the shock is an instantaneous move from the current price and
    the high it is measured against does not change. That is exact for drawdown from the peak and for the drop
    from the 30-day high as long as the high stays inside the window. Returns over a window compound the same
    way (``return:1D`` becomes today's return so far compounded with the shock). A figure missing from
    ``snapshot`` counts as 0 (the asset at its high). The portfolio's shock is ``value after / value before −
    1``; its ``largest_weight`` and ``hhi`` are those of the new weights. Other metrics are not included.
    """
    if snapshot is None and now is None:
        raise ValueError("stressed_snapshot needs the current snapshot or now")
    ts = snapshot.ts if snapshot is not None else utc(now)  # type: ignore[arg-type]
    assets = dict(snapshot.assets) if snapshot is not None else {}
    for p in result.positions:
        if p.symbol not in assets and p.kind is not None:
            assets[p.symbol] = Asset(p.symbol, p.kind)
        elif p.symbol not in assets:
            kind = AssetKind.EQUITY if p.symbol in MINER_SYMBOLS else AssetKind.CRYPTO
            assets[p.symbol] = Asset(p.symbol, kind)
    values: dict[tuple[str, str], MetricValue] = {}

    def put(scope: str, base_keys: Iterable[str], shock: float) -> None:
        keys = dict.fromkeys(base_keys)
        if snapshot is not None:
            for s, k in snapshot.values:
                if s == scope and k.partition(":")[0] in STRESSED_ASSET_METRICS:
                    keys.setdefault(k)
        for k in keys:
            cur = snapshot.value(scope, k) if snapshot is not None else None
            floor = k.partition(":")[0] in _DRAWDOWN_LIKE
            values[(scope, k)] = MetricValue(_post(cur, shock, floor_zero=floor), MetricStatus.OK, ts)

    asset_keys = (metric_key("drop_from_high", "30D"), "drawdown", metric_key("return", "1D"))
    for sym, shock in result.shocks.items():
        put(sym, asset_keys, shock)
    if result.value_before > 0:
        put(PORTFOLIO, (metric_key("drop_from_high", "30D"), "drawdown"), result.pnl_pct or 0.0)
        weights = [p.weight_after for p in result.positions if p.weight_after is not None]
        if weights:
            values[(PORTFOLIO, "largest_weight")] = MetricValue(max(weights), MetricStatus.OK, ts)
            values[(PORTFOLIO, "hhi")] = MetricValue(sum(w * w for w in weights), MetricStatus.OK, ts)
    return Snapshot(ts, values, assets, True)


@dataclass(frozen=True)
class WouldFire:
    """A rule that would fire for ``member`` after the shock; ``fires_now`` when it fires already today."""

    rule_key: str
    rule_name: str
    severity: Severity
    member: str
    metric: str
    value: float | None
    threshold: float
    fires_now: bool = False


def _firing(snapshot: Snapshot, rules: Sequence[Rule]) -> dict[tuple[str, str], WouldFire]:
    """(group, member) -> the strongest firing rule, as a fresh alert state would fire it."""
    out: dict[tuple[str, str], WouldFire] = {}
    try:
        events, _ = evaluate(snapshot, rules, AlertState(), snapshot.ts)
        for e in events:
            group = e.alert_key.rpartition("|")[0]
            out[(group, e.member)] = WouldFire(e.rule_key, e.rule_name, e.severity, e.member, e.metric, e.value,
                                               e.threshold if e.threshold is not None else math.nan)
    except InputError:  # an inconsistent rule set: fall back to each rule on its own
        for r in rules:
            for member, value, fires in preview(r, snapshot):
                key = (r.group, member)
                if fires and (key not in out or out[key].severity.rank < r.severity.rank):
                    out[key] = WouldFire(r.key, r.name, r.severity, member, r.metric_key, value, r.threshold)
    return out


def rules_that_would_fire(result: StressResult, rules: Sequence[Rule], snapshot: Snapshot | None = None, *,
                          now: datetime | None = None) -> list[WouldFire]:
    """The enabled rules that would fire after the shock (per member, the strongest rule of a group).

    Evaluated with the real engine on a fresh alert state against :func:`stressed_snapshot`; ``fires_now``
    tells whether the same rule (same level) fires on today's values of the same figures. Most severe first.
    """
    usable = [r for r in rules if r.enabled and r.key]
    post = stressed_snapshot(result, snapshot, now=now)
    after = _firing(post, usable)
    before: dict = {}
    if snapshot is not None:
        same = {k: v for k, v in snapshot.values.items() if k in post.values}
        before = _firing(Snapshot(snapshot.ts, same, post.assets, True), usable)
    out = [WouldFire(w.rule_key, w.rule_name, w.severity, w.member, w.metric, w.value, w.threshold,
                     key in before and before[key].rule_key == w.rule_key) for key, w in after.items()]
    return sorted(out, key=lambda w: (-w.severity.rank, w.member != PORTFOLIO, w.member, w.rule_key))


__all__ = [
    "AI_UNWIND_QQQ_SHOCK", "BTC_SHOCK_PRESETS", "Basis", "Flag", "HISTORICAL_SCENARIOS", "HistoricalScenario",
    "Holding", "StressPosition", "StressResult", "WouldFire", "beta_shock", "betas_from_report",
    "historical_scenarios", "historical_shock", "holdings_from_report", "period_closes", "rules_that_would_fire",
    "scenario", "stressed_snapshot", "weekend_gap", "weekend_gap_for_report", "worst_move",
]
