"""Issue 13, the rule editor: no shadowed QDialog.metric, generated names for changed default rules in the
user's language, windows in words, confirmations in the tab, and a rules table that does not clip."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from riskwatch.adapters.rules_io import load_default_rules
from riskwatch.gui.dialogs.rule_editor import COL_NAME, COL_SEVERITY, RuleDialog, RulesView
from tests.gui.alert_fixtures import German
from tests.gui.message_boxes import record_message_boxes

KNOWN = ("BTC", "ETH", "MARA", "QQQ")
BTC = "btc_drop_30d_warning"


@pytest.fixture(autouse=True)
def _no_modal_boxes(monkeypatch):
    return record_message_boxes(monkeypatch)


def make_dialog(qtbot, stack, key=BTC):
    rule = stack.repo.get_rule(key) if key else None
    dialog = RuleDialog(rule, save=stack.repo.save_rule, known_symbols=KNOWN, latest_snapshot=lambda: None)
    qtbot.addWidget(dialog)
    return dialog


def make_view(qtbot, stack):
    view = RulesView(stack.repo, restore_defaults=lambda: stack.repo.restore_default_rules(load_default_rules()),
                     known_symbols=lambda: KNOWN)
    qtbot.addWidget(view)
    return view


def test_opening_the_editor_writes_no_override_error(qtbot, stack, capfd):
    dialog = make_dialog(qtbot, stack)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.repaint()
    QApplication.processEvents()
    err = capfd.readouterr().err
    assert "Error calling Python override" not in err and "not callable" not in err
    assert callable(dialog.metric) and callable(dialog.window)      # QPaintDevice / QWidget methods intact
    assert dialog.window() is dialog


def test_the_gui_knows_what_every_shipped_rule_name_describes():
    from riskwatch.gui.alert_text import SHIPPED_RULES

    for rule in load_default_rules():
        scope, key, comparator, threshold = SHIPPED_RULES[rule.name]
        assert (scope, key, comparator, threshold) == (rule.scope.encode(), rule.metric_key, rule.comparator.value,
                                                       pytest.approx(rule.threshold))


def test_a_changed_default_rule_gets_a_generated_name(qtbot, stack):
    dialog = make_dialog(qtbot, stack)
    assert dialog.name.text() == "BTC 17 % below its 30-day high"
    dialog.threshold.setText("-20.5")
    assert dialog.name.text() == "BTC: Drop from 30-day high ≤ \u221220.5%"
    dialog.accept()
    stored = stack.repo.get_rule(BTC)
    assert stored.threshold == pytest.approx(-0.205)
    assert stored.name == "BTC 17 % below its 30-day high"          # kept: the name stays generated
    view = make_view(qtbot, stack)
    row = next(i for i, r in enumerate(view.rules()) if r.key == BTC)
    assert view.table.item(row, COL_NAME).text() == "BTC: Drop from 30-day high ≤ \u221220.5%"
    assert view.table.item(row, COL_NAME).toolTip() == "BTC: Drop from 30-day high ≤ \u221220.5%"
    typed = make_dialog(qtbot, stack)                                  # a name the user types is kept
    typed.name.clear()
    qtbot.keyClicks(typed.name, "Mein BTC-Alarm")
    typed.threshold.setText("-19")
    assert typed.name.text() == "Mein BTC-Alarm"
    typed.accept()
    assert stack.repo.get_rule(BTC).name == "Mein BTC-Alarm"
    view.reload()
    assert view.table.item(row, COL_NAME).text() == "Mein BTC-Alarm"


def test_german_names_of_default_rules(qtbot, stack):
    with German():
        dialog = make_dialog(qtbot, stack)
        assert dialog.name.text() == "BTC 17 % unter dem 30-Tage-Hoch"
        dialog.threshold.setText("-20,5")
        assert dialog.name.text() == "BTC: Rückgang vom 30-Tage-Hoch ≤ \u221220,5 %"
        dialog.accept()
        assert stack.repo.get_rule(BTC).name == "BTC 17 % below its 30-day high"


def test_windows_are_shown_and_entered_in_words(qtbot, stack):
    from riskwatch.gui.dialogs.rule_fields import parse_window

    assert make_dialog(qtbot, stack).window_edit.text() == "30 days"
    with German():
        dialog = make_dialog(qtbot, stack, key="miner_drop_30d_warning")
        assert dialog.window_edit.text() == "30 Tage"
        assert make_dialog(qtbot, stack, key=None).window_edit.text() == "30 Tage"
        dialog.window_edit.setText("14 Tage")
        assert dialog.name.text() == "Alle Miner-Aktien: Rückgang vom 14-Tage-Hoch ≤ −30,0 %"
        dialog.accept()
    assert stack.repo.get_rule("miner_drop_30d_warning").window == "14D"
    assert [parse_window(t) for t in ("30D", "30 d", "1 Tag", "4 hours", "4 Std.", "2 Wochen", "30", "x")] == [
        "30D", "30D", "1D", "4H", "4H", "2W", None, None]


def test_a_bad_window_is_shown_at_the_field_in_german(qtbot, stack):
    with German():
        dialog = make_dialog(qtbot, stack)
        dialog.window_edit.setText("dreißig")
        dialog.accept()
        assert dialog.error_text("window") == "Bitte Anzahl und Einheit eingeben, z. B. 30 Tage oder 4 Stunden."


def test_confirmations_are_german_and_shown_in_the_tab(qtbot, stack, monkeypatch):
    with German():
        view = make_view(qtbot, stack)
        emitted = []
        view.status_message.connect(emitted.append)
        view.select_rule(BTC)

        def run(dialog):
            dialog.threshold.setText("-20,5")
            dialog.accept()
            return dialog.result()

        monkeypatch.setattr(RuleDialog, "exec", run)
        assert view.edit_selected() is not None
        expected = "Regel „BTC: Rückgang vom 30-Tage-Hoch ≤ \u221220,5 %“ gespeichert."
        assert view.message_label.text() == expected and emitted == [expected]
        assert view.message_label.parent() is view and view.message_label.toolTip() == expected


def test_the_german_table_elides_long_names_not_the_severity(qtbot, stack):
    with German():
        view = make_view(qtbot, stack)
        view.resize(900, 500)
        view.show()
        qtbot.waitExposed(view)
        table = view.table
        header = table.horizontalHeader()
        assert header.length() <= table.viewport().width()          # no column pushed out of sight
        fm = table.fontMetrics()
        for row in range(table.rowCount()):
            text = table.item(row, COL_SEVERITY).text()
            assert header.sectionSize(COL_SEVERITY) >= fm.horizontalAdvance(text)
        longest = max(range(table.rowCount()), key=lambda r: len(table.item(r, COL_NAME).text()))
        name = table.item(longest, COL_NAME)
        assert name.toolTip() == name.text()
        assert header.sectionSize(COL_NAME) < fm.horizontalAdvance(name.text())   # elided, full text in the tip
