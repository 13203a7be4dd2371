"""`riskwatch analyze FILE [--window-days 30] [--json]`: risk figures of one price history.

Only argument parsing lives here; the computation (pandas, numpy) is imported when the command runs, so
other commands and the desktop start do not pay for it.
"""

from __future__ import annotations

import argparse


def _window_days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of days") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1 day, got {value}")
    return value


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("analyze", help="risk figures of one price-history CSV",
                       description="Drawdowns, drop from the trailing high, volatility and 1-day VaR/ES "
                                   "of a price-history CSV.")
    p.add_argument("file", metavar="FILE", help="price CSV (Yahoo-style, lowercase or close-only), - for stdin")
    p.add_argument("--window-days", type=_window_days, default=30, metavar="N",
                   help="window of the drop from the trailing high, in calendar days (default 30)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    p.set_defaults(func=_run)



def _run(args) -> int:
    from riskwatch.commands.analysis import run

    return run(args)
