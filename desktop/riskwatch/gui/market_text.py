"""The market panel's words and numbers: regime and indicator names, scopes, values in their unit, status lines.

One place so the panel, the overview's regime strip and the market dialog say the same thing. Values follow the
UI language (``−17,0 %``, ``0,62``, funding ``−0,0023 %`` per 8 h); a figure that is not current says so
(``veraltet · Stand 04.04.2025``), one from the bundled history says "Beispieldaten", one without a value
"nicht verfügbar".
"""

from __future__ import annotations

import math
from datetime import date, datetime

from PySide6.QtCore import QLocale, QObject

from riskwatch.domain.basket_spec import CD20, MINER_BASKET
from riskwatch.domain.catalogue import Unit, spec
from riskwatch.domain.freshness import DataStatus
from riskwatch.gui.alert_text import COMPARATOR_SYMBOLS, AlertText, split_metric_key
from riskwatch.gui.as_of_text import SAMPLE_DATA, AsOfText
from riskwatch.gui.format import date_text, number_text, percent_text

#: Percent decimals of the panel's small fractions (a funding rate of 0.0023 % per 8 h, a peg off by 0.77 %).
PANEL_PERCENT_DECIMALS = {"funding_8h": 4, "funding_annual": 1, "peg_deviation": 2}


def unit_of_key(key: str) -> Unit | None:
    s = spec(split_metric_key(key)[0])
    return s.unit if s is not None else None


