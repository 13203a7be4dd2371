"""Issue 19: CleanSpark's real 10-Q facts (tests/data/fundamentals/clsk_companyfacts.json, see its SOURCES.md)
become balance-sheet figures; the derived risk figures match a hand computation; entered figures win and say so;
figures go stale after two quarters; the shipped rules fire on them through the alert engine."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from riskwatch.adapters.rules_io import load_default_rules
from riskwatch.domain.alerts import AlertState, EventKind, evaluate
from riskwatch.domain.freshness import DataStatus
from riskwatch.domain.fundamentals import (
    ENTERED,
    SEED_CONTRACTS,
    Contract,
    Fact,
    Maturity,
    balance_sheet,
    derived_figures,
    facts_from_companyfacts,
)
from riskwatch.domain.fundamentals_values import metric_values
from riskwatch.domain.model import Asset, AssetKind
from riskwatch.domain.snapshot import Snapshot

DATA = Path(__file__).resolve().parents[1] / "data" / "fundamentals"
M = 1_000_000
#: CLSK's close on 2025-08-11, the day its June-2025 10-Q was filed (../shared/data/clsk_daily.csv,
#: dsturdy/Factor_Attribution data/CLSK.csv).
CLSK_CLOSE = 9.869999885559082
NOW = datetime(2025, 8, 12, 14, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def doc() -> dict:
    return json.loads((DATA / "clsk_companyfacts.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def facts(doc) -> list[Fact]:
    return facts_from_companyfacts("CLSK", doc)


def _fact(facts, code, end):
    return next(f for f in facts if f.code == code and f.period_end == end)


def _raw(doc, concept, end):
    taxonomy, _, name = concept.partition(":")
    entries = doc["facts"][taxonomy][name]["units"]["USD"]
    return max((e for e in entries if e["end"] == end), key=lambda e: e["filed"])["val"]


# -- parsing ----------------------------------------------------------------------------------------------------
def test_total_debt_is_the_first_total_by_priority_never_the_largest_nor_a_sum_of_two_views(doc, facts):
    assert _raw(doc, "us-gaap:LongTermDebt", "2025-06-30") == 643_913_000          # the SOURCES.md spot check
    debt = _fact(facts, "total_debt", date(2025, 6, 30))
    # CleanSpark's LongTermDebt is only the noncurrent part: + LoansPayableCurrent 176.424 M = the carrying
    # amount of its debt instruments 820.337 M, the first total by priority (LoansPayable 835.143 M is the gross
    # principal: a larger figure is not a truer one)
    assert _raw(doc, "us-gaap:LongTermLoansPayable", "2025-06-30") + _raw(doc, "us-gaap:LoansPayableCurrent",
                                                                        "2025-06-30") == 820_337_000
    assert debt.value == 820_337_000 and debt.concept == "us-gaap:DebtInstrumentCarryingAmount"
    assert _raw(doc, "us-gaap:LoansPayable", "2025-06-30") == 835_143_000
    # one concept for the whole series: every period end of CleanSpark's debt is its carrying amount
    assert {f.concept for f in facts if f.code == "total_debt"} == {"us-gaap:DebtInstrumentCarryingAmount"}
    assert (debt.form, debt.accession, debt.source) == ("10-Q", "0000827876-25-000005", "edgar")
    assert debt.filed is not None and debt.filed > debt.period_end


def test_cash_bitcoin_shares_and_quarterly_revenue(facts):
    end = date(2025, 6, 30)
    assert _fact(facts, "cash", end).value == 34_553_000                         # restricted cash left out
    btc = _fact(facts, "digital_assets", end)
    assert btc.value == 877_067_000 + 202_687_000
    assert btc.concept == "us-gaap:CryptoAssetFairValueCurrent+us-gaap:CryptoAssetFairValueNoncurrent"
    shares = _fact(facts, "shares_outstanding", date(2025, 8, 1))                # the cover page's count
    assert shares.value == 281_083_382 and shares.concept == "dei:EntityCommonStockSharesOutstanding"
    revenue = {f.period_end: f.value for f in facts if f.code == "revenue_q"}
    assert revenue[date(2024, 3, 31)] == 111_799_000                             # the 3-month figure, not the 6-month
    assert revenue[date(2024, 6, 30)] == 104_108_000
    # the Dec-2024 and Jun-2025 quarters are tagged only as clsk:DigitalCurrencyMiningRevenues, which company
    # facts do not carry: no figure rather than a wrong one
    assert date(2024, 12, 31) not in revenue and date(2025, 6, 30) not in revenue


def test_a_comparative_figure_repeated_by_a_later_filing_is_taken_from_the_latest(facts):
    debt = _fact(facts, "total_debt", date(2024, 9, 30))   # the 10-K figure, repeated in the 2025 10-Qs
    assert debt.accession == "0000827876-25-000005"
    assert len([f for f in facts if f.code == "total_debt" and f.period_end == date(2024, 9, 30)]) == 1


def test_durations_instants_units_and_broken_entries():
    doc = {"facts": {"us-gaap": {
        "Revenues": {"units": {"USD": [
            {"start": "2025-01-01", "end": "2025-03-31", "val": 10, "accn": "a", "form": "10-Q", "filed": "2025-05-01"},
            {"start": "2024-04-01", "end": "2025-03-31", "val": 40, "accn": "a", "form": "10-K", "filed": "2025-05-01"},
            {"end": "2025-06-30", "val": 3, "accn": "b", "form": "10-Q", "filed": "2025-08-01"}]}},
        "LongTermDebt": {"units": {"EUR": [{"end": "2025-03-31", "val": 5, "accn": "a", "form": "10-Q",
                                            "filed": "2025-05-01"}],
                                   "USD": [{"end": "bad", "val": 1}, {"end": "2025-03-31", "val": "nan"},
                                           {"start": "2025-01-01", "end": "2025-03-31", "val": 9}]}}},
        "ifrs-full": {"Borrowings": {"units": {"USD": [{"end": "2025-03-31", "val": 7, "accn": "c", "form": "40-F",
                                                        "filed": "2025-06-01"}]}}}}}
    facts = facts_from_companyfacts("bitf", doc)
    assert [(f.code, f.value, f.form) for f in facts] == [("total_debt", 7.0, "40-F"), ("revenue_q", 10.0, "10-Q")]
    assert facts[0].symbol == "BITF" and facts[0].concept == "ifrs-full:Borrowings"
    assert facts_from_companyfacts("X", {"nothing": 1}) == [] and facts_from_companyfacts("X", []) == []


# -- derived figures -------------------------------------------------------------------------------------------
def test_derived_figures_match_a_hand_computation_on_the_real_facts(facts):
    sheet = balance_sheet("CLSK", facts)
    contracts = [Contract("CLSK", "Hyperscaler", 1_000 * M, 10.0, date(2025, 9, 1), "test contract")]
    maturities = [Maturity("CLSK", date(2026, 3, 1), 150 * M), Maturity("CLSK", date(2027, 3, 1), 500 * M),
                  Maturity("MARA", date(2026, 1, 1), 1 * M)]
    d = derived_figures(sheet, CLSK_CLOSE, 119_000.0, maturities, contracts, NOW)
    mcap = 9.869999885559082 * 281_083_382                      # price × cover-page shares (2025-08-01)
    debt, cash, btc = 820_337_000, 34_553_000, 1_079_754_000
    assert d["market_cap"] == pytest.approx(mcap)
    assert d["net_debt"] == pytest.approx(785_784_000)
    assert d["net_debt_to_mcap"] == pytest.approx(785_784_000 / mcap)           # ≈ 0.2832
    assert d["net_debt_to_mcap"] == pytest.approx(0.28324, abs=1e-4)
    assert d["enterprise_value"] == pytest.approx(mcap + debt - cash)
    assert d["debt_to_ev"] == pytest.approx(debt / (mcap + debt - cash))
    assert d["debt_growth_1y"] == pytest.approx(820_337_000 / 10_979_000 - 1)    # vs 2024-06-30: the convertible
    assert d["cash_btc_cover"] == pytest.approx((cash + btc) / (150 * M))       # only the CLSK debt due within 12 months
    assert d["contracts_to_debt"] == pytest.approx(1_000 * M / debt)
    assert d["contracts_to_mcap"] == pytest.approx(1_000 * M / mcap)
    assert d["fundamentals_age_days"] == (date(2025, 8, 12) - date(2025, 6, 30)).days == 43


def test_figures_without_inputs_are_none_never_zero(facts):
    sheet = balance_sheet("CLSK", facts)
    d = derived_figures(sheet, None, None, [], [], NOW)
    assert d["market_cap"] is d["net_debt_to_mcap"] is d["debt_to_ev"] is None
    assert d["cash_btc_cover"] is None and d["contracts_to_debt"] is None      # no maturities, no contracts
    assert d["net_debt"] == pytest.approx(785_784_000)
    empty = derived_figures(balance_sheet("CLSK", []), CLSK_CLOSE, None, [], [], NOW)
    assert all(v is None for v in empty.values())


def test_seed_contracts_name_their_source():
    assert {(c.symbol, c.counterparty, c.value_usd) for c in SEED_CONTRACTS} == {
        ("IREN", "Microsoft", 9.7e9), ("WULF", "Fluidstack", 9.5e9)}
    assert all(c.source for c in SEED_CONTRACTS)


# -- entered figures ---------------------------------------------------------------------------------------------
def _entered(code, value, end, note="press release"):
    return Fact("CLSK", code, value, end, None, ENTERED, "", "", ENTERED, note)


def test_an_entered_figure_wins_over_the_filing_of_its_period_and_is_labelled(facts):
    typed = _entered("total_debt", 1_150 * M, date(2025, 6, 30))
    for order in ([*facts, typed], [typed, *facts]):
        sheet = balance_sheet("CLSK", order)
        assert sheet.fact("total_debt") == typed
    values = metric_values("CLSK", sheet, derived_figures(sheet, CLSK_CLOSE, None, [], [], NOW), DataStatus.OK, NOW)
    mv = values[("CLSK", "net_debt_to_mcap")]
    assert mv.detail == "entered" and mv.status is DataStatus.OK
    assert mv.value == pytest.approx((1_150 * M - 34_553_000) / (CLSK_CLOSE * 281_083_382))
    assert values[("CLSK", "debt_growth_1y")].detail == "entered"
    # the cash of the same period is still the filed one
    assert sheet.fact("cash").source == "edgar"


def test_an_entered_figure_of_a_newer_period_is_the_latest(facts):
    newer = _entered("total_debt", 1_300 * M, date(2025, 9, 30), "Q4 press release")
    sheet = balance_sheet("CLSK", [*facts, newer])
    assert sheet.fact("total_debt") is newer and sheet.period_end == date(2025, 9, 30)
    d = derived_figures(sheet, CLSK_CLOSE, None, [], [], datetime(2025, 10, 20, tzinfo=UTC))
    assert d["debt_growth_1y"] == pytest.approx(1_300 * M / 65_957_000 - 1)    # vs 2024-09-30
    older = _entered("total_debt", 1 * M, date(2024, 12, 31))
    assert balance_sheet("CLSK", [*facts, older]).fact("total_debt").value == 820_337_000


# -- staleness ---------------------------------------------------------------------------------------------------
def test_figures_are_stale_after_two_quarters_the_age_itself_never(facts):
    sheet = balance_sheet("CLSK", facts)
    for days, status in ((200, DataStatus.OK), (201, DataStatus.STALE)):
        now = datetime.combine(date.fromordinal(date(2025, 6, 30).toordinal() + days), datetime.min.time(), UTC)
        values = metric_values("CLSK", sheet, derived_figures(sheet, CLSK_CLOSE, None, [], [], now), DataStatus.OK,
                               now)
        assert values[("CLSK", "net_debt_to_mcap")].status is status, days
        assert values[("CLSK", "debt_growth_1y")].status is status, days
        age = values[("CLSK", "fundamentals_age_days")]
        assert (age.value, age.status) == (days, DataStatus.OK)
        assert values[("CLSK", "net_debt_to_mcap")].as_of == datetime(2025, 6, 30, tzinfo=UTC)


def test_a_stale_price_makes_the_market_cap_figures_stale_not_the_debt_growth(facts):
    sheet = balance_sheet("CLSK", facts)
    values = metric_values("CLSK", sheet, derived_figures(sheet, CLSK_CLOSE, None, [], [], NOW), DataStatus.STALE,
                           NOW)
    assert values[("CLSK", "net_debt_to_mcap")].status is DataStatus.STALE
    assert values[("CLSK", "debt_growth_1y")].status is DataStatus.OK
    missing = metric_values("CLSK", sheet, derived_figures(sheet, None, None, [], [], NOW), DataStatus.MISSING, NOW)
    assert (missing[("CLSK", "debt_to_ev")].value, missing[("CLSK", "debt_to_ev")].status,
            missing[("CLSK", "debt_to_ev")].detail) == (None, DataStatus.MISSING, "no_price")


# -- rules -------------------------------------------------------------------------------------------------------
def _snapshot(values, now):
    return Snapshot(now, values, {"CLSK": Asset("CLSK", AssetKind.EQUITY)})


def _shipped(*keys):
    rules = [r for r in load_default_rules() if r.key in keys]
    assert len(rules) == len(keys)
    return rules


def test_the_shipped_miner_rules_fire_on_the_figures_through_the_alert_engine(facts):
    rules = _shipped("miner_net_debt_to_mcap_warning", "miner_debt_growth_1y_info")
    sheet = balance_sheet("CLSK", facts)
    # at the real close net debt is 29 % of the market cap: only the debt-growth rule (7,400 % in a year) fires
    values = metric_values("CLSK", sheet, derived_figures(sheet, CLSK_CLOSE, None, [], [], NOW), DataStatus.OK, NOW)
    events, state = evaluate(_snapshot(values, NOW), rules, AlertState(), NOW)
    assert [(e.kind, e.rule_key, e.member) for e in events] == [
        (EventKind.FIRED, "miner_debt_growth_1y_info", "CLSK")]
    # the share price halves: net debt 58 % of the market cap -> the warning fires
    later = datetime(2025, 8, 20, tzinfo=UTC)
    values = metric_values("CLSK", sheet, derived_figures(sheet, CLSK_CLOSE / 2, None, [], [], later), DataStatus.OK,
                           later)
    events, state = evaluate(_snapshot(values, later), rules, state, later)
    assert [(e.kind, e.rule_key, e.severity.value) for e in events] == [
        (EventKind.FIRED, "miner_net_debt_to_mcap_warning", "warning")]
    assert events[0].value == pytest.approx(785_784_000 / (CLSK_CLOSE / 2 * 281_083_382))


def test_rules_never_fire_on_stale_figures(facts):
    rules = _shipped("miner_net_debt_to_mcap_warning", "miner_debt_growth_1y_info")
    sheet = balance_sheet("CLSK", facts)
    now = datetime(2026, 2, 1, tzinfo=UTC)                                     # 216 days after the period end
    values = metric_values("CLSK", sheet, derived_figures(sheet, CLSK_CLOSE / 4, None, [], [], now), DataStatus.OK,
                           now)
    assert values[("CLSK", "net_debt_to_mcap")].value > 0.5
    events, _ = evaluate(_snapshot(values, now), rules, AlertState(), now)
    assert events == []


def _doc(**concepts):
    """A company-facts document with one balance fact per us-gaap concept, all on 2025-06-30."""
    facts = {name: {"units": {"USD": [{"end": "2025-06-30", "val": val, "accn": "0000000000-25-000001",
                                        "fy": 2025, "fp": "Q3", "form": "10-Q", "filed": "2025-08-10"}]}}
             for name, val in concepts.items()}
    return {"cik": 1, "entityName": "Test", "facts": {"us-gaap": facts}}


def test_a_total_tagged_the_taxonomy_way_is_never_counted_twice_with_its_current_portion():
    """LongTermNotesPayable includes its current portion by the taxonomy's definition: a filer tagging it that way
    beside NotesPayableCurrent and LongTermDebt has 500 of debt, not 600 (and never the larger of two views)."""
    doc = _doc(LongTermDebt=500.0, LongTermNotesPayable=500.0, NotesPayableCurrent=100.0)
    (debt,) = [f for f in facts_from_companyfacts("TEST", doc) if f.code == "total_debt"]
    assert (debt.value, debt.concept) == (500.0, "us-gaap:LongTermDebt")
    doc = _doc(LongTermDebt=500.0, LoansPayable=900.0)
    (debt,) = [f for f in facts_from_companyfacts("TEST", doc) if f.code == "total_debt"]
    assert debt.value == 500.0   # the first total by priority, not the largest
