"""Which XBRL concepts become which balance-sheet figure, and parsing EDGAR company-facts JSON into Facts.

EDGAR's company-facts document (``/api/xbrl/companyfacts/CIK##########.json``) holds only the standard
taxonomies (``dei``, ``us-gaap``, ``ifrs-full`` …) and only facts without dimensions; a filer's own
extension concepts (``clsk:…``) are not in it. Each fact carries ``end`` (and ``start`` for a duration),
``val``, ``accn``, ``form`` and ``filed``. Only USD amounts (``shares`` for share counts) are read: a figure in
another currency is left out rather than mixed in.

Every figure has *alternatives*, each a complete total by its taxonomy definition — a single concept, or a
current + noncurrent pair that is summed (a missing part counts as 0). For one period end the figure is the
**largest** alternative. Alternatives are never added to each other, so the same debt is never counted twice;
and a filer that puts part of its debt under a narrower concept is still caught by the wider one.

total_debt (interest-bearing debt, current and noncurrent, at carrying amount):

* ``LongTermDebt`` (by definition incl. current maturities) · ``LongTermDebtNoncurrent + LongTermDebtCurrent``
* ``DebtInstrumentCarryingAmount`` · ``LongTermLoansPayable + LoansPayableCurrent`` · ``LoansPayable``
* ``ConvertibleNotesPayable`` · ``ConvertibleDebtNoncurrent + ConvertibleNotesPayableCurrent``
* ``NotesPayable`` · ``LongTermNotesPayable + NotesPayableCurrent``
* ``LineOfCredit`` · ``LongTermLineOfCredit + LinesOfCreditCurrent``
* IFRS: ``Borrowings`` · ``NoncurrentPortionOfNoncurrentBorrowings +
  CurrentBorrowingsAndCurrentPortionOfNoncurrentBorrowings``

  CleanSpark tags ``LongTermDebt`` for the *noncurrent* part only (643.913 M on 2025-06-30, equal to its
  ``LongTermLoansPayable``) next to ``LoansPayableCurrent`` 176.424 M; the pair sums to its
  ``DebtInstrumentCarryingAmount`` 820.337 M, and ``LoansPayable`` (835.143 M, the gross principal of its debt
  table) is the largest — the debt it owes. ``LongTermDebt`` alone would understate it by a quarter.

cash: ``CashAndCashEquivalentsAtCarryingValue`` (IFRS ``CashAndCashEquivalents``); restricted cash is not
spendable and left out.

digital_assets (bitcoin as the filer reports it): ``CryptoAssetFairValue`` · ``CryptoAssetFairValueCurrent +
CryptoAssetFairValueNoncurrent`` (ASU 2023-08 fair value); before it, ``IndefiniteLivedIntangibleAssetsExcluding
Goodwill`` (bitcoin at cost less impairment — CleanSpark's filings here use the fair-value concepts).

shares_outstanding: ``dei:EntityCommonStockSharesOutstanding`` (cover page, dated after the period end) ·
``us-gaap:CommonStockSharesOutstanding`` (balance sheet date); the newest date counts.

revenue_q: ``Revenues`` · ``RevenueFromContractWithCustomerExcludingAssessedTax`` · ``…IncludingAssessedTax``
(IFRS ``Revenue``, ``RevenueFromContractsWithCustomers``) for a three-month duration only (80–100 days; the
year-to-date and annual durations of the same filing are skipped). CleanSpark's later 10-Qs report revenue
only under its own ``clsk:DigitalCurrencyMiningRevenues``, which company facts do not carry.

Duplicates: a fact repeated in later filings (a 10-Q's comparative column, a 10-K) — the latest filing wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import NamedTuple

Alternative = tuple[str, ...]   # concepts ("taxonomy:Name") summed to one total


class Chosen(NamedTuple):
    """The figure one period end gets: the value of the largest alternative and the filing it came from."""

    code: str
    value: float
    period_end: date
    filed: date | None
    form: str
    accession: str
    concept: str    # the alternative's concepts present, joined by "+"

ALTERNATIVES: Mapping[str, tuple[Alternative, ...]] = {
    "total_debt": (
        ("us-gaap:DebtInstrumentCarryingAmount",),
        ("us-gaap:LongTermDebt",),
        ("us-gaap:LongTermDebtNoncurrent", "us-gaap:LongTermDebtCurrent"),
        ("us-gaap:LoansPayable",),
        ("us-gaap:ConvertibleNotesPayable",),
        ("us-gaap:ConvertibleDebtNoncurrent", "us-gaap:ConvertibleNotesPayableCurrent"),
        ("us-gaap:NotesPayable",),
        ("us-gaap:LineOfCredit",),
        ("ifrs-full:Borrowings",),
        ("ifrs-full:NoncurrentPortionOfNoncurrentBorrowings",
         "ifrs-full:CurrentBorrowingsAndCurrentPortionOfNoncurrentBorrowings"),
    ),
    "cash": (
        ("us-gaap:CashAndCashEquivalentsAtCarryingValue",),
        ("ifrs-full:CashAndCashEquivalents",),
    ),
    "digital_assets": (
        ("us-gaap:CryptoAssetFairValue",),
        ("us-gaap:CryptoAssetFairValueCurrent", "us-gaap:CryptoAssetFairValueNoncurrent"),
        ("us-gaap:IndefiniteLivedIntangibleAssetsExcludingGoodwill",),
    ),
    "shares_outstanding": (
        ("dei:EntityCommonStockSharesOutstanding",),
        ("us-gaap:CommonStockSharesOutstanding",),
    ),
    "revenue_q": (
        ("us-gaap:Revenues",),
        ("us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax",),
        ("us-gaap:RevenueFromContractWithCustomerIncludingAssessedTax",),
        ("ifrs-full:Revenue",),
        ("ifrs-full:RevenueFromContractsWithCustomers",),
    ),
}
DURATION_CODES = frozenset({"revenue_q"})
QUARTER_DAYS = (80, 100)
_UNITS = {"shares_outstanding": "shares"}   # everything else: USD


def choose_figures(doc: dict) -> list[Chosen]:
    """One figure per code and period end, chosen per the module docstring; malformed entries are skipped."""
    taxonomies = doc.get("facts") if isinstance(doc, dict) else None
    if not isinstance(taxonomies, dict):
        return []
    out: list[Chosen] = []
    for code, alternatives in ALTERNATIVES.items():
        wanted = {c for alt in alternatives for c in alt}
        raw = {c: _entries(taxonomies, c, _UNITS.get(code, "USD"), code in DURATION_CODES) for c in wanted}
        periods = sorted({end for entries in raw.values() for end in entries})
        # one concept for the whole series where the filer reports it (the one of the latest period): a growth over
        # a year must not divide a gross principal by a carrying amount
        preferred = _first_present(periods[-1], alternatives, raw) if periods else None
        for end in periods:
            fact = _best_alternative(code, end, alternatives, raw, preferred)
            if fact is not None:
                out.append(fact)
    return out


def _entries(taxonomies: dict, concept: str, unit: str, duration: bool) -> dict[date, dict]:
    """The concept's entries by period end, the latest filing kept per period end."""
    taxonomy, _, name = concept.partition(":")
    units = (taxonomies.get(taxonomy) or {}).get(name, {}).get("units", {})
    by_end: dict[date, dict] = {}
    for entry in units.get(unit, ()) if isinstance(units, dict) else ():
        parsed = _parse_entry(entry, duration)
        if parsed is None:
            continue
        end = parsed["end"]
        if end not in by_end or _later(parsed, by_end[end]):
            by_end[end] = parsed
    return by_end


