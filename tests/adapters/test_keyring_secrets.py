"""Secrets in the keyring (in-memory test backend), refusal of absent and plaintext backends, the fallbacks."""

from __future__ import annotations

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringLocked

from riskwatch.adapters.keyring_secrets import (
    SERVICE,
    BackendStatus,
    EnvSecretStore,
    KeyringSecretStore,
    SecretResolver,
    SessionSecretStore,
    backend_status,
    check_exchange_id,
    classify_backend,
    env_var,
    load_credentials,
)
from riskwatch.domain.account_sync import ApiCredentials
from riskwatch.domain.errors import SecretStoreUnavailable
from tests.fakes.memory_keyring import MemoryKeyring

KEY = "kraken-test-key-0123456789"
SECRET = "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA=="


@pytest.fixture(autouse=True)
def _clean_memory_keyring(monkeypatch):
    monkeypatch.delenv("RISKWATCH_TEST_KEYRING_FILE", raising=False)
    MemoryKeyring.clear()
    yield
    MemoryKeyring.clear()


class PlaintextKeyring(KeyringBackend):
    """Stands in for keyrings.alt.file.PlaintextKeyring (never installed here)."""

    priority = 0.5
    values: dict = {}

    def get_password(self, service, username):
        return self.values.get((service, username))

    def set_password(self, service, username, password):  # pragma: no cover - must never be called
        raise AssertionError("a plaintext keyring was written to")

    def delete_password(self, service, username):  # pragma: no cover
        raise AssertionError("a plaintext keyring was written to")


class AltLookalike(PlaintextKeyring):
    pass


AltLookalike.__module__ = "keyrings.alt.file"
AltLookalike.__qualname__ = AltLookalike.__name__ = "EncryptedKeyring"


class LockedKeyring(MemoryKeyring):
    def get_password(self, service, username):
        raise KeyringLocked("locked: " + SECRET)  # a backend message must never be echoed

    def set_password(self, service, username, password):
        raise KeyringLocked("locked: " + password)

    def delete_password(self, service, username):
        raise KeyringLocked("locked: " + SECRET)


class FakeChain(chainer.ChainerBackend):
    """A chainer with fixed members (the real one discovers installed backends)."""

    def __init__(self, members):
        super().__init__()
        self._members = members

    @property
    def backends(self):  # type: ignore[override]
        return self._members


def test_the_conftest_selects_the_memory_backend():
    import keyring

    assert type(keyring.get_keyring()).__name__ == "MemoryKeyring"
    assert backend_status().secure


def test_classification():
    assert classify_backend(MemoryKeyring()) == "secure"
    assert classify_backend(fail.Keyring()) == "absent"
    assert classify_backend(null.Keyring()) == "absent"
    assert classify_backend(None) == "absent"
    assert classify_backend(PlaintextKeyring()) == "plaintext"
    assert classify_backend(AltLookalike()) == "plaintext"
    assert classify_backend(FakeChain([])) == "absent"
    assert classify_backend(FakeChain([fail.Keyring()])) == "absent"
    assert classify_backend(FakeChain([MemoryKeyring(), PlaintextKeyring()])) == "plaintext"
    assert classify_backend(FakeChain([MemoryKeyring()])) == "secure"


def test_status_of_absent_plaintext_and_broken_backends():
    st = backend_status(fail.Keyring())
    assert st == BackendStatus(False, st.name, "absent") and "no secure" in st.describe()
    assert backend_status(PlaintextKeyring()).problem == "plaintext"
    locked = backend_status(LockedKeyring())
    assert not locked.secure and locked.problem == "locked" and "locked" in locked.describe()
    assert backend_status(MemoryKeyring()).secure


def test_keyring_store_round_trip_under_one_service():
    store = KeyringSecretStore(MemoryKeyring())
    store.set("Kraken", "api_key", KEY)
    store.set("kraken", "secret", SECRET)
    assert store.get("kraken", "api_key") == KEY
    assert MemoryKeyring._store == {(SERVICE, "kraken:api_key"): KEY, (SERVICE, "kraken:secret"): SECRET}
    assert load_credentials(store, "kraken") == ApiCredentials(KEY, SECRET)
    assert store.delete("kraken", "api_key") is True
    assert store.delete("kraken", "api_key") is False
    assert store.get("kraken", "api_key") is None
    assert load_credentials(store, "kraken") is None
    with pytest.raises(ValueError):
        store.get("kraken", "password")
    with pytest.raises(ValueError):
        store.set("kraken", "secret", "")


@pytest.mark.parametrize("backend", [fail.Keyring(), PlaintextKeyring(), AltLookalike(), null.Keyring()])
def test_keyring_store_refuses_absent_and_plaintext_backends(backend):
    store = KeyringSecretStore(backend)
    with pytest.raises(SecretStoreUnavailable):
        store.set("kraken", "secret", SECRET)
    with pytest.raises(SecretStoreUnavailable):
        store.get("kraken", "secret")


