"""The alert history tab on a real store: newest first, filters, CSV export of the filtered rows."""

from __future__ import annotations

import csv
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QDate

from riskwatch.domain.alerts import EventKind, Severity
from riskwatch.domain.errors import InputError
from riskwatch.gui.alert_bridge import AlertBridge
from riskwatch.gui.views.alert_history_view import (COL_ASSET, COL_KIND, COL_METRIC, COL_SEVERITY, COL_TIME,
                                                    COL_VALUE, CSV_HEADER, AlertHistoryView, events_to_csv)
from tests.gui.alert_fixtures import T0, German, local_text, make_stack, snap
from tests.gui.message_boxes import record_message_boxes

H = timedelta(hours=1)


@pytest.fixture(autouse=True)
def _no_modal_boxes(monkeypatch):
    return record_message_boxes(monkeypatch, answer_questions=False)


@pytest.fixture
def stack(data_dir):
    """A history: BTC warning fired, escalated to critical, acknowledged; a QQQ info; BTC resolved two days on."""
    s = make_stack(data_dir)
    s.service.process(snap(btc=-0.18))                          # T0: fired warning
    s.clock.t = T0 + H
    s.service.process(snap(btc=-0.26))                          # escalated critical
    s.clock.t = T0 + 2 * H
    s.service.acknowledge("btc_drop_30d|BTC")                   # acknowledged
    s.clock.t = T0 + 3 * H
    s.service.process(snap(btc=-0.26, qqq=-0.08))               # QQQ info fired
    s.clock.t = T0 + timedelta(days=2)
    s.service.process(snap(btc=-0.05, qqq=-0.08))               # BTC resolved
    yield s
    s.store.close()


def make_view(qtbot, stack, **kw):
    view = AlertHistoryView(stack.service, **kw)
    qtbot.addWidget(view)
    return view


def column(view, col) -> list[str]:
    return [view.table.item(r, col).text() for r in range(view.table.rowCount())]


def test_every_event_newest_first(qtbot, stack):
    view = make_view(qtbot, stack)
    assert column(view, COL_KIND) == ["Resolved", "Fired", "Acknowledged", "Escalated", "Fired"]
    assert column(view, COL_ASSET) == ["BTC", "QQQ", "BTC", "BTC", "BTC"]
    assert column(view, COL_SEVERITY) == ["Critical", "Info", "Critical", "Critical", "Warning"]
    assert column(view, COL_VALUE)[-1] == "\u221218.0%"
    assert [e.ts for e in view.events()] == sorted((e.ts for e in view.events()), reverse=True)
    assert view.count_label.text().startswith("5 ")


def test_severity_kind_and_asset_filters(qtbot, stack):
    view = make_view(qtbot, stack)
    view.severity_filter.setCurrentIndex(view.severity_filter.findData(Severity.CRITICAL.value))
    view.refresh()
    assert column(view, COL_KIND) == ["Resolved", "Acknowledged", "Escalated"]
    view.kind_filter.setCurrentIndex(view.kind_filter.findData(EventKind.ACKNOWLEDGED.value))
    view.refresh()
    assert column(view, COL_KIND) == ["Acknowledged"]
    view.reset_filters()
    view.asset_filter.setText("qq")                     # part of the symbol, any case
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=2000)   # typing refreshes by itself
    assert column(view, COL_ASSET) == ["QQQ"]
    view.asset_filter.setText("xyz")
    view.refresh()
    assert view.table.rowCount() == 0 and not view.export_button.isEnabled()


def test_date_filter_uses_local_calendar_days(qtbot, stack):
    view = make_view(qtbot, stack)
    resolved_day = (T0 + timedelta(days=2)).astimezone().date()
    first_day = T0.astimezone().date()
    view.set_date_range(QDate(resolved_day.year, resolved_day.month, resolved_day.day), None)
    view.refresh()
    assert column(view, COL_KIND) == ["Resolved"]
    view.set_date_range(None, QDate(first_day.year, first_day.month, first_day.day))
    view.refresh()
    assert column(view, COL_KIND) == ["Fired", "Acknowledged", "Escalated", "Fired"]
    filters = view.filters()
    assert "since" not in filters and filters["until"].tzinfo is not None


def test_csv_export_writes_the_filtered_rows(qtbot, stack, tmp_path):
    view = make_view(qtbot, stack)
    view.asset_filter.setText("btc")
    view.refresh()
    out = tmp_path / "history.csv"
    with qtbot.waitSignal(view.status_message):
        assert view.export_csv(out)
    rows = list(csv.reader(out.open(encoding="utf-8", newline="")))
    assert tuple(rows[0]) == CSV_HEADER == ("timestamp", "kind", "severity", "asset", "metric", "value",
                                            "threshold", "rule")
    assert [r[1] for r in rows[1:]] == ["resolved", "acknowledged", "escalated", "fired"]
    fired = rows[-1]
    assert datetime.fromisoformat(fired[0]) == T0
    assert fired[1:] == ["fired", "warning", "BTC", "drop_from_high:30D", "-0.18", "-0.17",
                         "BTC 17 % below its 30-day high"]
    escalated = rows[3]
    assert escalated[2] == "critical" and escalated[5:] == ["-0.26", "-0.25", "BTC 25 % below its 30-day high"]
    resolved = rows[1]
    assert datetime.fromisoformat(resolved[0]) == T0 + timedelta(days=2)


def test_export_goes_through_the_injected_writer_and_reports_failures(qtbot, stack, tmp_path, _no_modal_boxes):
    written = []
    view = make_view(qtbot, stack, write_text=lambda path, text: written.append((path, text)))
    assert view.export_csv(tmp_path / "x.csv")
    [(path, text)] = written
    assert path == tmp_path / "x.csv" and text == events_to_csv(view.events())
    assert text.count("\n") == 6

    def refuse(path, text):
        raise InputError.single("cannot write the file (Permission denied)", source=str(path))

    failing = make_view(qtbot, stack, write_text=refuse)
    assert not failing.export_csv(tmp_path / "y.csv")
    assert _no_modal_boxes and _no_modal_boxes[0][0] == "critical"


def test_new_events_from_the_bridge_appear(qtbot, stack):
    view = make_view(qtbot, stack)
    bridge = AlertBridge(view)
    bridge.alerts_raised.connect(view.show_events)
    stack.service.add_listener(bridge.listener)
    stack.clock.t = T0 + timedelta(days=3)
    stack.service.process(snap(btc=-0.30, qqq=-0.08))           # cooldown over: fires critical
    qtbot.waitUntil(lambda: view.table.rowCount() == 6, timeout=2000)
    assert column(view, COL_KIND)[0] == "Fired" and column(view, COL_SEVERITY)[0] == "Critical"


def test_german_history(qtbot, stack):
    with German():
        view = make_view(qtbot, stack)
        assert column(view, COL_KIND) == ["Beendet", "Ausgelöst", "Quittiert", "Verschärft", "Ausgelöst"]
        assert column(view, COL_SEVERITY)[:3] == ["Kritisch", "Hinweis", "Kritisch"]
        assert column(view, COL_METRIC)[0] == "Rückgang vom 30-Tage-Hoch"
        assert column(view, COL_ASSET)[0] == "BTC"
        assert column(view, COL_TIME)[-1] == local_text(T0, seconds=True)
        assert view.export_button.text() == "CSV exportieren…"
        assert view.severity_filter.itemText(0) == "Alle"
        assert view.count_label.text() == "5 Ereignisse"
