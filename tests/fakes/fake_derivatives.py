"""A loopback HTTP server that speaks Binance USDⓈ-M futures' public REST dialect, with fault injection.

Real ccxt (``binanceusdm``) runs against it: rewrite every URL of ``exchange.urls['api']`` to
:attr:`FakeBinanceFutures.url` (``DerivativesFeed(api_url=server.url)`` does that). Served endpoints — exactly
the ones ccxt calls for ``load_markets``, ``fetch_funding_rate``, ``fetch_open_interest`` and
``fetch_open_interest_history`` on a linear perpetual:

=================================  ============================================  =======================
path                               ccxt method                                   endpoint name (faults)
=================================  ============================================  =======================
GET /fapi/v1/exchangeInfo          fapiPublicGetExchangeInfo (load_markets)      ``exchangeInfo``
GET /fapi/v1/premiumIndex          fapiPublicGetPremiumIndex (funding rate)      ``premiumIndex``
GET /fapi/v1/openInterest          fapiPublicGetOpenInterest                     ``openInterest``
GET /futures/data/openInterestHist fapiDataGetOpenInterestHist (``period``,      ``openInterestHist``
                                   ``limit``, ``startTime``, ``endTime``)
=================================  ============================================  =======================

Response shapes follow Binance's documentation and the samples in ccxt's ``binance.py`` comments. An unknown
symbol answers HTTP 400 ``{"code":-1121,"msg":"Invalid symbol."}`` (ccxt: BadSymbol).

State (all deterministic; ``now`` is injectable, epoch seconds):

* ``funding[symbol]`` — the rate per 8 h interval (``lastFundingRate``); ``mark_price[symbol]``;
* ``open_interest[symbol]`` = (now, 24 h ago) in contracts (BTC): the history moves linearly between the two
  over the last 24 h and stays at the older value before that. Set with :meth:`set_open_interest`.

Fault injection, per endpoint name or ``"*"``::

    server.inject("premiumIndex", "500", times=1)      # one HTTP 500, then normal answers
    server.inject("*", "timeout", seconds=2)           # every request hangs 2 s (released by stop())

Kinds: ``500``, ``502`` (HTML body), ``503``, ``429``, ``418`` (IP ban), ``malformed`` (200 with truncated
JSON), ``empty`` (200 with ``{}`` or ``[]``), ``nulls`` (200, the right shape with null values),
``timeout`` (hangs ``seconds``, default 30), ``latency`` (``seconds`` delay, then a normal answer).
Requests are logged: :meth:`FakeBinanceFutures.requests`.

Use the pytest fixture ``fake_derivatives`` or ``with FakeBinanceFutures() as server: ...``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qs, urlparse

from tests.fakes.loopback import LoopbackExchange, QuietHandler

try:  # the fixture is optional: the server also runs as a plain script
    import pytest
except ImportError:  # pragma: no cover
    pytest = None  # type: ignore[assignment]

PERIODS_MS = {"5m": 300_000, "15m": 900_000, "30m": 1_800_000, "1h": 3_600_000, "2h": 7_200_000,
              "4h": 14_400_000, "6h": 21_600_000, "12h": 43_200_000, "1d": 86_400_000}
ROUTES = {  # path -> endpoint name
    "/fapi/v1/exchangeInfo": "exchangeInfo",
    "/fapi/v1/premiumIndex": "premiumIndex",
    "/fapi/v1/openInterest": "openInterest",
    "/futures/data/openInterestHist": "openInterestHist",
}
_MALFORMED = b'{"symbol":"BTCUSDT","markPrice":"6'
_HTML_502 = b"<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>"


@dataclass(frozen=True)
class RequestRecord:
    t: float            # time.monotonic() at arrival
    endpoint: str       # e.g. "premiumIndex"
    path: str
    params: dict
    status: int
    fault: str | None


def _contract(symbol: str, base: str, quote: str = "USDT") -> dict:
    return {
        "symbol": symbol, "pair": symbol, "contractType": "PERPETUAL", "deliveryDate": 4133404800000,
        "onboardDate": 1569398400000, "status": "TRADING", "maintMarginPercent": "2.5000",
        "requiredMarginPercent": "5.0000", "baseAsset": base, "quoteAsset": quote, "marginAsset": quote,
        "pricePrecision": 2, "quantityPrecision": 3, "baseAssetPrecision": 8, "quotePrecision": 8,
        "underlyingType": "COIN", "underlyingSubType": ["PoW"] if base == "BTC" else ["Layer-1"],
        "settlePlan": 0, "triggerProtect": "0.0500", "liquidationFee": "0.012500", "marketTakeBound": "0.05",
        "maxMoveOrderLimit": 10000,
        "filters": [
            {"filterType": "PRICE_FILTER", "minPrice": "556.80", "maxPrice": "4529764", "tickSize": "0.10"},
            {"filterType": "LOT_SIZE", "minQty": "0.001", "maxQty": "1000", "stepSize": "0.001"},
            {"filterType": "MARKET_LOT_SIZE", "minQty": "0.001", "maxQty": "120", "stepSize": "0.001"},
            {"filterType": "MAX_NUM_ORDERS", "limit": 200},
            {"filterType": "MAX_NUM_ALGO_ORDERS", "limit": 10},
            {"filterType": "MIN_NOTIONAL", "notional": "100"},
            {"filterType": "PERCENT_PRICE", "multiplierUp": "1.0500", "multiplierDown": "0.9500",
             "multiplierDecimal": "4"},
        ],
        "orderTypes": ["LIMIT", "MARKET", "STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET",
                       "TRAILING_STOP_MARKET"],
        "timeInForce": ["GTC", "IOC", "FOK", "GTX", "GTD"],
    }


class FakeBinanceFutures(LoopbackExchange):
    """The fake venue. ``now`` returns epoch seconds (default ``time.time``)."""

    endpoints = tuple(ROUTES.values())
    thread_name = "fake-binance-futures"

    def __init__(self, *, now: Callable[[], float] | None = None, host: str = "127.0.0.1", port: int = 0):
        super().__init__(now=now, host=host, port=port)
        self.contracts = {"BTCUSDT": _contract("BTCUSDT", "BTC"), "ETHUSDT": _contract("ETHUSDT", "ETH")}
        self.funding = {"BTCUSDT": 0.0001, "ETHUSDT": 0.00005}
        self.mark_price = {"BTCUSDT": 60000.0, "ETHUSDT": 3000.0}
        self.open_interest = {"BTCUSDT": (80000.0, 75000.0), "ETHUSDT": (2.0e6, 2.0e6)}

    def set_funding(self, symbol: str, rate: float) -> None:
        with self._lock:
            self.funding[symbol] = rate

    def set_open_interest(self, symbol: str, now: float, day_ago: float | None = None) -> None:
        with self._lock:
            self.open_interest[symbol] = (now, now if day_ago is None else day_ago)

    def oi_at(self, symbol: str, t_ms: int) -> float:
        """Open interest at ``t_ms``: linear over the last 24 h, flat before."""
        current, day_ago = self.open_interest[symbol]
        now_ms = int(self.now() * 1000)
        age = min(max(now_ms - t_ms, 0), 86_400_000)
        return current + (day_ago - current) * age / 86_400_000

    def inject(self, endpoint: str, kind: str, *, times: int | None = None, **params: float) -> None:
        """Queue a fault for ``endpoint`` (a name from :attr:`endpoints`, or ``"*"``). ``times=None``: forever."""
        if endpoint != "*" and endpoint not in self.endpoints:
            raise ValueError(f"unknown endpoint {endpoint!r}")
        super().inject(endpoint, kind, times, **params)

    # -- answers ----------------------------------------------------------------------------------
    def respond(self, endpoint: str, params: dict[str, str], nulls: bool = False) -> tuple[int, object]:
        now_ms = int(self.now() * 1000)
        if endpoint == "exchangeInfo":
            return 200, {"timezone": "UTC", "serverTime": now_ms, "futuresType": "U_MARGINED",
                         "rateLimits": [{"rateLimitType": "REQUEST_WEIGHT", "interval": "MINUTE", "intervalNum": 1,
                                         "limit": 2400},
                                        {"rateLimitType": "ORDERS", "interval": "MINUTE", "intervalNum": 1,
                                         "limit": 1200}],
                         "exchangeFilters": [],
                         "assets": [{"asset": "USDT", "marginAvailable": True, "autoAssetExchange": "-10000"}],
                         "symbols": list(self.contracts.values())}
        symbol = params.get("symbol")
        if endpoint == "premiumIndex" and symbol is None:
            return 200, [self._premium(s, now_ms, nulls) for s in self.contracts]
        if symbol not in self.contracts:
            return 400, {"code": -1121, "msg": "Invalid symbol."}
        if endpoint == "premiumIndex":
            return 200, self._premium(symbol, now_ms, nulls)
        if endpoint == "openInterest":
            amount = None if nulls else f"{self.oi_at(symbol, now_ms):.3f}"
            return 200, {"openInterest": amount, "symbol": symbol, "time": None if nulls else now_ms}
        if endpoint == "openInterestHist":
            return self._oi_history(symbol, params, now_ms, nulls)
        return 404, {"code": -1, "msg": "Not found"}

    def _premium(self, symbol: str, now_ms: int, nulls: bool) -> dict:
        mark = self.mark_price[symbol]
        next_funding = (now_ms // 28_800_000 + 1) * 28_800_000
        if nulls:
            return {"symbol": symbol, "markPrice": None, "indexPrice": None, "estimatedSettlePrice": None,
                    "lastFundingRate": None, "interestRate": None, "nextFundingTime": None, "time": None}
        return {"symbol": symbol, "markPrice": f"{mark:.8f}", "indexPrice": f"{mark * 0.9998:.8f}",
                "estimatedSettlePrice": f"{mark * 0.9999:.8f}", "lastFundingRate": f"{self.funding[symbol]:.8f}",
                "interestRate": "0.00010000", "nextFundingTime": next_funding, "time": now_ms}

    def _oi_history(self, symbol: str, params: dict[str, str], now_ms: int, nulls: bool) -> tuple[int, object]:
        period = params.get("period", "")
        if period not in PERIODS_MS:
            return 400, {"code": -1120, "msg": "Invalid period."}
        step = PERIODS_MS[period]
        limit = int(params.get("limit", "30"))
        if not 1 <= limit <= 500:
            return 400, {"code": -1130, "msg": "Invalid limit."}
        end = min(int(params.get("endTime", now_ms)), now_ms)
        start = int(params["startTime"]) if "startTime" in params else None
        last = end // step * step
        stamps = [last - i * step for i in range(limit)][::-1]
        if start is not None:
            stamps = [t for t in stamps if t >= start]
        mark = self.mark_price[symbol]
        rows = []
        for t in stamps:
            oi = self.oi_at(symbol, t)
            rows.append({"symbol": symbol, "sumOpenInterest": None if nulls else f"{oi:.8f}",
                         "sumOpenInterestValue": None if nulls else f"{oi * mark:.8f}",
                         "CMCCirculatingSupply": "19800000.000", "timestamp": None if nulls else t})
        return 200, rows

class _Handler(QuietHandler):
    fake: FakeBinanceFutures
    server_version = "FakeBinanceFutures/1.0"

    def _handle(self) -> None:
        fake = self.fake
        arrived = time.monotonic()
        url = urlparse(self.path)
        endpoint = ROUTES.get(url.path.rstrip("/"), "")
        params = {k: v[0] for k, v in parse_qs(url.query).items()}
        fault = fake.take_fault(endpoint) if endpoint else None
        kind = fault.kind if fault else None
        status = 200
        fake.wait(fake.latency)
        try:
            if kind in ("latency", "timeout"):
                fake.wait(float(fault.params.get("seconds", 0.1 if kind == "latency" else 30)))  # type: ignore[union-attr]
            if not endpoint:
                status = 404
                self._send(404, b'{"code":-1,"msg":"Not found"}')
            elif kind in ("500", "503", "429", "418"):
                status = int(kind)
                text = {"500": b'{"code":-1000,"msg":"An unknown error occured while processing the request."}',
                        "503": b"Service Unavailable", "429": b'{"code":-1003,"msg":"Too many requests."}',
                        "418": b'{"code":-1003,"msg":"Way too many requests; IP banned."}'}[kind]
                self._send(status, text, "application/json" if text.startswith(b"{") else "text/plain")
            elif kind == "502":
                status = 502
                self._send(502, _HTML_502, "text/html")
            elif kind == "malformed":
                self._send(200, _MALFORMED)
            elif kind == "empty":
                self._send(200, b"[]" if endpoint == "openInterestHist" else b"{}")
            else:
                status, payload = fake.respond(endpoint, params, nulls=kind == "nulls")
                self._send(status, json.dumps(payload).encode())
        finally:
            fake.record(RequestRecord(arrived, endpoint, url.path, params, status, kind))


FakeBinanceFutures.handler = _Handler

if pytest is not None:
    @pytest.fixture
    def fake_derivatives():
        """A started :class:`FakeBinanceFutures`; stopped after the test."""
        server = FakeBinanceFutures().start()
        try:
            yield server
        finally:
            server.stop()


def main(argv: list[str] | None = None) -> int:  # pragma: no cover - manual use
    import argparse

    parser = argparse.ArgumentParser(description="Run the fake Binance USDⓈ-M futures venue on loopback.")
    parser.add_argument("--port", type=int, default=8798)
    args = parser.parse_args(argv)
    server = FakeBinanceFutures(port=args.port).start()
    print(f"fake Binance USDⓈ-M listening on {server.url}  (Ctrl-C to stop)", flush=True)
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
