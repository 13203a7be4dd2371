"""CryptoFeed on ccxt's async API.

The exchange object is created lazily on the running loop (the loop thread in the GUI, ``asyncio.run`` in
the CLI), and ``ccxt.async_support`` is imported there in a worker thread, never at module import: this
module is safe to import on the GUI startup path.

Every ccxt result is validated before it becomes a domain object: a 200 answer with malformed JSON makes
ccxt return None fields and empty lists, so missing, zero, negative and non-finite prices are rejected
here and counted in ``self.rejections`` by reason. ccxt reports a zero last price as None, so a ticker's
last price is first judged as the exchange sent it (``ticker['info']``, see :data:`RAW_LAST_PRICE`): a
"0" there is counted as ``zero``, a field that is really absent as ``missing``, and a value ccxt cannot
read at all ("NaN") rejects that market only, not the batch. ccxt errors become domain errors carrying
``code`` (a stable string) and ``retryable`` (translated by :mod:`riskwatch.adapters.feed_errors`):

=============================================  ===============  =====================  =========
ccxt                                           domain           code                   retried
=============================================  ===============  =====================  =========
RateLimitExceeded, DDoSProtection (429, lock)  RateLimited      rate_limited           longer
RequestTimeout                                 DataUnavailable  timeout                yes
ExchangeNotAvailable (5xx), NetworkError       DataUnavailable  unavailable / network  yes
BadSymbol                                      BadSymbol        bad_symbol             no
AuthenticationError                            DataUnavailable  auth                   no
other ExchangeError                            DataUnavailable  exchange_error         no
non-ccxt exception while parsing               InvalidData      malformed              no
=============================================  ===============  =====================  =========

Retries use exponential backoff with equal jitter (``RetryPolicy``); sleep and the random source are
injectable so tests run fast. ccxt's own rate limiter stays on unless a benchmark relaxes it.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import math
import random as _random
import sys
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from riskwatch.adapters.feed_errors import coded_error, translate_ccxt_error
from riskwatch.adapters.loop_thread import import_quietly
from riskwatch.domain.errors import BadSymbol, DataUnavailable, InvalidData, RateLimited, RiskWatchError
from riskwatch.domain.model import Bar, Quote, Timeframe, normalize_symbol
from riskwatch.domain.validation import (
    OrderBook,
    RejectedValue,
    RejectionCounter,
    check_order_book,
    check_price,
    clean_levels,
    optional_amount,
    optional_price,
    price_problem,
    raw_price_problem,
)

log = logging.getLogger(__name__)

DEFAULT_EXCHANGE = "kraken"


@dataclass(frozen=True)
class ExchangeProfile:
    """What RiskWatch needs to know about one exchange beyond ccxt's unified API."""

    usd_quotes: tuple[str, ...]          # quote currencies accepted as "USD", in order of preference
    page_limit: int                      # OHLCV rows per request
    options: dict = field(default_factory=dict)


EXCHANGE_PROFILES: dict[str, ExchangeProfile] = {
    "kraken": ExchangeProfile(("USD", "USDT", "USDC"), 720),
    "binance": ExchangeProfile(("USDT", "USDC", "FDUSD", "USD"), 1000, {"fetchMarkets": {"types": ["spot"]}}),
    "coinbase": ExchangeProfile(("USD", "USDC", "USDT"), 300),
    "bitstamp": ExchangeProfile(("USD", "USDT", "USDC"), 1000),
}
SUPPORTED_EXCHANGES: tuple[str, ...] = tuple(EXCHANGE_PROFILES)
#: Quote currencies treated as US dollars when pricing (the peg itself is watched on the USDT/USD market).
USD_LIKE = frozenset({"USD", "USDT", "USDC", "FDUSD"})


#: Where an exchange's raw ticker (ccxt keeps the decoded answer as ``ticker['info']``) holds the last trade
#: price, as a path of keys and list indexes. ccxt's ``safe_ticker`` turns a zero last price into None, so
#: only the raw field tells "the exchange said 0" (rejected: zero) from "the exchange said nothing" (missing).
#: Exchanges not listed here are judged on ccxt's parsed values alone.
RAW_LAST_PRICE: dict[str, tuple[str | int, ...]] = {
    "kraken": ("c", 0),            # "c": ["<last trade price>", "<lot volume>"]
    "binance": ("lastPrice",),
    "bitstamp": ("last",),
    "coinbase": ("price",),        # products listing (fetch_tickers); the single ticker has no such field
}


