"""What RiskWatch knows about the ccxt exchanges beyond ccxt's unified API, and how it talks to ccxt.

Exchange profiles (USD-like quotes, OHLCV page size), where a raw ticker keeps its last price, market
candidates and quote currencies, rewriting API URLs to another endpoint (tests, proxies), the retry policy,
the stable code of a feed error, and the lazy import of ``ccxt.async_support`` (never at module import:
importing this module is safe on the GUI startup path).
"""

from __future__ import annotations

import asyncio
import sys
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from riskwatch.adapters.loop_thread import import_quietly
from riskwatch.domain.errors import BadSymbol, DataUnavailable, InvalidData, RateLimited
from riskwatch.domain.model import USD_LIKE
from riskwatch.domain.validation import RejectedValue

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
# USD_LIKE (quote currencies treated as US dollars) lives in the domain; the peg is watched on USDT/USD.


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


def tolerate_unreadable_tickers(exchange: Any) -> None:
    """Make ``exchange.parse_ticker`` return the raw ticker instead of raising on a value ccxt cannot read.

    ccxt parses every number of a ticker with ``Precise``/``int()``; a "NaN" or "abc" in one market's answer
    raises ``ValueError`` and would fail the whole ``fetch_tickers`` batch. With this, that market comes
    back as ``{"symbol": …, "info": <raw>, "last": None, "unreadable": True}`` and is rejected (and counted
    with the reason its raw last price gives) by
    :func:`~riskwatch.adapters.ccxt_parsing.ticker_to_quote`, like any other bad price.
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
