"""The rule editor on a real store: validation shown at the fields, saving, deleting, restoring, preview."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from riskwatch.adapters.rules_io import load_default_rules
from riskwatch.domain.alerts import Comparator, ScopeType, Severity
from riskwatch.gui.dialogs.rule_editor import (COL_COMPARATOR, COL_ENABLED, COL_METRIC, COL_NAME, COL_SCOPE,
                                               COL_SEVERITY, COL_THRESHOLD, RuleDialog, RulesView, to_display,
                                               to_stored)
from tests.gui.alert_fixtures import German, snap
from tests.gui.message_boxes import record_message_boxes

KNOWN = ("BTC", "ETH", "MARA", "QQQ")


@pytest.fixture(autouse=True)
def _no_modal_boxes(monkeypatch):
    return record_message_boxes(monkeypatch)


def make_view(qtbot, stack, snapshot=None):
    view = RulesView(stack.repo, restore_defaults=lambda: stack.repo.restore_default_rules(load_default_rules()),
                     known_symbols=lambda: KNOWN, latest_snapshot=lambda: snapshot)
    qtbot.addWidget(view)
    return view


def make_dialog(qtbot, stack, rule=None, snapshot=None):
    dialog = RuleDialog(rule, save=stack.repo.save_rule, known_symbols=KNOWN, latest_snapshot=lambda: snapshot)
    qtbot.addWidget(dialog)
    return dialog


def fill(dialog, *, name="ETH 10 % down", metric="drop_from_high", window="7D", scope=ScopeType.ASSET,
         symbol="ETH", threshold="-10", severity=Severity.INFO, hysteresis="1", cooldown="1"):
    dialog.name.setText(name)
    dialog.metric_combo.setCurrentIndex(dialog.metric_combo.findData(metric))
    dialog.window_edit.setText(window)
    dialog.scope.setCurrentIndex(dialog.scope.findData(scope.value))
    dialog.symbol.setCurrentText(symbol)
    dialog.comparator.setCurrentIndex(dialog.comparator.findData(Comparator.LE.value))
    dialog.threshold.setText(threshold)
    dialog.severity.setCurrentIndex(dialog.severity.findData(severity.value))
    dialog.hysteresis.setText(hysteresis)
    dialog.cooldown.setText(cooldown)


def row_of(view, name) -> int:
    return next(r for r in range(view.table.rowCount()) if view.table.item(r, COL_NAME).text() == name)


def test_the_list_shows_the_default_rules(qtbot, stack):
    view = make_view(qtbot, stack)
    assert view.table.rowCount() == len(load_default_rules())
    r = row_of(view, "BTC 17 % below its 30-day high")
    cells = [view.table.item(r, c).text() for c in (COL_METRIC, COL_SCOPE, COL_COMPARATOR, COL_THRESHOLD,
                                                      COL_SEVERITY)]
    assert cells == ["Drop from 30-day high", "BTC", "≤", "\u221217.0%", "Warning"]
    assert view.table.item(r, COL_ENABLED).checkState() == Qt.CheckState.Checked
    stale = next(i for i, rule in enumerate(view.rules()) if rule.metric == "price_age")
    assert view.table.item(stale, COL_SCOPE).text() == "All assets"
    assert view.table.item(stale, COL_THRESHOLD).text() == "15 min"


def test_units_percent_in_the_dialog_fractions_in_the_store():
    assert to_stored("drop_from_high", to_display("drop_from_high", -0.17)) == -0.17
    assert str(to_display("drop_from_high", -0.17)) == "-17"
    assert to_stored("price_age", to_display("price_age", 900)) == 900
    assert to_stored("beta_btc", to_display("beta_btc", 1.5)) == 1.5


def test_editing_a_rule_shows_its_values_in_user_units(qtbot, stack):
    rule = next(r for r in stack.repo.list_rules() if r.key == "btc_drop_30d_warning")
    dialog = make_dialog(qtbot, stack, rule)
    assert dialog.windowTitle() == "Edit rule"
    assert (dialog.threshold.text(), dialog.hysteresis.text(), dialog.cooldown.text()) == ("-17", "2", "12")
    assert dialog.threshold_unit.text() == "%" and dialog.window_edit.text() == "30 days"
    assert dialog.symbol.currentText() == "BTC"


def test_threshold_out_of_range_is_shown_at_the_field(qtbot, stack):
    dialog = make_dialog(qtbot, stack)
    fill(dialog, threshold="150")
    dialog.accept()
    assert dialog.result() == 0 and dialog.result_rule() is None
    assert dialog.error_text("threshold") == "Enter a value between \u2212100% and 0%."
    fill(dialog, threshold="abc")
    dialog.accept()
    assert dialog.error_text("threshold") == "Enter a number."
    assert len(stack.repo.list_rules()) == len(load_default_rules())     # nothing saved


def test_unknown_symbol_and_other_field_errors(qtbot, stack):
    dialog = make_dialog(qtbot, stack)
    fill(dialog, symbol="XYZ", hysteresis="-1", cooldown="1000", window="", name=" ")
    assert dialog.build_rule() is None
    assert dialog.error_text("symbol") == "Unknown symbol 'XYZ'. Known symbols: BTC, ETH, MARA, QQQ."
    assert dialog.error_text("hysteresis") == "Enter 0 or more."
    assert dialog.error_text("cooldown") == "Enter between 0 and 720 hours."
    assert dialog.error_text("window").startswith("This metric needs a time window")
    assert dialog.error_text("name").startswith("Enter a name")
    fill(dialog)
    assert dialog.build_rule() is not None
    assert all(dialog.error_text(f) == "" for f in ("symbol", "hysteresis", "cooldown", "window", "name"))


def test_german_validation_messages(qtbot, stack):
    with German():
        dialog = make_dialog(qtbot, stack)
        fill(dialog, threshold="150", symbol="XYZ")
        dialog.accept()
        assert dialog.windowTitle() == "Neue Regel"
        assert dialog.error_text("threshold") == "Bitte einen Wert zwischen \u2212100 % und 0 % eingeben."
        assert dialog.error_text("symbol") == ("Unbekanntes Symbol „XYZ“. Bekannte Symbole: BTC, ETH, MARA, QQQ.")
        assert dialog.threshold_unit.text() == "%"
        assert dialog.hysteresis_unit.text() == "Prozentpunkte"


def test_saving_a_new_rule_reaches_the_store(qtbot, stack):
    dialog = make_dialog(qtbot, stack)
    fill(dialog, threshold="-10", hysteresis="1,5", cooldown="1")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    saved = dialog.result_rule()
    assert saved.key.startswith("user.")
    repo = stack.reopen()
    stored = repo.get_rule(saved.key)
    assert (stored.name, stored.metric, stored.window, stored.scope.symbol) == ("ETH 10 % down", "drop_from_high",
                                                                              "7D", "ETH")
    assert stored.threshold == -0.10 and stored.hysteresis == 0.015 and stored.cooldown == timedelta(hours=1)
    assert stored.severity is Severity.INFO and stored.enabled


def test_add_edit_and_delete_through_the_tab(qtbot, stack, monkeypatch):
    view = make_view(qtbot, stack)
    changes = []
    view.rules_changed.connect(lambda: changes.append(1))

    def run(dialog):
        if dialog.windowTitle() == "New rule":
            fill(dialog)
        else:
            dialog.threshold.setText("-12")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(RuleDialog, "exec", run)
    added = view.add_rule()
    assert added is not None and view.selected_rule().key == added.key
    edited = view.edit_selected()
    assert edited.threshold == -0.12 and stack.repo.get_rule(added.key).threshold == -0.12
    assert view.table.item(row_of(view, "ETH 10 % down"), COL_THRESHOLD).text() == "\u221212.0%"
    assert view.delete_selected()
    assert stack.repo.get_rule(added.key) is None
    assert changes == [1, 1, 1]


def test_an_escalation_group_out_of_order_is_refused(qtbot, stack):
    rule = next(r for r in stack.repo.list_rules() if r.key == "btc_drop_30d_warning")
    dialog = make_dialog(qtbot, stack, rule)
    dialog.threshold.setText("-30")                  # beyond the critical rule's −25 %
    dialog.accept()
    assert dialog.result_rule() is None
    assert "escalation group 'btc_drop_30d'" in dialog.error_text("general")
    assert stack.repo.get_rule("btc_drop_30d_warning").threshold == -0.17


def test_switching_a_rule_off_in_the_list(qtbot, stack):
    view = make_view(qtbot, stack)
    r = next(i for i, rule in enumerate(view.rules()) if rule.key == "qqq_drop_30d_info")
    view.table.item(r, COL_ENABLED).setCheckState(Qt.CheckState.Unchecked)
    assert stack.repo.get_rule("qqq_drop_30d_info").enabled is False


def test_restore_defaults(qtbot, stack):
    view = make_view(qtbot, stack)
    stack.repo.delete_rule("qqq_drop_30d_info")
    btc = stack.repo.get_rule("btc_drop_30d_warning")
    stack.repo.save_rule(replace(btc, threshold=-0.20))
    view.reload()
    assert view.table.rowCount() == len(load_default_rules()) - 1
    messages = []
    view.status_message.connect(messages.append)
    assert view.restore_defaults()
    assert view.table.rowCount() == len(load_default_rules())
    assert stack.repo.get_rule("qqq_drop_30d_info") is not None
    assert stack.repo.get_rule("btc_drop_30d_warning").threshold == -0.17
    assert messages == ["Default rules restored."]


def test_preview_against_the_latest_snapshot(qtbot, stack):
    rule = next(r for r in stack.repo.list_rules() if r.key == "btc_drop_30d_warning")
    dialog = make_dialog(qtbot, stack, rule, snapshot=snap(btc=-0.182))
    lines = dialog.preview_label.text().splitlines()
    assert lines[0].startswith("As of ") and lines[0].endswith("threshold \u221217.0%:")
    assert lines[1] == "BTC: \u221218.2% – would fire"
    dialog.threshold.setText("-20")                  # the preview follows the fields
    assert dialog.preview_label.text().splitlines()[1] == "BTC: \u221218.2% – would not fire"
    dialog.symbol.setCurrentText("ETH")
    assert dialog.preview_label.text().splitlines()[1] == "ETH: – (no data)"
    dialog.threshold.setText("oops")
    assert dialog.preview_label.text() == "–"
    empty = make_dialog(qtbot, stack, rule, snapshot=None)
    assert empty.preview_label.text() == "– (no data yet)"


def test_german_preview(qtbot, stack):
    rule = next(r for r in stack.repo.list_rules() if r.key == "btc_drop_30d_warning")
    with German():
        dialog = make_dialog(qtbot, stack, rule, snapshot=snap(btc=-0.182))
        assert dialog.preview_label.text().splitlines()[1] == "BTC: \u221218,2 % – würde auslösen"
        assert make_dialog(qtbot, stack, rule).preview_label.text() == "– (noch keine Daten)"
