"""The words and numbers of an alert without Qt: metric labels, values in the metric's unit, the message line.

The alert window and the rule editor (through ``gui.alert_text.AlertText``, with Qt's translator) and any
sink outside widgets — desktop notification, e-mail, the command line (with :class:`~riskwatch.texts.catalog.
Texts`) — produce the same text: ``BTC: Rückgang vom 30-Tage-Hoch −18,6 % (Schwellwert −17,0 %)``. Units come
from the metric catalogue; numbers follow the language (German ``1.234,5`` and ``−17,0 %``, English
``1,234.5`` and ``−17.0%``) through :mod:`riskwatch.i18n`. Every string is a literal
``self._t.translate("AlertText", …)`` so lupdate finds it (context ``AlertText``).
"""

from __future__ import annotations

import math
import re
from datetime import datetime
from typing import Protocol

from riskwatch.domain.alerts import EventKind, ScopeType, Severity
from riskwatch.domain.catalogue import Unit, spec
from riskwatch.domain.snapshot import MARKET, PORTFOLIO
from riskwatch.i18n import fmt_number, fmt_percent

_DAYS_RE = re.compile(r"^([1-9][0-9]*)[dD]$")
_WINDOW_PARTS_RE = re.compile(r"^([1-9][0-9]*)([a-zA-Z]+)$")
#: Percent decimals of fraction metrics whose values are small (a funding rate of 0.01 % per 8 h).
PERCENT_DECIMALS = {"funding_8h": 3}


class Translation(Protocol):
    """What the text needs of a translator: its language and Qt's ``translate`` signature."""

    language: str

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str: ...


def arg(template: str, *values: object) -> str:
    """Fill ``%1``, ``%2`` … in one pass (like QString::arg), so inserted text is never substituted again."""
    return re.sub(r"%([1-9])", lambda m: str(values[int(m.group(1)) - 1]) if int(m.group(1)) <= len(values)
                  else m.group(0), template)


def split_metric_key(key: str) -> tuple[str, str | None]:
    """``"drop_from_high:30D"`` -> ``("drop_from_high", "30D")``; ``"drawdown"`` -> ``("drawdown", None)``."""
    metric, _, window = (key or "").partition(":")
    return metric, (window or None)


def number_text(value: float, decimals: int, language: str, *, trim: bool = True) -> str:
    """A float in the language's notation with a real minus sign; ``trim`` drops trailing zeros."""
    text = fmt_number(float(value), decimals, language)
    point = "," if language == "de" else "."
    if trim and point in text:
        text = text.rstrip("0").rstrip(point)
    return "0" if text in ("\u22120", "") else text


def datetime_text(ts: datetime | None, language: str) -> str:
    """``04.11.2025 14:05`` (German) / ``2025-11-04 14:05`` in the local time of this computer."""
    if ts is None:
        return ""
    local = ts.astimezone() if ts.tzinfo is not None else ts
    return local.strftime("%d.%m.%Y %H:%M" if language == "de" else "%Y-%m-%d %H:%M")


