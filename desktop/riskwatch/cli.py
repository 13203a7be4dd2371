"""Command line. ``riskwatch`` with no sub-command starts the desktop app.

Each sub-command lives in ``riskwatch.commands.<name>`` and exposes ``register(subparsers)`` (which sets
``func``) and ``run(args) -> int``. Heavy imports (Qt, ccxt, yfinance) happen inside the commands.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from riskwatch import __version__
from riskwatch.domain.errors import InputError, RiskWatchError, StoreError

COMMAND_MODULES = (
    "riskwatch.commands.positions",
    "riskwatch.commands.prices",
    "riskwatch.commands.analyze",
    "riskwatch.commands.check",
    "riskwatch.commands.replay",
    "riskwatch.commands.keys",
    "riskwatch.commands.watch",
    "riskwatch.commands.channels",
    "riskwatch.commands.install_desktop",
    "riskwatch.commands.fundamentals",
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one clear sentence, exit code 2
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="riskwatch", description="RiskWatch – risk monitor for Bitcoin and miner stocks.")
    parser.add_argument("--version", action="version", version=f"RiskWatch {__version__}")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="data directory (default: $RISKWATCH_DATA_DIR or the platform's user-data folder)")
    parser.add_argument("--exchange", metavar="ID", help="crypto exchange (ccxt id, default kraken)")
    parser.add_argument("--exchange-api-url", metavar="URL",
                        help="point the exchange at another endpoint (e.g. a loopback test server)")
    parser.add_argument("--edgar-api-url", metavar="URL",
                        help="point SEC EDGAR's company-facts API at another endpoint (default: "
                             "$RISKWATCH_EDGAR_API_URL or https://data.sec.gov)")
    parser.add_argument("--demo", action="store_true",
                        help="start the desktop app with the example portfolio replaying bundled history")
    parser.add_argument("--speed", type=float, metavar="N", default=None, dest="demo_speed",
                        help="with --demo: simulated days per second (default 1)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # a command not built yet
                continue
            raise
        module.register(sub)
    return parser


def warn_damaged_row(row) -> None:
    """A stored row the store skipped because it does not parse: one warning line on stderr."""
    print(f"riskwatch: warning: {row.describe()}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    try:
        code = _run(argv)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        # `riskwatch positions list | head -2`: the reader left; that is not an error of ours. Point stdout at
        # /dev/null so the interpreter's final flush does not raise again (Python docs, "Note on SIGPIPE").
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _run(argv: list[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from riskwatch.launcher import run_gui

        return run_gui(args)
    try:
        return int(args.func(args) or 0)
    except InputError as exc:
        print(f"riskwatch: {exc}", file=sys.stderr)
        return 2
    except StoreError as exc:
        print(f"riskwatch: {exc}", file=sys.stderr)
        return 1
    except RiskWatchError as exc:
        print(f"riskwatch: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
