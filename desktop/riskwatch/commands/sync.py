"""`riskwatch positions sync EXCHANGE [--yes]`: the balances of a keyed exchange account -> positions.

The balances are fetched first (with the key from the OS keyring, the environment or nowhere); only then is
the store opened, so a rejected key, an unreachable exchange or a malformed answer leaves it untouched. The
diff (added / changed / removed) is printed; without ``--yes`` it is applied after a "y" on stdin. The
changes are applied in one transaction.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from decimal import Decimal

from riskwatch.commands.keys import api_url_for, failure_sentence, key_in_use, keyed_command, say
from riskwatch.texts.catalog import QT_TRANSLATE_NOOP

log = logging.getLogger("riskwatch.commands.sync")

#: The messages of this module, for lupdate: their German is in the translation file (context "Cli").
_MESSAGES = (
    QT_TRANSLATE_NOOP("Cli", "{account}: {added} new, {changed} changed, {removed} removed, {unchanged} unchanged"),
    QT_TRANSLATE_NOOP("Cli", "The positions of {account} are up to date."),
    QT_TRANSLATE_NOOP("Cli", "Apply these changes? [y/N] "),
    QT_TRANSLATE_NOOP("Cli", "Cancelled; no position was changed."),
    QT_TRANSLATE_NOOP("Cli", "Applied: {added} added, {changed} changed, {removed} removed."),
    QT_TRANSLATE_NOOP("Cli", "Skipped balances that cannot be a position: {codes}"),
    QT_TRANSLATE_NOOP("Cli", "new positions get a cost basis of 0; edit it to see profit and loss"),
)
_YES = {"y", "yes", "j", "ja"}


def _say(text: str, lang: str, **values) -> str:
    return say(text, lang, **values)


def register_sync(positions_subparsers: argparse._SubParsersAction) -> None:
    p = positions_subparsers.add_parser(
        "sync", help="propose the crypto positions of an exchange account from its balances (read-only API key)")
    p.add_argument("exchange", metavar="EXCHANGE", help="exchange id, e.g. kraken")
    p.add_argument("--yes", "-y", action="store_true", help="apply the changes without asking")
    p.set_defaults(func=run_sync)


def _qty(value: Decimal, lang: str) -> str:
    text = format(value, "f")
    return text.replace(".", ",") if lang == "de" else text


def format_plan(plan, lang: str) -> list[str]:
    """The diff as lines: a summary, then ``+`` added, ``~`` changed (old → new), ``-`` removed."""
    lines = [_say("{account}: {added} new, {changed} changed, {removed} removed, {unchanged} unchanged", lang,
                  account=plan.account, added=len(plan.added), changed=len(plan.changed),
                  removed=len(plan.removed), unchanged=len(plan.unchanged))]
    rows: list[tuple[str, str, str, str]] = []
    for p in plan.added:
        rows.append(("+", p.symbol, _qty(p.quantity, lang), say(p.asset.kind.value, lang)))
    for c in plan.changed:
        rows.append(("~", c.symbol, f"{_qty(c.old_quantity, lang)} → {_qty(c.new_quantity, lang)}",
                     say(c.after.asset.kind.value, lang)))
    for p in plan.removed:
        rows.append(("-", p.symbol, _qty(p.quantity, lang), say(p.asset.kind.value, lang)))
    if rows:
        w_sym = max(len(r[1]) for r in rows)
        w_qty = max(len(r[2]) for r in rows)
        lines += [f"  {m} {s.ljust(w_sym)}  {q.ljust(w_qty)}  {k}".rstrip() for m, s, q, k in rows]
    if plan.added:
        lines.append("  (" + _say("new positions get a cost basis of 0; edit it to see profit and loss", lang) + ")")
    if plan.skipped:
        lines.append(_say("Skipped balances that cannot be a position: {codes}", lang, codes=", ".join(plan.skipped)))
    return lines


def _confirm(lang: str) -> bool:
    sys.stdout.write(_say("Apply these changes? [y/N] ", lang))
    sys.stdout.flush()
    answer = sys.stdin.readline()
    if not answer.endswith("\n"):
        sys.stdout.write("\n")
    return answer.strip().lower() in _YES


@keyed_command
def run_sync(args, lang: str, exchange: str, resolver) -> int:
    from riskwatch.adapters.ccxt_account import fetch_balances
    from riskwatch.app import open_store
    from riskwatch.domain.errors import RiskWatchError
    from riskwatch.services.account_sync import SyncService

    creds = key_in_use(resolver, exchange, lang, out=sys.stderr)  # stdout carries the diff
    if creds is None:
        return 1
    api_url = api_url_for(args, exchange)
    try:
        balances = asyncio.run(fetch_balances(exchange, creds, api_url))
    except RiskWatchError as exc:
        log.info("positions sync %s: fetch failed (%s)", exchange, getattr(exc, "reason", type(exc).__name__))
        print("riskwatch: " + failure_sentence(exc, exchange, lang), file=sys.stderr)
        return 1
    del creds
    store = open_store(args)
    try:
        service = SyncService(store, resolver.credentials, fetch_balances)
        plan = service.plan_from(exchange, balances)
        for line in format_plan(plan, lang):
            print(line)
        if plan.is_empty:
            print(_say("The positions of {account} are up to date.", lang, account=plan.account))
            log.info("positions sync %s: up to date", exchange)
            return 0
        if not args.yes and not _confirm(lang):
            print(_say("Cancelled; no position was changed.", lang))
            log.info("positions sync %s: cancelled", exchange)
            return 1
        service.apply(plan)
    finally:
        store.close()
    log.info("positions sync %s: %d added, %d changed, %d removed", exchange, len(plan.added), len(plan.changed),
             len(plan.removed))
    print(_say("Applied: {added} added, {changed} changed, {removed} removed.", lang, added=len(plan.added),
               changed=len(plan.changed), removed=len(plan.removed)))
    return 0


__all__ = ["register_sync", "run_sync", "format_plan"]
