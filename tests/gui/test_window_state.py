"""Window state (geometry, last tab) belongs to the data directory, not to the user account."""

from riskwatch import app as rwapp
from riskwatch.adapters.sqlite_store import SqliteStore


def _window(qtbot, directory):
    store = SqliteStore.in_dir(directory)
    window = rwapp.create_main_window(store, language="en")
    qtbot.addWidget(window)
    return store, window


def test_each_data_directory_keeps_its_own_last_tab(qtbot, tmp_path):
    store, w = _window(qtbot, tmp_path / "a")
    default_tab = w.tabs.currentIndex()
    other = (default_tab + 2) % w.tabs.count()
    w.tabs.setCurrentIndex(other)
    w.close()
    store.close()
    assert (tmp_path / "a" / "window.ini").is_file()
    assert (tmp_path / "a" / "window.ini").stat().st_mode & 0o777 == 0o600  # private like the store

    store, fresh = _window(qtbot, tmp_path / "b")
    assert fresh.tabs.currentIndex() == default_tab  # a new data directory: the default, not a's tab
    fresh.close()
    store.close()

    store, again = _window(qtbot, tmp_path / "a")
    assert again.tabs.currentIndex() == other
    again.close()
    store.close()


def test_the_last_tab_is_found_by_its_name_also_a_tab_added_after_the_window_is_built(qtbot, tmp_path):
    """The balance sheet tab is attached after the window is built, and the market tab came in between others:
    the tab last used is restored by its name, not by a position that new tabs moved."""
    store, w = _window(qtbot, tmp_path)
    w.tabs.setCurrentWidget(w.balance_tab.panel)
    w.close()
    store.close()
    store, again = _window(qtbot, tmp_path)
    assert again.tabs.currentWidget() is again.balance_tab.panel
    again.tabs.setCurrentWidget(again.liquidity_tab)
    again.close()
    store.close()
    store, third = _window(qtbot, tmp_path)
    assert third.tabs.currentWidget() is third.liquidity_tab
    third.close()
    store.close()
