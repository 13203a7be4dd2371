"""`riskwatch analyze FILE [--window-days 30] [--json]`: risk figures of one price history.

``FILE`` may be ``-`` for standard input (same size limit as a file).

The JSON object (fractions, ISO dates) has the keys ``close_column, rows, first_date, last_date, last_close,
period, periods_per_year, max_drawdown{value,peak_date,trough_date}, current_drawdown,
current_drop_from_<N>d_high, worst_drop_from_<N>d_high{…}, worst_drop_from_<N>d_high_by_year{YEAR:{…}},
volatility_annualized, var_95_<P>, es_95_<P>, var_95_<P>_full, es_95_<P>_full`` with ``<P>`` the period of
the returns (``daily`` for daily and intraday files, so the usual keys are ``var_95_daily`` …). A figure
that cannot be computed (e.g. volatility of a single price) is ``null``.

Period of the returns. The bar spacing is the median gap between the dates:

* intraday bars (median gap under 20 h) are resampled to daily closes (the last close of each UTC day)
  before every return-based figure (volatility, VaR, ES), so an hourly file gives the same figures as the
  daily file of its last closes; drawdowns and drops are computed on the bars themselves;
* daily bars: as written;
* sparser bars keep their own period — weekly, monthly, quarterly or yearly, the nearest to the median
  gap — and the output names it (``period: "weekly"``, keys ``var_95_weekly`` …, "weekly returns").

Annualisation uses the periods per year of that period: daily returns of a file with bars on weekends are a
24/7 market (365, crypto), otherwise an exchange calendar (252); weekly 52, monthly 12, quarterly 4,
yearly 1. VaR/ES are historical and 1-period: ``var_95_<P>``/``es_95_<P>`` over the returns of the last
365 days of the file (prices dated after last date − 365 days, as the monitor computes them; README),
``var_95_<P>_full``/``es_95_<P>_full`` over the whole file. Volatility is over the whole file.
"""

from __future__ import annotations

import json
import math
import sys

import pandas as pd

from riskwatch.domain import metrics as m
from riskwatch.domain.errors import InputError
from riskwatch.domain.risk_report import VAR_LOOKBACK
from riskwatch.i18n import cli_language, fmt_date, fmt_number, fmt_percent

_WEEKEND_SHARE_24_7 = 0.10  # more than this share of bars on Saturday/Sunday: a market that trades every day
_INTRADAY_BELOW = pd.Timedelta(hours=20)
#: (period, nominal length in days, periods per year) of bars a day long or longer
_PERIODS = (("daily", 1.0, None), ("weekly", 7.0, 52), ("monthly", 365.25 / 12, 12),
            ("quarterly", 365.25 / 4, 4), ("yearly", 365.25, 1))


def _day(ts: pd.Timestamp, intraday: bool) -> str:
    return ts.isoformat() if intraday else ts.strftime("%Y-%m-%d")


def _num(v: float) -> float | None:
    return float(v) if v is not None and math.isfinite(v) else None


def bar_period(index: pd.DatetimeIndex) -> str:
    """``intraday``, ``daily``, ``weekly``, ``monthly``, ``quarterly`` or ``yearly``: the period nearest (on a
    log scale) to the median gap between the timestamps; ``daily`` for fewer than two."""
    if len(index) < 2:
        return "daily"
    gap = m.infer_bar(index)
    if gap < _INTRADAY_BELOW:
        return "intraday"
    days = gap / pd.Timedelta(days=1)
    return min(_PERIODS, key=lambda p: abs(math.log(days / p[1])))[0]


def _periods_per_year(period: str, index: pd.DatetimeIndex) -> float:
    per_year = dict((name, n) for name, _, n in _PERIODS)[period]
    if per_year is not None:
        return float(per_year)
    weekend = float((index.day_of_week >= 5).mean())
    return m.periods_per_year("crypto" if weekend > _WEEKEND_SHARE_24_7 else "equity", "1D")


