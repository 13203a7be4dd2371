"""The dashboard's miner-beta card says how many held miners the figure is made of, and "not available" when
none has a current beta (issue 15), in German and English. The report is computed for real from closes."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from riskwatch import paths
from riskwatch.domain.model import Asset, AssetKind, Portfolio, Position
from riskwatch.domain.risk_report import compute_risk_report
from riskwatch.gui.translation import Translator
from riskwatch.gui.views.dashboard_view import DashboardView

DAYS = pd.date_range("2025-06-01", periods=150, freq="D", tz="UTC")
TEXTS = {"de": ("aus 2 von 4 Minern; kein aktuelles Beta: CORZ, BITF", "nicht verfügbar (0 von 2 Minern)"),
         "en": ("from 2 of 4 miners; no current beta: CORZ, BITF", "not available (0 of 2 miners)")}


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


def _report(held: dict[str, pd.Series]):
    rng = np.random.default_rng(5)
    btc = pd.Series(90_000 * np.cumprod(1 + rng.normal(0, 0.02, len(DAYS))), index=DAYS)
    r = btc.pct_change().fillna(0.0).to_numpy()
    follow = {b: pd.Series(10 * np.cumprod(1 + b * r), index=DAYS) for b in (1.0, 2.0)}
    closes = {"BTC": btc}
    for sym, spec in held.items():
        closes[sym] = follow[spec[0]].iloc[spec[1]]
    pf = Portfolio((Position(Asset("BTC", AssetKind.CRYPTO), Decimal("1")),
                    *(Position(Asset(s, AssetKind.EQUITY), Decimal("100")) for s in held)))
    return compute_risk_report(pf, closes, {}, (DAYS[-1] + timedelta(hours=12)).to_pydatetime())


def _view(qtbot, report) -> DashboardView:
    v = DashboardView()
    qtbot.addWidget(v)
    v.show(report, (), None)
    return v


def test_the_miner_beta_card_counts_the_contributing_miners(qtbot, lang):
    # IREN and WULF current; CORZ has five closes (too short); BITF's closes end 100 days ago (stale)
    rep = _report({"IREN": (2.0, slice(None)), "WULF": (1.0, slice(None)), "CORZ": (1.0, slice(-5, None)),
                   "BITF": (2.0, slice(0, 50))})
    view = _view(qtbot, rep)
    card = view.cards["beta"]
    w = {s: rep.asset(s).weight for s in ("IREN", "WULF")}
    beta = (2.0 * w["IREN"] + 1.0 * w["WULF"]) / (w["IREN"] + w["WULF"])
    assert rep.portfolio.miner_beta_btc == pytest.approx(beta)
    shown = f"{beta:.2f}"
    assert card.value.text() == (shown.replace(".", ",") if lang == "de" else shown)
    assert card.sub.text() == TEXTS[lang][0]


def test_without_a_current_miner_beta_the_card_says_not_available(qtbot, lang):
    rep = _report({"CORZ": (1.0, slice(-5, None)), "BITF": (2.0, slice(0, 50))})
    view = _view(qtbot, rep)
    card = view.cards["beta"]
    assert rep.portfolio.miner_beta_btc is None
    assert card.value.text() == "–" and card.sub.text() == TEXTS[lang][1]
