"""The exchange behind a loopback URL is a fake in this process, so ccxt's politeness spacing (1 s per request
for Kraken) and the feed's retry backoff (0.25–1 s per retry) only add waiting.

Two autouse fixtures for the test folders that run the app's own wiring; import one into the folder's conftest:
:func:`loopback_exchange_unpaced` (``tests/cli``) gives a loopback exchange without a given spacing
``LOOPBACK_SPACING_MS``; :func:`loopback_exchange_quick` (``tests/gui``) also gives it, without a given retry
policy, one with the same number of tries and millisecond delays. A real endpoint keeps ccxt's declared limit
and the default backoff. The tests of the spacing and the backoff themselves (tests/adapters, tests/services)
pass their own values and use neither. In-process only: a subprocess keeps ccxt's spacing.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from urllib.parse import urlsplit

import pytest

LOOPBACK_SPACING_MS = 1
LOOPBACK_RETRY_DELAY_S = 0.005


def _loopback(url) -> bool:
    return bool(url) and (urlsplit(str(url)).hostname or "").lower() in ("127.0.0.1", "localhost", "::1")


def unpace_loopback_exchanges(monkeypatch, *, quick_retries: bool = False) -> None:
    """Patch the feeds' constructors for this test (see the module docstring)."""
    from riskwatch.adapters import ccxt_account
    from riskwatch.adapters.ccxt_exchanges import RetryPolicy
    from riskwatch.adapters.ccxt_feed import CcxtFeed

    feed_init = CcxtFeed.__init__
    quick_retry = replace(RetryPolicy(), base_delay=LOOPBACK_RETRY_DELAY_S, max_delay=4 * LOOPBACK_RETRY_DELAY_S)

    @functools.wraps(feed_init)
    def init(self, *args, **kwargs):
        if _loopback(kwargs.get("api_url")):
            if kwargs.get("rate_limit_ms") is None:
                kwargs["rate_limit_ms"] = LOOPBACK_SPACING_MS
            if quick_retries:
                kwargs.setdefault("retry", quick_retry)
        feed_init(self, *args, **kwargs)

    private_exchange = ccxt_account._private_exchange

    def keyed(exchange_id, creds, api_url, timeout_ms, rate_limit_ms=None):
        if rate_limit_ms is None and _loopback(api_url):
            rate_limit_ms = LOOPBACK_SPACING_MS
        return private_exchange(exchange_id, creds, api_url, timeout_ms, rate_limit_ms)

    monkeypatch.setattr(CcxtFeed, "__init__", init)
    monkeypatch.setattr(ccxt_account, "_private_exchange", keyed)


@pytest.fixture(autouse=True)
def loopback_exchange_unpaced(monkeypatch):
    """No spacing for a loopback exchange (tests/cli: the retry backoff stays, deadlines are tested there)."""
    unpace_loopback_exchanges(monkeypatch)


@pytest.fixture(autouse=True)
def loopback_exchange_quick(monkeypatch):
    """No spacing and millisecond retry delays for a loopback exchange (tests/gui)."""
    unpace_loopback_exchanges(monkeypatch, quick_retries=True)
