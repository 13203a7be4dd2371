"""Wiring of the miner balance sheets (issue 19), called from ``app.py`` and the commands: the EDGAR feed, the
fundamentals repository on the store, the refresh service, the signal source and the GUI's collaborators.

Nothing heavy is imported at module level: each builder imports what it wires on first use.
"""

from __future__ import annotations

#: The setting holding the contact (an e-mail address) EDGAR's User-Agent names.
EDGAR_CONTACT_SETTING = "edgar_contact"


def edgar_api_url(args=None) -> str | None:
    """``--edgar-api-url``, else ``RISKWATCH_EDGAR_API_URL``, else None (EDGAR itself)."""
    from riskwatch.options import options_of

    return getattr(args, "edgar_api_url", None) or options_of(args).edgar_api_url or None


def edgar_contact(args=None, store=None) -> str:
    """``RISKWATCH_EDGAR_CONTACT``, else the store's setting ``edgar_contact``, else ''."""
    from riskwatch.options import options_of

    contact = options_of(args).edgar_contact
    if not contact and store is not None:
        contact = (store.get_setting(EDGAR_CONTACT_SETTING, "") or "").strip()
    return contact


def build_edgar_feed(args, store, *, clock=None):
    """The EDGAR company-facts client: its endpoint from the option, its User-Agent naming the contact."""
    from riskwatch.adapters.edgar_feed import EdgarFeed, user_agent

    return EdgarFeed(edgar_api_url(args), user_agent=user_agent(edgar_contact(args, store)), clock=clock)


def fundamentals_repository(store):
    from riskwatch.adapters.sqlite_fundamentals import FundamentalsRepository

    return FundamentalsRepository(store)


def build_fundamentals_service(store, clock, args=None):
    """The refresh service on ``store`` (the nine miners' CIKs) with a feed built from ``args``."""
    from riskwatch.services.fundamentals import MINER_CIKS, FundamentalsService

    return FundamentalsService(build_edgar_feed(args, store, clock=clock), fundamentals_repository(store), clock,
                               MINER_CIKS)


def attach_balance_tab(window, store):
    """The "Bilanz" tab in a MainWindow: it reads and the fundamentals dialog saves through the store's
    fundamentals repository (app.py calls this after ``create_main_window``)."""
    from riskwatch.gui.balance_tab import balance_reader, build_balance_tab

    repository = fundamentals_repository(store)
    return build_balance_tab(window, read=balance_reader(repository), repository=repository)


def build_fundamentals_keeper(store, clock, args=None):
    """The daily refresh of the held miners' company facts (run beside the cycles), or None when no EDGAR endpoint
    is configured while the exchange points at loopback (a test or local setup: the real EDGAR is never asked)."""
    from riskwatch.adapters.derivatives_feed import is_loopback_url
    from riskwatch.services.fundamentals_keeper import FundamentalsKeeper
    from riskwatch.services.settings import load_settings

    exchange_url = getattr(args, "exchange_api_url", None) or load_settings(store).exchange_api_url or ""
    if not edgar_api_url(args) and exchange_url and is_loopback_url(exchange_url):
        return None
    return FundamentalsKeeper(build_fundamentals_service(store, clock, args), lambda: store.portfolio().symbols)


def build_fundamentals_source(store, clock):
    """The signal source putting the held miners' balance-sheet figures into each cycle's Snapshot (it reads the
    store only, so it runs offline too)."""
    from riskwatch.services.fundamentals_source import FundamentalsSource

    return FundamentalsSource(fundamentals_repository(store), clock)


__all__ = ["attach_balance_tab", "build_fundamentals_keeper", "build_fundamentals_source", "build_edgar_feed", "build_fundamentals_service", "edgar_api_url", "edgar_contact",
           "fundamentals_repository"]
