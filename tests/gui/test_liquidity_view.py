"""The liquidity tab: values with traffic lights, the depth profile of a book, the history of a signal."""

from __future__ import annotations

import asyncio
import threading
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from PySide6.QtCore import QLocale, Qt

from riskwatch.domain.freshness import DataStatus
from riskwatch.adapters.loop_thread import LoopThread
from riskwatch.adapters.rules_io import load_default_rules
from riskwatch.domain.liquidity import OrderBook
from riskwatch.domain.snapshot import PORTFOLIO, MetricValue
from riskwatch.gui.monitor_bridge import MonitorBridge
from riskwatch.gui.theme import theme
from riskwatch.gui.views.liquidity_view import (
    AMBER,
    GREEN,
    RED,
    LiquidityView,
    Threshold,
    depth_profile,
    thresholds_from_rules,
    traffic_light,
)
from tests.gui.alert_fixtures import German

T = datetime(2026, 3, 10, 14, 5, tzinfo=UTC)


def mv(value, status=DataStatus.OK, detail=""):
    return MetricValue(value, status, T, detail)


VALUES = {
    ("BTC", "spread_bps"): mv(12.0),
    ("BTC", "depth_1pct_bid"): mv(1_250_000.0),
    ("BTC", "depth_2pct"): mv(3_000_000.0),
    ("BTC", "slippage_exit"): mv(0.03),
    ("BTC", "book_too_thin"): mv(1.0, detail="lower_bound:filled=1/2"),
    ("BTC", "funding_8h"): mv(0.0001),
    ("BTC", "oi_change_24h"): mv(-0.17),
    ("BTC", "depth_2pct_ratio"): mv(None, DataStatus.MISSING, "insufficient_data"),
    ("USDT", "peg_deviation"): mv(0.025),
    ("USDC", "peg_deviation"): mv(None, DataStatus.ERROR, "timeout"),
    ("MARA", "days_to_liquidate"): mv(2.5),
    ("MARA", "adv_20d_usd"): mv(12_345_678.0),
    (PORTFOLIO, "liquid_share_1d"): mv(0.8),
}


def book(mid=100.0):
    bids = [[mid - 0.05 - i, 1.0] for i in range(5)]          # 99.95, 98.95, 97.95, 96.95, 95.95
    asks = [[mid + 0.05 + i, 2.0] for i in range(5)]
    return OrderBook(bids, asks, symbol="BTC/USD")


def cell(view, scope, metric):
    return view.table.item(view.scopes().index(scope), view.metrics().index(metric))


@pytest.fixture(autouse=True)
def english_locale():
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(before)


def shipped(view: LiquidityView) -> LiquidityView:
    """The view with the shipped rules' thresholds, as main_window hands over the user's rules."""
    view.set_rules(load_default_rules())
    return view


@pytest.fixture
def view(qtbot):
    w = shipped(LiquidityView())
    qtbot.addWidget(w)
    return w


# -- the table -----------------------------------------------------------------------------------------------------
def test_table_shows_every_scope_with_values_and_traffic_lights(view):
    view.set_liquidity(VALUES)
    assert view.scopes() == ["BTC", "USDT", "USDC", "MARA", PORTFOLIO]     # the portfolio last
    assert view.metrics()[0] == "spread_bps" and "liquid_share_1d" in view.metrics()
    assert view.light("BTC", "spread_bps") == GREEN                        # 12 bp < 50 bp
    assert view.light("BTC", "slippage_exit") == AMBER                     # 3 % > 2 % (warning)
    assert view.light("USDT", "peg_deviation") == RED                      # 2.5 % > 2 % (critical)
    assert view.light("MARA", "days_to_liquidate") == GREEN
    assert view.light("BTC", "depth_1pct_bid") is None                     # no rule: no light
    item = cell(view, "BTC", "slippage_exit")
    assert item.background().color().name() == theme().light(AMBER).background
    assert item.foreground().color().name() == theme().light(AMBER).foreground   # text from the same pair
    assert cell(view, "USDT", "peg_deviation").background().color().name() == theme().light(RED).background
    assert cell(view, "BTC", "spread_bps").text() == "12 bp"
    assert cell(view, "BTC", "book_too_thin").text() == "Yes"
    assert cell(view, "BTC", "funding_8h").text() == "0.0100%"
    assert view.table.verticalHeaderItem(4).text() == "Portfolio"
    assert cell(view, "USDT", "spread_bps") is None                        # no value: an empty cell


def test_unavailable_values_are_grey_dashes_with_the_reason_never_zero(view):
    view.set_liquidity(VALUES)
    item = cell(view, "USDC", "peg_deviation")
    assert item.text() == "–"
    assert view.light("USDC", "peg_deviation") is None
    assert "source unreachable (timeout)" in item.toolTip()
    ratio = cell(view, "BTC", "depth_2pct_ratio")
    assert ratio.text() == "–" and "no data (insufficient_data)" in ratio.toolTip()
    invalid = {("ETH", "spread_bps"): mv(None, DataStatus.INVALID, "crossed_book")}
    view.set_liquidity(invalid)
    assert cell(view, "ETH", "spread_bps").text() == "–"
    assert "invalid data" in cell(view, "ETH", "spread_bps").toolTip()


