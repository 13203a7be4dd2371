"""Refreshing the miners' company facts from EDGAR into the store, and reading a symbol's figures back.

:meth:`FundamentalsService.refresh` fetches the company facts of each symbol asked for whose cache is older than
a day (or every one, with ``force``), and stores the document with its fetch time and newest accession: a new
filing replaces the cached document, the same accession only moves the fetch time. It never raises: each
symbol gets a :class:`RefreshStatus` (a failed or invalid fetch leaves the cache as it was).

The feed (``companyfacts(cik)``, a coroutine) and the repository (``cached``, ``save_companyfacts``,
``entered_facts``) are injected; this module sees them only through those methods.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import MappingProxyType
from typing import Any

from riskwatch.domain.errors import RiskWatchError
from riskwatch.domain.fundamentals import BalanceSheet, Fact, balance_sheet, facts_from_companyfacts

log = logging.getLogger(__name__)

#: SEC Central Index Keys of the miners RiskWatch knows (ten digits, as EDGAR's URLs want them).
MINER_CIKS: Mapping[str, str] = MappingProxyType({
    "IREN": "0001878848", "WULF": "0001083301", "CORZ": "0001839341", "CLSK": "0000827876",
    "BITF": "0001812477", "MARA": "0001507605", "RIOT": "0001167419", "HUT": "0001964789",
    "CIFR": "0001819989",
})
#: A cached document younger than this is not fetched again (filings come quarterly).
MAX_AGE = timedelta(days=1)

# RefreshStatus.status
UPDATED = "updated"        # stored: the first document, or one with a new filing
UNCHANGED = "unchanged"    # fetched, same newest filing: only the fetch time moved
FRESH = "fresh"            # cached less than MAX_AGE ago: not fetched
NO_CIK = "no_cik"          # not a miner RiskWatch knows a CIK for
FAILED = "failed"          # the fetch failed or the answer was invalid; ``code`` says why
NO_FACTS = "no_facts"      # the code of EDGAR's 404: no XBRL facts for the company (a foreign filer without them)
#: a company EDGAR has no facts for is asked again only this often (it may start filing XBRL)
UNAVAILABLE_RETRY = timedelta(days=7)


@dataclass(frozen=True)
class RefreshStatus:
    symbol: str
    status: str                     # UPDATED | UNCHANGED | FRESH | NO_CIK | FAILED
    accession: str = ""             # the newest filing's accession in the cache afterwards
    fetched_at: datetime | None = None
    code: str = ""                  # FAILED: the feed error's code (rate_limited, no_facts, partial …)
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.status in (UPDATED, UNCHANGED, FRESH)


def held_miners(symbols: Iterable[str], ciks: Mapping[str, str] = MINER_CIKS) -> list[str]:
    """The symbols among ``symbols`` with a CIK, upper-case, each once, in the order given."""
    return [s for s in dict.fromkeys(str(x).upper() for x in symbols) if s in ciks]


def newest_accession(doc: Mapping) -> str:
    """The accession number of the newest filing in a (validated) company-facts document: the latest ``filed``
    date, the highest accession among that day's; '' when there is none."""
    best = ("", "")
    for concepts in doc.get("facts", {}).values():
        for concept in concepts.values():
            for entries in concept.get("units", {}).values():
                for entry in entries:
                    best = max(best, (entry.get("filed") or "", entry.get("accn") or ""))
    return best[1]


