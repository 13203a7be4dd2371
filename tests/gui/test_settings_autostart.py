"""The settings' "Start at login": it shows whether the XDG autostart file exists and writes or removes it
(tmp XDG folders, the real adapter app.py wires in, the real window and dialog offscreen)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from riskwatch import app as rwapp
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.gui.dialogs.settings_dialog import SettingsDialog
from riskwatch.services.settings import AppSettings
from tests.conftest import cli_env


def integration(tmp_path):
    env = cli_env(XDG_DATA_HOME=str(tmp_path / "share"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    from riskwatch.options import RuntimeOptions

    return rwapp.build_desktop_integration(SimpleNamespace(data_dir=None, options=RuntimeOptions(env)),
                                           platform="linux")


@pytest.fixture
def window(qtbot, tmp_path):
    store = SqliteStore.in_dir(tmp_path / "data")
    autostart = integration(tmp_path)
    w = rwapp.create_main_window(store, language="en", autostart=autostart)
    qtbot.addWidget(w)
    w.show()
    yield w, autostart
    store.close()


def run_dialog(monkeypatch, w, fill) -> list[SettingsDialog]:
    seen = []

    def exec_(dialog):
        seen.append(dialog)
        fill(dialog)
        dialog.accept()
        return dialog.result() == 1

    monkeypatch.setattr(SettingsDialog, "exec", exec_)
    w.action_settings.trigger()
    return seen


def test_ticking_start_at_login_writes_the_autostart_file_and_unticking_removes_it(qtbot, window, monkeypatch):
    w, autostart = window
    path = autostart.autostart_path
    [d] = run_dialog(monkeypatch, w, lambda dialog: None)
    assert d.start_at_login.text() == "Start at login" and not d.start_at_login.isChecked() and not path.exists()

    run_dialog(monkeypatch, w, lambda dialog: dialog.start_at_login.setChecked(True))
    assert path.is_file() and "X-GNOME-Autostart-enabled=true" in path.read_text()
    assert not autostart.entry_path.exists()  # only the autostart file, not the menu entry

    [d] = run_dialog(monkeypatch, w, lambda dialog: None)
    assert d.start_at_login.isChecked()  # the box shows the file that is there
    run_dialog(monkeypatch, w, lambda dialog: dialog.start_at_login.setChecked(False))
    assert not path.exists()


def test_the_box_follows_a_file_written_outside_the_app(qtbot, tmp_path):
    autostart = integration(tmp_path)
    autostart.set_autostart(True)  # e.g. `riskwatch install-desktop --autostart`
    d = SettingsDialog(AppSettings(), autostart=autostart)
    qtbot.addWidget(d)
    assert d.start_at_login.isChecked()


def test_a_failure_is_shown_in_the_dialog_and_keeps_it_open(qtbot, tmp_path):
    autostart = integration(tmp_path)
    (tmp_path / "config").write_text("a file where the config folder should be")
    d = SettingsDialog(AppSettings(), autostart=autostart)
    qtbot.addWidget(d)
    d.start_at_login.setChecked(True)
    d.accept()
    assert d.result_settings() is None and d.error.isVisibleTo(d)
    assert d.error.text().startswith("Start at login could not be changed: could not create the folder ")
    assert str(tmp_path / "config" / "autostart") in d.error.text()


def test_the_box_is_german_in_a_german_window(qtbot, tmp_path):
    store = SqliteStore.in_dir(tmp_path / "data")
    w = rwapp.create_main_window(store, language="de", autostart=integration(tmp_path))
    qtbot.addWidget(w)
    try:
        d = SettingsDialog(w.settings, w, autostart=integration(tmp_path))
        assert d.start_at_login.text() == "Beim Anmelden starten"
        assert d.start_at_login.toolTip().startswith("RiskWatch startet, sobald Sie sich am Desktop anmelden")
    finally:
        w.settings_controller.translator.set_language("en")  # the app's one translator: the next test is English
        store.close()


def test_without_an_integration_there_is_no_box(qtbot):
    d = SettingsDialog(AppSettings())
    qtbot.addWidget(d)
    assert d.start_at_login is None
