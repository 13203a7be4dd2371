"""The "Bilanz" tab: the balance sheet of a held miner next to its price risk (issue 19).

A picker chooses one of the miners the latest cycle holds; under it the figures from its filings (total debt,
cash, digital assets, shares, quarterly revenue) each with its period end and filing, or "eingegeben" when the
user entered it; the figures derived with today's price (market cap, net debt and its share of the market cap,
EV, debt / EV, debt growth over four quarters, cash + BTC against the debt due within 12 months); and the AI/HPC
contracts with their value against debt and market cap. A figure older than two quarters is grey with its date.

Nothing here does I/O. app.py (``fundamentals_wiring``) injects ``read(symbol, price_usd, now) -> BalanceData``,
a blocking read of the store, and ``runner(fn, on_done, on_error)``, which runs it off the GUI thread. The
derived figures the fundamentals source puts into the cycle's Snapshot are taken from there, with their status.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QFrame, QGroupBox, QHBoxLayout, QLabel, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from riskwatch.gui.as_of_text import AsOfText, is_current
from riskwatch.gui.balance_text import (DERIVED_CODES, FIGURE_CODES, SNAPSHOT_CODES, BalanceData, BalanceText,
                                        held_miners, is_stale, price_usd)
from riskwatch.gui.format import date_text, money_text
from riskwatch.gui.theme import ThemeAware, theme
from riskwatch.gui.translation import Retranslatable
from riskwatch.gui.views.balance_tables import Row, SectionTable

Read = Callable[[str, "float | None", datetime], BalanceData]
Runner = Callable[[Callable[[], object], Callable[[object], None], Callable[[BaseException], None]], object]
_BASIS = ("total_debt", "cash", "shares_outstanding")   # what the derived figures rest on
_ON_PRICE = frozenset({"market_cap", "net_debt_to_mcap", "enterprise_value", "debt_to_ev", "contracts_to_mcap"})


class BalanceView(ThemeAware, Retranslatable, QWidget):
    #: the user asked to enter figures, contracts or maturities of this miner
    edit_requested = Signal(str)

    def __init__(self, *, read: Read | None = None, runner: Runner | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("balanceView")
        self._read, self._runner = read, runner
        self._text = BalanceText(self)
        self._as_of = AsOfText(self)
        self._result = None
        self._data: BalanceData | None = None
        self._error = ""

        self.miner_label = QLabel()
        self.picker = QComboBox()
        self.picker.setMinimumContentsLength(6)
        self.picker.currentTextChanged.connect(self._on_picker_current_text_changed)
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.status_label = QLabel()
        self.status_label.setObjectName("balanceStatus")
        self.status_label.setWordWrap(True)
        self.header = QFrame()
        self.header.setObjectName("balanceHeader")
        head = QHBoxLayout(self.header)
        head.setContentsMargins(12, 6, 12, 6)
        head.addWidget(self.miner_label)
        head.addWidget(self.picker)
        head.addWidget(self.status_label, 1)
        head.addWidget(self.edit_button)

        self.facts_table = SectionTable(5, numeric=(1,))
        self.derived_table = SectionTable(3, numeric=(1,))
        self.contracts_table = SectionTable(5, numeric=(1,))
        self.contracts_note = QLabel()
        self.contracts_note.setWordWrap(True)
        self.maturities_note = QLabel()
        self.maturities_note.setWordWrap(True)
        self.price_note = QLabel()
        self.price_note.setWordWrap(True)
        self.facts_box, self.derived_box, self.contracts_box = QGroupBox(), QGroupBox(), QGroupBox()
        for box, widgets in ((self.facts_box, (self.facts_table,)),
                             (self.derived_box, (self.price_note, self.derived_table, self.maturities_note)),
                             (self.contracts_box, (self.contracts_table, self.contracts_note))):
            lay = QVBoxLayout(box)
            for w in widgets:
                lay.addWidget(w)
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.setSpacing(6)
        for w in (self.header, self.facts_box, self.derived_box, self.contracts_box):
            lay.addWidget(w)
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
    def attach(self, *, read: Read | None = None, runner: Runner | None = None) -> None:
        if read is not None:
            self._read = read
        if runner is not None:
            self._runner = runner
        self.reload()

    def show_result(self, result) -> None:
        """A CycleResult: its held miners in the picker, its prices and Snapshot figures for the derived ones."""
        self._result = result
        miners = held_miners(result)
        current = self.picker.currentText()
        if miners != [self.picker.itemText(i) for i in range(self.picker.count())]:
            self.picker.blockSignals(True)
            self.picker.clear()
            self.picker.addItems(miners)
            if current in miners:
                self.picker.setCurrentText(current)
            self.picker.blockSignals(False)
        self.edit_button.setEnabled(bool(miners))
        self.reload()

    @property
    def symbol(self) -> str:
        return self.picker.currentText()

    def select(self, symbol: str) -> None:
        self.picker.setCurrentText(symbol)

    def reload(self) -> None:
        """Read the chosen miner's balance sheet again (after a cycle, or after the user entered a figure)."""
        symbol = self.symbol
        if not symbol or self._read is None:
            self._render()
            return
        read, price, now = self._read, price_usd(self._result, symbol), self._now()

        def done(data) -> None:
            if data.symbol == self.symbol:
                self._data, self._error = data, ""
                self._render()

        def failed(exc: BaseException) -> None:
            self._data, self._error = None, str(exc) or type(exc).__name__
            self._render()

        work = lambda: read(symbol, price, now)  # noqa: E731 - the runner takes a callable
        if self._runner is None:  # tests only
            try:
                done(work())
            except Exception as exc:  # shown to the user like the runner's failure
                failed(exc)
        else:
            self._runner(work, done, failed)

    def _now(self) -> datetime:
        ts = getattr(getattr(self._result, "report", None), "ts", None)
        return ts if ts is not None else datetime.now(timezone.utc)

    # -- drawing ----------------------------------------------------------------------------------------------
    def apply_theme(self) -> None:
        t = theme()
        self.header.setStyleSheet(f"#balanceHeader {{ background: {t.card.background}; border: 1px solid "
                                  f"{t.border}; border-radius: 6px; }}")
        for label in (self.status_label, self.contracts_note, self.maturities_note, self.price_note):
            label.setStyleSheet(f"color: {t.muted};")

    def retranslate(self) -> None:
        self.miner_label.setText(self.tr("Miner:"))
        self.edit_button.setText(self.tr("Enter figures and contracts…"))
        self.facts_box.setTitle(self.tr("Figures from the filings"))
        self.derived_box.setTitle(self.tr("Derived with today's price"))
        self.contracts_box.setTitle(self.tr("AI/HPC contracts"))
        self.facts_table.setHorizontalHeaderLabels([self.tr("Figure"), self.tr("Value"), self.tr("Period end"),
                                                    self.tr("Filing"), self.tr("Status")])
        self.derived_table.setHorizontalHeaderLabels([self.tr("Figure"), self.tr("Value"), self.tr("Status")])
        self.contracts_table.setHorizontalHeaderLabels([self.tr("Counterparty"), self.tr("Value"), self.tr("Term"),
                                                        self.tr("Start"), self.tr("Source")])
        self._render()

    def _render(self) -> None:
        data = self._data if self._data is not None and self._data.symbol == self.symbol else None
        now = self._now()
        self._render_status(data, now)
        facts = data.facts if data is not None else {}
        rows = []
        for code in FIGURE_CODES:
            fact = facts.get(code)
            if fact is None:
                rows.append(Row((self._text.figure(code), "–", "", "", self.tr("not reported")), True, key=code))
                continue
            stale = is_stale(fact.period_end, now)
            rows.append(Row((self._text.figure(code), self._text.value(code, fact.value), date_text(fact.period_end),
                             self._text.filing(fact), self._text.stale(fact.period_end) if stale else ""),
                            stale, self._text.fact_tooltip(fact), code))
        self.facts_table.set_rows(rows)
        basis_stale = any(is_stale(facts[c].period_end, now) for c in _BASIS if c in facts)
        price_old = not self._price_current()
        self.derived_table.set_rows([
            self._derived_row(code, data, self.tr("from stale figures") if basis_stale else
                              self.tr("on a price that is not current") if price_old and code in _ON_PRICE else "")
            for code in DERIVED_CODES])
        self.contracts_table.set_rows([
            Row((c.counterparty, self._text.usd(c.value_usd), self._text.term(c.term_years),
                 date_text(c.start) if c.start is not None else "–", c.source), tooltip=c.note or c.source,
                key=c.counterparty) for c in (data.contracts if data is not None else ())])
        self._render_notes(data)

    def _derived_row(self, code: str, data: BalanceData | None, old: str) -> Row:
        """``old``: why the figure is not current ("" when it is)."""
        mv = self._snapshot_value(code)
        if mv is not None:
            current = is_current(mv.status, mv.detail) and not old
            note = "" if current else (self._as_of.note(mv.status, mv.as_of, mv.detail) or old)
            return Row((self._text.figure(code), self._text.value(code, mv.value), note), not current,
                       self._as_of.tooltip(mv.status, mv.as_of, mv.detail), code)
        value = data.derived.get(code) if data is not None else None
        if value is None:
            why = {"cash_btc_cover": self.tr("enter debt maturities"),
                   "contracts_to_debt": self.tr("no contracts"), "contracts_to_mcap": self.tr("no contracts")
                   }.get(code, self.tr("not available"))
            if code.startswith("contracts_") and data is not None and data.contracts:
                why = self.tr("not available")
            return Row((self._text.figure(code), "–", why), True, key=code)
        return Row((self._text.figure(code), self._text.value(code, value), old), bool(old), key=code)

    def _snapshot_value(self, code: str):
        if code not in SNAPSHOT_CODES or self._result is None or not self.symbol:
            return None
        return self._result.report.snapshot.get(self.symbol, code)

    def _render_status(self, data: BalanceData | None, now: datetime) -> None:
        if not self.symbol:
            text = self.tr("No miner held: the balance sheets are shown for the miners in your portfolio.")
        elif self._error:
            text = self._text.problem(self._error, self.symbol)
        elif data is None:
            text = self.tr("Reading…") if self._read is not None else self.tr("No balance-sheet data connected.")
        elif data.problem:
            text = self._text.problem(data.problem, self.symbol)
        else:
            ends = [f.period_end for f in data.facts.values() if f.period_end is not None]
            newest = max(ends) if ends else None
            debt = data.facts.get("total_debt")
            newest = debt.period_end if debt is not None else newest
            text = self.tr("Balance sheet as of %1").replace("%1", date_text(newest)) if newest else ""
            if newest is not None and is_stale(newest, now):
                text = self._text.stale(newest) + " – " + self.tr("older than two quarters")
            if any(f.entered for f in data.facts.values()):
                text += " · " + self.tr("includes figures you entered")
        self.status_label.setText(text)

    def _render_notes(self, data: BalanceData | None) -> None:
        derived = data.derived if data is not None else {}
        contracts = data.contracts if data is not None else ()
        self.contracts_table.setVisible(bool(contracts))
        if not contracts:
            self.contracts_note.setText(self.tr("No contracts entered."))
        else:
            text = self.tr("Contract value %1").replace("%1", self._text.usd(sum(c.value_usd for c in contracts)))
            parts = [self.tr("%1 of the debt").replace("%1", self._text.value(code, derived.get(code)))
                     if code == "contracts_to_debt" else
                     self.tr("%1 of the market cap").replace("%1", self._text.value(code, derived.get(code)))
                     for code in ("contracts_to_debt", "contracts_to_mcap") if derived.get(code) is not None]
            self.contracts_note.setText(text + (": " + ", ".join(parts) if parts else "") + ".")
        self._render_price()
        maturities = data.maturities if data is not None else ()
        self.maturities_note.setText(
            self.tr("Debt maturities entered: %1").replace("%1", "; ".join(
                f"{date_text(m.due)} {self._text.usd(m.amount_usd)}" for m in sorted(maturities, key=lambda m: m.due)))
            if maturities else self.tr("No debt maturities entered."))

    def _price_current(self) -> bool:
        row = self._result.report.asset(self.symbol) if self._result is not None and self.symbol else None
        return row is not None and row.price is not None and is_current(row.status, "sample_data" if row.sample
                                                                        else "")

    def _render_price(self) -> None:
        row = self._result.report.asset(self.symbol) if self._result is not None and self.symbol else None
        price = price_usd(self._result, self.symbol) if row is not None else None
        if price is None:
            self.price_note.setText(self.tr("No share price: the figures on the market cap are not available."))
            return
        text = self.tr("Share price %1").replace("%1", money_text(price, "USD"))
        mark = self._as_of.note(row.status, row.as_of, "sample_data" if row.sample else "")
        self.price_note.setText(text + (f" ({mark})" if mark else ""))

    def _on_picker_current_text_changed(self, _text: str) -> None:
        self.reload()

    def _on_edit_button_clicked(self) -> None:
        if self.symbol:
            self.edit_requested.emit(self.symbol)


__all__ = ["BalanceView"]