def _parse_entry(entry: object, duration: bool) -> dict | None:
    if not isinstance(entry, dict):
        return None
    try:
        end = date.fromisoformat(str(entry["end"]))
        value = float(entry["val"])
        start = date.fromisoformat(str(entry["start"])) if entry.get("start") else None
        filed = date.fromisoformat(str(entry["filed"])) if entry.get("filed") else None
    except (KeyError, TypeError, ValueError):
        return None
    if value != value or value in (float("inf"), float("-inf")):
        return None
    if duration:
        if start is None or not QUARTER_DAYS[0] <= (end - start).days <= QUARTER_DAYS[1]:
            return None
    elif start is not None:
        return None   # a duration reported under a balance-sheet concept: not a balance
    return {"end": end, "val": value, "filed": filed, "accn": str(entry.get("accn") or ""),
            "form": str(entry.get("form") or "")}


def _later(new: dict, old: dict) -> bool:
    return (new["filed"] or date.min, new["accn"]) > (old["filed"] or date.min, old["accn"])


def _first_present(end: date, alternatives: Iterable[Alternative],
                   raw: Mapping[str, Mapping[date, dict]]) -> Alternative | None:
    return next((a for a in alternatives if any(end in raw[c] for c in a)), None)


def _best_alternative(code: str, end: date, alternatives: Iterable[Alternative],
                      raw: Mapping[str, Mapping[date, dict]], preferred: Alternative | None = None) -> Chosen | None:
    """The figure of one period end: the ``preferred`` alternative when the filer reports it then, else the first
    alternative in priority order it reports. Never the largest: a filer that tags a total the taxonomy's way
    next to a narrower total must not have its current portion counted twice."""
    alternatives = list(alternatives)
    for alternative in ([preferred] if preferred else []) + alternatives:
        parts = [(c, raw[c][end]) for c in alternative if end in raw[c]]
        if not parts:
            continue
        newest = max((p for _, p in parts), key=lambda p: (p["filed"] or date.min, p["accn"]))
        return Chosen(code, sum(p["val"] for _, p in parts), end, newest["filed"], newest["form"],
                      newest["accn"], "+".join(c for c, _ in parts))
    return None
