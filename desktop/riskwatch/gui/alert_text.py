"""User-visible text of alerts: names of severities, event kinds, scopes and metrics; values in the metric's unit.

Shared by the alert window, the alert history and the rule editor. The domain hands over codes and numbers
(``"drop_from_high:30D"``, ``-0.18``); this module turns them into ``Rückgang vom 30-Tage-Hoch`` and
``−18,0 %``. Everything goes through Qt's translation (context ``AlertText``) and the default ``QLocale``.
"""

from __future__ import annotations

import math
import re
from datetime import datetime

from PySide6.QtCore import QLocale, QObject
from PySide6.QtGui import QColor

from riskwatch.domain.alerts import EventKind, ScopeType, Severity
from riskwatch.domain.snapshot import PORTFOLIO
from riskwatch.gui.format import date_format, datetime_text, percent_text
from riskwatch.gui.format import number_text as _number_text
from riskwatch.gui.theme import theme

#: Metrics whose values are fractions (−0.17 = 17 % down): shown and entered in percent.
FRACTION_METRICS = frozenset({
    "drop_from_high", "drawdown", "return", "volatility", "var_95", "es_95", "var_99", "es_99", "slippage_exit",
    "peg_deviation", "largest_weight", "liquid_share_1d", "oi_change_24h", "funding_8h", "funding_annual",
})
#: Metrics whose values are seconds: shown in minutes / hours, entered in minutes.
SECONDS_METRICS = frozenset({"price_age"})

#: The metrics the rule editor offers, in this order (a stored rule may use another code; it is kept).
EDITOR_METRICS = ("drop_from_high", "drawdown", "return", "volatility", "var_95", "es_95", "var_99", "es_99",
                  "price_age", "beta_btc", "spread_bps", "slippage_exit", "peg_deviation", "days_to_liquidate",
                  "largest_weight", "liquid_share_1d")


#: What each shipped rule's name describes: (scope, metric key, comparator, threshold). While a shipped rule
#: still matches, its translated shipped name is shown; once the user changed it, a name is generated.
SHIPPED_RULES = {
    "BTC 17 % below its 30-day high": ("asset:BTC", "drop_from_high:30D", "<=", -0.17),
    "BTC 25 % below its 30-day high": ("asset:BTC", "drop_from_high:30D", "<=", -0.25),
    "Miner 30 % below its 30-day high": ("miners", "drop_from_high:30D", "<=", -0.30),
    "Portfolio 15 % below its peak": ("portfolio", "drawdown", "<=", -0.15),
    "QQQ (Nasdaq-100) 7 % below its 30-day high": ("asset:QQQ", "drop_from_high:30D", "<=", -0.07),
    "Bid-ask spread above 50 bp": ("crypto", "spread_bps", ">", 50.0),
    "Order-book depth (±2 %) below half its 7-day median": ("crypto", "depth_2pct_ratio", "<", 0.5),
    "Selling the position would cost more than 2 % slippage": ("crypto", "slippage_exit", ">", 0.02),
    "USDT more than 0.5 % off its peg": ("asset:USDT", "peg_deviation", ">", 0.005),
    "USDT more than 2 % off its peg": ("asset:USDT", "peg_deviation", ">", 0.02),
    "USDC more than 0.5 % off its peg": ("asset:USDC", "peg_deviation", ">", 0.005),
    "USDC more than 2 % off its peg": ("asset:USDC", "peg_deviation", ">", 0.02),
    "BTC funding below −0.05 % per 8 h (shorts crowded)": ("asset:BTC", "funding_8h", "<", -0.0005),
    "BTC funding above 0.1 % per 8 h (longs crowded)": ("asset:BTC", "funding_8h", ">", 0.001),
    "Volume below half its 30-day median": ("all", "volume_ratio", "<", 0.5),
    "Position needs more than 3 days to sell at 20 % of the volume": ("all", "days_to_liquidate", ">", 3.0),
    "Price older than 15 minutes": ("all", "price_age", ">", 900.0),
}
COMPARATOR_SYMBOLS = {"<=": "≤", "<": "<", ">=": "≥", ">": ">"}

