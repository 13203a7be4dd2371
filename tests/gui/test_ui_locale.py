"""One locale per UI language: numbers, dates, times, axes and minus signs follow the language chosen in the app,
not the system locale -- also after switching the language while the window is open."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from riskwatch import app as rwapp
from riskwatch import paths
from riskwatch.adapters.clock import ManualClock
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.domain.model import Asset, AssetKind, Bar, Position
from riskwatch.gui.alert_text import local_datetime_text
from riskwatch.gui.chart_axes import locale_axes
from riskwatch.gui.format import date_text, number_text
from riskwatch.gui.translation import Translator
from riskwatch.services.monitor import Monitor

START = datetime(2025, 1, 1, tzinfo=timezone.utc)
GERMAN = QLocale(QLocale.Language.German, QLocale.Country.Germany)
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
MINUS = "\u2212"


@pytest.fixture
def fixture(tmp_path):
    store = SqliteStore.in_dir(tmp_path)
    clock = ManualClock(START + timedelta(days=99, hours=20))
    _repo, alerts = rwapp.open_alerts(store, clock)
    btc = [100.0 + i for i in range(60)] + [159.0 - 2 * i for i in range(1, 41)]
    iren = [10.0 + 0.1 * i + (0.5 if i % 2 else 0.0) for i in range(100)]
    store.upsert_bars([Bar("BTC", START + timedelta(days=i), c) for i, c in enumerate(btc)])
    store.upsert_bars([Bar("IREN", START + timedelta(days=i), c) for i, c in enumerate(iren)])
    store.add_position(Position(Asset("BTC", AssetKind.CRYPTO), Decimal("1"), Decimal("100")))
    store.add_position(Position(Asset("IREN", AssetKind.EQUITY), Decimal("10"), Decimal("10")))
    result = Monitor(store, alerts, clock, None).evaluate(store.portfolio(), None, offline=True)
    yield store, alerts, clock, result
    store.close()


def _switch(qtbot, window, language: str, overview: str) -> None:
    window.settings_controller.translator.set_language(language)
    qtbot.waitUntil(lambda: window.tabs.tabText(window.tabs.indexOf(window.dashboard)) == overview)


def _plot(qtbot) -> pg.PlotWidget:
    plot = pg.PlotWidget(axisItems=locale_axes())
    qtbot.addWidget(plot)
    plot.resize(900, 300)
    plot.show()
    lo, hi = datetime(2025, 11, 1, tzinfo=timezone.utc).timestamp(), datetime(2026, 2, 1, tzinfo=timezone.utc).timestamp()
    plot.plot([lo, hi], [-80000.0, 120000.0])
    plot.setXRange(lo, hi, padding=0)
    plot.setYRange(-80000.0, 120000.0, padding=0)
    QApplication.processEvents()
    return plot


def _drawn(qtbot, plot, side: str) -> tuple[str, ...]:
    QApplication.processEvents()
    plot.grab()                                    # paints the axes (what a user sees)
    return plot.getPlotItem().getAxis(side).drawn_labels()


@pytest.mark.parametrize("system,ui,hhi_point,banner_date,when,axis_number,month", [
    (GERMAN, "en", ".", "2025-04-10", "2026-12-01 19:18", "100,000", "Dec"),
    (ENGLISH, "de", ",", "10.04.2025", "01.12.2026 19:18", "100.000", "Dez."),
])
def test_the_ui_language_not_the_system_decides_every_format(qtbot, fixture, system, ui, hhi_point, banner_date,
                                                              when, axis_number, month):
    store, alerts, clock, result = fixture
    QLocale.setDefault(system)                       # the system's locale, and the language the window starts in
    start = "de" if system == GERMAN else "en"
    window = rwapp.create_main_window(store, language=start, alerts=alerts, clock=clock)
    qtbot.addWidget(window)
    window.show()
    window.show_result(result)
    plot = _plot(qtbot)
    before = _drawn(qtbot, plot, "left")
    assert ("100.000" if start == "de" else "100,000") in before

    _switch(qtbot, window, ui, "Overview" if ui == "en" else "Übersicht")
    cards = window.dashboard.cards
    pf = result.report.portfolio
    assert f"HHI 0{hhi_point}" in cards["largest"].sub.text()
    assert cards["beta"].value.text() == number_text(pf.miner_beta_btc, 2, trim=False)
    assert hhi_point in cards["beta"].value.text()
    window.show_result(result)                       # the next cycle after the switch
    assert banner_date in window.banner_label.text()
    # alert times (alert window, history, rule preview and liquidity caption share this helper)
    assert local_datetime_text(datetime(2026, 12, 1, 19, 18).astimezone()) == when
    assert date_text(datetime(2026, 12, 1).date()) == when.split(" ")[0]
    # chart axes: the cached labels are redrawn in the new language, month names follow it
    assert axis_number in _drawn(qtbot, plot, "left")
    assert before not in (_drawn(qtbot, plot, "left"),) and {"100.000", "100,000"} - {axis_number} <= set(before)
    bottom = plot.getPlotItem().getAxis("bottom")
    lo, hi = datetime(2025, 10, 20, tzinfo=timezone.utc).timestamp(), datetime(2026, 3, 1, tzinfo=timezone.utc).timestamp()
    months = [s for sp, values in bottom.tickValues(lo, hi, 900) for s in bottom.tickStrings(values, 1.0, sp)]
    assert month in months


def test_beta_and_axis_numbers_use_a_real_minus_sign_in_both_languages(qtbot):
    from riskwatch.gui.views.liquidity_view import LiquidityView

    for locale, beta, axis, depth in ((GERMAN, "\u22120,20", "\u221250.000", ["\u22120,4", "0,4"]),
                                      (ENGLISH, "\u22120.20", "\u221250,000", ["\u22120.4", "0.4"])):
        QLocale.setDefault(locale)
        assert number_text(-0.2, 2, trim=False) == beta
        plot = _plot(qtbot)
        assert axis in _drawn(qtbot, plot, "left")
        assert not any("-" in t for t in _drawn(qtbot, plot, "left"))
        view = LiquidityView()                       # the depth chart's axes: percent and money in the language
        qtbot.addWidget(view)
        assert view.book_plot.getAxis("bottom").tickStrings([-0.4, 0.4], 1.0, 0.1) == depth
        assert view.book_plot.getAxis("left").tickStrings([1250000.0], 1.0, 250000.0) == [
            "1.250.000" if locale == GERMAN else "1,250,000"]


def test_the_translator_alone_switches_the_default_locale_and_open_widgets(qtbot):
    from PySide6.QtWidgets import QLabel

    QLocale.setDefault(GERMAN)
    label = QLabel()
    qtbot.addWidget(label)
    translator = Translator(QApplication.instance(), paths.resource("translations"))
    translator.set_language("en")
    assert QLocale().name() == "en_US" and label.locale().name() == "en_US"
    translator.set_language("de")
    assert QLocale().name() == "de_DE" and label.locale().name() == "de_DE"
    assert local_datetime_text(datetime(2026, 12, 1, 19, 18, 5).astimezone(), seconds=True) == "01.12.2026 19:18:05"


def test_a_second_window_in_english_has_no_german_qt_buttons(qtbot, tmp_path):
    """Qt's own strings (dialog buttons) follow the language too, also when an earlier window was German."""
    from PySide6.QtWidgets import QDialogButtonBox

    from riskwatch import app as rwapp
    from riskwatch.adapters.sqlite_store import SqliteStore

    stores = [SqliteStore.in_dir(tmp_path / name) for name in ("de", "en")]
    try:
        for store, lang in zip(stores, ("de", "en")):
            window = rwapp.create_main_window(store, language=lang)
            qtbot.addWidget(window)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"
    finally:
        for store in stores:
            store.close()
