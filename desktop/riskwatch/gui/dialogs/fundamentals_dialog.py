"""The fundamentals dialog ("Zahlen und Verträge eingeben…") of one miner, in three pages:

* a figure entered or overridden (figure, value, period end, note; e.g. from a press release): it wins over the
  filing of the same period end and is labelled "eingegeben" everywhere; entered figures can be removed again;
* the AI/HPC contracts (counterparty, value, term, start, source), added and removed;
* the debt maturities (due date, amount, note), against which cash + BTC are set.

Every number is read as the tables show numbers (``fundamentals_inputs``): a refused one shows why and nothing
is saved. Saving goes through the injected repository (``adapters.sqlite_fundamentals``), off the GUI thread
through ``runner(fn, on_done, on_error)`` (None: directly; tests only); ``figures_saved`` follows each change.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton, QTabWidget, QVBoxLayout,
                               QWidget)

from riskwatch.domain.fundamentals import ENTERED, FIGURES, Contract, Fact, Maturity
from riskwatch.gui.balance_text import BalanceText
from riskwatch.gui.dialogs.fundamentals_inputs import FundamentalsInput
from riskwatch.gui.format import date_format, date_text
from riskwatch.gui.theme import theme
from riskwatch.gui.translation import Retranslatable


def _date_edit(day: date | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(date_format())
    d = day or date.today()
    edit.setDate(QDate(d.year, d.month, d.day))
    return edit


def _last_quarter_end(today: date) -> date:
    ends = [date(today.year, m, d) for m, d in ((3, 31), (6, 30), (9, 30), (12, 31))]
    return max([e for e in ends if e <= today] or [date(today.year - 1, 12, 31)])


def _day(edit: QDateEdit) -> date:
    q = edit.date()
    return date(q.year(), q.month(), q.day())


class FundamentalsDialog(Retranslatable, QDialog):
    #: a figure, contract or maturity was saved or removed
    figures_saved = Signal()

    def __init__(self, repository, symbol: str, *, runner=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("fundamentalsDialog")
        self._repo, self._symbol, self._runner = repository, symbol, runner
        self._text = BalanceText(self)
        self._input = FundamentalsInput(self)
        self._entered: list[Fact] = []
        self._contracts: list[Contract] = []
        self._maturities: list[Maturity] = []

        self.tabs = QTabWidget()
        # -- a figure
        self.code_box = QComboBox()
        for code in FIGURES:
            self.code_box.addItem("", code)
        self.value_edit, self.note_edit = QLineEdit(), QLineEdit()
        self.value_edit.textChanged.connect(self._on_value_edit_text_changed)
        self.value_preview = QLabel()
        # the last quarter's end, never a day to come: an entered figure is a balance sheet of an ended period
        self.period_edit = _date_edit(_last_quarter_end(date.today()))
        self.period_edit.setMaximumDate(QDate.currentDate())
        self.save_fact_button, self.remove_fact_button = QPushButton(), QPushButton()
        self.save_fact_button.clicked.connect(self._on_save_fact_button_clicked)
        self.remove_fact_button.clicked.connect(self._on_remove_fact_button_clicked)
        self.fact_list = QListWidget()
        self.fact_form = self._form((self.code_box, self.value_edit, self.value_preview, self.period_edit,
                                     self.note_edit))
        self.tabs.addTab(self._page(self.fact_form, self.save_fact_button, self.fact_list, self.remove_fact_button), "")
        # -- a contract
        self.counterparty_edit, self.contract_value_edit = QLineEdit(), QLineEdit()
        self.term_edit, self.source_edit = QLineEdit(), QLineEdit()
        self.start_known = QCheckBox()
        self.start_edit = _date_edit()
        self.start_edit.setEnabled(False)
        self.start_known.toggled.connect(self.start_edit.setEnabled)
        start_row = QHBoxLayout()
        start_row.addWidget(self.start_known)
        start_row.addWidget(self.start_edit, 1)
        self.add_contract_button, self.remove_contract_button = QPushButton(), QPushButton()
        self.add_contract_button.clicked.connect(self._on_add_contract_button_clicked)
        self.remove_contract_button.clicked.connect(self._on_remove_contract_button_clicked)
        self.contract_list = QListWidget()
        self.contract_form = self._form((self.counterparty_edit, self.contract_value_edit, self.term_edit, start_row,
                                         self.source_edit))
        self.tabs.addTab(self._page(self.contract_form, self.add_contract_button, self.contract_list,
                                    self.remove_contract_button), "")
        # -- a maturity
        self.due_edit = _date_edit()
        self.maturity_amount_edit, self.maturity_note_edit = QLineEdit(), QLineEdit()
        self.add_maturity_button, self.remove_maturity_button = QPushButton(), QPushButton()
        self.add_maturity_button.clicked.connect(self._on_add_maturity_button_clicked)
        self.remove_maturity_button.clicked.connect(self._on_remove_maturity_button_clicked)
        self.maturity_list = QListWidget()
        self.maturity_form = self._form((self.due_edit, self.maturity_amount_edit, self.maturity_note_edit))
        self.tabs.addTab(self._page(self.maturity_form, self.add_maturity_button, self.maturity_list,
                                    self.remove_maturity_button), "")

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {theme().negative};")
        self.setMinimumWidth(560)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(self.error_label)
        lay.addWidget(self.buttons)
        self.retranslate()
        self.reload()

    @staticmethod
    def _form(fields) -> QFormLayout:
        form = QFormLayout()
        for field in fields:
            form.addRow(QLabel(), field)  # the label's text is set by retranslate
        return form

    @staticmethod
    def _page(form: QFormLayout, add: QPushButton, listing: QListWidget, remove: QPushButton) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.addLayout(form)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(add)
        lay.addLayout(row)
        lay.addWidget(listing, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(remove)
        lay.addLayout(row)
        return page

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Balance sheet of %1").replace("%1", self._symbol))
        for i, title in enumerate((self.tr("Figure"), self.tr("Contracts"), self.tr("Debt maturities"))):
            self.tabs.setTabText(i, title)
        for i in range(self.code_box.count()):
            self.code_box.setItemText(i, self._text.figure(self.code_box.itemData(i)))
        self._labels(self.fact_form, (self.tr("Figure"), self.tr("Value (USD or shares)"), "",
                                      self.tr("Period end"), self.tr("Note")))
        self._labels(self.contract_form, (self.tr("Counterparty"), self.tr("Contract value (USD)"),
                                          self.tr("Term (years)"), self.tr("Start"), self.tr("Source")))
        self._labels(self.maturity_form, (self.tr("Due"), self.tr("Amount (USD)"), self.tr("Note")))
        self.start_known.setText(self.tr("known:"))
        self.save_fact_button.setText(self.tr("Save figure"))
        self.remove_fact_button.setText(self.tr("Remove entered figure"))
        self.add_contract_button.setText(self.tr("Add contract"))
        self.remove_contract_button.setText(self.tr("Remove contract"))
        self.add_maturity_button.setText(self.tr("Add maturity"))
        self.remove_maturity_button.setText(self.tr("Remove maturity"))
        self.source_edit.setPlaceholderText(self.tr("press release or news URL"))
        self.note_edit.setPlaceholderText(self.tr("e.g. press release of 2025-11-03"))
        self._fill_lists()

    @staticmethod
    def _labels(form: QFormLayout, texts) -> None:
        for row, text in enumerate(texts):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if label is not None and label.widget() is not None:
                label.widget().setText(text)

    # -- reading and writing ----------------------------------------------------------------------------------
    def _run(self, work, done) -> None:
        def failed(exc: BaseException) -> None:
            self.error_label.setText(self.tr("Not saved: %1").replace("%1", str(exc) or type(exc).__name__))

        if self._runner is None:  # tests only
            try:
                result = work()
            except Exception as exc:  # shown to the user like the runner's failure
                failed(exc)
            else:
                done(result)
        else:
            self._runner(work, done, failed)

    def reload(self) -> None:
        repo, sym = self._repo, self._symbol
        self._run(lambda: (list(repo.entered_facts(sym)), list(repo.contracts(sym)), list(repo.maturities(sym))),
                  self._on_read)

    def _on_read(self, read) -> None:
        self._entered, self._contracts, self._maturities = read
        self._fill_lists()

    def _saved(self, _result=None) -> None:
        self.error_label.clear()
        self.figures_saved.emit()
        self.reload()

    def _fill_lists(self) -> None:
        self.fact_list.clear()
        for f in self._entered:
            self.fact_list.addItem(f"{self._text.figure(f.code)} · {date_text(f.period_end)} · "
                                   f"{self._text.value(f.code, f.value)}" + (f" · {f.note}" if f.note else ""))
        self.contract_list.clear()
        for c in self._contracts:
            self.contract_list.addItem(f"{c.counterparty} · {self._text.usd(c.value_usd)} · "
                                       f"{self._text.term(c.term_years)} · {c.source}")
        self.maturity_list.clear()
        for m in self._maturities:
            self.maturity_list.addItem(f"{date_text(m.due)} · {self._text.usd(m.amount_usd)}"
                                       + (f" · {m.note}" if m.note else ""))

    def _refuse(self, message: str) -> None:
        self.error_label.setText(message)

    def _on_value_edit_text_changed(self, text: str) -> None:
        code = self.code_box.currentData()
        try:
            value = self._input.amount(text, self.tr("Value"))
        except ValueError:
            self.value_preview.setText("")
            return
        self.value_preview.setText("= " + self._text.value(code, value))

    def _on_save_fact_button_clicked(self) -> None:
        try:
            code = self.code_box.currentData()
            value = self._input.amount(self.value_edit.text(), self.tr("Value"),
                                       positive=code == "shares_outstanding")
        except ValueError as exc:
            self._refuse(str(exc))
            return
        fact = Fact(self._symbol, code, value, _day(self.period_edit), None, ENTERED, "", "",
                    ENTERED, self.note_edit.text().strip())
        repo = self._repo
        self._run(lambda: repo.enter_fact(fact), self._saved)

    def _on_remove_fact_button_clicked(self) -> None:
        row = self.fact_list.currentRow()
        if 0 <= row < len(self._entered):
            f, repo = self._entered[row], self._repo
            self._run(lambda: repo.delete_entered(f.symbol, f.code, f.period_end), self._saved)

    def _on_add_contract_button_clicked(self) -> None:
        counterparty, source = self.counterparty_edit.text().strip(), self.source_edit.text().strip()
        try:
            for text, label in ((counterparty, self.tr("Counterparty")), (source, self.tr("Source"))):
                if not text:  # a contract without its source is hearsay: the store refuses it too
                    raise ValueError(self.tr("%1: enter a value.").replace("%1", label))
            value = self._input.amount(self.contract_value_edit.text(), self.tr("Contract value"), positive=True)
            term = self._input.term(self.term_edit.text(), self.tr("Term"))
        except ValueError as exc:
            self._refuse(str(exc))
            return
        contract = Contract(self._symbol, counterparty, value, term,
                            _day(self.start_edit) if self.start_known.isChecked() else None,
                            source)
        repo = self._repo
        self._run(lambda: repo.save_contract(contract), self._saved)

    def _on_remove_contract_button_clicked(self) -> None:
        row = self.contract_list.currentRow()
        if 0 <= row < len(self._contracts):
            c, repo = self._contracts[row], self._repo
            self._run(lambda: repo.delete_contract(c.symbol, c.counterparty, c.start), self._saved)

    def _on_add_maturity_button_clicked(self) -> None:
        try:
            amount = self._input.amount(self.maturity_amount_edit.text(), self.tr("Amount"), positive=True)
        except ValueError as exc:
            self._refuse(str(exc))
            return
        maturity = Maturity(self._symbol, _day(self.due_edit), amount, self.maturity_note_edit.text().strip())
        repo = self._repo
        self._run(lambda: repo.save_maturity(maturity), self._saved)

    def _on_remove_maturity_button_clicked(self) -> None:
        row = self.maturity_list.currentRow()
        if 0 <= row < len(self._maturities):
            m, repo = self._maturities[row], self._repo
            self._run(lambda: repo.delete_maturity(m.symbol, m.due, m.note), self._saved)


__all__ = ["FundamentalsDialog"]
