"""Wiring of the market panel (called from ``app.py``, the one place that wires): the baskets a cycle prices,
the bundled pegs and funding, the regime evaluator, and the keeper of the CD20 constituents' history.

Nothing heavy is imported here at module level: the bundle and the services come in on first use.
"""

from __future__ import annotations


def build_market_panel(store) -> dict:
    """The Monitor's market-panel collaborators on ``store``'s settings: the baskets it prices, the bundled pegs
    and funding (offline, replay) and the regime evaluator. The bundle is read on first use."""
    from riskwatch.services.market_regime import BundledSignals, RegimeEvaluator

    setup = market_setup(store)
    return dict(baskets=setup.baskets, regime=RegimeEvaluator(setup.regime_config),
                bundled_signals=BundledSignals(_bundled_stablecoin, _bundled_funding))


def build_basket_history(monitor, store, *, progress=None):
    """The keeper of the CD20 constituents' daily history (run on a task of its own beside the cycles), or None
    while the monitor has no exchange (offline, or no crypto feed configured)."""
    market = getattr(monitor, "market", None)
    if market is None or getattr(market, "crypto", None) is None:
        return None
    from riskwatch.services.basket_history import BasketHistoryKeeper

    setup = market_setup(store)
    return BasketHistoryKeeper(lambda: monitor.market, lambda: setup.baskets(store.portfolio()), progress=progress)


def read_basket(path):
    """A basket CSV (a newer factsheet or the user's own), for the market dialog's import."""
    from riskwatch.adapters.market_bundle import load_basket_factsheet

    return load_basket_factsheet(path)


def market_setup(store):
    """The user's basket and regime choices in ``store`` (the bundled CD20 factsheet until they import one)."""
    from riskwatch.services.market_regime import MarketSetup

    def factsheet():
        from riskwatch.adapters.market_bundle import load_basket_factsheet
        return load_basket_factsheet()

    return MarketSetup(store, factsheet)


def _bundled_stablecoin(symbol: str):
    from riskwatch.adapters.market_bundle import load_bundled_stablecoin
    return load_bundled_stablecoin(symbol)


def _bundled_funding():
    from riskwatch.adapters.market_bundle import load_bundled_funding
    return load_bundled_funding()


__all__ = ["build_basket_history", "build_market_panel", "market_setup", "read_basket"]