def analyze_prices(closes: pd.Series, close_column: str, window_days: int = 30, rows: int | None = None) -> dict:
    """The ``analyze`` report of one close-price Series (tz-aware ascending index) as a JSON-ready dict."""
    prices = closes.astype(float)
    valid = prices.dropna()
    if valid.empty:
        raise m.InsufficientDataError("the file has no valid close price")
    idx = valid.index
    intraday = bool((idx != idx.normalize()).any())
    window = f"{window_days}D"
    key = f"worst_drop_from_{window_days}d_high"

    def drop_dict(d) -> dict:
        return {"value": _num(d.value), "peak_date": _day(d.peak_date, intraday),
                "trough_date": _day(d.trough_date, intraday)}

    period = bar_period(idx)
    if period == "intraday" or intraday:
        stat = valid.groupby(idx.floor("D")).last()  # the last close of each UTC day
        period = "daily"
    else:
        stat = valid
    per_year = _periods_per_year(period, stat.index)
    returns = m.simple_returns(stat)
    recent = m.simple_returns(stat[stat.index > stat.index[-1] - VAR_LOOKBACK])
    vol = m.annualized_volatility(returns, per_year) if len(stat) >= 3 else math.nan
    drop_now = m.drop_from_high(valid, window).iloc[-1]
    return {
        "close_column": close_column,
        "rows": int(len(prices) if rows is None else rows),
        "first_date": _day(idx[0], intraday),
        "last_date": _day(idx[-1], intraday),
        "last_close": float(valid.iloc[-1]),
        "period": period,
        "periods_per_year": per_year,
        "max_drawdown": drop_dict(m.max_drawdown(valid)),
        "current_drawdown": _num(m.current_drawdown(valid)),
        f"current_drop_from_{window_days}d_high": _num(float(drop_now)),
        key: drop_dict(m.worst_drop_from_high(valid, window)),
        key + "_by_year": {str(y): drop_dict(d) for y, d in m.worst_drop_from_high_by_year(valid, window).items()},
        "volatility_annualized": _num(vol),
        f"var_95_{period}": _num(m.value_at_risk(recent, 0.95)),
        f"es_95_{period}": _num(m.expected_shortfall(recent, 0.95)),
        f"var_95_{period}_full": _num(m.value_at_risk(returns, 0.95)),
        f"es_95_{period}_full": _num(m.expected_shortfall(returns, 0.95)),
    }


_LABELS = {
    "File": "Datei",
    "Close column": "Kursspalte",
    "Rows": "Zeilen",
    "{first} to {last}": "{first} bis {last}",
    "Last close": "Letzter Schlusskurs",
    "Returns": "Renditen",
    "daily returns": "Tagesrenditen",
    "daily returns (intraday bars resampled to daily closes)":
        "Tagesrenditen (Intraday-Kurse auf Tagesschlusskurse verdichtet)",
    "weekly returns": "Wochenrenditen",
    "monthly returns": "Monatsrenditen",
    "quarterly returns": "Quartalsrenditen",
    "yearly returns": "Jahresrenditen",
    "Maximum drawdown": "Maximaler Drawdown",
    "Current drawdown": "Aktueller Drawdown",
    "Current drop from {n}-day high": "Aktueller Rückgang vom {n}-Tage-Hoch",
    "Worst drop from {n}-day high": "Stärkster Rückgang vom {n}-Tage-Hoch",
    "  in {year}": "  im Jahr {year}",
    "Volatility (annualised, {n} periods a year)": "Volatilität (annualisiert, {n} Perioden im Jahr)",
    "VaR 95 % (1 {unit}, last 365 days)": "VaR 95 % (1 {unit}, letzte 365 Tage)",
    "VaR 95 % (1 {unit}, whole file)": "VaR 95 % (1 {unit}, ganze Datei)",
    "Expected shortfall 95 % (1 {unit}, last 365 days)": "Expected Shortfall 95 % (1 {unit}, letzte 365 Tage)",
    "Expected shortfall 95 % (1 {unit}, whole file)": "Expected Shortfall 95 % (1 {unit}, ganze Datei)",
    "day": "Tag", "week": "Woche", "month": "Monat", "quarter": "Quartal", "year": "Jahr",
    "high {peak}, low {trough}": "Hoch {peak}, Tief {trough}",
}
_UNITS = {"daily": "day", "weekly": "week", "monthly": "month", "quarterly": "quarter", "yearly": "year"}


