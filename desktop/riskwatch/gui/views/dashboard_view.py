"""Dashboard: portfolio value, P&L, drawdown, drop from the 30-day high, 1-day VaR/ES 95 % in money, largest
position, miner beta to BTC, the weekend-gap estimate and the currently firing alerts at a glance.

The drawdown and drop cards are coloured by the user's enabled portfolio rules on those metrics
(:meth:`DashboardView.set_rules`), like the liquidity lights: red past a critical threshold, amber past a warning
or info one, green while no threshold is crossed; without such a rule the card keeps its plain text colour.

A card whose figure is not current (stale, from the sample history, of holdings on mixed dates) is greyed, says
so under the figure ("veraltet · Stand 04.04.2025") and explains it in its tooltip; it is then never coloured
by the rules, which do not read such a figure either."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from riskwatch.domain.catalogue import spec
from riskwatch.domain.snapshot import PORTFOLIO, metric_key
from riskwatch.gui.alert_text import AlertText, local_datetime_text
from riskwatch.gui.as_of_text import AsOfText, is_current
from riskwatch.gui.format import money_text, number_text, percent_text
from riskwatch.gui.theme import ThemeAware, theme
from riskwatch.gui.translation import Retranslatable
from riskwatch.gui.views.asset_table import AssetTable
from riskwatch.gui.views.liquidity_lights import AMBER, GREEN, RED, Threshold, thresholds_from_rules, traffic_light

#: The cards coloured by the rules: card -> the portfolio metric key its rules use.
RULED_CARDS = {"drawdown": metric_key("drawdown", spec("drawdown").default_window),
               "drop": metric_key("drop_from_high", spec("drop_from_high").default_window)}
#: card -> the portfolio figure in the snapshot whose status and as-of time the card shows.
CARD_FIGURES = {**RULED_CARDS, "value": "largest_weight", "pnl": "largest_weight", "largest": "largest_weight",
                "var": "var_95", "es": "es_95", "beta": metric_key("beta_btc", spec("beta_btc").default_window)}



class Card(QFrame):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("card")
        self.title = QLabel()
        self.value = QLabel("–")
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sub = QLabel()
        self.note = QLabel()  # how old the figure is, when it is not current
        self.note.setObjectName("cardNote")
        self.note.setWordWrap(True)
        self.note.hide()
        self._note = ""
        self.apply_theme()
        self.sub.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 8, 12, 8)
        lay.addWidget(self.title)
        lay.addWidget(self.value)
        lay.addWidget(self.note)
        lay.addWidget(self.sub)

    def apply_theme(self) -> None:
        t = theme()
        self.setStyleSheet(f"#card {{ background: {t.card.background}; border: 1px solid {t.border}; "
                           "border-radius: 6px; }")
        self.title.setStyleSheet(f"color: {t.muted}; font-size: 9pt;")
        self.sub.setStyleSheet(f"color: {t.muted}; font-size: 9pt;")
        self.note.setStyleSheet(f"color: {t.caution}; font-size: 9pt; font-style: italic;")
        self.value.setStyleSheet(f"font-size: 17pt; font-weight: 600; color: {t.card.foreground};")
        self._shown = None

    def set(self, value: str, sub: str = "", colour: str | None = None) -> None:
        """Only what changed is touched: a style sheet change re-polishes the label (expensive per refresh)."""
        # a figure that is not current is grey whatever the rules would colour it
        shown = (value, sub, theme().muted if self._note else colour or theme().card.foreground)
        if shown == getattr(self, "_shown", None):
            return
        self._shown = shown
        self.value.setText(value)
        self.value.setStyleSheet(f"font-size: 17pt; font-weight: 600; color: {shown[2]};")
        self.sub.setText(sub)

    def mark(self, note: str, tooltip: str = "") -> None:
        """Mark the figure as not current (``note`` "": current); call before :meth:`set`."""
        if note != self._note:
            self._note = note
            self._shown = None
            self.note.setText(note)
            self.note.setVisible(bool(note))
        self.setToolTip(tooltip)


class DashboardView(ThemeAware, Retranslatable, QWidget):
    KEYS = ("value", "pnl", "drawdown", "drop", "var", "es", "largest", "beta")

    def __init__(self, parent=None, *, clock=None):
        """``clock`` (injected) tells whether a snooze is still running; without it the report's time."""
        super().__init__(parent)
        self._clock = clock
        self._report = None
        self._active: tuple = ()
        self._gap = None
        self._thresholds: tuple[Threshold, ...] = ()
        self._text = AlertText(self)
        self._as_of = AsOfText(self)
        self.cards = {k: Card() for k in self.KEYS}
        grid = QGridLayout()
        grid.setSpacing(10)
        for i, key in enumerate(self.KEYS):
            grid.addWidget(self.cards[key], i // 4, i % 4)
        self.assets = AssetTable()
        self.alerts_title = QLabel()
        self.alerts_title.setStyleSheet("font-weight: 600; margin-top: 8px;")
        self.alerts = QListWidget()
        self.alerts.setObjectName("dashboardAlerts")
        # three lines are enough (it scrolls): at 1280 × 720 the cards above need the height more
        self.alerts.setMinimumHeight(3 * self.alerts.fontMetrics().height() + 8)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addLayout(grid)
        lay.addWidget(self.assets)
        lay.addWidget(self.alerts_title)
        lay.addWidget(self.alerts, 1)
        lay.addWidget(self.notes)
        self.retranslate()
        self.refresh_theme()

    def apply_theme(self) -> None:
        """After a palette change: cards, notes, the asset table and the alert list in the new colours."""
        for card in self.cards.values():
            card.apply_theme()
        self.notes.setStyleSheet(theme().text_style(theme().muted))
        self._render()

    def retranslate(self) -> None:
        titles = {"value": self.tr("Portfolio value"), "pnl": self.tr("Profit/loss (P&L)"),
                  "drawdown": self.tr("Drawdown from peak"), "drop": self.tr("Drop from 30-day high"),
                  "var": self.tr("Value at Risk (VaR) 95 %, 1 day"),
                  "es": self.tr("Expected shortfall (CVaR) 95 %, 1 day"),
                  "largest": self.tr("Largest position"), "beta": self.tr("Miner beta to BTC (90 days)")}
        for k, t in titles.items():
            self.cards[k].title.setText(t)
        self.alerts_title.setText(self.tr("Active alerts"))
        self.assets.retranslate()
        self._render()

    def set_rules(self, rules) -> None:
        """The user's rules (``domain.alerts.Rule``): the enabled portfolio ones on a ruled card's metric colour
        it (see the module docstring)."""
        # a threshold of an asset or group rule never applies to the PORTFOLIO scope the cards are judged in
        self._thresholds = thresholds_from_rules(rules, RULED_CARDS.values())
        self._render()

    def card_colour(self, card: str, value: float | None) -> str:
        """The text colour of a ruled card for ``value`` under the current rules."""
        t = theme()
        light = traffic_light(self._thresholds, PORTFOLIO, RULED_CARDS[card], value)
        return {GREEN: t.positive, AMBER: t.caution, RED: t.negative}.get(light, t.card.foreground)

    def set_report(self, report) -> None:
        self._report = report
        self._render()

    def show(self, report, active, gap) -> None:
        """A cycle's report, active alerts and weekend-gap estimate, drawn once."""
        self._report, self._active, self._gap = report, tuple(active), gap
        self._render()

    def set_active_alerts(self, active) -> None:
        self._active = tuple(active)
        self._render()

    def _render(self) -> None:
        rep = self._report
        pf = rep.portfolio if rep is not None else None
        c = self.cards
        if pf is None:
            for card in c.values():
                card.mark("")
                card.set("–", self.tr("no prices yet") if rep is None else self.tr("no positions with prices"))
        else:
            self._mark_cards(rep)
            cur = rep.base_currency
            c["value"].set(money_text(pf.value, cur), self.tr("cost %1").replace("%1", money_text(pf.cost, cur)))
            colour = theme().positive if pf.pnl >= 0 else theme().negative
            c["pnl"].set(money_text(pf.pnl, cur), percent_text(pf.pnl_pct) if pf.pnl_pct is not None else "",
                         colour)
            c["drawdown"].set(_pct(pf.drawdown), self.tr("worst: %1").replace("%1", _pct(pf.max_drawdown)),
                              self.card_colour("drawdown", pf.drawdown))
            c["drop"].set(_pct(pf.drop_from_high), self.tr("calendar window of 30 days"),
                          self.card_colour("drop", pf.drop_from_high))
            c["var"].set(money_text(pf.var_95_money, cur) if pf.var_95_money is not None else "–",
                         self.tr("%1 of the portfolio; historical, last 365 days").replace("%1", _pct(pf.var_95)))
            c["es"].set(money_text(pf.es_95_money, cur) if pf.es_95_money is not None else "–",
                        self.tr("%1 of the portfolio; mean of the worst 5 % of days").replace("%1", _pct(pf.es_95)))
            c["largest"].set(pf.largest_symbol or "–", self.tr("%1 of the portfolio, HHI %2").replace(
                "%1", _pct(pf.largest_weight)).replace("%2", number_text(pf.hhi or 0.0, 2, trim=False)))
            note = self._miner_beta_note(pf)
            beta_sub = note or self.tr("value-weighted over the miners held")
            if self._gap:
                moves = ", ".join(f"{s} {_pct(v)}" for s, v in sorted(self._gap.items()))
                gap = self.tr("Weekend gap estimate: %1").replace("%1", moves)
                beta_sub = f"{note} · {gap}" if note else gap
            c["beta"].set(number_text(pf.miner_beta_btc, 2, trim=False) if pf.miner_beta_btc is not None
                          else "–", beta_sub)
        self.assets.show_assets(rep, self._active, self._severity_label)
        rows = [(self._alert_text(a), a.alert_key, theme().severity_text(_sev(a))) for a in self._active]
        if not rows:
            rows.append((self.tr("No active alerts."), None, None))
        if rows != getattr(self, "_alert_rows", None):  # rebuilt only when an alert changed
            self._alert_rows = rows
            self.alerts.clear()
            for text, key, colour in rows:
                item = QListWidgetItem(text)
                if key is not None:
                    item.setData(Qt.ItemDataRole.UserRole, key)
                    item.setForeground(_qcolor(colour))
                self.alerts.addItem(item)
        notes = []
        if rep is not None and rep.missing:
            notes.append(self.tr("No price for: %1").replace("%1", ", ".join(rep.missing)))
        self.notes.setText("  ".join(notes))

    def _mark_cards(self, rep) -> None:
        for key, card in self.cards.items():
            mv = rep.snapshot.get(PORTFOLIO, CARD_FIGURES[key])
            if mv is None or mv.value is None or is_current(mv.status, mv.detail):
                card.mark("")
            else:
                card.mark(self._as_of.note(mv.status, mv.as_of, mv.detail),
                          self._as_of.tooltip(mv.status, mv.as_of, mv.detail))

    def card_note(self, card: str) -> str:
        """The not-current mark of a card ("" when current)."""
        return self.cards[card].note.text() if self.cards[card].note.isVisibleTo(self.cards[card]) else ""

    def _miner_beta_note(self, pf) -> str:
        """How many held miners the miner beta is made of ("" when all of them): a miner with a stale or too
        short history has no beta and does not count."""
        # a report from before the count existed carries none: then only the general note
        cov = pf.miner_beta_coverage
        if cov is None or (cov.held and len(cov.contributed) == len(cov.held)):
            return ""
        if not cov.held:
            return self.tr("no miners held")
        n, total = str(len(cov.contributed)), str(len(cov.held))
        if pf.miner_beta_btc is None or not cov.contributed:
            return self.tr("not available (%1 of %2 miners)").replace("%1", n).replace("%2", total)
        without = ", ".join(s for s in cov.held if s not in cov.contributed)
        return (self.tr("from %1 of %2 miners; no current beta: %3").replace("%1", n).replace("%2", total)
                .replace("%3", without))

    def _alert_text(self, a) -> str:
        """Severity, asset, rule, the current value (the alert window's "Value"), the value at firing, state."""
        value = self._text.value(a.metric, a.last_value)
        text = f"{self._severity_label(_sev(a))} · {self._text.member(a.member)} · {self._text.rule_name(a.rule_name)} · {value}"
        if a.fired_value is not None and a.fired_value != a.last_value:
            text += " " + self.tr("(fired at %1)").replace("%1", self._text.value(a.metric, a.fired_value))
        now = self._clock.now() if self._clock is not None else getattr(self._report, "ts", None)
        if a.acknowledged:
            text += " · " + self.tr("acknowledged")
        elif a.snoozed_until is not None and (now is None or a.is_snoozed(now)):
            text += " · " + self.tr("snoozed until %1").replace("%1", local_datetime_text(a.snoozed_until))
        return text

    def _severity_label(self, sev: str) -> str:
        try:
            return self._text.severity(sev)
        except ValueError:
            return sev


def _sev(a) -> str:
    return str(getattr(a.severity, "value", a.severity))


def _pct(v) -> str:
    return percent_text(v) if v is not None else "–"


def _qcolor(name: str):
    from PySide6.QtGui import QColor

    return QColor(name)
