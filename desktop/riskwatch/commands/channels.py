"""`riskwatch channels add|list|test|remove`: the remote alert channels (ntfy, JSON webhook, e-mail).

A stable contract, for ``riskwatch watch`` on a machine without a screen (the settings dialog edits the same
channels)::

    riskwatch channels add ntfy URL [--name N] [--min-severity info|warning|critical]
    riskwatch channels add webhook URL [--name N] [--min-severity S]
    riskwatch channels add email SMTP_URL --to ADDRESS [--name N] [--min-severity S]
    riskwatch channels list [--json]
    riskwatch channels test NAME
    riskwatch channels remove NAME

A token (ntfy, webhook: sent as ``Authorization: Bearer``) or SMTP password is read from standard input, one
line (at a terminal it is asked for without echo), and goes into the OS keyring only: never onto the command
line (shell history, process list), into SQLite, a log or a message. ``list`` says whether a secret is set,
never what it is. Exit codes: 0 done, 1 not delivered (``test``) or no usable keyring, 2 bad input (one
sentence on stderr naming the field and what was expected; nothing changed).
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import sys

from riskwatch.options import options_of
from riskwatch.texts.catalog import QT_TRANSLATE_NOOP, Texts

log = logging.getLogger("riskwatch.commands.channels")

SEVERITIES = ("info", "warning", "critical")

_MESSAGES = (
    QT_TRANSLATE_NOOP("Cli", "Added the {kind} channel '{name}' (minimum severity {severity})."),
    QT_TRANSLATE_NOOP("Cli", "Its secret is in {where}; it is never stored in the data folder."),
    QT_TRANSLATE_NOOP("Cli", "Send a test message with: riskwatch channels test {name}"),
    QT_TRANSLATE_NOOP("Cli", "a channel named '{name}' exists already: choose another name with --name, or remove "
                      "it first; nothing was changed"),
    QT_TRANSLATE_NOOP("Cli", "there is no channel named '{name}' (see: riskwatch channels list)"),
    QT_TRANSLATE_NOOP("Cli", "standard input has more than one line: expected the token or password on one line; "
                      "nothing was stored"),
    QT_TRANSLATE_NOOP("Cli", "the token or password on standard input contains control characters; nothing was "
                      "stored"),
    QT_TRANSLATE_NOOP("Cli", "the SMTP URL names the user {user}: expected the password on standard input, one line; "
                      "nothing was stored"),
    QT_TRANSLATE_NOOP("Cli", "Access token (optional, Enter for none): "),
    QT_TRANSLATE_NOOP("Cli", "SMTP password (Enter for none): "),
    QT_TRANSLATE_NOOP("Cli", "The secret was not stored: {detail}. Nothing was changed."),
    QT_TRANSLATE_NOOP("Cli", "No remote channels. Add one with: riskwatch channels add ntfy URL"),
    QT_TRANSLATE_NOOP("Cli", "Name"),
    QT_TRANSLATE_NOOP("Cli", "Minimum"),
    QT_TRANSLATE_NOOP("Cli", "Secret"),
    QT_TRANSLATE_NOOP("Cli", "Target"),
    QT_TRANSLATE_NOOP("Cli", "set"),
    QT_TRANSLATE_NOOP("Cli", "none"),
    QT_TRANSLATE_NOOP("Cli", "off"),
    QT_TRANSLATE_NOOP("Cli", "Removed the channel '{name}'."),
    QT_TRANSLATE_NOOP("Cli", "Removed its secret from {where}."),
    QT_TRANSLATE_NOOP("Cli", "Its secret could not be removed from the system keyring: {detail}"),
    QT_TRANSLATE_NOOP("Cli", "Sent a test message to '{name}' ({target})."),
    QT_TRANSLATE_NOOP("Cli", "The test message to '{name}' was not delivered: {reason}"),
    QT_TRANSLATE_NOOP("Cli", "the system keyring ({backend})"),
)


def say(text: str, lang: str, **values) -> str:
    return Texts(lang).cli(text, **values)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("channels", help="remote alert channels: ntfy, JSON webhook, e-mail (add, list, test, remove)",
                       description="Configure where `riskwatch watch` (and the desktop app) deliver alerts.")
    csub = p.add_subparsers(dest="channels_command", metavar="ACTION", required=True)
    add = csub.add_parser("add", help="add a channel; a token or password is read from standard input, one line",
                          formatter_class=argparse.RawDescriptionHelpFormatter,
                          epilog="A token (ntfy, webhook) or SMTP password goes on standard input, one line, and is "
                                 "stored\nin the OS keyring only, e.g.:\n"
                                 "  printf '%s\\n' \"$NTFY_TOKEN\" | riskwatch channels add ntfy "
                                 "https://ntfy.sh/my-topic\n"
                                 "  riskwatch channels add webhook https://example.org/hook </dev/null\n"
                                 "  printf '%s\\n' \"$PW\" | riskwatch channels add email "
                                 "smtp://me%40example.org@smtp.example.org:587 --to me@example.org")
    kinds = add.add_subparsers(dest="kind", metavar="KIND", required=True)
    for kind, target, what in (("ntfy", "URL", "the ntfy topic URL, e.g. https://ntfy.sh/my-topic"),
                               ("webhook", "URL", "the URL a JSON document is POSTed to"),
                               ("email", "SMTP_URL", "smtp://USER@HOST:587 (STARTTLS) or smtps://USER@HOST:465 "
                                                     "(TLS); the user percent-encoded (me%%40example.org)")):
        k = kinds.add_parser(kind, help=f"add a {kind} channel")
        k.add_argument("url", metavar=target, help=what)
        if kind == "email":
            k.add_argument("--to", required=True, metavar="ADDRESS", help="the address the alerts are sent to")
        k.add_argument("--name", metavar="N", help=f"the channel's name (a-z, 0-9, _ and -; default: {kind})")
        k.add_argument("--min-severity", choices=SEVERITIES, default="warning",
                       help="send events of this severity and above (default: warning)")
        k.set_defaults(func=run_add)
    lst = csub.add_parser("list", help="the channels, whether a secret is set (never the secret) and their delivery")
    lst.add_argument("--json", action="store_true", help="print one JSON object")
    lst.set_defaults(func=run_list)
    test = csub.add_parser("test", help="send a test message now (exit code 1 when it was not delivered)")
    test.add_argument("name", metavar="NAME")
    test.set_defaults(func=run_test)
    rm = csub.add_parser("remove", help="remove a channel and its secret in the keyring")
    rm.add_argument("name", metavar="NAME")
    rm.set_defaults(func=run_remove)


def _start_logging(args) -> None:
    """What the commands do goes to the log file (never a secret); the delivery's warnings too, not stderr."""
    from riskwatch.commands.keys import start_logging

    start_logging(args)


