"""The dashboard, positions columns and charts show what the risk engine computed (fixture portfolio)."""

from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from riskwatch import app as rwapp
from riskwatch.adapters.clock import ManualClock
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.domain.model import Asset, AssetKind, Bar, Position
from riskwatch.gui.models.positions_model import COL_DROP, COL_PRICE, COL_VALUE, SORT_ROLE
from riskwatch.services.monitor import Monitor

START = datetime(2025, 1, 1, tzinfo=timezone.utc)


@pytest.fixture
def fixture(tmp_path):
    store = SqliteStore.in_dir(tmp_path)
    clock = ManualClock(START + timedelta(days=99, hours=20))
    _repo, alerts = rwapp.open_alerts(store, clock)
    btc = [100.0 + i for i in range(60)] + [159.0 - 2 * i for i in range(1, 41)]        # falls to 79
    iren = [10.0 + 0.1 * i for i in range(100)]                                            # rises to 19.9
    store.upsert_bars([Bar("BTC", START + timedelta(days=i), c) for i, c in enumerate(btc)])
    store.upsert_bars([Bar("IREN", START + timedelta(days=i), c) for i, c in enumerate(iren)])
    store.add_position(Position(Asset("BTC", AssetKind.CRYPTO), Decimal("1"), Decimal("100")))
    store.add_position(Position(Asset("IREN", AssetKind.EQUITY), Decimal("10"), Decimal("10")))
    result = Monitor(store, alerts, clock, None).evaluate(store.portfolio(), None, offline=True)
    yield store, alerts, clock, result
    store.close()


def test_dashboard_shows_the_engine_numbers(qtbot, fixture):
    store, alerts, clock, result = fixture
    w = rwapp.create_main_window(store, language="en", alerts=alerts, clock=clock)
    qtbot.addWidget(w)
    w.show_result(result)
    pf = result.report.portfolio
    assert pf.value == pytest.approx(79.0 + 199.0)
    cards = w.dashboard.cards
    assert cards["value"].value.text() == "$278.00"
    assert cards["pnl"].value.text() == "$78.00"          # 278 − (100 + 100)
    assert cards["largest"].value.text() == "IREN"
    assert cards["drop"].value.text() == f"\u2212{abs(pf.drop_from_high) * 100:.1f}%"
    assert cards["var"].value.text() == "\u2212$" + f"{abs(pf.var_95_money):,.2f}"
    texts = [w.dashboard.alerts.item(i).text() for i in range(w.dashboard.alerts.count())]
    assert any("BTC" in t and "Warning" in t for t in texts) or any("BTC" in t and "Critical" in t for t in texts)


def test_positions_columns_sort_and_colour(qtbot, fixture):
    store, alerts, clock, result = fixture
    w = rwapp.create_main_window(store, language="de", alerts=alerts, clock=clock)
    qtbot.addWidget(w)
    w.show_result(result)
    model = w.positions_view.model
    assert model.index(0, COL_PRICE).data() == "79,00 $"
    assert model.index(1, COL_VALUE).data() == "199,00 $"
    drop = result.report.asset("BTC").drop_from_high
    assert model.index(0, COL_DROP).data() == f"\u2212{abs(drop) * 100:.1f} %".replace(".", ",")
    # BTC's drop is beyond the critical −25 % rule: red
    assert model.index(0, COL_DROP).data(Qt.ItemDataRole.BackgroundRole).color().name() == "#f8c9c9"
    # sorting by value puts IREN first when descending
    w.positions_view.table.sortByColumn(COL_VALUE, Qt.SortOrder.DescendingOrder)
    first = w.positions_view.proxy.index(0, 0).data()
    assert first == "IREN"
    assert model.index(0, COL_VALUE).data(SORT_ROLE) == pytest.approx(79.0)


def test_charts_draw_and_export(qtbot, tmp_path, fixture):
    store, alerts, clock, result = fixture
    w = rwapp.create_main_window(store, language="en", alerts=alerts, clock=clock)
    qtbot.addWidget(w)
    w.show()
    w.show_result(result)
    w.tabs.setCurrentWidget(w.charts_tab)
    qtbot.waitUntil(lambda: w.charts.symbol.count() > 0)
    w.charts.select_symbol("BTC")
    w.charts.redraw()
    names = [c[0] for c in w.charts._curves]
    assert names == ["Price", "30-day high", "Drawdown from peak (%)", "Drop from 30-day high (%)"]
    readout = w.charts.show_readout_at((START + timedelta(days=99)).timestamp())
    assert readout.startswith("2025-04-10") and "79.00" in readout
    for key, days in (("1M", 31), ("ALL", None)):
        w.charts.range_buttons[key].click()
        assert w.charts._range_days == days
    out = tmp_path / "chart.png"
    assert w.charts.export_png(str(out)) and out.stat().st_size > 5000
    w.charts.set_mode("beta")
    w.charts.redraw()
    assert [c[0] for c in w.charts._curves] == ["IREN"]


def test_offline_banner(qtbot, fixture):
    store, alerts, clock, result = fixture
    w = rwapp.create_main_window(store, language="en", alerts=alerts, clock=clock)
    qtbot.addWidget(w)
    w.show()
    w.show_result(result)
    assert w.banner.isVisible() and "Offline – prices as of 2025-04-10" in w.banner_label.text()


def test_painting_the_positions_table_runs_no_python(qtbot, fixture):
    """The cells live in Qt's item model: a repaint needs no Python call (and so never waits for the
    interpreter lock while a background thread computes). A Python ``data()`` here made a refresh of 50
    positions block the event loop for 100+ ms."""
    import sys

    store, alerts, clock, result = fixture
    for i in range(30):
        store.add_position(Position(Asset("BTC", AssetKind.CRYPTO), Decimal(1 + i), Decimal("90"), f"Konto {i}"))
    w = rwapp.create_main_window(store, language="de", alerts=alerts, clock=clock)
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.tabs.setCurrentWidget(w.positions_view)
    w.show()
    qtbot.waitExposed(w)
    w.positions_view.model.reload()
    w.show_result(Monitor(store, alerts, clock, None).evaluate(store.portfolio(), None, offline=True))
    table = w.positions_view.table
    table.sortByColumn(COL_VALUE, Qt.SortOrder.DescendingOrder)
    calls = []

    def profile(frame, event, _arg):
        if event == "call" and "riskwatch" in frame.f_code.co_filename:
            calls.append(f"{frame.f_code.co_filename}:{frame.f_code.co_name}")

    sys.setprofile(profile)
    try:
        table.viewport().repaint()
        table.horizontalHeader().viewport().repaint()
    finally:
        sys.setprofile(None)
    assert calls == []
    # and the painted cells carry the figures: 32 rows, sorted by value, colours on the drop column
    model = table.model()
    assert model.rowCount() == 32
    values = [model.index(r, COL_VALUE).data(SORT_ROLE) for r in range(model.rowCount())]
    assert values == sorted(values, reverse=True)
    assert model.index(0, COL_DROP).data(Qt.ItemDataRole.BackgroundRole) is not None
