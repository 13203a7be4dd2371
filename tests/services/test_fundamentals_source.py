"""Issue 19: the fundamentals signal source reads CleanSpark's stored company facts and the entered figures from
a real SQLite store and puts the held miners' balance-sheet metrics into the cycle, at the cycle's price."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from riskwatch.adapters.clock import ManualClock
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.commands.check_fundamentals import fundamentals_json
from riskwatch.domain.freshness import DataStatus
from riskwatch.domain.fundamentals import ENTERED, Fact, Maturity
from riskwatch.domain.model import Asset, AssetKind, Portfolio, Position, Quote
from riskwatch.domain.ports import SignalContext
from riskwatch.domain.risk_report import compute_risk_report
from riskwatch.fundamentals_wiring import build_fundamentals_source, fundamentals_repository

DOC = Path(__file__).resolve().parents[1] / "data" / "fundamentals" / "clsk_companyfacts.json"
CLOSE = 9.869999885559082   # CLSK close 2025-08-11 (../shared/data/clsk_daily.csv)
NOW = datetime(2025, 8, 12, 14, 0, tzinfo=UTC)


@pytest.fixture
def store(data_dir):
    s = SqliteStore.in_dir(data_dir)
    yield s
    s.close()


def _context(now=NOW, price=CLOSE):
    pf = Portfolio((Position(Asset("CLSK", AssetKind.EQUITY), Decimal("1000")),
                    Position(Asset("MARA", AssetKind.EQUITY), Decimal("10")),
                    Position(Asset("ETH", AssetKind.CRYPTO), Decimal("1"))))
    days = pd.date_range(end=pd.Timestamp(now.date()) - pd.Timedelta(days=1), periods=40, freq="D", tz="UTC")
    closes = {s: pd.Series([price] * len(days), index=days) for s in ("CLSK", "MARA", "ETH")}
    quotes = {s: Quote(s, price, now - timedelta(minutes=1), "test") for s in ("CLSK", "MARA", "ETH")}
    return SignalContext(pf, compute_risk_report(pf, closes, quotes, now))


def _collect(source, context):
    return asyncio.run(source.collect(context))


def test_the_held_miners_get_their_figures_from_the_store_and_a_miner_without_any_is_missing(store):
    repo = fundamentals_repository(store)
    repo.save_companyfacts("CLSK", "0000827876", DOC.read_text(encoding="utf-8"), NOW, "0000827876-25-000005")
    source = build_fundamentals_source(store, ManualClock(NOW))
    values = _collect(source, _context())
    assert {s for s, _ in values} == {"CLSK", "MARA"}                          # miners only
    mv = values[("CLSK", "net_debt_to_mcap")]
    assert mv.value == pytest.approx((820_337_000 - 34_553_000) / (CLOSE * 281_083_382))
    assert (mv.status, mv.detail, mv.as_of) == (DataStatus.OK, "", datetime(2025, 6, 30, tzinfo=UTC))
    assert values[("CLSK", "debt_growth_1y")].value == pytest.approx(820_337_000 / 10_979_000 - 1)
    assert values[("CLSK", "fundamentals_age_days")].value == 43
    mara = values[("MARA", "net_debt_to_mcap")]
    assert (mara.value, mara.status, mara.detail) == (None, DataStatus.MISSING, "no_filings")


def test_an_entered_figure_is_used_and_labelled_and_check_json_shows_the_sheet(store):
    repo = fundamentals_repository(store)
    repo.save_companyfacts("CLSK", "0000827876", DOC.read_text(encoding="utf-8"), NOW, "0000827876-25-000005")
    repo.enter_fact(Fact("CLSK", "total_debt", 1_150e6, date(2025, 6, 30), None, ENTERED, "", "", ENTERED,
                         "press release"))
    repo.save_maturity(Maturity("CLSK", date(2026, 3, 1), 150e6, "credit line"))
    clock = ManualClock(NOW)
    source = build_fundamentals_source(store, clock)
    context = _context()
    values = _collect(source, context)
    mv = values[("CLSK", "net_debt_to_mcap")]
    assert mv.detail == "entered"
    assert mv.value == pytest.approx((1_150e6 - 34_553_000) / (CLOSE * 281_083_382))

    class Result:
        report = context.report

    class Monitor:
        signal_sources = (source,)

    doc = fundamentals_json(Monitor(), store, clock, Result())
    assert set(doc) == {"CLSK", "MARA"}
    clsk = doc["CLSK"]
    assert clsk["facts"]["total_debt"]["source"] == "entered" and clsk["facts"]["total_debt"]["note"] == "press release"
    assert clsk["facts"]["cash"] == {"value": 34_553_000, "period_end": "2025-06-30", "filed": clsk["facts"]["cash"][
        "filed"], "form": "10-Q", "accession": "0000827876-25-000005",
        "concept": "us-gaap:CashAndCashEquivalentsAtCarryingValue", "source": "edgar", "note": ""}
    assert clsk["derived"]["cash_btc_cover"] == pytest.approx((34_553_000 + 1_079_754_000) / 150e6)
    assert clsk["metrics"]["net_debt_to_mcap"]["detail"] == "entered" and clsk["stale"] is False
    assert clsk["maturities"] == [{"due": "2026-03-01", "amount_usd": 150e6, "note": "credit line"}]
    # without the source in the monitor the same figures are computed from the store
    class Bare:
        signal_sources = ()

    assert fundamentals_json(Bare(), store, clock, Result())["CLSK"]["derived"] == clsk["derived"]


def test_figures_go_stale_two_quarters_after_the_period_end(store):
    repo = fundamentals_repository(store)
    repo.save_companyfacts("CLSK", "0000827876", DOC.read_text(encoding="utf-8"), NOW, "0000827876-25-000005")
    later = datetime(2026, 1, 20, tzinfo=UTC)                                  # 204 days
    values = _collect(build_fundamentals_source(store, ManualClock(later)), _context(later))
    assert values[("CLSK", "net_debt_to_mcap")].status is DataStatus.STALE
    assert values[("CLSK", "fundamentals_age_days")].status is DataStatus.OK
