"""The overview's one-line regime strip: "Marktlage: Angespannt · 4 von 11 Indikatoren über Schwellwert · Über
Schwellwert: BTC −17,4 % · Miner-Korb −32,0 % …", elided to its width (the whole line in the tooltip).

A flat button at the top of the overview: clicking it opens the market tab. Coloured like the panel's regime
(green / amber / red) only while the regime's value is current.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from riskwatch.gui.market_text import MarketText
from riskwatch.gui.theme import ThemeAware, theme
from riskwatch.gui.translation import Retranslatable
from riskwatch.gui.views.market_view import LIGHTS, regime_is_current


class RegimeStrip(ThemeAware, Retranslatable, QPushButton):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("regimeStrip")
        self._text = MarketText(self)
        self._result = None
        self._full = ""
        self.retranslate()
        self.refresh_theme()

    def show_result(self, result) -> None:
        self._result = result
        self._render()

    def apply_theme(self) -> None:
        self._render()

    def retranslate(self) -> None:
        self._render()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._render()

    @property
    def full_text(self) -> str:
        """The whole line, before it is elided to the strip's width."""
        return self._full

    def _render(self) -> None:
        regime = getattr(self._result, "regime", None)
        if self._result is None:
            text = self.tr("Market regime: no figures yet")
        else:
            text = f"{self._text.headline(regime)} · {self._text.count_line(regime)}"
            if regime is not None and regime.level is not None:
                text += " · " + self._text.beyond_line(regime)
        self._full = text
        self.setToolTip(text + "\n" + self.tr("Open the market tab"))
        # one line, elided to the width: a second line would take the overview's cards their last line of text
        room = max(self.width() - 40, 200)
        self.setText(self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, room) + "  ›")
        t = theme()
        current = regime is not None and regime.level is not None and regime_is_current(self._result)
        pair = t.light(LIGHTS.get(regime.level) if current else None)
        self.setStyleSheet(f"#regimeStrip {{ background: {pair.background}; color: {pair.foreground}; "
                           f"border: 1px solid {t.border}; border-radius: 4px; padding: 3px 8px; text-align: left; "
                           f"font-weight: 600; {'' if current else 'font-style: italic;'} }}")


__all__ = ["RegimeStrip"]
