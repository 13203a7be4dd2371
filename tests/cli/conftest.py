"""Command-line tests: the exchange behind a loopback URL is the fake in this process, so ccxt's politeness
spacing (1 s per request for Kraken) only adds waiting; the other tests of the feeds pass ``rate_limit_ms=1``
to the fake for the same reason, and tests/adapters/test_ccxt_feed.py checks the declared spacing itself."""

from __future__ import annotations

import functools
from urllib.parse import urlsplit

import pytest

LOOPBACK_SPACING_MS = 1


def _loopback(url) -> bool:
    return bool(url) and (urlsplit(str(url)).hostname or "").lower() in ("127.0.0.1", "localhost", "::1")


@pytest.fixture(autouse=True)
def _loopback_exchange_unpaced(monkeypatch):
    """In-process runs only (a subprocess keeps ccxt's spacing): a loopback exchange with no spacing given
    gets ``LOOPBACK_SPACING_MS``; a real endpoint keeps ccxt's declared limit."""
    from riskwatch.adapters import ccxt_account
    from riskwatch.adapters.ccxt_feed import CcxtFeed

    feed_init = CcxtFeed.__init__

    @functools.wraps(feed_init)
    def init(self, *args, **kwargs):
        if kwargs.get("rate_limit_ms") is None and _loopback(kwargs.get("api_url")):
            kwargs["rate_limit_ms"] = LOOPBACK_SPACING_MS
        feed_init(self, *args, **kwargs)

    private_exchange = ccxt_account._private_exchange

    def keyed(exchange_id, creds, api_url, timeout_ms, rate_limit_ms=None):
        if rate_limit_ms is None and _loopback(api_url):
            rate_limit_ms = LOOPBACK_SPACING_MS
        return private_exchange(exchange_id, creds, api_url, timeout_ms, rate_limit_ms)

    monkeypatch.setattr(CcxtFeed, "__init__", init)
    monkeypatch.setattr(ccxt_account, "_private_exchange", keyed)
