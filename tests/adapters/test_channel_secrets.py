"""Channel secrets in the keyring (service RiskWatch, user channel:<name>): stored, read, deleted; a plaintext
backend is refused without writing, and no error names the value."""

from __future__ import annotations

import pytest
from keyring.backend import KeyringBackend

from riskwatch.adapters.channel_secrets import ChannelSecrets
from riskwatch.adapters.secret_stores import KeyringSecretStore
from riskwatch.domain.errors import SecretStoreUnavailable
from tests.fakes.memory_keyring import MemoryKeyring

TOKEN = "tk_abc123-channel-token"


@pytest.fixture
def backend(monkeypatch):
    monkeypatch.delenv("RISKWATCH_TEST_KEYRING_FILE", raising=False)
    monkeypatch.setattr(MemoryKeyring, "_store", {})
    return MemoryKeyring()


def test_a_channel_secret_lives_under_its_own_keyring_user(backend):
    secrets = ChannelSecrets(KeyringSecretStore(backend))
    assert secrets.get("phone") is None
    secrets.set("phone", TOKEN)
    assert secrets.get("phone") == TOKEN
    assert backend.get_password("RiskWatch", "channel:phone") == TOKEN
    assert secrets.delete("phone") and not secrets.delete("phone") and secrets.get("phone") is None


class PlaintextKeyring(KeyringBackend):
    """Stands in for keyrings.alt.file.PlaintextKeyring."""

    priority = 1

    def get_password(self, service, username):
        return None

    def set_password(self, service, username, password):  # pragma: no cover - must never be called
        raise AssertionError("a plaintext keyring was written to")

    def delete_password(self, service, username):  # pragma: no cover
        raise AssertionError("a plaintext keyring was written to")


def test_a_plaintext_keyring_is_refused_and_no_error_names_the_value():
    secrets = ChannelSecrets(KeyringSecretStore(PlaintextKeyring()))
    with pytest.raises(SecretStoreUnavailable) as err:
        secrets.set("phone", TOKEN)
    assert TOKEN not in str(err.value)
    with pytest.raises(ValueError) as bad:
        secrets.set("Not A Name", TOKEN)
    assert TOKEN not in str(bad.value)
