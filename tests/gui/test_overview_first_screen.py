"""Issue 13: nothing is lost by one click, and the figures that matter are on the first screen."""

import re
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QHeaderView, QMessageBox

from riskwatch import app as rwapp
from riskwatch.adapters.clock import ManualClock
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.domain.alerts import AlertRecord, Severity
from riskwatch.domain.model import Asset, AssetKind, Bar, Position
from riskwatch.gui.views.dashboard_view import DashboardView
from riskwatch.services.monitor import Monitor
from tests.gui.message_boxes import record_message_boxes

START = datetime(2025, 1, 1, tzinfo=timezone.utc)


@pytest.fixture
def store(data_dir):
    s = SqliteStore.in_dir(data_dir)
    yield s
    s.close()


def _window(qtbot, store, **kw):
    w = rwapp.create_main_window(store, language="de", **kw)
    qtbot.addWidget(w)
    return w


def _positions(store):
    return [(p.symbol, p.quantity, p.cost_basis, p.account, p.note, p.is_example) for p in store.list_positions()]


def _seed(store):
    store.add_position(Position(Asset("BTC", AssetKind.CRYPTO), Decimal("0.5"), Decimal("62000"), "Kraken", "cold"))
    store.add_position(Position(Asset("IREN", AssetKind.EQUITY), Decimal("400"), Decimal("14.5"), "Depot", "",
                                None, True))


def test_the_delete_button_asks_and_no_keeps_the_positions(qtbot, store, monkeypatch):
    record_message_boxes(monkeypatch, answer_questions=False)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.No))
    _seed(store)
    w = _window(qtbot, store)
    pv = w.positions_view
    pv.model.reload()
    pv.table.selectAll()
    pv.delete_button.click()
    assert len(asked) == 1 and "BTC" in asked[0][2] and "IREN" in asked[0][2]
    assert len(store.list_positions()) == 2


def test_undo_restores_the_deleted_positions_exactly(qtbot, store, monkeypatch):
    record_message_boxes(monkeypatch)  # answers Yes
    _seed(store)
    before = _positions(store)
    w = _window(qtbot, store)
    pv = w.positions_view
    pv.model.reload()
    assert not pv.undo_action.isEnabled()
    assert pv.undo_action in w.menu_positions.actions()
    assert pv.undo_action.shortcut().toString() == "Ctrl+Z"
    pv.table.selectAll()
    pv.delete_button.click()
    assert store.list_positions() == []
    pv.undo_action.trigger()
    assert sorted(_positions(store)) == sorted(before)
    assert pv.model.rowCount() == 2
    assert not pv.undo_action.isEnabled()  # one undo per delete


def test_opens_on_the_overview_and_fits_a_small_screen(qtbot, store):
    w = _window(qtbot, store)
    assert w.tabs.currentWidget() is w.dashboard  # with the regime strip on top; the market tab comes next
    assert w.width() <= 1280 - 20 and w.height() <= 720 - 60
    assert w.minimumWidth() <= 1024 and w.minimumHeight() <= 600


def test_the_last_used_tab_is_restored(qtbot, store):
    w = _window(qtbot, store)
    w.tabs.setCurrentWidget(w.positions_view)
    w.close()
    again = _window(qtbot, store)
    assert again.tabs.currentWidget() is again.positions_view


@pytest.fixture
def result(store):
    clock = ManualClock(START + timedelta(days=99, hours=20))
    _repo, alerts = rwapp.open_alerts(store, clock)
    btc = [100.0 + i for i in range(60)] + [159.0 - 2 * i for i in range(1, 41)]
    iren = [10.0 + 0.1 * i for i in range(100)]
    store.upsert_bars([Bar("BTC", START + timedelta(days=i), c) for i, c in enumerate(btc)])
    store.upsert_bars([Bar("IREN", START + timedelta(days=i), c) for i, c in enumerate(iren)])
    store.add_position(Position(Asset("BTC", AssetKind.CRYPTO), Decimal("1"), Decimal("100")))
    store.add_position(Position(Asset("IREN", AssetKind.EQUITY), Decimal("10"), Decimal("10")))
    return alerts, clock, Monitor(store, alerts, clock, None).evaluate(store.portfolio(), None, offline=True)


def test_the_overview_has_the_per_asset_figures_and_alert_lights(qtbot, store, result):
    alerts, clock, res = result
    w = _window(qtbot, store, alerts=alerts, clock=clock)
    w.resize(1280, 720)
    w.show()
    w.show_result(res)
    table = w.dashboard.assets
    rows = {table.item(r, 0).text(): [table.item(r, c).text() for c in range(6)] for r in range(table.rowCount())}
    assert set(rows) == {"BTC", "IREN"}
    btc = res.report.asset("BTC")
    assert rows["BTC"][1] == "79,00 $"
    assert rows["BTC"][4] == f"\u2212{abs(btc.drop_from_high) * 100:.1f} %".replace(".", ",")
    assert table.light("BTC") in ("warning", "critical")  # BTC fell 50 % from its high: an alert fires
    assert table.light("IREN") is None
    header = table.horizontalHeader()
    for col in range(table.columnCount()):  # no clipped header, a tooltip with the full name
        if table.isColumnHidden(col):  # an optional catalogue figure the user has not chosen
            continue
        text = table.horizontalHeaderItem(col).text()
        assert header.sectionSize(col) >= header.fontMetrics().horizontalAdvance(text)
        assert table.horizontalHeaderItem(col).toolTip()
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.ResizeToContents
    assert table.horizontalScrollBar().maximum() == 0  # readable without scrolling at 1280×720


def test_positions_headers_carry_their_full_name(qtbot, store):
    w = _window(qtbot, store)
    model = w.positions_view.model
    for col in range(model.columnCount()):
        assert model.horizontalHeaderItem(col).toolTip()


def _record(**kw):
    t = START
    base = dict(alert_key="drop|IREN", group="drop", member="IREN", rule_key="drop", rule_name="Miner drop",
                metric="drop_from_high:30D", code="drop_from_high", severity=Severity.WARNING, threshold=-0.3,
                active=True, fired_at=t, changed_at=t, fired_value=-0.393, last_value=-0.374)
    base.update(kw)
    return AlertRecord(**base)


def test_the_overview_alert_list_marks_the_state_and_both_values(qtbot):
    clock = ManualClock(START + timedelta(hours=1))
    d = DashboardView(clock=clock)
    qtbot.addWidget(d)
    until = START + timedelta(days=1)
    d.set_active_alerts([_record(), _record(alert_key="a|BTC", member="BTC", acknowledged=True,
                                            acknowledged_at=START),
                         _record(alert_key="b|WULF", member="WULF", snoozed_until=until)])
    texts = [d.alerts.item(i).text() for i in range(d.alerts.count())]
    iren, btc, wulf = texts
    cur, fired = re.search(r"37[.,]4", iren), re.search(r"39[.,]3", iren)
    assert cur and fired and cur.start() < fired.start()  # the current value (as the alert window), then at firing
    assert "acknowledged" in btc
    assert "snoozed until" in wulf and "snoozed" not in iren
