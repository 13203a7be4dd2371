"""One monitoring cycle's risk figures: per asset, for the portfolio, and as Snapshot values for the rules.

Inputs are daily closes in each asset's quoting currency (USD for everything RiskWatch fetches), the
latest quotes in the base currency, and the base currency's USD rate. Conventions:

* The live quote is appended to the daily closes when it is newer than the last bar, so drawdown and the
  drop from the trailing high include the current price; volatility, VaR/ES and beta use daily closes only.
* Fractions (drawdowns, returns, VaR) are computed in USD; money (value, cost, P&L, VaR in money) is shown in
  the base currency, converted at the latest rate (a EUR investor's currency effect is not part of the risk
  fractions — documented in the README).
* Which figures exist, their windows and what they are computed from come from the metric catalogue
  (:mod:`riskwatch.domain.catalogue`): the report calls each spec's ``compute`` function
  (:mod:`riskwatch.domain.metric_functions`) for every scope and window the spec lists, on numpy arrays
  (:mod:`riskwatch.domain.metric_inputs`). A new metric needs no change here.
* Figures that cannot be computed are ``None`` (shown as "–" and never fire a rule), never zero.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

import numpy as np
import pandas as pd

from riskwatch.domain import metrics as m
from riskwatch.domain.catalogue import Inputs, Scope, computed, spec
from riskwatch.domain.basket_report import BasketFigures, basket_values
from riskwatch.domain.figure_status import _utc_ns, inputs_of, portfolio_time, put_figures
from riskwatch.domain.freshness import DataStatus, PriceState
from riskwatch.domain.metric_inputs import (VAR_LOOKBACK, History, Member, MinerCoverage, asset_history,
                                            daily_history, miner_coverage, portfolio_history)
from riskwatch.domain.model import Asset, AssetKind, Portfolio, Quote
from riskwatch.domain.snapshot import PORTFOLIO, MetricValue, Snapshot, metric_key

BENCHMARKS = ("BTC", "QQQ")


@dataclass(frozen=True)
class AssetRisk:
    asset: Asset
    quantity: float
    price: float | None              # base currency
    price_ts: datetime | None
    price_source: str | None
    price_state: DataStatus          # the price itself (live quote or last close)
    price_age_s: float | None
    value: float | None              # base currency
    cost: float | None               # base currency
    pnl: float | None
    pnl_pct: float | None
    weight: float | None
    change_24h: float | None
    # Figures named by their catalogue code, at the spec's default window (the same values as the snapshot's
    # ``(symbol, metric_key(code, default_window))``; read the snapshot for any other window or a new metric).
    drop_from_high: float | None = None
    drawdown: float | None = None
    max_drawdown: float | None = None
    volatility: float | None = None
    var_95: float | None = None
    es_95: float | None = None
    var_99: float | None = None
    es_99: float | None = None
    beta_btc: float | None = None
    corr_btc: float | None = None
    beta_qqq: float | None = None
    history_days: int = 0
    unconfirmed: bool = False        # the live quote was held as an unconfirmed jump
    status: DataStatus = DataStatus.OK  # of its price figures: the worse of the price and the daily closes
    as_of: datetime | None = None    # the as-of time of those inputs (of the stale one when one is stale)
    sample: bool = False             # computed from the bundled sample history

    @property
    def symbol(self) -> str:
        return self.asset.symbol


@dataclass(frozen=True)
class PortfolioFigures:
    value: float
    cost: float
    pnl: float
    pnl_pct: float | None
    var_95_money: float | None       # base currency (negative = loss)
    es_95_money: float | None
    largest_symbol: str | None
    miner_beta_btc: float | None     # the portfolio's beta_btc: value-weighted 90-day beta of the held miners
    priced_share: float = 1.0        # share of positions (by count) that have a price
    # Figures named by their catalogue code (as the snapshot's ``(PORTFOLIO, metric_key(code, window))``)
    drawdown: float | None = None
    drop_from_high: float | None = None
    max_drawdown: float | None = None
    var_95: float | None = None      # fraction, 1 day
    es_95: float | None = None
    var_99: float | None = None
    es_99: float | None = None
    largest_weight: float | None = None
    hhi: float | None = None
    status: DataStatus = DataStatus.OK  # of its price figures: the worst of the holdings'
    as_of: datetime | None = None    # the oldest holding's as-of time
    stale: tuple[tuple[str, datetime | None], ...] = ()  # stale holdings and the as-of time of their data
    miner_beta_coverage: MinerCoverage | None = None  # the held miners that made miner_beta_btc ("2/5")


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
    baskets: tuple[BasketFigures, ...] = ()   # the CD20 and miner baskets (their figures are in the snapshot too)

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


def _daily_key(h: History):
    if not len(h.daily_times):
        return None
    return (len(h.daily_times), int(h.daily_times[0]), int(h.daily_times[-1]), float(h.daily_prices[-1]))


def _figures(scope: Scope, h: History, cached: dict | None = None) -> dict[str, float | None]:
    """Every catalogue figure of one scope, keyed ``code:window``. ``cached``: figures on daily closes only
    (``Inputs.DAILY``) from an earlier cycle with the same closes; filled with the ones computed now."""
    out: dict[str, float | None] = {}
    for sp in computed(scope):
        for window in sp.windows or (None,):
            key = metric_key(sp.code, window)
            daily_only = cached is not None and sp.inputs is Inputs.DAILY
            if daily_only and key in cached:
                out[key] = cached[key]
                continue
            out[key] = _f(sp.function(h, window))
            if daily_only:
                cached[key] = out[key]
    return out


def _cached(cache: dict | None, key) -> dict | None:
    """The memo of one scope's daily-only figures (they change once a day), or None without a cache."""
    if cache is None:
        return None
    if key not in cache and len(cache) > 512:
        cache.clear()
    return cache.setdefault(key, {})


