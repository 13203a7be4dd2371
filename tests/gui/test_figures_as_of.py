"""Issue 15, the screen tells the truth about time: the banner and the status bar name the oldest date the
figures rest on and the stale holdings; stale and sample-data figures are marked; the alert window and the
history show when an alert was raised and how old its data is (real SQLite, the bundled history, Qt offscreen)."""

from __future__ import annotations

import argparse
import asyncio
import threading
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtWidgets import QApplication

from riskwatch import app as rwapp
from riskwatch import launcher
from riskwatch.adapters.clock import ManualClock
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.domain.freshness import DataStatus
from riskwatch.domain.model import Asset, AssetKind
from riskwatch.domain.snapshot import MetricValue, Snapshot
from riskwatch.gui.alert_text import local_datetime_text
from riskwatch.gui.ops import OpRunner
from riskwatch.gui.views.alert_history_view import COL_DATA as HISTORY_DATA
from riskwatch.gui.views.alert_history_view import COL_KIND, COL_TIME, AlertHistoryView
from riskwatch.gui.views.alert_window import COL_DATA, COL_STATE, COL_VALUE, AlertWindow
from riskwatch.gui.views.asset_table import COL_DROP, COL_PRICE
from tests.gui.alert_fixtures import DROP, T0, German, make_stack
from tests.gui.message_boxes import record_message_boxes

LANGUAGES = {
    "de": dict(offline="Offline – Kurse vom 04.04.2025 (ältester Stand)",
               sample="Beispieldaten vom 04.04.2025 bis 03.08.2026",
               stale="Veraltet: BITF seit 04.04.2025; BTC seit 29.11.2025; IREN, WULF, CORZ, CLSK seit 03.08.2026",
               btc_tip="Stand 29.11.2025", card="Beispieldaten vom 04.04.2025",
               status="Ältester Kurs: 04.04.2025 (Beispieldaten) · veraltet: BITF seit 04.04.2025; "
                      "BTC seit 29.11.2025; 4 weitere"),
    "en": dict(offline="Offline – prices as of 2025-04-04 (the oldest)",
               sample="Sample data from 2025-04-04 to 2026-08-03",
               stale="Stale: BITF since 2025-04-04; BTC since 2025-11-29; IREN, WULF, CORZ, CLSK since 2026-08-03",
               btc_tip="As of 2025-11-29", card="sample data from 2025-04-04",
               status="Oldest price: 2025-04-04 (sample data) · stale: BITF since 2025-04-04; "
                      "BTC since 2025-11-29; 4 more"),
}


@pytest.fixture(autouse=True)
def _no_modal_boxes(monkeypatch):
    record_message_boxes(monkeypatch, answer_questions=False)
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: None))


@pytest.fixture
def bundle_start(data_dir):
    """A fresh data directory with the example portfolio, one offline cycle on the bundled history in 2026-12."""
    store = SqliteStore.in_dir(data_dir)
    for p in rwapp.example_positions():
        store.add_position(p)
    clock = ManualClock(datetime(2026, 12, 1, 18, 18, tzinfo=UTC))
    repo, alerts = rwapp.open_alerts(store, clock)
    monitor = rwapp.build_monitor(store, clock, offline=True, alerts=alerts)
    result = asyncio.run(monitor.run_cycle(offline=True))
    yield store, repo, alerts, clock, result
    store.close()


@pytest.mark.parametrize("language", ["de", "en"])
def test_a_fresh_offline_start_on_the_bundle_names_the_oldest_date_and_sample_data(qtbot, bundle_start, language):
    store, repo, alerts, clock, result = bundle_start
    texts = LANGUAGES[language]
    w = rwapp.create_main_window(store, language=language, alerts=alerts, clock=clock, alert_repo=repo)
    qtbot.addWidget(w)
    w.show()
    w.show_result(result)
    banner = w.banner_label.text()
    assert w.banner.isVisible()
    assert banner.startswith(texts["offline"]), banner          # the oldest holding (BITF), not the newest
    assert texts["sample"] in banner and texts["stale"] in banner
    assert w.status_panel.newest.text() == texts["status"]
    assert texts["stale"].split(": ", 1)[1] in w.status_panel.newest.toolTip()
    # BTC's row: its figures are stale sample data and say so; they are not shown as current
    table = w.dashboard.assets
    drop_tip = table.figure_state("BTC", COL_DROP)
    assert drop_tip is not None and texts["btc_tip"] in table.figure_state("BTC", COL_PRICE)
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "BTC")
    cell = table.item(row, COL_DROP)
    assert cell.font().italic() and cell.toolTip() == drop_tip
    # every card computed from the bundle says "sample data from" the oldest date, greyed
    for key in ("value", "drawdown", "drop", "var"):
        assert w.dashboard.card_note(key) == texts["card"], key
    # and no alarm is raised on year-old data
    assert result.events == () and result.active == ()
    assert not w.alert_window.isVisible() and w.alert_window.table.rowCount() == 0


