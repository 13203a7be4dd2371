"""Issue 19: the "Bilanz" tab — the real CleanSpark 10-Q facts cached in a real store, shown with period end and
filing after a replay step of the bundled history; an entered figure wins and is labelled; a figure older than two
quarters is grey with its date; the contracts with their value against the debt; the fundamentals dialog refuses
a number it would have to guess and then saves nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QDate

from riskwatch import app as rwapp
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.domain.freshness import DataStatus
from riskwatch.domain.snapshot import MetricValue
from riskwatch.fundamentals_wiring import attach_balance_tab, fundamentals_repository

FACTS = Path(__file__).resolve().parents[1] / "data" / "fundamentals" / "clsk_companyfacts.json"
DAY = date(2025, 9, 1)   # inside the bundled history; CLSK's newest 10-Q (period end 2025-06-30) is current then
FIGURE, VALUE, PERIOD, FILING, STATUS = range(5)


@pytest.fixture(scope="module")
def replay_result(tmp_path_factory):
    store = SqliteStore.in_dir(tmp_path_factory.mktemp("replay"))
    store.add_positions(rwapp.example_positions())
    service = rwapp.make_replay_service(store)
    result = [res for _day, res in service.run(store.portfolio(), DAY, DAY)][-1]
    store.close()
    return result


@pytest.fixture
def store(data_dir):
    s = SqliteStore.in_dir(data_dir)
    s.add_positions(rwapp.example_positions())
    fundamentals_repository(s).save_companyfacts("CLSK", "0000827876", FACTS.read_text(encoding="utf-8"),
                                                 datetime(2025, 8, 20, tzinfo=timezone.utc), "0000827876-25-000005")
    yield s
    s.close()


def _tab(qtbot, store, language, result, symbol="CLSK"):
    w = rwapp.create_main_window(store, language=language)
    qtbot.addWidget(w)
    tab = attach_balance_tab(w, store)
    w.show_result(result)
    w.tabs.setCurrentWidget(tab.panel)
    view = tab.view
    view.select(symbol)
    _wait_read(qtbot, view, symbol)
    return w, tab, view


def _wait_read(qtbot, view, symbol):
    qtbot.waitUntil(lambda: view._data is not None and view._data.symbol == symbol, timeout=5000)


@pytest.mark.parametrize("language, title, debt, period, filing, stale", [
    ("de", "Bilanz", "820,34 Mio. $", "30.06.2025", "10-Q, eingereicht 11.08.2025", "veraltet · Stichtag 30.06.2024"),
    ("en", "Balance sheet", "$820.34 m", "2025-06-30", "10-Q, filed 2025-08-11", "stale · period end 2024-06-30"),
])
def test_the_tab_shows_the_filed_figures_with_period_end_and_filing(qtbot, store, replay_result, language, title,
                                                                     debt, period, filing, stale):
    w, tab, view = _tab(qtbot, store, language, replay_result)
    assert w.tabs.tabText(w.tabs.indexOf(tab.panel)) == title
    assert w.tabs.indexOf(tab.panel) == w.tabs.indexOf(w.liquidity_tab) + 1
    assert [view.picker.itemText(i) for i in range(view.picker.count())] == ["IREN", "WULF", "CORZ", "CLSK", "BITF"]
    facts = view.facts_table
    assert (facts.cell("total_debt", VALUE), facts.cell("total_debt", PERIOD)) == (debt, period)
    assert facts.cell("total_debt", FILING) == filing
    assert not facts.is_greyed("total_debt") and facts.cell("total_debt", STATUS) == ""
    # the newest quarterly revenue in these facts is of the June 2024 quarter: 428 days before the replay day
    assert facts.is_greyed("revenue_q") and facts.cell("revenue_q", STATUS) == stale
    # the derived figures against hand computation: price × shares, debt − cash
    price = replay_result.report.asset("CLSK").price
    mcap = price * 281_083_382
    derived = view.derived_table
    assert derived.cell("market_cap", 1) == view._text.usd(mcap)
    assert derived.cell("net_debt", 1) == view._text.usd(820_337_000 - 34_553_000)
    ratio = (820_337_000 - 34_553_000) / mcap * 100
    shown = f"{ratio:.1f}".replace(".", "," if language == "de" else ".")
    assert derived.cell("net_debt_to_mcap", 1) == (f"{shown} %" if language == "de" else f"{shown}%")
    # the bundled history's prices are sample data: what rests on the price is not shown as current
    assert derived.is_greyed("market_cap") and not derived.is_greyed("net_debt")
    assert derived.cell("cash_btc_cover", 2) == ("Fälligkeiten eingeben" if language == "de" else
                                                  "enter debt maturities")


@pytest.mark.parametrize("language, typed, shown, label", [
    ("de", "900.000.000", "900,00 Mio. $", "eingegeben"),
    ("en", "900,000,000", "$900.00 m", "entered"),
])
def test_an_entered_figure_wins_over_the_filing_and_is_labelled(qtbot, store, replay_result, language, typed, shown,
                                                                  label):
    w, tab, view = _tab(qtbot, store, language, replay_result)
    tab.edit("CLSK")
    dialog = tab.dialog
    dialog.code_box.setCurrentIndex(dialog.code_box.findData("total_debt"))
    dialog.value_edit.setText(typed)
    dialog.period_edit.setDate(QDate(2025, 6, 30))
    dialog.note_edit.setText("press release")
    dialog.save_fact_button.click()
    qtbot.waitUntil(lambda: view.facts_table.cell("total_debt", FILING) == label, timeout=5000)
    assert view.facts_table.cell("total_debt", VALUE) == shown
    assert "press release" in view.facts_table.item(view.facts_table.row_of("total_debt"), 0).toolTip()
    assert (" · enthält von Ihnen eingegebene Zahlen" if language == "de" else " · includes figures you entered") \
        in view.status_label.text()
    # the filing's other figures stay as filed; the store holds the entered one
    assert view.facts_table.cell("cash", FILING).startswith("10-Q")
    [fact] = fundamentals_repository(store).entered_facts("CLSK")
    assert (fact.value, fact.period_end, fact.note) == (900_000_000.0, date(2025, 6, 30), "press release")
    qtbot.waitUntil(lambda: dialog.fact_list.count() == 1, timeout=5000)
    dialog.fact_list.setCurrentRow(0)
    dialog.remove_fact_button.click()
    qtbot.waitUntil(lambda: view.facts_table.cell("total_debt", FILING).startswith("10-Q"), timeout=5000)
    assert fundamentals_repository(store).entered_facts("CLSK") == []


@pytest.mark.parametrize("language, typed, reading", [
    ("de", "1,250.5", "1.250,5"),     # English notation in a German UI
    ("en", "1.250,5", "1,250.5"),
    ("de", "1,250", "1.250"),          # German 1,25 or English 1250? refused, both readings named
])
def test_a_number_that_would_be_guessed_is_refused_and_nothing_is_saved(qtbot, store, replay_result, language,
                                                                         typed, reading):
    w, tab, view = _tab(qtbot, store, language, replay_result)
    tab.edit("CLSK")
    dialog = tab.dialog
    assert dialog.tabs.tabText(0) == ("Kennzahl" if language == "de" else "Figure")
    dialog.value_edit.setText(typed)
    dialog.save_fact_button.click()
    assert reading in dialog.error_label.text()
    dialog.contract_value_edit.setText(typed)
    dialog.counterparty_edit.setText("Somebody")
    dialog.source_edit.setText("a press release")
    dialog.add_contract_button.click()
    assert reading in dialog.error_label.text()
    dialog.maturity_amount_edit.setText("-5")
    dialog.add_maturity_button.click()
    assert ("nicht negativ" if language == "de" else "must not be negative") in dialog.error_label.text()
    qtbot.wait(200)  # a save would have run in a worker by now
    repo = fundamentals_repository(store)
    assert repo.entered_facts("CLSK") == [] and repo.maturities("CLSK") == []
    assert [c.symbol for c in repo.contracts()] == ["IREN", "WULF"]   # only the seeded ones


def test_a_contract_without_its_source_is_refused(qtbot, store, replay_result):
    w, tab, view = _tab(qtbot, store, "en", replay_result)
    tab.edit("CLSK")
    dialog = tab.dialog
    dialog.counterparty_edit.setText("Somebody")
    dialog.contract_value_edit.setText("1,000,000")
    dialog.add_contract_button.click()
    assert dialog.error_label.text() == "Source: enter a value."
    qtbot.wait(200)
    assert fundamentals_repository(store).contracts("CLSK") == []


@pytest.mark.parametrize("language, note", [
    ("de", "Vertragswert 1,50 Mrd. $: 182,9 % der Schulden"),
    ("en", "Contract value $1.50 bn: 182.9% of the debt"),
])
def test_contracts_and_maturities_are_set_against_the_debt(qtbot, store, replay_result, language, note):
    w, tab, view = _tab(qtbot, store, language, replay_result)
    assert not view.contracts_table.isVisibleTo(view)  # CLSK has none
    tab.edit("CLSK")
    dialog = tab.dialog
    dialog.counterparty_edit.setText("Hyperscaler")
    dialog.contract_value_edit.setText("1.500.000.000" if language == "de" else "1,500,000,000")
    dialog.term_edit.setText("10")
    dialog.source_edit.setText("CLSK press release")
    dialog.add_contract_button.click()
    qtbot.waitUntil(lambda: view.contracts_table.keys() == ["Hyperscaler"], timeout=5000)
    assert view.contracts_note.text().startswith(note)  # 1.5 bn / 820.337 m
    assert view.contracts_table.cell("Hyperscaler", 4) == "CLSK press release"
    dialog.due_edit.setDate(QDate(2026, 3, 31))
    dialog.maturity_amount_edit.setText("100000000")
    dialog.add_maturity_button.click()
    # (34.553 m cash + 1,079.754 m digital assets) / 100 m due within 12 months of the replay day
    qtbot.waitUntil(lambda: view.derived_table.cell("cash_btc_cover", 1) != "–", timeout=5000)
    assert view.derived_table.cell("cash_btc_cover", 1) == ("11,14×" if language == "de" else "11.14×")


def test_the_seeded_contract_of_iren_is_shown_with_its_source(qtbot, store, replay_result):
    w, tab, view = _tab(qtbot, store, "en", replay_result, symbol="IREN")
    assert view._data.problem == "no_filings"
    assert view.status_label.text() == "No filings of IREN fetched yet."
    assert view.contracts_table.keys() == ["Microsoft"]
    assert view.contracts_table.cell("Microsoft", 1) == "$9.70 bn"
    assert "press release" in view.contracts_table.cell("Microsoft", 4)


def test_a_stale_snapshot_figure_is_greyed_with_its_date(qtbot, store, replay_result):
    """The fundamentals source's figures in the Snapshot are shown with their status, like every figure."""
    as_of = datetime(2024, 12, 31, 12, tzinfo=timezone.utc)
    snap = replay_result.report.snapshot.with_values(
        {("CLSK", "debt_to_ev"): MetricValue(0.4, DataStatus.STALE, as_of)})
    result = replace(replay_result, report=replace(replay_result.report, snapshot=snap))
    w, tab, view = _tab(qtbot, store, "de", result)
    assert view.derived_table.cell("debt_to_ev", 1) == "40,0 %"
    assert view.derived_table.is_greyed("debt_to_ev")
    assert view.derived_table.cell("debt_to_ev", 2) == "veraltet · Stand 31.12.2024"


def test_switching_the_language_retranslates_the_tab_and_its_figures(qtbot, store, replay_result):
    w, tab, view = _tab(qtbot, store, "en", replay_result)
    w.settings_controller.translator.set_language("de")
    qtbot.waitUntil(lambda: w.tabs.tabText(w.tabs.indexOf(tab.panel)) == "Bilanz", timeout=3000)
    assert view.facts_table.cell("total_debt", FIGURE) == "Gesamtschulden"
    assert view.facts_table.cell("total_debt", VALUE) == "820,34 Mio. $"
    assert view.facts_table.cell("total_debt", FILING) == "10-Q, eingereicht 11.08.2025"
    w.settings_controller.translator.set_language("en")
