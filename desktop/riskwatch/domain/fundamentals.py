"""Miner balance sheets: reported figures (EDGAR company facts or entered by hand) and the risk figures on them.

Pure functions and frozen dataclasses. Money in USD; shares in shares; ratios as fractions (0.5 = 50 %).

Which reported concept becomes which figure (:data:`FIGURES`) is chosen in
:mod:`riskwatch.domain.fundamentals_concepts` (the EDGAR JSON parsing); this module keeps the types, the
choice of the figures that count (:func:`balance_sheet`) and the derived figures (:func:`derived_figures`).

Precedence: a figure entered by hand wins over an EDGAR one of the same period end and is labelled
``source="entered"``; an entered figure of a newer period end than any filing is the latest one. Between
EDGAR facts of the same period the latest filing wins (a 10-K restating a 10-Q's comparative figure).

Derived figures (``None`` when an input is missing or a denominator is not positive):

* ``market_cap`` = price × shares outstanding; ``net_debt`` = total debt − cash;
* ``net_debt_to_mcap`` = net debt / market cap (negative: more cash than debt);
* ``enterprise_value`` = market cap + total debt − cash; ``debt_to_ev`` = total debt / EV;
* ``debt_growth_1y`` = total debt now / total debt four quarters (365 ± 45 days) earlier − 1;
* ``cash_btc_cover`` = (cash + digital assets) / debt falling due within 12 months of *now* — only with
  entered maturities (EDGAR has no due dates in a standard concept);
* ``contracts_to_debt`` / ``contracts_to_mcap`` = Σ contract value / total debt or market cap;
* ``fundamentals_age_days`` = days from the balance sheet's period end (total debt's) to now.

A figure whose period end is more than :data:`STALE_AFTER_DAYS` (two quarters and a little filing lag)
before now is stale.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from types import MappingProxyType

from riskwatch.domain.fundamentals_concepts import choose_figures

FIGURES = ("total_debt", "cash", "digital_assets", "shares_outstanding", "revenue_q")
STALE_AFTER_DAYS = 200
YEAR_TOLERANCE_DAYS = 45   # "four quarters earlier": a period end 320–410 days before the latest
EDGAR = "edgar"
ENTERED = "entered"

# the derived figures and the reported figures each is computed from (their oldest period end is its as-of)
DERIVED_INPUTS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "market_cap": ("shares_outstanding",),
    "net_debt": ("total_debt", "cash"),
    "net_debt_to_mcap": ("total_debt", "cash", "shares_outstanding"),
    "enterprise_value": ("total_debt", "cash", "shares_outstanding"),
    "debt_to_ev": ("total_debt", "cash", "shares_outstanding"),
    "debt_growth_1y": ("total_debt",),
    "cash_btc_cover": ("cash", "digital_assets"),
    "contracts_to_debt": ("total_debt",),
    "contracts_to_mcap": ("shares_outstanding",),
    "fundamentals_age_days": ("total_debt",),
})
DERIVED = tuple(DERIVED_INPUTS)


@dataclass(frozen=True)
class Fact:
    """One figure of one period."""

    symbol: str
    code: str            # one of FIGURES
    value: float         # USD, or shares for shares_outstanding
    period_end: date
    filed: date | None   # EDGAR's filing date; None for an entered figure
    form: str            # "10-Q", "10-K", "40-F", "entered"
    accession: str       # EDGAR "accn" ("" when entered)
    concept: str         # e.g. "us-gaap:LongTermDebt"; several summed: "us-gaap:A+us-gaap:B"
    source: str          # EDGAR | ENTERED
    note: str = ""       # an entered figure's note (press release …)

    @property
    def entered(self) -> bool:
        return self.source == ENTERED


@dataclass(frozen=True)
class Contract:
    """An AI/HPC hosting or cloud contract a miner reported."""

    symbol: str
    counterparty: str
    value_usd: float
    term_years: float | None
    start: date | None
    source: str          # where it was reported (press release / news title or URL)
    note: str = ""


@dataclass(frozen=True)
class Maturity:
    """Debt falling due, entered by the user."""

    symbol: str
    due: date
    amount_usd: float
    note: str = ""


SEED_CONTRACTS: tuple[Contract, ...] = (
    Contract("IREN", "Microsoft", 9.7e9, 5.0, None,
             "IREN press release 2025-11-03: multi-year AI cloud services contract with Microsoft, "
             "about USD 9.7 bn over five years",
             "seeded; check the figure against the release"),
    Contract("WULF", "Fluidstack", 9.5e9, None, None,
             "TeraWulf press release 2025: joint venture with Fluidstack (Google-backed lease obligations), "
             "about USD 9.5 bn contracted revenue",
             "seeded; check the figure against the release"),
)


@dataclass(frozen=True)
class BalanceSheet:
    """The figures that count for one symbol: the latest per code, and every period (for year-on-year)."""

    symbol: str
    latest: Mapping[str, Fact] = field(default_factory=dict)
    history: tuple[Fact, ...] = ()   # one fact per (code, period end), oldest first

    def __post_init__(self) -> None:
        object.__setattr__(self, "latest", MappingProxyType(dict(self.latest)))

    def fact(self, code: str) -> Fact | None:
        return self.latest.get(code)

    def value(self, code: str) -> float | None:
        fact = self.latest.get(code)
        return fact.value if fact is not None else None

    def series(self, code: str) -> tuple[Fact, ...]:
        return tuple(f for f in self.history if f.code == code)

    @property
    def period_end(self) -> date | None:
        """The balance sheet date: total debt's period end, else the newest of any figure."""
        debt = self.latest.get("total_debt")
        if debt is not None:
            return debt.period_end
        return max((f.period_end for f in self.latest.values()), default=None)

    def input_facts(self, derived: str) -> tuple[Fact, ...]:
        return tuple(f for c in DERIVED_INPUTS.get(derived, ()) if (f := self.latest.get(c)) is not None)