def _secrets():
    from riskwatch.adapters.channel_secrets import ChannelSecrets

    return ChannelSecrets()


def _keyring_name(lang: str) -> str:
    from riskwatch.adapters.keyring_backend import backend_label, current_backend

    try:
        backend = backend_label(current_backend())
    except Exception:  # only a label: the store call itself said whether it worked
        backend = "?"
    return say("the system keyring ({backend})", lang, backend=backend)


def _bad(message: str) -> int:
    print(f"riskwatch: {message}", file=sys.stderr)
    return 2


# -- add ---------------------------------------------------------------------------------------------------------
def read_secret(stream, channel, lang: str) -> str | None:
    """The token or password on ``stream`` (one line; None when there is none). ValueError with the sentence to
    print when the input is not one line, holds control characters, or an SMTP user has no password."""
    from urllib.parse import unquote, urlsplit

    smtp_user = unquote(urlsplit(channel.url).username or "") if channel.kind == "email" else ""
    if hasattr(stream, "isatty") and stream.isatty():
        prompt = "SMTP password (Enter for none): " if channel.kind == "email" else \
            "Access token (optional, Enter for none): "
        lines = [getpass.getpass(say(prompt, lang))]
    else:
        lines = stream.read().splitlines()
    while lines and not lines[-1].strip():
        lines.pop()
    if len(lines) > 1:
        raise ValueError(say("standard input has more than one line: expected the token or password on one line; "
                             "nothing was stored", lang))
    # a password may hold inner spaces; only the line's edges are trimmed
    secret = lines[0].strip() if lines else ""
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in secret):
        raise ValueError(say("the token or password on standard input contains control characters; nothing was "
                             "stored", lang))
    if smtp_user and not secret:
        raise ValueError(say("the SMTP URL names the user {user}: expected the password on standard input, one "
                             "line; nothing was stored", lang, user=smtp_user))
    return secret or None


