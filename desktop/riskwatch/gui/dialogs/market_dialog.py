"""The market dialog ("Korb und Regeln bearbeiten…"): the CD20 basket, the miner basket and the regime rules.

* The CD20 basket as an editable table of tickers and weights in percent; "Importieren…" reads a CSV in the
  factsheet format (``read_basket(path)``, injected: ``adapters.market_bundle.load_basket_factsheet``; a bad file
  shows its problems and changes nothing); "Zurücksetzen auf Factsheet" shows the bundled factsheet again.
* The miner basket: the held miners or all nine listed ones.
* The regime: each indicator's threshold (in percent for fractions), "unter Druck ab N", "angespannt ab M",
  and a reset to the shipped rules.

Nothing is saved until OK, and nothing at all while a field is refused: every number is read as the UI shows
it (``market_inputs``). Saving goes through the injected ``MarketSetup``; the next cycle uses it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QHeaderView, QLabel, QPushButton, QRadioButton, QSpinBox, QTableWidget,
                               QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from riskwatch.domain.basket_spec import CD20, Basket
from riskwatch.domain.errors import InputError
from riskwatch.domain.regime import RegimeConfig
from riskwatch.gui.dialogs.market_inputs import MarketInput, percent_factor, shown_number
from riskwatch.gui.market_text import MarketText
from riskwatch.gui.theme import theme
from riskwatch.gui.translation import Retranslatable

ReadBasket = Callable[[object], tuple]


class MarketDialog(Retranslatable, QDialog):
    def __init__(self, setup, *, read_basket: ReadBasket, choose_file: Callable[[QWidget], str] | None = None,
                 parent: QWidget | None = None):
        """``setup``: the MarketSetup; ``read_basket(path)`` -> ``(as_of, [(ticker, name, weight_pct)])``, the
        bundled factsheet for ``None`` (raises InputError); ``choose_file(parent)`` -> a path or "" (the
        file dialog by default)."""
        super().__init__(parent)
        self.setObjectName("marketDialog")
        self._setup = setup
        self._read_basket = read_basket
        self._choose_file = choose_file or self._ask_file
        self._text = MarketText(self)
        self._input = MarketInput(self)
        basket = setup.cd20()
        self._basket_as_of, self._basket_origin = basket.as_of, basket.origin
        self._loaded_weights = list(basket.weights)
        self._config = setup.regime_config()

        self.tabs = QTabWidget()
        # -- the CD20 basket
        self.basket_note = QLabel()
        self.basket_note.setWordWrap(True)
        self.basket_table = QTableWidget(0, 2)
        self.basket_table.verticalHeader().hide()
        self.basket_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.basket_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.basket_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.add_button, self.remove_button = QPushButton(), QPushButton()
        self.import_button, self.reset_basket_button = QPushButton(), QPushButton()
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.reset_basket_button.clicked.connect(self._on_reset_basket_button_clicked)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.import_button, self.reset_basket_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.addWidget(self.basket_note)
        lay.addWidget(self.basket_table, 1)
        lay.addLayout(buttons)
        self.tabs.addTab(page, "")
        # -- the miner basket
        self.held_miners, self.listed_miners = QRadioButton(), QRadioButton()
        (self.listed_miners if setup.miner_mode() == "listed" else self.held_miners).setChecked(True)
        self.miner_note = QLabel()
        self.miner_note.setWordWrap(True)
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.addWidget(self.held_miners)
        lay.addWidget(self.listed_miners)
        lay.addWidget(self.miner_note)
        lay.addStretch(1)
        self.tabs.addTab(page, "")
        # -- the regime rules
        self.rules_table = QTableWidget(0, 3)
        self.rules_table.verticalHeader().hide()
        self.rules_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            self.rules_table.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.pressure_at, self.stressed_at = QSpinBox(), QSpinBox()
        self.reset_rules_button = QPushButton()
        self.reset_rules_button.clicked.connect(self._on_reset_rules_button_clicked)
        self.levels = QFormLayout()
        self.pressure_label, self.stressed_label = QLabel(), QLabel()
        self.levels.addRow(self.pressure_label, self.pressure_at)
        self.levels.addRow(self.stressed_label, self.stressed_at)
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.addWidget(self.rules_table, 1)
        lay.addLayout(self.levels)
        lay.addWidget(self.reset_rules_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.tabs.addTab(page, "")

        self.error_label = QLabel()
        self.error_label.setObjectName("marketDialogError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(theme().text_style(theme().negative))
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(self.tabs, 1)
        outer.addWidget(self.error_label)
        outer.addWidget(self.buttons)
        self._fill_basket(self._loaded_weights)
        self._fill_rules(self._config)
        self.retranslate()
        self.resize(720, 560)

    # -- text -------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Basket and regime rules"))
        for i, text in enumerate((self.tr("CoinDesk-20 basket"), self.tr("Miner basket"), self.tr("Regime rules"))):
            self.tabs.setTabText(i, text)
        self.basket_table.setHorizontalHeaderLabels([self.tr("Ticker"), self.tr("Weight in %")])
        self.add_button.setText(self.tr("Add row"))
        self.remove_button.setText(self.tr("Remove row"))
        self.import_button.setText(self.tr("Import…"))
        self.reset_basket_button.setText(self.tr("Reset to factsheet"))
        self.held_miners.setText(self.tr("The miners held (all nine while none is held)"))
        self.listed_miners.setText(self.tr("All nine listed miners"))
        self.miner_note.setText(self.tr("Equal weights; the basket's drop, return, beta and correlation to BTC and "
                                        "QQQ are shown on the market tab."))
        self.rules_table.setHorizontalHeaderLabels([self.tr("Indicator"), self.tr("Condition"),
                                                    self.tr("Threshold")])
        self.pressure_label.setText(self.tr("Under pressure from (indicators)"))
        self.stressed_label.setText(self.tr("Stressed from (indicators)"))
        self.reset_rules_button.setText(self.tr("Reset to the shipped rules"))
        self._update_basket_note()
        for row, ind in enumerate(self._config.indicators):
            self.rules_table.item(row, 0).setText(self._text.indicator(ind))

    def _update_basket_note(self) -> None:
        when = self._text.date(self._basket_as_of) if self._basket_as_of else ""
        if self._basket_origin == "factsheet":
            note = self.tr("The CoinDesk 20 factsheet's constituents and weights of %1. Import a newer factsheet "
                           "or type your own basket.").replace("%1", when)
        else:
            note = self.tr("Your own basket (weights of %1).").replace("%1", when) if when else \
                self.tr("Your own basket.")
        self.basket_note.setText(note + " " + self.tr("Weights need not add up to 100: they are renormalised "
                                                      "over the constituents with a price."))

    # -- filling ----------------------------------------------------------------------------------------------
    def _fill_basket(self, weights) -> None:
        self.basket_table.setRowCount(0)
        for ticker, weight in weights:
            self._add_basket_row(ticker, shown_number(weight))

    def _add_basket_row(self, ticker: str = "", weight: str = "") -> None:
        row = self.basket_table.rowCount()
        self.basket_table.insertRow(row)
        self.basket_table.setItem(row, 0, QTableWidgetItem(ticker))
        item = QTableWidgetItem(weight)
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.basket_table.setItem(row, 1, item)

    def _fill_rules(self, config: RegimeConfig) -> None:
        self._config = config
        self.rules_table.setRowCount(len(config.indicators))
        for row, ind in enumerate(config.indicators):
            name = QTableWidgetItem(self._text.indicator(ind))
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            comp = QTableWidgetItem(self._text.threshold(ind).split(" ")[0])
            comp.setFlags(comp.flags() & ~Qt.ItemFlag.ItemIsEditable)
            pct = " %" if percent_factor(ind.metric) != 1 else ""
            value = QTableWidgetItem(shown_number(ind.threshold, percent_factor(ind.metric)) + pct)
            value.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for col, item in enumerate((name, comp, value)):
                self.rules_table.setItem(row, col, item)
        n = len(config.indicators)
        for spin, value in ((self.pressure_at, config.pressure_at), (self.stressed_at, config.stressed_at)):
            spin.setRange(1, max(n, 1))
            spin.setValue(value)

    # -- reading ----------------------------------------------------------------------------------------------
    def basket_weights(self) -> list[tuple[str, float]]:
        """The table's basket; raises ValueError with the user's message for a bad row."""
        out = []
        for row in range(self.basket_table.rowCount()):
            ticker = (self.basket_table.item(row, 0).text() if self.basket_table.item(row, 0) else "").strip().upper()
            weight = self.basket_table.item(row, 1).text() if self.basket_table.item(row, 1) else ""
            if not ticker and not weight.strip():
                continue  # an empty row is no constituent
            if not ticker:
                raise ValueError(self.tr("Row %1: enter a ticker such as BTC.").replace("%1", str(row + 1)))
            out.append((ticker, self._input.weight(weight, ticker)))
        if not out:
            raise ValueError(self.tr("The basket needs at least one constituent."))
        return out

    def rule_row(self, code: str) -> int:
        """The rules table's row of an indicator code (-1: none)."""
        return next((i for i, ind in enumerate(self._config.indicators) if ind.code == code), -1)

    def regime_config(self) -> RegimeConfig:
        """The rules as typed; raises ValueError with the user's message."""
        indicators = []
        for row, ind in enumerate(self._config.indicators):
            text = self.rules_table.item(row, 2).text()
            indicators.append(replace(ind, threshold=self._input.threshold(text, ind.metric,
                                                                           self._text.indicator(ind))))
        if self.pressure_at.value() > self.stressed_at.value():
            raise ValueError(self.tr("'Stressed' must need at least as many indicators as 'under pressure'."))
        return RegimeConfig(tuple(indicators), self.pressure_at.value(), self.stressed_at.value(),
                            self._config.min_available)

    # -- slots ------------------------------------------------------------------------------------------------
    def _on_add_button_clicked(self) -> None:
        self._add_basket_row()
        self.basket_table.editItem(self.basket_table.item(self.basket_table.rowCount() - 1, 0))

    def _on_remove_button_clicked(self) -> None:
        for row in sorted({i.row() for i in self.basket_table.selectedIndexes()}, reverse=True):
            self.basket_table.removeRow(row)

    def _on_import_button_clicked(self) -> None:
        path = self._choose_file(self)
        if path:
            self.import_basket(path)

    def import_basket(self, path) -> bool:
        """Fill the table from a factsheet CSV; a bad file shows why and changes nothing."""
        try:
            as_of, rows = self._read_basket(path)
        except (InputError, OSError) as exc:
            self.show_error(self.tr("The basket was not imported:\n%1").replace("%1", str(exc)))
            return False
        self._basket_as_of, self._basket_origin = as_of, "user"
        self._fill_basket([(t, w) for t, _name, w in rows])
        self._update_basket_note()
        self.show_error("")
        return True

    def _on_reset_basket_button_clicked(self) -> None:
        try:
            as_of, rows = self._read_basket(None)
        except (InputError, OSError) as exc:
            self.show_error(str(exc))
            return
        self._basket_as_of, self._basket_origin = as_of, "factsheet"
        self._fill_basket([(t, w) for t, _name, w in rows])
        self._update_basket_note()

    def _on_reset_rules_button_clicked(self) -> None:
        self._fill_rules(RegimeConfig())

    def _ask_file(self, parent) -> str:
        path, _ = QFileDialog.getOpenFileName(parent, self.tr("Import basket"), "",
                                              self.tr("CSV files (*.csv);;All files (*)"))
        return path

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    def error_text(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""

    # -- saving -----------------------------------------------------------------------------------------------
    def accept(self) -> None:
        try:
            weights = self.basket_weights()
            config = self.regime_config()
            if self._basket_origin != "factsheet" or weights != self._loaded_weights:
                Basket(CD20, tuple(weights))  # checked before anything is saved (a ticker listed twice …)
        except ValueError as exc:
            self.show_error(str(exc))
            return
        if weights != self._loaded_weights or self._basket_origin != self._setup.cd20().origin:
            if self._basket_origin == "factsheet" and self._is_factsheet(weights):
                self._setup.reset_cd20()
            else:
                self._setup.set_cd20(weights, self._basket_as_of, "user")
        self._setup.set_miner_mode("listed" if self.listed_miners.isChecked() else "held")
        if config == RegimeConfig():
            self._setup.reset_regime_config()
        elif config != self._setup.regime_config():
            self._setup.set_regime_config(config)
        super().accept()

    def _is_factsheet(self, weights) -> bool:
        try:
            _as_of, rows = self._read_basket(None)
        except (InputError, OSError):
            return False
        return [(t, float(w)) for t, _name, w in rows] == [(t, float(w)) for t, w in weights]


__all__ = ["MarketDialog"]
