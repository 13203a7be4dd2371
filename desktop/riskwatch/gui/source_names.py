"""Display names of the data sources and the state of each kind (crypto exchange, stock quotes) in a cycle."""

from __future__ import annotations

EXCHANGE_NAMES = {"kraken": "Kraken", "binance": "Binance", "coinbase": "Coinbase", "bitstamp": "Bitstamp"}
EQUITY_NAME = "Yahoo Finance"


def exchange_name(exchange: str) -> str:
    return EXCHANGE_NAMES.get(exchange, exchange)


def _is_equity(name: str) -> bool:
    return name == "equity" or name.startswith("yfinance")


def source_states(market) -> tuple[str | None, str | None]:
    """(crypto state, equity state) of a MarketDataResult's sources: None for a kind it has no source of."""
    crypto = [s for n, s in market.sources.items() if not _is_equity(n)]
    equity = [s for n, s in market.sources.items() if _is_equity(n)]

    def state(items):
        return str(getattr(items[0].state, "value", items[0].state)) if items else None

    return state(crypto), state(equity)


def show_sources(panel, market, exchange: str) -> None:
    """Put the sources' names and states of a cycle (``market``: MarketDataResult or None) on the status panel."""
    name = exchange_name(exchange)
    if market is None:
        panel.set_sources(crypto=(name, "offline"), equity=(EQUITY_NAME, "offline"))
        return
    crypto, equity = source_states(market)
    if crypto is not None:
        panel.set_sources(crypto=(name, crypto))
    if equity is not None:
        panel.set_sources(equity=(EQUITY_NAME, equity))


__all__ = ["EQUITY_NAME", "EXCHANGE_NAMES", "exchange_name", "show_sources", "source_states"]
