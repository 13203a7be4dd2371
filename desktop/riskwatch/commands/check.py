"""`riskwatch check [--offline] [--json] [--timeout S]`: one monitoring cycle, Nagios/Icinga plugin exit codes.

0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (could not evaluate: no data at all, no positions, a broken store, a bad
argument, or a warning/critical rule whose data is stale or did not arrive; precedence CRITICAL > WARNING >
UNKNOWN > OK, see ``commands/check_verdict.py``). ``--timeout`` bounds the whole run (``check_deadline.py``).
The first line is ``RISKWATCH <STATUS> - <what> | <perfdata>`` (``check_perfdata.py``). Running it twice in a
row does not fire the same alert twice.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
import types

from riskwatch.commands.check_deadline import DEFAULT_TIMEOUT_S
from riskwatch.commands.check_verdict import CRITICAL, OK, STATUS, UNKNOWN, WARNING
from riskwatch.domain.catalogue import Unit, spec
from riskwatch.i18n import cli_language, fmt_number, fmt_percent, tr

__all__ = ["CRITICAL", "OK", "STATUS", "UNKNOWN", "WARNING", "finite_json", "register", "run",
           "to_json"]


def _timeout_seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds greater than 0, got '{text}'") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"expected a number of seconds greater than 0, got '{text}'")
    return value


def _usage_error_is_unknown(parser: argparse.ArgumentParser) -> None:
    """A bad argument of ``check`` is UNKNOWN (3) with the reason on the first line of standard output, as the
    plugin guidelines ask (other commands exit 2)."""

    def error(self, message: str):
        self.print_usage(sys.stderr)
        sys.stdout.write(f"RISKWATCH UNKNOWN - {self.prog}: {message}\n")
        sys.stdout.flush()
        self.exit(UNKNOWN, f"{self.prog}: error: {message}\n")

    def parse_known_args(self, args=None, namespace=None):
        ns, extras = type(self).parse_known_args(self, args, namespace)
        if extras:  # otherwise the top-level parser reports them with its exit code 2
            self.error(f"unrecognized arguments: {' '.join(extras)}")
        return ns, extras

    parser.error = types.MethodType(error, parser)
    parser.parse_known_args = types.MethodType(parse_known_args, parser)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="run one monitoring cycle (exit codes as Nagios plugins)",
                       description="Run one monitoring cycle: fetch prices (unless --offline), compute the risk "
                                   "figures, evaluate the alert rules and report.",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       epilog="exit codes (as Nagios/Icinga plugins; CRITICAL > WARNING > UNKNOWN > OK):\n"
                              "  0  OK        no active alert above info\n"
                              "  1  WARNING   at least one active warning on current data\n"
                              "  2  CRITICAL  at least one active critical alert on current data\n"
                              "  3  UNKNOWN   could not evaluate: no positions, no data, the store is unusable,\n"
                              "               a bad argument, or a warning/critical rule's data is stale or\n"
                              "               did not arrive (stale data never counts as WARNING)\n"
                              "The first line is 'RISKWATCH STATUS - text | perfdata' (plugin format:\n"
                              "'label'=value[%|s];warn;crit;min;max).")
    p.add_argument("--offline", action="store_true", help="do not fetch; evaluate stored (or bundled) prices")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--timeout", type=_timeout_seconds, default=DEFAULT_TIMEOUT_S, metavar="SECONDS",
                   help=f"end within this many seconds (default {DEFAULT_TIMEOUT_S:g}); market data that has not "
                        "arrived by then is replaced by the stored prices")
    p.set_defaults(func=run)
    _usage_error_is_unknown(p)


def run(args, *, clock=None) -> int:
    """Run ``check``; ``clock`` (default the system clock) is the time the figures are judged at."""
    started = time.monotonic()
    from riskwatch.adapters.clock import SystemClock
    from riskwatch.app import build_monitor, open_store
    from riskwatch.cli import warn_damaged_row
    from riskwatch.commands.check_deadline import DeadlineExceeded, run_cycle_within
    from riskwatch.domain.errors import RiskWatchError, StoreError

    timeout_s = float(getattr(args, "timeout", None) or DEFAULT_TIMEOUT_S)
    try:
        store = open_store(args, on_damaged_row=warn_damaged_row)
    except StoreError as exc:
        return _unknown(args, f"store unusable: {exc}")
    try:
        clock = clock or SystemClock()
        try:
            monitor = build_monitor(store, clock, args=args, offline=args.offline)
        except RiskWatchError as exc:
            return _unknown(args, str(exc))
        portfolio = store.portfolio()
        if not portfolio.positions:
            import asyncio

            asyncio.run(monitor.aclose())
            return _unknown(args, "no positions to evaluate (import some with: riskwatch positions import FILE)")
        try:
            bounded = run_cycle_within(monitor, offline=args.offline, timeout_s=timeout_s, started=started)
        except DeadlineExceeded as exc:
            return _unknown(args, f"timed out: {exc}")
        rules = monitor.alerts.rules() if monitor.alerts is not None else []
        from riskwatch.commands.check_fundamentals import fundamentals_json

        fundamentals = fundamentals_json(monitor, store, clock, bounded.result)   # reads the store: before close
    except StoreError as exc:
        return _unknown(args, f"store unusable: {exc}")
    finally:
        store.close()
    from riskwatch.commands.check_market import regime_perfdata
    from riskwatch.commands.check_perfdata import perfdata
    from riskwatch.commands.check_verdict import decide
    from riskwatch.services.monitor import HISTORY_DAYS

    result = bounded.result
    degraded = bounded.timed_out or _a_source_is_down(result.market)
    verdict = decide(result.report, result.active, rules, has_data=result.has_data, degraded=degraded)
    doc = to_json(result, verdict.code)
    doc["fundamentals"] = fundamentals
    doc.update(timeout_s=timeout_s, timed_out=bounded.timed_out, fetch_budget_s=bounded.fetch_budget_s,
               max_drawdown_window_days=HISTORY_DAYS,
               stale=[{"asset": a, "since": _iso(t)} for a, t in verdict.stale],
               unavailable=[{"asset": m, "metric": k} for m, k in verdict.unavailable],
               alerts_on_stale_data=[a.alert_key for a in verdict.not_counted],
               perfdata=" ".join(filter(None, (perfdata(result.report, rules, max_drawdown_days=HISTORY_DAYS),
                                               regime_perfdata(result.report.snapshot, rules)))))
    _name_the_drawdown_window(doc, HISTORY_DAYS)
    doc = finite_json(doc)
    if args.json:
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False) + "\n")
    else:
        print_human(doc, counted={a.alert_key for a in verdict.counted})
    return verdict.code


def _a_source_is_down(market) -> bool:
    """A market-data source did not answer at all in this cycle (its figures are missing for that reason)."""
    if market is None:
        return False
    return any(s.state == "offline" for s in market.sources.values())


def _name_the_drawdown_window(doc: dict, days: int) -> None:
    """``max_drawdown`` is the deepest drawdown within the last ``days`` days of history the cycle loads, not
    over all stored history: the same figure also under a name that says so."""
    if doc.get("portfolio"):
        doc["portfolio"][f"max_drawdown_{days}d"] = doc["portfolio"].get("max_drawdown")
    for a in doc.get("assets", ()):
        a[f"max_drawdown_{days}d"] = a.get("max_drawdown")


def _unknown(args, message: str) -> int:
    if getattr(args, "json", False):
        sys.stdout.write(json.dumps({"status": "UNKNOWN", "exit_code": UNKNOWN, "message": message}) + "\n")
    else:
        print(f"RISKWATCH UNKNOWN - {message}")
    return UNKNOWN


def _iso(ts):
    return ts.isoformat() if ts is not None else None


def _event(e) -> dict:
    return {"kind": str(e.kind), "alert_key": e.alert_key,
            "rule": e.rule_key, "name": e.rule_name, "severity": str(e.severity),
            "asset": e.member, "metric": e.metric, "value": e.value, "threshold": e.threshold, "ts": _iso(e.ts),
            "data_as_of": _iso(e.data_as_of), "code": e.code}


def _active(a) -> dict:
    return {"alert_key": a.alert_key, "severity": str(a.severity),
            "asset": a.member, "metric": a.metric, "value": a.last_value, "threshold": a.threshold,
            "fired_at": _iso(a.fired_at), "data_as_of": _iso(a.data_as_of), "stale_since": _iso(a.stale_since),
            "acknowledged": a.acknowledged, "name": a.rule_name, "code": a.code}


def to_json(result, code: int) -> dict:
    from riskwatch.commands.check_market import liquidity_only, market_json

    rep = result.report
    pf = rep.portfolio
    market = result.market
    doc = {
        "status": STATUS[code], "exit_code": code, "ts": _iso(rep.ts), "base_currency": rep.base_currency,
        "offline": result.offline, "online": rep.snapshot.online,
        "portfolio": None if pf is None else {
            "value": pf.value, "cost": pf.cost, "pnl": pf.pnl, "pnl_pct": pf.pnl_pct, "drawdown": pf.drawdown,
            "drop_from_30d_high": pf.drop_from_high, "max_drawdown": pf.max_drawdown, "var_95_daily": pf.var_95,
            "es_95_daily": pf.es_95, "var_95_money": pf.var_95_money, "es_95_money": pf.es_95_money,
            "largest_position": pf.largest_symbol, "largest_weight": pf.largest_weight, "hhi": pf.hhi,
            "miner_beta_btc": pf.miner_beta_btc, "metrics": _catalogue_metrics(rep.snapshot, "portfolio")},
        "assets": [{
            "symbol": a.symbol, "kind": a.asset.kind.value, "quantity": a.quantity, "price": a.price,
            "price_time": _iso(a.price_ts), "price_source": a.price_source, "price_state": a.price_state,
            "price_age_s": a.price_age_s, "history_source": result.history_sources.get(a.symbol),
            "value": a.value, "pnl": a.pnl, "pnl_pct": a.pnl_pct, "weight": a.weight, "change_24h": a.change_24h,
            "drop_from_30d_high": a.drop_from_high, "drawdown": a.drawdown, "max_drawdown": a.max_drawdown,
            "volatility_90d": a.volatility, "var_95_daily": a.var_95, "es_95_daily": a.es_95,
            "beta_btc_90d": a.beta_btc, "corr_btc_90d": a.corr_btc, "beta_qqq_90d": a.beta_qqq,
            "metrics": _catalogue_metrics(rep.snapshot, a.symbol),
            "price_unconfirmed": getattr(a, "unconfirmed", False),
            "unconfirmed_quote": _unconfirmed_price(market, a.symbol)}
            for a in rep.assets],
        "missing_prices": list(rep.missing),
        "new_events": [_event(e) for e in result.events],
        "active_alerts": [_active(a) for a in result.active],
        "future_bars": dict(getattr(result, "future_bars", None) or {}),   # ignored: dated after now + 1 day
    }
    if market is not None:
        doc["sources"] = {k: {"state": str(v.state),
                              "problem": getattr(v, "problem", None) or getattr(v, "code", None)}
                          for k, v in market.sources.items()}
        doc["errors"] = {k: {"code": v.code, "message": v.message} for k, v in market.errors.items()}
        doc["rejected_values"] = dict(market.rejected)
    doc["liquidity"] = _liquidity(liquidity_only(getattr(result, "liquidity", None) or {}))
    doc["market"] = market_json(result, _catalogue_metrics)
    return doc


def _catalogue_metrics(snapshot, scope: str) -> dict:
    """Every catalogue figure of a scope under its snapshot key (``"var_99"``, ``"return:7D"`` …), in catalogue
    order; ``null`` when unavailable. The named fields above stay for existing consumers."""
    from riskwatch.domain.catalogue import Scope, computed

    kind = Scope.PORTFOLIO if scope == "portfolio" else Scope.ASSET
    out = {}
    for sp in computed(kind):
        for window in sp.windows or (None,):
            key = f"{sp.code}:{window}" if window else sp.code
            mv = snapshot.get(scope, key)
            out[key] = mv.value if mv is not None else None
    return out


def _unconfirmed_price(market, symbol: str):
    quote = (getattr(market, "unconfirmed", None) or {}).get(symbol)
    return quote.price if quote is not None else None


def finite_json(doc: dict) -> dict:
    """``doc`` with every non-finite float (inf, NaN: not JSON) replaced by ``null``; their paths are listed
    under ``"non_finite"`` (e.g. ``"assets.0.beta_btc_90d"``) so that a consumer sees why a figure is null."""
    bad: list[str] = []

    def walk(x, path: str):
        if isinstance(x, float) and not math.isfinite(x):
            bad.append(path)
            return None
        if isinstance(x, dict):
            return {k: walk(v, f"{path}.{k}" if path else str(k)) for k, v in x.items()}
        if isinstance(x, (list, tuple)):
            return [walk(v, f"{path}.{i}") for i, v in enumerate(x)]
        return x

    out = walk(doc, "")
    out["non_finite"] = bad
    return out


def _liquidity(values) -> dict:
    """``{scope: {metric: value, ..., "unavailable": {metric: {"status", "detail"}}}}``: a number for every
    available signal; an unavailable one is ``null`` with its status (missing / invalid / error) and detail."""
    out: dict = {}
    for (scope, metric), mv in sorted(values.items()):
        entry = out.setdefault(scope, {"unavailable": {}})
        ok = mv.value is not None and mv.status == "ok"
        entry[metric] = mv.value if ok else None
        if not ok:
            entry["unavailable"][metric] = {"status": mv.status, "detail": mv.detail}
    return out


def print_human(doc: dict, counted: set | None = None) -> None:
    """First line: ``RISKWATCH <STATUS> - <alerts>; <what is stale since when>; … | <perfdata>``; then the new
    events and one line per asset. ``counted``: the alert keys the exit code counts (default: all)."""
    from riskwatch.commands.check_market import regime_phrase
    from riskwatch.commands.check_verdict import stale_phrase, timeout_phrase, unavailable_phrase

    lang = cli_language()
    active = [a for a in doc["active_alerts"] if counted is None or a["alert_key"] in counted]
    parts = [f"{a['asset']} {a['metric']} {_fmt_value(a['value'], a['metric'], lang)}" for a in active]
    if doc.get("stale"):
        parts.append(stale_phrase([(s["asset"], s["since"]) for s in doc["stale"]], lang))
    if doc.get("unavailable"):
        parts.append(unavailable_phrase(doc["unavailable"], lang))
    if doc.get("timed_out"):
        parts.append(timeout_phrase(doc.get("fetch_budget_s") or 0.0, lang))
    if not parts:
        parts.append(tr("no active alerts", lang))
    regime = regime_phrase((doc.get("market") or {}).get("regime"), lang)
    if regime:
        parts.append(regime)
    head = f"RISKWATCH {doc['status']} - " + "; ".join(parts)
    if doc.get("perfdata"):
        head += " | " + doc["perfdata"]
    print(head)
    for e in doc["new_events"]:
        print("  " + tr("new: ", lang) + f"{e['kind']} {e['severity']} {e['asset']} {e['metric']} "
              f"{_fmt_value(e['value'], e['metric'], lang)}")
    for a in doc["assets"]:
        age = a["price_age_s"]
        age_txt = "–" if age is None else (f"{age / 60:.0f} min" if age < 7200 else f"{age / 3600:.0f} h")
        state = "unconfirmed" if a.get("price_unconfirmed") else a["price_state"]
        print(f"  {a['symbol']:<6} {fmt_number(a['price'], 2, lang):>12}  {state:<13} {age_txt:>8}  "
              f"{fmt_percent(a['drop_from_30d_high'], 1, lang):>9}  {fmt_percent(a['drawdown'], 1, lang):>9}")


def _fmt_value(value, metric_key: str, lang: str) -> str:
    """A value in its catalogue unit: fractions in percent, everything else as a number."""
    if value is None:
        return "–"
    sp = spec(metric_key.partition(":")[0])
    if sp is not None and sp.unit is Unit.FRACTION:
        return fmt_percent(value, 1, lang)
    return fmt_number(value, 2 if abs(value) < 100 else 0, lang)
