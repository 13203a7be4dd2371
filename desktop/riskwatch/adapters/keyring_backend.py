"""Which keyring backend is in use, and whether it can hold secrets safely.

* secure: a real OS keyring (Secret Service / KWallet, macOS Keychain, Windows Credential Locker), or a
  backend chosen explicitly through ``PYTHON_KEYRING_BACKEND`` that is none of the below;
* absent: ``keyring.backends.fail.Keyring`` (what keyring picks on a headless Linux box; every call raises
  NoKeyringError), ``keyring.backends.null.Keyring``, an empty chain, or a backend that fails when probed;
* plaintext: anything from ``keyrings.alt`` (PlaintextKeyring and friends write a file) or a backend whose
  name says plaintext/unencrypted. RiskWatch refuses them like an absent keyring: never a silent
  plaintext fallback.

The probe reads one harmless item; errors are logged by type only (keyring texts are not echoed).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

SERVICE = "RiskWatch"
_PROBE_USER = "__riskwatch_probe__"
_INSECURE_MODULES = ("keyrings.alt", "keyring.backends.file")
_INSECURE_NAME_HINTS = ("plaintext", "unencrypted", "insecure")
_ABSENT_CLASSES = ("keyring.backends.fail.Keyring", "keyring.backends.null.Keyring")


@dataclass(frozen=True)
class BackendStatus:
    """Whether the keyring can hold secrets safely. ``problem``: None, "absent", "plaintext", "locked" (a
    Secret Service the session never unlocked: keys may well be stored in it) or "error"."""

    secure: bool
    name: str
    problem: str | None = None

    def describe(self) -> str:
        if self.secure:
            return f"system keyring ({self.name})"
        if self.problem == "plaintext":
            return f"the keyring backend {self.name} stores secrets in plain text; RiskWatch does not use it"
        if self.problem == "locked":
            return f"the system keyring ({self.name}) is locked"
        if self.problem == "error":
            return f"the system keyring ({self.name}) is not usable"
        return "no secure system keyring is available"


def _qualname(obj: Any) -> str:
    cls = obj if isinstance(obj, type) else type(obj)
    return f"{cls.__module__}.{cls.__qualname__}"


def backend_label(backend: Any) -> str:
    name = getattr(backend, "name", None)
    return name if isinstance(name, str) and name else type(backend).__name__


def classify_backend(backend: Any) -> str:
    """"secure", "absent" or "plaintext" (without touching the backend's data)."""
    if backend is None:
        return "absent"
    qual = _qualname(backend)
    if qual in _ABSENT_CLASSES:
        return "absent"
    low = qual.lower()
    if low.startswith(_INSECURE_MODULES) or any(h in type(backend).__name__.lower() for h in _INSECURE_NAME_HINTS):
        return "plaintext"
    try:
        from keyring.backends.chainer import ChainerBackend
    except Exception:  # pragma: no cover - keyring is a dependency
        ChainerBackend = ()  # type: ignore[assignment,misc]
    if isinstance(backend, ChainerBackend) or qual == "keyring.backends.chainer.ChainerBackend":
        try:
            chain = list(backend.backends or ())
        except Exception:
            return "absent"
        kinds = [classify_backend(b) for b in chain]
        if not kinds or all(k == "absent" for k in kinds):
            return "absent"
        if "plaintext" in kinds:  # the chain may fall back to writing the plaintext file
            return "plaintext"
        return "secure"
    return "secure"


def current_backend() -> Any:
    """keyring's selected backend (``PYTHON_KEYRING_BACKEND``, keyringrc.cfg or the best available)."""
    import keyring

    return keyring.get_keyring()


def backend_status(backend: Any = None, *, probe: bool = True) -> BackendStatus:
    """Classify ``backend`` (default: keyring's choice); ``probe`` makes one harmless read to be sure."""
    try:
        backend = backend if backend is not None else current_backend()
    except Exception as exc:  # a broken PYTHON_KEYRING_BACKEND or keyringrc.cfg
        log.warning("keyring backend could not be loaded (%s)", type(exc).__name__)
        return BackendStatus(False, "none", "error")
    name = backend_label(backend)
    kind = classify_backend(backend)
    if kind != "secure":
        return BackendStatus(False, name, kind)
    if probe:
        try:
            backend.get_password(SERVICE, _PROBE_USER)
        except Exception as exc:
            log.warning("keyring backend %s failed a read probe (%s)", name, type(exc).__name__)
            problem = {"NoKeyringError": "absent", "KeyringLocked": "locked"}.get(type(exc).__name__, "error")
            return BackendStatus(False, name, problem)
    return BackendStatus(True, name)