def raw_last_price(exchange_id: str, info: Any) -> Any:
    """The last price exactly as ``exchange_id`` sent it in a raw ticker (usually a string), or None when the
    field is absent."""
    path = RAW_LAST_PRICE.get(exchange_id)
    if path is None:
        return None
    node = info
    for key in path:
        if isinstance(key, int):
            node = node[key] if isinstance(node, (list, tuple)) and len(node) > key else None
        else:
            node = node.get(key) if isinstance(node, dict) else None
        if node is None:
            return None
    return node


def profile(exchange_id: str) -> ExchangeProfile:
    return EXCHANGE_PROFILES.get(exchange_id, ExchangeProfile(("USD", "USDT", "USDC"), 500))


def market_candidates(exchange_id: str, asset: str, currency: str) -> list[str]:
    """Markets to try, in order, for ``asset`` priced in ``currency`` (USD expands to USD-like quotes)."""
    asset, currency = asset.upper(), currency.upper()
    quotes = profile(exchange_id).usd_quotes if currency == "USD" else (currency,)
    return [f"{asset}/{q}" for q in quotes if q != asset]


def quote_currency_of(market: str) -> str:
    """The quote currency of a unified market symbol, USD-like stablecoins folded into "USD"."""
    quote = market.split("/", 1)[1].split(":", 1)[0] if "/" in market else market
    return "USD" if quote in USD_LIKE else quote


def rewrite_api_urls(exchange_id: str, api: Any, base_url: str) -> Any:
    """Point an exchange's ``urls['api']`` at ``base_url``.

    Kraken: ``public`` and ``private`` become ``base_url`` (ccxt appends ``/0/public/…``). Others: every
    URL string in the (nested) dict keeps its path and gets ``base_url``'s scheme, host and path prefix.
    """
    base = base_url.rstrip("/")
    if exchange_id == "kraken" and isinstance(api, dict):
        out = dict(api)
        out["public"] = base
        out["private"] = base
        return out

    return rewrite_urls(api, base)


