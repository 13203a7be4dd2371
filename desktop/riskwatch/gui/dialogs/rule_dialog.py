"""The dialog that adds or edits one alert rule (the "Regeln" tab opens it). Units: see rule_fields.py.

A shipped rule whose name the user did not change shows a name generated from its fields in the user's
language and keeps its shipped name in the store (so the name follows later changes and the language)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import timedelta
from decimal import Decimal

from PySide6.QtCore import QLocale, Qt, Slot
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QVBoxLayout, QWidget)

from riskwatch.domain.alerts import Comparator, Rule, Scope, ScopeType, Severity
from riskwatch.domain.catalogue import Unit, spec
from riskwatch.domain.errors import InputError, RiskWatchError
from riskwatch.domain.model import normalize_symbol
from riskwatch.domain.snapshot import Snapshot
from riskwatch.gui.alert_text import COMPARATOR_SYMBOLS, EDITOR_METRICS, SHIPPED_RULES, AlertText, arg, number_text
from riskwatch.gui.dialogs.rule_fields import (display_factor, edit_text, field_number, parse_window, threshold_range,
                                              to_display, to_stored, unit_of, windowed)
from riskwatch.gui.dialogs.rule_messages import MAX_COOLDOWN_HOURS, RuleMessages
from riskwatch.gui.dialogs.rule_preview import RulePreviewText
from riskwatch.gui.theme import theme
from riskwatch.gui.translation import Retranslatable

_FIELDS = ("name", "metric", "window", "symbol", "threshold", "hysteresis", "cooldown", "general")

SnapshotGetter = Callable[[], Snapshot | None]


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
        self._preview = RulePreviewText(self)
        self._messages = RuleMessages(self)
        self._shown_metric: str | None = None
        #: The name a shipped rule shows while the user keeps it ("" for other rules); see name_is_generated.
        self._generated_name = ""

        self.name = QLineEdit()
        self.metric_combo = QComboBox()
        for code in EDITOR_METRICS:
            self.metric_combo.addItem("", code)
        if rule is not None and self.metric_combo.findData(rule.metric) < 0:
            self.metric_combo.addItem(rule.metric, rule.metric)
        self.window_edit = QLineEdit()
        self.scope = QComboBox()
        for stype in ScopeType:
            self.scope.addItem("", stype.value)
        self.symbol = QComboBox()
        self.symbol.setEditable(True)
        self.symbol.addItems(self._known)
        self.comparator = QComboBox()
        for comp in Comparator:
            self.comparator.addItem(COMPARATOR_SYMBOLS[comp.value], comp.value)
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
            label.setStyleSheet(theme().text_style(theme().negative))
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
        row("metric", self.metric_combo)
        row("window", self.window_edit)
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
        self.metric_combo.currentIndexChanged.connect(self._on_metric_current_index_changed)
        self.scope.currentIndexChanged.connect(self._on_scope_current_index_changed)
        for w in (self.name, self.window_edit, self.threshold, self.hysteresis, self.cooldown):
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
        for i in range(self.metric_combo.count()):
            code = self.metric_combo.itemData(i)
            self.metric_combo.setItemText(i, t.metric_name(code) or code)
        for i, stype in enumerate(ScopeType):
            self.scope.setItemText(i, t.scope_type(stype))
        for i, sev in enumerate(Severity):
            self.severity.setItemText(i, t.severity(sev))
        self.name.setPlaceholderText(self.tr("e.g. BTC 17 % below its 30-day high"))
        self.window_edit.setPlaceholderText(self.tr("e.g. 30 days or 4 hours"))
        self.window_edit.setToolTip(self.tr("Time window of the metric: a count and a unit, e.g. 30 days or "
                                            "4 hours"))
        window = parse_window(self.window_edit.text())
        if window is not None:  # show the window in the new language
            self.window_edit.setText(t.window(window))
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
        unit = unit_of(metric)
        if unit is Unit.FRACTION:
            self.threshold_unit.setText("%")
            self.hysteresis_unit.setText(self.tr("percentage points"))
        elif unit is Unit.SECONDS:
            self.threshold_unit.setText(self.tr("minutes"))
            self.hysteresis_unit.setText(self.tr("minutes"))
        else:
            self.threshold_unit.setText("")
            self.hysteresis_unit.setText("")

    # -- load / read --------------------------------------------------------------------------------
    def _load(self, rule: Rule | None) -> None:
        point = QLocale().decimalPoint()
        if rule is None:
            self.name.setText("")
            self.metric_combo.setCurrentIndex(self.metric_combo.findData("drop_from_high"))
            self.window_edit.setText(self._text.window("30D"))
            self.scope.setCurrentIndex(self.scope.findData(ScopeType.ASSET.value))
            self.symbol.setCurrentText("BTC" if "BTC" in self._known or not self._known else self._known[0])
            self.comparator.setCurrentIndex(self.comparator.findData(Comparator.LE.value))
            self.threshold.setText("")
            self.severity.setCurrentIndex(self.severity.findData(Severity.WARNING.value))
            self.hysteresis.setText(edit_text(Decimal(2), point))
            self.cooldown.setText(edit_text(Decimal(12), point))
            self.enabled.setChecked(True)
        else:
            if rule.name in SHIPPED_RULES:
                self._generated_name = self._text.rule_display_name(rule)
            self.name.setText(self._generated_name or rule.name)
            self.metric_combo.setCurrentIndex(self.metric_combo.findData(rule.metric))
            self.window_edit.setText(self._text.window(rule.window))
            self.scope.setCurrentIndex(self.scope.findData(rule.scope.type.value))
            self.symbol.setCurrentText(rule.scope.symbol or "")
            self.comparator.setCurrentIndex(self.comparator.findData(rule.comparator.value))
            self.threshold.setText(edit_text(to_display(rule.metric, rule.threshold), point))
            self.severity.setCurrentIndex(self.severity.findData(rule.severity.value))
            self.hysteresis.setText(edit_text(to_display(rule.metric, rule.hysteresis), point))
            hours = Decimal(repr(rule.cooldown.total_seconds())) / Decimal(3600)
            self.cooldown.setText(edit_text(hours.normalize(), point))
            self.enabled.setChecked(rule.enabled)
        self._shown_metric = self.current_metric()
        self.symbol.setEnabled(self.current_scope_type() is ScopeType.ASSET)

    def current_metric(self) -> str:
        return self.metric_combo.currentData() or ""

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

    @staticmethod
    def _number(edit: QLineEdit) -> Decimal | None:
        return field_number(edit.text())

    def build_rule(self, *, show_errors: bool = True) -> Rule | None:
        """The rule from the fields, or None (with the problems shown next to the fields)."""
        errors: dict[str, str] = {}
        metric = self.current_metric()
        name = self._original.name if self.name_is_generated() else self.name.text().strip()
        if not name or len(name) > 100:
            errors["name"] = self.tr("Enter a name (at most 100 characters).")
        window_text = self.window_edit.text().strip()
        window = parse_window(window_text) if window_text else None
        if not window_text and windowed(metric):
            errors["window"] = self.tr("This metric needs a time window such as 30 days or 4 hours.")
        elif window_text and window is None:
            errors["window"] = self.tr("Enter a count and a unit such as 30 days or 4 hours.")
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
            lo, hi = threshold_range(metric)
            if (lo is not None and threshold < lo) or (hi is not None and threshold > hi):
                errors["threshold"] = self._messages.range_error(metric, lo, hi)
        shown_h = self._number(self.hysteresis) if self.hysteresis.text().strip() else Decimal(0)
        if shown_h is None:
            errors["hysteresis"] = self.tr("Enter a number (0 for none).")
        elif shown_h < 0:
            errors["hysteresis"] = self.tr("Enter 0 or more.")
        else:
            hysteresis = to_stored(metric, shown_h)
            if threshold_range(metric)[0] == -1.0 and hysteresis >= 1:
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
                    errors[key if key in self.errors else "general"] = self._messages.field_message(key, p.message)
        if show_errors:
            for key in _FIELDS:
                self._set_error(key, errors.get(key))
        return rule

    # -- preview ------------------------------------------------------------------------------------
    @Slot()
    def update_preview(self, *_args) -> None:
        if self.name_is_generated():
            self._update_generated_name()
        self.preview_label.setText(self.preview_text())

    def _update_generated_name(self) -> None:
        """Keep the generated name of a shipped rule in step with the fields (while they make a valid rule)."""
        rule = self.build_rule(show_errors=False)
        if rule is None:
            return
        name = self._text.rule_display_name(rule)
        if name != self.name.text():
            self._generated_name = name
            self.name.blockSignals(True)
            self.name.setText(name)
            self.name.blockSignals(False)

    def name_is_generated(self) -> bool:
        """True while the name field shows the generated name of a shipped rule (the user did not type one):
        the rule keeps its shipped name in the store and the name follows the fields and the language."""
        return bool(self._generated_name) and self.name.text() == self._generated_name

    def preview_text(self) -> str:
        """The metric's current value(s) against the threshold, from the latest snapshot."""
        try:
            snapshot = self._snapshot()
        except RiskWatchError:
            snapshot = None
        return self._preview.text(None if snapshot is None else self.build_rule(show_errors=False), snapshot)

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
                    edit.setText(edit_text(to_display(new, stored), QLocale().decimalPoint()))
        if windowed(new) and not self.window_edit.text().strip():
            self.window_edit.setText(self._text.window(spec(new).default_window))
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
        group = self._original.escalation_group if self._original else None
        self._set_error("general", self._messages.save_problems(exc, group))
