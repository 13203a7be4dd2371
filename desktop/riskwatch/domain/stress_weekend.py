"""The weekend gap: how far each held stock would move at the next US open if it followed BTC's move since
the last stock close through its beta.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

import pandas as pd

from riskwatch.domain.model import AssetKind, utc
from riskwatch.domain.stress_model import BTC, finite_or_none
from riskwatch.domain.validation import UsEquityCalendar


# -- weekend gap --------------------------------------------------------------------------------------
def weekend_gap(btc: pd.Series | float, last_stock_close: datetime, btc_now: float,
                betas: Mapping[str, float | None]) -> dict[str, float]:
    """Estimated move of each stock at the next open: ``beta × (BTC now / BTC at the last stock close − 1)``.

    ``btc``: BTC's price at the last stock close, or a price Series from which the latest value at or before
    ``last_stock_close`` is taken (daily bars stamped at their open give that UTC day's close, at most a day
    off; for the Friday 16:00 New York close it is the close a few hours later). Stocks without a beta are
    left out; moves are capped at −1. Empty when BTC's price at the close is unknown.
    """
    now = finite_or_none(btc_now)
    if isinstance(btc, pd.Series):
        s = btc.dropna()
        t = pd.Timestamp(utc(last_stock_close))
        if s.index.tz is None:
            t = t.tz_localize(None)
        s = s[s.index <= t]
        ref = float(s.iloc[-1]) if len(s) else None
    else:
        ref = finite_or_none(btc)
    if now is None or ref is None or ref <= 0 or now <= 0:
        return {}
    move = now / ref - 1.0
    out = {}
    for sym, b in betas.items():
        bv = finite_or_none(b)
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
