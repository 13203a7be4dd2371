"""`riskwatch keys set|test|delete EXCHANGE`: exchange API keys in the OS keyring.

Key material is read from standard input, one item per line: the API key, the secret and an optional
passphrase (at a terminal it is asked for without echo). It is never taken from the command line, where
it would end up in the shell history and the process list.

Keys are stored only in the OS keyring (service "RiskWatch"). Without a secure keyring backend
nothing is stored: ``keys test`` and ``positions sync`` then read ``RISKWATCH_<EXCHANGE>_API_KEY`` /
``_SECRET`` / ``_PASSPHRASE`` from the environment. Exit codes: 0 done, 1 the key was rejected or could
not be stored / found, 2 bad input.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import getpass
import logging
import sys
from collections.abc import Callable
from typing import Any

from riskwatch.options import options_of
from riskwatch.texts.catalog import QT_TRANSLATE_NOOP, Texts

log = logging.getLogger("riskwatch.commands.keys")

#: The messages of this module, for lupdate: their German is in the translation file (context "Cli").
_MESSAGES = (
    QT_TRANSLATE_NOOP("Cli", "unknown exchange '{exchange}' (expected one of: {known})"),
    QT_TRANSLATE_NOOP("Cli", "expected the API key on line 1 and the secret on line 2 of standard input (a passphrase "
                      "on line 3 is optional); nothing was stored"),
    QT_TRANSLATE_NOOP("Cli", "standard input has more than 3 lines: expected the API key, the secret and an optional "
                      "passphrase; nothing was stored"),
    QT_TRANSLATE_NOOP("Cli", "line {line} of standard input ({item}) contains spaces or control characters; "
                      "nothing was stored"),
    QT_TRANSLATE_NOOP("Cli", "API key"),
    QT_TRANSLATE_NOOP("Cli", "secret"),
    QT_TRANSLATE_NOOP("Cli", "passphrase"),
    QT_TRANSLATE_NOOP("Cli", "API key: "),
    QT_TRANSLATE_NOOP("Cli", "Secret: "),
    QT_TRANSLATE_NOOP("Cli", "Passphrase (optional, Enter for none): "),
    QT_TRANSLATE_NOOP("Cli", "the system keyring ({backend})"),
    QT_TRANSLATE_NOOP("Cli", "the environment variables {key_var} / {secret_var}"),
    QT_TRANSLATE_NOOP("Cli", "memory (this session only)"),
    QT_TRANSLATE_NOOP("Cli", "Stored the API key for {name} in {where}."),
    QT_TRANSLATE_NOOP("Cli", "Using the API key for {name} from {where}."),
    QT_TRANSLATE_NOOP("Cli", "Recommended: a read-only key (e.g. Kraken: only \"Query Funds\"). RiskWatch only reads "
                      "balances; a key that cannot trade or withdraw is harmless if it ever leaks."),
    QT_TRANSLATE_NOOP("Cli", "No secure keyring is available on this system ({backend}): RiskWatch never stores API "
                      "keys in plain text. Set the environment variables {key_var} and {secret_var} instead (for "
                      "this shell only)."),
    QT_TRANSLATE_NOOP("Cli", "The system keyring ({backend}) is locked: unlock it (log in to the desktop session, or "
                      "open it in your keyring manager) and try again. Nothing was read or stored."),
    QT_TRANSLATE_NOOP("Cli", "The API key for {name} was not stored."),
    QT_TRANSLATE_NOOP("Cli", "The API key for {name} works: read access to the balance confirmed."),
    QT_TRANSLATE_NOOP("Cli", "{name} rejected the API key: the key or the secret is wrong."),
    QT_TRANSLATE_NOOP("Cli", "{name} accepted the API key, but it lacks the permission to read balances "
                      "(Kraken: \"Query Funds\")."),
    QT_TRANSLATE_NOOP("Cli", "{name} rejected the request's nonce or timestamp: check that this computer's clock is "
                      "right and that no other program uses the same key."),
    QT_TRANSLATE_NOOP("Cli", "{name} could not be reached: check the internet connection and try again later."),
    QT_TRANSLATE_NOOP("Cli", "No API key for {name} is stored. Store one with: riskwatch keys set {exchange}"),
    QT_TRANSLATE_NOOP("Cli", "{name} could not answer: {detail}"),
    QT_TRANSLATE_NOOP("Cli", "The key store failed: {detail}"),
    QT_TRANSLATE_NOOP("Cli", "Deleted the API key for {name} from the system keyring."),
    QT_TRANSLATE_NOOP("Cli", "No API key for {name} was stored in the system keyring."),
    QT_TRANSLATE_NOOP("Cli", "The environment variable {var} still provides a key; unset it to stop using it."),
)


def say(text: str, lang: str, **values: Any) -> str:
    """Translate a command-line message (German when ``lang`` is "de") and fill in ``values``."""
    return Texts(lang).cli(text, **values)


STDIN_FORMAT = """standard input, one item per line (at a terminal you are asked without echo):
  line 1  the API key
  line 2  the secret
  line 3  the passphrase (optional; only some exchanges use one)

