"""pyqtgraph axes that speak the UI language: month and weekday names from QLocale ("Mär", "Okt." in
German instead of "Mar", "Oct"), numbers with the locale's separators ("120.000" / "120,000") and a real
minus sign; they redraw when the language is switched."""

from __future__ import annotations

import math
from datetime import datetime, timezone

import pyqtgraph as pg
import pyqtgraph.graphicsItems.DateAxisItem as _dax
from PySide6.QtCore import QLocale

from riskwatch.gui.format import number_text
from riskwatch.gui.theme import theme


def themed_chart_options() -> None:
    """pyqtgraph's background and text colours from the current theme; call it before building plot widgets
    (pyqtgraph reads them when a widget, an axis or a label is made)."""
    t = theme()
    pg.setConfigOptions(antialias=True, background=t.card.background, foreground=t.card.foreground)


class _FollowsLocale:
    """An axis that redraws when the default QLocale (the UI language's, see Translator.set_language) changed
    since it last drew: pyqtgraph caches an axis' picture, which would keep the old language's labels."""

    _drawn_locale: str | None = None
    _drawn_labels: tuple[str, ...] = ()

    def paint(self, p, opt, widget):
        name = QLocale().name()
        if name != self._drawn_locale:
            self.picture = None
            self._drawn_locale = name
        super().paint(p, opt, widget)

    def drawPicture(self, p, axisSpec, tickSpecs, textSpecs):
        self._drawn_labels = tuple(spec[2] for spec in textSpecs)
        super().drawPicture(p, axisSpec, tickSpecs, textSpecs)

    def drawn_labels(self) -> tuple[str, ...]:
        """The tick labels the axis last drew (what the user sees)."""
        return self._drawn_labels


class LocaleDateAxis(_FollowsLocale, pg.DateAxisItem):
    """A DateAxisItem whose ``%b`` (month) and ``%a`` (weekday) come from the default QLocale.

    The finest zoom level is hours and minutes (``14:05``): second and millisecond ticks (``17.000``) mean
    nothing for daily closes or minute-spaced signals, so a very short range shows fewer, readable ticks.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for spacing in [s for s, level in self.zoomLevels.items() if level in (_dax.HMS_ZOOM_LEVEL,
                                                                                 _dax.MS_ZOOM_LEVEL)]:
            del self.zoomLevels[spacing]

    def tickStrings(self, values, scale, spacing):
        spec = next((s for s in self.zoomLevel.tickSpecs if s.spacing == spacing), None)
        fmt = getattr(spec, "format", None)
        if fmt is None or ("%b" not in fmt and "%a" not in fmt):
            return super().tickStrings(values, scale, spacing)
        loc = QLocale()
        out = []
        for v in values:
            try:
                d = datetime.fromtimestamp(_dax.adjustTimestampToPreferredUtcOffset(v, self.utcOffset), timezone.utc)
            except (OverflowError, ValueError, OSError):
                out.append("")
                continue
            text = fmt.replace("%b", "@@M@@").replace("%a", "@@D@@")
            text = d.strftime(text)
            text = text.replace("@@M@@", loc.monthName(d.month, QLocale.FormatType.ShortFormat))
            text = text.replace("@@D@@", loc.dayName(d.isoweekday(), QLocale.FormatType.ShortFormat))
            out.append(text.lstrip("0") if "%Y" in fmt else text)
        return out


class LocaleNumberAxis(_FollowsLocale, pg.AxisItem):
    """Tick labels with the locale's group and decimal separators."""

    def tickStrings(self, values, scale, spacing):
        if self.logMode or not values:
            return super().tickStrings(values, scale, spacing)
        step = abs(spacing * scale) or 1.0
        decimals = max(0, min(8, -math.floor(math.log10(step)))) if step < 1 else 0
        loc = QLocale()
        return [number_text(float(v * scale), decimals, loc, trim=False) for v in values]


def locale_axes() -> dict:
    """``axisItems`` for a time-series plot: localised dates below, localised numbers on the left."""
    return {"bottom": LocaleDateAxis(), "left": LocaleNumberAxis("left")}
