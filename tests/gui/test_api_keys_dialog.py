"""The API-keys and sync dialogs offscreen, with real ccxt against the fake Kraken off the GUI thread."""

from __future__ import annotations

import asyncio
import base64
import logging
import os
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest
from keyring.backends import fail
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from riskwatch import app as rwapp
from riskwatch import paths
from riskwatch.adapters.ccxt_account import fetch_balances, test_credentials
from riskwatch.adapters.keyring_secrets import (
    SERVICE,
    EnvSecretStore,
    KeyringSecretStore,
    SecretResolver,
    SessionSecretStore,
)
from riskwatch.adapters.loop_thread import LoopThread
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.domain.account_sync import ApiCredentials
from riskwatch.domain.model import Asset, AssetKind, Position
from riskwatch.gui.dialogs.api_keys_dialog import ApiKeysDialog
from riskwatch.gui.dialogs.sync_dialog import SyncDialog, SyncScheduler
from riskwatch.gui.monitor_bridge import MonitorBridge
from riskwatch.gui.translation import Translator
from riskwatch.services.account_sync import SyncService
from tests.fakes.fake_kraken import fake_kraken  # noqa: F401 - pytest fixture
from tests.fakes.memory_keyring import MemoryKeyring

KEY = "RWguiKEY-" + "Qa1Ws2Ed3Rf4Tg5Yh6" * 2
SECRET = base64.b64encode(bytes(range(31, 95))).decode()
FAST = {"rate_limit_ms": 1, "timeout_ms": 3000}


@pytest.fixture(autouse=True)
def _clean_keyring(monkeypatch):
    monkeypatch.delenv("RISKWATCH_TEST_KEYRING_FILE", raising=False)
    MemoryKeyring.clear()
    yield
    MemoryKeyring.clear()


@pytest.fixture
def questions(monkeypatch):
    asked = []

    def question(*args, **kw):
        asked.append(args)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


@pytest.fixture
def kraken(fake_kraken):  # noqa: F811
    fake_kraken.set_credentials(KEY, SECRET)
    fake_kraken.set_balances({"XXBT": "0.5", "XETH": "2.5", "USDT": "1500", "ZUSD": "1000"})
    return fake_kraken


@pytest.fixture
def bridge(qapp):
    loop = LoopThread().start()
    bridge = MonitorBridge(loop, SimpleNamespace(market=None))
    yield bridge
    loop.stop()


@pytest.fixture
def runner(bridge):
    """The runner the app uses: MonitorBridge.run on a LoopThread (callbacks arrive on the GUI thread)."""
    return bridge.run


@pytest.fixture
def ops(bridge):
    """The app's OpRunner on the same loop thread (the API-keys dialog runs its key test through it)."""
    return bridge.ops


def secure_vault():
    return SecretResolver(KeyringSecretStore(MemoryKeyring()), EnvSecretStore({}), SessionSecretStore())


def no_backend_vault(environ=None):
    return SecretResolver(KeyringSecretStore(fail.Keyring()), EnvSecretStore(environ or {}), SessionSecretStore())


def key_tester(kraken):
    return lambda ex, creds: test_credentials(ex, creds, kraken.url, **FAST)


