"""One function per catalogue metric: ``f(history, window) -> float`` (NaN: cannot be computed).

In the style of empyrical's ``stats.py``: a small documented function per figure; the catalogue entry
(:mod:`riskwatch.domain.catalogue`) points at it, and :func:`~riskwatch.domain.risk_report.compute_risk_report`
calls every function of the catalogue for each scope the spec lists and each of its windows. A new metric is
this function plus its catalogue entry; the report needs no change.

``history`` is a :class:`~riskwatch.domain.metric_inputs.History` (an asset's closes plus the live quote, or
the portfolio's value path); ``window`` is one of the spec's windows, or None for a metric without one.
Fractions: −0.17 means 17 % down. Conventions as in DESIGN.md ("Metric conventions").
"""

from __future__ import annotations

import math

import numpy as np

from riskwatch.domain import metrics as m
from riskwatch.domain.metric_inputs import BETA_MIN_RETURNS, VAR_LOOKBACK, History, miner_coverage

NAN = math.nan


# -- price path (includes the live price) ---------------------------------------------------------------
def drop_from_high(h: History, window: str | None) -> float:
    """Drop of the latest price from the trailing high of the calendar window ``(t − W, t]``.

    ``p_t / max{p_s : t − W < s ≤ t} − 1`` (≤ 0), as :func:`riskwatch.domain.metrics.drop_from_high` at the
    last point; the "BTC is 17 % below its 30-day high" measure.
    """
    if not len(h.prices):
        return NAN
    x = h.since(window or "30D")
    return float(x[-1] / x.max() - 1.0)


def drawdown(h: History, window: str | None = None) -> float:
    """Current drawdown: the latest price against the all-time high of the history (≤ 0)."""
    if not len(h.prices):
        return NAN
    return float(h.prices[-1] / h.prices.max() - 1.0)


def max_drawdown(h: History, window: str | None = None) -> float:
    """Maximum drawdown: the worst peak-to-trough fall ``min_t (p_t / max_{s≤t} p_s) − 1`` (≤ 0)."""
    if not len(h.prices):
        return NAN
    return float((h.prices / np.maximum.accumulate(h.prices)).min() - 1.0)


def max_drop_in_window(h: History, window: str | None) -> float:
    """The largest peak-to-trough fall inside the calendar window ``(t − W, t]`` (≤ 0): the "intramonth drop"
    of QQQ, ``min_s (p_s / max{p_u : t − W < u ≤ s}) − 1``. Unlike :func:`drop_from_high` it stays deep after
    a recovery: QQQ down only 1.5 % over four weeks may have been 7 % down in between."""
    if not len(h.prices):
        return NAN
    x = h.since(window or "30D")
    return float((x / np.maximum.accumulate(x)).min() - 1.0)


def trailing_return(h: History, window: str | None) -> float:
    """Return over the window: ``p_t / p_asof(t − W) − 1``, from the last price at or before ``t − W``.

    A Monday 1-day return of an equity is measured from Friday's close; NaN when the history is shorter.
    """
    t, x = h.times, h.prices
    if not len(x):
        return NAN
    j = int(np.searchsorted(t, t[-1] - m.window_ns(window or "1D"), side="right")) - 1
    return float(x[-1] / x[j] - 1.0) if j >= 0 else NAN


# -- daily closes only ------------------------------------------------------------------------------------
def annual_volatility(h: History, window: str | None) -> float:
    """Annualised volatility: sample standard deviation (ddof = 1) of the daily returns in the window
    × √(periods per year) (365 for crypto, 252 for equities). NaN with fewer than 2 returns."""
    if len(h.daily_prices) < 3:
        return NAN
    r = h.daily_returns(window or "90D")
    if len(r) < 2:
        return NAN
    return float(np.std(r, ddof=1) * math.sqrt(h.periods_per_year))


def sortino_ratio(h: History, window: str | None) -> float:
    """Annualised Sortino ratio with target return 0, as ``empyrical.sortino_ratio(r, required_return=0,
    annualization=P)``: mean daily return × P over the downside deviation √(mean(min(r, 0)²)) × √P, over the
    daily returns of the window (P = periods per year). NaN with fewer than 20 returns or no down day."""
    r = h.daily_returns(window or "365D")
    if len(r) < 20:
        return NAN
    downside = math.sqrt(float(np.mean(np.minimum(r, 0.0) ** 2)))
    if downside == 0.0:
        return NAN
    return float(np.mean(r)) * math.sqrt(h.periods_per_year) / downside


def _var_es(h: History, which: int, level: int) -> float:
    ve = h.var_es()
    return NAN if ve is None else float(ve[which][level])


def value_at_risk_95(h: History, window: str | None = None) -> float:
    """1-day historical VaR 95 %: the 5 % quantile (numpy linear interpolation) of the daily returns of the
    last 365 days, negative = loss; as ``empyrical.value_at_risk(r, cutoff=0.05)``. Needs 20 returns."""
    return _var_es(h, 0, 0)


