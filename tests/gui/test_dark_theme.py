"""Issue 13: with a dark desktop palette every coloured cell stays readable (background and text from one pair),
the rendered tabs show dark cells with light text, and a palette switched at run time reaches the window."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from riskwatch import app as rwapp
from riskwatch.adapters.clock import ManualClock
from riskwatch.domain.model import Bar
from riskwatch.gui.models.positions_model import COL_DRAWDOWN, COL_DROP
from riskwatch.gui.theme import DARK, LIGHT, dark_palette, theme
from riskwatch.services.positions import seed_example_portfolio
from tests.gui.test_theme import contrast

BG, FG = Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole


@pytest.fixture
def restore_palette(qapp):
    """Whatever a test sets, the next test gets the application's style and palette back."""
    style, palette = qapp.style().name(), QPalette(qapp.palette())
    yield
    QApplication.setStyle(style)
    QApplication.setPalette(palette)
    assert theme() is LIGHT


@pytest.fixture
def dark(restore_palette):
    QApplication.setStyle("Fusion")
    QApplication.setPalette(dark_palette())
    assert theme() is DARK


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    """The example portfolio evaluated offline on 2025-11-04, the bundled history imported as the store's own
    bars: figures on current data get their traffic lights (sample data and stale figures are greyed)."""
    store = rwapp.open_store(data_dir=tmp_path_factory.mktemp("dark"))
    seed_example_portfolio(store, rwapp.example_positions())
    for symbol in {p.symbol for p in store.portfolio().positions} | {"QQQ"}:
        closes = rwapp.bundled_closes(symbol)
        store.upsert_bars([Bar(symbol, ts.to_pydatetime(), float(c)) for ts, c in closes.items()])
    clock = ManualClock(datetime(2025, 11, 4, 12, tzinfo=UTC))
    repo, alerts = rwapp.open_alerts(store, clock)
    result = rwapp.build_monitor(store, clock, offline=True, alerts=alerts).evaluate(store.portfolio(), None,
                                                                                     offline=True)
    yield store, clock, repo, alerts, result
    store.close()


def _window(qtbot, example, language="de"):
    store, clock, repo, alerts, result = example
    w = rwapp.create_main_window(store, language=language, alerts=alerts, clock=clock, alert_repo=repo)
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    w.show_result(result)
    QApplication.processEvents()
    return w


def _name(value) -> str | None:
    return None if value is None else QColor(value.color() if hasattr(value, "color") else value).name()


def _unreadable(cells, palette: QPalette) -> list:
    """(where, background, text, contrast) of every cell below 4.5:1; a cell without a background is read
    on the view's base and alternate base, a cell without a text colour in the palette's text colour."""
    base = palette.color(QPalette.ColorRole.Base).name()
    alternate = palette.color(QPalette.ColorRole.AlternateBase).name()
    text = palette.color(QPalette.ColorRole.Text).name()
    low = []
    for where, bg, fg in cells:
        for back in ([bg] if bg else [base, alternate]):
            ratio = contrast(back, fg or text)
            if ratio < 4.5:
                low.append((where, back, fg or text, round(ratio, 2)))
    return low


def _model_cells(model):
    return [((r, c, model.index(r, c).data()), _name(model.index(r, c).data(BG)), _name(model.index(r, c).data(FG)))
            for r in range(model.rowCount()) for c in range(model.columnCount())]


def test_every_cell_of_the_positions_and_overview_tables_is_readable_on_a_dark_palette(qtbot, dark, example):
    w = _window(qtbot, example)
    positions = _model_cells(w.positions_view.model)
    assets = _model_cells(w.dashboard.assets.model())
    lights = [cell for cell in positions if cell[0][1] in (COL_DROP, COL_DRAWDOWN) and cell[1]]
    assert lights, "the example portfolio has traffic-light cells"
    assert {bg for _, bg, _ in lights} <= {DARK.good.background, DARK.amber.background, DARK.bad.background}
    assert _unreadable(positions, w.positions_view.table.palette()) == []
    assert _unreadable(assets, w.dashboard.assets.palette()) == []
    assert any(fg for _, _, fg in assets)  # the alert lights and the 24 h changes are coloured


def _background_and_text(image, rect) -> tuple[str, str]:
    """The most frequent colour inside ``rect`` (the cell's background) and the pixel that differs most from
    it (the text)."""
    pixels = Counter(image.pixelColor(x, y).name() for x in range(rect.left() + 2, rect.right() - 1)
                     for y in range(rect.top() + 2, rect.bottom() - 1))
    background = pixels.most_common(1)[0][0]
    return background, max(pixels, key=lambda c: contrast(c, background))


def test_the_rendered_tabs_show_light_text_on_dark_cells(qtbot, dark, example):
    w = _window(qtbot, example)
    w.tabs.setCurrentWidget(w.positions_view)
    table, model = w.positions_view.table, w.positions_view.model
    table.clearSelection()
    table.setCurrentIndex(table.model().index(-1, -1))
    QApplication.processEvents()
    image = table.viewport().grab().toImage()
    checked = 0
    for r in range(model.rowCount()):
        source = model.index(r, COL_DROP)
        if source.data(BG) is None:
            continue
        rect = table.visualRect(w.positions_view.proxy.mapFromSource(source))
        background, text = _background_and_text(image, rect)
        assert background == _name(source.data(BG))            # the dark pair's background, painted
        assert contrast(background, text) >= 4.5, (r, background, text)
        checked += 1
    assert checked

    w.tabs.setCurrentWidget(w.dashboard)
    QApplication.processEvents()
    card = w.dashboard.cards["value"]
    image = card.grab().toImage()
    background, text = _background_and_text(image, card.rect().adjusted(4, 4, -4, -4))
    assert background == DARK.card.background
    assert contrast(background, text) >= 4.5
    bar = w.tabs.tabBar()
    image = bar.grab().toImage()
    background, text = _background_and_text(image, bar.tabRect(bar.currentIndex()))
    assert background == DARK.tab_selected.background and contrast(background, text) >= 4.5


def test_a_palette_switched_at_run_time_reaches_the_window_and_the_cells(qtbot, restore_palette, example):
    w = _window(qtbot, example, language="en")
    model = w.positions_view.model
    light_cell = next(model.index(r, COL_DROP) for r in range(model.rowCount()) if model.index(r, COL_DROP).data(BG))
    assert _name(light_cell.data(BG)) in {LIGHT.good.background, LIGHT.amber.background, LIGHT.bad.background}
    QApplication.setPalette(dark_palette())
    QApplication.processEvents()
    assert DARK.tab.background in w.tabs.tabBar().styleSheet()
    assert DARK.error_banner.background in w.banner.styleSheet()
    assert DARK.note_banner.background in w.positions_view.banner.styleSheet()
    assert DARK.card.background in w.dashboard.cards["value"].styleSheet()
    assert _name(light_cell.data(BG)) in {DARK.good.background, DARK.amber.background, DARK.bad.background}
    assert _unreadable(_model_cells(model), w.positions_view.table.palette()) == []