_DAYS_RE = re.compile(r"^([1-9][0-9]*)[dD]$")
_WINDOW_PARTS_RE = re.compile(r"^([1-9][0-9]*)([a-zA-Z]+)$")
_MINUS = "\u2212"


def arg(template: str, *values: object) -> str:
    """Fill ``%1``, ``%2`` … in one pass (like QString::arg), so inserted text is never substituted again."""
    return re.sub(r"%([1-9])", lambda m: str(values[int(m.group(1)) - 1]) if int(m.group(1)) <= len(values)
                  else m.group(0), template)


def split_metric_key(key: str) -> tuple[str, str | None]:
    """``"drop_from_high:30D"`` -> ``("drop_from_high", "30D")``; ``"drawdown"`` -> ``("drawdown", None)``."""
    metric, _, window = (key or "").partition(":")
    return metric, (window or None)


def severity_colors(severity: Severity) -> tuple[QColor, QColor]:
    """(background, foreground) of a severity cell in the current theme: info blue, warning amber, critical red."""
    return theme().severity(Severity(severity)).qcolors()


def number_text(value: float, decimals: int = 2, locale: QLocale | None = None) -> str:
    """A float with the locale's separators, trailing zeros dropped, a real minus sign."""
    return _number_text(value, decimals, locale)


def long_year_date_format(locale: QLocale | None = None) -> str:
    """The UI language's date format with a four-digit year: ``dd.MM.yyyy`` (German), ``yyyy-MM-dd``."""
    return date_format(locale)


def local_datetime_text(ts: datetime | None, locale: QLocale | None = None, *, seconds: bool = False) -> str:
    """``04.11.2025 14:05`` in German (local time of this computer); ``2025-11-04 14:05`` in English."""
    return datetime_text(ts, locale, seconds=seconds)