def make_dialog(qtbot, vault, kraken, ops, **kw):
    dialog = ApiKeysDialog(vault, key_tester(kraken), ops, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def enter(dialog, key=KEY, secret=SECRET, passphrase=""):
    dialog.key.setText(key)
    dialog.secret.setText(secret)
    dialog.passphrase.setText(passphrase)


def wait_result(qtbot, dialog):
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    return dialog.result.text()


def test_layout_advice_and_password_fields(qtbot, kraken, ops):
    dialog = make_dialog(qtbot, secure_vault(), kraken, ops)
    assert dialog.windowTitle() == "API keys"
    assert dialog.secret.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.passphrase.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.key.echoMode() == QLineEdit.EchoMode.PasswordEchoOnEdit
    assert "read-only" in dialog.advice.text() and "withdraw" in dialog.advice.text()
    assert not dialog.banner.isVisibleTo(dialog)
    assert dialog.status.text() == "No API key stored."
    assert not dialog.remove_button.isEnabled()
    assert [dialog.exchange.itemText(i) for i in range(dialog.exchange.count())][0] == "Kraken"


def test_save_test_and_remove_with_the_keyring(qtbot, kraken, ops, questions):
    vault = secure_vault()
    dialog = make_dialog(qtbot, vault, kraken, ops)
    with qtbot.waitSignal(dialog.key_saved):
        enter(dialog)
        assert dialog.save()
    assert MemoryKeyring._store[(SERVICE, "kraken:api_key")] == KEY
    assert MemoryKeyring._store[(SERVICE, "kraken:secret")] == SECRET
    assert dialog.key.text() == dialog.secret.text() == ""  # fields are cleared at once
    assert "system keyring" in dialog.status.text() and dialog.remove_button.isEnabled()

    with qtbot.waitSignal(dialog.test_finished, timeout=20000) as sig:
        assert dialog.test_key()  # the fields are empty: the stored key is tested
        assert dialog.busy and not dialog.test_button.isEnabled()
    assert sig.args == ["kraken", True]
    assert "The key works" in dialog.result.text()
    assert [r.endpoint for r in kraken.requests() if "/private/" in r.path] == ["BalanceEx"]

    with qtbot.waitSignal(dialog.key_removed):
        assert dialog.remove()
    assert questions and not MemoryKeyring._store
    assert dialog.status.text() == "No API key stored."


@pytest.mark.parametrize("case, expected", [
    ("wrong_key", "rejected the API key"),
    ("wrong_secret", "rejected the API key"),
    ("permission", "permission to read balances"),
    ("nonce", "clock"),
    ("unreachable", "could not be reached"),
])
def test_test_reports_the_exact_reason(qtbot, kraken, ops, case, expected):
    vault = secure_vault()
    test = key_tester(kraken)
    if case == "unreachable":
        test = lambda ex, creds: test_credentials(ex, creds, "http://127.0.0.1:9", **FAST)  # noqa: E731
    dialog = ApiKeysDialog(vault, test, ops)
    qtbot.addWidget(dialog)
    key, secret = KEY, SECRET
    if case == "wrong_key":
        key = "not-the-key"
    elif case == "wrong_secret":
        secret = base64.b64encode(b"y" * 64).decode()
    elif case == "permission":
        kraken.set_credentials(KEY, SECRET, permissions=())
    elif case == "nonce":
        kraken.inject("BalanceEx", "nonce", times=1)
    enter(dialog, key, secret)
    with qtbot.waitSignal(dialog.test_finished, timeout=20000) as sig:
        dialog.test_key()
    assert sig.args == ["kraken", False]
    text = dialog.result.text()
    assert expected in text and "Kraken" in text
    assert KEY not in text and SECRET not in text
    assert not MemoryKeyring._store  # testing never stores


def test_closing_during_a_test_drops_its_result(qtbot, kraken, ops):
    """The key test is an op with the dialog as its parent: closing the dialog cancels it, and a dialog that is
    gone gets no callback (nothing touches a deleted widget, nothing is left pending in the runner)."""
    kraken.inject("BalanceEx", "latency", seconds=1.0)
    dialog = make_dialog(qtbot, secure_vault(), kraken, ops)
    finished = []
    dialog.test_finished.connect(lambda *args: finished.append(args))
    enter(dialog)
    assert dialog.test_key() and dialog.busy and ops.pending == 1
    dialog.reject()
    assert not dialog.busy and ops.pending == 0
    assert dialog.key.text() == ""  # nothing typed outlives the dialog

    again = ApiKeysDialog(secure_vault(), key_tester(kraken), ops)
    again.test_finished.connect(lambda *args: finished.append(args))
    enter(again)
    assert again.test_key() and ops.pending == 1
    handle = again._test_op
    again.deleteLater()  # destroyed while its test runs: the runner forgets its callbacks at once
    qtbot.waitUntil(lambda: ops.pending == 0 and handle.done(), timeout=5000)
    QCoreApplication.processEvents()  # the (cancelled) delivery is queued: let it arrive
    assert handle.future.cancelled() and finished == []


def test_incomplete_input_and_nothing_to_test(qtbot, kraken, ops):
    dialog = make_dialog(qtbot, secure_vault(), kraken, ops)
    assert not dialog.test_key() and "No API key to test" in dialog.result.text()
    enter(dialog, KEY, "")
    assert not dialog.save() and "Enter the API key and the secret" in dialog.result.text()
    enter(dialog, "a key", SECRET)
    assert not dialog.save()
    assert not MemoryKeyring._store


def test_no_secure_backend_banner_and_session_only(qtbot, kraken, ops):
    vault = no_backend_vault()
    dialog = make_dialog(qtbot, vault, kraken, ops)
    assert dialog.banner.isVisibleTo(dialog)
    text = dialog.banner_label.text()
    assert "No secure keyring" in text and "plain text" in text and "RISKWATCH_KRAKEN_API_KEY" in text
    enter(dialog)
    assert not dialog.save()  # never a silent fallback
    assert "this session only" in dialog.result.text() and vault.source("kraken") is None
    dialog.session_only.setChecked(True)
    assert dialog.save()
    assert vault.source("kraken") == "session" and "this session only" in dialog.status.text()
    with qtbot.waitSignal(dialog.test_finished, timeout=20000) as sig:
        dialog.test_key()
    assert sig.args == ["kraken", True]


def test_environment_keys_are_shown_and_cannot_be_removed(qtbot, kraken, ops):
    vault = no_backend_vault({"RISKWATCH_KRAKEN_API_KEY": KEY, "RISKWATCH_KRAKEN_SECRET": SECRET})
    dialog = make_dialog(qtbot, vault, kraken, ops)
    assert dialog.status.text() == "Taken from environment variables."
    assert not dialog.remove_button.isEnabled()


def test_german(qtbot, kraken, ops):
    app = QApplication.instance()
    translator = Translator(app, paths.resource("translations"))
    translator.set_language("de")
    try:
        dialog = make_dialog(qtbot, no_backend_vault(), kraken, ops)
        assert dialog.windowTitle() == "API-Schlüssel"
        assert "nur Lesezugriff" in dialog.advice.text()
        assert "Kein sicherer Schlüsselbund" in dialog.banner_label.text() or \
            "kein sicherer Schlüsselbund" in dialog.banner_label.text()
        enter(dialog, "wrong", SECRET)
        dialog.session_only.setChecked(True)
        with qtbot.waitSignal(dialog.test_finished, timeout=20000):
            dialog.test_key()
        assert "hat den API-Schlüssel abgelehnt" in dialog.result.text()
        translator.set_language("en")  # the dialog follows a language change
        QCoreApplication.processEvents()
        assert dialog.windowTitle() == "API keys" and "rejected the API key" in dialog.result.text()
    finally:
        translator.set_language("en")


# -- sync dialog -----------------------------------------------------------------------------------------------
@pytest.fixture
def store(data_dir):
    s = SqliteStore.in_dir(data_dir)
    yield s
    s.close()


def sync_service(store, vault, kraken):
    return SyncService(store, vault.credentials, lambda ex, c: fetch_balances(ex, c, kraken.url, **FAST))


def test_sync_dialog_shows_the_diff_and_applies_it(qtbot, store, kraken, runner):
    store.add_positions([
        Position(Asset("BTC", AssetKind.CRYPTO), Decimal("0.25"), Decimal("60000"), "Kraken"),
        Position(Asset("SOL", AssetKind.CRYPTO), Decimal("10"), Decimal("100"), "Kraken"),
    ])
    vault = secure_vault()
    vault.save("kraken", ApiCredentials(KEY, SECRET))
    service = sync_service(store, vault, kraken)
    dialog = SyncDialog("kraken", fetch_plan=lambda: service.plan("kraken"), apply=service.apply, run=runner)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.plan_loaded, timeout=20000):
        dialog.show()
    groups = {dialog.tree.topLevelItem(i).text(0): [dialog.tree.topLevelItem(i).child(j).text(k)
                                                   for j in range(dialog.tree.topLevelItem(i).childCount())
                                                   for k in range(4)]
              for i in range(dialog.tree.topLevelItemCount())}
    assert groups == {
        "Added (2)": ["ETH", "Crypto", "", "2.5", "USDT", "Stablecoin", "", "1,500"],
        "Changed (1)": ["BTC", "Crypto", "0.25", "0.5"],
        "Removed (1)": ["SOL", "Crypto", "10", "0"],
    }
    assert "Apply these changes?" in dialog.summary.text() and "cost basis of 0" in dialog.note.text()
    assert store.list_positions()[0].quantity == Decimal("0.25")  # nothing written before confirming
    with qtbot.waitSignal(dialog.sync_applied):
        assert dialog.apply_plan()
    held = {p.symbol: p for p in store.list_positions()}
    assert set(held) == {"BTC", "ETH", "USDT"}
    assert held["BTC"].quantity == Decimal("0.5") and held["BTC"].cost_basis == Decimal("60000")
    assert not dialog.isVisible()


