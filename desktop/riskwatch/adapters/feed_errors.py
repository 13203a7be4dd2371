"""Domain errors as the market-data adapters raise them, and ccxt's exceptions translated into them.

A feed's error is a domain error (:mod:`riskwatch.domain.errors`) carrying three attributes: ``code`` (a
stable string the services and the status bar key on), ``retryable`` and ``source`` (the feed's name).
:func:`coded_error` builds one; :func:`translate_ccxt_error` maps a ccxt exception through an ordered
table of rules (:data:`CCXT_RULES`, which a feed may extend), so the spot feed and the derivatives feed
translate the same exceptions the same way.

``ccxt`` itself is never imported here: the translator is handed the module the feed imported lazily.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from riskwatch.domain.errors import BadSymbol, DataUnavailable, InvalidData, RateLimited, RiskWatchError

#: One rule: (names of ccxt exception classes, domain error class, code, retryable).
CcxtRule = tuple[tuple[str, ...], type[RiskWatchError], str, bool]

#: The translation every ccxt feed shares, most specific class first (the first rule that matches wins). A
#: ccxt error no rule names becomes ``DataUnavailable`` / ``exchange_error``; an exception that is not a ccxt
#: error (a parsing failure) ``InvalidData`` / ``malformed``.
CCXT_RULES: tuple[CcxtRule, ...] = (
    (("RateLimitExceeded", "DDoSProtection"), RateLimited, "rate_limited", True),
    (("RequestTimeout",), DataUnavailable, "timeout", True),
    (("ExchangeNotAvailable",), DataUnavailable, "unavailable", True),
    (("NetworkError",), DataUnavailable, "network", True),
    (("BadSymbol",), BadSymbol, "bad_symbol", False),
    (("AuthenticationError",), DataUnavailable, "auth", False),
)


def coded_error(cls: type[RiskWatchError], message: str, code: str, retryable: bool | None = None,
                source: str | None = None) -> RiskWatchError:
    """``cls(message)`` with ``code`` set, and ``retryable`` / ``source`` where given."""
    err = cls(message)
    err.code = code  # type: ignore[attr-defined]
    if retryable is not None:
        err.retryable = retryable  # type: ignore[attr-defined]
    if source is not None:
        err.source = source  # type: ignore[attr-defined]
    return err


def translate_ccxt_error(ccxt_module: Any, exc: BaseException, source: str, what: str,
                         rules: Sequence[CcxtRule] = CCXT_RULES) -> RiskWatchError:
    """The domain error for ``exc``, raised by ccxt (``ccxt_module``, None when it is not imported yet) or by
    the parsing of its answer during the call ``what`` of ``source``."""
    text = f"{source} {what}: {type(exc).__name__}: {str(exc)[:300]}"
    e = ccxt_module
    if e is None or not isinstance(exc, e.BaseError):
        return coded_error(InvalidData, text, "malformed", False, source)
    for names, cls, code, retryable in rules:
        if isinstance(exc, tuple(getattr(e, name) for name in names)):
            return coded_error(cls, text, code, retryable, source)
    return coded_error(DataUnavailable, text, "exchange_error", False, source)


__all__ = ["CCXT_RULES", "CcxtRule", "coded_error", "translate_ccxt_error"]
