"""User-visible text of alerts in widgets: the Qt part (Qt's translator, the severity colours, rule names).

Shared by the alert window, the alert history and the rule editor. The domain hands over codes and numbers
(``"drop_from_high:30D"``, ``-0.18``); metric labels, values in the metric's unit and the message line come
from the Qt-free :class:`riskwatch.texts.AlertTexts` (so a sink outside widgets writes the same text), which
this module feeds Qt's translation (context ``AlertText``) and the UI language.
"""

from __future__ import annotations

import math
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale, QObject
from PySide6.QtGui import QColor

from riskwatch.domain.alerts import EventKind, ScopeType, Severity
from riskwatch.domain.catalogue import CATALOGUE, Unit, codes
from riskwatch.gui.format import date_format, datetime_text, ui_language
from riskwatch.gui.format import number_text as _number_text
from riskwatch.gui.theme import theme
from riskwatch.texts.alerts import AlertTexts, arg, split_metric_key

#: Metrics whose values are fractions (−0.17 = 17 % down): shown and entered in percent.
FRACTION_METRICS = frozenset(c for c, s in CATALOGUE.items() if s.unit is Unit.FRACTION)
#: Metrics whose values are seconds: shown in minutes / hours, entered in minutes.
SECONDS_METRICS = frozenset(c for c, s in CATALOGUE.items() if s.unit is Unit.SECONDS)
#: The metrics the rule editor offers, in catalogue order (a stored rule may use another code; it is kept).
EDITOR_METRICS = codes(editor=True)


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
    "Market regime under pressure": ("market", "regime_level", ">=", 1.0),
    "Market regime stressed": ("market", "regime_level", ">=", 2.0),
    "CoinDesk-20 basket 15 % down in 30 days": ("asset:CD20", "return:30D", "<=", -0.15),
    "Miner net debt above 50 % of its market cap": ("miners", "net_debt_to_mcap", ">", 0.5),
    "Miner debt up more than 25 % in a year": ("miners", "debt_growth_1y", ">", 0.25),
}
COMPARATOR_SYMBOLS = {"<=": "≤", "<": "<", ">=": "≥", ">": ">"}

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


class _QtTranslation:
    """Qt's translator and the UI language, as :class:`riskwatch.texts.AlertTexts` reads them."""

    @property
    def language(self) -> str:
        return ui_language()

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return QCoreApplication.translate(context, source, disambiguation, n)


class AlertText(QObject):
    """Translated names and unit-aware values for alerts (create one per widget; it follows the language)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._plain = AlertTexts(_QtTranslation())

    # -- names (the Qt-free text, through Qt's translator) --------------------------------------------------
    def severity(self, severity: Severity | str) -> str:
        return self._plain.severity(severity)

    def kind(self, kind: EventKind | str) -> str:
        return self._plain.kind(kind)

    def event_kind(self, event) -> str:
        """An event's kind with why it resolved, when not by recovery: "Resolved (position removed)"."""
        return self._plain.event_kind(event)

    def scope_type(self, scope_type: ScopeType | str) -> str:
        return self._plain.scope_type(scope_type)

    def scope(self, scope) -> str:
        """A rule's :class:`Scope`: the symbol of an asset scope, else the group's name."""
        if scope.type is ScopeType.ASSET:
            return scope.symbol or ""
        return self.scope_type(scope.type)

    def member(self, member: str) -> str:
        """The asset column: a symbol as it is, the portfolio by name."""
        return self._plain.member(member)

    def metric_name(self, metric: str) -> str | None:
        """The name of a metric code without its window (the rule editor's list); None when unknown."""
        return self._plain.metric_name(metric)

    def metric_label(self, metric: str) -> tuple[str, str]:
        """(short column title, explanation) of a metric code, for tables."""
        return self._plain.metric_label(metric)

    def metric(self, key: str) -> str:
        """``"drop_from_high:30D"`` -> "Drop from 30-day high"; an unknown code is shown as it is."""
        return self._plain.metric(key)

    def window(self, code: str | None) -> str:
        """A metric window code as words: ``"30D"`` -> "30 days" ("30 Tage"), ``"4H"`` -> "4 hours"."""
        return self._plain.window(code)

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
            "Market regime under pressure": self.tr("Market regime under pressure"),
            "Market regime stressed": self.tr("Market regime stressed"),
            "CoinDesk-20 basket 15 % down in 30 days": self.tr("CoinDesk-20 basket 15 % down in 30 days"),
            "Miner net debt above 50 % of its market cap": self.tr("Miner net debt above 50 % of its market cap"),
            "Miner debt up more than 25 % in a year": self.tr("Miner debt up more than 25 % in a year"),
        }
        return shipped.get(name, name)

    # -- values -------------------------------------------------------------------------------------------
    def value(self, metric_key: str, value: float | None) -> str:
        """A value or threshold in the metric's unit: percent, minutes/hours, basis points or a plain number."""
        return self._plain.value(metric_key, value)

    def summary(self, member: str, metric_key: str, value: float | None, threshold: float | None) -> str:
        """One line for a notification: ``BTC: Drop from 30-day high −18.0% (threshold −17.0%)``."""
        return self._plain.summary(member, metric_key, value, threshold)

    def tray_message(self, events) -> tuple[str, str, bool]:
        """(title, text, critical) of the tray message for a batch of alert events: the worst severity, three
        summary lines at most."""
        worst = max(events, key=lambda e: Severity(e.severity).rank)
        title = arg(self.tr("RiskWatch alert: %1"), self.severity(worst.severity))
        lines = [self.summary(e.member, e.metric, e.value, e.threshold) for e in events[:3]]
        if len(events) > 3:
            lines.append(self.tr("… and %n more", "", len(events) - 3))
        return title, "\n".join(lines), Severity(worst.severity) is Severity.CRITICAL

    def duration(self, seconds: float) -> str:
        """An age: ``45 min`` under an hour, else hours (``2 h``, ``1,5 h``); days from two days on."""
        return self._plain.duration(seconds)


__all__ = ["AlertText", "arg", "COMPARATOR_SYMBOLS", "EDITOR_METRICS", "FRACTION_METRICS", "SECONDS_METRICS",
           "SHIPPED_RULES", "local_datetime_text", "long_year_date_format", "number_text", "severity_colors",
           "split_metric_key"]
