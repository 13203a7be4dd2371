"""The positions tab never colours old figures by the rules: BITF's −39 % from April 2025 on the sample history
is greyed with a tooltip saying where it comes from, while a current figure gets its traffic light."""

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from riskwatch.domain.model import Bar
from riskwatch.gui.models.positions_model import COL_DROP
from riskwatch.gui.theme import theme
from tests.gui.test_positions_columns import _window


def _row(model, symbol):
    return next(r for r in range(model.rowCount()) if model.item(r, 0).text() == symbol)


def test_sample_data_is_greyed_and_explained_a_current_figure_is_coloured(qtbot, tmp_path):
    store, w = _window(qtbot, tmp_path)
    try:
        model = w.positions_view.model
        cell = model.item(_row(model, "BITF"), COL_DROP)
        assert cell.text() == "−39,1 %"
        assert cell.foreground().color().name() == theme().muted
        assert cell.font().italic()
        assert "Beispiel" in cell.toolTip()
        assert cell.data(Qt.ItemDataRole.BackgroundRole) is None      # no traffic light on old data
    finally:
        w.close()
        store.close()
    # BTC with its own bars up to today: current, so its drop gets the light of the user's rules
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    from riskwatch import app as rwapp
    s = rwapp.open_store(data_dir=tmp_path)
    s.upsert_bars([Bar("BTC", today - timedelta(days=59 - i), 100.0 if i < 59 else 75.0) for i in range(60)])
    s.close()
    store, w = _window(qtbot, tmp_path)
    try:
        model = w.positions_view.model
        cell = model.item(_row(model, "BTC"), COL_DROP)
        assert cell.text() == "−25,0 %"
        assert not cell.font().italic() and cell.data(Qt.ItemDataRole.BackgroundRole) is not None
    finally:
        w.close()
        store.close()
