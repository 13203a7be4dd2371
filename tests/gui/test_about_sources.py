"""The About box names every bundled source in the window's language (no English "via …" in a German window)."""

import pytest
from PySide6.QtWidgets import QMessageBox

from riskwatch import app as rwapp
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.gui import main_menus


@pytest.mark.parametrize("language, expected, foreign", [
    ("de", ["Tageskurse von Yahoo Finance: BITF", "Binance-Spot-Tagesschlusskurse in USDT: AAVE",
            "Binance-Perpetual-Funding alle 8 Stunden: BTC", "über öffentliche GitHub-Repositories"], "via public"),
    ("en", ["daily prices from Yahoo Finance: BITF", "Binance spot daily closes in USDT: AAVE",
            "stablecoin prices from Yahoo Finance: USDT, USDC"], "Tageskurse"),
])
def test_the_about_box_names_each_bundled_source_in_the_window_language(qtbot, tmp_path, monkeypatch, language,
                                                                        expected, foreign):
    store = SqliteStore.in_dir(tmp_path)
    try:
        w = rwapp.create_main_window(store, language=language)
        qtbot.addWidget(w)
        shown = []
        monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
        main_menus.show_about(w, w.about_sources)
        (text,) = shown
        for part in expected:
            assert part in text
        assert foreign not in text
    finally:
        store.close()
