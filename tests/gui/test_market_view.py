"""Issue 17: the market tab — the regime, every indicator with value, threshold and as-of time, the baskets —
from a real replay (the USDC depeg of March 2023) and from an offline cycle long after the bundle ends; the
market dialog, which refuses bad input without saving and whose saved threshold the next evaluation uses."""

from datetime import date, datetime, timezone

import pytest
from PySide6.QtCore import Qt

from riskwatch import app as rwapp
from riskwatch.adapters.clock import ManualClock
from riskwatch.adapters.market_bundle import load_basket_factsheet
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.domain.alerts import ScopeType
from riskwatch.gui.dialogs.market_dialog import MarketDialog
from riskwatch.gui.dialogs.rule_dialog import RuleDialog
from riskwatch.gui.views.market_table import COL_MARK, COL_STATUS, COL_THRESHOLD, COL_VALUE
from riskwatch.services.market_regime import CD20_KEY, REGIME_KEY

USDC_DEPEG = date(2023, 3, 11)


@pytest.fixture
def store(data_dir):
    s = SqliteStore.in_dir(data_dir)
    s.add_positions(rwapp.example_positions())
    yield s
    s.close()


def _replay_day(store, day=USDC_DEPEG):
    service = rwapp.make_replay_service(store)
    return [res for _day, res in service.run(store.portfolio(), day, day)][-1]


def _window(qtbot, store, language):
    w = rwapp.create_main_window(store, language=language)
    qtbot.addWidget(w)
    return w


@pytest.mark.parametrize("language, stressed, usdc_value, as_of, beyond", [
    ("de", "Marktlage: Angespannt", "2,85 %", "11.03.2023", "über Schwellwert"),
    ("en", "Market regime: Stressed", "2.85%", "2023-03-11", "beyond threshold"),
])
def test_the_panel_shows_the_regime_of_the_usdc_depeg(qtbot, store, language, stressed, usdc_value, as_of, beyond):
    result = _replay_day(store)
    w = _window(qtbot, store, language)
    assert w.tabs.currentWidget() is w.dashboard  # the overview opens first, its strip names the regime
    w.show_result(result)
    line = w.market.strip.full_text
    assert line.startswith(f"{stressed} · {result.regime.count} " + (
        "von 11 Indikatoren über Schwellwert · Über Schwellwert: " if language == "de"
        else "of 11 indicators beyond their threshold · Beyond the threshold: "))
    assert ("USDC-Bindung 2,85 %" if language == "de" else "USDC peg 2.85%") in line
    assert "\n" not in w.market.strip.text()
    view = w.market_view
    assert view.regime_label.text() == stressed
    assert view.regime_is_coloured()  # every counted indicator is current
    count = result.regime.count
    assert view.count_label.text().startswith(f"{count} ")
    assert "11" in view.count_label.text()
    table = view.table
    assert table.rowCount() == 11
    assert table.cell("usdc_peg", COL_VALUE) == usdc_value
    assert table.cell("usdc_peg", COL_MARK) == beyond
    assert table.cell("usdc_peg", COL_THRESHOLD) in ("≥ 0,5 %", "≥ 0.5%")
    assert as_of in table.cell("usdc_peg", COL_STATUS)
    assert table.cell("btc_drop", COL_MARK) == ""  # −16.9 %: just short of −17 %
    assert not table.is_greyed("usdc_peg")
    cd20 = view.baskets.boxes["cd20"]
    assert ("31.03.2025" if language == "de" else "2025-03-31") in cd20.title.text()
    assert ("fehlend: " if language == "de" else "missing: ") in cd20.notes.text()
    assert ("Binance-USDT-Tageskurse, gebündelt" if language == "de"
            else "Binance USDT daily closes, bundled") in cd20.notes.text()
    drop = result.report.snapshot.get("CD20", "return:30D").value
    assert cd20.value_text("ret30") == (f"{drop * 100:.1f}".replace(".", "," if language == "de" else ".")
                                        .replace("-", "\u2212") + (" %" if language == "de" else "%"))
    assert w.tabs.tabText(1) == ("Marktlage" if language == "de" else "Market")


def test_stale_figures_are_greyed_with_their_date_and_the_regime_is_not_coloured(qtbot, store):
    clock = ManualClock(datetime(2026, 12, 2, 9, tzinfo=timezone.utc))
    _repo, alerts = rwapp.open_alerts(store, clock)
    monitor = rwapp.build_monitor(store, clock, offline=True, alerts=alerts)
    result = monitor.evaluate(store.portfolio(), None, offline=True)
    w = _window(qtbot, store, "de")
    w.show_result(result)
    view = w.market_view
    assert not view.regime_is_coloured()
    assert view.regime_label.text() == "Marktlage: nicht verfügbar"
    assert "veraltet (nicht gezählt)" in view.detail_label.text()
    assert "mindestens 5 nötig" in view.detail_label.text()   # the shipped rules' min_available
    assert view.table.is_greyed("btc_drop")
    assert view.table.cell("btc_drop", COL_STATUS) == "veraltet · Stand 29.11.2025"
    assert view.table.cell("usdc_peg", COL_STATUS) == "nicht verfügbar"
    assert view.baskets.boxes["cd20"].is_greyed("ret30")
    assert "veraltet · Stand" in view.baskets.boxes["cd20"].notes.text()
    assert w.market.strip.text().startswith("Marktlage: nicht verfügbar · 0 von 11 Indikatoren über Schwellwert")


