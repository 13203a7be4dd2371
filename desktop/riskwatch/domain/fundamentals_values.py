"""Balance-sheet figures as Snapshot values: status, as-of time and detail of each derived figure.

* ``as_of`` = the oldest period end among the reported figures it is computed from (midnight UTC);
* ``status`` = stale when that period end is more than two quarters (:data:`STALE_AFTER_DAYS`) before now; for a
  figure on the market cap also the share price's status (a stale price makes it stale too);
* ``detail`` = ``"entered"`` when a figure entered by hand is among its inputs; why it is unavailable
  (``"no_filings"``, ``"no_price"``, ``"no_history"`` …) when its value is ``None``.

``fundamentals_age_days`` *is* the age, so it is always ``ok`` when known (a rule on it must fire exactly when
the balance sheet is old, which a stale status would prevent).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, time

from riskwatch.domain.catalogue import FUNDAMENTAL_METRICS
from riskwatch.domain.freshness import DataStatus, worst
from riskwatch.domain.fundamentals import DERIVED_INPUTS, BalanceSheet, is_stale
from riskwatch.domain.snapshot import MetricValue

#: Derived figures computed on the market cap: the share price's status counts too.
ON_PRICE = frozenset({"market_cap", "net_debt_to_mcap", "enterprise_value", "debt_to_ev", "contracts_to_mcap"})
ENTERED_DETAIL = "entered"


def period_time(day: date | None) -> datetime | None:
    return datetime.combine(day, time(0), UTC) if day is not None else None


def figure_value(code: str, value: float | None, sheet: BalanceSheet, price_status: DataStatus,
                 now: datetime) -> MetricValue:
    """One derived figure of ``sheet`` as a MetricValue (see the module docstring)."""
    inputs = sheet.input_facts(code)
    as_of_day = min((f.period_end for f in inputs), default=None)
    entered = any(f.entered for f in inputs)
    if code == "fundamentals_age_days":
        if value is None:
            return MetricValue(None, DataStatus.MISSING, None, "no_filings")
        return MetricValue(value, DataStatus.OK, period_time(sheet.period_end), ENTERED_DETAIL if entered else "")
    statuses = [DataStatus.STALE if is_stale(as_of_day, now) else DataStatus.OK]
    if code in ON_PRICE:
        statuses.append(price_status)
    status = worst(statuses)
    if value is None:
        missing = [c for c in DERIVED_INPUTS.get(code, ()) if sheet.fact(c) is None]
        why = "no_filings" if not sheet.latest else (f"no_{missing[0]}" if missing else _why(code, price_status))
        return MetricValue(None, status if not status.usable else DataStatus.MISSING, period_time(as_of_day), why)
    return MetricValue(value, status, period_time(as_of_day), ENTERED_DETAIL if entered else "")


def _why(code: str, price_status: DataStatus) -> str:
    if code in ON_PRICE and not price_status.usable:
        return "no_price"
    return {"debt_growth_1y": "no_history"}.get(code, "not_positive")


def metric_values(symbol: str, sheet: BalanceSheet, derived: Mapping[str, float | None],
                  price_status: DataStatus, now: datetime) -> dict[tuple[str, str], MetricValue]:
    """The catalogue's fundamentals metrics (:data:`FUNDAMENTAL_METRICS`) of one symbol for the Snapshot."""
    return {(symbol, code): figure_value(code, derived.get(code), sheet, price_status, now)
            for code in FUNDAMENTAL_METRICS}


def missing_values(symbol: str, detail: str = "no_filings",
                   status: DataStatus = DataStatus.MISSING) -> dict[tuple[str, str], MetricValue]:
    """A held miner without any balance sheet: every metric present, unavailable, never zero."""
    return {(symbol, code): MetricValue(None, status, None, detail) for code in FUNDAMENTAL_METRICS}