def run_add(args) -> int:
    from riskwatch.adapters.sqlite_outbox import ChannelRepository
    from riskwatch.app import open_store
    from riskwatch.domain.channels import Channel
    from riskwatch.domain.errors import SecretStoreUnavailable

    lang = options_of(args).cli_language()
    channel = Channel(args.name or args.kind, args.kind, args.url, to_addr=getattr(args, "to", "") or "",
                      min_severity=args.min_severity)  # InputError: exit code 2, naming the field
    try:
        secret = read_secret(sys.stdin, channel, lang)
    except ValueError as exc:
        return _bad(str(exc))
    store = open_store(args)
    _start_logging(args)
    try:
        repo = ChannelRepository(store)
        if repo.get(channel.name) is not None:
            return _bad(say("a channel named '{name}' exists already: choose another name with --name, or remove it "
                            "first; nothing was changed", lang, name=channel.name))
        secrets = _secrets()
        if secret is not None:
            try:
                secrets.set(channel.name, secret)
            except SecretStoreUnavailable as exc:
                print("riskwatch: " + say("The secret was not stored: {detail}. Nothing was changed.", lang,
                                          detail=exc), file=sys.stderr)
                return 1
        try:
            repo.add(channel)
        except BaseException:
            if secret is not None:  # no secret without its channel
                secrets.delete(channel.name)
            raise
    finally:
        store.close()
    log.info("channels add %s: %s channel, min severity %s, secret %s", channel.name, channel.kind,
             channel.min_severity, "set" if secret else "none")
    print(say("Added the {kind} channel '{name}' (minimum severity {severity}).", lang, kind=channel.kind,
              name=channel.name, severity=_severity(channel.min_severity, lang)))
    if secret is not None:
        print(say("Its secret is in {where}; it is never stored in the data folder.", lang,
                  where=_keyring_name(lang)))
    print(say("Send a test message with: riskwatch channels test {name}", lang, name=channel.name))
    return 0


def _severity(severity, lang: str) -> str:
    from riskwatch.texts.alerts import AlertTexts

    return AlertTexts(Texts(lang)).severity(severity)


# -- list --------------------------------------------------------------------------------------------------------
def run_list(args) -> int:
    from riskwatch.adapters.sqlite_outbox import ChannelRepository, Outbox
    from riskwatch.app import open_store
    from riskwatch.domain.errors import SecretStoreUnavailable

    lang = options_of(args).cli_language()
    store = open_store(args)
    _start_logging(args)
    try:
        channels = ChannelRepository(store).list()
        summary = Outbox(store).summary()
    finally:
        store.close()
    secrets = _secrets()
    rows = []
    for c in channels:
        try:
            has_secret = secrets.get(c.name) is not None  # only whether: the value is dropped at once
        except SecretStoreUnavailable:
            has_secret = None
        rows.append((c, has_secret, summary.get(c.name)))
    if args.json:
        doc = {"channels": [_channel_json(c, s, st) for c, s, st in rows]}
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return 0
    if not rows:
        print(say("No remote channels. Add one with: riskwatch channels add ntfy URL", lang))
        return 0
    table = [(say("Name", lang), "", say("Minimum", lang), say("Secret", lang), say("Target", lang))]
    for c, has_secret, _status in rows:
        secret = "?" if has_secret is None else say("set" if has_secret else "none", lang)
        minimum = _severity(c.min_severity, lang) if c.enabled else say("off", lang)
        target = c.display_url() + (f" -> {c.to_addr}" if c.to_addr else "")
        table.append((c.name, str(c.kind), minimum, secret, target))
    widths = [max(len(r[i]) for r in table) for i in range(4)]
    for r in table:
        print("  ".join(v.ljust(w) for v, w in zip(r[:4], widths)) + "  " + r[4])
    return 0


def _iso(ts):
    return ts.isoformat() if ts is not None else None


def _channel_json(c, has_secret, status) -> dict:
    return {"name": c.name, "kind": str(c.kind), "url": c.display_url(), "to": c.to_addr or None,
            "min_severity": str(c.min_severity), "enabled": c.enabled, "secret_set": has_secret,
            "delivery": {"pending": status.pending if status else 0, "failed": status.failed if status else 0,
                         "last_sent": _iso(status.last_ok) if status else None,
                         "last_failed": _iso(status.last_failed) if status else None,
                         "last_error": status.last_error if status else None}}