def test_a_current_offline_portfolio_keeps_its_plain_figures(qtbot, data_dir):
    """Offline with today's stored bars: the banner says offline and the date, no figure is marked."""
    from decimal import Decimal

    from riskwatch.domain.model import Bar, Position
    from riskwatch.services.monitor import Monitor

    store = SqliteStore.in_dir(data_dir)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    clock = ManualClock(start + timedelta(days=99, hours=20))
    store.upsert_bars([Bar("BTC", start + timedelta(days=i), 100.0 + i) for i in range(100)])
    store.add_position(Position(Asset("BTC", AssetKind.CRYPTO), Decimal("1"), Decimal("100")))
    _repo, alerts = rwapp.open_alerts(store, clock)
    result = Monitor(store, alerts, clock, None).evaluate(store.portfolio(), None, offline=True)
    w = rwapp.create_main_window(store, language="en", alerts=alerts, clock=clock)
    qtbot.addWidget(w)
    w.show()
    w.show_result(result)
    assert w.banner_label.text() == "Offline – prices as of 2025-04-10 (the oldest)"
    assert w.dashboard.card_note("value") == "" and w.dashboard.assets.figure_state("BTC", COL_DROP) is None
    assert w.status_panel.newest.text().startswith("Oldest price: ") and "stale" not in w.status_panel.newest.text()
    store.close()


def _args(url):
    return argparse.Namespace(data_dir=None, exchange=None, exchange_api_url=url, demo=False, replay_from=None)


@pytest.mark.parametrize("language,banner,status", [
    ("de", "Veraltet: BITF seit 04.04.2025; IREN, WULF, CORZ, CLSK seit 03.08.2026",
     "veraltet: BITF seit 04.04.2025; IREN, WULF, CORZ, CLSK seit 03.08.2026"),
    ("en", "Stale: BITF since 2025-04-04; IREN, WULF, CORZ, CLSK since 2026-08-03",
     "stale: BITF since 2025-04-04; IREN, WULF, CORZ, CLSK since 2026-08-03"),
])
def test_stocks_stale_with_crypto_live_are_listed_in_the_banner_and_the_status_bar(
        qtbot, tmp_path, fake_kraken, monkeypatch, language, banner, status):
    """Live BTC from the loopback exchange, no stock quotes (the stock feed has nothing newer than the bundle's
    last session of 2026-08-03; the test needs a clock after 2026-08): online, yet a banner names the stale
    stocks."""
    monkeypatch.setenv("RISKWATCH_EQUITY_SOURCE", "csv")
    store = SqliteStore.in_dir(tmp_path)
    desktop = launcher.launch(_args(fake_kraken.url), store, language=language)
    w = desktop.window
    qtbot.addWidget(w)
    try:
        qtbot.waitUntil(lambda: w.last_result is not None and w.last_result.market is not None, timeout=30000)
        r = w.last_result
        assert r.report.snapshot.online and r.report.asset("BTC").status is DataStatus.OK
        assert not w.banner.isVisible() and w.banner.stale_note.isVisible()   # amber, not the red offline one
        text = w.banner.stale_label.text()
        assert not text.startswith("Offline") and text.endswith(banner), text
        assert "BTC" not in text.split(" · ")[-1]
        assert status in w.status_panel.newest.text()
    finally:
        desktop.stop()
        store.close()


# -- alerts ----------------------------------------------------------------------------------------------
ASSETS = {"BTC": Asset("BTC", AssetKind.CRYPTO)}


def _snap(value: float, status: DataStatus, as_of: datetime, ts: datetime) -> Snapshot:
    return Snapshot(ts, {("BTC", DROP): MetricValue(value, status, as_of)}, ASSETS)


class _ThreadRecording:
    """The alert service, recording the threads its state is read on."""

    def __init__(self, service):
        self._service = service
        self.threads: set[int] = set()

    def active_alerts(self):
        self.threads.add(threading.get_ident())
        return self._service.active_alerts()

    def alerts_needing_attention(self):
        self.threads.add(threading.get_ident())
        return self._service.alerts_needing_attention()


@pytest.fixture
def stale_alert(data_dir):
    """BTC fired at T0 on data as of 12:00; an hour later its data is still that old: stale."""
    s = make_stack(data_dir)
    data_at = T0 - timedelta(hours=1, minutes=5)
    s.service.process(_snap(-0.18, DataStatus.OK, data_at, T0))
    s.clock.t = T0 + timedelta(hours=3)
    s.service.process(_snap(-0.18, DataStatus.STALE, data_at, s.clock.t))
    yield s, data_at
    s.store.close()


@pytest.mark.parametrize("language,state", [("de", "Offen · Daten veraltet seit %1"),
                                             ("en", "Open · data stale since %1")])
