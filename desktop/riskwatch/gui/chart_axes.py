"""pyqtgraph axes that speak the user's language: month and weekday names from QLocale ("Mär", "Okt." in
German instead of "Mar", "Oct") and numbers with the locale's separators ("120.000" / "120,000")."""

from __future__ import annotations

import math
from datetime import datetime, timezone

import pyqtgraph as pg
import pyqtgraph.graphicsItems.DateAxisItem as _dax
from PySide6.QtCore import QLocale


class LocaleDateAxis(pg.DateAxisItem):
    """A DateAxisItem whose ``%b`` (month) and ``%a`` (weekday) come from the default QLocale."""

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


class LocaleNumberAxis(pg.AxisItem):
    """Tick labels with the locale's group and decimal separators."""

    def tickStrings(self, values, scale, spacing):
        if self.logMode or not values:
            return super().tickStrings(values, scale, spacing)
        step = abs(spacing * scale) or 1.0
        decimals = max(0, min(8, -math.floor(math.log10(step)))) if step < 1 else 0
        loc = QLocale()
        return [loc.toString(float(v * scale), "f", decimals).replace("-", "\u2212") for v in values]


def locale_axes() -> dict:
    """``axisItems`` for a time-series plot: localised dates below, localised numbers on the left."""
    return {"bottom": LocaleDateAxis(), "left": LocaleNumberAxis("left")}
