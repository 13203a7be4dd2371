"""One monitoring cycle's risk figures: per asset, for the portfolio, and as Snapshot values for the rules.

Inputs are daily closes in each asset's quoting currency (USD for everything RiskWatch fetches), the
latest quotes in the base currency, and the base currency's USD rate. Conventions:

* The live quote is appended to the daily closes when it is newer than the last bar, so drawdown and the
  drop from the trailing high include the current price; volatility, VaR/ES and beta use daily closes only.
* Fractions (drawdowns, returns, VaR) are computed in USD; money (value, cost, P&L, VaR in money) is shown in
  the base currency, converted at the latest rate (a EUR investor's currency effect is not part of the risk
  fractions — documented in the README).
* Windows: drop from the trailing 30-day high (calendar), volatility over the last 90 days annualised per
  asset class, 1-day historical VaR/ES 95 % over the last 365 days, beta/correlation to BTC and QQQ over the
  last 90 days on aligned closes (``metrics.aligned_returns``).
* Figures that cannot be computed are ``None`` (shown as "–" and never fire a rule), never zero.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
import pandas as pd

from riskwatch.domain import metrics as m
from riskwatch.domain.model import Asset, AssetKind, Portfolio, Quote
from riskwatch.domain.snapshot import PORTFOLIO, MetricStatus, MetricValue, Snapshot, metric_key

BENCHMARKS = ("BTC", "QQQ")
DROP_WINDOW = "30D"
VOL_WINDOW = "90D"
BETA_WINDOW = "90D"
VAR_LOOKBACK = pd.Timedelta(days=365)
_PRICE_FIGURES = frozenset({"drop", "drawdown", "r1", "r7", "r30"})  # figures that include the live price


@dataclass(frozen=True)
class PriceState:
    """How current a price is: live | stale | market_closed | missing, and its age. ``unconfirmed``: the live
    quote was an implausible jump nobody confirmed (the price shown is the last accepted one)."""

    state: str
    age_s: float | None = None
    unconfirmed: bool = False


@dataclass(frozen=True)
class AssetRisk:
    asset: Asset
    quantity: float
    price: float | None              # base currency
    price_ts: datetime | None
    price_source: str | None
    price_state: str
    price_age_s: float | None
    value: float | None              # base currency
    cost: float | None               # base currency
    pnl: float | None
    pnl_pct: float | None
    weight: float | None
    change_24h: float | None
    drop_from_high: float | None
    drawdown: float | None
    max_drawdown: float | None
    volatility: float | None
    var_95: float | None
    es_95: float | None
    beta_btc: float | None
    corr_btc: float | None
    beta_qqq: float | None
    history_days: int = 0
    unconfirmed: bool = False        # the live quote was held as an unconfirmed jump

    @property
    def symbol(self) -> str:
        return self.asset.symbol


@dataclass(frozen=True)
class PortfolioFigures:
    value: float
    cost: float
    pnl: float
    pnl_pct: float | None
    drawdown: float | None
    drop_from_high: float | None
    max_drawdown: float | None
    var_95: float | None             # fraction, 1 day
    es_95: float | None
    var_95_money: float | None       # base currency (negative = loss)
    es_95_money: float | None
    largest_symbol: str | None
    largest_weight: float | None
    hhi: float | None
    miner_beta_btc: float | None     # value-weighted 90-day beta of the held miners to BTC
    priced_share: float = 1.0        # share of positions (by count) that have a price


@dataclass(frozen=True)
class RiskReport:
    ts: datetime
    base_currency: str
    assets: tuple[AssetRisk, ...]
    portfolio: PortfolioFigures | None
    snapshot: Snapshot
    missing: tuple[str, ...] = ()    # held symbols without any price
    notes: tuple[str, ...] = field(default_factory=tuple)
    usd_per_base: float = 1.0        # e.g. 1.08 when the base currency is EUR

    def asset(self, symbol: str) -> AssetRisk | None:
        return next((a for a in self.assets if a.symbol == symbol), None)

    def to_base(self, amount: float, currency: str) -> float:
        """Convert an amount in ``currency`` (USD-like or the base currency) to the base currency."""
        cur = currency.upper()
        if cur == self.base_currency:
            return amount
        if self.base_currency == "USD":  # EUR -> USD
            return amount * self.usd_per_base if cur == "EUR" else amount
        return amount / self.usd_per_base  # USD, USDT, USDC -> EUR


def _f(x) -> float | None:
    try:
        v = float(x)
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


def _with_live(closes: pd.Series, price_usd: float | None, ts: datetime | None) -> pd.Series:
    if price_usd is None or ts is None or not len(closes) or pd.Timestamp(ts) <= closes.index[-1]:
        return closes
    extra = pd.Series([price_usd], index=pd.DatetimeIndex([pd.Timestamp(ts)]), name=closes.name)
    return pd.concat([closes, extra])


def _daily_key(s: pd.Series | None):
    if s is None or not len(s):
        return None
    return (len(s), s.index[0].value, s.index[-1].value, float(s.iloc[-1]))


def _asset_figures(series: pd.Series, daily: pd.Series, kind: AssetKind, benchmarks: Mapping[str, pd.Series],
                   cache: dict | None = None, symbol: str = ""):
    out: dict[str, float | None] = dict.fromkeys(
        ("drop", "drawdown", "mdd", "vol", "var", "es", "beta_btc", "corr_btc", "beta_qqq", "r1", "r7", "r30"))
    if len(series) == 0:
        return out
    out["drop"] = _f(m.drop_from_high(series, DROP_WINDOW).iloc[-1])
    out["drawdown"] = _f(m.current_drawdown(series))
    out["mdd"] = _f(m.max_drawdown(series).value)
    rets = m.trailing_returns(series, ("1D", "7D", "30D"))
    out["r1"], out["r7"], out["r30"] = (_f(rets.get(k)) for k in ("1D", "7D", "30D"))
    # Volatility, VaR/ES and beta depend on the daily closes only, which change once a day: memoised per
    # (symbol, kind, daily history, benchmark histories) when the caller passes a cache.
    key = (symbol, kind, _daily_key(daily), _daily_key(benchmarks.get("BTC")), _daily_key(benchmarks.get("QQQ")))
    if cache is not None and key in cache:
        out.update(cache[key])
        return out
    if len(daily) >= 3:
        last = daily.index[-1]
        recent = daily[daily.index > last - pd.Timedelta(VOL_WINDOW)]
        out["vol"] = _f(m.annualized_volatility(m.simple_returns(recent), m.periods_per_year(kind)))
        year = m.simple_returns(daily[daily.index > last - VAR_LOOKBACK])
        if len(year) >= 20:
            out["var"] = _f(m.value_at_risk(year, 0.95))
            out["es"] = _f(m.expected_shortfall(year, 0.95))
        for bench, keys in (("BTC", ("beta_btc", "corr_btc")), ("QQQ", ("beta_qqq", None))):
            b = benchmarks.get(bench)
            if b is None or len(b) < 3 or b is daily:
                continue
            start = last - pd.Timedelta(BETA_WINDOW)
            r, rb = m.aligned_returns(daily[daily.index > start], b[b.index > start])
            if len(r) >= 10:
                out[keys[0]] = _f(m.beta(r, rb))
                if keys[1]:
                    out[keys[1]] = _f(m.correlation(r, rb))
    if cache is not None:
        if len(cache) > 512:
            cache.clear()
        cache[key] = {k: out[k] for k in ("vol", "var", "es", "beta_btc", "corr_btc", "beta_qqq")}
    return out


def compute_risk_report(portfolio: Portfolio, closes: Mapping[str, pd.Series], quotes: Mapping[str, Quote],
                        now: datetime, *, price_states: Mapping[str, PriceState] | None = None,
                        usd_per_base: float | None = None, online: bool = True,
                        extra_assets: Mapping[str, Asset] | None = None, cache: dict | None = None) -> RiskReport:
    """Build the report and the Snapshot for the rules.

    ``closes``: daily closes (USD) per symbol, including the benchmarks BTC and QQQ when available.
    ``quotes``: latest quotes in the base currency. ``usd_per_base``: e.g. 1.08 for EUR (1.0 or None for USD).
    ``extra_assets``: symbols not held whose figures the rules need (e.g. QQQ); they get per-asset values
    in the Snapshot but are not part of the portfolio.
    """
    base = portfolio.base_currency
    fx = usd_per_base if (usd_per_base and base != "USD") else 1.0
    states = price_states or {}
    held_assets = {a.symbol: a for a in portfolio.assets()}
    qty: dict[str, float] = {}
    cost_usd: dict[str, float] = {}
    for p in portfolio.positions:
        qty[p.symbol] = qty.get(p.symbol, 0.0) + float(p.quantity)
        c = float(p.cost_value)
        cur = p.asset.quote_currency
        c_usd = c * fx if cur == base and base != "USD" else c  # USD/USDT cost stays USD
        cost_usd[p.symbol] = cost_usd.get(p.symbol, 0.0) + c_usd

    benchmarks = {b: closes[b].dropna() for b in BENCHMARKS if b in closes and len(closes[b].dropna())}
    series_usd: dict[str, pd.Series] = {}
    figures: dict[str, dict] = {}
    values: dict[tuple[str, str], MetricValue] = {}
    all_assets = dict(extra_assets or {})
    all_assets.update(held_assets)
    for sym, asset in all_assets.items():
        daily = closes.get(sym)
        daily = daily.dropna() if daily is not None else pd.Series(dtype=float)
        q = quotes.get(sym)
        live_usd = q.price * fx if q is not None else None
        series = _with_live(daily, live_usd, q.ts if q is not None else None) if len(daily) else (
            pd.Series([live_usd], index=pd.DatetimeIndex([pd.Timestamp(q.ts)])) if q is not None
            else pd.Series(dtype=float))
        series_usd[sym] = series
        figures[sym] = _asset_figures(series, daily, asset.kind, benchmarks, cache, sym)

    # -- portfolio --------------------------------------------------------------------------------
    priced = [s for s in qty if len(series_usd.get(s, ())) > 0]
    missing = tuple(s for s in qty if s not in priced)
    pf: PortfolioFigures | None = None
    values_now: dict[str, float] = {}
    for s in priced:
        values_now[s] = qty[s] * float(series_usd[s].iloc[-1]) / fx
    total = sum(values_now.values())
    weights = {s: (v / total if total > 0 else None) for s, v in values_now.items()}
    if priced and total > 0:
        pr = None
        try:
            pr = _portfolio_series_risk({s: qty[s] for s in priced}, {s: series_usd[s] for s in priced}, cache)
        except m.MetricInputError:
            pr = None
        cost_total = sum(cost_usd.get(s, 0.0) for s in priced) / fx
        largest = max(values_now, key=values_now.get)
        hhi = sum(w * w for w in weights.values() if w is not None)
        miners = [(weights[s], figures[s]["beta_btc"]) for s in priced
                  if held_assets[s].is_miner and figures[s]["beta_btc"] is not None]
        mw = sum(w for w, _ in miners)
        pf = PortfolioFigures(
            value=total, cost=cost_total, pnl=total - cost_total,
            pnl_pct=(total / cost_total - 1.0) if cost_total > 0 else None,
            drawdown=pr["drawdown"] if pr else None, drop_from_high=pr["drop"] if pr else None,
            max_drawdown=pr["mdd"] if pr else None, var_95=pr["var"] if pr else None,
            es_95=pr["es"] if pr else None,
            var_95_money=pr["var"] * total if pr and pr["var"] is not None else None,
            es_95_money=pr["es"] * total if pr and pr["es"] is not None else None,
            largest_symbol=largest, largest_weight=weights[largest], hhi=hhi,
            miner_beta_btc=(sum(w * b for w, b in miners) / mw) if mw > 0 else None,
            priced_share=len(priced) / len(qty))

    # -- per asset rows ---------------------------------------------------------------------------
    rows = []
    for sym, asset in held_assets.items():
        f = figures[sym]
        q = quotes.get(sym)
        st = states.get(sym)
        series = series_usd[sym]
        price = (q.price if q is not None else (float(series.iloc[-1]) / fx if len(series) else None))
        price_ts = q.ts if q is not None else (series.index[-1].to_pydatetime() if len(series) else None)
        age = st.age_s if st and st.age_s is not None else (
            (now - price_ts).total_seconds() if price_ts is not None else None)
        state = st.state if st else ("missing" if price is None else "live")
        value = values_now.get(sym)
        cost = cost_usd.get(sym, 0.0) / fx
        change = q.change_24h if q is not None and q.change_24h is not None else f["r1"]
        rows.append(AssetRisk(
            asset=asset, quantity=qty[sym], price=price, price_ts=price_ts,
            price_source=q.source if q is not None else ("history" if len(series) else None),
            price_state=state, price_age_s=age, value=value, cost=cost,
            pnl=(value - cost) if value is not None else None,
            pnl_pct=(value / cost - 1.0) if value is not None and cost > 0 else None,
            weight=weights.get(sym), change_24h=_f(change), drop_from_high=f["drop"], drawdown=f["drawdown"],
            max_drawdown=f["mdd"], volatility=f["vol"], var_95=f["var"], es_95=f["es"], beta_btc=f["beta_btc"],
            corr_btc=f["corr_btc"], beta_qqq=f["beta_qqq"], history_days=len(closes.get(sym, ())),
            unconfirmed=bool(st and st.unconfirmed)))

    # -- snapshot values ----------------------------------------------------------------------------
    # Figures that include the live price are "unconfirmed" while that price is held as an unconfirmed jump:
    # the rules neither fire nor resolve on them. Daily-only figures (volatility, VaR, beta) stay usable.
    held_back = {s for s, st in states.items() if st.unconfirmed}
    for sym in all_assets:
        f = figures[sym]
        for metric, window, key in (("drop_from_high", DROP_WINDOW, "drop"), ("drawdown", None, "drawdown"),
                                    ("return", "1D", "r1"), ("return", "7D", "r7"), ("return", "30D", "r30"),
                                    ("volatility", VOL_WINDOW, "vol"), ("var_95", None, "var"),
                                    ("es_95", None, "es"), ("beta_btc", BETA_WINDOW, "beta_btc")):
            v = f[key]
            status = MetricStatus.OK if v is not None else MetricStatus.MISSING
            if v is not None and sym in held_back and key in _PRICE_FIGURES:
                status = MetricStatus.UNCONFIRMED
            values[(sym, metric_key(metric, window))] = MetricValue(v, status, now)
        st = states.get(sym)
        if sym in held_assets:
            row = next(r for r in rows if r.symbol == sym)
            status = {"live": MetricStatus.OK, "stale": MetricStatus.STALE, "missing": MetricStatus.MISSING,
                      "market_closed": MetricStatus.MARKET_CLOSED}.get(row.price_state, MetricStatus.OK)
            values[(sym, "price_age")] = MetricValue(row.price_age_s, status, now)
        elif st is not None:
            values[(sym, "price_age")] = MetricValue(st.age_s, MetricStatus.OK, now)
    if pf is not None:
        for metric, window, v in (("drawdown", None, pf.drawdown), ("drop_from_high", DROP_WINDOW, pf.drop_from_high),
                                  ("var_95", None, pf.var_95), ("es_95", None, pf.es_95),
                                  ("largest_weight", None, pf.largest_weight), ("hhi", None, pf.hhi)):
            status = MetricStatus.OK if v is not None else MetricStatus.MISSING
            if v is not None and held_back & set(qty) and metric not in ("var_95", "es_95"):
                status = MetricStatus.UNCONFIRMED
            values[(PORTFOLIO, metric_key(metric, window))] = MetricValue(v, status, now)
    snapshot = Snapshot(now, values, held_assets, online)
    return RiskReport(now, base, tuple(rows), pf, snapshot, missing, usd_per_base=fx)


def _portfolio_series_risk(quantities: Mapping[str, float], series: Mapping[str, pd.Series],
                           cache: dict | None = None) -> dict:
    """Value of the current holdings over time (USD) and its risk; equities carry their last close forward."""
    frame = pd.concat({s: v[~v.index.duplicated(keep="last")] for s, v in series.items()}, axis=1,
                      sort=True)
    frame = frame.ffill().dropna()
    if frame.empty:
        raise m.MetricInputError("no common history")
    q = np.array([quantities[c] for c in frame.columns])
    value = pd.Series(frame.to_numpy() @ q, index=frame.index)
    out = {"drawdown": _f(m.current_drawdown(value)), "drop": _f(m.drop_from_high(value, DROP_WINDOW).iloc[-1]),
           "mdd": _f(m.max_drawdown(value).value), "var": None, "es": None}
    daily = value[value.index.normalize() == value.index]  # the daily points, without the live one
    key = ("portfolio", tuple(sorted(quantities.items())), _daily_key(daily))
    if cache is not None and key in cache:
        out.update(cache[key])
        return out
    year = m.simple_returns(daily[daily.index > daily.index[-1] - VAR_LOOKBACK]) if len(daily) > 2 else []
    if len(year) >= 20:
        out["var"] = _f(m.value_at_risk(year, 0.95))
        out["es"] = _f(m.expected_shortfall(year, 0.95))
    if cache is not None:
        cache[key] = {"var": out["var"], "es": out["es"]}
    return out


def portfolio_value_series(quantities: Mapping[str, float], closes: Mapping[str, pd.Series],
                           usd_per_base: float | None = None) -> pd.Series:
    """Daily value of the current holdings in the base currency (for the chart)."""
    held = {s: closes[s].dropna() for s in quantities if s in closes and len(closes[s].dropna())}
    if not held:
        return pd.Series(dtype=float)
    frame = pd.concat(held, axis=1, sort=True).ffill().dropna()
    q = np.array([quantities[c] for c in frame.columns])
    fx = usd_per_base or 1.0
    return pd.Series(frame.to_numpy() @ q / fx, index=frame.index, name="value")


def closes_from_bars(bars) -> pd.Series:
    """Daily closes from domain Bars (ascending, unique timestamps) as a float Series with a UTC index."""
    if not bars:
        return pd.Series(dtype=float)
    idx = pd.DatetimeIndex([b.ts for b in bars])
    s = pd.Series([b.close for b in bars], index=idx, dtype=float)
    return s[~s.index.duplicated(keep="last")].sort_index()

