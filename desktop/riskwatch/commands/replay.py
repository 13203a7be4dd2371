"""`riskwatch replay --from DATE --to DATE [--speed N] [--headless] [--json]`.

Replays a period day by day with the real monitor and alert engine on a separate in-memory store; the live
store is only read (positions, rules, price bars) and never written. The portfolio is the store's positions,
or the example portfolio when the store has none. Prices: the store's daily bars, else the bundled history.

Without ``--headless`` the desktop app starts in replay mode (``args.replay_from``, ``args.replay_to``,
``args.speed`` are set for ``riskwatch.launcher.run_gui``). ``--headless`` prints every alert event with its
simulated date; with ``--json`` as one JSON object per line::

    {"date": "2025-11-04", "kind": "fired", "severity": "warning", "asset": "BTC",
     "metric": "drop_from_high:30D", "value": -0.1857, "threshold": -0.17, "rule": "btc_drop_30d_warning", …}

``--speed N``: simulated days per second (GUI default 1). Headless runs as fast as it can unless ``--speed``
is given. Bad dates or a period without any data: exit code 2 with one sentence on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date, datetime

from riskwatch.i18n import cli_language, fmt_date, fmt_number, fmt_percent
from riskwatch.texts.catalog import QT_TRANSLATE_NOOP, Texts

DEFAULT_GUI_SPEED = 1.0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("replay", help="replay a period of price history with the real alert engine")
    p.add_argument("--from", dest="replay_from", metavar="DATE", required=True,
                   help="first simulated day (YYYY-MM-DD or DD.MM.YYYY)")
    p.add_argument("--to", dest="replay_to", metavar="DATE", required=True,
                   help="last simulated day (YYYY-MM-DD or DD.MM.YYYY)")
    p.add_argument("--speed", type=float, metavar="N", default=None,
                   help="simulated days per second (desktop default 1; headless: as fast as possible)")
    p.add_argument("--headless", action="store_true", help="no window: print the alert events")
    p.add_argument("--json", action="store_true", help="with --headless: one JSON object per alert event")
    p.set_defaults(func=run)


def parse_date(text: str) -> date | None:
    text = (text or "").strip()
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _fail(message: str) -> int:
    print(f"riskwatch replay: error: {message}", file=sys.stderr)
    return 2


def run(args) -> int:
    start = parse_date(args.replay_from)
    if start is None:
        return _fail(f"--from '{args.replay_from}' is not a date; expected YYYY-MM-DD (e.g. 2025-10-01) "
                     f"or DD.MM.YYYY.")
    end = parse_date(args.replay_to)
    if end is None:
        return _fail(f"--to '{args.replay_to}' is not a date; expected YYYY-MM-DD (e.g. 2025-11-29) "
                     f"or DD.MM.YYYY.")
    if end < start:
        return _fail(f"the period ends ({end.isoformat()}) before it starts ({start.isoformat()}).")
    if args.speed is not None and not (args.speed >= 0 and args.speed < float("inf")):
        return _fail(f"--speed must be a number of days per second ≥ 0, got {args.speed:g}.")
    if args.json and not args.headless:
        return _fail("--json needs --headless (the desktop replay shows its events in the alert window).")
    args.replay_from, args.replay_to = start, end
    if not args.headless:
        if args.speed is None:
            args.speed = DEFAULT_GUI_SPEED
        from riskwatch.launcher import run_gui

        return run_gui(args)
    return run_headless(args, start, end)


def _live_inputs(args):
    """(portfolio, rules or None, closes provider) read from the live store, which is opened only if it exists."""
    from riskwatch import paths
    from riskwatch.adapters.sqlite_alerts import AlertRepository
    from riskwatch.adapters.sqlite_store import DB_FILENAME, SqliteStore
    from riskwatch.app import bundled_closes, example_positions
    from riskwatch.domain.model import Portfolio
    from riskwatch.services.replay import history_closes

    db = paths.data_dir(getattr(args, "data_dir", None)) / DB_FILENAME
    if not db.is_file():
        return Portfolio(tuple(example_positions())), None, bundled_closes, None
    store = SqliteStore(db)
    portfolio = store.portfolio()
    if not portfolio.positions:
        portfolio = Portfolio(tuple(example_positions()), portfolio.base_currency)
    rules = AlertRepository(store).list_rules() or None
    return portfolio, rules, history_closes(store, bundled_closes), store


def run_headless(args, start: date, end: date) -> int:
    from riskwatch.adapters.clock import ManualClock
    from riskwatch.adapters.sqlite_store import SqliteStore
    from riskwatch.app import build_market_panel, open_alerts
    from riskwatch.services.replay import ReplayService

    lang = cli_language()
    portfolio, rules, closes, live = _live_inputs(args)
    # the user's baskets and regime rules when there is a store (only read), else the shipped ones
    settings = live if live is not None else SqliteStore(":memory:")
    try:
        service = ReplayService(make_store=lambda: SqliteStore(":memory:"), open_alerts=open_alerts,
                                make_clock=ManualClock, closes=closes, rules=rules,
                                market_panel=build_market_panel(settings))
        symbols = service.replay_symbols(portfolio)
        if not service.symbols_with_data(symbols, start, end):
            cover = service.coverage(symbols)
            known = "; ".join(f"{s} {a.isoformat()} to {b.isoformat()}" for s, (a, b) in sorted(cover.items()))
            return _fail(f"no price history between {start.isoformat()} and {end.isoformat()} for "
                         f"{', '.join(symbols)}" + (f" (available: {known})." if known else "."))
        pause = 1.0 / args.speed if args.speed else 0.0
        n_days = n_events = 0
        shown_regime = None
        for day, result in service.run(portfolio, start, end):
            n_days += 1
            for e in result.events:
                n_events += 1
                if args.json:
                    sys.stdout.write(json.dumps(event_json(day, e), ensure_ascii=False) + "\n")
                else:
                    print(event_text(day, e, lang))
            if args.json:
                sys.stdout.write(json.dumps(market_json(day, result), ensure_ascii=False) + "\n")
            else:
                regime = result.regime
                level = regime.level_code if regime is not None else None
                if level != shown_regime:
                    print(regime_text(day, regime, lang))
                    shown_regime = level
            sys.stdout.flush()
            if pause:
                time.sleep(pause)
    except BrokenPipeError:  # the reader (e.g. `head`) went away: stop quietly
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    finally:
        settings.close()
    if not args.json:
        print(_t("Replay {start} to {end}: {days} day(s), {events} alert event(s).", lang).format(
            start=fmt_date(start, lang), end=fmt_date(end, lang), days=n_days, events=n_events))
    return 0


def _value(v):
    return None if v is None else round(float(v), 4)


def event_json(day: date, e) -> dict:
    return {"date": day.isoformat(), "type": "event", "kind": e.kind.value, "severity": e.severity.value, "asset": e.member,
            "metric": e.metric, "value": _value(e.value), "threshold": _value(e.threshold), "rule": e.rule_key,
            "name": e.rule_name, "alert_key": e.alert_key, "ts": e.ts.isoformat()}


#: the basket figures a market line carries
MARKET_FIGURES = ("return:30D", "drop_from_high:30D")


def market_json(day: date, result) -> dict:
    """One line per simulated day: the regime, every indicator's value and the baskets' headline figures."""
    regime = result.regime
    snapshot = result.report.snapshot
    baskets = {}
    for b in getattr(result.report, "baskets", ()):
        figures = {}
        for key in MARKET_FIGURES:
            mv = snapshot.get(b.code, key)
            figures[key] = mv.value if mv is not None else None
        baskets[b.code] = figures
    return {"date": day.isoformat(), "type": "market",
            "regime": regime.level_code if regime is not None else None,
            "count": regime.count if regime is not None else None,
            "indicators": {r.indicator.code: r.value for r in regime.readings} if regime is not None else {},
            # what each value is worth: a stale or bundled-sample value is not a reading of that day
            "status": {r.indicator.code: str(r.status) for r in regime.readings} if regime is not None else {},
            "as_of": {r.indicator.code: r.as_of.isoformat() if r.as_of else None for r in regime.readings}
            if regime is not None else {},
            "stale": list(regime.stale) if regime is not None else [],
            "baskets": baskets}


def regime_text(day: date, regime, lang: str) -> str:
    """``09.11.2022  Marktlage: angespannt (5 von 11)``: printed when the regime changes."""
    from riskwatch.commands.check_market import regime_phrase, regime_unavailable

    if regime is None or regime.level is None:
        return f"{fmt_date(day, lang)}  {regime_unavailable(lang)}"
    doc = {"level": regime.level_code, "count": regime.count, "indicators": regime.readings}
    return f"{fmt_date(day, lang)}  {regime_phrase(doc, lang, calm=True)}"


_METRICS = {
    "drop_from_high:30D": ("drop from the 30-day high", "Rückgang vom 30-Tage-Hoch"),
    "drawdown": ("drawdown from peak", "Drawdown vom Höchststand"),
    "price_age": ("price age", "Kursalter"),
    "return:30D": ("30-day return", "30-Tage-Rendite"),
    "regime_level": ("market regime level", "Stufe der Marktlage"),
    "regime_count": ("market indicators beyond their thresholds", "Marktindikatoren über der Schwelle"),
}
_KINDS = {"fired": "ausgelöst", "escalated": "verschärft", "deescalated": "abgeschwächt", "resolved": "beendet",
          "acknowledged": "quittiert", "snoozed": "stummgeschaltet", "snooze_ended": "Stummschaltung beendet"}
_SEVERITIES = {"info": ("Info", "Hinweis"), "warning": ("Warning", "Warnung"), "critical": ("Critical", "Kritisch")}
#: The messages of this module, for lupdate: their German is in the translation file (context "Cli").
_MESSAGES = (
    QT_TRANSLATE_NOOP("Cli", "Replay {start} to {end}: {days} day(s), {events} alert event(s)."),
    QT_TRANSLATE_NOOP("Cli", "threshold"),
    QT_TRANSLATE_NOOP("Cli", "portfolio"),
)


def _t(text: str, lang: str) -> str:
    return Texts(lang).cli(text)


def _fmt(metric: str, value, lang: str) -> str:
    if value is None:
        return "–"
    if metric.partition(":")[0] == "price_age":
        return fmt_number(value / 60.0, 0, lang) + " min"
    if metric in ("regime_level", "regime_count"):   # a level or a count, not a fraction
        return fmt_number(value, 0, lang)
    if abs(value) <= 10:
        return fmt_percent(value, 1, lang)
    return fmt_number(value, 2, lang)


def event_text(day: date, e, lang: str) -> str:
    """``04.11.2025  Warnung   BTC  Rückgang vom 30-Tage-Hoch −18,6 % (Schwellwert −17,0 %) – ausgelöst: BTC 17 % …``"""
    de = lang == "de"
    sev = _SEVERITIES.get(e.severity.value, (e.severity.value, e.severity.value))[1 if de else 0]
    metric = _METRICS.get(e.metric, (e.metric, e.metric))[1 if de else 0]
    kind = _KINDS.get(e.kind.value, e.kind.value) if de else e.kind.value.replace("_", " ")
    member = _t("portfolio", lang) if e.member == "portfolio" else e.member
    return (f"{fmt_date(day, lang)}  {sev:<9} {member:<9} {metric} {_fmt(e.metric, e.value, lang)} "
            f"({_t('threshold', lang)} {_fmt(e.metric, e.threshold, lang)}) – {kind}: {e.rule_name}")