class AlertTexts:
    """Translated names and unit-aware values of alerts, for one :class:`Translation`."""

    def __init__(self, translation: Translation):
        self._t = translation

    @property
    def language(self) -> str:
        return self._t.language

    def number(self, value: float, decimals: int = 2) -> str:
        return number_text(value, decimals, self.language)

    # -- names ----------------------------------------------------------------------------------------------
    def severity(self, severity: Severity | str) -> str:
        return {Severity.INFO: self._t.translate("AlertText", "Info"),
                Severity.WARNING: self._t.translate("AlertText", "Warning"),
                Severity.CRITICAL: self._t.translate("AlertText", "Critical")}[Severity(severity)]

    def kind(self, kind: EventKind | str) -> str:
        try:
            k = EventKind(kind)
        except ValueError:
            return str(kind)
        return {EventKind.FIRED: self._t.translate("AlertText", "Fired"),
                EventKind.ESCALATED: self._t.translate("AlertText", "Escalated"),
                EventKind.DEESCALATED: self._t.translate("AlertText", "De-escalated"),
                EventKind.RESOLVED: self._t.translate("AlertText", "Resolved"),
                EventKind.ACKNOWLEDGED: self._t.translate("AlertText", "Acknowledged"),
                EventKind.SNOOZED: self._t.translate("AlertText", "Snoozed"),
                EventKind.SNOOZE_ENDED: self._t.translate("AlertText", "Snooze ended")}[k]

    def event_kind(self, event) -> str:
        """An event's kind with why it resolved, when not by recovery: "Resolved (position removed)"."""
        text = self.kind(event.kind)
        reason = (getattr(event, "params", None) or {}).get("reason")
        why = {"position_removed": self._t.translate("AlertText", "position removed"),
               "rule_removed": self._t.translate("AlertText", "rule removed")}.get(reason)
        return f"{text} ({why})" if why else text

    def scope_type(self, scope_type: ScopeType | str) -> str:
        return {ScopeType.ASSET: self._t.translate("AlertText", "Single asset"),
                ScopeType.MINERS: self._t.translate("AlertText", "All miner stocks"),
                ScopeType.CRYPTO: self._t.translate("AlertText", "All crypto assets"),
                ScopeType.STABLECOINS: self._t.translate("AlertText", "All stablecoins"),
                ScopeType.ALL: self._t.translate("AlertText", "All assets"),
                ScopeType.PORTFOLIO: self._t.translate("AlertText", "Portfolio"),
                ScopeType.MARKET: self._t.translate("AlertText", "Market regime")}[ScopeType(scope_type)]

    def member(self, member: str) -> str:
        """The asset column: a symbol as it is, the portfolio and the market regime by name."""
        if member == PORTFOLIO:
            return self._t.translate("AlertText", "Portfolio")
        return self._t.translate("AlertText", "Market regime") if member == MARKET else member

    def labels(self) -> dict[str, tuple[str, str, str]]:
        """The one label map: metric code -> (name, short column title, explanation)."""
        t = self._t
        spread = t.translate("AlertText", "Bid-ask spread")
        slippage = t.translate("AlertText", "Slippage on exit")
        peg = t.translate("AlertText", "Stablecoin peg deviation")
        funding = t.translate("AlertText", "Funding rate (8 h)")
        oi = t.translate("AlertText", "Open interest change 24 h")
        days = t.translate("AlertText", "Days to liquidate")
        volume = t.translate("AlertText", "Volume ratio")
        return {
            "drop_from_high": (t.translate("AlertText", "Drop from trailing high"),) * 2 + (
                t.translate("AlertText", "Drop from the trailing high (calendar days)"),),
            "drawdown": (t.translate("AlertText", "Drawdown from peak"), t.translate("AlertText", "Drawdown"),
                         t.translate("AlertText", "Drawdown from the all-time high in the stored history")),
            "max_drawdown": (t.translate("AlertText", "Maximum drawdown"), t.translate("AlertText", "Max. drawdown"),
                             t.translate("AlertText", "Deepest drawdown in the stored history")),
            "return": (t.translate("AlertText", "Return"),) * 3,
            "volatility": (t.translate("AlertText", "Volatility"), t.translate("AlertText", "Volatility"),
                           t.translate("AlertText", "Annualised volatility of the daily returns (90 days)")),
            "var_95": (t.translate("AlertText", "Value at Risk (VaR) 95 %"), t.translate("AlertText", "VaR 95 %"),
                       t.translate("AlertText", "Value at Risk (VaR) 95 %")),
            "var_99": (t.translate("AlertText", "Value at Risk (VaR) 99 %"), t.translate("AlertText", "VaR 99 %"),
                       t.translate("AlertText", "Value at Risk (VaR) 99 %")),
            "es_95": (t.translate("AlertText", "Expected Shortfall (CVaR) 95 %"), t.translate("AlertText", "ES 95 %"),
                      t.translate("AlertText", "Expected Shortfall (CVaR) 95 %")),
            "es_99": (t.translate("AlertText", "Expected Shortfall (CVaR) 99 %"), t.translate("AlertText", "ES 99 %"),
                      t.translate("AlertText", "Expected Shortfall (CVaR) 99 %")),
            "beta_btc": (t.translate("AlertText", "Beta to BTC"), t.translate("AlertText", "Beta BTC"),
                         t.translate("AlertText", "Beta to BTC (90 days)")),
            "corr_btc": (t.translate("AlertText", "Correlation with BTC"), t.translate("AlertText", "Corr. BTC"),
                         t.translate("AlertText", "Correlation with BTC (90 days)")),
            "beta_qqq": (t.translate("AlertText", "Beta to QQQ (Nasdaq-100)"), t.translate("AlertText", "Beta QQQ"),
                         t.translate("AlertText", "Beta to QQQ (Nasdaq-100, 90 days)")),
            "sortino": (t.translate("AlertText", "Sortino ratio"), t.translate("AlertText", "Sortino"),
                        t.translate("AlertText", "Annualised Sortino ratio of the daily returns, target 0 (365 days)")),
            "price_age": (t.translate("AlertText", "Stale price"),) * 3,
            "largest_weight": (t.translate("AlertText", "Largest weight"),) * 3,
            "hhi": (t.translate("AlertText", "Concentration (HHI)"),) * 3,
            "spread_bps": (spread, t.translate("AlertText", "Spread"), spread),
            "depth_1pct_bid": (t.translate("AlertText", "Depth −1% (bid)"),) * 2 + (
                t.translate("AlertText", "Order book depth: bids within 1% below the mid price"),),
            "depth_1pct_ask": (t.translate("AlertText", "Depth +1% (ask)"),) * 2 + (
                t.translate("AlertText", "Order book depth: asks within 1% above the mid price"),),
            "depth_2pct": (t.translate("AlertText", "Depth ±2%"),) * 2 + (
                t.translate("AlertText", "Order book depth: both sides within 2% of the mid price"),),
            "imbalance": (t.translate("AlertText", "Imbalance"),) * 2 + (
                t.translate("AlertText",
                            "Order book imbalance within ±1%: positive when more money bids than offers"),),
            "depth_2pct_ratio": (t.translate("AlertText", "Depth ±2 % vs its 7-day median"),
                                 t.translate("AlertText", "Depth vs. 7 days"),
                                 t.translate("AlertText", "Depth within ±2% against its median of the last 7 days")),
            "slippage_exit": (slippage, slippage, t.translate(
                "AlertText", "Slippage of selling the whole position at once (half the spread included)")),
            "book_too_thin": (t.translate("AlertText", "Book too thin"),) * 2 + (
                t.translate("AlertText", "The visible order book cannot absorb the whole position"),),
            "peg_deviation": (peg, t.translate("AlertText", "Peg deviation"), peg),
            "funding_8h": (funding, funding, t.translate("AlertText", "Funding rate of the BTC perpetual per 8 hours")),
            "funding_annual": (t.translate("AlertText", "Funding p. a."),) * 2 + (
                t.translate("AlertText", "Funding rate annualised (× 3 × 365, not compounded)"),),
            "oi_change_24h": (oi, t.translate("AlertText", "Open interest 24 h"), oi),
            "adv_20d_usd": (t.translate("AlertText", "ADV 20 days"),) * 2 + (
                t.translate("AlertText", "Average daily dollar volume over the last 20 trading days"),),
            "days_to_liquidate": (days, days, t.translate(
                "AlertText", "Trading days to sell the position at 20% of the daily volume")),
            "volume_ratio": (volume, volume, t.translate(
                "AlertText", "Latest volume against the median of the 30 days before")),
            "max_drop": (t.translate("AlertText", "Largest drop within the window"),
                         t.translate("AlertText", "Largest drop"),
                         t.translate("AlertText", "Largest fall from a high to a later low within the window")),
            "corr_qqq": (t.translate("AlertText", "Correlation with QQQ"), t.translate("AlertText", "Corr. QQQ"),
                         t.translate("AlertText", "Correlation of the daily returns with QQQ (Nasdaq-100)")),
            "corr_rise_btc": (t.translate("AlertText", "Rise of the correlation with BTC"),
                              t.translate("AlertText", "Corr. rise BTC"),
                              t.translate("AlertText", "30-day minus 90-day correlation with BTC")),
            "corr_rise_qqq": (t.translate("AlertText", "Rise of the correlation with QQQ"),
                              t.translate("AlertText", "Corr. rise QQQ"),
                              t.translate("AlertText", "30-day minus 90-day correlation with QQQ (Nasdaq-100)")),
            "regime_level": (t.translate("AlertText", "Market regime level"), t.translate("AlertText", "Regime"),
                             t.translate("AlertText", "Market regime: 0 calm, 1 under pressure, 2 stressed")),
            "regime_count": (t.translate("AlertText", "Indicators beyond their threshold"),
                             t.translate("AlertText", "Indicators beyond"),
                             t.translate("AlertText", "Number of market-regime indicators beyond their threshold")),
            "liquid_share_1d": (t.translate("AlertText", "Share sellable within a day"),
                                t.translate("AlertText", "Sellable in 1 day"),
                                t.translate("AlertText", "Share sellable within a day at no more than 1% slippage")),
            "net_debt_to_mcap": (t.translate("AlertText", "Net debt to market cap"),
                                 t.translate("AlertText", "Net debt / mcap"),
                                 t.translate("AlertText", "Debt minus cash, against price × shares outstanding")),
            "debt_to_ev": (t.translate("AlertText", "Debt to enterprise value"), t.translate("AlertText", "Debt / EV"),
                           t.translate("AlertText", "Debt against market cap plus debt minus cash")),
            "debt_growth_1y": (t.translate("AlertText", "Debt growth over a year"),
                               t.translate("AlertText", "Debt growth 1 y"),
                               t.translate("AlertText", "Debt against the debt reported four quarters earlier")),
            "fundamentals_age_days": (t.translate("AlertText", "Age of the balance sheet"),
                                      t.translate("AlertText", "Balance sheet age"),
                                      t.translate("AlertText", "Days since the period end of the latest filing")),
        }

    def metric_name(self, metric: str) -> str | None:
        """The name of a metric code without its window (the rule editor's list); None when unknown."""
        label = self.labels().get(metric)
        return label[0] if label else None

    def metric_label(self, metric: str) -> tuple[str, str]:
        """(short column title, explanation) of a metric code; an unknown code is shown as it is."""
        label = self.labels().get(metric)
        return (label[1], label[2]) if label else (metric, metric)

    def metric(self, key: str) -> str:
        """``"drop_from_high:30D"`` -> "Drop from 30-day high"; an unknown code is shown as it is."""
        metric, window = split_metric_key(key)
        days = _DAYS_RE.match(window or "")
        if metric == "drop_from_high" and days:
            return arg(self._t.translate("AlertText", "Drop from %1-day high"), days.group(1))
        if metric == "return" and days:
            n = int(days.group(1))
            return arg(self._t.translate("AlertText", "Return over %1 day") if n == 1
                       else self._t.translate("AlertText", "Return over %1 days"), n)
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
        t = self._t
        words = {"D": t.translate("AlertText", "%1 day") if one else t.translate("AlertText", "%1 days"),
                 "H": t.translate("AlertText", "%1 hour") if one else t.translate("AlertText", "%1 hours"),
                 "W": t.translate("AlertText", "%1 week") if one else t.translate("AlertText", "%1 weeks")}.get(unit)
        return arg(words, self.number(n, 0)) if words else (code or "")

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
        s = spec(metric)
        unit = s.unit if s is not None else None
        if unit is Unit.FRACTION:
            return fmt_percent(v, PERCENT_DECIMALS.get(metric, 1), self.language)
        if unit is Unit.SECONDS:
            return self.duration(v)
        if unit is Unit.BPS:
            return arg(self._t.translate("AlertText", "%1 bp"), self.number(v, 1))
        if unit is Unit.LEVEL and v in (0.0, 1.0, 2.0):
            return (self._t.translate("AlertText", "Calm"), self._t.translate("AlertText", "Under pressure"),
                    self._t.translate("AlertText", "Stressed"))[int(v)]
        if unit is Unit.COUNT:
            return self.number(v, 0)
        return self.number(v, 2 if abs(v) >= 1 else 4)

    def duration(self, seconds: float) -> str:
        """An age: ``45 min`` under an hour, else hours (``2 h``, ``1,5 h``); days from two days on."""
        s = max(float(seconds), 0.0)
        if s < 3600:
            return arg(self._t.translate("AlertText", "%1 min"), self.number(round(s / 60.0), 0))
        if s < 2 * 86400:
            return arg(self._t.translate("AlertText", "%1 h"), self.number(round(s / 3600.0, 1), 1))
        return arg(self._t.translate("AlertText", "%1 days"), self.number(round(s / 86400.0, 1), 1))

    # -- messages -------------------------------------------------------------------------------------------
    def summary(self, member: str, metric_key: str, value: float | None, threshold: float | None) -> str:
        """One line for a notification: ``BTC: Drop from 30-day high −18.0% (threshold −17.0%)``."""
        return arg(self._t.translate("AlertText", "%1: %2 %3 (threshold %4)"), self.member(member),
                   self.metric(metric_key), self.value(metric_key, value), self.value(metric_key, threshold))

    def message(self, event) -> str:
        """A whole alert event for a sink outside widgets: severity, what happened, the summary, the time.

        ``Warnung – ausgelöst: BTC: Rückgang vom 30-Tage-Hoch −18,6 % (Schwellwert −17,0 %), Stand 04.11.2025
        14:05`` (``event``: ``domain.alerts.AlertEvent`` or anything with its fields)."""
        line = arg(self._t.translate("AlertText", "%1 – %2: %3"), self.severity(event.severity),
                   self.event_kind(event), self.summary(event.member, event.metric, event.value, event.threshold))
        ts = getattr(event, "ts", None)
        if ts is None:
            return line
        return arg(self._t.translate("AlertText", "%1, as of %2"), line, datetime_text(ts, self.language))

    def remote(self, event, *, reminder: bool = False) -> tuple[str, str]:
        """Title and body for a remote channel (ntfy, e-mail, webhook): asset, figure, value, threshold,
        severity, when it was raised and the as-of time of the data (``event``: an AlertEvent, or anything
        with its fields; ``reminder``: an unacknowledged alert repeated)."""
        t = self._t
        what = f"{self.member(event.member)} – {self.metric(event.metric)}"
        title = arg(t.translate("AlertText", "RiskWatch reminder: %1") if reminder
                    else t.translate("AlertText", "RiskWatch alert: %1"), what)
        as_of = getattr(event, "data_as_of", None)
        lines = [self.summary(event.member, event.metric, event.value, event.threshold),
                 arg(t.translate("AlertText", "Severity: %1"), self.severity(event.severity)),
                 arg(t.translate("AlertText", "Data as of: %1"), datetime_text(as_of, self.language)) if as_of
                 else t.translate("AlertText", "Data as of: unknown")]
        ts = getattr(event, "ts", None)
        if ts is not None:
            lines.append(arg(t.translate("AlertText", "Raised: %1"), datetime_text(ts, self.language)))
        if reminder:
            lines.append(t.translate("AlertText", "Still active and not acknowledged."))
        return title, "\n".join(lines)

    def remote_test(self) -> tuple[str, str]:
        """Title and body of a channel's test message."""
        return (self._t.translate("AlertText", "RiskWatch test message"),
                self._t.translate("AlertText", "This is a test message from RiskWatch: the channel works."))


__all__ = ["AlertTexts", "PERCENT_DECIMALS", "Translation", "arg", "datetime_text", "number_text",
           "split_metric_key"]
