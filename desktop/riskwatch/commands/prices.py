"""`riskwatch prices import SYMBOL FILE`: a price-history CSV (``-``: standard input) into the store."""

from __future__ import annotations

import argparse
from riskwatch.i18n import cli_language, fmt_date, tr


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("prices", help="price history")
    psub = p.add_subparsers(dest="prices_command", metavar="ACTION", required=True)
    p_imp = psub.add_parser("import", help="import a price-history CSV (Yahoo-style or close-only)")
    p_imp.add_argument("symbol", metavar="SYMBOL")
    p_imp.add_argument("file", metavar="FILE", help="price CSV, or - for standard input")
    p_imp.set_defaults(func=run_import)


def run_import(args, *, stdin=None, now=None) -> int:
    """``stdin`` (binary) serves ``FILE = -``; ``now`` bounds the dates (default: the system clock)."""
    from riskwatch.adapters.price_csv import read_price_source
    from riskwatch.app import open_store
    from riskwatch.domain.errors import InputError
    from riskwatch.domain.model import normalize_symbol

    try:
        symbol = normalize_symbol(args.symbol)
    except ValueError as exc:
        raise InputError.single(str(exc), field="SYMBOL") from None
    parsed = read_price_source(args.file, stdin=stdin, now=now)
    bars = parsed.bars(symbol, source="import")
    store = open_store(args)
    try:
        store.upsert_bars(bars)  # idempotent: re-importing the same file changes nothing
    finally:
        store.close()
    lang = cli_language()
    print(tr("Imported {n} price bar(s) for {symbol} from {file} ({first} to {last}, column {column}).", lang)
          .format(n=len(bars), symbol=symbol, file=parsed.source, first=fmt_date(bars[0].ts, lang),
                  last=fmt_date(bars[-1].ts, lang), column=parsed.close_column))
    return 0
