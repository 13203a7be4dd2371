"""The banners above the tabs while the figures are not current (hidden in a replay):

* red, offline: the figures come from stored or bundled prices;
* amber, online with stale holdings (a stock feed down while crypto is live): :attr:`OfflineBanner.stale_note`,
  which the window places right below the red one.

Both name the *oldest* date the figures rest on, the sample history they come from and which holdings are
stale since when: the newest price alone would make a portfolio of year-old prices look current."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel

from riskwatch.gui.as_of_text import AsOfText, figure_times
from riskwatch.gui.theme import theme


def _banner(name: str) -> tuple[QFrame, QLabel]:
    frame = QFrame()
    frame.setObjectName(name)
    label = QLabel()
    label.setWordWrap(True)  # a long list of stale holdings wraps, never widens the window
    QHBoxLayout(frame).addWidget(label)
    frame.hide()
    return frame, label


class OfflineBanner(QFrame):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("offlineBanner")
        self.label = QLabel()
        self.label.setWordWrap(True)
        QHBoxLayout(self).addWidget(self.label)
        self.stale_note, self.stale_label = _banner("staleBanner")
        self._as_of = AsOfText(self)
        self.hide()

    def apply_theme(self) -> None:
        t = theme()
        self.setStyleSheet(t.banner_style("offlineBanner", t.error_banner))
        self.stale_note.setStyleSheet(t.banner_style("staleBanner", t.note_banner))

    def show_result(self, r, *, replaying: bool) -> None:
        """``r``: the CycleResult shown (None: nothing yet)."""
        offline = r is not None and not replaying and (r.offline or not r.report.snapshot.online)
        times = figure_times(r.report) if r is not None and not replaying else None
        stale = times is not None and bool(times.stale) and not offline
        self.setVisible(offline)
        self.stale_note.setVisible(stale)
        if offline or stale:
            (self.label if offline else self.stale_label).setText(self._text(times, offline, r.report.ts))

    def _text(self, times, offline: bool, now) -> str:
        oldest = self._as_of.date(times.oldest)
        parts = [(QCoreApplication.translate("OfflineBanner", "Offline – prices as of %1 (the oldest)") if offline
                  else QCoreApplication.translate("OfflineBanner", "Prices as of %1 (the oldest)")).replace("%1", oldest)]
        if times.sample is not None:
            first, last = (self._as_of.date(t) for t in times.sample)
            parts.append(QCoreApplication.translate("OfflineBanner", "Sample data from %1").replace("%1", first)
                         if first == last else QCoreApplication.translate(
                             "OfflineBanner", "Sample data from %1 to %2").replace("%1", first).replace("%2", last))
        if times.stale:
            parts.append(QCoreApplication.translate("OfflineBanner", "Stale: %1").replace(
                "%1", self._as_of.stale_list(times.stale, now)))
        return " · ".join(parts)


__all__ = ["OfflineBanner"]
