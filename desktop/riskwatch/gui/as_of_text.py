"""How old the data behind the figures is, in words: one wording for the banner, the status bar, the asset
table and the dashboard cards ("veraltet · Stand 29.11.2025", "Beispieldaten vom 04.04.2025",
"gemischte Stände, ältester 29.11.2025", "BTC seit 29.11.2025").

The domain hands over a status, an as-of time and a detail code per figure (``MetricValue``, ``AssetRisk``);
what the user must never see is an old figure that looks current, so every figure that is not usable says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from PySide6.QtCore import QObject

from riskwatch.domain.freshness import DataStatus
from riskwatch.gui.format import as_of_date_text, datetime_text

SAMPLE_DATA = "sample_data"
MIXED_DATES = "mixed_dates"


@dataclass(frozen=True)
class FigureTimes:
    """When the held assets' figures are from: the oldest as-of time, the stale holdings with the as-of time of
    their data (oldest first), and the first and last as-of time of those computed from the sample history."""

    oldest: datetime | None = None
    stale: tuple[tuple[str, datetime | None], ...] = ()
    sample: tuple[datetime, datetime] | None = None


def figure_times(report) -> FigureTimes:
    """The :class:`FigureTimes` of a report's held, priced assets (benchmarks that are not held do not count)."""
    if report is None:
        return FigureTimes()
    held = set(report.snapshot.assets)
    rows = [a for a in report.assets if a.symbol in held and a.price is not None]
    dates = [a.as_of for a in rows if a.as_of is not None]
    stale = sorted(((a.symbol, a.as_of) for a in rows if DataStatus(a.status) is DataStatus.STALE),
                   key=lambda s: (s[1] is None, s[1].timestamp() if s[1] is not None else 0.0))
    sample = sorted(a.as_of for a in rows if a.sample and a.as_of is not None)
    return FigureTimes(min(dates) if dates else None, tuple(stale), (sample[0], sample[-1]) if sample else None)


def is_current(status, detail: str = "") -> bool:
    """A figure shown as current: usable and not computed from the sample history."""
    return DataStatus(status).usable and detail != SAMPLE_DATA


class AsOfText(QObject):
    """Translated as-of texts (create one per widget; it follows the language)."""

    def date(self, ts: datetime | None) -> str:
        return as_of_date_text(ts) or "–"

    def moment(self, ts: datetime | None) -> str:
        """A point in time: the date of a daily close (stamped at the end of its UTC day), else date and time."""
        if ts is None:
            return "–"
        at = ts.astimezone(timezone.utc) if ts.tzinfo is not None else ts
        if ts.tzinfo is not None and (at.hour, at.minute, at.second, at.microsecond) == (0, 0, 0, 0):
            return self.date(ts)
        return datetime_text(ts)

    def since(self, ts: datetime | None, now: datetime | None = None) -> str:
        """When data went stale: the time of day when it is from the last 24 hours, else the date."""
        if ts is None:
            return "–"
        if now is not None and timedelta(0) <= now - ts < timedelta(days=1):
            return datetime_text(ts).split(" ")[-1]
        return self.date(ts)

    def stale_list(self, stale: Sequence[tuple[str, datetime | None]], now: datetime | None = None,
                   groups: int | None = None) -> str:
        """``BITF seit 04.04.2025; IREN, WULF seit 03.08.2026`` (holdings of one date together, oldest first);
        with ``groups`` at most that many dates, then how many holdings more."""
        by_when: dict[str, list[str]] = {}
        for symbol, ts in stale:
            by_when.setdefault(self.since(ts, now), []).append(symbol)
        parts = [self.tr("%1 since %2").replace("%1", ", ".join(syms)).replace("%2", when)
                 for when, syms in by_when.items()]
        if groups is not None and len(parts) > groups:
            rest = sum(len(syms) for syms in list(by_when.values())[groups:])
            parts = [*parts[:groups], self.tr("%n more", "", rest)]
        return "; ".join(parts)

    def note(self, status, as_of: datetime | None, detail: str = "") -> str:
        """A short mark under or beside a figure; "" for a current one."""
        status = DataStatus(status)
        if detail == SAMPLE_DATA:
            return self.tr("sample data from %1").replace("%1", self.date(as_of))
        if detail == MIXED_DATES:
            return self.tr("mixed dates, oldest %1").replace("%1", self.date(as_of))
        if status is DataStatus.STALE:
            return self.tr("stale · as of %1").replace("%1", self.date(as_of))
        if status is DataStatus.UNCONFIRMED:
            return self.tr("unconfirmed price · as of %1").replace("%1", self.date(as_of))
        if status is DataStatus.BOUND:
            return self.tr("at least this deep · history incomplete")
        if status in (DataStatus.INVALID, DataStatus.ERROR):
            return self.tr("not current · as of %1").replace("%1", self.date(as_of))
        return ""

    def tooltip(self, status, as_of: datetime | None, detail: str = "") -> str:
        """Why a figure is marked; "" for a current one."""
        status = DataStatus(status)
        when = self.date(as_of)
        lines = []
        if detail == SAMPLE_DATA:
            lines.append(self.tr("Computed from the bundled sample history, not from your current prices."))
        if detail == MIXED_DATES:
            lines.append(self.tr("Its holdings are priced on different dates; the oldest is from %1.")
                         .replace("%1", when))
        elif status is DataStatus.STALE:
            lines.append(self.tr("As of %1 – stale.").replace("%1", when))
        elif status is DataStatus.UNCONFIRMED:
            lines.append(self.tr("As of %1 – the newest price is an unconfirmed jump.").replace("%1", when))
        elif status is DataStatus.BOUND:
            lines.append(self.tr("Current price, but the daily closes are stale: the drop is at least this deep. "
                                 "Alerts may fire or escalate on it, never resolve."))
        elif lines:
            lines.append(self.tr("As of %1.").replace("%1", when))
        if not status.usable and status not in (DataStatus.MISSING, DataStatus.BOUND):
            lines.append(self.tr("Alerts neither fire nor resolve on it."))
        return "\n".join(lines)


__all__ = ["AsOfText", "FigureTimes", "MIXED_DATES", "SAMPLE_DATA", "figure_times", "is_current"]
