"""The miner balance sheets in ``riskwatch check --json``: ``"fundamentals"``, one object per held miner.

Per miner: the reported figures that count (value, period end, the filing — form, accession, filing date,
concept — and ``source`` ``edgar`` or ``entered``), the derived figures at this cycle's price, the catalogue
metrics as the rules saw them (value, status, as-of, detail), the AI/HPC contracts and the entered debt
maturities. The figures are the ones the fundamentals signal source computed in the cycle; when the monitor runs
without that source, they are computed here from the same store.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from riskwatch.domain.errors import RiskWatchError
from riskwatch.domain.fundamentals import FIGURES, Contract, Fact, Maturity, is_stale

log = logging.getLogger(__name__)


def _iso(x):
    return x.isoformat() if x is not None else None


def fact_json(fact: Fact | None) -> dict | None:
    if fact is None:
        return None
    return {"value": fact.value, "period_end": _iso(fact.period_end), "filed": _iso(fact.filed), "form": fact.form,
            "accession": fact.accession, "concept": fact.concept, "source": fact.source, "note": fact.note}


def contract_json(c: Contract) -> dict:
    return {"counterparty": c.counterparty, "value_usd": c.value_usd, "term_years": c.term_years,
            "start": _iso(c.start), "source": c.source, "note": c.note}


def maturity_json(m: Maturity) -> dict:
    return {"due": _iso(m.due), "amount_usd": m.amount_usd, "note": m.note}


def miner_json(figures, now) -> dict:
    """One miner's object (``figures``: a ``services.fundamentals_source.MinerFundamentals``)."""
    sheet = figures.sheet
    return {
        "period_end": _iso(sheet.period_end), "stale": is_stale(sheet.period_end, now),
        "price_usd": figures.price_usd,
        "facts": {code: fact_json(sheet.fact(code)) for code in FIGURES},
        "derived": dict(figures.derived),
        "metrics": {code: {"value": mv.value, "status": str(mv.status), "as_of": _iso(mv.as_of), "detail": mv.detail}
                    for (_, code), mv in figures.values.items()},
        "contracts": [contract_json(c) for c in figures.contracts],
        "maturities": [maturity_json(m) for m in figures.maturities],
    }


def _source_of(sources: Iterable):
    from riskwatch.services.fundamentals_source import FundamentalsSource

    return next((s for s in sources if isinstance(s, FundamentalsSource)), None)


def fundamentals_json(monitor, store, clock, result) -> dict:
    """``{symbol: miner object}`` for every held miner; ``{}`` without miners. A store failure gives
    ``{"error": code}`` for that miner — ``check`` itself never fails on it."""
    from riskwatch.fundamentals_wiring import build_fundamentals_source

    report = result.report
    miners = sorted(sym for sym, asset in report.snapshot.assets.items() if asset.is_miner)   # held ones
    if not miners:
        return {}
    source = _source_of(getattr(monitor, "signal_sources", ()))
    now = clock.now()
    out: dict = {}
    for symbol in miners:
        try:
            figures = source.latest.get(symbol) if source is not None else None
            if figures is None:
                source = source or build_fundamentals_source(store, clock)
                figures = source.figures(symbol, report, now)
            out[symbol] = miner_json(figures, now)
        except RiskWatchError as exc:
            log.warning("fundamentals of %s unavailable in check: %s", symbol, exc)
            out[symbol] = {"error": getattr(exc, "code", None) or type(exc).__name__}
    return out


__all__ = ["contract_json", "fact_json", "fundamentals_json", "maturity_json", "miner_json"]
