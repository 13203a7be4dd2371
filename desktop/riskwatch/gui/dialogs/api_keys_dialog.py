"""API keys per exchange: add, test, remove. Keys live only in the OS keyring (or, on request, this session).

The dialog imports no adapter. It gets

* ``vault``: where keys are kept (``services.account_sync.CredentialVault``; app.py hands in the keyring
  ``SecretResolver``),
* ``test(exchange, credentials)``: a coroutine making one private read call (``ccxt_account.test_credentials``),
* ``ops``: the app's ``OpRunner`` (``gui/ops.py``), which runs that coroutine on the loop thread with this
  dialog as the op's parent: the result comes back on the GUI thread, and a dialog destroyed meanwhile gets
  no callback.

Secrets are typed into password fields, handed to the vault and cleared from the fields at once; nothing
here writes to QSettings or logs. Without a secure keyring a banner says so and offers "this session only".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QFrame, QHBoxLayout,
                               QLabel, QLineEdit, QMessageBox, QPushButton, QVBoxLayout)

from riskwatch.domain.account_sync import ApiCredentials, account_name
from riskwatch.domain.errors import AuthenticationFailed, DataUnavailable, InvalidData, RateLimited, \
    SecretStoreUnavailable
from riskwatch.gui.ops import Op, OpHandle, OpRunner
from riskwatch.gui.theme import theme
from riskwatch.gui.translation import Retranslatable

EXCHANGES = ("kraken", "binance", "coinbase", "bitstamp")


class AccountText(QObject):
    """Translated texts about exchange accounts shared by the API-key and sync dialogs."""

    def error(self, err: BaseException, exchange: str) -> str:
        """One sentence for a failed private call or key-store operation (never containing key material)."""
        name = account_name(exchange)
        if isinstance(err, AuthenticationFailed):
            text = {
                "authentication": self.tr("%1 rejected the API key: the key or the secret is wrong."),
                "permission": self.tr("%1 accepted the API key, but it lacks the permission to read balances. "
                                      "Enable only the permission to query funds (Kraken: \"Query Funds\")."),
                "clock": self.tr("%1 rejected the request's nonce or timestamp. Check that this computer's clock "
                                 "is right and that no other program uses the same key."),
                "unreachable": self.tr("%1 could not be reached. Check the internet connection and try again "
                                       "later."),
                "missing": self.tr("No API key for %1 is stored."),
            }.get(err.reason)
            if text:
                return text.replace("%1", name)
        if isinstance(err, SecretStoreUnavailable):
            return self.tr("The key store failed: %1").replace("%1", str(err))
        if isinstance(err, RateLimited):
            return self.tr("%1 asks to slow down. Try again in a minute.").replace("%1", name)
        if isinstance(err, InvalidData):
            return self.tr("%1 answered with data that could not be read. Nothing was changed.").replace("%1", name)
        if isinstance(err, DataUnavailable):
            return self.tr("%1 could not answer: %2").replace("%1", name).replace("%2", str(err))
        return self.tr("Unexpected error: %1").replace("%1", type(err).__name__)

    def source(self, source: str | None, backend: str) -> str:
        if source == "keyring":
            return self.tr("Stored in the system keyring (%1).").replace("%1", backend)
        if source == "env":
            return self.tr("Taken from environment variables.")
        if source == "session":
            return self.tr("Kept for this session only: RiskWatch forgets it when you quit.")
        return self.tr("No API key stored.")


class ApiKeysDialog(Retranslatable, QDialog):
    #: the exchange id whose key was saved / removed
    key_saved = Signal(str)
    key_removed = Signal(str)
    #: a test finished: (exchange id, True when the key works)
    test_finished = Signal(str, bool)

    def __init__(self, vault: Any, test: Callable[[str, ApiCredentials], Any],
                 ops: OpRunner, *, exchanges: Sequence[str] = EXCHANGES, exchange: str | None = None,
                 parent=None):
        super().__init__(parent)
        self.setObjectName("apiKeysDialog")
        self._vault = vault
        self._test = test
        self._ops = ops
        self._test_op: OpHandle | None = None  # the running key test; None when idle
        self._text = AccountText(self)
        self._result_kind: tuple[str, Any] | None = None  # what the result label shows, to retranslate it

        self.exchange_label = QLabel()
        self.exchange = QComboBox()
        for ex in exchanges:
            self.exchange.addItem(account_name(ex), ex)
        if exchange is not None:
            self.exchange.setCurrentIndex(max(0, self.exchange.findData(exchange)))
        self.exchange.currentIndexChanged.connect(self._on_exchange_current_index_changed)

        self.banner = QFrame()
        self.banner.setObjectName("keyringBanner")
        self.banner.setStyleSheet(theme().banner_style("keyringBanner", theme().error_banner,
                                                       children="QLabel, QCheckBox"))
        self.banner_label = QLabel()
        self.banner_label.setWordWrap(True)
        self.session_only = QCheckBox()
        banner_layout = QVBoxLayout(self.banner)
        banner_layout.addWidget(self.banner_label)
        banner_layout.addWidget(self.session_only)

        self.advice = QLabel()
        self.advice.setObjectName("readOnlyAdvice")
        self.advice.setWordWrap(True)
        self.advice.setStyleSheet(theme().text_style(theme().card.foreground))

        self.status = QLabel()
        self.status.setObjectName("keyStatus")
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.form = QFormLayout()
        self.form.addRow(self.exchange_label, self.exchange)
        self.key_label, self.secret_label, self.passphrase_label = QLabel(), QLabel(), QLabel()
        self.form.addRow(self.key_label, self.key)
        self.form.addRow(self.secret_label, self.secret)
        self.form.addRow(self.passphrase_label, self.passphrase)

        self.result = QLabel()
        self.result.setObjectName("keyResult")
        self.result.setWordWrap(True)
        self.result.hide()

        self.save_button = QPushButton()
        self.test_button = QPushButton()
        self.remove_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        self.test_button.clicked.connect(self.test_key)
        self.remove_button.clicked.connect(self.remove)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.test_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.advice)
        layout.addLayout(self.form)
        layout.addWidget(self.status)
        layout.addLayout(row)
        layout.addWidget(self.result)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.retranslate()
        self._refresh()

    # -- state -------------------------------------------------------------------------------------------------
    def current_exchange(self) -> str:
        return self.exchange.currentData()

    @property
    def busy(self) -> bool:
        """True while a key test runs (saving and testing wait for it)."""
        return self._test_op is not None

    @property
    def secure(self) -> bool:
        return bool(self._vault.secure_backend)

    def _refresh(self) -> None:
        ex = self.current_exchange()
        secure = self.secure
        self.banner.setVisible(not secure)
        self.session_only.setChecked(not secure and self.session_only.isChecked())
        source = self._vault.source(ex)
        self.status.setText(self._text.source(source, self._vault.backend_name))
        self.remove_button.setEnabled(source in ("keyring", "session"))
        self.test_button.setEnabled(not self.busy)
        self.save_button.setEnabled(not self.busy)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("API keys"))
        self.exchange_label.setText(self.tr("Exchange"))
        self.key_label.setText(self.tr("API key"))
        self.secret_label.setText(self.tr("Secret"))
        self.passphrase_label.setText(self.tr("Passphrase"))
        self.passphrase.setPlaceholderText(self.tr("only if the exchange issued one"))
        self.advice.setText(self.tr(
            "<b>Use a read-only key.</b> RiskWatch only reads your balances. Create a key with read access "
            "only (Kraken: only \"Query Funds\"), without permission to trade or withdraw: if it ever leaked, "
            "nobody could move your coins with it."))
        ex = self.current_exchange() or "kraken"
        self.banner_label.setText(self.tr(
            "No secure keyring is available on this system (%1). RiskWatch never stores API keys in plain text. "
            "You can use a key for this session only, or start RiskWatch with the environment variables "
            "%2 and %3.").replace("%1", str(self._vault.backend_name))
            .replace("%2", f"RISKWATCH_{ex.upper()}_API_KEY").replace("%3", f"RISKWATCH_{ex.upper()}_SECRET"))
        self.session_only.setText(self.tr("Use the key for this session only (not stored)"))
        self.save_button.setText(self.tr("&Save"))
        self.test_button.setText(self.tr("&Test"))
        self.remove_button.setText(self.tr("&Remove"))
        self._refresh()
        if self._result_kind is not None:
            self._show_result(*self._result_kind)

    # -- result line -------------------------------------------------------------------------------------------
    def _show_result(self, kind: str, payload: Any = None) -> None:
        self._result_kind = (kind, payload)
        ex = self.current_exchange()
        name = account_name(ex)
        ok = kind in ("works", "saved", "removed")
        text = {
            "works": self.tr("The key works: read access to the balance of %1 confirmed.").replace("%1", name),
            "testing": self.tr("Testing the key with %1…").replace("%1", name),
            "saved": self._text.source(payload, self._vault.backend_name),
            "removed": self.tr("The API key for %1 was removed.").replace("%1", name),
            "nothing_to_test": self.tr("No API key to test: enter one or save one first."),
            "incomplete": self.tr("Enter the API key and the secret (without spaces)."),
            "need_session": self.tr("No secure keyring is available: tick \"Use the key for this session only\" to "
                                    "use the key until you quit."),
        }.get(kind)
        if kind == "error":
            text = self._text.error(payload, ex)
        self.result.setText(text or "")
        self.result.setStyleSheet(theme().text_style(theme().positive) if ok else
                                  ("" if kind == "testing" else theme().text_style(theme().negative)))
        self.result.show()

    # -- fields ------------------------------------------------------------------------------------------------
    def _entered(self) -> ApiCredentials | None:
        key, secret, passphrase = (f.text().strip() for f in (self.key, self.secret, self.passphrase))
        if not key and not secret and not passphrase:
            return None
        if not key or not secret or any(c.isspace() for c in key + secret + passphrase):
            raise ValueError("incomplete")
        return ApiCredentials(key, secret, passphrase or None)

    def clear_fields(self) -> None:
        for f in (self.key, self.secret, self.passphrase):
            f.clear()

    # -- commands ------------------------------------------------------------------------------------------------
    def save(self) -> bool:
        try:
            creds = self._entered()
        except ValueError:
            creds = None  # half a key is as incomplete as none
        if creds is None:
            self._show_result("incomplete")
            return False
        session_only = not self.secure
        if session_only and not self.session_only.isChecked():
            self._show_result("need_session")
            return False
        ex = self.current_exchange()
        try:
            source = self._vault.save(ex, creds, session_only=session_only)
        except SecretStoreUnavailable as exc:
            self._show_result("error", exc)
            return False
        self.clear_fields()
        self._show_result("saved", source)
        self._refresh()
        self.key_saved.emit(ex)
        return True

    def test_key(self) -> bool:
        """Test the key in the fields, or the stored one when the fields are empty (off the GUI thread)."""
        if self.busy:
            return False
        ex = self.current_exchange()
        try:
            creds = self._entered()
        except ValueError:
            self._show_result("incomplete")
            return False
        if creds is None:
            try:
                creds = self._vault.credentials(ex)
            except SecretStoreUnavailable as exc:
                self._show_result("error", exc)
                return False
        if creds is None:
            self._show_result("nothing_to_test")
            return False
        # the failure callback shows the reason in the result line, in the dialog's words
        self._test_op = self._ops.run(Op(self, self._test(ex, creds), lambda _r, ex=ex: self._on_test_done(ex, None),
                                         lambda err, ex=ex: self._on_test_done(ex, err)))
        self._refresh()
        self._show_result("testing")
        return True

    def _on_test_done(self, exchange: str, error: BaseException | None) -> None:
        self._test_op = None
        if exchange == self.current_exchange():
            self._show_result("works" if error is None else "error", error)
        self._refresh()
        self.test_finished.emit(exchange, error is None)

    def remove(self) -> bool:
        ex = self.current_exchange()
        answer = QMessageBox.question(
            self, self.tr("Remove API key"),
            self.tr("Remove the API key for %1 from this computer? The key stays valid at the exchange; revoke "
                    "it there if you no longer need it.").replace("%1", account_name(ex)))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            self._vault.delete(ex)
        except SecretStoreUnavailable as exc:
            self._show_result("error", exc)
            return False
        self._show_result("removed")
        self._refresh()
        self.key_removed.emit(ex)
        return True

    # -- slots -------------------------------------------------------------------------------------------------
    def _on_exchange_current_index_changed(self, _index: int) -> None:
        self.clear_fields()
        self._result_kind = None
        self.result.hide()
        self.retranslate()

    def done(self, result: int) -> None:
        self.clear_fields()  # nothing typed outlives the dialog
        test, self._test_op = self._test_op, None
        if test is not None:  # nobody would see its result: stop the request
            test.cancel()
        super().done(result)


__all__ = ["AccountText", "ApiKeysDialog", "EXCHANGES"]