example:
  printf '%s\\n%s\\n' "$KEY" "$SECRET" | riskwatch keys set kraken

A key on the command line is refused: it would end up in the shell history and the process list.
Exit codes: 0 stored, 1 not stored (no usable keyring), 2 bad input."""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("keys", help="store, test or delete an exchange API key (key material on stdin, never argv)")
    ksub = p.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    p_set = ksub.add_parser("set", help="store a key in the OS keyring: API key, secret, optional passphrase, one per "
                                        "line on stdin",
                            formatter_class=argparse.RawDescriptionHelpFormatter,
                            description="Store an exchange API key in the OS keyring (never in a file).",
                            epilog=STDIN_FORMAT)
    p_set.add_argument("exchange", metavar="EXCHANGE")
    p_set.set_defaults(func=run_set)
    p_test = ksub.add_parser("test", help="make one read-only call (the balance) with the stored key")
    p_test.add_argument("exchange", metavar="EXCHANGE")
    p_test.set_defaults(func=run_test)
    p_del = ksub.add_parser("delete", help="remove the key from the OS keyring")
    p_del.add_argument("exchange", metavar="EXCHANGE")
    p_del.set_defaults(func=run_delete)


# -- helpers shared with commands/sync.py -----------------------------------------------------------------------
def exchange_arg(text: str, lang: str) -> str | None:
    """The exchange id, or None after printing why it is not one."""
    from riskwatch.adapters.ccxt_feed import SUPPORTED_EXCHANGES

    ex = (text or "").strip().lower()
    if ex not in SUPPORTED_EXCHANGES:
        print("riskwatch: " + say("unknown exchange '{exchange}' (expected one of: {known})", lang, exchange=text,
                                  known=", ".join(SUPPORTED_EXCHANGES)), file=sys.stderr)
        return None
    return ex


def start_logging(args) -> None:
    from riskwatch import paths
    from riskwatch.app import setup_logging

    try:
        setup_logging(paths.data_dir(getattr(args, "data_dir", None), options_of(args)))
    except OSError:
        pass  # logging is a convenience; the command still works


def make_resolver(args=None):
    """The key resolver: the keyring, then ``RISKWATCH_<EXCHANGE>_API_KEY`` … from the runtime options."""
    from riskwatch.adapters.keyring_secrets import SecretResolver

    return SecretResolver.default(options_of(args))


def where(source: str | None, resolver, exchange: str, lang: str) -> str:
    from riskwatch.adapters.keyring_secrets import env_var

    if source == "keyring":
        return say("the system keyring ({backend})", lang, backend=resolver.backend_name)
    if source == "env":
        return say("the environment variables {key_var} / {secret_var}", lang, key_var=env_var(exchange, "api_key"),
                   secret_var=env_var(exchange, "secret"))
    return say("memory (this session only)", lang)


def no_backend_notice(resolver, exchange: str, lang: str) -> str:
    from riskwatch.adapters.keyring_secrets import env_var

    if resolver.status.problem == "locked":  # a key may be stored there: never say "no key"
        return say("The system keyring ({backend}) is locked: unlock it (log in to the desktop session, or open "
                   "it in your keyring manager) and try again. Nothing was read or stored.", lang,
                   backend=resolver.backend_name)
    return say("No secure keyring is available on this system ({backend}): RiskWatch never stores API keys in plain "
               "text. Set the environment variables {key_var} and {secret_var} instead (for this shell only).", lang,
               backend=resolver.backend_name, key_var=env_var(exchange, "api_key"),
               secret_var=env_var(exchange, "secret"))


def failure_sentence(err: BaseException, exchange: str, lang: str) -> str:
    """One sentence for a failed private call, in the user's language (never containing key material)."""
    from riskwatch.domain.account_sync import account_name
    from riskwatch.domain.errors import AuthenticationFailed, SecretStoreUnavailable

    name = account_name(exchange)
    if isinstance(err, AuthenticationFailed):
        text = {
            "authentication": "{name} rejected the API key: the key or the secret is wrong.",
            "permission": "{name} accepted the API key, but it lacks the permission to read balances (Kraken: "
                          "\"Query Funds\").",
            "clock": "{name} rejected the request's nonce or timestamp: check that this computer's clock is right "
                     "and that no other program uses the same key.",
            "unreachable": "{name} could not be reached: check the internet connection and try again later.",
            "missing": "No API key for {name} is stored. Store one with: riskwatch keys set {exchange}",
        }.get(err.reason)
        if text:
            return say(text, lang, name=name, exchange=exchange)
    if isinstance(err, SecretStoreUnavailable):
        return say("The key store failed: {detail}", lang, detail=str(err))
    return say("{name} could not answer: {detail}", lang, name=name, detail=str(err))


