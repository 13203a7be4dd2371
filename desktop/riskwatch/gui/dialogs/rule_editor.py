"""The alert rules: a tab listing them (add / edit / delete / restore defaults) and the edit dialog.

Collaborators are injected (app.py wires them; the GUI imports no adapter):

* ``rules`` – has ``list_rules()``, ``save_rule(rule) -> Rule`` (validates the whole rule set, raises
  InputError) and ``delete_rule(key) -> bool`` (``AlertRepository`` does);
* ``restore_defaults()`` – puts the shipped rules back, returns all rules;
* ``known_symbols()`` – the symbols the monitor can price (an asset rule must name one of them);
* ``latest_snapshot()`` – the latest :class:`Snapshot` or None, for the preview.

Units in the dialog: thresholds of fraction metrics (drop from high, drawdown, return, volatility, VaR …) are
entered in percent (``-17`` means −17 %) and stored as fractions (−0.17); their hysteresis band in percentage
points. Price ages are entered in minutes and stored in seconds; the cooldown is entered in hours.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

from PySide6.QtCore import QLocale, Qt, Signal, Slot
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from riskwatch.domain.alerts import (MAX_COOLDOWN, METRIC_RANGES, WINDOWED_METRICS, Comparator, Rule, Scope,
                                     ScopeType, Severity, preview)
from riskwatch.domain.errors import InputError, RiskWatchError
from riskwatch.domain.model import normalize_symbol
from riskwatch.domain.numbers import parse_number
from riskwatch.domain.snapshot import Snapshot, metric_key
from riskwatch.gui.alert_table import alert_table, table_item
from riskwatch.gui.alert_text import (EDITOR_METRICS, FRACTION_METRICS, SECONDS_METRICS, AlertText, arg,
                                      local_datetime_text, number_text)
from riskwatch.gui.format import percent_text
from riskwatch.gui.translation import Retranslatable

COMPARATOR_SYMBOLS = {Comparator.LE: "≤", Comparator.LT: "<", Comparator.GE: "≥", Comparator.GT: ">"}
COL_NAME, COL_METRIC, COL_SCOPE, COL_COMPARATOR, COL_THRESHOLD, COL_SEVERITY, COL_ENABLED = range(7)
COLUMN_COUNT = 7
MAX_COOLDOWN_HOURS = MAX_COOLDOWN.total_seconds() / 3600
_WINDOW_RE = re.compile(r"^[1-9][0-9]{0,4}[A-Za-z]{1,3}$")
_FIELDS = ("name", "metric", "window", "symbol", "threshold", "hysteresis", "cooldown", "general")

SnapshotGetter = Callable[[], Snapshot | None]
SymbolsGetter = Callable[[], Iterable[str]]


# -- units --------------------------------------------------------------------------------------------------
def display_factor(metric: str) -> Decimal:
    """Stored value × factor = what the user types: 100 for fractions (percent), 1/60 for seconds (minutes)."""
    if metric in FRACTION_METRICS:
        return Decimal(100)
    if metric in SECONDS_METRICS:
        return Decimal(1) / Decimal(60)
    return Decimal(1)


def to_display(metric: str, stored: float) -> Decimal:
    return (Decimal(repr(float(stored))) * display_factor(metric)).normalize()


def to_stored(metric: str, shown: Decimal) -> float:
    return float(shown / display_factor(metric))


def _edit_text(value: Decimal, point: str) -> str:
    text = format(value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize(), "f")
    return text.replace(".", point)


# -- the dialog ---------------------------------------------------------------------------------------------
class RuleDialog(Retranslatable, QDialog):
    """Add or edit one rule. Errors are shown next to the fields; ``save(rule)`` runs on OK (its errors, e.g.
    an escalation group out of order, are shown too). ``result_rule()`` is the rule as saved."""

    def __init__(self, rule: Rule | None = None, *, save: Callable[[Rule], Rule] | None = None,
                 known_symbols: Iterable[str] = (), latest_snapshot: SnapshotGetter | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._original = rule
        self._save = save
        self._known = sorted({normalize_symbol(s) for s in known_symbols})
        self._snapshot = latest_snapshot or (lambda: None)
        self._result: Rule | None = None
        self._text = AlertText(self)
        self._shown_metric: str | None = None

        self.name = QLineEdit()
        self.metric = QComboBox()
        for code in EDITOR_METRICS:
            self.metric.addItem("", code)
        if rule is not None and self.metric.findData(rule.metric) < 0:
            self.metric.addItem(rule.metric, rule.metric)
        self.window = QLineEdit()
        self.scope = QComboBox()
        for stype in ScopeType:
            self.scope.addItem("", stype.value)
        self.symbol = QComboBox()
        self.symbol.setEditable(True)
        self.symbol.addItems(self._known)
        self.comparator = QComboBox()
        for comp in Comparator:
            self.comparator.addItem(COMPARATOR_SYMBOLS[comp], comp.value)
        self.threshold = QLineEdit()
        self.threshold_unit = QLabel()
        self.severity = QComboBox()
        for sev in Severity:
            self.severity.addItem("", sev.value)
        self.hysteresis = QLineEdit()
        self.hysteresis_unit = QLabel()
        self.cooldown = QLineEdit()
        self.cooldown_unit = QLabel()
        self.enabled = QCheckBox()
        self.preview_label = QLabel()
        self.preview_label.setObjectName("rulePreview")
        self.preview_label.setWordWrap(True)
        self.preview_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.errors: dict[str, QLabel] = {}
        for f in _FIELDS:
            label = QLabel()
            label.setObjectName(f"error_{f}")
            label.setStyleSheet("color: #b00020;")
            label.setWordWrap(True)
            label.hide()
            self.errors[f] = label

        self.form = QFormLayout()
        self._labels: dict[str, QLabel] = {}

        def row(key: str, field: QWidget, unit: QLabel | None = None) -> None:
            label = QLabel()
            self._labels[key] = label
            if unit is not None:
                box = QHBoxLayout()
                box.addWidget(field, 1)
                box.addWidget(unit)
                self.form.addRow(label, box)
            else:
                self.form.addRow(label, field)
            if key in self.errors:
                self.form.addRow("", self.errors[key])
                self.form.setRowVisible(self.errors[key], False)

        row("name", self.name)
        row("metric", self.metric)
        row("window", self.window)
        row("scope", self.scope)
        row("symbol", self.symbol)
        row("comparator", self.comparator)
        row("threshold", self.threshold, self.threshold_unit)
        row("severity", self.severity)
        row("hysteresis", self.hysteresis, self.hysteresis_unit)
        row("cooldown", self.cooldown, self.cooldown_unit)
        row("enabled", self.enabled)
        self.preview_title = QLabel()
        font = self.preview_title.font()
        font.setBold(True)
        self.preview_title.setFont(font)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.preview_title)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.errors["general"])
        layout.addWidget(self.buttons)

        self._load(rule)
        self.metric.currentIndexChanged.connect(self._on_metric_current_index_changed)
        self.scope.currentIndexChanged.connect(self._on_scope_current_index_changed)
        for w in (self.name, self.window, self.threshold, self.hysteresis, self.cooldown):
            w.textChanged.connect(self.update_preview)
        for c in (self.comparator, self.severity):
            c.currentIndexChanged.connect(self.update_preview)
        self.symbol.currentTextChanged.connect(self.update_preview)
        self.retranslate()

    # -- text ---------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        t = self._text
        self.setWindowTitle(self.tr("Edit rule") if self._original is not None and self._original.key
                            else self.tr("New rule"))
        labels = {"name": self.tr("Name"), "metric": self.tr("Metric"), "window": self.tr("Window"),
                  "scope": self.tr("Applies to"), "symbol": self.tr("Symbol"), "comparator": self.tr("Condition"),
                  "threshold": self.tr("Threshold"), "severity": self.tr("Severity"),
                  "hysteresis": self.tr("Hysteresis"), "cooldown": self.tr("Cooldown"), "enabled": ""}
        for key, text in labels.items():
            self._labels[key].setText(text)
        for i in range(self.metric.count()):
            code = self.metric.itemData(i)
            self.metric.setItemText(i, t.metric_name(code) or code)
        for i, stype in enumerate(ScopeType):
            self.scope.setItemText(i, t.scope_type(stype))
        for i, sev in enumerate(Severity):
            self.severity.setItemText(i, t.severity(sev))
        self.name.setPlaceholderText(self.tr("e.g. BTC 17 % below its 30-day high"))
        self.window.setPlaceholderText(self.tr("e.g. 30D (days) or 4H (hours)"))
        self.window.setToolTip(self.tr("Time window of the metric: a count and a unit, e.g. 30D or 4H"))
        self.hysteresis.setToolTip(self.tr("An alert ends only when the value has recovered past the threshold "
                                           "by this much, so it does not flicker"))
        self.cooldown.setToolTip(self.tr("After an alert ended, the same alert fires again only after this time"))
        self.cooldown_unit.setText(self.tr("hours"))
        self.enabled.setText(self.tr("Rule is active"))
        self.preview_title.setText(self.tr("Current value"))
        self._update_units()
        self.update_preview()

    def _update_units(self) -> None:
        metric = self.current_metric()
        if metric in FRACTION_METRICS:
            self.threshold_unit.setText("%")
            self.hysteresis_unit.setText(self.tr("percentage points"))
        elif metric in SECONDS_METRICS:
            self.threshold_unit.setText(self.tr("minutes"))
            self.hysteresis_unit.setText(self.tr("minutes"))
        else:
            self.threshold_unit.setText("")
            self.hysteresis_unit.setText("")

    # -- load / read --------------------------------------------------------------------------------
    @staticmethod
    def _point() -> str:
        return QLocale().decimalPoint()

    def _load(self, rule: Rule | None) -> None:
        point = self._point()
        if rule is None:
            self.name.setText("")
            self.metric.setCurrentIndex(self.metric.findData("drop_from_high"))
            self.window.setText("30D")
            self.scope.setCurrentIndex(self.scope.findData(ScopeType.ASSET.value))
            self.symbol.setCurrentText("BTC" if "BTC" in self._known or not self._known else self._known[0])
            self.comparator.setCurrentIndex(self.comparator.findData(Comparator.LE.value))
            self.threshold.setText("")
            self.severity.setCurrentIndex(self.severity.findData(Severity.WARNING.value))
            self.hysteresis.setText(_edit_text(Decimal(2), point))
            self.cooldown.setText(_edit_text(Decimal(12), point))
            self.enabled.setChecked(True)
        else:
            self.name.setText(rule.name)
            self.metric.setCurrentIndex(self.metric.findData(rule.metric))
            self.window.setText(rule.window or "")
            self.scope.setCurrentIndex(self.scope.findData(rule.scope.type.value))
            self.symbol.setCurrentText(rule.scope.symbol or "")
            self.comparator.setCurrentIndex(self.comparator.findData(rule.comparator.value))
            self.threshold.setText(_edit_text(to_display(rule.metric, rule.threshold), point))
            self.severity.setCurrentIndex(self.severity.findData(rule.severity.value))
            self.hysteresis.setText(_edit_text(to_display(rule.metric, rule.hysteresis), point))
            hours = Decimal(repr(rule.cooldown.total_seconds())) / Decimal(3600)
            self.cooldown.setText(_edit_text(hours.normalize(), point))
            self.enabled.setChecked(rule.enabled)
        self._shown_metric = self.current_metric()
        self.symbol.setEnabled(self.current_scope_type() is ScopeType.ASSET)

    def current_metric(self) -> str:
        return self.metric.currentData() or ""

    def current_scope_type(self) -> ScopeType:
        return ScopeType(self.scope.currentData())

    def result_rule(self) -> Rule | None:
        return self._result

    # -- validation ---------------------------------------------------------------------------------
    def _set_error(self, key: str, message: str | None) -> None:
        label = self.errors[key]
        label.setText(message or "")
        if key == "general":
            label.setVisible(bool(message))
        else:
            self.form.setRowVisible(label, bool(message))

    def error_text(self, key: str) -> str:
        """The error shown at a field ("" when none); for tests and accessibility."""
        label = self.errors[key]
        return "" if label.isHidden() else label.text()

    def _bound_text(self, metric: str, stored: float) -> str:
        if metric in FRACTION_METRICS:
            return percent_text(stored, decimals=0)
        if metric in SECONDS_METRICS:
            return arg(self.tr("%1 min"), number_text(stored / 60.0, 1))
        return number_text(stored)

    def _number(self, edit: QLineEdit) -> Decimal | None:
        try:
            return parse_number(edit.text().replace("%", ""))
        except ValueError:
            return None

    def build_rule(self, *, show_errors: bool = True) -> Rule | None:
        """The rule from the fields, or None (with the problems shown next to the fields)."""
        errors: dict[str, str] = {}
        metric = self.current_metric()
        name = self.name.text().strip()
        if not name or len(name) > 100:
            errors["name"] = self.tr("Enter a name (at most 100 characters).")
        window = self.window.text().strip() or None
        if window is None and metric in WINDOWED_METRICS:
            errors["window"] = self.tr("This metric needs a time window such as 30D (days) or 4H (hours).")
        elif window is not None and not _WINDOW_RE.match(window):
            errors["window"] = self.tr("Enter a count and a unit such as 30D (days) or 4H (hours).")
        stype = self.current_scope_type()
        symbol = None
        if stype is ScopeType.ASSET:
            text = self.symbol.currentText()
            try:
                symbol = normalize_symbol(text)
            except ValueError:
                errors["symbol"] = self.tr("Enter a symbol such as BTC or IREN.")
            else:
                original = self._original.scope.symbol if self._original is not None else None
                if self._known and symbol not in self._known and symbol != original:
                    errors["symbol"] = arg(self.tr("Unknown symbol '%1'. Known symbols: %2."), symbol,
                                           ", ".join(self._known))
        threshold = hysteresis = None
        shown = self._number(self.threshold)
        if shown is None:
            errors["threshold"] = self.tr("Enter a number.")
        else:
            threshold = to_stored(metric, shown)
            lo, hi = METRIC_RANGES.get(metric, (None, None))
            if (lo is not None and threshold < lo) or (hi is not None and threshold > hi):
                if lo is not None and hi is not None:
                    errors["threshold"] = arg(self.tr("Enter a value between %1 and %2."),
                                              self._bound_text(metric, lo), self._bound_text(metric, hi))
                elif lo is not None:
                    errors["threshold"] = arg(self.tr("Enter a value of at least %1."), self._bound_text(metric, lo))
                else:
                    errors["threshold"] = arg(self.tr("Enter a value of at most %1."), self._bound_text(metric, hi))
        shown_h = self._number(self.hysteresis) if self.hysteresis.text().strip() else Decimal(0)
        if shown_h is None:
            errors["hysteresis"] = self.tr("Enter a number (0 for none).")
        elif shown_h < 0:
            errors["hysteresis"] = self.tr("Enter 0 or more.")
        else:
            hysteresis = to_stored(metric, shown_h)
            if METRIC_RANGES.get(metric, (None, None))[0] == -1.0 and hysteresis >= 1:
                errors["hysteresis"] = self.tr("Enter less than 100 percentage points.")
        hours = self._number(self.cooldown) if self.cooldown.text().strip() else Decimal(0)
        if hours is None:
            errors["cooldown"] = self.tr("Enter a number of hours (0 for none).")
        elif hours < 0 or hours > Decimal(repr(MAX_COOLDOWN_HOURS)):
            errors["cooldown"] = arg(self.tr("Enter between 0 and %1 hours."), number_text(MAX_COOLDOWN_HOURS, 0))
        rule = None
        if not errors:
            orig = self._original
            try:
                rule = Rule(key=orig.key if orig else "", name=name, metric=metric,
                            scope=Scope(stype, symbol), comparator=Comparator(self.comparator.currentData()),
                            threshold=threshold, severity=Severity(self.severity.currentData()), window=window,
                            hysteresis=hysteresis, cooldown=timedelta(hours=float(hours)),
                            enabled=self.enabled.isChecked(), escalation_group=orig.escalation_group if orig else None,
                            message_code=orig.message_code if orig else None, id=orig.id if orig else None)
            except InputError as exc:
                for p in exc.problems:
                    key = (p.field or "general").split(".")[-1]
                    key = "symbol" if key == "scope" else key
                    errors[key if key in self.errors else "general"] = self._field_message(key, p.message)
        if show_errors:
            for key in _FIELDS:
                self._set_error(key, errors.get(key))
        return rule

    def _field_message(self, key: str, detail: str) -> str:
        """A translated message for a problem the domain found (its own text is English)."""
        messages = {"name": self.tr("Enter a name (at most 100 characters)."),
                    "window": self.tr("Enter a count and a unit such as 30D (days) or 4H (hours)."),
                    "threshold": self.tr("Enter a number in the metric's range."),
                    "hysteresis": self.tr("Enter 0 or more."),
                    "cooldown": arg(self.tr("Enter between 0 and %1 hours."), number_text(MAX_COOLDOWN_HOURS, 0))}
        return messages.get(key) or arg(self.tr("The rule is not valid: %1"), detail)

    # -- preview ------------------------------------------------------------------------------------
    @Slot()
    def update_preview(self, *_args) -> None:
        self.preview_label.setText(self.preview_text())

    def preview_text(self) -> str:
        """The metric's current value(s) against the threshold, from the latest snapshot."""
        try:
            snapshot = self._snapshot()
        except RiskWatchError:
            snapshot = None
        if snapshot is None:
            return self.tr("– (no data yet)")
        rule = self.build_rule(show_errors=False)
        if rule is None:
            return "–"
        t = self._text
        rows = preview(rule, snapshot)
        if not rows:
            return self.tr("– (no asset in this scope has data)")
        key = metric_key(rule.metric, rule.window)
        lines = [arg(self.tr("As of %1, threshold %2:"), local_datetime_text(snapshot.ts),
                     t.value(key, rule.threshold))]
        for member, value, fires in rows:
            if value is None:
                lines.append(arg(self.tr("%1: – (no data)"), t.member(member)))
            elif fires:
                lines.append(arg(self.tr("%1: %2 – would fire"), t.member(member), t.value(key, value)))
            else:
                lines.append(arg(self.tr("%1: %2 – would not fire"), t.member(member), t.value(key, value)))
        return "\n".join(lines)

    # -- slots --------------------------------------------------------------------------------------
    @Slot(int)
    def _on_metric_current_index_changed(self, _index: int) -> None:
        """Keep the typed values meaning the same thing when the unit changes; suggest a window."""
        old, new = self._shown_metric, self.current_metric()
        if old is not None and display_factor(old) != display_factor(new):
            for edit in (self.threshold, self.hysteresis):
                value = self._number(edit)
                if value is not None and edit.text().strip():
                    stored = to_stored(old, value)
                    edit.setText(_edit_text(to_display(new, stored), self._point()))
        if new in WINDOWED_METRICS and not self.window.text().strip():
            self.window.setText("30D")
        self._shown_metric = new
        self._update_units()
        self.update_preview()

    @Slot(int)
    def _on_scope_current_index_changed(self, _index: int) -> None:
        self.symbol.setEnabled(self.current_scope_type() is ScopeType.ASSET)
        self.update_preview()

    # -- accept -------------------------------------------------------------------------------------
    def accept(self) -> None:
        rule = self.build_rule()
        if rule is None:
            return
        if self._save is not None:
            try:
                rule = self._save(rule)
            except InputError as exc:
                self._show_save_problems(exc)
                return
            except (RiskWatchError, ValueError) as exc:
                self._set_error("general", arg(self.tr("The rule was not saved: %1"), exc))
                return
        self._result = rule
        super().accept()

    def _show_save_problems(self, exc: InputError) -> None:
        messages = []
        for p in exc.problems:
            field = p.field or ""
            if field.endswith("escalation_group"):
                group = self._original.escalation_group if self._original else ""
                messages.append(arg(self.tr(
                    "The rule does not fit its escalation group '%1': a more severe rule of the group needs a "
                    "threshold further in the bad direction, and all rules of a group share metric, window, "
                    "scope and direction."), group or field.split(".")[0]))
            elif field.endswith(".scope"):
                messages.append(self.tr("The symbol is not known."))
            elif field.endswith(".key"):
                messages.append(self.tr("Another rule already uses this key."))
            else:
                messages.append(arg(self.tr("The rule was not saved: %1"), p.message))
        self._set_error("general", "\n".join(dict.fromkeys(messages)))


