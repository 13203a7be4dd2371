"""The exit code of ``check`` and the words of its first line: which alerts count, what is stale since when.

Precedence (the usual Nagios plugin convention): CRITICAL > WARNING > UNKNOWN > OK.

* An active alert counts with its severity while the figure it watches is usable now. When that figure is
  *stale* (its inputs are older than their limit, ``MetricValue.status == "stale"``), or unavailable because a
  source did not answer (the exchange is offline, or the run hit ``--timeout``), the alert stays active in the
  store but does not count: stale data is never reported as WARNING or CRITICAL.
* UNKNOWN when no CRITICAL or WARNING counts and an enabled warning or critical rule could not be evaluated for
  one of its members (the portfolio or a held asset): the figure is stale, or (source down / deadline hit)
  unavailable. Info rules never decide
  the exit code. Figures that are unavailable for other reasons (too little history for a beta, an order book
  never fetched in ``--offline`` mode) do not make the run UNKNOWN, as before.
* A figure that is old only because this cycle's quote was held as an unconfirmed jump (the exchange answered;
  the plausibility guard kept the last accepted price) is not treated as stale here: its alert keeps counting.
* UNKNOWN as well when no held asset has a price at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from riskwatch.domain.catalogue import Inputs, spec
from riskwatch.domain.freshness import DataStatus
from riskwatch.domain.model import CRYPTO_KINDS
from riskwatch.domain.rules import ONLINE_ONLY_METRICS, usable_statuses
from riskwatch.domain.snapshot import PORTFOLIO
from riskwatch.i18n import tr
from riskwatch.texts.catalog import QT_TRANSLATE_NOOP

OK, WARNING, CRITICAL, UNKNOWN = 0, 1, 2, 3
STATUS = {OK: "OK", WARNING: "WARNING", CRITICAL: "CRITICAL", UNKNOWN: "UNKNOWN"}
_COUNTED_SEVERITIES = {"warning": WARNING, "critical": CRITICAL}
#: What "unavailable" means for a figure a down source should have delivered.
_UNAVAILABLE = frozenset({DataStatus.MISSING, DataStatus.ERROR})


@dataclass(frozen=True)
class Verdict:
    code: int
    counted: tuple = ()                                   # active alerts (AlertRecords) the code counts
    not_counted: tuple = ()                               # active alerts whose data is stale or unavailable
    stale: tuple[tuple[str, datetime | None], ...] = ()   # (asset or "portfolio", as-of time), oldest first
    unavailable: tuple[tuple[str, str], ...] = ()         # (member, metric key) a down source left empty


def _base(metric_key: str) -> str:
    return metric_key.split(":", 1)[0]


def _condition(snapshot, member: str, metric_key: str, degraded: bool) -> str:
    """``usable``, ``stale``, ``unavailable`` (a down source) or ``other`` (unusable for another reason)."""
    mv = snapshot.get(member, metric_key)
    metric = _base(metric_key)
    if mv is not None and mv.status is DataStatus.STALE and mv.status not in usable_statuses(metric):
        return "stale"
    if mv is None:  # never produced: only a network signal of an exchange-traded asset was due
        return "unavailable" if degraded and network_signal(snapshot, member, metric) else "other"
    if mv.value is None:
        return "unavailable" if degraded and mv.status in _UNAVAILABLE else "other"
    if metric in ONLINE_ONLY_METRICS and not snapshot.online:
        return "unavailable" if degraded else "other"
    if mv.status in usable_statuses(metric) or mv.status is DataStatus.BOUND:  # a bound drop is live
        return "usable"
    return "unavailable" if degraded and mv.status in _UNAVAILABLE else "other"


def network_signal(snapshot, member: str, metric: str) -> bool:
    """A figure only the crypto exchange or the derivatives venue delivers (order books, funding) of a crypto
    asset or the portfolio; other absent figures (a stock's order book, a coin's days to liquidate) never
    exist, whatever the network does."""
    sp = spec(metric)
    if sp is None or sp.inputs not in (Inputs.BOOK, Inputs.DERIVATIVES):
        return False
    asset = snapshot.assets.get(member)
    return member == PORTFOLIO or (asset is not None and asset.kind in CRYPTO_KINDS)


def _held(snapshot, member: str) -> bool:
    """The portfolio or a held asset. A benchmark the user does not hold (BTC, QQQ: priced for beta, often
    from the bundled sample history) does not make the run UNKNOWN; an active alert on it still stops counting
    when its data is stale."""
    return member == PORTFOLIO or member in snapshot.assets


def _held_jumps(report) -> frozenset[str]:
    """Members whose figures are old only because this cycle's quote was held as an unconfirmed jump: the
    exchange answered, the plausibility guard kept the last accepted price. Their alerts keep counting (one bad
    tick never silences an alarm, issue 20) and they do not make the run UNKNOWN."""
    jumps = {a.symbol for a in report.assets if a.unconfirmed}
    if not jumps:
        return frozenset()
    pf = report.portfolio
    stale_holdings = {sym for sym, _ in pf.stale} if pf is not None else set()
    if pf is not None and stale_holdings <= jumps:
        jumps.add(PORTFOLIO)
    return frozenset(jumps)


def decide(report, active: Sequence, rules: Iterable, *, has_data: bool, degraded: bool) -> Verdict:
    """The verdict of one cycle: ``report`` (RiskReport), ``active`` (AlertRecords after the cycle), the rules,
    whether any price exists and whether a source was down or the deadline hit (``degraded``)."""
    snapshot = report.snapshot
    stale: dict[str, datetime | None] = {}
    unavailable: dict[tuple[str, str], None] = {}
    held_jump = _held_jumps(report)

    def condition(member: str, metric_key: str) -> str:
        cond = _condition(snapshot, member, metric_key, degraded)
        return "other" if cond == "stale" and member in held_jump else cond

    def note_stale(member: str, metric_key: str) -> None:
        holdings = report.portfolio.stale if member == PORTFOLIO and report.portfolio else ()
        mv = snapshot.get(member, metric_key)
        entries = tuple(holdings) or ((member, mv.as_of if mv is not None else None),)
        for sym, as_of in entries:
            if sym not in stale or (as_of is not None and (stale[sym] is None or as_of < stale[sym])):
                stale[sym] = as_of

    counted, not_counted = [], []
    for rec in active:
        cond = condition(rec.member, rec.metric)
        if cond in ("stale", "unavailable"):
            not_counted.append(rec)
            if cond == "stale":
                note_stale(rec.member, rec.metric)
            else:
                unavailable[(rec.member, rec.metric)] = None
        else:
            counted.append(rec)
    for rule in rules:
        if not rule.enabled or rule.severity not in _COUNTED_SEVERITIES:
            continue
        for member in rule.scope.members(snapshot):
            if not _held(snapshot, member):
                continue
            cond = condition(member, rule.metric_key)
            if cond == "stale":
                note_stale(member, rule.metric_key)
            elif cond == "unavailable":
                unavailable[(member, rule.metric_key)] = None
    code = max((_COUNTED_SEVERITIES.get(str(a.severity), OK) for a in counted), default=OK)
    if code == OK and (stale or unavailable or not has_data):
        code = UNKNOWN
    order = sorted(stale.items(), key=lambda kv: (kv[1] is None, kv[1].timestamp() if kv[1] else 0.0, kv[0]))
    return Verdict(code, tuple(counted), tuple(not_counted), tuple(order), tuple(unavailable))


# -- words ------------------------------------------------------------------------------------------------------
_MESSAGES = (
    QT_TRANSLATE_NOOP("Cli", "no active alerts"),
    QT_TRANSLATE_NOOP("Cli", "data stale: {items}"),
    QT_TRANSLATE_NOOP("Cli", "{asset} since {time}"),
    QT_TRANSLATE_NOOP("Cli", "since an unknown time"),
    QT_TRANSLATE_NOOP("Cli", "unavailable: {items}"),
    QT_TRANSLATE_NOOP("Cli", "market data timed out after {seconds} s, figures from stored prices"),
    QT_TRANSLATE_NOOP("Cli", "new: "),
)


def fmt_utc(ts: datetime | None, lang: str) -> str:
    """``2025-11-29 00:00 UTC`` (German: ``29.11.2025 00:00 UTC``)."""
    if ts is None:
        return tr("since an unknown time", lang)
    return ts.strftime("%d.%m.%Y %H:%M UTC" if lang == "de" else "%Y-%m-%d %H:%M UTC")


def stale_phrase(stale: Sequence[tuple[str, str | None]], lang: str) -> str:
    """``data stale: BTC since 2025-11-29 00:00 UTC, IREN since …``; ``stale`` holds ISO times (JSON)."""
    items = []
    for asset, iso in stale:
        when = datetime.fromisoformat(iso) if iso else None
        items.append(tr("{asset} since {time}", lang).format(asset=asset, time=fmt_utc(when, lang))
                     if when is not None else f"{asset} {fmt_utc(None, lang)}")
    return tr("data stale: {items}", lang).format(items=", ".join(items))


def unavailable_phrase(unavailable: Sequence[dict], lang: str) -> str:
    items = ", ".join(f"{u['asset']} {u['metric']}" for u in unavailable)
    return tr("unavailable: {items}", lang).format(items=items)


def timeout_phrase(seconds: float, lang: str) -> str:
    from riskwatch.i18n import fmt_number

    return tr("market data timed out after {seconds} s, figures from stored prices", lang).format(
        seconds=fmt_number(seconds, 1, lang))


__all__ = ["CRITICAL", "OK", "STATUS", "UNKNOWN", "Verdict", "WARNING", "decide", "fmt_utc", "network_signal",
           "stale_phrase",
           "timeout_phrase", "unavailable_phrase"]