def _t(text: str, lang: str) -> str:
    return _LABELS.get(text, text) if lang == "de" else text


def format_table(report: dict, source: str, window_days: int, lang: str) -> str:
    """The report as aligned ``label  value`` lines in German or English."""
    key = f"worst_drop_from_{window_days}d_high"
    period = report["period"]
    unit = _t(_UNITS[period], lang)
    intraday = "T" in (report["first_date"] or "")

    def date(text: str | None) -> str:
        return fmt_date(pd.Timestamp(text), lang) if text else "–"

    def pct(v: float | None) -> str:
        return fmt_percent(v, 1, lang)

    def drop(d: dict) -> str:
        return f"{pct(d['value'])}  (" + _t("high {peak}, low {trough}", lang).format(
            peak=date(d["peak_date"]), trough=date(d["trough_date"])) + ")"

    returns = f"{period} returns" + (" (intraday bars resampled to daily closes)" if intraday else "")
    lines = [
        (_t("File", lang), source),
        (_t("Close column", lang), report["close_column"]),
        (_t("Rows", lang), f"{fmt_number(report['rows'], 0, lang)}  (" + _t("{first} to {last}", lang).format(
            first=date(report["first_date"]), last=date(report["last_date"])) + ")"),
        (_t("Last close", lang), fmt_number(report["last_close"], 2, lang)),
        (_t("Returns", lang), _t(returns, lang)),
        (_t("Maximum drawdown", lang), drop(report["max_drawdown"])),
        (_t("Current drawdown", lang), pct(report["current_drawdown"])),
        (_t("Current drop from {n}-day high", lang).format(n=window_days),
         pct(report[f"current_drop_from_{window_days}d_high"])),
        (_t("Worst drop from {n}-day high", lang).format(n=window_days), drop(report[key])),
    ]
    lines += [(_t("  in {year}", lang).format(year=y), drop(d)) for y, d in report[key + "_by_year"].items()]
    lines += [
        (_t("Volatility (annualised, {n} periods a year)", lang).format(
            n=fmt_number(report["periods_per_year"], 0, lang)), pct(report["volatility_annualized"])),
        (_t("VaR 95 % (1 {unit}, last 365 days)", lang).format(unit=unit), pct(report[f"var_95_{period}"])),
        (_t("Expected shortfall 95 % (1 {unit}, last 365 days)", lang).format(unit=unit),
         pct(report[f"es_95_{period}"])),
        (_t("VaR 95 % (1 {unit}, whole file)", lang).format(unit=unit), pct(report[f"var_95_{period}_full"])),
        (_t("Expected shortfall 95 % (1 {unit}, whole file)", lang).format(unit=unit),
         pct(report[f"es_95_{period}_full"])),
    ]
    width = max(len(label) for label, _ in lines)
    return "\n".join(f"{label.ljust(width)}  {value}" for label, value in lines)


def run(args, *, stdin=None, now=None) -> int:
    """Run ``analyze``; ``stdin`` (binary) serves ``FILE = -``, ``now`` bounds the dates (default: the clock)."""
    from riskwatch.adapters.price_csv import read_price_source

    try:
        parsed = read_price_source(args.file, stdin=stdin, now=now)
        report = analyze_prices(parsed.closes, parsed.close_column, args.window_days, len(parsed.frame))
    except InputError as exc:
        print(f"riskwatch: {str(exc).replace(chr(10), ' ')}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
    else:
        print(format_table(report, parsed.source, args.window_days, cli_language()))
    return 0