def api_url_for(args, exchange: str) -> str | None:
    """``--exchange-api-url``, else the endpoint saved in the settings for this exchange (store not created)."""
    url = getattr(args, "exchange_api_url", None)
    if url:
        return url
    from riskwatch import paths
    from riskwatch.adapters.sqlite_store import DB_FILENAME

    if not (paths.data_dir(getattr(args, "data_dir", None), options_of(args)) / DB_FILENAME).exists():
        return None
    from riskwatch.app import open_store
    from riskwatch.services.settings import load_settings

    store = open_store(args)
    try:
        settings = load_settings(store)
    finally:
        store.close()
    return (settings.exchange_api_url or None) if settings.exchange == exchange else None


def keyed_command(run: Callable[..., int]) -> Callable[[Any], int]:
    """A sub-command that works with the key of ``args.exchange``, called as ``run(args, lang, exchange,
    resolver)`` after the steps they all take first: the exchange checked (exit code 2 after saying why it is
    not one), logging started, the key resolver made and the notice printed when the system has no secure
    keyring."""

    @functools.wraps(run)
    def command(args) -> int:
        lang = options_of(args).cli_language()
        exchange = exchange_arg(args.exchange, lang)
        if exchange is None:
            return 2
        start_logging(args)
        resolver = make_resolver(args)
        if not resolver.secure_backend:
            print("riskwatch: " + no_backend_notice(resolver, exchange, lang), file=sys.stderr)
        return run(args, lang, exchange, resolver)

    return command


def key_in_use(resolver, exchange: str, lang: str, *, out=None):
    """The key the resolver has for ``exchange``, after saying where it comes from (on ``out``, default stdout);
    None after printing that there is none (exit code 1)."""
    from riskwatch.domain.account_sync import account_name
    from riskwatch.services.account_sync import missing_credentials

    creds, source = resolver.credentials(exchange), resolver.source(exchange)
    if creds is None and resolver.status.problem == "locked":
        return None  # the notice said the keyring is locked; whether it holds a key is unknown
    if creds is None:
        print("riskwatch: " + failure_sentence(missing_credentials(exchange), exchange, lang), file=sys.stderr)
        return None
    print(say("Using the API key for {name} from {where}.", lang, name=account_name(exchange),
              where=where(source, resolver, exchange, lang)), file=out or sys.stdout)
    return creds


# -- reading key material ----------------------------------------------------------------------------------------
class BadKeyInput(Exception):
    """The key material on stdin is not what was expected (the message never contains it)."""


def _clean(value: str, line: int, item: str, lang: str) -> str:
    if any(ch.isspace() or ord(ch) < 32 for ch in value):
        raise BadKeyInput(say("line {line} of standard input ({item}) contains spaces or control characters; "
                              "nothing was stored", lang, line=line, item=say(item, lang)))
    return value


