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
import logging
import random as _random
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from riskwatch.adapters.ccxt_exchanges import (
    DEFAULT_EXCHANGE,
    EXCHANGE_PROFILES,
    RAW_LAST_PRICE,
    SUPPORTED_EXCHANGES,
    ExchangeProfile,
    RetryPolicy,
    error_code,
    import_ccxt_async,
    market_candidates,
    profile,
    quote_currency_of,
    raw_last_price,
    rewrite_api_urls,
    rewrite_urls,
    tolerate_unreadable_tickers,
)
from riskwatch.adapters.ccxt_parsing import collect_bars, epoch_ms, order_book_from, ticker_to_quote
from riskwatch.adapters.ccxt_parsing import _trusted_bar  # noqa: F401  (checked by the parsing tests)
from riskwatch.adapters.feed_errors import coded_error, translate_ccxt_error
from riskwatch.domain.errors import BadSymbol, DataUnavailable, InvalidData, RateLimited, RiskWatchError
from riskwatch.domain.model import Bar, Quote, Timeframe
from riskwatch.domain.order_book import InvalidOrderBook, OrderBook
from riskwatch.domain.validation import RejectedValue, RejectionCounter

log = logging.getLogger(__name__)


class _UtcClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


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
        # ccxt calls attempted, by method, retries included: a fetch_ohlcv attempt is one HTTP request (the
        # backfill reports its request count from this)
        self.calls: Counter[str] = Counter()
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
            tolerate_unreadable_tickers(exchange)
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
            self.calls[what] += 1
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
                out[m] = ticker_to_quote(self.exchange_id, self.source, m, base, tickers.get(m), received)
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
        until_ms = epoch_ms(until) if until is not None else None
        now_ms = epoch_ms(self._clock.now())
        cursor = epoch_ms(since) if since is not None else None
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
        """One OHLCV page into ``into`` (see :func:`~riskwatch.adapters.ccxt_parsing.collect_bars`)."""
        return collect_bars(self.rejections, self.source, base, rows, timeframe, since_ms, until_ms, into)

    async def fetch_order_book(self, market: str, limit: int | None = None) -> OrderBook:
        """A validated order-book snapshot (levels with bad price or amount are dropped); a book that is
        still invalid (empty, one-sided, crossed) raises ``InvalidOrderBook``, counted by its reason."""
        exchange = await self._ready()
        if market not in exchange.markets:
            raise coded_error(BadSymbol, f"{self.source} has no market {market}", "no_market", False, self.source)
        base = exchange.markets[market].get("base") or market.split("/")[0]
        raw = await self._call("fetch_order_book", exchange.fetch_order_book, market, limit)
        try:
            return order_book_from(raw, market, f"{self.source}:{market}", self._clock.now())
        except InvalidOrderBook as err:
            self._count(base, err.reason)
            raise


# The names callers import from here; they live in ccxt_exchanges (what RiskWatch knows about an exchange).
__all__ = ["DEFAULT_EXCHANGE", "EXCHANGE_PROFILES", "RAW_LAST_PRICE", "SUPPORTED_EXCHANGES", "CcxtFeed",
           "ExchangeProfile", "RetryPolicy", "error_code", "import_ccxt_async", "market_candidates", "profile",
           "quote_currency_of", "raw_last_price", "rewrite_api_urls", "rewrite_urls"]
