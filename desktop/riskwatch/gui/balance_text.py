"""What the balance-sheet tab shows, as data and as words: the figures one miner's read hands over
(:class:`BalanceData`), which miners a cycle holds, and the translated names, amounts, filings and marks.

Amounts are large (debt in the hundreds of millions, contracts in the billions): they are shown compact,
``1,23 Mrd. $`` / ``$1.23 bn``, with the exact figure in the tooltip. A figure whose period end is older than two
quarters is stale (the catalogue's rule, ``STALE_AFTER_DAYS``): shown grey with its date, never as current.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QObject

from riskwatch.domain.fundamentals import DERIVED, FIGURES, STALE_AFTER_DAYS, is_stale
from riskwatch.gui.format import date_text, money_text, number_text, percent_text, ui_language

FIGURE_CODES = FIGURES
#: the derived figures shown (their age is shown as the period end of the figures themselves)
DERIVED_CODES = tuple(c for c in DERIVED if c != "fundamentals_age_days")
#: Derived figures the fundamentals source puts into the Snapshot (scope: the miner): these come from there.
SNAPSHOT_CODES = ("net_debt_to_mcap", "debt_to_ev", "debt_growth_1y", "fundamentals_age_days")
_RATIOS = frozenset({"net_debt_to_mcap", "debt_to_ev", "debt_growth_1y", "contracts_to_debt", "contracts_to_mcap"})


@dataclass(frozen=True)
class BalanceData:
    """One miner's balance sheet as read from the store: ``facts`` code -> Fact (the latest per code, entered
    figures winning), ``derived`` code -> value (None: not computable), the contracts and entered maturities;
    ``problem`` a code when nothing could be read (``no_filings``: nothing cached yet, ``no_xbrl``: EDGAR has
    no XBRL facts for the company)."""

    symbol: str
    facts: Mapping[str, object] = field(default_factory=dict)
    derived: Mapping[str, float | None] = field(default_factory=dict)
    contracts: tuple = ()
    maturities: tuple = ()
    problem: str = ""


def held_miners(result) -> list[str]:
    """The miners a CycleResult's portfolio holds, in the order of its snapshot."""
    if result is None:
        return []
    return [sym for sym, asset in result.report.snapshot.assets.items() if getattr(asset, "is_miner", False)]


def price_usd(result, symbol: str) -> float | None:
    """A held asset's price in USD (the report's prices are in its base currency)."""
    row = result.report.asset(symbol) if result is not None else None
    if row is None or row.price is None:
        return None
    return float(row.price) * (result.report.usd_per_base if result.report.base_currency != "USD" else 1.0)


class BalanceText(QObject):
    """Translated texts of the balance-sheet tab (one per widget; it follows the language)."""

    def figure(self, code: str) -> str:
        return {"total_debt": self.tr("Total debt"), "cash": self.tr("Cash and equivalents"),
                "digital_assets": self.tr("Digital assets (BTC)"), "shares_outstanding": self.tr("Shares outstanding"),
                "revenue_q": self.tr("Quarterly revenue"), "market_cap": self.tr("Market cap"),
                "net_debt": self.tr("Net debt"), "net_debt_to_mcap": self.tr("Net debt / market cap"),
                "enterprise_value": self.tr("Enterprise value (EV)"), "debt_to_ev": self.tr("Debt / EV"),
                "debt_growth_1y": self.tr("Debt growth over four quarters"),
                "cash_btc_cover": self.tr("Cash + BTC against debt due within 12 months"),
                "contracts_to_debt": self.tr("Contract value / debt"),
                "contracts_to_mcap": self.tr("Contract value / market cap")}.get(code, code)

    def usd(self, value: float | None) -> str:
        """``1,23 Mrd. $`` / ``$1.23 bn``; below a million the full amount."""
        if value is None:
            return "–"
        for size, unit in ((1e9, self.tr("bn")), (1e6, self.tr("m"))):
            if abs(value) >= size:
                num = number_text(abs(value) / size, 2, trim=False)
                sign = "\u2212" if value < 0 else ""
                return f"{sign}{num} {unit} $" if ui_language() == "de" else f"{sign}${num} {unit}"
        return money_text(value, "USD", decimals=0)

    def shares(self, value: float | None) -> str:
        if value is None:
            return "–"
        if abs(value) >= 1e6:
            return f"{number_text(value / 1e6, 1, trim=False)} {self.tr('m')}"
        return number_text(value, 0)

    def exact(self, code: str, value: float | None) -> str:
        """The full figure, for the tooltip."""
        if value is None:
            return ""
        return number_text(value, 0) if code == "shares_outstanding" else money_text(value, "USD", decimals=0)

    def value(self, code: str, value: float | None) -> str:
        if value is None:
            return "–"
        if code == "shares_outstanding":
            return self.shares(value)
        if code in _RATIOS:
            return percent_text(value)
        if code == "cash_btc_cover":
            return f"{number_text(value, 2, trim=False)}×"
        return self.usd(value)

    def filing(self, fact) -> str:
        """``10-Q, filed 2025-08-07``; an entered figure: ``entered``."""
        if fact.entered:
            return self.tr("entered")
        if fact.filed is None:
            return fact.form
        return self.tr("%1, filed %2").replace("%1", fact.form).replace("%2", date_text(fact.filed))

    def fact_tooltip(self, fact) -> str:
        lines = [self.exact(fact.code, fact.value)]
        if fact.entered:
            lines.append(self.tr("Entered by you") + (f": {fact.note}" if fact.note else ""))
        elif fact.concept:
            lines.append(self.tr("XBRL concept: %1").replace("%1", fact.concept))
            if fact.accession:
                lines.append(self.tr("Accession number: %1").replace("%1", fact.accession))
        return "\n".join(lines)

    def stale(self, period_end: date) -> str:
        return self.tr("stale · period end %1").replace("%1", date_text(period_end))

    def problem(self, code: str, symbol: str) -> str:
        if code == "no_xbrl":
            return self.tr("SEC EDGAR has no XBRL facts for %1 (a foreign filer?): enter its figures yourself.") \
                .replace("%1", symbol)
        if code == "no_filings":
            return self.tr("No filings of %1 fetched yet.").replace("%1", symbol)
        return self.tr("The balance sheet of %1 could not be read: %2").replace("%1", symbol).replace("%2", code)

    def term(self, years: float | None) -> str:
        return "–" if years is None else self.tr("%1 years").replace("%1", number_text(years, 1))


__all__ = ["BalanceData", "BalanceText", "DERIVED_CODES", "FIGURE_CODES", "SNAPSHOT_CODES", "STALE_AFTER_DAYS",
           "held_miners", "is_stale", "price_usd"]