def test_german_texts_and_number_formats(qtbot):
    with German():
        w = shipped(LiquidityView())
        qtbot.addWidget(w)
        w.set_liquidity(VALUES)
        heads = [w.table.horizontalHeaderItem(i).text() for i in range(w.table.columnCount())]
        assert "Spread" in heads and "Tage bis zur Veräußerung" in heads and "Markttiefe ±2 %" in heads
        assert w.table.horizontalHeaderItem(w.metrics().index("spread_bps")).toolTip() == "Geld-Brief-Spanne (Spread)"
        assert cell(w, "BTC", "oi_change_24h").text() == "\u221217,0 %"
        assert cell(w, "USDT", "peg_deviation").text() == "2,50 %"
        assert cell(w, "MARA", "days_to_liquidate").text() == "2,5 Tage"
        assert cell(w, "BTC", "book_too_thin").text() == "Ja"
        assert cell(w, "BTC", "depth_2pct").text() == "3.000.000 $"
        assert "Quelle nicht erreichbar" in cell(w, "USDC", "peg_deviation").toolTip()
        assert "Schwellwerte: Warnung > 0,50 %; Kritisch > 2,00 %" in cell(w, "USDT", "peg_deviation").toolTip()
        assert w.caption.text().startswith("Stand: ")
        assert w.book_button.text() == "Orderbuch laden"


def test_the_traffic_lights_follow_the_current_rules(view):
    view.set_liquidity(VALUES)
    rules = [r for r in load_default_rules() if r.key != "liquidity_exit_slippage_warning"]
    view.set_rules(rules)
    assert view.light("BTC", "slippage_exit") is None
    view.set_rules(load_default_rules())
    assert view.light("BTC", "slippage_exit") == AMBER


def test_without_rules_the_lights_are_neutral(qtbot):
    w = LiquidityView()
    qtbot.addWidget(w)
    w.set_liquidity(VALUES)
    assert w.light("BTC", "slippage_exit") is None and w.light("USDT", "peg_deviation") is None
    assert cell(w, "USDT", "peg_deviation").text() == "2.50%" and "Thresholds" not in cell(
        w, "USDT", "peg_deviation").toolTip()
    assert {t.metric for t in thresholds_from_rules(load_default_rules())} >= {"spread_bps", "peg_deviation"}


def test_traffic_light_rules():
    th = (Threshold("peg_deviation", ">", 0.005, "warning", "USDT"), Threshold("peg_deviation", ">", 0.02, "critical",
                                                                             "USDT"))
    assert traffic_light(th, "USDT", "peg_deviation", 0.001) == GREEN
    assert traffic_light(th, "USDT", "peg_deviation", 0.01) == AMBER
    assert traffic_light(th, "USDT", "peg_deviation", 0.03) == RED
    assert traffic_light(th, "USDC", "peg_deviation", 0.03) is None       # another scope
    assert traffic_light(th, "USDT", "peg_deviation", None) is None
    assert traffic_light((Threshold("volume_ratio", "<", 0.5, "info"),), "MARA", "volume_ratio", 0.3) == AMBER
    assert traffic_light((Threshold("volume_ratio", "<", 0.5, "info"),), PORTFOLIO, "volume_ratio", 0.3) is None


# -- the depth profile -------------------------------------------------------------------------------------------
def test_depth_profile_is_cumulative_money_against_the_distance_from_mid():
    bx, bc, ax, ac, mid = depth_profile(book().bids, book().asks)
    assert mid == pytest.approx(100.0)
    assert bx[0] == pytest.approx(-0.0005) and ax[0] == pytest.approx(0.0005)
    assert list(bx) == pytest.approx([-0.0005, -0.0105])      # 97.95 is 2.05 % below mid: beyond the band
    assert list(bc) == pytest.approx([99.95, 99.95 + 98.95])
    assert list(ax) == pytest.approx([0.0005, 0.0105])
    assert list(ac) == pytest.approx([2 * 100.05, 2 * 100.05 + 2 * 101.05])
    assert np.all(np.diff(bc) > 0) and np.all(bx < 0) and np.all(ax > 0)
    tuples = depth_profile(((99.0, 1.0, 123),), ((101.0, 1.0, 123),))                  # Kraken's extra column
    assert tuples[4] == pytest.approx(100.0) and list(tuples[1]) == [99.0]
    empty = depth_profile([], [[101.0, 1.0]])
    assert len(empty[0]) == 0 and list(empty[3]) == [101.0]


class FakeBookFetcher:
    """Records requests; the test answers them later, as the loop thread would."""

    def __init__(self):
        self.requests = []

    def __call__(self, symbol, on_done, on_error):
        self.requests.append((symbol, on_done, on_error))


