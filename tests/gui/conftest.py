"""GUI tests: the exchange behind a loopback URL is a fake in this process, so neither ccxt's spacing nor the
retry backoff is waited for (tests/fakes/unpaced.py; the spacing and the backoff have their own tests); the
alert stack the rule-editor and alert-window tests share."""

from __future__ import annotations

import pytest

from tests.fakes.unpaced import loopback_exchange_quick  # noqa: F401 - autouse fixture
from tests.gui.alert_fixtures import make_stack


@pytest.fixture
def stack(data_dir):
    """A store with the shipped default rules, its alert repository and the alert service on a manual clock
    (``tests.gui.alert_fixtures.make_stack``); test modules with a stack of their own override it."""
    s = make_stack(data_dir)
    yield s
    s.store.close()