def test_sync_dialog_rejected_key_changes_nothing(qtbot, store, kraken, runner):
    store.add_position(Position(Asset("BTC", AssetKind.CRYPTO), Decimal("0.25"), Decimal("1"), "Kraken"))
    vault = secure_vault()
    vault.save("kraken", ApiCredentials("wrong-key", SECRET))
    service = sync_service(store, vault, kraken)
    dialog = SyncDialog("kraken", fetch_plan=lambda: service.plan("kraken"), apply=service.apply, run=runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog), timeout=20000)
    assert "rejected the API key" in dialog.error.text()
    assert not dialog.apply_button.isEnabled() and not dialog.apply_plan()
    assert [(p.symbol, p.quantity) for p in store.list_positions()] == [("BTC", Decimal("0.25"))]


def test_sync_dialog_up_to_date(qtbot, store, kraken, runner):
    vault = secure_vault()
    vault.save("kraken", ApiCredentials(KEY, SECRET))
    service = sync_service(store, vault, kraken)
    kraken.set_balances({"XXBT": "0.5"})
    store.add_position(Position(Asset("BTC", AssetKind.CRYPTO), Decimal("0.5"), Decimal("1"), "Kraken"))
    plan = asyncio.run(service.plan("kraken"))
    dialog = SyncDialog("kraken", apply=service.apply, plan=plan)
    qtbot.addWidget(dialog)
    assert "up to date" in dialog.summary.text() and not dialog.apply_button.isEnabled()
    assert dialog.cancel_button.text() == "Close"


