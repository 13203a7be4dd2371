"""`riskwatch positions list|import FILE [--replace]|export FILE [--format csv|excel-de|json] [--json]`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from riskwatch.i18n import cli_language, tr


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("positions", help="list, import or export positions")
    psub = p.add_subparsers(dest="positions_command", metavar="ACTION", required=True)
    p_list = psub.add_parser("list", help="show the positions")
    p_list.add_argument("--json", action="store_true", help="print JSON")
    p_list.set_defaults(func=run_list)
    p_imp = psub.add_parser("import", help="add positions from a CSV (or JSON) file, all or nothing")
    p_imp.add_argument("file", metavar="FILE", help="CSV or JSON file, or - for standard input")
    p_imp.add_argument("--replace", action="store_true", help="replace all positions by the file's")
    p_imp.set_defaults(func=run_import)
    p_exp = psub.add_parser("export", help="write the positions to a CSV (or, with --json, JSON) file")
    p_exp.add_argument("file", metavar="FILE", help="target file, or - for standard output")
    fmt = p_exp.add_mutually_exclusive_group()
    fmt.add_argument("--format", choices=("csv", "excel-de", "json"),
                     help="csv (default: `,`, decimal points, UTF-8), excel-de (`;`, decimal commas and a "
                          "UTF-8 BOM, for German Excel; import reads it back) or json")
    fmt.add_argument("--json", action="store_true", help="write JSON instead of CSV (same as --format json)")
    p_exp.set_defaults(func=run_export)
    from riskwatch.commands.sync import register_sync

    register_sync(psub)


def _store(args):
    from riskwatch.app import open_store
    from riskwatch.cli import warn_damaged_row

    return open_store(args, on_damaged_row=warn_damaged_row)


def run_list(args) -> int:
    from riskwatch.adapters.csv_io import positions_to_json
    from riskwatch.domain.text import printable

    store = _store(args)
    try:
        positions = store.list_positions()
    finally:
        store.close()
    if args.json:
        sys.stdout.write(positions_to_json(positions))
        return 0
    lang = cli_language()
    if not positions:
        print(tr("No positions.", lang))
        return 0
    headers = [tr(h, lang) for h in ("Symbol", "Kind", "Quantity", "Cost basis", "Currency", "Account", "Note")]
    # Rows stored before imports refused control characters may still hold them: never print them raw.
    rows = [[printable(c) for c in (p.symbol, tr(p.asset.kind.value, lang), _num(p.quantity, lang),
                                    _num(p.cost_basis, lang), p.asset.quote_currency, p.account, p.note)]
            for p in positions]
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]
    right = {2, 3}
    for r in [headers, *rows]:
        cells = [str(c).rjust(w) if i in right else str(c).ljust(w) for i, (c, w) in enumerate(zip(r, widths))]
        print("  ".join(cells).rstrip())
    return 0


def _num(value, lang: str) -> str:
    text = format(value, "f")
    return text.replace(".", ",") if lang == "de" else text


def run_import(args) -> int:
    from riskwatch.adapters.csv_io import parse_position_text, read_position_rows, read_stream_text
    from riskwatch.services.positions import import_positions

    # Parse before opening the store: bad files touch nothing.
    if args.file == "-":
        rows = parse_position_text(read_stream_text(sys.stdin.buffer, "<stdin>"), "<stdin>")
    else:
        rows = read_position_rows(Path(args.file))
    store = _store(args)
    try:
        added = import_positions(store, [(r.line, r.position) for r in rows], replace=args.replace,
                                 source=args.file)
    finally:
        store.close()
    lang = cli_language()
    msg = "Replaced all positions by {n} position(s) from {file}." if args.replace \
        else "Imported {n} position(s) from {file}."
    print(tr(msg, lang).format(n=len(added), file=args.file))
    return 0


def run_export(args) -> int:
    from riskwatch.adapters.csv_io import positions_to_text, write_text_atomic

    store = _store(args)
    try:
        positions = store.list_positions()
    finally:
        store.close()
    fmt = "json" if args.json else (args.format or "csv")
    text = positions_to_text(positions, fmt)
    if args.file == "-":
        sys.stdout.write(text)
        return 0
    write_text_atomic(Path(args.file), text)
    print(tr("Exported {n} position(s) to {file}.", cli_language()).format(n=len(positions), file=args.file),
          file=sys.stderr if fmt == "json" else sys.stdout)
    return 0


__all__ = ["register", "json"]
