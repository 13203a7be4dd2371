"""FundamentalsService: refresh against the loopback EDGAR into a real store — stored, a new filing picked up,
the cache kept within a day, per-symbol statuses instead of exceptions."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, date, datetime, timedelta

import pytest

from riskwatch.adapters.edgar_feed import EdgarFeed, user_agent
from riskwatch.adapters.sqlite_fundamentals import FundamentalsRepository
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.domain.fundamentals import ENTERED, Fact
from riskwatch.services.fundamentals import MINER_CIKS, FundamentalsService, held_miners, newest_accession
from tests.fakes.fake_edgar import FakeEdgar


@pytest.fixture
def edgar():
    """The loopback EDGAR serving CleanSpark's facts."""
    with FakeEdgar() as server:
        yield server

JUN_2025 = "0000827876-25-000005"
DEC_2024 = "0000950170-25-015470"


class _Clock:
    def __init__(self, now):
        self.t = now

    def now(self):
        return self.t


def _service(server, tmp_path, clock):
    store = SqliteStore(tmp_path / "rw.sqlite3")
    feed = EdgarFeed(server.url, user_agent=user_agent("ops@example.org"), timeout_s=5, min_interval_s=0.0)
    return store, FundamentalsService(feed, FundamentalsRepository(store), clock)


def _run(service, symbols, **kw):
    return {s.symbol: s for s in asyncio.run(service.refresh(symbols, **kw))}


def test_refresh_stores_the_document_and_a_new_filing_is_picked_up(edgar, tmp_path):
    clock = _Clock(datetime(2025, 3, 1, tzinfo=UTC))
    store, service = _service(edgar, tmp_path, clock)
    edgar.filed_until = "2025-06-30"  # the Jun-2025 10-Q is not filed yet
    assert _run(service, ["CLSK"])["CLSK"].status == "updated"
    cached = service.repo.cached("CLSK")
    assert cached.newest_accession == DEC_2024 and cached.fetched_at == clock.t
    assert service.sheet("CLSK").fact("total_debt").period_end == date(2024, 12, 31)

    clock.t += timedelta(days=2)  # nothing new: only the fetch time moves
    st = _run(service, ["CLSK"])["CLSK"]
    assert (st.status, st.accession) == ("unchanged", DEC_2024)
    assert service.repo.cached("CLSK").fetched_at == clock.t and service.repo.cached("CLSK").stored_at < clock.t

    edgar.filed_until = None  # the 10-Q appears
    clock.t += timedelta(days=2)
    st = _run(service, ["CLSK"])["CLSK"]
    assert (st.status, st.accession) == ("updated", JUN_2025)
    debt = service.sheet("CLSK").fact("total_debt")
    assert debt.period_end == date(2025, 6, 30) and debt.accession == JUN_2025
    assert newest_accession(json.loads(service.repo.cached("CLSK").doc_text)) == JUN_2025
    store.close()


def test_a_cache_younger_than_a_day_is_not_fetched_unless_forced(edgar, tmp_path):
    clock = _Clock(datetime(2025, 9, 1, tzinfo=UTC))
    store, service = _service(edgar, tmp_path, clock)
    _run(service, ["CLSK"])
    clock.t += timedelta(hours=23)
    assert _run(service, ["CLSK"])["CLSK"].status == "fresh"
    assert len(edgar.requests()) == 1
    assert _run(service, ["CLSK"], force=True)["CLSK"].status == "unchanged"
    assert len(edgar.requests()) == 2
    store.close()


def test_refresh_never_raises_each_symbol_gets_its_status(edgar, tmp_path):
    clock = _Clock(datetime(2025, 9, 1, tzinfo=UTC))
    store, service = _service(edgar, tmp_path, clock)
    edgar.inject("companyfacts", "429", times=1)
    out = _run(service, ["MARA", "CLSK", "BTC", "BITF"])
    assert out["MARA"].status == "failed" and out["MARA"].code == "rate_limited"
    assert out["CLSK"].status == "updated"
    assert out["BTC"].status == "no_cik"
    assert out["BITF"].status == "failed" and out["BITF"].code == "no_facts"  # the fake serves CLSK only
    assert service.repo.cached("MARA") is None
    store.close()


def test_an_entered_figure_wins_over_edgar_and_is_labelled(edgar, tmp_path):
    clock = _Clock(datetime(2025, 9, 1, tzinfo=UTC))
    store, service = _service(edgar, tmp_path, clock)
    _run(service, ["CLSK"])
    service.repo.enter_fact(Fact("CLSK", "cash", 1.5e6, date(2025, 6, 30), None, ENTERED, "", "", ENTERED, "PR"))
    cash = service.sheet("CLSK").fact("cash")
    assert (cash.value, cash.source, cash.note) == (1.5e6, ENTERED, "PR")
    store.close()


def test_the_nine_miners_have_ten_digit_ciks():
    assert set(MINER_CIKS) == {"IREN", "WULF", "CORZ", "CLSK", "BITF", "MARA", "RIOT", "HUT", "CIFR"}
    assert all(len(c) == 10 and c.isdigit() for c in MINER_CIKS.values())
    assert MINER_CIKS["CLSK"] == "0000827876"
    assert held_miners(["btc", "CLSK", "clsk", "IREN"]) == ["CLSK", "IREN"]


def test_a_company_edgar_has_no_facts_for_is_remembered_said_and_not_asked_again_for_a_week(edgar, tmp_path):
    """IREN (a foreign filer here: the loopback EDGAR has no facts for its CIK) — the 404 is kept in the store, the
    cycle's figures say "no_xbrl" instead of "no filings fetched yet", and the refresh asks again only after 7 days."""
    from datetime import timedelta

    from riskwatch.services.fundamentals_source import FundamentalsSource

    clock = _Clock(datetime(2025, 9, 1, tzinfo=UTC))
    store, service = _service(edgar, tmp_path, clock)
    try:
        first = _run(service, ["IREN"])["IREN"]
        assert (first.status, first.code) == ("failed", "no_facts")
        repo = FundamentalsRepository(store)
        assert repo.unavailable("IREN")[0] == "no_facts"
        asked = len(edgar.requests())
        clock.t += timedelta(days=1)
        assert _run(service, ["IREN"])["IREN"].code == "no_facts" and len(edgar.requests()) == asked
        values = FundamentalsSource(repo, clock).figures("IREN", None, clock.now()).values
        assert {mv.detail for mv in values.values() if mv.value is None} == {"no_xbrl"}
        clock.t += timedelta(days=7)
        _run(service, ["IREN"])
        assert len(edgar.requests()) == asked + 1      # a week later: asked again (it may file XBRL by now)
    finally:
        store.close()
