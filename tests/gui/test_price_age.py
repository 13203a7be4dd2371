"""An unconfirmed quote is labelled as such in both tables, in German and English, with why in a tooltip."""

import pytest

from riskwatch import app as rwapp
from riskwatch.adapters.sqlite_store import SqliteStore


@pytest.mark.parametrize("lang, unconfirmed, stale", [("de", "unbestätigt (5 s)", "veraltet (3 Tage)"),
                                                       ("en", "unconfirmed (5 s)", "stale (3 days)")])
def test_unconfirmed_and_stale_prices_are_named_in_both_tables(qtbot, tmp_path, lang, unconfirmed, stale):
    store = SqliteStore.in_dir(tmp_path)
    try:
        window = rwapp.create_main_window(store, language=lang)
        qtbot.addWidget(window)
        for table in (window.positions_view.model, window.dashboard.assets):
            assert table.age_text(5, "unconfirmed") == unconfirmed
            assert table.age_text(3 * 86400, "stale") == stale
        tip = window.positions_view.model._price_age.tooltip("unconfirmed")
        assert ("Orderbuch" if lang == "de" else "order book") in tip
    finally:
        store.close()