def test_keyring_errors_become_secret_store_unavailable_without_the_secret():
    store = KeyringSecretStore(LockedKeyring())
    for call in (lambda: store.get("kraken", "secret"), lambda: store.set("kraken", "secret", SECRET),
                 lambda: store.delete("kraken", "secret")):
        with pytest.raises(SecretStoreUnavailable) as info:
            call()
        assert SECRET not in str(info.value) and "KeyringLocked" in str(info.value)
        assert info.value.__cause__ is None and info.value.__suppress_context__


def test_session_and_env_stores():
    s = SessionSecretStore()
    s.set("kraken", "api_key", KEY)
    assert s.get("KRAKEN", "api_key") == KEY
    assert s.delete("kraken", "api_key") and not s.delete("kraken", "api_key")
    env = EnvSecretStore({"RISKWATCH_KRAKEN_API_KEY": KEY, "RISKWATCH_KRAKEN_SECRET": f" {SECRET}\n"})
    assert load_credentials(env, "kraken") == ApiCredentials(KEY, SECRET)
    assert env.get("kraken", "passphrase") is None
    assert env_var("coinbase", "passphrase") == "RISKWATCH_COINBASE_PASSPHRASE"
    with pytest.raises(SecretStoreUnavailable):
        env.set("kraken", "secret", SECRET)
    with pytest.raises(ValueError):
        check_exchange_id("../etc")


def resolver(backend, environ=None):
    return SecretResolver(KeyringSecretStore(backend), EnvSecretStore(environ or {}), SessionSecretStore())


def test_resolver_prefers_keyring_then_env_then_session():
    creds = ApiCredentials(KEY, SECRET, "pp")
    env = {"RISKWATCH_KRAKEN_API_KEY": "env-key", "RISKWATCH_KRAKEN_SECRET": "ZW52"}
    r = resolver(MemoryKeyring(), env)
    assert r.secure_backend and r.backend_name
    assert r.source("kraken") == "env" and r.credentials("kraken").api_key == "env-key"
    assert r.save("kraken", creds) == "keyring"
    assert r.source("kraken") == "keyring" and r.credentials("kraken") == creds
    r.save("kraken", ApiCredentials(KEY, SECRET))  # no passphrase: the stored one is removed
    assert MemoryKeyring._store.get((SERVICE, "kraken:passphrase")) is None
    assert r.delete("kraken") == ["keyring"]
    assert r.source("kraken") == "env"
    assert r.source("binance") is None and r.credentials("binance") is None


def test_resolver_without_secure_backend_never_falls_back_silently():
    r = resolver(fail.Keyring())
    assert not r.secure_backend and r.status.problem == "absent"
    with pytest.raises(SecretStoreUnavailable) as info:
        r.save("kraken", ApiCredentials(KEY, SECRET))
    assert "RISKWATCH_KRAKEN_API_KEY" in str(info.value) and SECRET not in str(info.value)
    assert r.source("kraken") is None
    assert r.save("kraken", ApiCredentials(KEY, SECRET), session_only=True) == "session"
    assert r.source("kraken") == "session" and r.credentials("kraken").secret == SECRET
    assert r.delete("kraken") == ["session"]
    assert r.credentials("kraken") is None


def test_resolver_with_plaintext_backend_uses_env_and_session_only():
    PlaintextKeyring.values = {(SERVICE, "kraken:api_key"): "leaked", (SERVICE, "kraken:secret"): "bGVha2Vk"}
    try:
        r = resolver(PlaintextKeyring(), {"RISKWATCH_KRAKEN_API_KEY": KEY, "RISKWATCH_KRAKEN_SECRET": SECRET})
        assert not r.secure_backend and r.status.problem == "plaintext"
        assert r.source("kraken") == "env" and r.credentials("kraken") == ApiCredentials(KEY, SECRET)
        with pytest.raises(SecretStoreUnavailable):
            r.save("kraken", ApiCredentials(KEY, SECRET))
    finally:
        PlaintextKeyring.values = {}


def test_saving_to_the_keyring_replaces_a_session_key():
    r = resolver(MemoryKeyring())
    r.save("kraken", ApiCredentials("session-key", SECRET), session_only=True)
    r.save("kraken", ApiCredentials(KEY, SECRET))
    assert r.session.get("kraken", "api_key") is None
    assert r.credentials("kraken").api_key == KEY


def test_default_resolver_follows_python_keyring_backend(monkeypatch):
    monkeypatch.setenv("RISKWATCH_KRAKEN_API_KEY", KEY)
    monkeypatch.setenv("RISKWATCH_KRAKEN_SECRET", SECRET)
    r = SecretResolver.default()
    assert r.secure_backend  # the memory backend chosen by conftest
    assert r.source("kraken") == "env"
