"""The alert rules: the "Regeln" tab listing them (add / edit / delete / restore defaults); the edit dialog is
in rule_dialog.py (its units in rule_fields.py, its preview in rule_preview.py).

Collaborators are injected (app.py wires them; the GUI imports no adapter):

* ``rules`` – has ``list_rules()``, ``save_rule(rule) -> Rule`` (validates the whole rule set, raises
  InputError) and ``delete_rule(key) -> bool`` (``AlertRepository`` does);
* ``restore_defaults()`` – puts the shipped rules back, returns all rules;
* ``known_symbols()`` – the symbols the monitor can price (an asset rule must name one of them);
* ``latest_snapshot()`` – the latest :class:`Snapshot` or None, for the preview.

Names: a shipped rule shows its name in the user's language, generated from its fields once they no longer
match the shipped name (``AlertText.rule_display_name``); the name column elides long names (full name in
the tooltip), the other columns fit their contents.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton,
                               QSizePolicy, QTableWidgetItem, QVBoxLayout, QWidget)

from riskwatch.domain.alerts import Rule
from riskwatch.domain.errors import RiskWatchError
from riskwatch.gui.alert_table import alert_table, table_item
from riskwatch.gui.alert_text import COMPARATOR_SYMBOLS, AlertText, arg
from riskwatch.gui.dialogs.rule_dialog import RuleDialog, SnapshotGetter
from riskwatch.gui.dialogs.rule_fields import display_factor, to_display, to_stored
from riskwatch.gui.translation import Retranslatable

COL_NAME, COL_METRIC, COL_SCOPE, COL_COMPARATOR, COL_THRESHOLD, COL_SEVERITY, COL_ENABLED = range(7)
COLUMN_COUNT = 7
#: How long a confirmation ("Rule … saved.") stays in the tab, in milliseconds.
MESSAGE_MS = 8000

SymbolsGetter = Callable[[], Iterable[str]]


# -- the tab ------------------------------------------------------------------------------------------------
class RulesView(Retranslatable, QWidget):
    """The "Regeln" tab: the rule list with add / edit / delete / restore defaults; an enabled box per rule."""

    #: The rule set changed (saved, deleted, restored, switched on/off).
    rules_changed = Signal()
    #: A short confirmation ("Rule … saved."), also shown in the tab itself (``message_label``) for a few seconds.
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
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)  # long names elide, nothing else
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setWordWrap(False)
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
        self.message_label = QLabel()
        self.message_label.setObjectName("rulesMessage")
        self.message_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._message_timer = QTimer(self, singleShot=True, interval=MESSAGE_MS)
        self._message_timer.timeout.connect(self.message_label.clear)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addWidget(self.message_label, 1)
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
                cells = (t.rule_display_name(r), t.metric(r.metric_key), t.scope(r.scope),
                         COMPARATOR_SYMBOLS[r.comparator.value], t.value(r.metric_key, r.threshold),
                         t.severity(r.severity), "")
                for col, text in enumerate(cells):
                    item = table_item(text, number=col == COL_THRESHOLD,
                                      severity=r.severity if col == COL_SEVERITY else None)
                    item.setData(Qt.ItemDataRole.UserRole, r.key)
                    if col == COL_NAME:
                        item.setToolTip(text)
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
        self._changed(arg(self.tr("Rule '%1' saved."), self._text.rule_display_name(saved)))
        self.select_rule(saved.key)
        return saved

    def delete_selected(self, confirm: bool = True) -> bool:
        rule = self.selected_rule()
        if rule is None:
            return False
        if confirm:
            answer = QMessageBox.question(self, self.tr("Delete rule"), arg(self.tr(
                "Delete the rule '%1'? Its active alerts end at the next check."), self._text.rule_display_name(rule)))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            self._store.delete_rule(rule.key)
        except RiskWatchError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), str(exc))
            self.reload()
            return False
        self._changed(arg(self.tr("Rule '%1' deleted."), self._text.rule_display_name(rule)))
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
        self.show_message(message)
        self.status_message.emit(message)

    def show_message(self, message: str) -> None:
        """Show a confirmation in the tab's own line for a few seconds (full text in the tooltip)."""
        self.message_label.setText(message)
        self.message_label.setToolTip(message)
        self._message_timer.start()

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
                          self._text.rule_display_name(rule)))


__all__ = ["COMPARATOR_SYMBOLS", "RuleDialog", "RulesView", "display_factor", "to_display", "to_stored"]