class FundamentalsService:
    def __init__(self, feed: Any, repo: Any, clock: Any, ciks: Mapping[str, str] = MINER_CIKS, *,
                 max_age: timedelta = MAX_AGE):
        self.feed = feed
        self.repo = repo
        self.clock = clock
        self.ciks = {k.upper(): v for k, v in ciks.items()}
        self.max_age = max_age

    async def refresh(self, symbols: Iterable[str], *, force: bool = False) -> list[RefreshStatus]:
        """Refresh each symbol in turn (the feed spaces the requests); one status per symbol, never raises."""
        out = []
        for symbol in dict.fromkeys(str(s).upper() for s in symbols):
            try:
                out.append(await self._refresh_one(symbol, force))
            except RiskWatchError as exc:  # the store failed: say so for this symbol, go on with the next
                log.warning("fundamentals refresh of %s: %s", symbol, exc)
                out.append(RefreshStatus(symbol, FAILED, code=getattr(exc, "code", "store"), detail=str(exc)))
            except Exception as exc:  # never raise out of a refresh: a bug here must not stop the monitor
                log.exception("fundamentals refresh of %s failed", symbol)
                out.append(RefreshStatus(symbol, FAILED, code="error", detail=f"{type(exc).__name__}: {exc}"))
        return out

    async def _refresh_one(self, symbol: str, force: bool) -> RefreshStatus:
        cik = self.ciks.get(symbol)
        if cik is None:
            return RefreshStatus(symbol, NO_CIK, detail=f"no SEC CIK known for {symbol}")
        cached = self.repo.cached(symbol)
        now = self.clock.now()
        if cached is not None and not force and cached.cik == cik and now - cached.fetched_at < self.max_age:
            return RefreshStatus(symbol, FRESH, cached.newest_accession, cached.fetched_at)
        gone = self._unavailable(symbol)
        if gone is not None and not force and now - gone[1] < UNAVAILABLE_RETRY:
            return RefreshStatus(symbol, FAILED, code=gone[0], detail="EDGAR has no XBRL facts for this company")
        try:
            doc = await self.feed.companyfacts(cik)
        except RiskWatchError as exc:
            code = getattr(exc, "code", "error")
            if code == NO_FACTS and hasattr(self.repo, "mark_unavailable"):
                self.repo.mark_unavailable(symbol, code, now)
            return RefreshStatus(symbol, FAILED, cached.newest_accession if cached else "",
                                 cached.fetched_at if cached else None, code, str(exc))
        if hasattr(self.repo, "clear_unavailable"):
            self.repo.clear_unavailable(symbol)
        accession = newest_accession(doc)
        fetched = self.clock.now()
        stored = self.repo.save_companyfacts(symbol, cik, json.dumps(doc, separators=(",", ":")), fetched,
                                             accession)
        return RefreshStatus(symbol, UPDATED if stored else UNCHANGED, accession, fetched)

    def _unavailable(self, symbol: str):
        return self.repo.unavailable(symbol) if hasattr(self.repo, "unavailable") else None

    # -- reading ----------------------------------------------------------------------------------------------
    def facts(self, symbol: str) -> list[Fact]:
        """Every figure of ``symbol``: the cached EDGAR facts and the entered ones."""
        return stored_facts(self.repo, symbol)

    def sheet(self, symbol: str) -> BalanceSheet:
        return balance_sheet(symbol, self.facts(symbol))


def companyfacts_doc(cached: Any) -> dict | None:
    """The company-facts document of what ``repository.cached`` returns: None, the document, its JSON text, or
    a record with ``doc`` / ``doc_text`` holding either."""
    if cached is None:
        return None
    for attr in ("doc", "doc_text"):
        if not isinstance(cached, (dict, str, bytes)) and hasattr(cached, attr):
            return companyfacts_doc(getattr(cached, attr))
    if isinstance(cached, (str, bytes)):
        try:
            cached = json.loads(cached)
        except ValueError:
            return None
    return cached if isinstance(cached, dict) else None


def filed_facts(symbol: str, cached: Any) -> list[Fact]:
    """The EDGAR facts of a cached company-facts record (``repository.cached``); none from a damaged cache."""
    doc = companyfacts_doc(cached)
    if doc is None:
        if cached is not None:
            log.warning("the cached company facts of %s do not parse", symbol)
        return []
    try:
        return facts_from_companyfacts(symbol, doc)
    except (ValueError, TypeError, KeyError, AttributeError) as exc:  # a damaged cache: the entered ones only
        log.warning("the cached company facts of %s do not parse: %s", symbol, exc)
        return []


def stored_facts(repo: Any, symbol: str) -> list[Fact]:
    """Every stored figure of ``symbol``: the cached EDGAR facts and the entered ones (which win in
    ``balance_sheet``). The one reading of the store shared by the service, the CLI and the balance-sheet tab."""
    symbol = symbol.upper()
    return filed_facts(symbol, repo.cached(symbol)) + list(repo.entered_facts(symbol))


__all__ = ["FAILED", "FRESH", "MAX_AGE", "MINER_CIKS", "NO_CIK", "UNCHANGED", "UPDATED", "FundamentalsService",
           "RefreshStatus", "companyfacts_doc", "filed_facts", "held_miners", "newest_accession", "stored_facts"]