def _figure_fields(cls) -> tuple[str, ...]:
    """The dataclass fields that carry a catalogue figure (named by its code; read at its default window)."""
    return tuple(f for f in cls.__dataclass_fields__ if spec(f) is not None and spec(f).compute is not None)


def _by_code(figs: Mapping[str, float | None], names: tuple[str, ...]) -> dict[str, float | None]:
    return {n: figs.get(metric_key(n, spec(n).default_window)) for n in names}


def compute_risk_report(portfolio: Portfolio, closes: Mapping[str, pd.Series], quotes: Mapping[str, Quote],
                        now: datetime, *, price_states: Mapping[str, PriceState] | None = None,
                        usd_per_base: float | None = None, online: bool = True,
                        extra_assets: Mapping[str, Asset] | None = None, cache: dict | None = None,
                        baskets: Sequence = ()) -> RiskReport:
    """Build the report and the Snapshot for the rules.

    ``closes``: daily closes (USD) per symbol, including the benchmarks BTC and QQQ when available.
    ``quotes``: latest quotes in the base currency. ``usd_per_base``: e.g. 1.08 for EUR (1.0 or None for USD).
    ``extra_assets``: symbols not held whose figures the rules need (e.g. QQQ); they get per-asset values
    in the Snapshot but are not part of the portfolio. ``cache``: a dict kept between cycles; figures on
    daily closes only are reused while the closes are the same. ``baskets``: ``domain.baskets.Basket`` definitions
    whose constituents' closes are in ``closes`` (see :mod:`riskwatch.domain.basket_report`).

    The Snapshot holds every catalogue metric that has a ``compute`` function, for every scope its spec lists
    (asset scope: the symbol; portfolio: ``snapshot.PORTFOLIO``) and every window of the spec.
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

    benchmarks = {}
    for b in BENCHMARKS:
        if b in closes and closes[b].notna().any():
            benchmarks[b] = daily_history(closes[b])
    bench_key = tuple(_daily_key(benchmarks[b]) if b in benchmarks else None for b in BENCHMARKS)
    histories: dict[str, History] = {}
    figures: dict[str, dict[str, float | None]] = {}
    all_assets = dict(extra_assets or {})
    all_assets.update(held_assets)
    ppy: dict[AssetKind, float] = {}
    for sym, asset in all_assets.items():
        q = quotes.get(sym)
        if asset.kind not in ppy:
            ppy[asset.kind] = m.periods_per_year(asset.kind)
        h = asset_history(closes.get(sym), q.price * fx if q is not None else None,
                          pd.Timestamp(q.ts).value if q is not None else None, ppy[asset.kind], benchmarks)
        histories[sym] = h
        figures[sym] = _figures(Scope.ASSET, h, _cached(cache, (sym, asset.kind, _daily_key(h), bench_key)))

    # -- portfolio --------------------------------------------------------------------------------
    priced = [s for s in qty if len(histories[s].prices) > 0]
    missing = tuple(s for s in qty if s not in priced)
    pf: PortfolioFigures | None = None
    values_now = {s: qty[s] * float(histories[s].prices[-1]) / fx for s in priced}
    total = sum(values_now.values())
    weights = {s: (v / total if total > 0 else None) for s, v in values_now.items()}
    pf_figs: dict[str, float | None] = {}
    if priced and total > 0:
        members = tuple(Member(s, weights[s], held_assets[s].is_miner, figures[s],
                               stale=s in states and not states[s].inputs(Inputs.DAILY)[0].usable) for s in priced)
        ph = portfolio_history({s: qty[s] for s in priced}, histories, members)
        # without a common history only the concentration figures (from the weights) are available
        pf_figs = _figures(Scope.PORTFOLIO, ph or History(*_EMPTY, members=members, is_portfolio=True))
        cost_total = sum(cost_usd.get(s, 0.0) for s in priced) / fx
        var, es = pf_figs.get("var_95"), pf_figs.get("es_95")
        pf = PortfolioFigures(
            value=total, cost=cost_total, pnl=total - cost_total,
            pnl_pct=(total / cost_total - 1.0) if cost_total > 0 else None,
            var_95_money=var * total if var is not None else None,
            es_95_money=es * total if es is not None else None,
            largest_symbol=max(values_now, key=values_now.get),
            miner_beta_btc=pf_figs.get(metric_key("beta_btc", spec("beta_btc").default_window)),
            miner_beta_coverage=miner_coverage(members, metric_key("beta_btc", spec("beta_btc").default_window)),
            priced_share=len(priced) / len(qty), **_by_code(pf_figs, _PORTFOLIO_FIELDS),
            **portfolio_time(priced, states, histories))

    # -- per asset rows ---------------------------------------------------------------------------
    rows = []
    for sym, asset in held_assets.items():
        f = figures[sym]
        q = quotes.get(sym)
        st = states.get(sym)
        h = histories[sym]
        has_price = len(h.prices) > 0
        price = (q.price if q is not None else (float(h.prices[-1]) / fx if has_price else None))
        price_ts = q.ts if q is not None else (
            _utc_ns(h.times[-1]) if has_price else None)
        age = st.age_s if st and st.age_s is not None else (
            (now - price_ts).total_seconds() if price_ts is not None else None)
        state = st.state if st else (DataStatus.MISSING if price is None else DataStatus.OK)
        status, as_of, sample = inputs_of(sym, Inputs.PRICE, None, states, histories)
        value = values_now.get(sym)
        cost = cost_usd.get(sym, 0.0) / fx
        change = q.change_24h if q is not None and q.change_24h is not None else f.get(metric_key("return", "1D"))
        rows.append(AssetRisk(
            asset=asset, quantity=qty[sym], price=price, price_ts=price_ts,
            price_source=q.source if q is not None else ("history" if has_price else None),
            price_state=state, price_age_s=age, value=value, cost=cost,
            pnl=(value - cost) if value is not None else None,
            pnl_pct=(value / cost - 1.0) if value is not None and cost > 0 else None,
            weight=weights.get(sym), change_24h=_f(change), history_days=len(closes.get(sym, ())),
            unconfirmed=bool(st and st.unconfirmed), status=status, as_of=as_of, sample=sample,
            **_by_code(f, _ASSET_FIELDS)))

    # -- snapshot values ----------------------------------------------------------------------------
    # Each figure's status and as-of time follow its inputs through the catalogue: a rule neither fires nor
    # resolves on a figure whose price or closes are stale, or whose live price is an unconfirmed jump.
    values: dict[tuple[str, str], MetricValue] = {}
    for sym in all_assets:
        put_figures(values, sym, figures[sym], [sym], states, histories)
        st = states.get(sym)
        if sym in held_assets:
            row = next(r for r in rows if r.symbol == sym)
            values[(sym, "price_age")] = MetricValue(row.price_age_s, row.price_state, row.price_ts)
        elif st is not None:
            values[(sym, "price_age")] = MetricValue(st.age_s, DataStatus.OK, st.as_of)
    if pf is not None:
        put_figures(values, PORTFOLIO, pf_figs, priced, states, histories)
        coverage = pf.miner_beta_coverage
        if coverage is not None and coverage.held:
            # the miner beta is shown from the miners with a current beta ("2 of 5"), but a rule reads it only
            # when every held miner contributed: its status is that of all held miners' inputs
            beta = metric_key("beta_btc", spec("beta_btc").default_window)
            put_figures(values, PORTFOLIO, {beta: pf_figs.get(beta)}, coverage.held, states, histories)
            mv = values[(PORTFOLIO, beta)]
            if len(coverage.contributed) < len(coverage.held) and mv.value is not None:
                # a miner too short for a beta leaves it incomplete: not available either, though not stale
                status = DataStatus.MISSING if mv.status.usable else mv.status
                values[(PORTFOLIO, beta)] = replace(mv, status=status, detail=mv.detail or str(coverage))
    shown: tuple[BasketFigures, ...] = ()
    if baskets:
        for b in baskets:
            for sym in b.symbols:
                if sym not in histories:
                    histories[sym] = asset_history(closes.get(sym), None, None, m.periods_per_year(b.kind))
        basket_vals, shown = basket_values(baskets, histories, states, benchmarks, cache)
        values.update(basket_vals)
    snapshot = Snapshot(now, values, held_assets, online)
    return RiskReport(now, base, tuple(rows), pf, snapshot, missing, usd_per_base=fx, baskets=shown)


_EMPTY = (np.empty(0, np.int64), np.empty(0), np.empty(0, np.int64), np.empty(0))
_ASSET_FIELDS = _figure_fields(AssetRisk)
_PORTFOLIO_FIELDS = _figure_fields(PortfolioFigures)


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


__all__ = ["BENCHMARKS", "VAR_LOOKBACK", "AssetRisk", "PortfolioFigures", "RiskReport", "closes_from_bars",
           "compute_risk_report", "portfolio_value_series"]