class MarketText(QObject):
    """Translated market-panel texts (create one per widget; it follows the language)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._alert = AlertText(self)
        self._as_of = AsOfText(self)

    # -- names ------------------------------------------------------------------------------------------------
    def level(self, level: int | None) -> str:
        if level is None:
            return self.tr("unavailable")
        return (self.tr("Calm"), self.tr("Under pressure"), self.tr("Stressed"))[int(level)]

    def indicator(self, ind) -> str:
        """An indicator's name by its code; an indicator the user added is named by its scope and metric."""
        names = {
            "btc_drop": self.tr("BTC: drop from 30-day high"),
            "cd20_return": self.tr("CoinDesk-20 basket: 30-day return"),
            "miners_drop": self.tr("Miner basket: drop from 30-day high"),
            "qqq_drop": self.tr("QQQ: largest drop within the month"),
            "btc_qqq_corr": self.tr("Correlation BTC–QQQ (30 days)"),
            "miners_btc_corr_rise": self.tr("Miner basket: rise of its correlation with BTC"),
            "usdt_peg": self.tr("USDT: deviation from the peg"),
            "usdc_peg": self.tr("USDC: deviation from the peg"),
            "btc_funding": self.tr("BTC funding rate per 8 h"),
            "btc_depth": self.tr("BTC order-book depth vs. its median"),
            "btc_volume": self.tr("BTC volume vs. its median"),
        }
        return names.get(ind.code) or f"{self.scope(ind.scope)}: {self._alert.metric(ind.metric)}"

    def scope(self, scope: str) -> str:
        return {CD20: self.tr("CD20 basket"), MINER_BASKET: self.tr("Miner basket")}.get(scope, scope)

    def group(self, group: str) -> str:
        return {"price": self.tr("Prices"), "comovement": self.tr("Co-movement"),
                "liquidity": self.tr("Liquidity")}.get(group, group)

    # -- numbers ----------------------------------------------------------------------------------------------
    def value(self, key: str, value: float | None) -> str:
        """A figure in its unit: fractions in percent, correlations and ratios with two decimals."""
        if value is None or not math.isfinite(float(value)):
            return "–"
        metric = split_metric_key(key)[0]
        unit = unit_of_key(key)
        if unit is Unit.FRACTION:
            return percent_text(value, decimals=PANEL_PERCENT_DECIMALS.get(metric, 1))
        if unit is Unit.RATIO:
            return number_text(value, 2, trim=False)
        if unit is Unit.LEVEL:
            return self.level(int(round(value)))
        if unit is Unit.COUNT:
            return number_text(value, 0)
        return self._alert.value(key, value)

    def threshold(self, ind) -> str:
        """``≤ −17,0 %``: the comparator and the threshold in the indicator's unit."""
        comp = getattr(ind.comparator, "value", ind.comparator)
        text = self.value(ind.metric, ind.threshold)
        if unit_of_key(ind.metric) is Unit.FRACTION:  # a threshold is typed, not measured: no trailing zeros
            number, sep, sign = text.rpartition("%")
            point = QLocale().decimalPoint()
            number = number.rstrip()
            if point in number:
                number = number.rstrip("0").rstrip(point)
            text = number + (" " if text.endswith(" %") else "") + sep + sign
        return f"{COMPARATOR_SYMBOLS.get(comp, comp)} {text}"

    # -- status -----------------------------------------------------------------------------------------------
    def status(self, status, as_of, detail: str = "", has_value: bool = True) -> str:
        """``Stand 11.03.2023``, ``Beispieldaten vom 11.03.2023``, ``veraltet · Stand 04.04.2025`` or
        ``nicht verfügbar``."""
        status = DataStatus(status)
        if not has_value or status is DataStatus.MISSING:
            return self.tr("not available")
        if not status.usable and detail == SAMPLE_DATA:
            detail = ""  # that it is old matters more than where it is from
        note = self._as_of.note(status, as_of, detail)
        if note:
            return note
        if status is DataStatus.MARKET_CLOSED:
            return self.tr("market closed · as of %1").replace("%1", self._as_of.date(as_of))
        return self.tr("as of %1").replace("%1", self._as_of.moment(as_of))

    def status_tooltip(self, status, as_of, detail: str = "") -> str:
        return self._as_of.tooltip(status, as_of, detail)

    def moment(self, ts) -> str:
        return self._as_of.moment(ts)

    def date(self, ts) -> str:
        """An as-of time's day, or a calendar date (a factsheet's) as it is."""
        if isinstance(ts, date) and not isinstance(ts, datetime):
            return date_text(ts)
        return self._as_of.date(ts)

    def short_indicator(self, ind) -> str:
        """A short name for the overview's strip (``Miner-Korb``); an indicator the user added: its scope."""
        names = {
            "btc_drop": "BTC", "qqq_drop": "QQQ",
            "cd20_return": self.tr("CD20 (30 days)"),
            "miners_drop": self.tr("Miner basket"),
            "btc_qqq_corr": self.tr("Corr. BTC–QQQ"),
            "miners_btc_corr_rise": self.tr("Corr. rise miners–BTC"),
            "usdt_peg": self.tr("USDT peg"), "usdc_peg": self.tr("USDC peg"),
            "btc_funding": self.tr("Funding"),
            "btc_depth": self.tr("BTC depth"), "btc_volume": self.tr("BTC volume"),
        }
        return names.get(ind.code) or self.scope(ind.scope)

    def beyond_line(self, regime) -> str:
        """``Über Schwellwert: BTC −17,4 % · Miner-Korb −32,0 %`` (the strip's second line)."""
        beyond = [r for r in (regime.readings if regime is not None else ()) if r.beyond]
        if not beyond:
            return self.tr("No indicator beyond its threshold")
        return self.tr("Beyond the threshold: %1").replace("%1", " · ".join(
            f"{self.short_indicator(r.indicator)} {self.value(r.indicator.metric, r.value)}" for r in beyond))

    def stale_list(self, stale) -> str:
        return self._as_of.stale_list(stale)

    # -- the regime line --------------------------------------------------------------------------------------
    def headline(self, regime) -> str:
        """``Marktlage: Angespannt``."""
        return self.tr("Market regime: %1").replace("%1", self.level(regime.level if regime else None))

    def count_line(self, regime) -> str:
        """``3 von 11 Indikatoren über Schwellwert``."""
        if regime is None:
            return self.tr("No market figures yet.")
        return (self.tr("%1 of %2 indicators beyond their threshold").replace("%1", str(regime.count))
                .replace("%2", str(len(regime.readings))))

    def detail_line(self, regime, min_available: int | None = None) -> str:
        """How many indicators do not count (unavailable, stale) and the as-of time."""
        if regime is None:
            return ""
        parts = []
        missing = sum(1 for r in regime.readings if r.value is None and r.indicator.code not in regime.stale)
        if missing:
            parts.append(self.tr("%n unavailable", "", missing))
        if regime.stale:
            parts.append(self.tr("%n stale (not counted)", "", len(regime.stale)))
        if regime.level is None:
            parts.append(self.tr("too few current indicators (%1, at least %2 needed)")
                         .replace("%1", str(regime.usable)).replace("%2", str(min_available or regime.needed)))
        if regime.as_of is not None:
            parts.append(self.tr("as of %1").replace("%1", self.moment(regime.as_of)))
        return " · ".join(parts)


__all__ = ["MarketText", "PANEL_PERCENT_DECIMALS", "unit_of_key"]
