"""`riskwatch fundamentals refresh|show|set|contracts`: the held miners' balance sheets from SEC EDGAR.

::

    riskwatch fundamentals refresh [SYMBOL …] [--force]   fetch company facts (default: the held miners)
    riskwatch fundamentals show SYMBOL [--json]           the figures per code with period end and filing
    riskwatch fundamentals set SYMBOL CODE VALUE --period-end DATE [--note TEXT]   enter a figure by hand
    riskwatch fundamentals contracts [SYMBOL] [--json]    the AI/HPC contracts

``refresh`` fetches only a cache older than a day unless ``--force``; exit code 0 when every symbol is fresh
or refreshed, 1 when a fetch failed (each symbol's line says why), 2 for a symbol without a known CIK. ``set``
reads VALUE in the notation of the output language (German ``1.250.000,5``, English ``1,250,000.5``); bad input
is one sentence on stderr, exit code 2, and nothing is stored. The endpoint is EDGAR's unless
``--edgar-api-url`` (or ``RISKWATCH_EDGAR_API_URL``) points elsewhere.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from riskwatch.domain.fundamentals import FIGURES
from riskwatch.options import options_of
from riskwatch.texts.catalog import QT_TRANSLATE_NOOP, Texts

_MESSAGES = (
    QT_TRANSLATE_NOOP("Cli", "SEC EDGAR has no XBRL facts for {symbol} (a foreign filer?): enter its figures with "
                      "riskwatch fundamentals set."),
    QT_TRANSLATE_NOOP("Cli", "{given} lies in the future: a balance sheet is dated by a period that has ended"),
    QT_TRANSLATE_NOOP("Cli", "No held miner to refresh (miners with a known SEC CIK: {known})."),
    QT_TRANSLATE_NOOP("Cli", "no SEC CIK is known for {symbols} (known: {known}); nothing was fetched"),
    QT_TRANSLATE_NOOP("Cli", "{symbol}: new filing stored ({accession})"),
    QT_TRANSLATE_NOOP("Cli", "{symbol}: no new filing since {accession}"),
    QT_TRANSLATE_NOOP("Cli", "{symbol}: fetched less than a day ago ({accession}); --force fetches again"),
    QT_TRANSLATE_NOOP("Cli", "{symbol}: not refreshed: {detail}"),
    QT_TRANSLATE_NOOP("Cli", "No figures for {symbol}: run riskwatch fundamentals refresh {symbol}, or enter one "
                      "with riskwatch fundamentals set."),
    QT_TRANSLATE_NOOP("Cli", "Figure"),
    QT_TRANSLATE_NOOP("Cli", "Value"),
    QT_TRANSLATE_NOOP("Cli", "Period end"),
    QT_TRANSLATE_NOOP("Cli", "Filing"),
    QT_TRANSLATE_NOOP("Cli", "entered"),
    QT_TRANSLATE_NOOP("Cli", "'{given}' is not a date: expected YYYY-MM-DD"),
    QT_TRANSLATE_NOOP("Cli", "Entered {code} of {symbol} for {period_end}: {value}."),
    QT_TRANSLATE_NOOP("Cli", "No AI/HPC contracts."),
    QT_TRANSLATE_NOOP("Cli", "Counterparty"),
    QT_TRANSLATE_NOOP("Cli", "Term"),
    QT_TRANSLATE_NOOP("Cli", "Source"),
)


def say(text: str, lang: str, **values) -> str:
    return Texts(lang).cli(text, **values)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("fundamentals", help="the held miners' balance sheets from SEC EDGAR (refresh, show, set, "
                                            "contracts)",
                       description="Debt, cash, digital assets, shares and revenue of the held miners, from SEC "
                                   "EDGAR's XBRL company facts or entered by hand.")
    fsub = p.add_subparsers(dest="fundamentals_command", metavar="ACTION", required=True)
    refresh = fsub.add_parser("refresh", help="fetch the company facts (default: every held miner)")
    refresh.add_argument("symbols", nargs="*", metavar="SYMBOL")
    refresh.add_argument("--force", action="store_true", help="fetch even when the cache is less than a day old")
    refresh.set_defaults(func=run_refresh)
    show = fsub.add_parser("show", help="the figures per code with their period end and filing")
    show.add_argument("symbol", metavar="SYMBOL")
    show.add_argument("--json", action="store_true", help="print one JSON object")
    show.set_defaults(func=run_show)
    enter = fsub.add_parser("set", help="enter (or override) a figure, e.g. from a press release")
    enter.add_argument("symbol", metavar="SYMBOL")
    enter.add_argument("code", metavar="CODE", choices=FIGURES, help="one of: " + ", ".join(FIGURES))
    enter.add_argument("value", metavar="VALUE", help="USD (shares for shares_outstanding), in the output "
                                                      "language's notation")
    enter.add_argument("--period-end", required=True, metavar="DATE", help="the period end it is for, YYYY-MM-DD")
    enter.add_argument("--note", default="", metavar="TEXT", help="where it comes from (press release …)")
    enter.set_defaults(func=run_set)
    contracts = fsub.add_parser("contracts", help="the AI/HPC contracts (seeded with the two the news named)")
    contracts.add_argument("symbol", nargs="?", metavar="SYMBOL")
    contracts.add_argument("--json", action="store_true", help="print one JSON object")
    contracts.set_defaults(func=run_contracts)


def _bad(message: str) -> int:
    print(f"riskwatch: {message}", file=sys.stderr)
    return 2


def _service(args, store):
    from riskwatch.adapters.clock import SystemClock
    from riskwatch.fundamentals_wiring import build_fundamentals_service

    return build_fundamentals_service(store, SystemClock(), args)


# -- refresh -----------------------------------------------------------------------------------------------------
def run_refresh(args) -> int:
    import asyncio

    from riskwatch.app import open_store
    from riskwatch.services.fundamentals import FAILED, FRESH, MINER_CIKS, UPDATED, held_miners

    lang = options_of(args).cli_language()
    known = ", ".join(MINER_CIKS)
    asked = [s.strip().upper() for s in args.symbols if s.strip()]
    unknown = [s for s in asked if s not in MINER_CIKS]
    if unknown:
        return _bad(say("no SEC CIK is known for {symbols} (known: {known}); nothing was fetched", lang,
                        symbols=", ".join(unknown), known=known))
    store = open_store(args)
    try:
        symbols = asked or held_miners(store.portfolio().symbols)
        if not symbols:
            print(say("No held miner to refresh (miners with a known SEC CIK: {known}).", lang, known=known))
            return 0
        statuses = asyncio.run(_service(args, store).refresh(symbols, force=args.force))
    finally:
        store.close()
    failed = False
    for st in statuses:
        if st.status == UPDATED:
            line = say("{symbol}: new filing stored ({accession})", lang, symbol=st.symbol, accession=st.accession)
        elif st.status == FRESH:
            line = say("{symbol}: fetched less than a day ago ({accession}); --force fetches again", lang,
                       symbol=st.symbol, accession=st.accession)
        elif st.status == FAILED:
            failed = True
            line = say("{symbol}: not refreshed: {detail}", lang, symbol=st.symbol, detail=st.detail)
        else:
            line = say("{symbol}: no new filing since {accession}", lang, symbol=st.symbol, accession=st.accession)
        print(line, file=sys.stderr if st.status == FAILED else sys.stdout)
    return 1 if failed else 0


# -- show --------------------------------------------------------------------------------------------------------
def _fact_json(fact) -> dict:
    return {"value": fact.value, "period_end": fact.period_end.isoformat(),
            "filed": fact.filed.isoformat() if fact.filed else None, "form": fact.form,
            "accession": fact.accession, "concept": fact.concept, "source": fact.source, "note": fact.note}


def run_show(args) -> int:
    from riskwatch.app import open_store

    lang = options_of(args).cli_language()
    symbol = args.symbol.strip().upper()
    store = open_store(args)
    try:
        service = _service(args, store)
        sheet = service.sheet(symbol)
        cached = service.repo.cached(symbol)
        gone = service.repo.unavailable(symbol)
    finally:
        store.close()
    figures = {code: sheet.latest[code] for code in FIGURES if code in sheet.latest}
    if args.json:
        doc = {"symbol": symbol, "cik": cached.cik if cached else None,
               "fetched_at": cached.fetched_at.isoformat() if cached else None,
               "newest_accession": cached.newest_accession if cached else None,
               "period_end": sheet.period_end.isoformat() if sheet.period_end else None,
               "edgar_has_no_facts_since": gone[1].isoformat() if gone else None,
               "figures": {code: _fact_json(f) for code, f in figures.items()}}
        print(json.dumps(doc, indent=2, ensure_ascii=False))
        return 0
    if not figures and gone is not None:
        print(say("SEC EDGAR has no XBRL facts for {symbol} (a foreign filer?): enter its figures with riskwatch "
                  "fundamentals set.", lang, symbol=symbol))
        return 0
    if not figures:
        print(say("No figures for {symbol}: run riskwatch fundamentals refresh {symbol}, or enter one with "
                  "riskwatch fundamentals set.", lang, symbol=symbol))
        return 0
    rows = [(say("Figure", lang), say("Value", lang), say("Period end", lang), say("Filing", lang))]
    for code, f in figures.items():
        if f.source == "entered":
            filing = say("entered", lang) + (f": {f.note}" if f.note else "")
        else:
            filing = " ".join(x for x in (f.form, f.filed.isoformat() if f.filed else "", f.accession) if x)
        rows.append((code, _number(f.value, lang), f.period_end.isoformat(), filing))
    _print_table(rows, right={1})
    return 0


def _number(value: float, lang: str) -> str:
    from decimal import Decimal

    from riskwatch.domain.numbers import format_typed_number

    return format_typed_number(Decimal(str(round(value))) if float(value).is_integer() else Decimal(str(value)), lang)


def _print_table(rows: list[tuple[str, ...]], right: set[int] = frozenset()) -> None:  # type: ignore[assignment]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        cells = [c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths))]
        print("  ".join(cells).rstrip())


# -- set ---------------------------------------------------------------------------------------------------------
def run_set(args) -> int:
    from riskwatch.adapters.sqlite_fundamentals import FundamentalsRepository
    from riskwatch.app import open_store
    from riskwatch.domain.fundamentals import ENTERED, Fact
    from riskwatch.domain.numbers import TypedNumberError, parse_typed_number

    lang = options_of(args).cli_language()
    try:
        value = parse_typed_number(args.value, lang)
    except TypedNumberError as exc:
        return _bad(f"VALUE: {exc}")
    try:
        period_end = date.fromisoformat(args.period_end.strip())
    except ValueError:
        return _bad("--period-end: " + say("'{given}' is not a date: expected YYYY-MM-DD", lang,
                                           given=args.period_end))
    if period_end > date.today():  # a typo of a year would stay the newest balance sheet, never stale
        return _bad("--period-end: " + say("{given} lies in the future: a balance sheet is dated by a period "
                                           "that has ended", lang, given=period_end.isoformat()))
    fact = Fact(args.symbol.strip().upper(), args.code, float(value), period_end, None, ENTERED, "", "", ENTERED,
                args.note)
    store = open_store(args)
    try:
        stored = FundamentalsRepository(store).enter_fact(fact)  # InputError: exit code 2, naming the field
    finally:
        store.close()
    print(say("Entered {code} of {symbol} for {period_end}: {value}.", lang, code=stored.code, symbol=stored.symbol,
              period_end=stored.period_end.isoformat(), value=_number(stored.value, lang)))
    return 0


# -- contracts ---------------------------------------------------------------------------------------------------
def run_contracts(args) -> int:
    from riskwatch.adapters.sqlite_fundamentals import FundamentalsRepository
    from riskwatch.app import open_store

    lang = options_of(args).cli_language()
    store = open_store(args)
    try:
        contracts = FundamentalsRepository(store).contracts(args.symbol.strip().upper() if args.symbol else None)
    finally:
        store.close()
    if args.json:
        print(json.dumps({"contracts": [
            {"symbol": c.symbol, "counterparty": c.counterparty, "value_usd": c.value_usd,
             "term_years": c.term_years, "start": c.start.isoformat() if c.start else None, "source": c.source,
             "note": c.note} for c in contracts]}, indent=2, ensure_ascii=False))
        return 0
    if not contracts:
        print(say("No AI/HPC contracts.", lang))
        return 0
    rows = [("", say("Counterparty", lang), say("Value", lang), say("Term", lang), say("Source", lang))]
    for c in contracts:
        term = f"{c.term_years:g} y" if c.term_years is not None else "–"
        rows.append((c.symbol, c.counterparty, _number(c.value_usd, lang) + " USD", term, c.source))
    _print_table(rows, right={2})
    return 0