def test_scheduler_reports_changes_but_never_applies(qtbot, store, kraken, runner):
    vault = secure_vault()
    vault.save("kraken", ApiCredentials(KEY, SECRET))
    service = sync_service(store, vault, kraken)
    scheduler = SyncScheduler("kraken", lambda: service.plan("kraken"), runner, interval_s=3600)
    with qtbot.waitSignal(scheduler.changes_found, timeout=20000) as sig:
        scheduler.start(now=True)
    assert scheduler.active and len(sig.args[0].added) == 3
    assert store.list_positions() == []
    vault.delete("kraken")
    with qtbot.waitSignal(scheduler.sync_failed, timeout=20000) as failed:
        scheduler.check_now()
    assert "No API key for Kraken" in failed.args[0]
    scheduler.stop()


# -- set -> sync -> quit: the secret is nowhere ----------------------------------------------------------------------
def test_set_sync_quit_leaves_no_key_material(qtbot, store, data_dir, kraken, runner, ops, caplog):
    caplog.set_level(logging.DEBUG)
    rwapp.setup_logging(data_dir)
    vault = secure_vault()
    keys = make_dialog(qtbot, vault, kraken, ops)
    enter(keys)
    keys.save()
    with qtbot.waitSignal(keys.test_finished, timeout=20000):
        keys.test_key()
    keys.close()
    service = sync_service(store, vault, kraken)
    sync = SyncDialog("kraken", fetch_plan=lambda: service.plan("kraken"), apply=service.apply, run=runner)
    qtbot.addWidget(sync)
    with qtbot.waitSignal(sync.plan_loaded, timeout=20000):
        sync.show()
    sync.apply_plan()
    window = rwapp.create_main_window(store, language="en")  # quit: the window saves its state
    qtbot.addWidget(window)
    window.show()
    window.close()
    QSettings("RiskWatch", "RiskWatch").sync()
    for h in list(logging.getLogger("riskwatch").handlers):
        if isinstance(h, logging.FileHandler) and Path(h.baseFilename).parent == data_dir:
            h.flush()
            logging.getLogger("riskwatch").removeHandler(h)
            h.close()

    raw = base64.b64decode(SECRET)
    needles = [s.encode() for s in (KEY, SECRET, SECRET.rstrip("="), base64.urlsafe_b64encode(raw).decode(),
                                    base64.b64encode(KEY.encode()).decode(), raw.hex())] + [raw]
    config_home = Path(os.environ["XDG_CONFIG_HOME"])
    files = [p for d in (data_dir, config_home) for p in d.rglob("*") if p.is_file()]
    # the window state is kept beside the store (window.ini); it must hold no key material either
    assert (data_dir / "riskwatch.log").exists() and any(p.name == "window.ini" for p in files)
    for path in files:
        blob = path.read_bytes()
        assert not any(n in blob for n in needles), f"key material in {path}"
    assert any("API-Key" in r.getMessage() for r in caplog.records)  # ccxt logged the request headers …
    captured = caplog.text.encode()
    assert not any(n in captured for n in needles)  # … redacted