class AlertText(QObject):
    """Translated names and unit-aware values for alerts (create one per widget; it follows the language)."""

    # -- names ----------------------------------------------------------------------------------------------
    def severity(self, severity: Severity | str) -> str:
        sev = Severity(severity)
        return {Severity.INFO: self.tr("Info"), Severity.WARNING: self.tr("Warning"),
                Severity.CRITICAL: self.tr("Critical")}[sev]

    def kind(self, kind: EventKind | str) -> str:
        try:
            k = EventKind(kind)
        except ValueError:
            return str(kind)
        return {EventKind.FIRED: self.tr("Fired"), EventKind.ESCALATED: self.tr("Escalated"),
                EventKind.DEESCALATED: self.tr("De-escalated"), EventKind.RESOLVED: self.tr("Resolved"),
                EventKind.ACKNOWLEDGED: self.tr("Acknowledged"), EventKind.SNOOZED: self.tr("Snoozed"),
                EventKind.SNOOZE_ENDED: self.tr("Snooze ended")}[k]

    def event_kind(self, event) -> str:
        """An event's kind with why it resolved, when not by recovery: "Resolved (position removed)"."""
        text = self.kind(event.kind)
        reason = (getattr(event, "params", None) or {}).get("reason")
        why = {"position_removed": self.tr("position removed"), "rule_removed": self.tr("rule removed")}.get(reason)
        return f"{text} ({why})" if why else text

    def scope_type(self, scope_type: ScopeType | str) -> str:
        t = ScopeType(scope_type)
        return {ScopeType.ASSET: self.tr("Single asset"), ScopeType.MINERS: self.tr("All miner stocks"),
                ScopeType.CRYPTO: self.tr("All crypto assets"), ScopeType.STABLECOINS: self.tr("All stablecoins"),
                ScopeType.ALL: self.tr("All assets"), ScopeType.PORTFOLIO: self.tr("Portfolio")}[t]

    def scope(self, scope) -> str:
        """A rule's :class:`Scope`: the symbol of an asset scope, else the group's name."""
        if scope.type is ScopeType.ASSET:
            return scope.symbol or ""
        return self.scope_type(scope.type)

    def member(self, member: str) -> str:
        """The asset column: a symbol as it is, the portfolio by name."""
        return self.tr("Portfolio") if member == PORTFOLIO else member

    def metric_name(self, metric: str) -> str | None:
        """The name of a metric code without its window (the rule editor's list); None when unknown."""
        return {
            "drop_from_high": self.tr("Drop from trailing high"),
            "drawdown": self.tr("Drawdown from peak"),
            "return": self.tr("Return"),
            "volatility": self.tr("Volatility"),
            "var_95": self.tr("Value at Risk (VaR) 95 %"),
            "var_99": self.tr("Value at Risk (VaR) 99 %"),
            "es_95": self.tr("Expected Shortfall (CVaR) 95 %"),
            "es_99": self.tr("Expected Shortfall (CVaR) 99 %"),
            "price_age": self.tr("Stale price"),
            "beta_btc": self.tr("Beta to BTC"),
            "spread_bps": self.tr("Bid-ask spread"),
            "slippage_exit": self.tr("Slippage on exit"),
            "peg_deviation": self.tr("Stablecoin peg deviation"),
            "days_to_liquidate": self.tr("Days to liquidate"),
            "largest_weight": self.tr("Largest weight"),
            "liquid_share_1d": self.tr("Share sellable within a day"),
            "hhi": self.tr("Concentration (HHI)"),
            "funding_8h": self.tr("Funding rate (8 h)"),
            "depth_2pct_ratio": self.tr("Depth ±2 % vs its 7-day median"),
            "oi_change_24h": self.tr("Open interest change 24 h"),
            "volume_ratio": self.tr("Volume ratio"),
        }.get(metric)

    def metric(self, key: str) -> str:
        """``"drop_from_high:30D"`` -> "Drop from 30-day high"; an unknown code is shown as it is."""
        metric, window = split_metric_key(key)
        days = _DAYS_RE.match(window or "")
        if metric == "drop_from_high" and days:
            return arg(self.tr("Drop from %1-day high"), days.group(1))
        if metric == "return" and days:
            return self.tr("Return over %n day(s)", "", int(days.group(1)))
        name = self.metric_name(metric)
        if name is None:
            return key
        return f"{name} ({self.window(window)})" if window else name

    def window(self, code: str | None) -> str:
        """A metric window code as words: ``"30D"`` -> "30 days" ("30 Tage"), ``"4H"`` -> "4 hours"."""
        parts = _WINDOW_PARTS_RE.match((code or "").strip())
        if not parts:
            return code or ""
        n, unit = int(parts.group(1)), parts.group(2).upper()
        one = n == 1  # singular and plural spelled out: the source text must read well untranslated
        words = {"D": self.tr("%1 day") if one else self.tr("%1 days"),
                 "H": self.tr("%1 hour") if one else self.tr("%1 hours"),
                 "W": self.tr("%1 week") if one else self.tr("%1 weeks")}.get(unit)
        return arg(words, number_text(n, 0)) if words else (code or "")

    def rule_display_name(self, rule) -> str:
        """A rule's name in the user's language. A shipped rule keeps its translated name while it still does
        what the name says; once its scope, metric, condition or threshold changed (and the user kept the
        shipped name), the name is generated from the rule: "BTC: Drop from 30-day high ≤ −20.5%"."""
        signature = SHIPPED_RULES.get(rule.name)
        if signature is None:
            return rule.name
        comparator = getattr(rule.comparator, "value", rule.comparator)
        scope, key, comp, threshold = signature
        if (rule.scope.encode(), rule.metric_key, comparator) == (scope, key, comp) and math.isclose(
                float(rule.threshold), threshold, rel_tol=1e-9, abs_tol=1e-12):
            return self.rule_name(rule.name)
        return self.generated_rule_name(rule)

    def generated_rule_name(self, rule) -> str:
        """A name made of scope, metric, condition and threshold, in the user's language."""
        comparator = getattr(rule.comparator, "value", rule.comparator)
        return arg(self.tr("%1: %2 %3 %4"), self.scope(rule.scope), self.metric(rule.metric_key),
                   COMPARATOR_SYMBOLS.get(comparator, comparator), self.value(rule.metric_key, rule.threshold))

    def rule_name(self, name: str) -> str:
        """The shipped rules' names in the user's language; names the user typed are shown as typed."""
        shipped = {
            "BTC 17 % below its 30-day high": self.tr("BTC 17 % below its 30-day high"),
            "BTC 25 % below its 30-day high": self.tr("BTC 25 % below its 30-day high"),
            "Miner 30 % below its 30-day high": self.tr("Miner 30 % below its 30-day high"),
            "Portfolio 15 % below its peak": self.tr("Portfolio 15 % below its peak"),
            "QQQ (Nasdaq-100) 7 % below its 30-day high": self.tr("QQQ (Nasdaq-100) 7 % below its 30-day high"),
            "Bid-ask spread above 50 bp": self.tr("Bid-ask spread above 50 bp"),
            "Order-book depth (±2 %) below half its 7-day median":
                self.tr("Order-book depth (±2 %) below half its 7-day median"),
            "Selling the position would cost more than 2 % slippage":
                self.tr("Selling the position would cost more than 2 % slippage"),
            "USDT more than 0.5 % off its peg": self.tr("USDT more than 0.5 % off its peg"),
            "USDT more than 2 % off its peg": self.tr("USDT more than 2 % off its peg"),
            "USDC more than 0.5 % off its peg": self.tr("USDC more than 0.5 % off its peg"),
            "USDC more than 2 % off its peg": self.tr("USDC more than 2 % off its peg"),
            "BTC funding below −0.05 % per 8 h (shorts crowded)":
                self.tr("BTC funding below −0.05 % per 8 h (shorts crowded)"),
            "BTC funding above 0.1 % per 8 h (longs crowded)": self.tr("BTC funding above 0.1 % per 8 h (longs crowded)"),
            "Volume below half its 30-day median": self.tr("Volume below half its 30-day median"),
            "Position needs more than 3 days to sell at 20 % of the volume":
                self.tr("Position needs more than 3 days to sell at 20 % of the volume"),
            "Price older than 15 minutes": self.tr("Price older than 15 minutes"),
        }
        return shipped.get(name, name)

    # -- values ---------------------------------------------------------------------------------------------
    def value(self, metric_key: str, value: float | None) -> str:
        """A value or threshold in the metric's unit: percent, minutes/hours, basis points or a plain number."""
        if value is None:
            return "–"
        try:
            v = float(value)
        except (TypeError, ValueError):
            return str(value)
        if not math.isfinite(v):
            return "–"
        metric, _ = split_metric_key(metric_key)
        if metric in ("funding_8h", "funding_annual") and metric in FRACTION_METRICS:
            return percent_text(v, decimals=3 if metric == "funding_8h" else 1)
        if metric in FRACTION_METRICS:
            return percent_text(v)
        if metric in SECONDS_METRICS:
            return self.duration(v)
        if metric == "spread_bps":
            return arg(self.tr("%1 bp"), number_text(v, 1))
        return number_text(v, 2 if abs(v) >= 1 else 4)

    def summary(self, member: str, metric_key: str, value: float | None, threshold: float | None) -> str:
        """One line for a notification: ``BTC: Drop from 30-day high −18.0% (threshold −17.0%)``."""
        return arg(self.tr("%1: %2 %3 (threshold %4)"), self.member(member), self.metric(metric_key),
                   self.value(metric_key, value), self.value(metric_key, threshold))

    def duration(self, seconds: float) -> str:
        """An age: ``45 min`` under an hour, else hours (``2 h``, ``1,5 h``); days from two days on."""
        s = max(float(seconds), 0.0)
        if s < 3600:
            return arg(self.tr("%1 min"), number_text(round(s / 60.0), 0))
        if s < 2 * 86400:
            return arg(self.tr("%1 h"), number_text(round(s / 3600.0, 1), 1))
        return arg(self.tr("%1 days"), number_text(round(s / 86400.0, 1), 1))


__all__ = ["AlertText", "arg", "COMPARATOR_SYMBOLS", "EDITOR_METRICS", "FRACTION_METRICS", "SECONDS_METRICS",
           "SHIPPED_RULES", "local_datetime_text", "long_year_date_format", "number_text", "severity_colors", "split_metric_key"]
