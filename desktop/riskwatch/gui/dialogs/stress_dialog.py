"""Stress test dialog: shock BTC (and QQQ), or replay a historical period, on the current holdings.

Shows per position the value before and after, G/V and the new weight with the basis of each shock (rows
shocked through a beta say so), the portfolio totals and the alert rules that would fire. A missing beta is
never a zero move: such a row shows "–" and says its move is unknown, the portfolio's result is "not
available" with those assets named (and the result without them), until the user sets a beta for them in the
inputs table (labelled "beta (set by you)" wherever it is used). The numbers come
from ``riskwatch.domain.stress``; the dialog only collects inputs and formats. Historical closes come from an
injected ``closes(symbol)`` callable (app.py: the store's bars, else the bundle) – the GUI imports no adapter.
With an ``ops`` runner (the window's), the historical closes are read and the scenario computed in a worker,
and only the newest answer is shown; without one (tests of the dialog alone) it all runs at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QGroupBox,
                               QHBoxLayout, QHeaderView, QLabel, QListWidget, QPushButton,
                               QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from riskwatch.domain import stress
from riskwatch.domain.alerts import Rule
from riskwatch.domain.errors import InputError
from riskwatch.domain.stress import Basis
from riskwatch.gui.alert_text import AlertText, arg, number_text
from riskwatch.gui.dialogs.stress_inputs import ByHandTable
from riskwatch.gui.dialogs.stress_text import basis_text, parse_percent, totals_text, would_fire_items
from riskwatch.gui.format import date_text, money_text, percent_text
from riskwatch.gui.theme import theme
from riskwatch.gui.translation import Retranslatable

# Result table columns.
COL_SYMBOL, COL_SHOCK, COL_BEFORE, COL_AFTER, COL_PNL, COL_WEIGHT, COL_BASIS = range(7)
BASIS_ROLE = Qt.ItemDataRole.UserRole
FLAGS_ROLE = Qt.ItemDataRole.UserRole + 1
VALUE_ROLE = Qt.ItemDataRole.UserRole + 2

class StressDialog(Retranslatable, QDialog):
    """``report``: the latest RiskReport; ``rules``: the current alert rules; ``closes(symbol)``: daily closes
    for the historical scenarios (None: those scenarios are not offered)."""

    def __init__(self, report, rules: Sequence[Rule] = (), *,
                 closes: Callable[[str], object] | None = None, ops=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("stressDialog")
        self.report = report
        self.rules = list(rules)
        self._closes = closes
        self._closes_cache: dict[str, object] = {}
        self._ops = ops
        self._computations = 0  # generation of the newest computation: an older answer arriving late is dropped
        self._text = AlertText(self)
        self.holdings = stress.holdings_from_report(report) if report is not None else ()
        self.betas_btc, self.betas_qqq = stress.betas_from_report(report) if report is not None else ({}, {})
        self.currency = report.base_currency if report is not None else "USD"
        self.result: stress.StressResult | None = None
        self.would_fire: list[stress.WouldFire] = []
        self._updating = False

        # -- scenario choice --------------------------------------------------------------------
        self.scenario_label = QLabel()
        self.scenario = QComboBox()
        self.scenario.setObjectName("stressScenario")
        self.scenario.addItem("", None)
        if closes is not None:
            for sc in stress.historical_scenarios():
                self.scenario.addItem("", sc.code)
        self.scenario.currentIndexChanged.connect(self._on_scenario_current_index_changed)

        # -- BTC shock --------------------------------------------------------------------------
        self.btc_box = QGroupBox()
        self.preset_buttons: dict[float, QPushButton] = {}
        presets = QHBoxLayout()
        for value in stress.BTC_SHOCK_PRESETS:
            b = QPushButton(percent_text(value, decimals=0))
            b.setObjectName(f"preset{int(round(-value * 100))}")
            b.clicked.connect(lambda _checked=False, v=value: self.set_btc_shock(v))
            self.preset_buttons[value] = b
            presets.addWidget(b)
        self.btc_spin = QDoubleSpinBox()
        self.btc_spin.setObjectName("btcShock")
        self.btc_spin.setRange(-100.0, 200.0)
        self.btc_spin.setDecimals(1)
        self.btc_spin.setSingleStep(1.0)
        self.btc_spin.setSuffix(" %")
        self.btc_spin.setValue(stress.BTC_SHOCK_PRESETS[1] * 100)
        self.btc_spin.valueChanged.connect(self._on_inputs_changed)
        presets.addWidget(self.btc_spin)
        presets.addStretch(1)
        self.btc_hint = QLabel()
        self.btc_hint.setWordWrap(True)
        self.btc_hint.setStyleSheet(theme().text_style(theme().muted))
        btc_lay = QVBoxLayout(self.btc_box)
        btc_lay.addLayout(presets)
        btc_lay.addWidget(self.btc_hint)

        self.ai_box = QGroupBox()
        self.ai_box.setObjectName("aiUnwind")
        self.ai_box.setCheckable(True)
        self.ai_box.setChecked(False)
        self.ai_box.toggled.connect(self._on_inputs_changed)
        self.qqq_spin = QDoubleSpinBox()
        self.qqq_spin.setObjectName("qqqShock")
        self.qqq_spin.setRange(-100.0, 100.0)
        self.qqq_spin.setDecimals(1)
        self.qqq_spin.setSuffix(" %")
        self.qqq_spin.setValue(stress.AI_UNWIND_QQQ_SHOCK * 100)
        self.qqq_spin.valueChanged.connect(self._on_inputs_changed)
        self.qqq_label = QLabel()
        ai_lay = QHBoxLayout(self.ai_box)
        ai_lay.addWidget(self.qqq_label)
        ai_lay.addWidget(self.qqq_spin)
        ai_lay.addStretch(1)

        # -- manual shocks ----------------------------------------------------------------------
        self.manual_title = QLabel()
        self.manual_title.setStyleSheet("font-weight: 600;")
        self.manual = ByHandTable(self.holdings, self.betas_btc, self.betas_qqq)
        self.manual.inputs_edited.connect(self._on_inputs_changed)
        self._user_betas_used: dict[str, float] = {}

        # -- results ----------------------------------------------------------------------------
        self.table = QTableWidget(0, 7)
        self.table.setObjectName("stressResults")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.totals = QLabel()
        self.totals.setObjectName("stressTotals")
        self.totals.setStyleSheet("font-weight: 600;")
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.scenario_note = QLabel()
        self.scenario_note.setWordWrap(True)
        self.scenario_note.setStyleSheet(theme().text_style(theme().muted))
        self.rules_title = QLabel()
        self.rules_title.setStyleSheet("font-weight: 600;")
        self.rules_list = QListWidget()
        self.rules_list.setObjectName("stressRules")
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.explain.setStyleSheet(theme().text_style(theme().muted))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.scenario_label)
        top.addWidget(self.scenario, 1)
        inputs = QWidget()
        in_lay = QVBoxLayout(inputs)
        in_lay.setContentsMargins(0, 0, 0, 0)
        in_lay.addLayout(top)
        in_lay.addWidget(self.btc_box)
        in_lay.addWidget(self.ai_box)
        in_lay.addWidget(self.manual_title)
        in_lay.addWidget(self.manual, 1)
        outputs = QWidget()
        out_lay = QVBoxLayout(outputs)
        out_lay.setContentsMargins(0, 0, 0, 0)
        out_lay.addWidget(self.table, 2)
        out_lay.addWidget(self.totals)
        out_lay.addWidget(self.scenario_note)
        out_lay.addWidget(self.rules_title)
        out_lay.addWidget(self.rules_list, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(inputs)
        split.addWidget(outputs)
        split.setStretchFactor(1, 2)
        lay = QVBoxLayout(self)
        lay.addWidget(split, 1)
        lay.addWidget(self.explain)
        lay.addWidget(buttons)
        self.resize(1100, 620)
        self.retranslate()

    # -- texts --------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Stress test"))
        self.scenario_label.setText(self.tr("Scenario:"))
        names = self._scenario_names()
        for i in range(self.scenario.count()):
            code = self.scenario.itemData(i)
            self.scenario.setItemText(i, names.get(code, code or ""))
        self.btc_box.setTitle(self.tr("BTC shock"))
        self.btc_hint.setText(arg(self.tr("Every other asset moves by its 90-day beta to BTC (or the beta you set) "
                                          "times the BTC shock (at most %1). Stablecoins stay unchanged. An asset "
                                          "without a beta is never counted as unchanged: its move is unknown."),
                                  percent_text(-1.0, decimals=0)))
        self.ai_box.setTitle(self.tr("AI trade unwinds: shock QQQ (Nasdaq-100) as well"))
        self.qqq_label.setText(self.tr("QQQ shock:"))
        self.manual_title.setText(self.tr("Betas and shocks by hand (empty: computed)"))
        self.manual.retranslate()
        self.table.setHorizontalHeaderLabels([self.tr("Position"), self.tr("Shock"), self.tr("Value before"),
                                              self.tr("Value after"), self.tr("P&L"), self.tr("New weight"),
                                              self.tr("Basis")])
        self.rules_title.setText(self.tr("Alert rules that would fire"))
        self.explain.setText(self.tr(
            "With a QQQ shock, the part through the beta to QQQ is added to the part through the beta to BTC. "
            "Historical scenarios apply each asset's worst peak-to-trough move of the period to today's holdings; "
            "an asset without data in the period is shocked through its beta to BTC. Drawdown and drop from the "
            "30-day high after the shock: (1 + today's value) × (1 + shock) − 1."))
        self.recompute()

    def _scenario_names(self) -> dict:
        return {None: self.tr("BTC shock, passed on by beta"),
                "covid_crash_2020": self.tr("March 2020 (COVID crash)"),
                "terra_celsius_3ac_2022": self.tr("May–June 2022 (Terra, Celsius, 3AC)"),
                "ftx_2022": self.tr("November 2022 (FTX)"),
                "selloff_2025": self.tr("October–November 2025 (sell-off)")}

    def _beta_text(self, beta) -> str:
        return number_text(beta, 2) if beta is not None else "–"

    # -- inputs -------------------------------------------------------------------------------------
    def set_btc_shock(self, fraction: float) -> None:
        """A preset button: BTC shock in the beta mode."""
        self._updating = True
        self.scenario.setCurrentIndex(0)
        self.btc_spin.setValue(fraction * 100.0)
        self._updating = False
        self.recompute()

    def set_scenario(self, code: str | None) -> None:
        i = self.scenario.findData(code)
        if i >= 0:
            self.scenario.setCurrentIndex(i)

    def manual_shocks(self) -> dict[str, float]:
        return self.manual.manual_shocks()

    def set_manual_shock(self, symbol: str, fraction: float | None) -> None:
        self.manual.set_manual_shock(symbol, fraction)

    def user_betas(self) -> dict[str, float]:
        """The betas to BTC the user set for the scenario."""
        return self.manual.user_betas()

    def set_user_beta(self, symbol: str, beta: str | float | None) -> None:
        """Type ``beta`` (text in the UI language, or a number) into the symbol's "beta (set by you)" cell."""
        self.manual.set_user_beta(symbol, beta)

    def _historical_code(self) -> str | None:
        return self.scenario.currentData()

    def _on_scenario_current_index_changed(self, _i: int) -> None:
        historical = self._historical_code() is not None
        self.btc_box.setEnabled(True)  # a preset click switches back to the beta shock
        self.btc_spin.setEnabled(not historical)
        self.ai_box.setEnabled(not historical)
        if not self._updating:
            self.recompute()

    def _on_inputs_changed(self, *_args) -> None:
        if not self._updating:
            self.recompute()

    def _closes_of(self, symbol: str):
        if symbol not in self._closes_cache:
            self._closes_cache[symbol] = self._closes(symbol) if self._closes is not None else None
        return self._closes_cache[symbol]

    # -- computation --------------------------------------------------------------------------------
    def recompute(self) -> None:
        if not self.holdings:
            self.result, self.would_fire = None, []
            self.table.setRowCount(0)
            self.totals.setText(self.tr("No positions with prices – nothing to stress."))
            self.rules_list.clear()
            self.scenario_note.setText("")
            return
        work = self._computation()
        self._computations += 1
        if self._ops is None:
            try:
                self._on_computed(work())
            except InputError as exc:
                self._on_compute_failed(exc)
            return
        generation = self._computations
        self._ops.query(self, work, lambda r: generation == self._computations and self._on_computed(r),
                        failure=lambda exc: generation == self._computations and self._on_compute_failed(exc))

    def _computation(self) -> Callable[[], tuple]:
        """The inputs read now (GUI thread); the returned function computes (result, would fire) anywhere."""
        manual, code, report, rules = self.manual_shocks(), self._historical_code(), self.report, list(self.rules)
        user = self.user_betas()
        holdings, betas_btc, betas_qqq = self.holdings, self.betas_btc, self.betas_qqq
        btc = self.btc_spin.value() / 100.0
        qqq = self.qqq_spin.value() / 100.0 if self.ai_box.isChecked() else None

        def work() -> tuple:
            if code is None:
                result = stress.beta_shock(holdings, betas_btc, btc, qqq_shock=qqq, betas_to_qqq=betas_qqq,
                                           manual=manual, user_betas=user)
            else:
                result = stress.historical_shock(self._closes_of, stress.scenario(code), holdings, betas_btc,
                                                 manual=manual, user_betas=user)
            snapshot = report.snapshot if report is not None else None
            fire = stress.rules_that_would_fire(result, rules, snapshot, now=getattr(report, "ts", None))
            return result, fire, user

        return work

    def _on_computed(self, computed: tuple) -> None:
        self.result, self.would_fire, self._user_betas_used = computed
        self._render()

    def _on_compute_failed(self, exc: BaseException) -> None:
        self.result, self.would_fire = None, []
        self.totals.setText(str(exc))

    def _render(self) -> None:
        r = self.result
        cur = self.currency
        self.table.setRowCount(len(r.positions))
        for row, p in enumerate(r.positions):
            known = p.shock_known   # an unknown move is "–", never 0; the new weights all depend on it
            weight = p.weight_after if r.complete else None
            cells = {
                COL_SYMBOL: (p.symbol, None),
                COL_SHOCK: (percent_text(p.shock), p.shock) if known else ("–", None),
                COL_BEFORE: (money_text(p.value_before, cur), p.value_before),
                COL_AFTER: (money_text(p.value_after, cur), p.value_after) if known else ("–", None),
                COL_PNL: (money_text(p.pnl, cur), p.pnl) if known else ("–", None),
                COL_WEIGHT: (percent_text(weight) if weight is not None else "–", weight),
                COL_BASIS: (self.basis_text(p), None),
            }
            for col, (text, value) in cells.items():
                item = QTableWidgetItem(text)
                item.setData(VALUE_ROLE, value)
                if col not in (COL_SYMBOL, COL_BASIS):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if col == COL_PNL and p.pnl < 0:
                    item.setForeground(QColor(theme().negative))
                if col == COL_BASIS:
                    item.setToolTip(text)
                    item.setData(BASIS_ROLE, p.basis.value)
                    item.setData(FLAGS_ROLE, sorted(f.value for f in p.flags))
                    if p.basis is not Basis.DIRECT:
                        item.setForeground(QColor(theme().accent))
                self.table.setItem(row, col, item)
        self.totals.setText(totals_text(r, cur))
        self.totals.setWordWrap(not r.complete)
        if r.period is not None:
            start, end = (date_text(d, self.locale()) for d in r.period)
            btc = percent_text(r.btc_shock) if r.btc_shock is not None else "–"
            self.scenario_note.setText(arg(self.tr("Period %1 – %2. BTC's worst move in the period: %3."),
                                           start, end, btc))
        elif r.qqq_shock is not None:
            self.scenario_note.setText(arg(self.tr("BTC %1, QQQ %2."), percent_text(r.btc_shock or 0.0),
                                           percent_text(r.qqq_shock)))
        else:
            self.scenario_note.setText("")
        self._render_rules()

    def _render_rules(self) -> None:
        self.rules_list.clear()
        lacking = self.result.lacking_beta if self.result is not None else ()
        for item in would_fire_items(self.would_fire, self._text, lacking):
            self.rules_list.addItem(item)

    def basis_text(self, p: stress.StressPosition) -> str:
        """How the row's shock came about, in words; rows shocked through a beta say so."""
        historical = self.result is not None and self.result.period is not None
        beta_btc = (self._user_betas_used.get(p.symbol) if stress.Flag.USER_BETA_BTC in p.flags
                    else self.betas_btc.get(p.symbol))
        return basis_text(p, historical, self._beta_text(beta_btc), self._beta_text(self.betas_qqq.get(p.symbol)))

    def row_of(self, symbol: str) -> int:
        for row in range(self.table.rowCount()):
            if self.table.item(row, COL_SYMBOL).text() == symbol:
                return row
        raise KeyError(symbol)


__all__ = ["StressDialog", "parse_percent", "BASIS_ROLE", "FLAGS_ROLE", "VALUE_ROLE"]
