"""The positions tab shows its key figures at 1280×720 in German without scrolling; the columns that start
hidden come back from the header's menu, and the choice is kept in the data directory."""

from riskwatch import app as rwapp
from riskwatch.adapters.clock import SystemClock
from riskwatch.gui.models.positions_model import COL_DRAWDOWN, COL_DROP, COL_NOTE
from riskwatch.services.positions import seed_example_portfolio


def _window(qtbot, directory):
    store = rwapp.open_store(data_dir=directory)
    seed_example_portfolio(store, rwapp.example_positions())
    clock = SystemClock()
    repo, alerts = rwapp.open_alerts(store, clock)
    result = rwapp.build_monitor(store, clock, offline=True, alerts=alerts).evaluate(store.portfolio(), None,
                                                                                       offline=True)
    window = rwapp.create_main_window(store, language="de", alerts=alerts, clock=clock, alert_repo=repo)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window.show_result(result)
    window.tabs.setCurrentWidget(window.positions_view)
    qtbot.waitExposed(window)
    return store, window


def test_german_positions_fit_1280x720_with_drop_and_drawdown_visible(qtbot, tmp_path):
    store, w = _window(qtbot, tmp_path)
    try:
        table = w.positions_view.table
        qtbot.waitUntil(lambda: table.viewport().width() > 0)
        assert not table.horizontalScrollBar().isVisible()
        width = table.viewport().width()
        for column in (COL_DROP, COL_DRAWDOWN):
            left = table.columnViewportPosition(column)
            assert 0 <= left and left + table.columnWidth(column) <= width, column
    finally:
        w.close()
        store.close()


def test_a_hidden_column_comes_back_from_the_header_menu_and_stays(qtbot, tmp_path):
    store, w = _window(qtbot, tmp_path)
    try:
        chooser = w.positions_view.columns
        assert w.positions_view.table.isColumnHidden(COL_NOTE)
        note = next(a for a in chooser.menu().actions() if a.text() == "Notiz")
        note.setChecked(True)
        assert not w.positions_view.table.isColumnHidden(COL_NOTE)
    finally:
        w.close()
        store.close()
    store, again = _window(qtbot, tmp_path)
    try:
        assert not again.positions_view.table.isColumnHidden(COL_NOTE)
    finally:
        again.close()
        store.close()