def test_the_strip_on_the_overview_opens_the_market_tab(qtbot, store):
    w = _window(qtbot, store, "en")
    w.show_result(_replay_day(store))
    w.tabs.setCurrentWidget(w.dashboard)
    strip = w.market.strip
    assert strip.text().startswith("Market regime: Stressed · ")
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton)
    assert w.tabs.currentWidget() is w.market_view


def test_backfill_progress_shows_and_hides(qtbot, store):
    w = _window(qtbot, store, "de")
    view = w.market_view
    view.set_backfill_progress(7, 20, "SOL")
    assert not view.progress_row.isHidden()
    assert view.progress_label.text() == "Kursverlauf der Korbwerte wird geladen: 7 von 20 (SOL)"
    assert (view.progress_bar.value(), view.progress_bar.maximum()) == (7, 20)
    view.set_backfill_progress(20, 20, "")
    assert view.progress_row.isHidden()


def _dialog(qtbot, store):
    setup = rwapp.market_setup(store)
    dialog = MarketDialog(setup, read_basket=load_basket_factsheet)
    qtbot.addWidget(dialog)
    return setup, dialog


def _row(dialog, code):
    return dialog.rule_row(code)


def test_the_dialog_refuses_a_bad_weight_and_saves_nothing(qtbot, store):
    _window(qtbot, store, "de")  # the German UI language
    setup, dialog = _dialog(qtbot, store)
    before = setup.cd20()
    dialog.basket_table.item(0, 1).setText("1,250.5")  # English notation in a German UI
    dialog.rules_table.item(_row(dialog, "btc_drop"), 2).setText("-10")
    dialog.accept()
    assert "1,250.5" in dialog.error_text() and "Gewichtung von BTC" in dialog.error_text()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert setup.cd20() == before
    assert store.get_setting(CD20_KEY, None) in (None, "")
    assert store.get_setting(REGIME_KEY, None) in (None, "")  # not even the valid threshold


def test_the_dialog_refuses_a_bad_csv_and_changes_nothing(qtbot, store, tmp_path):
    _window(qtbot, store, "en")
    setup, dialog = _dialog(qtbot, store)
    bad = tmp_path / "basket.csv"
    bad.write_text("ticker,weight_pct\nBTC,40\nETH,minus five\n", encoding="utf-8")
    shown = [dialog.basket_table.item(r, 0).text() for r in range(dialog.basket_table.rowCount())]
    assert not dialog.import_basket(bad)
    assert "basket.csv" in dialog.error_text() and "3" in dialog.error_text()  # the file and its line
    assert [dialog.basket_table.item(r, 0).text() for r in range(dialog.basket_table.rowCount())] == shown
    dialog.reject()
    assert store.get_setting(CD20_KEY, None) in (None, "")
    good = tmp_path / "own.csv"
    good.write_text("ticker,weight_pct\nBTC,60\nETH,40\n", encoding="utf-8")
    setup, dialog = _dialog(qtbot, store)
    assert dialog.import_basket(good)
    dialog.accept()
    assert setup.cd20().weights == (("BTC", 60.0), ("ETH", 40.0))
    assert setup.cd20().origin == "user"


def test_a_saved_threshold_changes_the_next_evaluation(qtbot, store):
    w = _window(qtbot, store, "de")
    before = _replay_day(store)
    btc = next(r for r in before.regime.readings if r.indicator.code == "btc_drop")
    assert btc.beyond is False  # −16.9 % against −17 %
    setup, dialog = _dialog(qtbot, store)
    dialog.rules_table.item(_row(dialog, "btc_drop"), 2).setText("-16,5")
    dialog.stressed_at.setValue(5)
    dialog.accept()
    assert dialog.error_text() == ""
    assert setup.regime_config().stressed_at == 5
    after = _replay_day(store)
    btc = next(r for r in after.regime.readings if r.indicator.code == "btc_drop")
    assert btc.indicator.threshold == pytest.approx(-0.165)
    assert btc.beyond is True and after.regime.count == before.regime.count + 1
    w.show_result(after)
    assert w.market_view.table.cell("btc_drop", COL_THRESHOLD) == "≤ −16,5 %"
    assert w.market_view.table.cell("btc_drop", COL_MARK) == "über Schwellwert"


def test_the_rule_editor_offers_the_market_scope_and_the_baskets(qtbot, store):
    w = _window(qtbot, store, "de")
    known = w._known_symbols()
    assert {"CD20", "MINER_BASKET"} <= set(known)
    dialog = RuleDialog(known_symbols=known)
    qtbot.addWidget(dialog)
    dialog.scope.setCurrentIndex(dialog.scope.findData(ScopeType.MARKET.value))
    assert dialog.scope.currentText() == "Marktlage"
    dialog.metric_combo.setCurrentIndex(dialog.metric_combo.findData("regime_level"))
    assert dialog.metric_combo.currentText() == "Stufe der Marktlage"
    dialog.window_edit.setText("")
    dialog.comparator.setCurrentIndex(dialog.comparator.findData(">="))
    dialog.threshold.setText("2")
    dialog.name.setText("Markt angespannt")
    rule = dialog.build_rule()
    assert rule is not None and rule.scope.type is ScopeType.MARKET
    dialog.scope.setCurrentIndex(dialog.scope.findData(ScopeType.ASSET.value))
    dialog.symbol.setCurrentText("CD20")
    dialog.metric_combo.setCurrentIndex(dialog.metric_combo.findData("max_drop"))
    assert dialog.metric_combo.currentText() == "Größter Rückgang im Zeitfenster"
    dialog.window_edit.setText("30 Tage")
    dialog.comparator.setCurrentIndex(dialog.comparator.findData("<="))
    dialog.threshold.setText("-15")
    rule = dialog.build_rule()
    assert rule is not None and rule.scope.symbol == "CD20"
