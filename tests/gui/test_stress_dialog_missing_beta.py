"""The stress dialog never shows a missing beta as an unchanged position (issue 15), in German and English: the
held-out case IREN/WULF/CORZ/CLSK without a beta under BTC −30 %, and a beta typed by the user (labelled)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication

from riskwatch import paths
from riskwatch.adapters.rules_io import load_default_rules
from riskwatch.domain.model import Asset, AssetKind
from riskwatch.domain.risk_report import AssetRisk, RiskReport
from riskwatch.domain.snapshot import PORTFOLIO, MetricValue, Snapshot
from riskwatch.gui.dialogs.stress_dialog import (BASIS_ROLE, COL_AFTER, COL_BASIS, COL_PNL, COL_SHOCK, COL_WEIGHT,
                                                 StressDialog)
from riskwatch.gui.dialogs.stress_inputs import M_USER_BETA
from riskwatch.gui.translation import Translator

NOW = datetime(2025, 11, 10, 12, tzinfo=UTC)
MINERS = ("IREN", "WULF", "CORZ", "CLSK")
MINUS = "\u2212"

TEXTS = {
    "de": dict(
        no_beta="kein Beta – Bewegung unbekannt, nicht im Portfolioergebnis",
        totals="Portfolio: nicht verfügbar – kein Beta für IREN, WULF, CORZ, CLSK (40,0 % des Portfolios), ihre "
               "Bewegung ist unbekannt. Ohne sie: 60.000,00 $ → 42.000,00 $, G/V −18.000,00 $ (−30,0 %). Setzen "
               "Sie unter „Beta (von Ihnen gesetzt)“ ein Beta, um sie einzubeziehen.",
        rules="Nicht beurteilt für IREN, WULF, CORZ, CLSK und das Portfolio: ihre Bewegung ist unbekannt (kein Beta).",
        header="Beta (von Ihnen gesetzt)", typed="2,0", other="2.5", shock=f"{MINUS}60,0 %",
        user_basis="über Beta (von Ihnen gesetzt) zu BTC (2)", rest="kein Beta für WULF, CORZ, CLSK (30,0 %",
        complete=f"Portfolio: 100.000,00 $ → 67.000,00 $, G/V {MINUS}33.000,00 $ ({MINUS}33,0 %)"),
    "en": dict(
        no_beta="no beta – move unknown, left out of the portfolio's result",
        totals="Portfolio: not available – no beta for IREN, WULF, CORZ, CLSK (40.0% of the portfolio), their move "
               "is unknown. Without them: $60,000.00 → $42,000.00, P&L −$18,000.00 (−30.0%). Set a beta for them "
               "under “Beta (set by you)” to include them.",
        rules="Not judged for IREN, WULF, CORZ, CLSK and the portfolio: their move is unknown (no beta).",
        header="Beta (set by you)", typed="2.0", other="2,5", shock=f"{MINUS}60.0%",
        user_basis="through Beta (set by you) to BTC (2)", rest="no beta for WULF, CORZ, CLSK (30.0%",
        complete=f"Portfolio: $100,000.00 → $67,000.00, P&L {MINUS}$33,000.00 ({MINUS}33.0%)"),
}


def _row(symbol, kind, qty, price, beta_btc=None):
    return AssetRisk(asset=Asset(symbol, kind), quantity=qty, price=price, price_ts=NOW, price_source="test",
                     price_state="ok", price_age_s=0.0, value=qty * price, cost=None, pnl=None, pnl_pct=None,
                     weight=None, change_24h=None, beta_btc=beta_btc)


@pytest.fixture(params=["de", "en"])
def lang(request, qtbot):
    app = QApplication.instance()
    previous = QLocale()
    translator = Translator(app, paths.resource("translations"))
    translator.set_language(request.param)
    yield request.param
    for t in (translator._own, translator._qt):
        app.removeTranslator(t)
    QLocale.setDefault(previous)


@pytest.fixture
def dialog(qtbot, lang):
    # BTC 0.6 @ 100 000 and four miners of 10 000 each, none with a beta
    rows = (_row("BTC", AssetKind.CRYPTO, 0.6, 100_000.0),
            *(_row(s, AssetKind.EQUITY, 1000.0, 10.0) for s in MINERS))
    values = {("BTC", "drop_from_high:30D"): MetricValue(-0.05), (PORTFOLIO, "drawdown"): MetricValue(-0.02)}
    report = RiskReport(NOW, "USD", rows, None, Snapshot(NOW, values, {r.symbol: r.asset for r in rows}))
    d = StressDialog(report, load_default_rules())
    qtbot.addWidget(d)
    d.show()
    qtbot.mouseClick(d.preset_buttons[-0.30], Qt.MouseButton.LeftButton)
    return d


def _cell(d, symbol, col):
    return d.table.item(d.row_of(symbol), col).text()


def test_miners_without_a_beta_are_not_shown_unchanged(dialog, lang):
    d, t = dialog, TEXTS[lang]
    for sym in MINERS:
        assert [_cell(d, sym, c) for c in (COL_SHOCK, COL_AFTER, COL_PNL, COL_WEIGHT)] == ["–"] * 4
        assert _cell(d, sym, COL_BASIS) == t["no_beta"]
        assert d.table.item(d.row_of(sym), COL_BASIS).data(BASIS_ROLE) == "no_beta"
    assert _cell(d, "BTC", COL_WEIGHT) == "–"                  # the new weights depend on the unknown moves
    assert d.totals.text() == t["totals"]
    assert d.rules_list.item(0).text() == t["rules"]
    rules = [d.rules_list.item(i).text() for i in range(d.rules_list.count())]
    assert not any(s in r for r in rules[1:] for s in MINERS)   # no miner judged on a made-up move


def test_a_beta_typed_by_the_user_is_used_and_labelled(dialog, lang):
    d, t = dialog, TEXTS[lang]
    assert d.manual.horizontalHeaderItem(M_USER_BETA).text() == t["header"]
    d.set_user_beta("IREN", t["typed"])                        # typed in the UI language's notation
    assert _cell(d, "IREN", COL_SHOCK) == t["shock"]
    assert _cell(d, "IREN", COL_BASIS) == t["user_basis"]
    assert t["rest"] in d.totals.text()
    # the other language's notation is refused, said so in the cell, and not used
    d.set_user_beta("WULF", t["other"])
    wulf = d.manual.item(1 + MINERS.index("WULF"), M_USER_BETA)
    assert wulf.toolTip() and _cell(d, "WULF", COL_SHOCK) == "–"
    for sym, beta in (("WULF", 1.0), ("CORZ", 0.5), ("CLSK", 1.5)):
        d.set_user_beta(sym, beta)
    # −18 000 (BTC) − 10 000 × 30 % × (2 + 1 + 0.5 + 1.5) = −33 000
    assert d.totals.text() == t["complete"]
    assert _cell(d, "CORZ", COL_WEIGHT) != "–"
