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
* Stablecoins are not shocked (basis ``stablecoin``). A manual shock (basis ``manual``) overrides everything.
* **A missing beta is never read as zero.** The user may set a beta to BTC per asset for the scenario
  (``user_betas``); it replaces the report's beta and the position is flagged ``user_beta_btc`` ("beta (set
  by you)"). An asset with neither (no history, too short, stale: the report's beta is None) has an *unknown*
  move (basis ``no_beta``): ``StressResult.lacking_beta`` names it, the portfolio's ``pnl_pct`` is None
  ("not available"), ``value_after``/``pnl`` are the result without it (it is held at today's value there,
  its ``shock`` is a placeholder 0 that nothing shows) and ``covered_pnl_pct`` is the move of the rest; the
  stressed snapshot leaves it, and the portfolio, out of the rules. No default beta is assumed for a miner
  either: a guess the user did not make would look like a result.
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

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from types import MappingProxyType

import pandas as pd

from riskwatch.domain import metrics as m
from riskwatch.domain.errors import InputError
from riskwatch.domain.model import AssetKind
from riskwatch.domain.stress_model import (
    BTC,
    QQQ,
    Basis,
    Flag,
    HistoricalScenario,
    Holding,
    StressPosition,
    StressResult,
    finite_or_none,
)


# -- helpers ------------------------------------------------------------------------------------------
def _check_shock(value, what: str) -> float:
    v = finite_or_none(value)
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
        v = finite_or_none(h.value)
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
    return finite_or_none((betas or {}).get(symbol))


def _user_betas(user: Mapping[str, float | None] | None) -> dict[str, float]:
    out = {}
    for sym, b in (user or {}).items():
        if b is None:
            continue
        v = finite_or_none(b)
        if v is None:
            raise InputError.single(f"beta of {sym} set by the user must be a finite number, got {b!r}",
                                    field=f"beta of {sym}")
        out[sym] = v
    return out


def _with_user_betas(betas: Mapping[str, float | None] | None,
                     user: dict[str, float]) -> dict[str, float | None]:
    merged: dict[str, float | None] = dict(betas or {})
    merged.update(user)
    return merged


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
    shocks = MappingProxyType({s: r.shock for s, r in raw.items() if r.basis is not Basis.NO_BETA})
    return StressResult(tuple(positions), shocks, before, after, scenario_code, btc_shock, qqq_shock, period)


# -- beta shock ---------------------------------------------------------------------------------------
def beta_shock(holdings: Sequence[Holding] | Mapping[str, float], betas_to_btc: Mapping[str, float | None] | None,
               btc_shock: float, *, qqq_shock: float | None = None,
               betas_to_qqq: Mapping[str, float | None] | None = None,
               manual: Mapping[str, float] | None = None,
               user_betas: Mapping[str, float | None] | None = None) -> StressResult:
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
    user_betas : mapping symbol -> beta to BTC, optional
        Betas to BTC the user set for this scenario; they replace ``betas_to_btc`` (flag ``user_beta_btc``).

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
    user = _user_betas(user_betas)
    betas = {BTC: _with_user_betas(betas_to_btc, user), QQQ: betas_to_qqq or {}}
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
            if BTC in active and sym in user:
                flags.add(Flag.USER_BETA_BTC)
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
                     manual: Mapping[str, float] | None = None,
                     user_betas: Mapping[str, float | None] | None = None) -> StressResult:
    """Apply a historical period to the current holdings: each asset at its worst peak-to-trough of the period.

    ``closes_by_symbol``: daily closes (any currency; only moves matter) per symbol, or a callable returning
    them. ``betas``: betas to BTC, used for assets without data in the period (``beta × BTC's worst move``,
    flagged ``no_data_in_period``; ``user_betas`` replace them, flagged ``user_beta_btc``). A series that starts more than a week after the period's start or ends
    more than a week before its end is used but flagged ``partial_data``.
    """
    start, end = _period(period)
    get = closes_by_symbol if callable(closes_by_symbol) else (lambda s: closes_by_symbol.get(s))
    hs = _holdings(holdings)
    by_kind = {h.symbol: h.kind for h in hs}
    manual_shocks = _manual(manual)
    user = _user_betas(user_betas)
    betas = _with_user_betas(betas, user)
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
            flags = {Flag.NO_DATA_IN_PERIOD} | ({Flag.USER_BETA_BTC} if sym in user else set())
            b = _beta(betas, sym)
            if b is None or btc_move is None:
                if b is None:
                    flags.add(Flag.MISSING_BETA_BTC)
                raw[sym] = _Raw(0.0, Basis.NO_BETA, {}, flags)
            else:
                raw[sym] = _Raw(_cap(b * btc_move, flags), Basis.BETA_BTC, {BTC: b * btc_move}, flags)
    code = period.code if isinstance(period, HistoricalScenario) else "period"
    return _finish(hs, raw, code, btc_shock=btc_move, period=(start, end))


# -- from a risk report -------------------------------------------------------------------------------
def holdings_from_report(report) -> tuple[Holding, ...]:
    """The priced holdings of a RiskReport (values in its base currency)."""
    return tuple(Holding(a.symbol, float(a.value), a.asset.kind, a.quantity, a.price)
                 for a in report.assets if a.value is not None)


def betas_from_report(report) -> tuple[dict[str, float | None], dict[str, float | None]]:
    """(betas to BTC, betas to QQQ) per held symbol."""
    return ({a.symbol: a.beta_btc for a in report.assets}, {a.symbol: a.beta_qqq for a in report.assets})