def test_selecting_a_crypto_cell_fetches_its_book_on_demand_and_draws_it(qtbot):
    fetch = FakeBookFetcher()
    w = LiquidityView(fetch_book=fetch)
    qtbot.addWidget(w)
    w.set_liquidity(VALUES)
    assert fetch.requests == []                                  # nothing is fetched before it is asked for
    assert w.select("BTC", "spread_bps")
    assert [r[0] for r in fetch.requests] == ["BTC"]
    assert "Loading the order book of BTC" in w.book_status.text()
    w.select("BTC", "depth_2pct")                                # same scope: the book is not fetched again
    assert len(fetch.requests) == 1
    fetch.requests[0][1](book())
    x, y = w.bid_curve.getData()
    assert len(x) == 2 and x[0] == pytest.approx(-0.05) and y[-1] == pytest.approx(99.95 + 98.95)   # in percent
    x, y = w.ask_curve.getData()
    assert x[0] == pytest.approx(0.05)
    assert w.book_status.text() == "Mid price $100.00, spread 10 bp"
    assert w.book_title.text() == "Order book depth: BTC"
    # reload through the button; an answer to an older request is ignored
    w.book_button.click()
    assert len(fetch.requests) == 2
    fetch.requests[0][1](book(50.0))
    assert "Loading" in w.book_status.text()
    fetch.requests[1][2](RuntimeError("kraken offline (timeout)"))
    assert w.book_status.text() == "Order book unavailable"          # never the exception's text
    assert len(w.bid_curve.getData()[0] or []) == 0
    # a scope without a book (a stock) does not fetch
    w.select("MARA", "days_to_liquidate")
    assert len(fetch.requests) == 2


# -- the history ---------------------------------------------------------------------------------------------------
def test_history_is_loaded_off_the_gui_thread_and_drawn_with_its_thresholds(qtbot):
    gui_thread = threading.current_thread()
    calls = []

    def load_history(scope, metric):
        calls.append((scope, metric, threading.current_thread()))
        return [(T - timedelta(hours=2), 0.004), (T - timedelta(hours=1), None), (T, 0.025)]

    class NoMarket:
        market = None

    loop = LoopThread().start()
    try:
        bridge = MonitorBridge(loop, NoMarket())
        w = shipped(LiquidityView(load_history=load_history,
                                  runner=lambda fn, ok, err: bridge.run(asyncio.to_thread(fn), ok, err)))
        qtbot.addWidget(w)
        w.show()
        w.set_liquidity(VALUES)
        assert w.select("USDT", "peg_deviation")
        qtbot.waitUntil(lambda: "stored value" in w.history_status.text(), timeout=5000)
        assert calls and calls[0][:2] == ("USDT", "peg_deviation") and calls[0][2] is not gui_thread
        assert w.history_title.text() == "History: USDT – Peg deviation"
        assert w.history_status.text().startswith("3 stored value") and " · 1 gap" in w.history_status.text()
        x, y = w.history_curve.getData()
        assert list(x) == [(T - timedelta(hours=2)).timestamp(), (T - timedelta(hours=1)).timestamp(),
                           T.timestamp()]
        assert y[0] == pytest.approx(0.4) and np.isnan(y[1]) and y[2] == pytest.approx(2.5)     # in percent
        assert sorted(line.value() for line in w.threshold_lines) == pytest.approx([0.5, 2.0])
    finally:
        loop.stop()


def test_history_errors_and_empty_history_are_reported(qtbot):
    def broken(scope, metric):
        raise OSError("database is locked")

    w = LiquidityView(load_history=broken)
    qtbot.addWidget(w)
    w.set_liquidity(VALUES)
    w.select("BTC", "spread_bps")
    assert w.history_status.text() == "History not available: database is locked"
    w2 = LiquidityView(load_history=lambda s, m: [])
    qtbot.addWidget(w2)
    w2.set_liquidity(VALUES)
    w2.select("BTC", "spread_bps")
    assert w2.history_status.text() == "No stored history yet."


def test_selection_survives_a_new_cycle(view):
    view.set_liquidity(VALUES)
    view.select("MARA", "adv_20d_usd")
    new = dict(VALUES)
    new[("MARA", "adv_20d_usd")] = mv(1_000.0)
    view.set_liquidity(new)
    r, c = view.table.currentRow(), view.table.currentColumn()
    assert (view.scopes()[r], view.metrics()[c]) == ("MARA", "adv_20d_usd")
    assert view.table.item(r, c).data(Qt.ItemDataRole.UserRole) == ("MARA", "adv_20d_usd")
    assert view.table.item(r, c).text() == "$1,000"


def test_empty_state(view):
    view.set_liquidity({})
    assert view.caption.text() == "No liquidity signals yet."
    assert view.table.rowCount() == 0
    assert view.history_status.text() == "Select a signal to see its history."


def test_sources_can_be_attached_after_the_window_is_shown(view):
    view.set_liquidity(VALUES)
    view.select("BTC", "spread_bps")
    assert not view.book_button.isEnabled()
    assert view.history_status.text() == "No stored history yet."
    fetch = FakeBookFetcher()
    view.attach(fetch_book=fetch, load_history=lambda s, m: [(T, 12.0)])
    assert view.book_button.isEnabled()
    assert view.history_status.text().startswith("1 stored value")
    view.book_button.click()
    assert [r[0] for r in fetch.requests] == ["BTC"]