def facts_from_companyfacts(symbol: str, doc: dict) -> list[Fact]:
    """EDGAR company-facts JSON (``/api/xbrl/companyfacts/CIK….json``) -> one Fact per figure and period."""
    return [Fact(symbol.upper(), c.code, c.value, c.period_end, c.filed, c.form, c.accession, c.concept, EDGAR)
            for c in choose_figures(doc)]


def balance_sheet(symbol: str, facts: Iterable[Fact]) -> BalanceSheet:
    """The latest figure per code; an entered figure wins over an EDGAR one of the same period end."""
    chosen: dict[tuple[str, date], Fact] = {}
    for fact in facts:
        if fact.symbol.upper() != symbol.upper() or fact.code not in FIGURES:
            continue
        key = (fact.code, fact.period_end)
        if key not in chosen or _precedes(chosen[key], fact):
            chosen[key] = fact
    history = tuple(sorted(chosen.values(), key=lambda f: (f.period_end, f.code)))
    latest: dict[str, Fact] = {}
    for fact in history:   # oldest first: the newest period end stays
        latest[fact.code] = fact
    return BalanceSheet(symbol.upper(), latest, history)


def _precedes(old: Fact, new: Fact) -> bool:
    """Does ``new`` replace ``old`` of the same code and period? Entered beats EDGAR; then the later filing."""
    if old.entered != new.entered:
        return new.entered
    return (new.filed or date.min, new.accession) >= (old.filed or date.min, old.accession)


def derived_figures(sheet: BalanceSheet, price_usd: float | None, btc_price_usd: float | None,
                    maturities: Iterable[Maturity], contracts: Iterable[Contract],
                    now: datetime) -> dict[str, float | None]:
    """The risk figures of :data:`DERIVED` from the sheet and the cycle's share price.

    ``btc_price_usd`` is accepted for the contract's signature; digital assets are taken at the fair value the
    filer reported (revaluing them needs the coin count, which no standard concept carries).
    """
    del btc_price_usd
    debt, cash = sheet.value("total_debt"), sheet.value("cash")
    shares, digital = sheet.value("shares_outstanding"), sheet.value("digital_assets")
    market_cap = price_usd * shares if _positive(price_usd) and _positive(shares) else None
    net_debt = debt - cash if debt is not None and cash is not None else None
    ev = market_cap + net_debt if market_cap is not None and net_debt is not None else None
    contracted = sum(c.value_usd for c in contracts if c.symbol.upper() == sheet.symbol)
    return {
        "market_cap": market_cap,
        "net_debt": net_debt,
        "net_debt_to_mcap": _ratio(net_debt, market_cap),
        "enterprise_value": ev,
        "debt_to_ev": _ratio(debt, ev),
        "debt_growth_1y": debt_growth_1y(sheet),
        "cash_btc_cover": cash_btc_cover(cash, digital, maturities, sheet.symbol, now),
        "contracts_to_debt": _ratio(contracted, debt) if contracted else None,
        "contracts_to_mcap": _ratio(contracted, market_cap) if contracted else None,
        "fundamentals_age_days": age_days(sheet.period_end, now),
    }


def debt_growth_1y(sheet: BalanceSheet) -> float | None:
    """Total debt now / total debt four quarters earlier − 1 (the period end nearest 365 days before)."""
    now_fact = sheet.fact("total_debt")
    if now_fact is None:
        return None
    target = now_fact.period_end - timedelta(days=365)
    earlier = [f for f in sheet.series("total_debt")
               if abs((f.period_end - target).days) <= YEAR_TOLERANCE_DAYS]
    if not earlier:
        return None
    base = min(earlier, key=lambda f: abs((f.period_end - target).days))
    if ENTERED not in (now_fact.source, base.source) and base.concept != now_fact.concept:
        return None   # a principal against a carrying amount is no growth (an entered figure is the user's call)
    return _ratio(now_fact.value, base.value, minus_one=True)


def cash_btc_cover(cash: float | None, digital: float | None, maturities: Iterable[Maturity], symbol: str,
                   now: datetime) -> float | None:
    """(cash + digital assets) / debt due in the next 12 months; ``None`` without maturities falling due."""
    today = now.date()
    due = sum(m.amount_usd for m in maturities
              if m.symbol.upper() == symbol.upper() and today <= m.due <= today + timedelta(days=365))
    if due <= 0 or (cash is None and digital is None):
        return None
    return ((cash or 0.0) + (digital or 0.0)) / due


def age_days(period_end: date | None, now: datetime) -> float | None:
    return float((now.date() - period_end).days) if period_end is not None else None


def is_stale(period_end: date | None, now: datetime) -> bool:
    """Older than two quarters (a missing period is not "stale": it is missing)."""
    age = age_days(period_end, now)
    return age is not None and age > STALE_AFTER_DAYS


def _positive(x: float | None) -> bool:
    return x is not None and x > 0


def _ratio(num: float | None, den: float | None, minus_one: bool = False) -> float | None:
    if num is None or not _positive(den):
        return None
    return num / den - 1.0 if minus_one else num / den
