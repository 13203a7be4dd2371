"""Miner balance sheets in the Snapshot: one signal source of the Monitor's pipeline.

For every held miner (``Asset.is_miner``) ``collect`` reads the stored EDGAR company facts, the figures entered
by hand, the contracts and the debt maturities through the fundamentals repository
(``adapters.sqlite_fundamentals``), computes the derived figures with the cycle's share price
(``context.report``) and returns the catalogue's fundamentals metrics
(:func:`riskwatch.domain.fundamentals_values.metric_values`). It never fetches: refreshing from EDGAR is
``services.fundamentals``' job, so it works offline too. A miner without stored figures gets unavailable values
(``missing``, ``no_filings``), never zeros; a store that fails gives ``error`` values for the cycle.

The company facts are parsed once per stored document (a large filer's is megabytes) and kept until the store
holds a newer one.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from riskwatch.domain.freshness import DataStatus
from riskwatch.domain.fundamentals import (
    BalanceSheet,
    Contract,
    Fact,
    Maturity,
    balance_sheet,
    derived_figures,
)
from riskwatch.domain.fundamentals_values import metric_values, missing_values
from riskwatch.domain.ports import Clock, SignalContext
from riskwatch.domain.snapshot import MetricValue
from riskwatch.services.fundamentals import filed_facts

log = logging.getLogger(__name__)


class FundamentalsRepository(Protocol):
    """What this source reads of ``adapters.sqlite_fundamentals`` (the contract of issue 19)."""

    def cached(self, symbol: str) -> Any: ...
    def entered_facts(self, symbol: str) -> list[Fact]: ...
    def contracts(self, symbol: str | None = None) -> list[Contract]: ...
    def maturities(self, symbol: str | None = None) -> list[Maturity]: ...


@dataclass(frozen=True)
class MinerFundamentals:
    """Everything the source computed for one miner in a cycle (``check --json`` and the balance view read it)."""

    symbol: str
    sheet: BalanceSheet
    derived: Mapping[str, float | None]
    values: Mapping[tuple[str, str], MetricValue]
    contracts: tuple[Contract, ...]
    maturities: tuple[Maturity, ...]
    price_usd: float | None


def _marker(cached: Any) -> object:
    """What identifies one stored document: its newest accession and when it was stored, else the text itself."""
    keys = tuple(getattr(cached, a, None) for a in ("newest_accession", "stored_at"))
    return keys if any(k is not None for k in keys) else (id(cached), cached if isinstance(cached, str) else None)


class FundamentalsSource:
    def __init__(self, repository: FundamentalsRepository | None, clock: Clock):
        self.repository = repository
        self.clock = clock
        self._parsed: dict[str, tuple[object, list[Fact]]] = {}
        self.latest: dict[str, MinerFundamentals] = {}   # of the last cycle, by symbol

    async def collect(self, context: SignalContext) -> dict[tuple[str, str], MetricValue]:
        now = self.clock.now()
        miners = sorted({p.asset.symbol for p in context.portfolio.positions if p.asset.is_miner})
        out: dict[tuple[str, str], MetricValue] = {}
        latest: dict[str, MinerFundamentals] = {}
        for symbol in miners:
            try:
                figures = self.figures(symbol, context.report, now)
            except Exception as err:   # one miner's bad row must not take the others' figures away
                log.warning("fundamentals of %s unavailable: %s", symbol, type(err).__name__, exc_info=True)
                out.update(missing_values(symbol, "store_error", DataStatus.ERROR))
                continue
            latest[symbol] = figures
            out.update(figures.values)
        self.latest = latest
        return out

    def figures(self, symbol: str, report: Any, now: datetime) -> MinerFundamentals:
        """The balance sheet, derived figures and Snapshot values of one miner at the report's price."""
        price_usd, price_status = _price(report, symbol)
        repo = self.repository
        facts = self._edgar_facts(symbol) + (list(repo.entered_facts(symbol)) if repo is not None else [])
        contracts = tuple(repo.contracts(symbol)) if repo is not None else ()
        maturities = tuple(repo.maturities(symbol)) if repo is not None else ()
        sheet = balance_sheet(symbol, facts)
        derived = derived_figures(sheet, price_usd, _price(report, "BTC")[0], maturities, contracts, now)
        gone = repo.unavailable(symbol) if repo is not None and hasattr(repo, "unavailable") else None
        values = (metric_values(symbol, sheet, derived, price_status, now) if sheet.latest
                  else missing_values(symbol, "no_xbrl" if gone is not None else "no_filings"))
        return MinerFundamentals(symbol, sheet, derived, values, contracts, maturities, price_usd)

    def _edgar_facts(self, symbol: str) -> list[Fact]:
        if self.repository is None:
            return []
        cached = self.repository.cached(symbol)
        if cached is None:
            self._parsed.pop(symbol, None)
            return []
        marker = _marker(cached)
        kept = self._parsed.get(symbol)
        if kept is not None and kept[0] == marker:
            return list(kept[1])
        facts = filed_facts(symbol, cached)   # parsed once per stored document, not every cycle
        self._parsed[symbol] = (marker, facts)
        return list(facts)

    async def aclose(self) -> None:
        self._parsed.clear()


def _price(report: Any, symbol: str) -> tuple[float | None, DataStatus]:
    """The cycle's price of ``symbol`` in USD and its status (missing when the report has none)."""
    asset = report.asset(symbol) if report is not None else None
    if asset is None or asset.price is None:
        return None, DataStatus.MISSING
    status = DataStatus(getattr(asset, "status", DataStatus.OK))
    if getattr(report, "base_currency", "USD") == "USD":
        return float(asset.price), status
    usd_per_base = getattr(report, "usd_per_base", None)   # USD per unit of the base currency (EUR)
    return (float(asset.price) * usd_per_base, status) if usd_per_base else (None, DataStatus.MISSING)
