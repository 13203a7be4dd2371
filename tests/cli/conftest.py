"""Command-line tests: the exchange behind a loopback URL is the fake in this process, so ccxt's politeness
spacing only adds waiting (see tests/fakes/unpaced.py); tests/adapters/test_ccxt_feed.py checks the declared
spacing itself."""

from __future__ import annotations

from tests.fakes.unpaced import loopback_exchange_unpaced  # noqa: F401 - autouse fixture
