"""Chart axes in the user's language: German month names and number separators, English in English."""

from datetime import datetime, timezone

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QLocale

from riskwatch.gui.chart_axes import locale_axes


@pytest.fixture
def plot(qtbot):
    w = pg.PlotWidget(axisItems=locale_axes())
    qtbot.addWidget(w)
    w.resize(1100, 400)
    w.show()
    return w


def _labels(plot, start, days, width=1100):
    axis = plot.getPlotItem().getAxis("bottom")
    lo = datetime(*start, tzinfo=timezone.utc).timestamp()
    return [axis.tickStrings(v, 1.0, sp) for sp, v in axis.tickValues(lo, lo + days * 86400, width)]


@pytest.mark.parametrize("language,country,months,number", [
    (QLocale.Language.German, QLocale.Country.Germany, ["Feb.", "März", "Apr.", "Mai", "Juni", "Juli"], "120.000"),
    (QLocale.Language.English, QLocale.Country.UnitedStates, ["Feb", "Mar", "Apr", "May", "Jun", "Jul"],
     "120,000"),
])
def test_month_names_and_numbers_follow_the_locale(plot, language, country, months, number):
    QLocale.setDefault(QLocale(language, country))
    try:
        levels = _labels(plot, (2024, 12, 20), 364)
        assert levels[0] == ["2025"]       # January carries the year
        assert levels[1][:6] == months
        left = plot.getPlotItem().getAxis("left")
        assert left.tickStrings([120000.0, -80000.0], 1.0, 10000.0) == [number, "\u2212" + number.replace("12", "8")]
        assert left.tickStrings([0.25], 1.0, 0.05) == ["0,25" if language == QLocale.Language.German else "0.25"]
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
