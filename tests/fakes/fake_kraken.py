"""A loopback HTTP server that speaks Kraken's REST dialect (public and two private endpoints), with faults.

Real ccxt runs against it end to end: point ``exchange.urls['api']['public']`` (and ``private``) at
:attr:`FakeKraken.url`; ccxt appends ``/0/public/<Endpoint>``. Served endpoints: Time, Assets, AssetPairs,
Ticker, OHLC (honours ``since``, at most ``ohlc_max_rows`` rows per call plus ``last``) and Depth. Response
shapes follow ccxt's recorded Kraken fixtures (shared/data/ccxt).

Private endpoints (POST): Balance and BalanceEx. They answer only a request signed as Kraken (and ccxt)
signs it: header ``API-Key`` equal to the configured key, header ``API-Sign`` =
base64(HMAC-SHA512(base64decode(secret), path + SHA256(nonce + postdata))), and a nonce greater than the
last one seen for the key. Configure with :meth:`FakeKraken.set_credentials` and
:meth:`FakeKraken.set_balances` (Kraken asset ids such as ``XXBT``, amounts as strings). Errors come as Kraken
sends them, ``{"error":["EAPI:Invalid key"],"result":{}}``: wrong or missing key -> ``EAPI:Invalid key``,
bad signature -> ``EAPI:Invalid signature``, a key without the "query_funds" permission ->
``EGeneral:Permission denied``, a nonce not above the previous one -> ``EAPI:Invalid nonce``.

Price data is synthetic and deterministic: a random walk per pair and interval, anchored at the
series start, so a bar's values never change when the clock moves on (only the current, in-progress
bar grows). Override with :meth:`FakeKraken.set_price` (ticker) or :meth:`FakeKraken.set_daily_bars`.

Fault injection, per endpoint or ``"*"``::

    server.inject("Ticker", "500", times=2)          # two HTTP 500, then normal answers
    server.inject("OHLC", "latency", seconds=0.1)    # forever, until clear_faults()

Fault kinds: 500, 502 (HTML body), 503, 429, lockout (EGeneral:Temporary lockout), rate_limit
(EAPI:Rate limit exceeded), unavailable (EService:Unavailable), unknown_pair (ccxt: ExchangeError),
invalid_pair (ccxt: BadSymbol), invalid_args, timeout
(hangs ``seconds``, default 30, released by stop()), reset (connection closed without answer),
malformed (200 with truncated JSON), empty (200 with an empty result), zero / negative / nan (every price
0 / negated / "nan"; with ``pairs=[...]`` only those pairs' prices), no_last (Ticker entries without the
last-trade field ``c``; also takes ``pairs``), spike (every price × ``factor``, default 10, as one
self-consistent glitch: last, bid, ask and the day's range alike; also takes ``pairs``; injected on "Ticker"
the order book and the bars stay right), latency (``seconds`` extra delay, then a normal answer); for private endpoints also
invalid_key, invalid_signature, permission and nonce (the matching Kraken error, whatever was signed).
``server.latency`` adds a delay to every request. ``server.rate_limit = (n, seconds)`` refuses (rate_limit) a
request with more than n requests in the sliding window of ``seconds`` up to its arrival, itself included.

Every request is logged with its arrival time (``time.monotonic()``), endpoint, query parameters (for
private calls the form fields), the status sent and the fault applied: :meth:`FakeKraken.requests`.
Header values are never recorded: ``RequestRecord.auth_headers`` only names the authentication headers
that were present and ``RequestRecord.signature_ok`` says whether the signature checked out.

Use the pytest fixture ``fake_kraken`` (import it into a test module or conftest) or the context
manager ``with FakeKraken() as server: ...``. Run it by hand for the GUI::

    python -m tests.fakes.fake_kraken --port 8799   # then: riskwatch --exchange-api-url http://127.0.0.1:8799
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import hmac
import json
import math
import random
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import formatdate
from urllib.parse import parse_qs, urlparse

from tests.fakes.loopback import Fault, LoopbackExchange, QuietHandler

try:  # the fixture is optional: the server also runs as a plain script
    import pytest
except ImportError:  # pragma: no cover
    pytest = None  # type: ignore[assignment]

DAY = 86400


@dataclass(frozen=True)
class PairSpec:
    pair_id: str
    altname: str
    wsname: str
    base: str
    quote: str


@dataclass(frozen=True)
class RequestRecord:
    t: float                 # time.monotonic() at arrival
    endpoint: str            # e.g. "Ticker"
    path: str
    params: dict
    status: int
    fault: str | None
    auth_headers: tuple[str, ...] = ()   # names of the authentication headers present (never their values)
    signature_ok: bool | None = None     # private calls: did API-Key and API-Sign check out


ASSETS = {  # id -> (altname, decimals)
    "XXBT": ("XBT", 10), "XETH": ("ETH", 10), "SOL": ("SOL", 10), "USDT": ("USDT", 8), "USDC": ("USDC", 8),
    "XLTC": ("LTC", 10), "XXRP": ("XRP", 8), "ADA": ("ADA", 8), "DOT": ("DOT", 10), "LINK": ("LINK", 10),
    "AVAX": ("AVAX", 10), "ZUSD": ("USD", 4), "ZEUR": ("EUR", 4),
    # the rest of the CoinDesk-20-like basket (Kraken's ids: only XLM keeps the old X prefix)
    "XXLM": ("XLM", 8), "SUI": ("SUI", 8), "HBAR": ("HBAR", 8), "BCH": ("BCH", 10), "UNI": ("UNI", 10),
    "APT": ("APT", 10), "NEAR": ("NEAR", 10), "ICP": ("ICP", 10), "AAVE": ("AAVE", 10), "FIL": ("FIL", 10),
    "POL": ("POL", 10),
}

PAIRS: tuple[PairSpec, ...] = (
    PairSpec("XXBTZUSD", "XBTUSD", "XBT/USD", "XXBT", "ZUSD"),
    PairSpec("XXBTZEUR", "XBTEUR", "XBT/EUR", "XXBT", "ZEUR"),
    PairSpec("XBTUSDT", "XBTUSDT", "XBT/USDT", "XXBT", "USDT"),
    PairSpec("XETHZUSD", "ETHUSD", "ETH/USD", "XETH", "ZUSD"),
    PairSpec("XETHZEUR", "ETHEUR", "ETH/EUR", "XETH", "ZEUR"),
    PairSpec("SOLUSD", "SOLUSD", "SOL/USD", "SOL", "ZUSD"),
    PairSpec("XLTCZUSD", "LTCUSD", "LTC/USD", "XLTC", "ZUSD"),
    PairSpec("XXRPZUSD", "XRPUSD", "XRP/USD", "XXRP", "ZUSD"),
    PairSpec("ADAUSD", "ADAUSD", "ADA/USD", "ADA", "ZUSD"),
    PairSpec("DOTUSD", "DOTUSD", "DOT/USD", "DOT", "ZUSD"),
    PairSpec("LINKUSD", "LINKUSD", "LINK/USD", "LINK", "ZUSD"),
    PairSpec("AVAXUSD", "AVAXUSD", "AVAX/USD", "AVAX", "ZUSD"),
    PairSpec("USDTZUSD", "USDTZUSD", "USDT/USD", "USDT", "ZUSD"),
    PairSpec("USDCUSD", "USDCUSD", "USDC/USD", "USDC", "ZUSD"),
    PairSpec("ZEURZUSD", "EURUSD", "EUR/USD", "ZEUR", "ZUSD"),
    PairSpec("XXLMZUSD", "XLMUSD", "XLM/USD", "XXLM", "ZUSD"),
    *(PairSpec(f"{a}USD", f"{a}USD", f"{a}/USD", a, "ZUSD")
      for a in ("SUI", "HBAR", "BCH", "UNI", "APT", "NEAR", "ICP", "AAVE", "FIL", "POL")),
)

# Primary series: (start price, daily volatility of log returns). Derived pairs are ratios of these.
_PRIMARY = {
    "XXBTZUSD": (60000.0, 0.025), "XETHZUSD": (3000.0, 0.04), "SOLUSD": (150.0, 0.05),
    "XLTCZUSD": (80.0, 0.04), "XXRPZUSD": (0.6, 0.05), "ADAUSD": (0.5, 0.05), "DOTUSD": (7.0, 0.05),
    "LINKUSD": (15.0, 0.05), "AVAXUSD": (30.0, 0.05),
    "USDTZUSD": (1.0, 0.0005), "USDCUSD": (1.0, 0.0003), "ZEURZUSD": (1.08, 0.004),
    "XXLMZUSD": (0.1, 0.05), "SUIUSD": (1.5, 0.06), "HBARUSD": (0.07, 0.05), "BCHUSD": (350.0, 0.045),
    "UNIUSD": (8.0, 0.055), "APTUSD": (9.0, 0.06), "NEARUSD": (5.0, 0.055), "ICPUSD": (10.0, 0.055),
    "AAVEUSD": (150.0, 0.055), "FILUSD": (5.0, 0.055), "POLUSD": (0.5, 0.055),
}
_DERIVED = {  # pair -> (numerator, denominator)
    "XXBTZEUR": ("XXBTZUSD", "ZEURZUSD"), "XETHZEUR": ("XETHZUSD", "ZEURZUSD"),
    "XBTUSDT": ("XXBTZUSD", "USDTZUSD"),
}
_CODE = {"XBT": "BTC"}
_MALFORMED = b'{"error":[],"result":{"XXBTZUSD":{"a":["6'
_HTML_502 = (b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway"
             b"</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n")
_ERROR_BODIES = {
    "lockout": "EGeneral:Temporary lockout", "rate_limit": "EAPI:Rate limit exceeded",
    "unavailable": "EService:Unavailable", "unknown_pair": "EQuery:Unknown asset pair",
    "invalid_pair": "EQuery:Invalid asset pair",
    "invalid_args": "EGeneral:Invalid arguments",
}
_PRIVATE_ERRORS = {
    "invalid_key": "EAPI:Invalid key", "invalid_signature": "EAPI:Invalid signature",
    "permission": "EGeneral:Permission denied", "nonce": "EAPI:Invalid nonce",
}
#: what a key needs for the balance endpoints (Kraken's key permission "Query Funds")
QUERY_FUNDS = "query_funds"
DEFAULT_BALANCES = {"XXBT": "0.5000000000", "XETH": "2.5000000000", "USDT": "1500.00000000",
                    "ZUSD": "1000.0000", "ZEUR": "0.0000", "SOL": "0.0000000000"}


def _fmt(x: float) -> str:
    return f"{x:.10f}".rstrip("0").rstrip(".") if math.isfinite(x) else str(x)


def _same(p: float) -> float:
    return p


def _ohlc_row(r: tuple[int, float, float, float, float, float], px: Callable[[float], float]) -> list:
    ts, o, h, lo, c, v = r
    return [ts, _fmt(px(o)), _fmt(px(h)), _fmt(px(lo)), _fmt(px(c)), _fmt(px((o + c) / 2)), _fmt(v), 10]


class FakeKraken(LoopbackExchange):
    """The fake exchange. ``now`` returns epoch seconds (default ``time.time``)."""

    endpoints = ("Time", "Assets", "AssetPairs", "Ticker", "OHLC", "Depth")
    private_endpoints = ("Balance", "BalanceEx")
    rate_limit_ms = 1000  # what ccxt declares for Kraken's public API
    thread_name = "fake-kraken"

    def __init__(self, *, now: Callable[[], float] | None = None, daily_bars: int = 1500,
                 intraday_bars: int = 2000, ohlc_max_rows: int = 720, host: str = "127.0.0.1", port: int = 0):
        super().__init__(now=now, host=host, port=port)
        self.daily_bars = daily_bars
        self.intraday_bars = intraday_bars
        self.ohlc_max_rows = ohlc_max_rows
        self._price_override: dict[str, float] = {}
        self._series: dict[tuple[str, int], tuple[int, list[float]]] = {}  # (pair, minutes) -> (start ts, closes)
        self._explicit_daily: dict[str, list[tuple[int, float, float, float, float, float]]] = {}
        self._bar_cache: dict[tuple[str, int], list[tuple[int, float, float, float, float, float]]] = {}
        self._ohlc_text: dict[tuple[str, int], list[list]] = {}   # formatted OHLC rows, parallel to the bars
        self._origin = int(self.now())
        self.pairs = {p.pair_id: p for p in PAIRS}   # listed (AssetPairs): delete one to unlist it
        #: opt-in (n, seconds): a request with more than n arrivals in the sliding window of ``seconds`` ending at
        #: it gets Kraken's EAPI:Rate limit exceeded (recorded as the fault "rate_limit")
        self.rate_limit: tuple[int, float] | None = None
        self._arrivals: deque[float] = deque()
        self._api_key: str | None = None
        self._api_secret: bytes | None = None
        self._permissions: frozenset[str] = frozenset()
        self._balances: dict[str, str] = dict(DEFAULT_BALANCES)
        self._last_nonce: dict[str, int] = {}

    # -- control ----------------------------------------------------------------------------------
    def set_price(self, pair: str, price: float | None) -> None:
        """Override the ticker's last price of ``pair`` (id, altname or "BTC/USD"); None restores the series."""
        pid = self.resolve_pair(pair)
        with self._lock:
            if price is None:
                self._price_override.pop(pid, None)
            else:
                self._price_override[pid] = float(price)

    def set_daily_bars(self, pair: str, rows: Iterable[tuple[int, float, float, float, float, float]]) -> None:
        """Replace ``pair``'s daily series by explicit rows (ts seconds, open, high, low, close, volume)."""
        pid = self.resolve_pair(pair)
        with self._lock:
            self._explicit_daily[pid] = sorted(rows)
            self._ohlc_text.pop((pid, 1440), None)

    def seed_daily_csv(self, pair: str, path: str, *, end_today: bool = True) -> int:
        """Use a CSV (date,open,high,low,close,volume) as ``pair``'s daily series, shifted to end today."""
        import csv

        rows = []
        with open(path, newline="") as fh:
            for rec in csv.DictReader(fh):
                d = date.fromisoformat(rec["date"])
                ts = int(datetime(d.year, d.month, d.day, tzinfo=UTC).timestamp())
                c = float(rec["close"])
                rows.append((ts, float(rec.get("open") or c), float(rec.get("high") or c),
                             float(rec.get("low") or c), c, float(rec.get("volume") or 0.0)))
        if end_today and rows:
            shift = (int(self.now()) // DAY) * DAY - rows[-1][0]
            rows = [(ts + shift, *rest) for ts, *rest in rows]
        self.set_daily_bars(pair, rows)
        return len(rows)

    def set_credentials(self, api_key: str | None, secret: str | None, *,
                        permissions: Iterable[str] = (QUERY_FUNDS,)) -> None:
        """Accept only this key (secret: base64, as Kraken hands it out); None refuses every private call."""
        with self._lock:
            self._api_key = api_key
            self._api_secret = base64.b64decode(secret) if secret is not None else None
            self._permissions = frozenset(permissions)
            self._last_nonce.clear()

    def set_balances(self, balances: dict[str, str | float]) -> None:
        """Balances by Kraken asset id (``XXBT``, ``ZUSD``, ``USDT`` …); amounts as strings keep their digits."""
        with self._lock:
            self._balances = {k: v if isinstance(v, str) else _fmt(float(v)) for k, v in balances.items()}

    def resolve_pair(self, name: str) -> str:
        for p in PAIRS:
            unified = "/".join(_CODE.get(x, x) for x in p.wsname.split("/"))
            if name in (p.pair_id, p.altname, p.wsname, unified):
                return p.pair_id
        raise KeyError(name)

    def over_rate_limit(self, arrived: float) -> bool:
        """Whether a request arriving at ``arrived`` (``time.monotonic()``) exceeds :attr:`rate_limit`. Every
        arrival counts, refused ones too: a client that ignores the answer and hammers on stays refused."""
        with self._lock:
            if self.rate_limit is None:
                self._arrivals.clear()
                return False
            n, seconds = self.rate_limit
            self._arrivals.append(arrived)
            while self._arrivals and self._arrivals[0] <= arrived - seconds:
                self._arrivals.popleft()
            return len(self._arrivals) > n

    # -- data -------------------------------------------------------------------------------------
    def _primary_closes(self, pid: str, minutes: int, upto: int) -> tuple[int, list[float]]:
        step = minutes * 60
        key = (pid, minutes)
        start_price, daily_vol = _PRIMARY[pid]
        with self._lock:
            if key not in self._series:
                count = self.daily_bars if minutes == 1440 else self.intraday_bars
                start = (self._origin // step) * step - (count - 1) * step
                self._series[key] = (start, [start_price])
            start, closes = self._series[key]
            need = (upto - start) // step + 1
            vol = daily_vol * math.sqrt(minutes / 1440)
            while len(closes) < need:
                rng = random.Random(f"{pid}:{minutes}:{len(closes)}")
                if daily_vol < 0.001:  # pegged: noise around the peg, not a random walk
                    closes.append(start_price * math.exp(rng.gauss(0.0, vol)))
                else:
                    closes.append(closes[-1] * math.exp(rng.gauss(0.0, vol)))
            return start, closes

    def bars(self, pid: str, minutes: int) -> list[tuple[int, float, float, float, float, float]]:
        """All bars of a pair up to the current (in-progress) one: (ts, o, h, l, c, v)."""
        step = minutes * 60
        current = (int(self.now()) // step) * step
        if minutes == 1440 and pid in self._explicit_daily:
            return [r for r in self._explicit_daily[pid] if r[0] <= current]
        with self._lock:
            start, closes = self._closes(pid, minutes, current)
            n = max((current - start) // step + 1, 0)
            cache = self._bar_cache.setdefault((pid, minutes), [])
            for i in range(len(cache), n):
                c = closes[i]
                o = closes[i - 1] if i else c
                rng = random.Random(f"{pid}:{minutes}:hl:{i}")
                spread = abs(math.log(c / o)) * 0.5 + 0.002
                cache.append((start + i * step, o, max(o, c) * (1 + spread * rng.random()),
                              min(o, c) * (1 - spread * rng.random()), c, 10 + 90 * rng.random()))
            return cache[:n]

    def _closes(self, pid: str, minutes: int, upto: int) -> tuple[int, list[float]]:
        if pid not in _DERIVED:
            return self._primary_closes(pid, minutes, upto)
        num, den = _DERIVED[pid]
        start, a = self._primary_closes(num, minutes, upto)
        _, b = self._primary_closes(den, minutes, upto)
        return start, [x / y for x, y in zip(a, b, strict=False)]

    def last_price(self, pid: str) -> float:
        with self._lock:
            if pid in self._price_override:
                return self._price_override[pid]
        return self.bars(pid, 1440)[-1][4]

    # -- responses ---------------------------------------------------------------------------------
    def respond(self, endpoint: str, params: dict[str, str], px: Callable[[float], float] | None = None, *,
                pairs: Iterable[str] | None = None, omit: tuple[str, ...] = ()) -> tuple[int, dict]:
        """The answer to a public request. ``px`` transforms every price (a fault), ``omit`` drops Ticker
        fields; both apply to ``pairs`` only (ids or names; None = all pairs)."""
        hit = None if pairs is None else {self.resolve_pair(p) for p in pairs}

        def px_of(pid: str) -> Callable[[float], float] | None:
            return px if hit is None or pid in hit else None

        def omit_of(pid: str) -> tuple[str, ...]:
            return omit if hit is None or pid in hit else ()

        if endpoint == "Time":
            now = int(self.now())
            return 200, {"error": [], "result": {"unixtime": now, "rfc1123": formatdate(now, usegmt=True)}}
        if endpoint == "Assets":
            return 200, {"error": [], "result": {
                aid: {"aclass": "currency", "altname": alt, "decimals": dec, "display_decimals": min(dec, 5),
                      "status": "enabled"} for aid, (alt, dec) in ASSETS.items()}}
        if endpoint == "AssetPairs":
            return 200, {"error": [], "result": {p.pair_id: self._pair_info(p) for p in self.pairs.values()}}
        names = [n for n in params.get("pair", "").split(",") if n]
        try:
            pids = [self.resolve_pair(n) for n in names]
        except KeyError:
            return 200, {"error": ["EQuery:Unknown asset pair"]}
        if endpoint == "Ticker":
            return 200, {"error": [], "result": {pid: self._ticker(pid, px_of(pid), omit_of(pid))
                                                 for pid in (pids or list(self.pairs))}}
        if not pids:
            return 200, {"error": ["EGeneral:Invalid arguments"]}
        pid = pids[0]
        if endpoint == "OHLC":
            return 200, self._ohlc(pid, params, px_of(pid))
        if endpoint == "Depth":
            return 200, self._depth(pid, params, px_of(pid) or _same)
        return 404, {"error": ["EGeneral:Unknown method"]}

    def check_private(self, path: str, headers, body: str) -> str | None:
        """The Kraken error code for a private request, or None when key, signature and nonce are good."""
        key = headers.get("API-Key")
        sign = headers.get("API-Sign")
        with self._lock:
            if not key or self._api_key is None or not hmac.compare_digest(key, self._api_key):
                return "EAPI:Invalid key"
            form = {k: v[0] for k, v in parse_qs(body, keep_blank_values=True).items()}
            nonce = form.get("nonce", "")
            expected = kraken_signature(path, nonce, body, self._api_secret or b"")
            if not sign or not hmac.compare_digest(sign, expected):
                return "EAPI:Invalid signature"
            try:
                value = int(nonce)
            except ValueError:
                return "EAPI:Invalid nonce"
            if value <= self._last_nonce.get(key, 0):
                return "EAPI:Invalid nonce"
            self._last_nonce[key] = value
            if QUERY_FUNDS not in self._permissions:
                return "EGeneral:Permission denied"
        return None

    def respond_private(self, endpoint: str) -> tuple[int, dict]:
        with self._lock:
            balances = dict(self._balances)
        if endpoint == "Balance":
            return 200, {"error": [], "result": balances}
        if endpoint == "BalanceEx":
            return 200, {"error": [], "result": {k: {"balance": v, "hold_trade": "0"} for k, v in balances.items()}}
        return 404, {"error": ["EGeneral:Unknown method"]}

    @staticmethod
    def _pair_info(p: PairSpec) -> dict:
        return {"altname": p.altname, "wsname": p.wsname, "aclass_base": "currency", "base": p.base,
                "aclass_quote": "currency", "quote": p.quote, "lot": "unit", "cost_decimals": 5,
                "pair_decimals": 1 if p.base == "XXBT" else 5, "lot_decimals": 8, "lot_multiplier": 1,
                "leverage_buy": [], "leverage_sell": [], "fees": [[0, 0.26], [50000, 0.24]],
                "fees_maker": [[0, 0.16], [50000, 0.14]], "fee_volume_currency": "ZUSD", "margin_call": 80,
                "margin_stop": 40, "ordermin": "0.0001", "costmin": "0.5", "tick_size": "0.1",
                "status": "online"}

    def _ticker(self, pid: str, px: Callable[[float], float] | None, omit: tuple[str, ...] = ()) -> dict:
        px = px or _same
        day = self.bars(pid, 1440)
        ts, o, h, lo, c, v = day[-1]
        last = self.last_price(pid)
        prev = day[-2] if len(day) > 1 else day[-1]
        h24, l24 = max(h, prev[2], last), min(lo, prev[3], last)
        vwap = (o + last) / 2
        ticker = {"a": [_fmt(px(last * 1.00005)), "1", "1.000"], "b": [_fmt(px(last * 0.99995)), "2", "2.000"],
                  "c": [_fmt(px(last)), "0.00160710"], "v": [_fmt(v), _fmt(v + prev[5])],
                  "p": [_fmt(px(vwap)), _fmt(px(vwap))], "t": [1200, 2400],
                  "l": [_fmt(px(min(lo, last))), _fmt(px(l24))], "h": [_fmt(px(max(h, last))), _fmt(px(h24))],
                  "o": _fmt(px(o))}
        return {k: val for k, val in ticker.items() if k not in omit}

    def _ohlc(self, pid: str, params: dict[str, str], px: Callable[[float], float] | None) -> dict:
        minutes = int(params.get("interval", "1"))
        if minutes not in (1, 5, 15, 30, 60, 240, 1440, 10080, 21600):
            return {"error": ["EGeneral:Invalid arguments"]}
        rows = self.bars(pid, minutes)
        if "since" in params:
            since = int(float(params["since"]))
            lo = bisect.bisect_right(rows, since, key=lambda r: r[0])
            hi = lo + self.ohlc_max_rows
        else:
            lo, hi = max(len(rows) - self.ohlc_max_rows, 0), len(rows)
        rows = rows[lo:hi]
        current = (int(self.now()) // (minutes * 60)) * minutes * 60
        committed = [r[0] for r in rows if r[0] < current]
        last = committed[-1] if committed else (rows[-1][0] if rows else int(params.get("since", 0)))
        if px is None:  # no price fault: the formatted rows are cached (bars never change once they exist)
            out = self._formatted_rows(pid, minutes, hi)[lo:hi]
        else:
            out = [_ohlc_row(r, px) for r in rows]
        return {"error": [], "result": {pid: out, "last": last}}

    def _formatted_rows(self, pid: str, minutes: int, upto: int) -> list[list]:
        """Kraken's text rows of the first ``upto`` bars (formatting 720 rows costs ~10 ms; cached, it is free,
        which keeps the fake's CPU time out of client benchmarks)."""
        with self._lock:
            text = self._ohlc_text.setdefault((pid, minutes), [])
            if len(text) < upto:
                rows = self.bars(pid, minutes)
                text.extend(_ohlc_row(r, _same) for r in rows[len(text):upto])
            return text

    def _depth(self, pid: str, params: dict[str, str], px: Callable[[float], float]) -> dict:
        count = max(1, min(int(params.get("count", "100")), 500))
        last = self.last_price(pid)
        now = int(self.now())
        rng = random.Random(f"{pid}:depth")
        asks = [[_fmt(px(last * (1 + 0.0001 * (i + 0.5)))), _fmt(0.05 + rng.random() * 2), now] for i in range(count)]
        bids = [[_fmt(px(last * (1 - 0.0001 * (i + 0.5)))), _fmt(0.05 + rng.random() * 2), now] for i in range(count)]
        return {"error": [], "result": {pid: {"asks": asks, "bids": bids}}}

def kraken_signature(path: str, nonce: str, postdata: str, secret: bytes) -> str:
    """API-Sign as Kraken defines it (and ccxt computes it): HMAC-SHA512 of path + SHA256(nonce + postdata)."""
    digest = hashlib.sha256((nonce + postdata).encode()).digest()
    return base64.b64encode(hmac.new(secret, path.encode() + digest, hashlib.sha512).digest()).decode()


class _Handler(QuietHandler):
    fake: FakeKraken
    server_version = "FakeKraken/1.0"

    def do_POST(self) -> None:
        self._handle()

    def _handle(self) -> None:
        fake = self.fake
        arrived = time.monotonic()
        url = urlparse(self.path)
        parts = url.path.strip("/").split("/")
        endpoint = parts[-1] if parts else ""
        params = {k: v[0] for k, v in parse_qs(url.query).items()}
        body = ""
        if self.command == "POST":
            try:
                length = int(self.headers.get("Content-Length") or 0)
            except ValueError:
                length = 0
            raw = self.rfile.read(length) if length > 0 else b""
            body = raw.decode("utf-8", "replace")
        auth = tuple(h for h in ("API-Key", "API-Sign") if self.headers.get(h))
        private = len(parts) >= 3 and parts[0] == "0" and parts[1] == "private"
        if private:
            params = {k: v[0] for k, v in parse_qs(body).items()}
        fault = fake.take_fault(endpoint)
        if fake.over_rate_limit(arrived) and fault is None:
            fault = Fault("rate_limit", None)
        kind = fault.kind if fault else None
        fake.wait(fake.latency)
        if kind == "latency":
            fake.wait(float(fault.params.get("seconds", 0.1)))
        elif kind == "timeout":
            fake.wait(float(fault.params.get("seconds", 30)))
        signature_ok = None
        if private and kind in (None, "latency"):
            problem = fake.check_private(url.path, self.headers, body)
            signature_ok = problem not in ("EAPI:Invalid key", "EAPI:Invalid signature")
            if problem is not None:
                status, payload, content_type = 200, json.dumps({"error": [problem], "result": {}}).encode(), \
                    "application/json"
            else:
                status, answer = fake.respond_private(endpoint)
                payload, content_type = json.dumps(answer).encode(), "application/json"
        else:
            status, payload, content_type = self._answer(endpoint, parts, params, fault)
        # log before answering: a client that got its answer must find its request in the log
        fake.record(RequestRecord(arrived, endpoint, url.path, params, status, kind, auth, signature_ok))
        if kind == "reset":
            self.close_connection = True
            return
        self._send(status, payload, content_type)

    def _answer(self, endpoint: str, parts: list[str], params: dict[str, str],
                fault: Fault | None) -> tuple[int, bytes, str]:
        kind = fault.kind if fault is not None else None
        if len(parts) < 3 or parts[0] != "0" or parts[1] not in ("public", "private"):
            return 404, b'{"error":["EGeneral:Unknown method"]}', "application/json"
        if kind in _PRIVATE_ERRORS:
            return 200, json.dumps({"error": [_PRIVATE_ERRORS[kind]], "result": {}}).encode(), "application/json"
        if kind in ("500", "503", "429"):
            text = {"500": b"Internal Server Error", "503": b"Service Unavailable", "429": b"Too Many Requests"}
            return int(kind), text[kind], "text/plain"
        if kind == "502":
            return 502, _HTML_502, "text/html"
        if kind == "reset":
            return 0, b"", ""
        if kind in _ERROR_BODIES:
            return 200, json.dumps({"error": [_ERROR_BODIES[kind]]}).encode(), "application/json"
        if kind == "malformed":
            return 200, _MALFORMED, "application/json"
        if kind == "empty":
            return 200, b'{"error":[],"result":{}}', "application/json"
        if parts[1] == "private":  # only reached with a fault that lets the request through
            status, answer = self.fake.respond_private(endpoint)
            return status, json.dumps(answer).encode(), "application/json"
        px = {"zero": lambda p: 0.0, "negative": lambda p: -p, "nan": lambda p: math.nan}.get(kind or "")
        if kind == "spike":
            factor = float(fault.params.get("factor", 10.0))  # type: ignore[union-attr]
            px = lambda p: p * factor  # noqa: E731
        pairs = fault.params.get("pairs") if fault is not None else None
        status, payload = self.fake.respond(endpoint, params, px, pairs=pairs,
                                            omit=("c",) if kind == "no_last" else ())
        return status, json.dumps(payload).encode(), "application/json"


FakeKraken.handler = _Handler

if pytest is not None:
    @pytest.fixture
    def fake_kraken():
        """A started :class:`FakeKraken`; stopped after the test."""
        server = FakeKraken().start()
        try:
            yield server
        finally:
            server.stop()


def main(argv: list[str] | None = None) -> int:  # pragma: no cover - manual use
    import argparse

    parser = argparse.ArgumentParser(description="Run the fake Kraken exchange on loopback.")
    parser.add_argument("--port", type=int, default=8799)
    parser.add_argument("--latency", type=float, default=0.0)
    parser.add_argument("--seed-csv", help="daily CSV (date,open,high,low,close,volume) for BTC/USD")
    parser.add_argument("--api-key", help="accept this API key on the private endpoints (test keys only)")
    parser.add_argument("--api-secret", help="its secret, base64 (test keys only)")
    args = parser.parse_args(argv)
    server = FakeKraken(port=args.port)
    if args.api_key and args.api_secret:
        server.set_credentials(args.api_key, args.api_secret)
    server.latency = args.latency
    if args.seed_csv:
        server.seed_daily_csv("XXBTZUSD", args.seed_csv)
    server.start()
    print(f"fake Kraken listening on {server.url}  (Ctrl-C to stop)", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
