"""Charts: an asset's price with its trailing 30-day high over an underwater panel (with a line at each
alert threshold), the portfolio value of current holdings, and the rolling beta of each miner to BTC.

Crosshair with date/value readout, range buttons (1 M, 3 M, 1 Y, all) and export to PNG. Long series use
peak downsampling and clip-to-view. Redraws are coalesced: new data only marks the view dirty, a short
single-shot timer draws once.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout,
                               QWidget)

from riskwatch.domain import metrics
from riskwatch.gui.chart_axes import locale_axes, themed_chart_options
from riskwatch.gui.theme import theme
from riskwatch.gui.format import date_text, number_text
from riskwatch.gui.translation import Retranslatable
from riskwatch.services.charts import ChartData


RANGES = (("1M", 31), ("3M", 92), ("1Y", 366), ("ALL", None))


def _epoch(index: pd.DatetimeIndex) -> np.ndarray:
    idx = index if index.tz is not None else index.tz_localize("UTC")
    return idx.as_unit("ns").asi8 / 1e9


class ChartView(Retranslatable, QWidget):
    selection_changed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        themed_chart_options()
        self._data = ChartData()
        self._range_days: int | None = 366
        self.mode = QComboBox()
        self.mode.currentIndexChanged.connect(self._schedule)
        self.symbol = QComboBox()
        self.symbol.currentIndexChanged.connect(self._on_symbol_current_index_changed)
        self.range_group = QButtonGroup(self)
        self.range_buttons: dict[str, QPushButton] = {}
        top = QHBoxLayout()
        top.addWidget(self.mode)
        top.addWidget(self.symbol)
        top.addStretch(1)
        for key, days in RANGES:
            b = QPushButton()
            b.setCheckable(True)
            b.setProperty("days", days)
            b.clicked.connect(lambda _c=False, d=days: self.set_range_days(d))
            self.range_group.addButton(b)
            self.range_buttons[key] = b
            top.addWidget(b)
        self.range_buttons["1Y"].setChecked(True)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(lambda: self.export_png())
        top.addWidget(self.export_button)

        self.graphics = pg.GraphicsLayoutWidget()
        self.price_plot = self.graphics.addPlot(row=0, col=0, axisItems=locale_axes())
        self.lower_plot = self.graphics.addPlot(row=1, col=0, axisItems=locale_axes())
        self.graphics.ci.layout.setRowStretchFactor(0, 3)
        self.graphics.ci.layout.setRowStretchFactor(1, 2)
        self.lower_plot.setXLink(self.price_plot)
        for plot in (self.price_plot, self.lower_plot):
            plot.showGrid(x=True, y=True, alpha=0.25)
            plot.setDownsampling(auto=True, mode="peak")
            plot.setClipToView(True)
            plot.getAxis("left").setWidth(64)  # equal axis widths keep the linked x axes aligned
        self.price_plot.addLegend(offset=(10, 5))
        self.lower_plot.addLegend(offset=(10, -5))
        self.readout = QLabel()
        self.readout.setObjectName("chartReadout")
        self._vline = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(theme().muted, style=pg.QtCore.Qt.PenStyle.DashLine))
        self._vline2 = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(theme().muted, style=pg.QtCore.Qt.PenStyle.DashLine))
        self.price_plot.addItem(self._vline, ignoreBounds=True)
        self.lower_plot.addItem(self._vline2, ignoreBounds=True)
        self._mouse_proxy = pg.SignalProxy(self.graphics.scene().sigMouseMoved, rateLimit=30,
                                           slot=self._on_scene_mouse_moved)
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.setInterval(30)
        self._redraw_timer.timeout.connect(self.redraw)
        self.redraw_count = 0
        self._curves: list[tuple[str, np.ndarray, np.ndarray, str]] = []

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.graphics, 1)
        layout.addWidget(self.readout)
        self.retranslate()

    # -- text ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        current = self.mode.currentIndex()
        self.mode.blockSignals(True)
        self.mode.clear()
        self.mode.addItem(self.tr("Asset price and drawdown"), "asset")
        self.mode.addItem(self.tr("Portfolio value"), "portfolio")
        self.mode.addItem(self.tr("Rolling beta to BTC (90 days)"), "beta")
        self.mode.setCurrentIndex(max(0, current))
        self.mode.blockSignals(False)
        labels = {"1M": self.tr("1 M"), "3M": self.tr("3 M"), "1Y": self.tr("1 Y"), "ALL": self.tr("All")}
        for key, b in self.range_buttons.items():
            b.setText(labels[key])
        self.export_button.setText(self.tr("Export PNG…"))
        self._schedule()

    # -- data ---------------------------------------------------------------------------------
    def set_data(self, data: ChartData) -> None:
        self._data = data
        current = self.symbol.currentText()
        self.symbol.blockSignals(True)
        self.symbol.clear()
        self.symbol.addItems(list(data.closes))
        if current in data.closes:
            self.symbol.setCurrentText(current)
        self.symbol.blockSignals(False)
        self._schedule()

    def select_symbol(self, symbol: str) -> None:
        if symbol in self._data.closes:
            self.symbol.setCurrentText(symbol)

    def set_mode(self, mode: str) -> None:
        self.mode.setCurrentIndex(max(0, self.mode.findData(mode)))

    def set_range_days(self, days: int | None) -> None:
        self._range_days = days
        for b in self.range_buttons.values():
            b.setChecked(b.property("days") == days)
        self._apply_range()

    def _schedule(self) -> None:
        self._redraw_timer.start()

    # -- drawing ------------------------------------------------------------------------------
    def redraw(self) -> None:
        self.redraw_count += 1
        self._curves = []
        for plot in (self.price_plot, self.lower_plot):
            plot.clear()
            plot.addItem(self._vline if plot is self.price_plot else self._vline2, ignoreBounds=True)
        mode = self.mode.currentData()
        self.symbol.setVisible(mode == "asset")
        if mode == "portfolio":
            self._draw_portfolio()
        elif mode == "beta":
            self._draw_beta()
        else:
            self._draw_asset()
        self._apply_range()

    def _plot(self, plot, name: str, index: pd.DatetimeIndex, values: np.ndarray, color: str, width: float = 1.6,
              fill: float | None = None, style=None):
        x = _epoch(index)
        pen = pg.mkPen(color, width=width, style=style) if style is not None else pg.mkPen(color, width=width)
        kwargs = {"pen": pen, "name": name}
        if fill is not None:
            kwargs.update(fillLevel=fill, brush=pg.mkBrush(color + "40"))
        item = plot.plot(x, values, **kwargs)
        self._curves.append((name, x, np.asarray(values, dtype=float), "price" if plot is self.price_plot else "lower"))
        return item

    def _draw_asset(self) -> None:
        symbol = self.symbol.currentText()
        closes = self._data.closes.get(symbol)
        self.price_plot.setTitle(symbol or "")
        if closes is None or len(closes) == 0:
            self.price_plot.setTitle(self.tr("No price history"))
            return
        closes = closes.dropna()
        window = self._data.window
        days = window.rstrip("D")
        self._plot(self.price_plot, self.tr("Price"), closes.index, closes.to_numpy(), theme().series[0])
        high = metrics.trailing_high(closes, window)
        self._plot(self.price_plot, self.tr("%1-day high").replace("%1", days), high.index, high.to_numpy(),
                   "#ff7f0e", 1.2, style=pg.QtCore.Qt.PenStyle.DashLine)
        drop = metrics.drop_from_high(closes, window) * 100.0
        dd = metrics.drawdown(closes) * 100.0
        self._plot(self.lower_plot, self.tr("Drawdown from peak (%)"), dd.index, dd.to_numpy(), theme().muted, 1.0)
        self._plot(self.lower_plot, self.tr("Drop from %1-day high (%)").replace("%1", days), drop.index,
                   drop.to_numpy(), theme().series[1], 1.4, fill=0.0)
        for th in self._data.thresholds.get(symbol, ()):
            line = pg.InfiniteLine(pos=th * 100.0, angle=0, movable=False,
                                   pen=pg.mkPen(theme().negative, width=1, style=pg.QtCore.Qt.PenStyle.DotLine),
                                   label=f"\u2212{abs(th) * 100:.0f} %", labelOpts={"position": 0.97, "color": theme().negative, "anchors": [(1, 1), (1, 1)]})
            self.lower_plot.addItem(line)
        self.lower_plot.setTitle(self.tr("Underwater"))

    def _draw_portfolio(self) -> None:
        v = self._data.portfolio_value
        self.price_plot.setTitle(self.tr("Portfolio value of current holdings (%1)").replace(
            "%1", self._data.base_currency))
        if v is None or len(v) == 0:
            return
        self._plot(self.price_plot, self.tr("Value"), v.index, v.to_numpy(), theme().series[0])
        dd = metrics.drawdown(v) * 100.0
        self._plot(self.lower_plot, self.tr("Drawdown from peak (%)"), dd.index, dd.to_numpy(), theme().series[1], fill=0.0)
        self.lower_plot.setTitle(self.tr("Underwater"))

    def _draw_beta(self) -> None:
        self.price_plot.setTitle(self.tr("Rolling beta to BTC (90 days)"))
        self.lower_plot.setTitle("")
        for i, (sym, series) in enumerate(self._data.rolling_beta.items()):
            s = series.dropna()
            if len(s):
                self._plot(self.price_plot, sym, s.index, s.to_numpy(), theme().series[i % len(theme().series)], 1.3)
        self.price_plot.addItem(pg.InfiniteLine(pos=1.0, angle=0, pen=pg.mkPen(theme().muted, width=1)))

    def _apply_range(self) -> None:
        xs = [c[1] for c in self._curves if len(c[1])]
        if not xs:
            return
        x_max = max(float(x[-1]) for x in xs)
        x_min = min(float(x[0]) for x in xs)
        start = x_min if self._range_days is None else max(x_min, x_max - self._range_days * 86400.0)
        self.price_plot.setXRange(start, x_max, padding=0.01)
        for plot, which in ((self.price_plot, "price"), (self.lower_plot, "lower")):
            ys = [c[2][(c[1] >= start)] for c in self._curves if c[3] == which]
            ys = [y[np.isfinite(y)] for y in ys]
            ys = [y for y in ys if len(y)]
            if ys:
                lo, hi = min(float(y.min()) for y in ys), max(float(y.max()) for y in ys)
                if which == "lower":
                    ths = [t * 100 for t in self._data.thresholds.get(self.symbol.currentText(), ())]
                    lo = min([lo, *ths]) if self.mode.currentData() == "asset" else lo
                    hi = max(hi, 0.0)
                plot.setYRange(lo, hi, padding=0.05)

    # -- crosshair ----------------------------------------------------------------------------
    def _on_scene_mouse_moved(self, event) -> None:
        pos = event[0]
        for plot in (self.price_plot, self.lower_plot):
            if plot.sceneBoundingRect().contains(pos):
                x = plot.vb.mapSceneToView(pos).x()
                self.show_readout_at(x)
                return

    def show_readout_at(self, x: float) -> str:
        self._vline.setPos(x)
        self._vline2.setPos(x)
        parts = []
        for name, xs, ys, _w in self._curves:
            if not len(xs):
                continue
            i = int(np.clip(np.searchsorted(xs, x, side="right") - 1, 0, len(xs) - 1))
            if np.isfinite(ys[i]):
                parts.append(f"{name}: {number_text(float(ys[i]), 2, self.locale(), trim=False)}")
            when = pd.Timestamp(xs[i], unit="s", tz="UTC")
        if parts:
            date = date_text(when.date(), self.locale())
            text = date + "   " + "   ".join(parts)
        else:
            text = ""
        self.readout.setText(text)
        return text

    # -- export -------------------------------------------------------------------------------
    def export_png(self, path: str | None = None) -> bool:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export chart"), "riskwatch-chart.png",
                                                  self.tr("PNG image (*.png)"))
            if not path:
                return False
        if self._redraw_timer.isActive():
            self._redraw_timer.stop()
            self.redraw()
        return self.graphics.grab().save(path, "PNG")

    def _on_symbol_current_index_changed(self, _i: int) -> None:
        self.selection_changed.emit(self.symbol.currentText())
        self._schedule()