# -- test --------------------------------------------------------------------------------------------------------
#: Why a send failed, by the delivery's stable code (the store keeps only the code; no text holds a secret).
REASONS = {
    "timeout": QT_TRANSLATE_NOOP("Cli", "{host} did not answer in time."),
    "refused": QT_TRANSLATE_NOOP("Cli", "could not connect to {host}: check the URL and that the server runs."),
    "network": QT_TRANSLATE_NOOP("Cli", "the connection to {host} failed."),
    "tls": QT_TRANSLATE_NOOP("Cli", "the TLS handshake with {host} failed (certificate or protocol)."),
    "auth": QT_TRANSLATE_NOOP("Cli", "{host} refused the token or password: store the right one with channels "
                              "remove and add."),
    "smtp": QT_TRANSLATE_NOOP("Cli", "the mail server {host} refused the message."),
    "keyring": QT_TRANSLATE_NOOP("Cli", "the channel's secret could not be read from the system keyring."),
    "no_secret": QT_TRANSLATE_NOOP("Cli", "the channel needs a token or password, and none is stored."),
    "http": QT_TRANSLATE_NOOP("Cli", "{host} answered HTTP {status}."),
}
_OTHER = QT_TRANSLATE_NOOP("Cli", "the send failed ({code}).")


def reason_text(code: str | None, channel, lang: str) -> str:
    """One sentence for a failed send of ``channel`` from its error code, naming the host, never a secret."""
    from urllib.parse import urlsplit

    code = code or "error"
    host = urlsplit(channel.url).hostname or "?"
    if code.startswith("http_"):
        return say(REASONS["http"], lang, host=host, status=code[5:])
    if code in REASONS:
        return say(REASONS[code], lang, host=host)
    return say(_OTHER, lang, code=code)


def run_test(args) -> int:
    import asyncio

    from riskwatch.adapters.channel_http import host_of
    from riskwatch.adapters.clock import SystemClock
    from riskwatch.adapters.sqlite_outbox import ChannelRepository, Outbox
    from riskwatch.app import build_delivery, open_store
    from riskwatch.domain.channels import ItemStatus

    lang = options_of(args).cli_language()
    store = open_store(args)
    _start_logging(args)
    try:
        channel = ChannelRepository(store).get(args.name)
        if channel is None:
            return _bad(say("there is no channel named '{name}' (see: riskwatch channels list)", lang,
                            name=args.name))
        clock = SystemClock()
        delivery = build_delivery(store, clock, args=args)

        async def send():
            try:
                return await delivery.send_test(channel.name)
            finally:
                await delivery.aclose()

        item = asyncio.run(send())
        if item.status is not ItemStatus.SENT:
            # a test asked for now is not retried later: the user reads the answer and fixes the channel
            Outbox(store).mark_failed(item.id, item.last_error or "error", None, clock.now())
            log.info("channels test %s: not delivered (%s)", channel.name, item.last_error)
            print("riskwatch: " + say("The test message to '{name}' was not delivered: {reason}", lang,
                                      name=channel.name, reason=reason_text(item.last_error, channel, lang)),
                  file=sys.stderr)
            return 1
    finally:
        store.close()
    log.info("channels test %s: delivered", channel.name)
    target = channel.to_addr if channel.to_addr else host_of(channel.url)
    print(say("Sent a test message to '{name}' ({target}).", lang, name=channel.name, target=target))
    return 0


# -- remove ------------------------------------------------------------------------------------------------------
def run_remove(args) -> int:
    from riskwatch.adapters.sqlite_outbox import ChannelRepository
    from riskwatch.app import open_store
    from riskwatch.domain.errors import SecretStoreUnavailable

    lang = options_of(args).cli_language()
    store = open_store(args)
    _start_logging(args)
    try:
        if not ChannelRepository(store).remove(args.name):
            return _bad(say("there is no channel named '{name}' (see: riskwatch channels list)", lang,
                            name=args.name))
    finally:
        store.close()
    log.info("channels remove %s", args.name)
    print(say("Removed the channel '{name}'.", lang, name=args.name))
    try:
        if _secrets().delete(args.name):
            print(say("Removed its secret from {where}.", lang, where=_keyring_name(lang)))
    except (SecretStoreUnavailable, ValueError) as exc:
        print("riskwatch: " + say("Its secret could not be removed from the system keyring: {detail}", lang,
                                  detail=exc), file=sys.stderr)
        return 1
    return 0


__all__ = ["REASONS", "SEVERITIES", "read_secret", "reason_text", "register", "run_add", "run_list", "run_remove",
           "run_test"]