def rewrite_urls(node: Any, base: str) -> Any:
    """Every URL string in ``node`` (nested dicts/lists) keeps its path and query and gets ``base``'s scheme,
    host, port and path prefix; other values are kept. Shared by every adapter that lets ccxt talk to
    another endpoint."""
    if isinstance(node, dict):
        return {k: rewrite_urls(v, base) for k, v in node.items()}
    if isinstance(node, list):
        return [rewrite_urls(v, base) for v in node]
    if isinstance(node, str) and "://" in node:
        parts = urlsplit(node)
        return base + parts.path + (f"?{parts.query}" if parts.query else "")
    return node


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff with equal jitter: ``d = min(cap, base·2^n)``, sleep uniformly in [d/2, d]."""

    attempts: int = 3                 # tries for network errors, 5xx and timeouts
    base_delay: float = 0.5
    max_delay: float = 8.0
    rate_limit_attempts: int = 2      # tries when the exchange says "slow down"
    rate_limit_delay: float = 5.0
    rate_limit_max_delay: float = 60.0

    def delay(self, retry: int, *, rate_limited: bool, rnd: float) -> float:
        if rate_limited:
            d = min(self.rate_limit_max_delay, self.rate_limit_delay * 2 ** retry)
        else:
            d = min(self.max_delay, self.base_delay * 2 ** retry)
        return d * (0.5 + 0.5 * rnd)

    def max_tries(self, *, rate_limited: bool) -> int:
        return max(1, self.rate_limit_attempts if rate_limited else self.attempts)


def error_code(err: BaseException) -> str:
    """The stable code of a domain error raised by a feed (falls back on the error's class)."""
    code = getattr(err, "code", None)
    if isinstance(code, str):
        return code
    if isinstance(err, RejectedValue):
        return "invalid_data"
    for cls, name in ((RateLimited, "rate_limited"), (BadSymbol, "bad_symbol"), (InvalidData, "invalid_data"),
                      (DataUnavailable, "unavailable")):
        if isinstance(err, cls):
            return name
    return "error"


def _tolerate_unreadable_tickers(exchange: Any) -> None:
    """Make ``exchange.parse_ticker`` return the raw ticker instead of raising on a value ccxt cannot read.

    ccxt parses every number of a ticker with ``Precise``/``int()``; a "NaN" or "abc" in one market's answer
    raises ``ValueError`` and would fail the whole ``fetch_tickers`` batch. With this, that market comes
    back as ``{"symbol": …, "info": <raw>, "last": None, "unreadable": True}`` and is rejected (and counted
    with the reason its raw last price gives) by :meth:`CcxtFeed._to_quote`, like any other bad price.
    """
    parse = exchange.parse_ticker

    def parse_ticker(ticker: Any, market: Any = None) -> Any:
        try:
            return parse(ticker, market)
        except Exception:
            symbol = market.get("symbol") if isinstance(market, dict) else None
            return {"symbol": symbol, "info": ticker, "last": None, "close": None, "unreadable": True}

    exchange.parse_ticker = parse_ticker


async def import_ccxt_async() -> Any:
    """``ccxt.async_support``, imported in a worker thread (a ~1 s import) so the running loop keeps serving
    other tasks, and with :func:`~riskwatch.adapters.loop_thread.import_quietly` so that the garbage
    collections the import triggers do not stall the other threads (the Qt event loop) for 50-130 ms."""
    module = sys.modules.get("ccxt.async_support")
    if module is not None and not getattr(getattr(module, "__spec__", None), "_initializing", False):
        return module
    return await asyncio.to_thread(import_quietly, "ccxt.async_support")


class _UtcClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


def _good(x: Any) -> bool:
    """Fast check of a price ccxt parsed: a positive finite int or float (NaN fails the comparison)."""
    return type(x) in (float, int) and 0 < x < math.inf


def _make_trusted_bar() -> Callable[..., Bar]:
    """A Bar constructor for values already checked against Bar's invariants (positive finite prices, a
    finite volume ≥ 0 or None, an aware UTC time, a normalised symbol): it skips ``Bar.__post_init__``, which
    costs ~3/4 of the conversion time of a 720-bar page. Falls back on the checked constructor when
    :class:`Bar` is not the plain frozen dataclass this was written for (or disagrees with it)."""
    names = ("symbol", "ts", "close", "open", "high", "low", "volume", "timeframe", "source")
    if tuple(f.name for f in dataclasses.fields(Bar)) != names or "__slots__" in vars(Bar):
        return Bar
    new = object.__new__

    def trusted(symbol: str, ts: datetime, close: float, open_: float | None, high: float | None,
                low: float | None, volume: float | None, timeframe: Timeframe, source: str) -> Bar:
        bar = new(Bar)
        bar.__dict__.update(symbol=symbol, ts=ts, close=close, open=open_, high=high, low=low, volume=volume,
                            timeframe=timeframe, source=source)
        return bar

    probe = ("BTC", datetime(2024, 1, 1, tzinfo=UTC), 2.0, 1.0, 3.0, 0.5, 7.0, Timeframe.D1, "probe")
    try:
        same = trusted(*probe) == Bar(*probe) and vars(trusted(*probe)) == vars(Bar(*probe))
    except Exception:
        same = False
    return trusted if same else Bar


_trusted_bar = _make_trusted_bar()


def _ms(ts: datetime) -> int:
    return int(ts.timestamp() * 1000)


def _dt(ms: int | float) -> datetime:
    return datetime.fromtimestamp(ms / 1000, tz=UTC)


class CcxtFeed:
    """Implements the CryptoFeed port for one ccxt exchange. Use it from one event loop only."""

    def __init__(self, exchange_id: str = DEFAULT_EXCHANGE, *, api_url: str | None = None,
                 timeout_ms: int = 10_000, enable_rate_limit: bool = True, rate_limit_ms: float | None = None,
                 retry: RetryPolicy = RetryPolicy(), sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
                 random: Callable[[], float] = _random.random, clock: Any = None,
                 rejections: RejectionCounter | None = None, markets_ttl: timedelta = timedelta(hours=6),
                 max_pages: int = 50):
        exchange_id = exchange_id.strip().lower()
        if not exchange_id.isidentifier():
            raise ValueError(f"'{exchange_id}' is not an exchange id")
        self.exchange_id = exchange_id
        self.source = exchange_id
        self.api_url = api_url or None
        self.timeout_ms = timeout_ms
        self.enable_rate_limit = enable_rate_limit
        self.rate_limit_override = rate_limit_ms
        self.retry = retry
        self._sleep = sleep
        self._random = random
        self._clock = clock or _UtcClock()
        self.rejections = rejections if rejections is not None else RejectionCounter()
        self.markets_ttl = markets_ttl
        self.max_pages = max_pages
        self.retries = 0                  # retries done so far (for status displays and tests)
        self._ccxt: Any = None
        self._exchange: Any = None
        self._markets_at: datetime | None = None
        self._markets_lock: asyncio.Lock | None = None

    # -- exchange lifecycle -------------------------------------------------------------------------
    async def _get_exchange(self) -> Any:
        if self._exchange is None:
            if self._ccxt is None:
                self._ccxt = await import_ccxt_async()
            try:
                cls = getattr(self._ccxt, self.exchange_id)
            except AttributeError:
                raise coded_error(DataUnavailable, f"ccxt does not know the exchange '{self.exchange_id}'",
                                  "unknown_exchange", False, self.source) from None
            config: dict[str, Any] = {"enableRateLimit": self.enable_rate_limit, "timeout": self.timeout_ms,
                                      "options": dict(profile(self.exchange_id).options)}
            if self.rate_limit_override is not None:
                config["rateLimit"] = self.rate_limit_override
            exchange = cls(config)
            _tolerate_unreadable_tickers(exchange)
            if self.api_url:
                exchange.urls["api"] = rewrite_api_urls(self.exchange_id, exchange.urls["api"], self.api_url)
            self._exchange = exchange
        return self._exchange

    @property
    def page_limit(self) -> int:
        """OHLCV rows one request returns (at most): callers group their requests by it."""
        return profile(self.exchange_id).page_limit

    @property
    def rate_limit_ms(self) -> float | None:
        """The request spacing ccxt enforces (the exchange's declared limit unless overridden)."""
        return getattr(self._exchange, "rateLimit", None)

    async def close(self) -> None:
        exchange, self._exchange = self._exchange, None
        self._markets_at = None
        if exchange is not None:
            await exchange.close()

    # -- plumbing ---------------------------------------------------------------------------------------
    async def _call(self, what: str, fn: Callable[..., Awaitable[Any]], *args: Any) -> Any:
        retry = 0
        while True:
            try:
                return await fn(*args)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                err = translate_ccxt_error(self._ccxt, exc, self.source, what)
                cause = exc
            rate_limited = isinstance(err, RateLimited)
            if not getattr(err, "retryable", False) or retry + 1 >= self.retry.max_tries(rate_limited=rate_limited):
                raise err from cause
            delay = self.retry.delay(retry, rate_limited=rate_limited, rnd=self._random())
            log.info("%s failed (%s), retry %d in %.2f s", what, error_code(err), retry + 1, delay)
            retry += 1
            self.retries += 1
            await self._sleep(delay)

    async def _ready(self) -> Any:
        """The exchange with its markets loaded (reloaded after ``markets_ttl``)."""
        exchange = await self._get_exchange()
        if self._markets_lock is None:
            self._markets_lock = asyncio.Lock()
        async with self._markets_lock:
            now = self._clock.now()
            if self._markets_at is not None and now - self._markets_at < self.markets_ttl:
                return exchange
            had = bool(exchange.markets)
            try:
                markets = await self._call("load_markets", exchange.load_markets, True)
            except RiskWatchError:
                if had and self._markets_at is not None:
                    log.warning("%s: market reload failed, keeping the markets loaded before", self.source)
                    return exchange
                raise
            if not isinstance(markets, dict) or not markets:
                raise coded_error(InvalidData, f"{self.source} returned no markets (malformed answer)", "malformed",
                                  False, self.source)
            self._markets_at = now
        return exchange

    def _count(self, symbol: str, reason: str) -> None:
        self.rejections.add(self.source, symbol, reason)

    # -- CryptoFeed -------------------------------------------------------------------------------------
    async def markets(self) -> list[str]:
        exchange = await self._ready()
        return sorted(exchange.markets)

    async def find_market(self, asset: str, currency: str) -> str:
        """The first listed market for ``asset`` in ``currency`` (USD also accepts USDT/USDC …)."""
        exchange = await self._ready()
        for symbol in market_candidates(self.exchange_id, asset, currency):
            market = exchange.markets.get(symbol)
            if market and market.get("active") is not False:
                return symbol
        raise coded_error(BadSymbol, f"{self.source} lists no {asset} market in {currency}", "no_market", False,
                          self.source)

    async def fetch_quotes(self, markets: Sequence[str]) -> dict[str, Quote | RiskWatchError]:
        """Latest ticker per market. Whole-source failures raise; per-market problems are returned."""
        exchange = await self._ready()
        out: dict[str, Quote | RiskWatchError] = {}
        known = []
        for m in dict.fromkeys(markets):
            if m in exchange.markets:
                known.append(m)
            else:
                out[m] = coded_error(BadSymbol, f"{self.source} has no market {m}", "no_market", False, self.source)
        if not known:
            return out
        tickers: dict[str, Any]
        if exchange.has.get("fetchTickers"):
            try:
                raw = await self._call("fetch_tickers", exchange.fetch_tickers, known)
                tickers = raw if isinstance(raw, dict) else {}
            except (BadSymbol, DataUnavailable) as err:
                if not isinstance(err, BadSymbol) and error_code(err) != "exchange_error":
                    raise
                # one bad market spoils a batch: ask market by market to find it
                tickers = await self._tickers_one_by_one(exchange, known, out)
        else:
            tickers = await self._tickers_one_by_one(exchange, known, out)
        received = self._clock.now()
        for m in known:
            if m in out:
                continue
            base = exchange.markets[m].get("base") or m.split("/")[0]
            try:
                out[m] = self._to_quote(m, base, tickers.get(m), received)
            except RejectedValue as err:
                self._count(base, err.reason)
                out[m] = err
        return out

    async def _tickers_one_by_one(self, exchange: Any, markets: list[str],
                                  out: dict[str, Quote | RiskWatchError]) -> dict[str, Any]:
        results = await asyncio.gather(*(self._call("fetch_ticker", exchange.fetch_ticker, m) for m in markets),
                                       return_exceptions=True)
        tickers: dict[str, Any] = {}
        source_errors: list[RiskWatchError] = []
        for m, res in zip(markets, results, strict=True):
            if isinstance(res, BaseException):
                if not isinstance(res, RiskWatchError):
                    raise res
                out[m] = res
                if not isinstance(res, (BadSymbol, InvalidData)):
                    source_errors.append(res)
            else:
                tickers[m] = res
        if not tickers and source_errors and len(source_errors) == len(markets):
            raise source_errors[0]  # nothing came through: the source is down, not the markets
        return tickers

    def _to_quote(self, market: str, base: str, ticker: Any, received: datetime) -> Quote:
        if not isinstance(ticker, dict):
            raise RejectedValue("missing", symbol=base, field="ticker", value=ticker)
        raw = raw_last_price(self.exchange_id, ticker.get("info"))
        if raw is not None:
            # what the exchange sent decides: ccxt reports a 0 as None, which would read "missing"
            reason = raw_price_problem(raw)
            if reason is not None:
                raise RejectedValue(reason, symbol=base, field="last", value=raw)
        if ticker.get("unreadable"):
            raise RejectedValue("malformed", symbol=base, field="ticker", value=ticker.get("info"))
        last = ticker.get("last")
        if last is None:
            last = ticker.get("close")
        price = check_price(last, symbol=base)
        bid, ask = optional_price(ticker.get("bid")), optional_price(ticker.get("ask"))
        if bid is not None and ask is not None and bid > ask:
            bid = ask = None
        ts = received
        stamp = ticker.get("timestamp")
        if isinstance(stamp, (int, float)) and not isinstance(stamp, bool) and stamp > 0:
            ts = min(_dt(stamp), received)
        change = None
        pct = ticker.get("percentage")
        if isinstance(pct, (int, float)) and not isinstance(pct, bool) and abs(pct) < 1e6 and pct == pct:
            change = pct / 100.0
        else:
            open_ = optional_price(ticker.get("open"))
            if open_ is not None:
                change = price / open_ - 1.0
        return Quote(base, price, ts, f"{self.source}:{market}", bid=bid, ask=ask, change_24h=change,
                     volume_24h=optional_amount(ticker.get("baseVolume")))

    async def fetch_bars(self, market: str, timeframe: Timeframe = Timeframe.D1, since: datetime | None = None,
                         until: datetime | None = None, *, max_bars: int | None = None) -> list[Bar]:
        """OHLCV bars of ``market`` from ``since`` (inclusive) to ``until`` (exclusive), paginated.

        Without ``since`` only the latest page is fetched. Pagination follows the last bar received and
        stops at the current bar, at ``until``, at ``max_bars``, when a page brings nothing new, or after
        ``max_pages`` requests.
        """
        exchange = await self._ready()
        if market not in exchange.markets:
            raise coded_error(BadSymbol, f"{self.source} has no market {market}", "no_market", False, self.source)
        tf = timeframe.value
        if exchange.timeframes and tf not in exchange.timeframes:
            raise coded_error(BadSymbol, f"{self.source} has no {tf} bars", "no_timeframe", False, self.source)
        base = exchange.markets[market].get("base") or market.split("/")[0]
        step = timeframe.seconds * 1000
        until_ms = _ms(until) if until is not None else None
        now_ms = _ms(self._clock.now())
        cursor = _ms(since) if since is not None else None
        limit = profile(self.exchange_id).page_limit
        bars: dict[int, Bar] = {}
        for _ in range(self.max_pages):
            rows = await self._call("fetch_ohlcv", exchange.fetch_ohlcv, market, tf, cursor, limit)
            newest = self._collect_bars(base, rows, timeframe, cursor, until_ms, bars)
            if newest is None or cursor is None or newest < cursor:
                break
            if until_ms is not None and newest + step >= until_ms:
                break
            if max_bars is not None and len(bars) >= max_bars:
                break
            if newest + step > now_ms:
                break
            cursor = newest + step
        ordered = [bars[k] for k in sorted(bars)]
        return ordered[:max_bars] if max_bars is not None else ordered

    def _collect_bars(self, base: str, rows: Any, timeframe: Timeframe, since_ms: int | None,
                      until_ms: int | None, into: dict[int, Bar]) -> int | None:
        """Validate one page of ccxt OHLCV rows and put the bars in [since_ms, until_ms) into ``into``.

        Returns the newest timestamp seen (also of rejected rows), None when no row had one. Rejections are
        counted by reason; rows outside the range are neither validated nor counted (a later request that
        covers them does that). This runs for every row of every page on the event loop (720 rows a page on
        Kraken), so it is one tight loop: the checks below are exactly :class:`Bar`'s invariants, and a row
        that passes them becomes a Bar through :func:`_trusted_bar` without being checked a second time.
        """
        if not isinstance(rows, list) or not rows:
            return None
        try:
            symbol = normalize_symbol(base)
        except ValueError:
            symbol = None
        source, make, good, amount, fromtimestamp, inf = (self.source, _trusted_bar, _good, optional_amount,
                                                          datetime.fromtimestamp, math.inf)
        lo_ms = since_ms if since_ms is not None else -1
        hi_ms = until_ms if until_ms is not None else math.inf
        newest: int | None = None
        rejected: dict[str, int] = {}
        for row in rows:
            if type(row) not in (list, tuple) or len(row) < 5:
                rejected["missing"] = rejected.get("missing", 0) + 1
                continue
            ts = row[0]
            if type(ts) not in (int, float) or not ts > 0:  # also rejects NaN
                rejected["missing"] = rejected.get("missing", 0) + 1
                continue
            ts = int(ts)
            if newest is None or ts > newest:
                newest = ts
            if ts < lo_ms or ts >= hi_ms:
                continue
            o, h, lo, c = row[1], row[2], row[3], row[4]
            if not (good(c) and (o is None or good(o)) and (h is None or good(h)) and (lo is None or good(lo))):
                # the slow path names the reason: close first, then the other prices
                reason = price_problem(c) or next(r for r in (price_problem(x) for x in (o, h, lo) if x is not None)
                                                  if r)
                rejected[reason] = rejected.get(reason, 0) + 1
                continue
            if symbol is None:
                rejected["inconsistent"] = rejected.get("inconsistent", 0) + 1
                continue
            v = row[5] if len(row) > 5 else None
            if type(v) is not float or not 0 <= v < inf:  # the common case (a finite float ≥ 0) stays inline
                v = amount(v)
            into[ts] = make(symbol, fromtimestamp(ts / 1000, UTC), float(c), o, h, lo, v, timeframe, source)
        for reason, n in rejected.items():
            self.rejections.add(self.source, base, reason, n)
        return newest

    async def fetch_order_book(self, market: str, limit: int | None = None) -> OrderBook:
        """A validated order-book snapshot (levels with bad price or amount are dropped)."""
        exchange = await self._ready()
        if market not in exchange.markets:
            raise coded_error(BadSymbol, f"{self.source} has no market {market}", "no_market", False, self.source)
        base = exchange.markets[market].get("base") or market.split("/")[0]
        raw = await self._call("fetch_order_book", exchange.fetch_order_book, market, limit)
        raw = raw if isinstance(raw, dict) else {}
        bids, _ = clean_levels(raw.get("bids"), descending=True)
        asks, _ = clean_levels(raw.get("asks"), descending=False)
        received = self._clock.now()
        stamp = raw.get("timestamp")
        ts = min(_dt(stamp), received) if isinstance(stamp, (int, float)) and stamp > 0 else received
        try:
            return check_order_book(OrderBook(market, bids, asks, ts, f"{self.source}:{market}"))
        except RejectedValue as err:
            self._count(base, err.reason)
            raise
