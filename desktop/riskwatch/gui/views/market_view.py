"""The "Marktlage" tab: is the whole risk-on complex (BTC, the CoinDesk-20 basket, the miners, the Nasdaq,
liquidity) under pressure?

At the top the regime (Ruhig / Unter Druck / Angespannt) with how many indicators are beyond their thresholds,
how many do not count and the as-of time; under it every indicator (``market_table``) and the baskets, QQQ and
the co-movement (``market_baskets``). The regime is coloured green / amber / red only while its value is current:
a regime counted without its stale indicators is a lower bound and is shown grey, with the note why.
Fed with every CycleResult (``show_result``), live and in a replay; scrolls when 1280 × 720 is too small.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QScrollArea, QVBoxLayout,
                               QWidget)

from riskwatch.domain.regime import CALM, PRESSURE, STRESSED
from riskwatch.domain.snapshot import MARKET
from riskwatch.gui.as_of_text import is_current
from riskwatch.gui.market_text import MarketText
from riskwatch.gui.theme import ThemeAware, theme
from riskwatch.gui.translation import Retranslatable
from riskwatch.gui.views.market_baskets import BasketBoxes
from riskwatch.gui.views.market_table import IndicatorTable

LIGHTS = {CALM: "green", PRESSURE: "amber", STRESSED: "red"}


def regime_is_current(result) -> bool:
    """Whether the regime's own figure is current (all its indicators current): only then is it coloured."""
    mv = result.report.snapshot.get(MARKET, "regime_level") if result is not None else None
    return mv is not None and mv.value is not None and is_current(mv.status, mv.detail)


class MarketView(ThemeAware, Retranslatable, QWidget):
    #: the user asked to edit the baskets and the regime rules
    edit_requested = Signal()

    def __init__(self, parent=None, *, bundled_source: Callable[[str], str | None] | None = None):
        """``bundled_source(symbol)``: "binance_usdt" / "yahoo" / None, where a bundled history is from."""
        super().__init__(parent)
        self.setObjectName("marketView")
        self._text = MarketText(self)
        self._result = None
        self._progress: tuple[int, int, str] | None = None

        self.regime_label = QLabel()
        self.regime_label.setObjectName("regimeLabel")
        self.count_label = QLabel()
        self.count_label.setObjectName("regimeCount")
        self.detail_label = QLabel()
        self.detail_label.setObjectName("regimeDetail")
        self.detail_label.setWordWrap(True)
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(self.edit_requested)
        self.progress_label = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumHeight(12)
        self.progress_row = QWidget()
        prow = QHBoxLayout(self.progress_row)
        prow.setContentsMargins(0, 0, 0, 0)
        prow.addWidget(self.progress_label)
        prow.addWidget(self.progress_bar, 1)
        self.progress_row.hide()

        self.header = QFrame()
        self.header.setObjectName("regimeHeader")
        head = QHBoxLayout(self.header)
        head.setContentsMargins(12, 6, 12, 6)
        head.addWidget(self.regime_label)
        words = QVBoxLayout()
        words.setSpacing(0)
        words.addWidget(self.count_label)
        words.addWidget(self.detail_label)
        head.addLayout(words, 1)
        head.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)

        self.table = IndicatorTable()
        self.baskets = BasketBoxes(bundled_source=bundled_source)
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.setSpacing(6)
        lay.addWidget(self.header)
        lay.addWidget(self.progress_row)
        lay.addWidget(self.table)
        lay.addWidget(self.baskets)
        lay.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)
        self.retranslate()
        self.refresh_theme()

    # -- feeding ----------------------------------------------------------------------------------------------
    def show_result(self, result) -> None:
        """A CycleResult: its regime, the baskets in its report and the Snapshot's figures."""
        self._result = result
        regime = getattr(result, "regime", None)
        snap = result.report.snapshot
        details = {}
        for r in regime.readings if regime is not None else ():
            mv = snap.get(r.indicator.scope, r.indicator.metric)
            details[r.indicator.code] = mv.detail if mv is not None else ""
        self.table.show_regime(regime, details)
        self.baskets.show_report(result.report, getattr(result, "history_sources", {}))
        self._render_header()

    def set_backfill_progress(self, done: int, total: int, symbol: str = "") -> None:
        """The first backfill of the baskets' history: "7 of 20 (SOL)"; hidden once ``done == total``."""
        self._progress = None if total <= 0 or done >= total else (done, total, symbol)
        self._render_progress()

    # -- drawing ----------------------------------------------------------------------------------------------
    def apply_theme(self) -> None:
        t = theme()
        self.header.setStyleSheet(f"#regimeHeader {{ background: {t.card.background}; border: 1px solid "
                                  f"{t.border}; border-radius: 6px; }}")
        self.count_label.setStyleSheet(f"color: {t.card.foreground}; font-weight: 600;")
        self.detail_label.setStyleSheet(f"color: {t.muted};")
        self.progress_label.setStyleSheet(f"color: {t.muted};")
        self._render_header()

    def retranslate(self) -> None:
        self.edit_button.setText(self.tr("Edit basket and rules…"))
        self._render_header()
        self._render_progress()

    def _render_header(self) -> None:
        regime = getattr(self._result, "regime", None) if self._result is not None else None
        self.regime_label.setText(self._text.headline(regime) if self._result is not None
                                  else self.tr("Market regime: no figures yet"))
        self.count_label.setText(self._text.count_line(regime) if self._result is not None else "")
        self.detail_label.setText(self._text.detail_line(regime))
        t = theme()
        current = regime is not None and regime.level is not None and regime_is_current(self._result)
        pair = t.light(LIGHTS.get(regime.level) if current else None)
        style = (f"background: {pair.background}; color: {pair.foreground}; border-radius: 4px; "
                 "padding: 4px 10px; font-size: 15pt; font-weight: 600;")
        if not current:
            style += f" color: {t.muted}; font-style: italic;"
        self.regime_label.setStyleSheet(style)
        self.regime_label.setToolTip("" if current or regime is None else
                                     self.tr("Not coloured: some indicators are stale or unavailable, so the "
                                             "count is a lower bound."))

    def _render_progress(self) -> None:
        if self._progress is None:
            self.progress_row.hide()
            return
        done, total, symbol = self._progress
        text = self.tr("Loading the price history of the basket constituents: %1 of %2").replace(
            "%1", str(done)).replace("%2", str(total))
        self.progress_label.setText(f"{text} ({symbol})" if symbol else text)
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)
        self.progress_row.show()

    # -- for tests --------------------------------------------------------------------------------------------
    def regime_is_coloured(self) -> bool:
        return "italic" not in self.regime_label.styleSheet()


__all__ = ["LIGHTS", "MarketView", "regime_is_current"]
