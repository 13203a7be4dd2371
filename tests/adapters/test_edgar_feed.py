"""EdgarFeed against the loopback EDGAR (real HTTP): the User-Agent, the ten-a-second spacing, EDGAR's refusals
and answers that are cut off or incomplete (which change nothing stored)."""

from __future__ import annotations

import asyncio
import http.client
import json
from datetime import UTC, datetime

import pytest

from riskwatch.adapters.edgar_feed import EdgarFeed, check_companyfacts, cik10, user_agent
from riskwatch.adapters.sqlite_fundamentals import FundamentalsRepository
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.domain.errors import BadSymbol, DataUnavailable, InvalidData, RateLimited
from riskwatch.services.fundamentals import FundamentalsService
from tests.fakes.fake_edgar import CLSK_CIK, FakeEdgar


@pytest.fixture
def edgar():
    """The loopback EDGAR serving CleanSpark's facts."""
    with FakeEdgar() as server:
        yield server

UA = user_agent("ops@example.org")


class _Clock:
    def __init__(self, now):
        self.t = now

    def now(self):
        return self.t


def _feed(server, **kw) -> EdgarFeed:
    return EdgarFeed(server.url, user_agent=UA, timeout_s=5, **kw)


def test_fetches_the_real_cleanspark_facts_with_a_descriptive_user_agent(edgar):
    doc = _feed(edgar).fetch_companyfacts("827876")
    assert doc["cik"] == 827876 and doc["entityName"] == "CleanSpark, Inc."
    debt = doc["facts"]["us-gaap"]["LongTermDebt"]["units"]["USD"]
    assert {"end": "2025-06-30", "val": 643913000} .items() <= next(e for e in debt if e["end"] == "2025-06-30"
                                                                     and "frame" in e).items()
    (rec,) = edgar.requests()
    assert rec.path == f"/api/xbrl/companyfacts/CIK{CLSK_CIK}.json" and rec.status == 200
    assert rec.user_agent == UA and UA.startswith("RiskWatch/") and UA.endswith("(ops@example.org)")


def test_requests_are_spaced_to_at_most_ten_a_second(edgar):
    feed = _feed(edgar)

    async def burst():
        await asyncio.gather(*(feed.companyfacts(CLSK_CIK) for _ in range(6)))

    asyncio.run(burst())
    times = sorted(r.t for r in edgar.requests())
    assert len(times) == 6
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert min(gaps) >= 0.095, gaps  # measured at the server's arrival
    assert times[-1] - times[0] >= 0.5 - 0.01


def test_429_is_rate_limited(edgar):
    edgar.inject("companyfacts", "429", times=1)
    with pytest.raises(RateLimited) as err:
        _feed(edgar).fetch_companyfacts(CLSK_CIK)
    assert err.value.code == "rate_limited" and err.value.retryable


def test_403_without_a_user_agent_and_a_clear_error_when_refused(edgar):
    conn = http.client.HTTPConnection("127.0.0.1", edgar.port, timeout=5)
    conn.putrequest("GET", f"/api/xbrl/companyfacts/CIK{CLSK_CIK}.json", skip_accept_encoding=True)
    conn.endheaders()
    assert conn.getresponse().status == 403
    conn.close()
    assert edgar.requests()[-1].user_agent is None
    edgar.inject("companyfacts", "403", times=1)
    with pytest.raises(DataUnavailable) as err:
        _feed(edgar).fetch_companyfacts(CLSK_CIK)
    assert err.value.code == "forbidden" and "User-Agent" in str(err.value) and "RISKWATCH_EDGAR_CONTACT" in str(
        err.value)


def test_404_says_there_are_no_xbrl_facts(edgar):
    with pytest.raises(BadSymbol) as err:
        _feed(edgar).fetch_companyfacts("1812477")
    assert err.value.code == "no_facts" and "no XBRL facts" in str(err.value)
    assert edgar.requests()[-1].path.endswith("CIK0001812477.json")


def test_an_unreachable_endpoint_is_unavailable():
    with pytest.raises(DataUnavailable) as err:
        EdgarFeed("http://127.0.0.1:9", user_agent=UA, timeout_s=2).fetch_companyfacts(CLSK_CIK)
    assert err.value.code in ("network", "timeout")


@pytest.mark.parametrize("fault, code", [("malformed", "malformed"), ("partial", "partial"), ("no_val", "partial"),
                                         ("wrong_cik", "partial")])
def test_a_malformed_or_partial_answer_is_invalid_and_changes_nothing_stored(edgar, tmp_path, fault, code):
    store = SqliteStore(tmp_path / "rw.sqlite3")
    repo = FundamentalsRepository(store)
    clock = _Clock(datetime(2025, 9, 1, tzinfo=UTC))
    service = FundamentalsService(_feed(edgar), repo, clock)
    (first,) = asyncio.run(service.refresh(["CLSK"]))
    before = repo.cached("CLSK")
    assert first.status == "updated" and before is not None
    edgar.inject("companyfacts", fault, times=1)
    with pytest.raises(InvalidData) as err:
        _feed(edgar).fetch_companyfacts(CLSK_CIK)
    assert err.value.code == code
    edgar.inject("companyfacts", fault, times=1)
    clock.t = datetime(2025, 9, 3, tzinfo=UTC)
    (status,) = asyncio.run(service.refresh(["CLSK"]))
    assert status.status == "failed" and status.code == code
    assert repo.cached("CLSK") == before  # neither the document nor the fetch time moved
    store.close()


def test_shape_check_and_cik_padding():
    assert cik10(827876) == "0000827876" == cik10("CIK827876")
    with pytest.raises(ValueError):
        cik10("12345678901")
    doc = json.loads((__import__("tests.fakes.fake_edgar", fromlist=["DATA"]).DATA).read_text())
    assert check_companyfacts(doc, 827876) == ""
    assert "not the company" in check_companyfacts(doc, 1)
    broken = json.loads(json.dumps(doc))
    broken["facts"]["us-gaap"]["Assets"]["units"]["USD"][0]["filed"] = "soon"
    assert "filed is not a date" in check_companyfacts(broken)