# -- the tab ------------------------------------------------------------------------------------------------
class RulesView(Retranslatable, QWidget):
    """The "Regeln" tab: the rule list with add / edit / delete / restore defaults; an enabled box per rule."""

    #: The rule set changed (saved, deleted, restored, switched on/off).
    rules_changed = Signal()
    #: A short confirmation for the status bar.
    status_message = Signal(str)

    def __init__(self, rules, *, restore_defaults: Callable[[], object],
                 known_symbols: SymbolsGetter | Iterable[str] = (), latest_snapshot: SnapshotGetter | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._store = rules
        self._restore = restore_defaults
        self._known: SymbolsGetter = (known_symbols if callable(known_symbols)
                                      else (lambda s=tuple(known_symbols): s))
        self._snapshot = latest_snapshot or (lambda: None)
        self._text = AlertText(self)
        self._rules: list[Rule] = []
        self.last_dialog: RuleDialog | None = None

        self.table = alert_table(COLUMN_COUNT)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemChanged.connect(self._on_table_item_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self.edit_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.add_button = QPushButton()
        self.edit_button = QPushButton()
        self.delete_button = QPushButton()
        self.restore_button = QPushButton()
        self.add_button.clicked.connect(lambda: self.add_rule())
        self.edit_button.clicked.connect(lambda: self.edit_selected())
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        self.restore_button.clicked.connect(lambda: self.restore_defaults())
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.retranslate()
        self.reload()

    # -- text ---------------------------------------------------------------------------------------
    def headers(self) -> list[str]:
        return [self.tr("Name"), self.tr("Metric"), self.tr("Applies to"), self.tr("Condition"),
                self.tr("Threshold"), self.tr("Severity"), self.tr("Active")]

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(self.headers())
        self.add_button.setText(self.tr("&Add…"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.delete_button.setText(self.tr("&Delete"))
        self.restore_button.setText(self.tr("Restore default rules"))
        self._fill()

    # -- data ---------------------------------------------------------------------------------------
    def rules(self) -> list[Rule]:
        return list(self._rules)

    @Slot()
    def reload(self) -> None:
        try:
            self._rules = list(self._store.list_rules())
        except RiskWatchError as exc:
            QMessageBox.warning(self, self.tr("Rules could not be loaded"), str(exc))
            self._rules = []
        self._fill()

    def _fill(self) -> None:
        t = self._text
        selected = self.selected_rule()
        self.table.blockSignals(True)
        try:
            self.table.setRowCount(len(self._rules))
            for row, r in enumerate(self._rules):
                cells = (t.rule_name(r.name), t.metric(r.metric_key), t.scope(r.scope), COMPARATOR_SYMBOLS[r.comparator],
                         t.value(r.metric_key, r.threshold), t.severity(r.severity), "")
                for col, text in enumerate(cells):
                    item = table_item(text, number=col == COL_THRESHOLD,
                                      severity=r.severity if col == COL_SEVERITY else None)
                    item.setData(Qt.ItemDataRole.UserRole, r.key)
                    if col == COL_ENABLED:
                        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                                      | Qt.ItemFlag.ItemIsUserCheckable)
                        item.setCheckState(Qt.CheckState.Checked if r.enabled else Qt.CheckState.Unchecked)
                        item.setToolTip(self.tr("Switch the rule on or off"))
                    self.table.setItem(row, col, item)
            if selected is not None:
                for row, r in enumerate(self._rules):
                    if r.key == selected.key:
                        self.table.selectRow(row)
        finally:
            self.table.blockSignals(False)
        self._update_buttons()

    def selected_rule(self) -> Rule | None:
        if not hasattr(self, "table") or self.table.selectionModel() is None:
            return None
        rows = self.table.selectionModel().selectedRows()
        if not rows or not (0 <= rows[0].row() < len(self._rules)):
            return None
        return self._rules[rows[0].row()]

    def select_rule(self, key: str) -> bool:
        for row, r in enumerate(self._rules):
            if r.key == key:
                self.table.selectRow(row)
                return True
        return False

    def _update_buttons(self) -> None:
        has = self.selected_rule() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    # -- actions ------------------------------------------------------------------------------------
    def make_dialog(self, rule: Rule | None) -> RuleDialog:
        try:
            known = tuple(self._known())
        except RiskWatchError:
            known = ()
        dialog = RuleDialog(rule, save=self._store.save_rule, known_symbols=known, latest_snapshot=self._snapshot,
                            parent=self)
        self.last_dialog = dialog
        return dialog

    def add_rule(self) -> Rule | None:
        return self._run_dialog(None)

    def edit_selected(self) -> Rule | None:
        rule = self.selected_rule()
        return None if rule is None else self._run_dialog(rule)

    def _run_dialog(self, rule: Rule | None) -> Rule | None:
        dialog = self.make_dialog(rule)
        if not dialog.exec() or dialog.result_rule() is None:
            return None
        saved = dialog.result_rule()
        self._changed(arg(self.tr("Rule '%1' saved."), saved.name))
        self.select_rule(saved.key)
        return saved

    def delete_selected(self, confirm: bool = True) -> bool:
        rule = self.selected_rule()
        if rule is None:
            return False
        if confirm:
            answer = QMessageBox.question(self, self.tr("Delete rule"), arg(self.tr(
                "Delete the rule '%1'? Its active alerts end at the next check."), rule.name))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            self._store.delete_rule(rule.key)
        except RiskWatchError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), str(exc))
            self.reload()
            return False
        self._changed(arg(self.tr("Rule '%1' deleted."), rule.name))
        return True

    def restore_defaults(self, confirm: bool = True) -> bool:
        if confirm:
            answer = QMessageBox.question(self, self.tr("Restore default rules"), self.tr(
                "Put the shipped rules back to their shipped settings? Deleted default rules come back; "
                "your own rules stay."))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            self._restore()
        except RiskWatchError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), str(exc))
            self.reload()
            return False
        self._changed(self.tr("Default rules restored."))
        return True

    def _changed(self, message: str) -> None:
        self.reload()
        self.rules_changed.emit()
        self.status_message.emit(message)

    # -- slots --------------------------------------------------------------------------------------
    @Slot(QTableWidgetItem)
    def _on_table_item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != COL_ENABLED or not (0 <= item.row() < len(self._rules)):
            return
        rule = self._rules[item.row()]
        enabled = item.checkState() == Qt.CheckState.Checked
        if enabled == rule.enabled:
            return
        try:
            self._store.save_rule(replace(rule, enabled=enabled))
        except (RiskWatchError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Not saved"), str(exc))
            self.reload()
            return
        self._changed(arg(self.tr("Rule '%1' switched on.") if enabled else self.tr("Rule '%1' switched off."),
                          rule.name))


__all__ = ["COMPARATOR_SYMBOLS", "RuleDialog", "RulesView", "display_factor", "to_display", "to_stored"]
