"""The stress dialog shows the hand-computed numbers of a fixture portfolio (German UI) and flags rows that a
historical scenario shocks through the beta because the asset has no data in the period."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication

from riskwatch import paths
from riskwatch.adapters.bundle import load_bundled_closes
from riskwatch.adapters.rules_io import load_default_rules
from riskwatch.domain.model import Asset, AssetKind
from riskwatch.domain.risk_report import AssetRisk, RiskReport
from riskwatch.domain.snapshot import PORTFOLIO, MetricValue, Snapshot
from riskwatch.gui.dialogs.stress_dialog import (BASIS_ROLE, COL_AFTER, COL_BASIS, COL_BEFORE, COL_PNL, COL_SHOCK,
                                                 COL_WEIGHT, FLAGS_ROLE, StressDialog, parse_percent)
from riskwatch.gui.translation import Translator

NOW = datetime(2025, 11, 10, 12, tzinfo=UTC)


def _row(symbol, kind, qty, price, beta_btc=None, beta_qqq=None):
    return AssetRisk(asset=Asset(symbol, kind), quantity=qty, price=price, price_ts=NOW, price_source="test",
                     price_state="ok", price_age_s=0.0, value=qty * price, cost=None, pnl=None, pnl_pct=None,
                     weight=None, change_24h=None, drop_from_high=None, drawdown=None, max_drawdown=None,
                     volatility=None, var_95=None, es_95=None, beta_btc=beta_btc, corr_btc=None, beta_qqq=beta_qqq)


def _report(*rows):
    assets = {r.symbol: r.asset for r in rows}
    values = {("BTC", "drop_from_high:30D"): MetricValue(-0.05), (PORTFOLIO, "drawdown"): MetricValue(-0.02)}
    return RiskReport(NOW, "USD", tuple(rows), None, Snapshot(NOW, values, assets))


@pytest.fixture
def german(qtbot):
    """German translation and number formats for the test; the previous locale comes back afterwards."""
    app = QApplication.instance()
    previous = QLocale()
    translator = Translator(app, paths.resource("translations"))
    translator.set_language("de")
    yield
    for t in (translator._own, translator._qt):
        app.removeTranslator(t)
    QLocale.setDefault(previous)


@pytest.fixture
def dialog(qtbot, german):
    # BTC 1 @ 100 000, IREN 1000 @ 10 with beta 2 to BTC (and 1.5 to QQQ)
    report = _report(_row("BTC", AssetKind.CRYPTO, 1.0, 100_000.0),
                     _row("IREN", AssetKind.EQUITY, 1000.0, 10.0, beta_btc=2.0, beta_qqq=1.5))
    d = StressDialog(report, load_default_rules(), closes=load_bundled_closes)
    qtbot.addWidget(d)
    d.show()
    return d


def _cells(d, symbol):
    row = d.row_of(symbol)
    return {c: d.table.item(row, c).text() for c in (COL_SHOCK, COL_BEFORE, COL_AFTER, COL_PNL, COL_WEIGHT, COL_BASIS)}


def test_pressing_minus_30_percent_shows_the_hand_computed_numbers(qtbot, dialog):
    d = dialog
    qtbot.mouseClick(d.preset_buttons[-0.17], Qt.MouseButton.LeftButton)
    assert d.btc_spin.value() == pytest.approx(-17.0)
    qtbot.mouseClick(d.preset_buttons[-0.30], Qt.MouseButton.LeftButton)
    assert d.preset_buttons[-0.30].text() == "\u221230 %"
    assert _cells(d, "BTC") == {COL_SHOCK: "\u221230,0 %", COL_BEFORE: "100.000,00 $", COL_AFTER: "70.000,00 $",
                                COL_PNL: "\u221230.000,00 $", COL_WEIGHT: "94,6 %", COL_BASIS: "direkt"}
    assert _cells(d, "IREN") == {COL_SHOCK: "\u221260,0 %", COL_BEFORE: "10.000,00 $", COL_AFTER: "4.000,00 $",
                                 COL_PNL: "\u22126.000,00 $", COL_WEIGHT: "5,4 %",
                                 COL_BASIS: "über Beta zu BTC (2)"}
    assert d.table.item(d.row_of("IREN"), COL_BASIS).data(BASIS_ROLE) == "beta_btc"
    assert d.totals.text() == "Portfolio: 110.000,00 $ \u2192 74.000,00 $, G/V \u221236.000,00 $ (\u221232,7 %)"
    rules = [d.rules_list.item(i).text() for i in range(d.rules_list.count())]
    assert any(t.startswith("Kritisch · BTC (neu) · Rückgang vom 30-Tage-Hoch \u221233,5 % (Schwellwert "
                            "\u221225,0 %)") for t in rules), rules
    assert any(t.startswith("Warnung · IREN (neu)") for t in rules), rules
    assert any("Portfolio" in t for t in rules), rules
    assert d.windowTitle() == "Stresstest"


def test_manual_shock_and_the_ai_unwind(qtbot, dialog):
    d = dialog
    d.set_manual_shock("IREN", -0.10)
    assert _cells(d, "IREN")[COL_AFTER] == "9.000,00 $" and _cells(d, "IREN")[COL_BASIS] == "von Hand"
    d.set_manual_shock("IREN", None)
    d.ai_box.setChecked(True)                                    # QQQ −20 %: −60 % + 1.5 × −20 % = −90 %
    assert _cells(d, "IREN")[COL_SHOCK] == "\u221290,0 %"
    assert _cells(d, "IREN")[COL_BASIS] == "über Betas zu BTC (2) und QQQ (1,5)"
    assert parse_percent("\u221212,5 %") == pytest.approx(-0.125) and parse_percent("abc") is None


def test_a_historical_scenario_flags_the_asset_without_data(qtbot, german):
    # the bundle's CORZ starts in 2024: November 2022 is shocked through its beta to BTC
    report = _report(_row("BTC", AssetKind.CRYPTO, 0.5, 100_000.0),
                     _row("CORZ", AssetKind.EQUITY, 500.0, 12.0, beta_btc=1.6),
                     _row("MARA", AssetKind.EQUITY, 100.0, 15.0, beta_btc=2.1))
    d = StressDialog(report, load_default_rules(), closes=load_bundled_closes)
    qtbot.addWidget(d)
    d.set_scenario("ftx_2022")
    assert d.scenario.currentText() == "November 2022 (FTX)"
    corz = d.table.item(d.row_of("CORZ"), COL_BASIS)
    assert corz.data(BASIS_ROLE) == "beta_btc" and "no_data_in_period" in corz.data(FLAGS_ROLE)
    assert corz.text() == "keine Daten im Zeitraum – über Beta zu BTC (1,6)"
    mara = d.table.item(d.row_of("MARA"), COL_BASIS)
    assert mara.data(BASIS_ROLE) == "direct" and mara.text() == "eigene schlechteste Bewegung im Zeitraum"
    btc_shock = d.result.position("BTC").shock
    assert -0.30 < btc_shock < -0.20
    assert d.result.position("CORZ").shock == pytest.approx(1.6 * btc_shock)
    assert "01.11.2022 – 30.11.2022" in d.scenario_note.text()
    assert not d.btc_spin.isEnabled()
    qtbot.mouseClick(d.preset_buttons[-0.50], Qt.MouseButton.LeftButton)   # back to the beta shock
    assert d.scenario.currentData() is None and d.result.position("BTC").shock == pytest.approx(-0.50)


def test_no_positions(qtbot, german):
    d = StressDialog(_report(), [])
    qtbot.addWidget(d)
    assert d.result is None and d.table.rowCount() == 0
    assert d.totals.text() == "Keine Positionen mit Kursen – nichts zu testen."