def test_an_alert_whose_data_went_stale_says_so_and_the_window_reads_in_a_worker(qtbot, stale_alert, language,
                                                                                  state):
    s, data_at = stale_alert
    record = s.repo.load_state().get("btc_drop_30d|BTC")
    assert record.active and record.stale_since == data_at           # the domain marked it
    ops = OpRunner()
    german = German() if language == "de" else None
    if german:
        german.__enter__()
    try:
        service = _ThreadRecording(s.service)
        window = AlertWindow(service, notify_tray=False, play_sound=False)
        qtbot.addWidget(window)
        window.set_ops(ops)
        shown = []
        window.refresh(lambda: shown.append(window.table.rowCount()))
        qtbot.waitUntil(lambda: shown == [1], timeout=5000)
        assert service.threads and threading.get_ident() not in service.threads  # not read on the GUI thread
        when = local_datetime_text(data_at)
        assert window.table.item(0, COL_STATE).text() == state.replace("%1", when)
        assert window.table.item(0, COL_DATA).text() == when
        assert window.table.item(0, COL_VALUE).toolTip()              # explains why it neither escalates nor ends
    finally:
        if german:
            german.__exit__()
        ops.close()


def test_a_batch_of_events_pops_the_window_up_after_the_read_in_a_worker(qtbot, data_dir):
    s = make_stack(data_dir)
    ops = OpRunner()
    try:
        window = AlertWindow(s.service, notify_tray=False, play_sound=False)
        qtbot.addWidget(window)
        window.set_ops(ops)
        events = s.service.process(_snap(-0.30, DataStatus.OK, T0, T0))
        with qtbot.waitSignal(window.alerts_shown, timeout=5000):
            window.show_events(events)
        assert window.isVisible() and window.selected_keys() == ["btc_drop_30d|BTC"]
    finally:
        ops.close()
        s.store.close()


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_history_shows_when_an_event_was_raised_and_how_old_its_data_was(qtbot, stale_alert, language):
    s, data_at = stale_alert
    german = German() if language == "de" else None
    if german:
        german.__enter__()
    try:
        view = AlertHistoryView(s.service)
        qtbot.addWidget(view)
        [fired] = [r for r in range(view.table.rowCount()) if view.events()[r].kind.value == "fired"]
        assert view.table.item(fired, COL_TIME).text() == local_datetime_text(T0, seconds=True)
        assert view.table.item(fired, HISTORY_DATA).text() == local_datetime_text(data_at)
        assert view.table.item(fired, COL_KIND).text() == ("Ausgelöst" if language == "de" else "Fired")
        header = view.table.horizontalHeaderItem(HISTORY_DATA).text()
        assert header == ("Datenstand" if language == "de" else "Data as of")
    finally:
        if german:
            german.__exit__()


@pytest.mark.parametrize("language,note", [("de", "gemischte Stände, ältester %1"), ("en", "mixed dates, oldest %1")])
def test_a_portfolio_figure_of_holdings_on_different_dates_says_mixed_dates(qtbot, data_dir, language, note):
    """BTC current in the store, IREN's closes end 20 days ago (no sample history): the portfolio's figures are
    marked with the oldest date, BTC's row is plain and IREN's is marked."""
    from decimal import Decimal

    from riskwatch.domain.model import Bar, Position
    from riskwatch.gui.format import date_text
    from riskwatch.services.monitor import Monitor

    store = SqliteStore.in_dir(data_dir)
    start = datetime(2025, 1, 6, tzinfo=UTC)
    clock = ManualClock(start + timedelta(days=119, hours=12))
    store.upsert_bars([Bar("BTC", start + timedelta(days=i), 100.0 + i) for i in range(120)])
    store.upsert_bars([Bar("IREN", start + timedelta(days=i), 10.0 + 0.1 * i) for i in range(100)])
    store.add_position(Position(Asset("BTC", AssetKind.CRYPTO), Decimal("1"), Decimal("100")))
    store.add_position(Position(Asset("IREN", AssetKind.EQUITY), Decimal("10"), Decimal("10")))
    _repo, alerts = rwapp.open_alerts(store, clock)
    result = Monitor(store, alerts, clock, None).evaluate(store.portfolio(), None, offline=True)
    drawdown = result.report.snapshot.get("portfolio", "drawdown")
    assert drawdown.detail == "mixed_dates"
    german = German() if language == "de" else None
    if german:
        german.__enter__()
    try:
        w = rwapp.create_main_window(store, language=language, alerts=alerts, clock=clock)
        qtbot.addWidget(w)
        w.show()
        w.show_result(result)
        iren_day = date_text(result.report.asset("IREN").as_of)
        assert w.dashboard.card_note("drawdown") == note.replace("%1", iren_day)
        assert w.dashboard.cards["drawdown"].toolTip()
        assert w.dashboard.assets.figure_state("BTC", COL_DROP) is None
        assert iren_day in w.dashboard.assets.figure_state("IREN", COL_DROP)
        assert w.banner.isVisible() and iren_day in w.banner_label.text()
    finally:
        if german:
            german.__exit__()
        store.close()
