"""The red banner above the tabs while the figures come from stored or bundled prices (not in a replay)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel

from riskwatch.gui.format import date_text
from riskwatch.gui.theme import theme


class OfflineBanner(QFrame):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("offlineBanner")
        self.label = QLabel()
        QHBoxLayout(self).addWidget(self.label)
        self.hide()

    def apply_theme(self) -> None:
        t = theme()
        self.setStyleSheet(t.banner_style("offlineBanner", t.error_banner))

    def show_result(self, r, *, replaying: bool) -> None:
        """``r``: the CycleResult shown (None: nothing yet). The texts keep the main window's catalogue entries."""
        offline = r is not None and (r.offline or not r.report.snapshot.online) and not replaying
        self.setVisible(offline)
        if offline:
            when = r.newest_price_at
            text = QCoreApplication.translate("MainWindow", "Offline – prices as of %1").replace(
                "%1", "–" if when is None else date_text(when))
            if "bundle" in r.history_sources.values():
                text += " " + QCoreApplication.translate("MainWindow", "(partly from the bundled history)")
            self.label.setText(text)


__all__ = ["OfflineBanner"]
