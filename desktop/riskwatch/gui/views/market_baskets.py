"""The market panel's figure boxes: the CD20 basket, the miner basket, QQQ (the Nasdaq-100 proxy) and the
co-movement of BTC, the miners and QQQ.

Each figure is read from the cycle's Snapshot with its own status: one that is not current is grey and italic
and its box says how old it is. The CD20 box says what the basket is (the app's replica of the factsheet, or the
user's own), which constituents are missing or left out as stale, and where its prices come from when they are
the bundled Binance USDT daily closes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout

from riskwatch.domain.basket_spec import CD20, LISTED_MINERS, MINER_BASKET
from riskwatch.gui.as_of_text import SAMPLE_DATA
from riskwatch.gui.market_text import MarketText
from riskwatch.gui.theme import ThemeAware, theme
from riskwatch.gui.translation import Retranslatable

#: box -> [(row id, scope, metric key)]; "corr" rows are (row id, scope, (30-day key, 90-day key, rise key)).
FIGURES = {
    "cd20": [("drop", CD20, "drop_from_high:30D"), ("ret30", CD20, "return:30D")],
    "miners": [("drop", MINER_BASKET, "drop_from_high:30D"), ("ret30", MINER_BASKET, "return:30D"),
               ("beta_btc", MINER_BASKET, "beta_btc:90D"), ("corr_btc", MINER_BASKET, "corr_btc:90D"),
               ("beta_qqq", MINER_BASKET, "beta_qqq:90D"), ("corr_qqq", MINER_BASKET, "corr_qqq:90D")],
    "qqq": [("ret28", "QQQ", "return:28D"), ("max_drop", "QQQ", "max_drop:30D"),
            ("drop", "QQQ", "drop_from_high:30D")],
}
CORRELATIONS = [("btc_qqq", "BTC", ("corr_qqq:30D", "corr_qqq:90D", "corr_rise_qqq")),
                ("miners_btc", MINER_BASKET, ("corr_btc:30D", "corr_btc:90D", "corr_rise_btc")),
                ("miners_qqq", MINER_BASKET, ("corr_qqq:30D", "corr_qqq:90D", "corr_rise_qqq"))]
SOURCES_SHOWN = ("binance_usdt", "yahoo")


class FigureBox(ThemeAware, QFrame):
    """A titled box of ``label  value`` rows and notes under them (each value styled by its own status)."""

    def __init__(self, rows: list[str], columns: int = 1, parent=None):
        super().__init__(parent)
        self.setObjectName("marketBox")
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(2)
        self.labels: dict[str, QLabel] = {}
        self.values: dict[str, list[QLabel]] = {}
        self.heads = [QLabel() for _ in range(columns)] if columns > 1 else []
        for c, head in enumerate(self.heads):
            self.grid.addWidget(head, 0, 1 + c, Qt.AlignmentFlag.AlignRight)
        for i, row in enumerate(rows, 1 if self.heads else 0):
            label = QLabel()
            label.setWordWrap(True)
            self.labels[row] = label
            self.grid.addWidget(label, i, 0)
            self.values[row] = []
            for c in range(columns):
                value = QLabel("–")
                value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.values[row].append(value)
                self.grid.addWidget(value, i, 1 + c)
        self.grid.setColumnStretch(0, 1)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 6, 10, 6)
        lay.setSpacing(4)
        lay.addWidget(self.title)
        lay.addLayout(self.grid)
        lay.addWidget(self.notes)
        lay.addStretch(1)
        self.refresh_theme()

    def apply_theme(self) -> None:
        t = theme()
        self.setStyleSheet(f"#marketBox {{ background: {t.card.background}; border: 1px solid {t.border}; "
                           "border-radius: 6px; }")
        self.title.setStyleSheet(f"font-weight: 600; color: {t.card.foreground};")
        self.notes.setStyleSheet(f"color: {t.muted}; font-size: 9pt;")
        for label in self.labels.values():
            label.setStyleSheet(f"color: {t.card.foreground};")
        for head in self.heads:
            head.setStyleSheet(f"color: {t.muted}; font-size: 9pt;")

    def set_value(self, row: str, text: str, current: bool, col: int = 0, tooltip: str = "") -> None:
        label = self.values[row][col]
        label.setText(text)
        colour = theme().card.foreground if current else theme().muted
        label.setStyleSheet(f"color: {colour}; font-weight: 600;" + ("" if current else " font-style: italic;"))
        label.setToolTip(tooltip)

    def value_text(self, row: str, col: int = 0) -> str:
        return self.values[row][col].text()

    def is_greyed(self, row: str, col: int = 0) -> bool:
        return "italic" in self.values[row][col].styleSheet()


class BasketBoxes(Retranslatable, QFrame):
    """The four boxes side by side; ``show_report(report, history_sources)`` fills them."""

    def __init__(self, parent=None, *, bundled_source: Callable[[str], str | None] | None = None):
        super().__init__(parent)
        self._text = MarketText(self)
        self._bundled_source = bundled_source or (lambda _symbol: None)
        self._report = None
        self._sources: dict = {}
        self.boxes = {key: FigureBox([r for r, _, _ in rows]) for key, rows in FIGURES.items()}
        self.boxes["corr"] = FigureBox([r for r, _, _ in CORRELATIONS], columns=3)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        for i, key in enumerate(("cd20", "miners", "qqq", "corr")):
            grid.addWidget(self.boxes[key], 0, i)
            grid.setColumnStretch(i, 4 if key == "corr" else 3)  # three columns of figures need the room
        for label in self.boxes["corr"].labels.values():
            label.setWordWrap(False)
        self.retranslate()

    def retranslate(self) -> None:
        drop, ret30 = self.tr("Drop from 30-day high"), self.tr("30-day return")
        labels = {"cd20": {"drop": drop, "ret30": ret30},
                  "miners": {"drop": drop, "ret30": ret30, "beta_btc": self.tr("Beta to BTC (90 days)"),
                             "corr_btc": self.tr("Correlation with BTC (90 days)"),
                             "beta_qqq": self.tr("Beta to QQQ (90 days)"),
                             "corr_qqq": self.tr("Correlation with QQQ (90 days)")},
                  "qqq": {"ret28": self.tr("4-week return"), "max_drop": self.tr("Largest drop within the month"),
                          "drop": drop},
                  "corr": {"btc_qqq": self.tr("BTC – QQQ"), "miners_btc": self.tr("Miner basket – BTC"),
                           "miners_qqq": self.tr("Miner basket – QQQ")}}
        for box, rows in labels.items():
            for row, text in rows.items():
                self.boxes[box].labels[row].setText(text)
        self.boxes["qqq"].title.setText(self.tr("Nasdaq-100 proxy (QQQ)"))
        self.boxes["corr"].title.setText(self.tr("Co-movement (correlation of daily returns)"))
        for head, text in zip(self.boxes["corr"].heads, (self.tr("30 days"), self.tr("90 days"),
                                                        self.tr("Rise (30 − 90)"))):
            head.setText(text)
        self._fill()

    def show_report(self, report, history_sources=None) -> None:
        self._report, self._sources = report, dict(history_sources or {})
        self._fill()

    def _fill(self) -> None:
        rep = self._report
        snap = rep.snapshot if rep is not None else None
        baskets = {b.code: b for b in (rep.baskets if rep is not None else ())}
        for key, rows in FIGURES.items():
            for row, scope, metric in rows:
                self._put(self.boxes[key], row, 0, snap, scope, metric)
        for row, scope, keys in CORRELATIONS:
            for col, metric in enumerate(keys):
                self._put(self.boxes["corr"], row, col, snap, scope, metric)
        self._fill_cd20(baskets.get(CD20))
        self._fill_miners(baskets.get(MINER_BASKET))
        self._fill_qqq(snap)
        self.boxes["corr"].notes.setText(self.tr("A rise of the 30-day correlation over the 90-day one means the "
                                                 "assets move more alike."))

    def _put(self, box: FigureBox, row: str, col: int, snap, scope: str, metric: str) -> None:
        mv = snap.get(scope, metric) if snap is not None else None
        if mv is None or mv.value is None:
            box.set_value(row, "–", True, col, self._text.status("missing", None) if snap is not None else "")
            return
        current = mv.status.usable
        box.set_value(row, self._text.value(metric, mv.value), current, col,
                      self._text.status(mv.status, mv.as_of, mv.detail))

    def _status_note(self, b) -> str:
        return self._text.status(b.status, b.as_of, SAMPLE_DATA if b.sample else "", bool(b.weights))

    def _fill_cd20(self, b) -> None:
        box = self.boxes["cd20"]
        if b is None:
            box.title.setText(self.tr("CoinDesk-20 basket"))
            box.notes.setText(self.tr("not available"))
            return
        when = self._text.date(b.factsheet_as_of) if b.factsheet_as_of else ""
        if b.origin == "factsheet":
            title = self.tr("CoinDesk-20 basket (own replica, weights of %1)").replace("%1", when)
        elif when:
            title = self.tr("Own basket (weights of %1)").replace("%1", when)
        else:
            title = self.tr("Own basket")
        box.title.setText(title)
        notes = [self.tr("%1 of %2 constituents").replace("%1", str(len(b.weights)))
                 .replace("%2", str(b.constituents))]
        if b.missing:
            notes.append(self.tr("missing: %1").replace("%1", ", ".join(b.missing)))
        if b.stale:
            notes.append(self.tr("stale: %1").replace("%1", self._text.stale_list(b.stale)))
        notes.append(self._sources_line(s for s, _ in b.weights))
        notes.append(self._status_note(b))
        box.notes.setText("\n".join(n for n in notes if n))

    def _fill_miners(self, b) -> None:
        box = self.boxes["miners"]
        if b is None:
            box.title.setText(self.tr("Miner basket"))
            box.notes.setText(self.tr("not available"))
            return
        listed = b.origin == "listed" or (b.constituents == len(LISTED_MINERS) and b.origin != "held")
        box.title.setText(self.tr("Miner basket (all nine listed miners)") if listed
                          else self.tr("Miner basket (held miners)"))
        notes = [self.tr("equal weight: %1").replace("%1", ", ".join(s for s, _ in b.weights) or "–")]
        if b.missing:
            notes.append(self.tr("missing: %1").replace("%1", ", ".join(b.missing)))
        if b.stale:
            notes.append(self.tr("stale: %1").replace("%1", self._text.stale_list(b.stale)))
        notes.append(self._status_note(b))
        box.notes.setText("\n".join(n for n in notes if n))

    def _fill_qqq(self, snap) -> None:
        mv = snap.get("QQQ", "return:28D") if snap is not None else None
        note = self._text.status(mv.status, mv.as_of, mv.detail) if mv is not None and mv.value is not None \
            else self.tr("not available")
        self.boxes["qqq"].notes.setText(note)

    def _sources_line(self, symbols) -> str:
        """Where the basket's prices come from when (some of) them are the bundled daily closes."""
        kinds = {self._bundled_source(s) for s in symbols if self._sources.get(s) == "bundle"}
        names = {"binance_usdt": self.tr("Binance USDT daily closes, bundled"),
                 "yahoo": self.tr("Yahoo Finance daily closes, bundled")}
        return "; ".join(names[k] for k in SOURCES_SHOWN if k in kinds)


__all__ = ["BasketBoxes", "CORRELATIONS", "FIGURES", "FigureBox"]
