"""Status bar: data source per asset class with online / degraded / offline, the age of the *oldest* price the
figures rest on and the stale holdings, base currency, the replay clock, a delivery indicator when a remote channel is failing or has deliveries
waiting, and a progress bar with cancel for long work."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from riskwatch.gui.as_of_text import AsOfText, FigureTimes, figure_times
from riskwatch.gui.theme import ThemeAware, theme
from riskwatch.gui.translation import Retranslatable


def _state_colour(state: str) -> str:
    t = theme()
    return {"online": t.positive, "degraded": t.caution, "offline": t.negative}.get(state, t.muted)


class StatusPanel(ThemeAware, Retranslatable, QWidget):
    cancel_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.crypto = QLabel()
        self.equity = QLabel()
        self.newest = QLabel()
        self.currency = QLabel()
        self.replay = QLabel()
        self.replay.hide()
        self.delivery = QLabel()
        self.delivery.hide()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(True)
        self.cancel = QPushButton()
        self.cancel.clicked.connect(self.cancel_requested)
        self.progress.hide()
        self.cancel.hide()
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        for w in (self.replay, self.delivery, self.crypto, self.equity, self.newest, self.currency, self.progress, self.cancel):
            lay.addWidget(w)
        self._crypto = ("Kraken", "unknown")
        self._equity = ("Yahoo Finance", "unknown")
        self._as_of = AsOfText(self)
        self._times = FigureTimes()
        self._now: datetime | None = None
        self._base = "USD"
        self._channels: dict = {}
        self.retranslate()
        self.refresh_theme()

    def retranslate(self) -> None:
        self.cancel.setText(self.tr("Cancel"))
        self._render()

    def apply_theme(self) -> None:
        self.replay.setStyleSheet(theme().text_style(theme().accent, bold=True))
        self._render()

    def state_label(self, state: str) -> str:
        return {"online": self.tr("online"), "degraded": self.tr("degraded"), "offline": self.tr("offline"),
                "unknown": self.tr("not connected yet")}.get(state, state)

    def set_sources(self, crypto: tuple[str, str] | None = None, equity: tuple[str, str] | None = None) -> None:
        if crypto:
            self._crypto = crypto
        if equity:
            self._equity = equity
        self._render()

    def show_figure_times(self, report, now: datetime | None) -> None:
        """How old the shown figures are (the report of the latest cycle)."""
        self._times, self._now = figure_times(report), now
        self._render()

    def set_base_currency(self, base: str) -> None:
        self._base = base
        self._render()

    def set_replay_date(self, text: str | None) -> None:
        self.replay.setVisible(bool(text))
        self.replay.setText(self.tr("Replay: %1").replace("%1", text or ""))

    def show_delivery(self, statuses) -> None:
        """``DeliveryService.status()``: name -> ChannelStatus. Shown only when a channel is failing or has
        deliveries waiting; all well, or no channel at all, shows nothing."""
        self._channels = dict(statuses or {})
        self._render_delivery()

    def _render_delivery(self) -> None:
        failing = [s for s in self._channels.values() if not s.healthy]
        waiting = [s for s in self._channels.values() if s.healthy and s.pending]
        parts = [self.tr("%1 failing (%2×)").replace("%1", s.name).replace("%2", str(max(s.pending + s.failed, 1)))
                 for s in failing]
        parts += [self.tr("%1: %n waiting", "", s.pending).replace("%1", s.name) for s in waiting]
        self.delivery.setVisible(bool(parts))
        if not parts:
            self.delivery.clear()
            self.delivery.setToolTip("")
            return
        colour = theme().negative if failing else theme().caution
        text = self.tr("Delivery: %1").replace("%1", ", ".join(parts))
        self.delivery.setText(f"<span style='color:{colour}'>{text}</span>")
        tip = [self.tr("%1: last error %2").replace("%1", s.name).replace("%2", s.last_error or "?") for s in failing]
        self.delivery.setToolTip("\n".join(tip + [self.tr("See the delivery log in the alert history.")]))

    def set_progress(self, text: str | None, value: int | None = None, maximum: int = 0) -> None:
        """Show (text) or hide (None) the progress bar; maximum 0 = busy indicator."""
        visible = text is not None
        self.progress.setVisible(visible)
        self.cancel.setVisible(visible)
        if visible:
            self.progress.setRange(0, maximum)
            if value is not None:
                self.progress.setValue(value)
            self.progress.setFormat(text)

    def _render(self) -> None:
        for label, (name, state), kind in ((self.crypto, self._crypto, self.tr("Crypto")),
                                           (self.equity, self._equity, self.tr("Stocks"))):
            colour = _state_colour(state)
            label.setText(f"{kind}: {name} <span style='color:{colour}'>● {self.state_label(state)}</span>")
        self._render_times()
        self.currency.setText(self.tr("Base currency: %1").replace("%1", self._base))
        self._render_delivery()

    def _render_times(self) -> None:
        times, now = self._times, self._now
        if times.oldest is None or now is None:
            self.newest.setText(self.tr("Oldest price: –"))
            self.newest.setToolTip("")
            return
        if times.stale or times.sample:  # an age of months reads better as the date
            when = self._as_of.date(times.oldest)
        else:
            when = self._age(max((now - times.oldest).total_seconds(), 0))
        text = self.tr("Oldest price: %1").replace("%1", when)
        if times.sample:
            text += " " + self.tr("(sample data)")
        tip = self.tr("The figures rest on prices as old as this.")
        if times.stale:
            text += " · " + self.tr("stale: %1").replace("%1", self._as_of.stale_list(times.stale, now, groups=2))
            tip += "\n" + self.tr("Stale: %1").replace("%1", self._as_of.stale_list(times.stale, now))
        self.newest.setText(text)
        self.newest.setToolTip(tip)

    def _age(self, age: float) -> str:
        if age < 90:
            return self.tr("%1 s ago").replace("%1", str(int(age)))
        if age < 5400:
            return self.tr("%1 min ago").replace("%1", str(round(age / 60)))
        if age < 2 * 86400:
            return self.tr("%1 h ago").replace("%1", str(round(age / 3600)))
        return self.tr("%1 days ago").replace("%1", str(round(age / 86400)))
