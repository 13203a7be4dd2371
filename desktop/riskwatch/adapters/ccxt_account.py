"""Private (keyed) exchange calls through ccxt: test an API key, fetch the account's balances.

``ccxt.async_support`` is imported lazily, in a worker thread, on the running loop (as in ``ccxt_feed``).
A fresh exchange object is made per call and closed afterwards, so the key lives in memory only as long
as the call.

Secrets never leave this module in text form:

* every error is translated into a domain error whose message went through :func:`redact` and is raised
  ``from None`` (the ccxt exception, whose chain may hold request details, is dropped);
* while a call runs, :func:`redacting_logs` installs a :class:`RedactingFilter` on the ``riskwatch`` and
  ``ccxt`` loggers (ccxt logs request headers, ``API-Key`` and ``API-Sign``, at DEBUG level) and on the
  handlers of the root and ``riskwatch`` loggers, so a record from any child logger is cleaned too.

Error mapping (``AuthenticationFailed.reason``):

==========================================================  ==============
ccxt                                                        reason
==========================================================  ==============
AuthenticationError, "Invalid key" / "Invalid signature"    authentication
PermissionDenied, AccountSuspended, "Permission denied"     permission
InvalidNonce, "nonce" / "timestamp" / "recvWindow"          clock
NetworkError, RequestTimeout, ExchangeNotAvailable          unreachable
==========================================================  ==============

Rate limiting becomes ``RateLimited``, other exchange errors ``DataUnavailable`` (code
``exchange_error``), and an answer that does not parse ``InvalidData`` (code ``malformed``).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import logging
import math
import re
from collections.abc import Iterable, Iterator
from contextlib import asynccontextmanager, contextmanager
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import quote, quote_plus

from riskwatch.adapters.ccxt_feed import import_ccxt_async, rewrite_api_urls
from riskwatch.adapters.feed_errors import coded_error
from riskwatch.domain.account_sync import ApiCredentials
from riskwatch.domain.errors import AuthenticationFailed, DataUnavailable, InvalidData, RateLimited, RiskWatchError

log = logging.getLogger(__name__)

REDACTED = "***"
#: loggers that get the filter while credentials are in use (ccxt's exchange logs request headers at DEBUG)
REDACTED_LOGGERS = ("riskwatch", "ccxt", "ccxt.base.exchange", "ccxt.async_support", __name__)

_MIN_SECRET_LEN = 4
# a header or parameter that carries a key or a signature, written as "API-Key: v", "'API-Sign': 'v'",
# "signature=v", "apiKey=v" ...; group 1 is the name and separator, the value follows
_SENSITIVE_FIELD = re.compile(
    r"""(?ix)
    ( ["']? [\w-]*? (?:api[-_]?key|api[-_]?sign|apisecret|api[-_]?secret|secret|signature|passphrase|
                      access[-_]key|access[-_]sign|access[-_]passphrase|authorization|x-mbx-apikey)
      [\w-]* ["']? \s* [:=] \s* ["']? (?:bearer\s+)? )
    ( [^\s"',;}&\]]+ )
    """)
_B64_BLOB = re.compile(r"[A-Za-z0-9+/_-]{16,}={0,2}")


# -- redaction ------------------------------------------------------------------------------------------------
def _variants(value: str) -> set[str]:
    out = {value, quote(value, safe=""), quote_plus(value), json.dumps(value)[1:-1], value.replace("/", "\\/")}
    raw = value.encode()
    out |= {base64.b64encode(raw).decode(), base64.urlsafe_b64encode(raw).decode(),
            base64.b64encode(raw).decode().rstrip("=")}
    return {v for v in out if len(v) >= _MIN_SECRET_LEN}


def _decode_b64(text: str) -> bytes | None:
    t = text.strip().rstrip("=")
    if len(t) < 8:
        return None
    padded = t + "=" * (-len(t) % 4)
    for decode in (base64.b64decode, base64.urlsafe_b64decode):
        try:
            return decode(padded)
        except (binascii.Error, ValueError):
            continue
    return None


class Redactor:
    """Removes the values of some credentials (and their encodings) from text."""

    def __init__(self, secrets: ApiCredentials | Iterable[str | None] | None):
        if isinstance(secrets, ApiCredentials):
            values = list(secrets.values())
        else:
            values = [v for v in (secrets or ()) if v]
        variants: set[str] = set()
        decoded: set[bytes] = set()
        for v in values:
            if len(v) < _MIN_SECRET_LEN:
                continue
            variants |= _variants(v)
            raw = _decode_b64(v)
            if raw:
                decoded.add(raw)
                variants |= {base64.b64encode(raw).decode(), base64.urlsafe_b64encode(raw).decode(),
                             base64.b64encode(raw).decode().rstrip("="), raw.hex()}
        self._variants = sorted(variants, key=len, reverse=True)
        self._decoded = decoded

    def __call__(self, text: Any) -> str:
        out = text if isinstance(text, str) else str(text)
        for v in self._variants:
            if v in out:
                out = out.replace(v, REDACTED)
        out = _SENSITIVE_FIELD.sub(lambda m: m.group(1) + REDACTED, out)
        if self._decoded:
            out = _B64_BLOB.sub(lambda m: REDACTED if _decode_b64(m.group(0)) in self._decoded else m.group(0), out)
        return out


def redact(text: Any, secrets: ApiCredentials | Iterable[str | None] | None = None) -> str:
    """``text`` without the key, secret, passphrase, any base64 form of the secret, and the values of
    API-Key / API-Sign style headers and signature parameters."""
    return Redactor(secrets)(text)


class RedactingFilter(logging.Filter):
    """A logging filter that redacts a record's message, arguments, exception and stack text in place."""

    def __init__(self, secrets: ApiCredentials | Iterable[str | None] | None = None):
        super().__init__()
        self._redact = Redactor(secrets)

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:
            message = f"{record.msg} {record.args}"
        record.msg = self._redact(message)
        record.args = None
        if record.exc_info:
            text = record.exc_text or logging.Formatter().formatException(record.exc_info)
            record.exc_text = self._redact(text)
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = self._redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self._redact(record.stack_info)
        return True


@contextmanager
def redacting_logs(secrets: ApiCredentials | Iterable[str | None] | None,
                   loggers: Iterable[str] = REDACTED_LOGGERS) -> Iterator[RedactingFilter]:
    """Install a :class:`RedactingFilter` on ``loggers`` and on the root's and riskwatch's handlers."""
    flt = RedactingFilter(secrets)
    targets: list[Any] = [logging.getLogger(name) for name in loggers]
    for name in (None, "riskwatch"):
        targets.extend(logging.getLogger(name).handlers)
    targets = list({id(t): t for t in targets}.values())
    for t in targets:
        t.addFilter(flt)
    try:
        yield flt
    finally:
        for t in targets:
            t.removeFilter(flt)


# -- error translation ---------------------------------------------------------------------------------------
_AUTH_HINTS = ("invalid key", "invalid signature", "invalid api", "api key", "apikey", "unauthorized",
               "signature")
_PERMISSION_HINTS = ("permission denied", "permission", "not allowed", "forbidden")
_CLOCK_HINTS = ("nonce", "timestamp", "recvwindow", "time window", "clock")


def _failed(reason: str, exchange_id: str, detail: str) -> AuthenticationFailed:
    sentence = {
        "authentication": f"{exchange_id} rejected the API key (wrong key or secret)",
        "permission": f"{exchange_id} accepted the API key but it lacks the permission to read balances",
        "clock": f"{exchange_id} rejected the request's nonce or timestamp (is the computer's clock right?)",
        "unreachable": f"{exchange_id} could not be reached",
    }[reason]
    err = AuthenticationFailed(reason, f"{sentence}: {detail}" if detail else sentence)
    err.code = reason  # type: ignore[attr-defined]
    return err


def translate_account_error(ccxt_module: Any, exc: BaseException, exchange_id: str,
                            secrets: ApiCredentials | Iterable[str | None] | None) -> RiskWatchError:
    """A domain error for an exception of a private call, its text redacted (see the module docstring)."""
    detail = redact(f"{type(exc).__name__}: {str(exc)[:300]}", secrets)
    text = str(exc).lower()
    e = ccxt_module
    if e is None or not isinstance(exc, e.BaseError):
        if isinstance(exc, (binascii.Error, UnicodeError)):  # the secret is not base64 where it must be
            return _failed("authentication", exchange_id, "the secret is not in the format the exchange issues")
        return coded_error(InvalidData, f"{exchange_id} answered with data that could not be read ({detail})",
                           "malformed")
    if isinstance(exc, e.InvalidNonce):
        return _failed("clock", exchange_id, detail)
    if isinstance(exc, (e.PermissionDenied, e.AccountSuspended)):
        return _failed("permission", exchange_id, detail)
    if isinstance(exc, e.AuthenticationError):
        if any(h in text for h in _CLOCK_HINTS):
            return _failed("clock", exchange_id, detail)
        return _failed("authentication", exchange_id, detail)
    if isinstance(exc, (e.RateLimitExceeded, e.DDoSProtection)):
        return coded_error(RateLimited, f"{exchange_id} asks to slow down ({detail})", "rate_limited")
    if isinstance(exc, e.NetworkError):
        return _failed("unreachable", exchange_id, detail)
    if isinstance(exc, e.ExchangeError):
        if any(h in text for h in _CLOCK_HINTS):
            return _failed("clock", exchange_id, detail)
        if any(h in text for h in _PERMISSION_HINTS):
            return _failed("permission", exchange_id, detail)
        if any(h in text for h in _AUTH_HINTS):
            return _failed("authentication", exchange_id, detail)
        return coded_error(DataUnavailable, f"{exchange_id} refused the request ({detail})", "exchange_error")
    return coded_error(InvalidData, f"{exchange_id} answered with data that could not be read ({detail})", "malformed")


# -- the calls -----------------------------------------------------------------------------------------------
async def _ccxt() -> Any:
    return await import_ccxt_async()


@asynccontextmanager
async def _private_exchange(exchange_id: str, creds: ApiCredentials, api_url: str | None, timeout_ms: int,
                            rate_limit_ms: float | None = None):
    """A keyed ccxt exchange (closed on exit) with log redaction in force; errors come out translated."""
    if not isinstance(creds, ApiCredentials):
        raise TypeError("credentials must be ApiCredentials")
    exchange_id = exchange_id.strip().lower()
    with redacting_logs(creds):
        ccxt = None
        exchange = None
        error: RiskWatchError | None = None
        try:
            ccxt = await _ccxt()
            cls = getattr(ccxt, exchange_id, None)
            if cls is None:
                raise coded_error(DataUnavailable, f"ccxt does not know the exchange '{exchange_id}'",
                                  "unknown_exchange")
            config: dict[str, Any] = {"apiKey": creds.api_key, "secret": creds.secret, "enableRateLimit": True,
                                      "timeout": timeout_ms}
            if creds.passphrase:
                config["password"] = creds.passphrase
            if rate_limit_ms is not None:
                config["rateLimit"] = rate_limit_ms
            exchange = cls(config)
            if api_url:
                exchange.urls["api"] = rewrite_api_urls(exchange_id, exchange.urls["api"], api_url)
            yield exchange
        except asyncio.CancelledError:
            raise
        except RiskWatchError:
            raise
        except Exception as exc:
            error = translate_account_error(ccxt, exc, exchange_id, creds)
        finally:
            if exchange is not None:
                try:
                    await exchange.close()
                except Exception:
                    pass
                exchange = None
        if error is not None:
            log.info("private call to %s failed: %s", exchange_id, error)
            raise error from None


def _validated_info(exchange_id: str, balance: Any) -> dict:
    """The ``total`` mapping of a ccxt balance after checking that the answer parsed."""
    if not isinstance(balance, dict):
        raise coded_error(InvalidData, f"{exchange_id} returned no balance (malformed answer)", "malformed")
    info = balance.get("info")
    if info is None or isinstance(info, (str, bytes)) or not isinstance(info, (dict, list)):
        raise coded_error(InvalidData, f"{exchange_id} returned a balance answer that could not be parsed", "malformed")
    if exchange_id == "kraken" and not isinstance(info.get("result") if isinstance(info, dict) else None, dict):
        raise coded_error(InvalidData, f"{exchange_id} returned a balance answer without a result", "malformed")
    total = balance.get("total")
    if total is None:
        total = {}
    if not isinstance(total, dict):
        raise coded_error(InvalidData, f"{exchange_id} returned balances in an unexpected shape", "malformed")
    return total


def _amount(exchange_id: str, code: Any, value: Any) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
        raise coded_error(InvalidData, f"{exchange_id} returned a balance of {code!r} that is not a number",
                          "malformed")
    if isinstance(value, float) and not math.isfinite(value):
        raise coded_error(InvalidData, f"{exchange_id} returned a balance of {code!r} that is not finite", "malformed")
    try:
        amount = Decimal(repr(value)) if isinstance(value, float) else Decimal(str(value))
    except InvalidOperation:
        raise coded_error(InvalidData, f"{exchange_id} returned a balance of {code!r} that is not a number",
                          "malformed") from None
    if not amount.is_finite() or amount < 0:
        raise coded_error(InvalidData, f"{exchange_id} returned a negative or non-finite balance of {code!r}",
                          "malformed")
    return Decimal(format(amount.normalize(), "f")) if amount else Decimal("0")


async def fetch_balances(exchange_id: str, creds: ApiCredentials, api_url: str | None = None, *,
                         timeout_ms: int = 10_000, rate_limit_ms: float | None = None) -> dict[str, Decimal]:
    """Total balance per currency code (ccxt's unified codes: Kraken's XXBT is BTC), zero balances dropped.

    Raises AuthenticationFailed (reason authentication | permission | clock | unreachable), RateLimited,
    DataUnavailable, or InvalidData when the answer does not parse (a malformed 200 makes ccxt return an
    empty balance, which must not look like an emptied account). ``rate_limit_ms`` overrides ccxt's request
    spacing (tests against the loopback fake).
    """
    async with _private_exchange(exchange_id, creds, api_url, timeout_ms, rate_limit_ms) as exchange:
        balance = await exchange.fetch_balance()
        total = _validated_info(exchange_id, balance)
        out: dict[str, Decimal] = {}
        for code, value in total.items():
            if not isinstance(code, str) or not code:
                continue
            amount = _amount(exchange_id, code, value)
            if amount is not None and amount > 0:
                out[code] = amount
        return out


async def test_credentials(exchange_id: str, creds: ApiCredentials, api_url: str | None = None, *,
                           timeout_ms: int = 10_000, rate_limit_ms: float | None = None) -> None:
    """One private read call (the balance). Returns None when the key works; raises like fetch_balances."""
    async with _private_exchange(exchange_id, creds, api_url, timeout_ms, rate_limit_ms) as exchange:
        balance = await exchange.fetch_balance()
        _validated_info(exchange_id, balance)


test_credentials.__test__ = False  # type: ignore[attr-defined]  # not a pytest test when imported in tests

__all__ = ["REDACTED", "RedactingFilter", "Redactor", "fetch_balances", "redact", "redacting_logs",
           "test_credentials", "translate_account_error"]
