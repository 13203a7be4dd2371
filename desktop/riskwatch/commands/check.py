"""`riskwatch check [--offline] [--json]`: one monitoring cycle, Nagios/Icinga plugin exit codes.

0 OK (nothing above info), 1 WARNING, 2 CRITICAL, 3 UNKNOWN (could not evaluate: no data at all, no
positions, broken store). Running it twice in a row does not fire the same alert twice.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import sys

from riskwatch.i18n import cli_language, fmt_number, fmt_percent

OK, WARNING, CRITICAL, UNKNOWN = 0, 1, 2, 3
STATUS = {OK: "OK", WARNING: "WARNING", CRITICAL: "CRITICAL", UNKNOWN: "UNKNOWN"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="run one monitoring cycle (exit codes as Nagios plugins)",
                       description="Run one monitoring cycle: fetch prices (unless --offline), compute the risk "
                                   "figures, evaluate the alert rules and report.",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       epilog="exit codes (as Nagios/Icinga plugins):\n"
                              "  0  OK        no active alert above info\n"
                              "  1  WARNING   at least one active warning\n"
                              "  2  CRITICAL  at least one active critical alert\n"
                              "  3  UNKNOWN   could not evaluate: no positions, no data, or the store is unusable")
    p.add_argument("--offline", action="store_true", help="do not fetch; evaluate stored (or bundled) prices")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=run)


def exit_code_for(active) -> int:
    sev = {a.severity.value if hasattr(a.severity, "value") else str(a.severity) for a in active}
    if "critical" in sev:
        return CRITICAL
    if "warning" in sev:
        return WARNING
    return OK


def run(args) -> int:
    from riskwatch.adapters.clock import SystemClock
    from riskwatch.app import build_monitor, open_store
    from riskwatch.domain.errors import RiskWatchError, StoreError

    from riskwatch.cli import warn_damaged_row

    try:
        store = open_store(args, on_damaged_row=warn_damaged_row)
    except StoreError as exc:
        return _unknown(args, f"store unusable: {exc}")
    try:
        clock = SystemClock()
        try:
            monitor = build_monitor(store, clock, args=args, offline=args.offline)
        except RiskWatchError as exc:
            return _unknown(args, str(exc))
        portfolio = store.portfolio()
        if not portfolio.positions:
            asyncio.run(monitor.aclose())
            return _unknown(args, "no positions to evaluate (import some with: riskwatch positions import FILE)")

        async def cycle():
            try:
                return await monitor.run_cycle(offline=args.offline)
            finally:  # the Monitor closes what it owns (feeds, signal sources), once
                await monitor.aclose()

        result = asyncio.run(cycle())
    except StoreError as exc:
        return _unknown(args, f"store unusable: {exc}")
    finally:
        store.close()
    if not result.has_data:
        code = UNKNOWN
    else:
        code = exit_code_for(result.active)
    doc = finite_json(to_json(result, code))
    if args.json:
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False) + "\n")
    else:
        print_human(doc)
    return code


def _unknown(args, message: str) -> int:
    if getattr(args, "json", False):
        sys.stdout.write(json.dumps({"status": "UNKNOWN", "exit_code": UNKNOWN, "message": message}) + "\n")
    else:
        print(f"RISKWATCH UNKNOWN - {message}")
    return UNKNOWN


def _iso(ts):
    return ts.isoformat() if ts is not None else None


def _event(e) -> dict:
    return {"kind": str(e.kind.value if hasattr(e.kind, "value") else e.kind), "alert_key": e.alert_key,
            "rule": e.rule_key, "name": e.rule_name, "severity": str(getattr(e.severity, "value", e.severity)),
            "asset": e.member, "metric": e.metric, "value": e.value, "threshold": e.threshold, "ts": _iso(e.ts),
            "code": e.code}


def _active(a) -> dict:
    return {"alert_key": a.alert_key, "severity": str(getattr(a.severity, "value", a.severity)),
            "asset": a.member, "metric": a.metric, "value": a.last_value, "threshold": a.threshold,
            "fired_at": _iso(a.fired_at), "acknowledged": a.acknowledged, "name": a.rule_name, "code": a.code}


def to_json(result, code: int) -> dict:
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
        doc["sources"] = {k: {"state": str(getattr(v.state, "value", v.state)),
                              "problem": getattr(v, "problem", None) or getattr(v, "code", None)}
                          for k, v in market.sources.items()}
        doc["errors"] = {k: {"code": v.code, "message": v.message} for k, v in market.errors.items()}
        doc["rejected_values"] = dict(market.rejected)
    doc["liquidity"] = _liquidity(getattr(result, "liquidity", None) or {})
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


def print_human(doc: dict) -> None:
    lang = cli_language()
    de = lang == "de"
    active = doc["active_alerts"]
    head = f"RISKWATCH {doc['status']}"
    if active:
        parts = [f"{a['asset']} {a['metric']} {fmt_percent(a['value'], 1, lang) if a['value'] is not None and abs(a['value']) < 10 else fmt_number(a['value'], 0, lang)}"
                 for a in active]
        head += " - " + ("; ".join(parts))
    else:
        head += " - " + ("keine aktiven Alarme" if de else "no active alerts")
    pf = doc["portfolio"]
    if pf:
        head += (f" | value={pf['value'] or 0:.2f}{doc['base_currency']} drawdown={pf['drawdown'] or 0:.4f} "
                 f"drop30d={pf['drop_from_30d_high'] or 0:.4f}")
    print(head)
    for e in doc["new_events"]:
        print(("  neu: " if de else "  new: ") + f"{e['kind']} {e['severity']} {e['asset']} {e['metric']} "
              f"{fmt_percent(e['value'], 1, lang) if e['value'] is not None and abs(e['value']) < 10 else e['value']}")
    for a in doc["assets"]:
        age = a["price_age_s"]
        age_txt = "–" if age is None else (f"{age / 60:.0f} min" if age < 7200 else f"{age / 3600:.0f} h")
        state = "unconfirmed" if a.get("price_unconfirmed") else a["price_state"]
        print(f"  {a['symbol']:<6} {fmt_number(a['price'], 2, lang):>12}  {state:<13} {age_txt:>8}  "
              f"{fmt_percent(a['drop_from_30d_high'], 1, lang):>9}  {fmt_percent(a['drawdown'], 1, lang):>9}")
