"""Series for the charts and thresholds for the traffic lights, computed off the GUI thread."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from riskwatch.domain import metrics
from riskwatch.domain.alerts import Rule
from riskwatch.domain.risk_report import portfolio_value_series
from riskwatch.services.thresholds import drop_thresholds


@dataclass(frozen=True)
class ChartData:
    """What the charts show."""

    closes: dict[str, pd.Series] = field(default_factory=dict)   # symbol -> daily closes (tz-aware index)
    portfolio_value: pd.Series | None = None                     # base currency
    rolling_beta: dict[str, pd.Series] = field(default_factory=dict)  # miner -> 90-day beta to BTC
    thresholds: dict[str, tuple[float, ...]] = field(default_factory=dict)  # symbol -> drop thresholds (≤ 0)
    window: str = "30D"
    base_currency: str = "USD"


def build_chart_data(result, rules: Iterable[Rule] = (), *, beta_window: str = "90D") -> ChartData:
    """Chart series of a monitoring cycle (CycleResult): closes, portfolio value, rolling miner betas."""
    report = result.report
    closes = {s: v for s, v in result.closes.items() if len(v)}
    qty = {a.symbol: a.quantity for a in report.assets}
    value = portfolio_value_series(qty, closes, report.usd_per_base)
    betas: dict[str, pd.Series] = {}
    btc = closes.get("BTC")
    if btc is not None:
        for a in report.assets:
            if a.asset.is_miner and a.symbol in closes and len(closes[a.symbol]) > 10:
                r, rb = metrics.aligned_returns(closes[a.symbol], btc)
                if len(r) > 10:
                    betas[a.symbol] = metrics.rolling_beta(r, rb, beta_window)
    assets = dict(report.snapshot.assets)
    chart_closes = {s: closes[s] for s in [*qty, *[b for b in ("BTC", "QQQ") if b not in qty]] if s in closes}
    return ChartData(closes=chart_closes, portfolio_value=value, rolling_beta=betas,
                     thresholds=drop_thresholds(rules, assets), base_currency=report.base_currency)