def expected_shortfall_95(h: History, window: str | None = None) -> float:
    """1-day historical ES 95 %: mean of the ``int((n − 1) · 0.05) + 1`` worst daily returns of the last 365
    days; as ``empyrical.conditional_value_at_risk(r, cutoff=0.05)``. Needs 20 returns."""
    return _var_es(h, 1, 0)


def value_at_risk_99(h: History, window: str | None = None) -> float:
    """1-day historical VaR 99 %: the 1 % quantile of the daily returns of the last 365 days (as VaR 95 %)."""
    return _var_es(h, 0, 1)


def expected_shortfall_99(h: History, window: str | None = None) -> float:
    """1-day historical ES 99 %: mean of the ``int((n − 1) · 0.01) + 1`` worst daily returns of the last 365
    days (as ES 95 %)."""
    return _var_es(h, 1, 1)


def _beta_corr(h: History, benchmark: str, window: str | None) -> tuple[float, float]:
    pair = h.aligned_returns(benchmark, window or "90D")
    if pair is None or len(pair[0]) < BETA_MIN_RETURNS:
        return NAN, NAN
    beta, corr = m.beta_corr_array(pair[0], pair[1])
    return float(beta[0]), float(corr[0])


def beta_btc(h: History, window: str | None) -> float:
    """Beta to BTC: ``cov(r, r_BTC) / var(r_BTC)`` of the daily returns aligned on the shared closes of the
    window (population moments, as ``empyrical.beta``); needs 10 aligned returns, and the asset's last close
    within ``BETA_MAX_LAG`` of BTC's (else NaN: a beta of a past period is not today's beta).

    For the portfolio: the value-weighted beta of the held miners (the dashboard's "miners' beta to BTC"),
    over the miners of :func:`~riskwatch.domain.metric_inputs.miner_coverage` (a beta, not stale); NaN when
    none contributes. The coverage (``"2/5"``) is what the dashboard shows beside it.
    """
    if h.is_portfolio:
        key = f"beta_btc:{window}" if window else "beta_btc"
        ok = set(miner_coverage(h.members, key).contributed)
        pairs = [(mb.weight, mb.figures[key]) for mb in h.members if mb.symbol in ok]
        total = sum(w for w, _ in pairs)
        return sum(w * b for w, b in pairs) / total if total > 0 else NAN
    return _beta_corr(h, "BTC", window)[0]


def correlation_btc(h: History, window: str | None) -> float:
    """Pearson correlation to BTC on the same aligned daily returns as :func:`beta_btc`."""
    return _beta_corr(h, "BTC", window)[1]


def beta_qqq(h: History, window: str | None) -> float:
    """Beta to QQQ (Nasdaq 100) on daily returns aligned on the shared closes of the window (as beta_btc)."""
    return _beta_corr(h, "QQQ", window)[0]


def correlation_qqq(h: History, window: str | None) -> float:
    """Pearson correlation to QQQ (the AI-trade exposure) on the daily returns aligned on the shared closes of
    the window (a 24/7 asset is compared close-to-close on QQQ's trading days)."""
    return _beta_corr(h, "QQQ", window)[1]


#: the correlation rise compares the correlation of these two windows (short, long)
RISE_WINDOWS = ("30D", "90D")


def _rise(h: History, benchmark: str) -> float:
    short, long = (_beta_corr(h, benchmark, w)[1] for w in RISE_WINDOWS)
    return short - long if math.isfinite(short) and math.isfinite(long) else NAN


def correlation_rise_btc(h: History, window: str | None = None) -> float:
    """The 30-day correlation to BTC minus the 90-day one: > 0 when the asset has lately moved more with BTC
    than it usually does (in a liquidity squeeze everything falls together)."""
    return _rise(h, "BTC")


def correlation_rise_qqq(h: History, window: str | None = None) -> float:
    """The 30-day correlation to QQQ minus the 90-day one (as :func:`correlation_rise_btc`)."""
    return _rise(h, "QQQ")


# -- concentration (portfolio) ------------------------------------------------------------------------------
def largest_weight(h: History, window: str | None = None) -> float:
    """Weight of the largest position by current value (0..1)."""
    weights = [mb.weight for mb in h.members]
    return max(weights) if weights else NAN


def herfindahl(h: History, window: str | None = None) -> float:
    """Herfindahl-Hirschman index of the position weights, ``Σ w²`` (1 = a single position)."""
    return sum(mb.weight * mb.weight for mb in h.members) if h.members else NAN


__all__ = ["VAR_LOOKBACK", "annual_volatility", "beta_btc", "beta_qqq", "correlation_btc", "correlation_qqq",
           "correlation_rise_btc", "correlation_rise_qqq", "drawdown", "max_drop_in_window",
           "drop_from_high", "expected_shortfall_95", "expected_shortfall_99", "herfindahl", "largest_weight",
           "max_drawdown", "trailing_return", "value_at_risk_95", "value_at_risk_99"]