def read_key_material(stream, lang: str):
    """ApiCredentials from ``stream`` (one item per line); at a terminal, asked for without echo."""
    from riskwatch.domain.account_sync import ApiCredentials

    if hasattr(stream, "isatty") and stream.isatty():
        lines = [getpass.getpass(say("API key: ", lang)), getpass.getpass(say("Secret: ", lang)),
                 getpass.getpass(say("Passphrase (optional, Enter for none): ", lang))]
    else:
        lines = stream.read().splitlines()
    lines = [ln.strip() for ln in lines]
    while lines and not lines[-1]:
        lines.pop()
    missing = ("expected the API key on line 1 and the secret on line 2 of standard input (a passphrase on line 3 "
               "is optional); nothing was stored")
    if len(lines) < 2 or not lines[0] or not lines[1]:
        raise BadKeyInput(say(missing, lang))
    if len(lines) > 3:
        raise BadKeyInput(say("standard input has more than 3 lines: expected the API key, the secret and an "
                              "optional passphrase; nothing was stored", lang))
    key = _clean(lines[0], 1, "API key", lang)
    secret = _clean(lines[1], 2, "secret", lang)
    passphrase = _clean(lines[2], 3, "passphrase", lang) if len(lines) > 2 and lines[2] else None
    return ApiCredentials(key, secret, passphrase)


# -- the sub-commands ----------------------------------------------------------------------------------------------
def run_set(args) -> int:
    from riskwatch.domain.account_sync import account_name
    from riskwatch.domain.errors import SecretStoreUnavailable

    lang = options_of(args).cli_language()
    exchange = exchange_arg(args.exchange, lang)
    if exchange is None:
        return 2
    try:
        creds = read_key_material(sys.stdin, lang)
    except BadKeyInput as exc:
        print(f"riskwatch: {exc}", file=sys.stderr)
        return 2
    start_logging(args)
    resolver = make_resolver(args)
    name = account_name(exchange)
    if not resolver.secure_backend:
        print("riskwatch: " + no_backend_notice(resolver, exchange, lang), file=sys.stderr)
        print(say("The API key for {name} was not stored.", lang, name=name), file=sys.stderr)
        log.info("keys set %s: refused, no secure keyring (%s)", exchange, resolver.status.describe())
        return 1
    try:
        source = resolver.save(exchange, creds)
    except SecretStoreUnavailable as exc:
        print("riskwatch: " + failure_sentence(exc, exchange, lang), file=sys.stderr)
        return 1
    log.info("keys set %s: stored in the %s", exchange, source)
    print(say("Stored the API key for {name} in {where}.", lang, name=name,
              where=where(source, resolver, exchange, lang)))
    print(say("Recommended: a read-only key (e.g. Kraken: only \"Query Funds\"). RiskWatch only reads balances; a "
              "key that cannot trade or withdraw is harmless if it ever leaks.", lang))
    return 0


@keyed_command
def run_test(args, lang: str, exchange: str, resolver) -> int:
    from riskwatch.adapters.ccxt_account import test_credentials
    from riskwatch.domain.account_sync import account_name
    from riskwatch.domain.errors import RiskWatchError

    creds = key_in_use(resolver, exchange, lang)
    if creds is None:
        return 1
    try:
        asyncio.run(test_credentials(exchange, creds, api_url_for(args, exchange)))
    except RiskWatchError as exc:
        log.info("keys test %s: failed (%s)", exchange, getattr(exc, "reason", type(exc).__name__))
        print("riskwatch: " + failure_sentence(exc, exchange, lang), file=sys.stderr)
        return 1
    log.info("keys test %s: the key works", exchange)
    print(say("The API key for {name} works: read access to the balance confirmed.", lang,
              name=account_name(exchange)))
    return 0


@keyed_command
def run_delete(args, lang: str, exchange: str, resolver) -> int:
    from riskwatch.adapters.keyring_secrets import env_var
    from riskwatch.domain.account_sync import account_name
    from riskwatch.domain.errors import SecretStoreUnavailable

    if not resolver.secure_backend:
        return 1
    name = account_name(exchange)
    try:
        cleared = resolver.delete(exchange)
    except SecretStoreUnavailable as exc:
        print("riskwatch: " + failure_sentence(exc, exchange, lang), file=sys.stderr)
        return 1
    log.info("keys delete %s: %s", exchange, "deleted" if cleared else "nothing stored")
    if "keyring" in cleared:
        print(say("Deleted the API key for {name} from the system keyring.", lang, name=name))
    else:
        print(say("No API key for {name} was stored in the system keyring.", lang, name=name))
    if resolver.source(exchange) == "env":
        print(say("The environment variable {var} still provides a key; unset it to stop using it.", lang,
                  var=env_var(exchange, "api_key")), file=sys.stderr)
    return 0


__all__ = ["register", "run_set", "run_test", "run_delete", "say", "failure_sentence", "read_key_material"]
