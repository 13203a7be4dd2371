"""`riskwatch analyze FILE [--window-days 30] [--json]`: risk figures of one price history.

The JSON object (fractions, ISO dates) has exactly the keys ``close_column, rows, first_date, last_date,
last_close, max_drawdown{value,peak_date,trough_date}, current_drawdown, worst_drop_from_<N>d_high{…},
worst_drop_from_<N>d_high_by_year{YEAR:{…}}, volatility_annualized, var_95_daily, es_95_daily``; a figure
that cannot be computed (e.g. volatility of a single price) is ``null``.

Annualisation: a file with bars on weekends is a 24/7 market (365 days, crypto), otherwise an exchange
calendar (252 sessions of 6.5 h); intraday bars are scaled accordingly. VaR/ES are historical, 1-day, on daily
closes (intraday files use the last close of each UTC day).
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import pandas as pd

from riskwatch.domain import metrics as m
from riskwatch.domain.errors import InputError
from riskwatch.i18n import cli_language, fmt_date, fmt_number, fmt_percent

_WEEKEND_SHARE_24_7 = 0.10  # more than this share of bars on Saturday/Sunday: a market that trades every day


def _day(ts: pd.Timestamp, intraday: bool) -> str:
    return ts.isoformat() if intraday else ts.strftime("%Y-%m-%d")


def _num(v: float) -> float | None:
    return float(v) if v is not None and math.isfinite(v) else None


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

    mdd = m.max_drawdown(valid)
    returns = m.simple_returns(valid)
    weekend = float((idx.day_of_week >= 5).mean())
    kind = "crypto" if weekend > _WEEKEND_SHARE_24_7 else "equity"
    vol = math.nan
    if len(valid) >= 3:
        vol = m.annualized_volatility(returns, m.periods_per_year(kind, m.infer_bar(idx)))
    daily = valid.groupby(idx.floor("D")).last() if intraday else valid
    daily_returns = m.simple_returns(daily)
    return {
        "close_column": close_column,
        "rows": int(len(prices) if rows is None else rows),
        "first_date": _day(idx[0], intraday),
        "last_date": _day(idx[-1], intraday),
        "last_close": float(valid.iloc[-1]),
        "max_drawdown": drop_dict(mdd),
        "current_drawdown": _num(m.current_drawdown(valid)),
        key: drop_dict(m.worst_drop_from_high(valid, window)),
        key + "_by_year": {str(y): drop_dict(d) for y, d in m.worst_drop_from_high_by_year(valid, window).items()},
        "volatility_annualized": _num(vol),
        "var_95_daily": _num(m.value_at_risk(daily_returns, 0.95)),
        "es_95_daily": _num(m.expected_shortfall(daily_returns, 0.95)),
    }


_LABELS = {
    "File": "Datei",
    "Close column": "Kursspalte",
    "Rows": "Zeilen",
    "{first} to {last}": "{first} bis {last}",
    "Last close": "Letzter Schlusskurs",
    "Maximum drawdown": "Maximaler Drawdown",
    "Current drawdown": "Aktueller Drawdown",
    "Worst drop from {n}-day high": "Stärkster Rückgang vom {n}-Tage-Hoch",
    "  in {year}": "  im Jahr {year}",
    "Volatility (annualised)": "Volatilität (annualisiert)",
    "VaR 95 % (1 day)": "VaR 95 % (1 Tag)",
    "Expected shortfall 95 % (1 day)": "Expected Shortfall 95 % (1 Tag)",
    "high {peak}, low {trough}": "Hoch {peak}, Tief {trough}",
}


def _t(text: str, lang: str) -> str:
    return _LABELS.get(text, text) if lang == "de" else text


def format_table(report: dict, source: str, window_days: int, lang: str) -> str:
    """The report as aligned ``label  value`` lines in German or English."""
    key = f"worst_drop_from_{window_days}d_high"

    def date(text: str | None) -> str:
        return fmt_date(pd.Timestamp(text), lang) if text else "–"

    def pct(v: float | None) -> str:
        return fmt_percent(v, 1, lang)

    def drop(d: dict) -> str:
        return f"{pct(d['value'])}  (" + _t("high {peak}, low {trough}", lang).format(
            peak=date(d["peak_date"]), trough=date(d["trough_date"])) + ")"

    lines = [
        (_t("File", lang), source),
        (_t("Close column", lang), report["close_column"]),
        (_t("Rows", lang), f"{fmt_number(report['rows'], 0, lang)}  (" + _t("{first} to {last}", lang).format(
            first=date(report["first_date"]), last=date(report["last_date"])) + ")"),
        (_t("Last close", lang), fmt_number(report["last_close"], 2, lang)),
        (_t("Maximum drawdown", lang), drop(report["max_drawdown"])),
        (_t("Current drawdown", lang), pct(report["current_drawdown"])),
        (_t("Worst drop from {n}-day high", lang).format(n=window_days), drop(report[key])),
    ]
    lines += [(_t("  in {year}", lang).format(year=y), drop(d)) for y, d in report[key + "_by_year"].items()]
    lines += [
        (_t("Volatility (annualised)", lang), pct(report["volatility_annualized"])),
        (_t("VaR 95 % (1 day)", lang), pct(report["var_95_daily"])),
        (_t("Expected shortfall 95 % (1 day)", lang), pct(report["es_95_daily"])),
    ]
    width = max(len(label) for label, _ in lines)
    return "\n".join(f"{label.ljust(width)}  {value}" for label, value in lines)


def run(args) -> int:
    from riskwatch.adapters.csv_io import read_price_csv

    try:
        parsed = read_price_csv(Path(args.file))
        report = analyze_prices(parsed.closes, parsed.close_column, args.window_days, len(parsed.frame))
    except InputError as exc:
        print(f"riskwatch: {str(exc).replace(chr(10), ' ')}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
    else:
        print(format_table(report, str(args.file), args.window_days, cli_language()))
    return 0
