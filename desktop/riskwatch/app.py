"""The one place that wires things together: settings, store, feeds, services, GUI.

Starting the desktop (the window first, then the figures, then the feeds) is in :mod:`riskwatch.launcher`."""

from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import Path

from riskwatch import fundamentals_wiring, paths
from riskwatch.market_wiring import build_basket_history, build_market_panel, market_setup, read_basket  # noqa: F401
from riskwatch.options import options_of

log = logging.getLogger("riskwatch")


def open_store(args=None, *, data_dir: str | Path | None = None, on_damaged_row=None):
    """Open (creating and migrating if needed) the SQLite store in the data directory.

    The folder is created 0700; the default data folder is also tightened to 0700 when it exists with looser
    permissions (a folder given with --data-dir is left as it is). ``on_damaged_row(DamagedRow)`` hears of
    each stored row that was skipped because it does not parse. A write waits ``RISKWATCH_BUSY_TIMEOUT_S``
    seconds (default 5) for another process's lock before the store reports it is locked."""
    from riskwatch.adapters.private_fs import ensure_private_dir
    from riskwatch.adapters.sqlite_store import BUSY_TIMEOUT_S, SqliteStore

    directory = private_data_dir(paths.data_dir(data_dir or getattr(args, "data_dir", None), options_of(args)),
                                 ensure_private_dir)
    timeout = options_of(args).busy_timeout_s or BUSY_TIMEOUT_S
    return SqliteStore.in_dir(directory, busy_timeout=timeout, on_damaged_row=on_damaged_row)


def private_data_dir(directory: Path, ensure) -> Path:
    from riskwatch.domain.errors import StoreReadOnly

    try:
        is_default = directory.expanduser().resolve() == paths.default_data_dir().resolve()
        return ensure(directory, tighten=is_default)
    except PermissionError as exc:
        raise StoreReadOnly(f"cannot create the data folder {directory} ({exc.strerror}); choose another folder "
                            f"with --data-dir", path=str(directory), detail=str(exc)) from None


def open_alerts(store, clock):
    """The alert repository and service on an open store; the shipped default rules are seeded once."""
    from riskwatch.adapters.rules_io import load_default_rules
    from riskwatch.adapters.sqlite_alerts import AlertRepository
    from riskwatch.services.alerting import AlertService

    repo = AlertRepository(store)
    repo.seed_default_rules(load_default_rules())
    return repo, AlertService(repo, clock)


def build_market_data(store, clock, args=None, settings=None):
    """The market-data service with the configured exchange (ccxt is imported lazily, on first use)."""
    from riskwatch.adapters.ccxt_feed import CcxtFeed
    from riskwatch.adapters.equity_feed import YFinanceEquityFeed
    from riskwatch.services.market_data import MarketDataConfig, MarketDataService
    from riskwatch.services.settings import load_settings

    settings = settings or load_settings(store)
    exchange = (getattr(args, "exchange", None) or settings.exchange or "kraken").lower()
    api_url = getattr(args, "exchange_api_url", None) or settings.exchange_api_url or None
    crypto = CcxtFeed(exchange, api_url=api_url, timeout_ms=5000)
    # RISKWATCH_EQUITY_SOURCE=csv: stock prices only from imported/cached history (no Yahoo request);
    # used by tests, and by users who import their broker's prices.
    if options_of(args).csv_equity_prices:
        from riskwatch.adapters.equity_feed import CsvEquityFeed

        equity = CsvEquityFeed(store, clock=clock)
    else:
        equity = YFinanceEquityFeed(timeout=5.0)
    config = MarketDataConfig(refresh_interval=timedelta(seconds=settings.refresh_interval_s))
    return MarketDataService(store, crypto, equity, clock, config)


def build_monitor(store, clock, *, args=None, offline: bool = False, alerts=None, report_computer=None,
                  store_only: bool = False):
    """The Monitor with everything it owns (and closes in ``aclose``): the market-data service (None offline),
    the signal sources and the ``report_computer`` (None: the report is computed on the cycle's thread; the
    desktop passes :func:`build_report_computer`'s worker process); ``store_only``: none of them (the preview)."""
    from riskwatch.services.monitor import Monitor
    from riskwatch.services.settings import load_settings

    settings = load_settings(store)
    if alerts is None:
        _repo, alerts = open_alerts(store, clock)
    market = None if offline or store_only else build_market_data(store, clock, args, settings)
    liquidity = None if store_only else build_liquidity(store, clock, market)
    sources = () if store_only else (build_derivatives(store, clock, market, args, settings),
                                     fundamentals_wiring.build_fundamentals_source(store, clock))
    return Monitor(store, alerts, clock, market, refresh_s=settings.refresh_interval_s,
                   fallback_closes=bundled_closes, liquidity=liquidity, signal_sources=sources,
                   report_computer=report_computer, **build_market_panel(store))


def register_alert_sinks(alerts, *sinks) -> list:
    """The one place where alert sinks are registered (the GUI sink today; desktop notifications and remote
    channels later, each queuing its delivery off the cycle). Returns the removers."""
    return [alerts.add_sink(sink) for sink in sinks if sink is not None]


def build_tray_and_notifications(window, alerts, *, tray_available: bool | None = None):
    """The app icon, the tray icon (from start-up) and the desktop-notification alert sink of the desktop app.

    On Linux the notifications go to the freedesktop notification service over D-Bus (jeepney; connected on the
    first notification, so not on the way to the first paint); elsewhere, and when no service answers, the tray
    message shows them. ``tray_available``: None asks Qt whether the desktop has a tray."""
    import sys

    from PySide6.QtWidgets import QApplication

    from riskwatch.gui.notifications import DesktopNotifications
    from riskwatch.gui.tray import Tray, app_icon

    icon_path = paths.resource("icons", "riskwatch.svg")
    icon = app_icon(icon_path)
    QApplication.instance().setWindowIcon(icon)
    window.setWindowIcon(icon)
    tray = Tray(window, window.settings_controller, icon, available=tray_available)
    notifications = DesktopNotifications(alerts, window.ops, fallback=tray.show_message,
                                         enabled=window.settings.tray_notifications, parent=window)
    if sys.platform.startswith("linux"):
        from riskwatch.adapters.desktop_notify import FreedesktopNotifications

        backend = FreedesktopNotifications(paths.APP_NAME, icon=str(icon_path),
                                           on_action=notifications.action_invoked,
                                           on_closed=notifications.notification_closed)
        notifications.set_backend(backend)
        QApplication.instance().aboutToQuit.connect(backend.close)
    window.hub.settings_changed.connect(lambda new, _old: notifications.set_enabled(new.tray_notifications))
    notifications.activated.connect(tray.show_window)
    return tray, notifications


def build_desktop_integration(args=None, *, platform: str | None = None, winreg=None):
    """The menu entry and start at login (adapters/desktop_entry.py) running this installation (and --data-dir)."""
    import sys

    from riskwatch.adapters.desktop_entry import desktop_integration, launch_command

    options, platform = options_of(args), platform or sys.platform
    command = launch_command(platform=platform, data_dir=getattr(args, "data_dir", None))
    return desktop_integration(platform, home=Path.home(), command=command, resources=paths.resources_dir(),
                               data_home=options.xdg_home("XDG_DATA_HOME"), config_home=options.xdg_home(
                                   "XDG_CONFIG_HOME"), winreg=winreg)


def build_report_computer():
    """The desktop app computes each cycle's risk report in a worker process (see adapters/report_process.py),
    started now so its imports are done before the first cycle needs it. ``RISKWATCH_INPROCESS_REPORT=1``
    keeps the computation on the loop thread (None)."""
    if options_of().inprocess_report:
        return None
    from riskwatch.adapters.report_process import ReportProcess

    return ReportProcess().start()


def build_liquidity(store, clock, market):
    """The liquidity collector: order books through the market-data service, signal history in the store."""
    from riskwatch.adapters.sqlite_liquidity import LiquidityHistory
    from riskwatch.services.liquidity import LiquidityCollector

    return LiquidityCollector(market, LiquidityHistory(store), clock, bars=store)


def build_derivatives(store, clock, market, args=None, settings=None):
    """Funding and open interest as a signal source, from the derivatives venue (see
    :func:`build_derivatives_feed`; none while offline), its history in the store."""
    from riskwatch.adapters.sqlite_liquidity import LiquidityHistory
    from riskwatch.services.derivatives import DerivativesSource

    feed = build_derivatives_feed(store, clock, args, settings) if market is not None else None
    return DerivativesSource(feed, clock, history=LiquidityHistory(store))


def build_derivatives_feed(store, clock, args=None, settings=None):
    """Binance USD-M futures (ccxt, imported lazily) for BTC funding and open interest, or None.

    ``RISKWATCH_DERIVATIVES_API_URL`` (then the setting ``derivatives_api_url``) points it at another endpoint.
    Without one, while the exchange API URL points at loopback (a test or local server), the real venue is not
    contacted: None, and the leverage signals read as unavailable.
    """
    from riskwatch.adapters.derivatives_feed import DerivativesFeed, is_loopback_url
    from riskwatch.services.settings import load_settings

    url = options_of(args).derivatives_api_url or load_settings(store).derivatives_api_url
    exchange_url = getattr(args, "exchange_api_url", None) or getattr(settings, "exchange_api_url", "") or ""
    if not url and exchange_url and is_loopback_url(exchange_url):
        return None
    try:
        return DerivativesFeed(api_url=url or None, timeout_ms=5000, clock=clock)
    except ValueError as exc:
        log.warning("derivatives feed disabled: %s", exc)
        return None


def bundled_closes(symbol: str):
    """Bundled daily history for a symbol the store has no bars for (None when not bundled)."""
    from riskwatch.adapters.bundle import load_bundled_closes

    return load_bundled_closes(symbol)


def example_positions():
    from riskwatch.adapters.csv_io import read_positions_file

    return read_positions_file(paths.resource("data", "example_portfolio.csv"))


def setup_logging(data_dir: Path) -> None:
    """Log to ``riskwatch.log`` (mode 0600, rotated at 1 MB, 3 kept) in the data folder (created 0700)."""
    from riskwatch.adapters.private_fs import PrivateRotatingFileHandler, ensure_private_dir

    private_data_dir(data_dir, ensure_private_dir)
    handler = PrivateRotatingFileHandler(data_dir / "riskwatch.log")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("riskwatch")
    root.setLevel(logging.INFO)
    root.addHandler(handler)


def take_instance_lock(data_dir: Path, holder: str):
    """The one place the data folder's instance lock is taken, by the desktop app (``holder`` "desktop") and
    ``riskwatch watch`` ("watch") for their lifetime; one-shot commands never take it. Raises
    ``InstanceRunning`` while another process holds it; None when the folder cannot hold a lock file (read-only:
    opening the store then says what is wrong)."""
    from riskwatch.adapters.instance_lock import acquire
    from riskwatch.adapters.private_fs import ensure_private_dir
    from riskwatch.domain.errors import StoreError

    try:
        return acquire(private_data_dir(data_dir, ensure_private_dir), holder)
    except (OSError, StoreError) as exc:
        log.warning("no instance lock in %s: %s", data_dir, exc)
        return None


def build_delivery(store, clock, secrets=None, *, args=None, alert_service=None, language: str | None = None):
    """The DeliveryService of the remote channels on ``store`` (the caller starts ``run(stop)`` on the loop
    thread and awaits ``aclose()`` at shutdown). ``secrets``: the channels' keyring (default the OS keyring);
    ``alert_service``: it wakes the delivery after each commit. The language is the store's setting, read for
    every message ("system": the environment's); reminders every ``reminder_minutes`` (a setting, default 60)."""
    from riskwatch.adapters.channel_email import EmailSender
    from riskwatch.adapters.channel_ntfy import NtfySender
    from riskwatch.adapters.channel_secrets import ChannelSecrets
    from riskwatch.adapters.channel_webhook import WebhookSender
    from riskwatch.adapters.sqlite_alerts import AlertRepository
    from riskwatch.adapters.sqlite_outbox import ChannelRepository, Outbox
    from riskwatch.services.delivery import DeliveryService
    from riskwatch.texts.alerts import AlertTexts
    from riskwatch.texts.catalog import Texts

    def texts():
        choice = language or store.get_setting("language", "system") or "system"
        return AlertTexts(Texts(choice if choice in ("de", "en") else options_of(args).cli_language()))

    try:
        minutes = int(store.get_setting("reminder_minutes", "60") or 60)
    except ValueError:
        minutes = 60
    senders = {"ntfy": NtfySender(), "webhook": WebhookSender(), "email": EmailSender()}
    delivery = DeliveryService(Outbox(store), ChannelRepository(store), senders,
                               secrets if secrets is not None else ChannelSecrets(), clock, texts,
                               reminder_minutes=max(minutes, 0), alerts=AlertRepository(store))
    if alert_service is not None:
        alert_service.add_sink(delivery)
    return delivery


def build_channel_admin(store, clock, delivery, secrets=None):
    """The settings dialog's view of the remote channels (list, add, remove, send test); ``delivery``: a callable
    returning the running DeliveryService or None; ``secrets``: the channels' keyring (default the OS keyring)."""
    from riskwatch.adapters.channel_secrets import ChannelSecrets
    from riskwatch.channel_admin import ChannelAdmin

    return ChannelAdmin(store, secrets if secrets is not None else ChannelSecrets(), clock, delivery)


def build_accounts(store, args=None):
    """(secret vault, key test, sync service) for exchange accounts; keys live only in the OS keyring. The ccxt
    adapter (numpy with it) is imported on first use: not on the way to the first painted figures."""
    from riskwatch.adapters.keyring_secrets import SecretResolver
    from riskwatch.services.account_sync import SyncService
    from riskwatch.services.settings import load_settings

    s = load_settings(store)
    configured = (getattr(args, "exchange", None) or s.exchange or "kraken").lower()
    url = getattr(args, "exchange_api_url", None) or s.exchange_api_url or None

    def url_for(ex):
        return url if ex == configured else None

    async def fetch(ex, creds):
        from riskwatch.adapters.ccxt_account import fetch_balances
        return await fetch_balances(ex, creds, url_for(ex))

    async def test(ex, creds):
        from riskwatch.adapters.ccxt_account import test_credentials
        await test_credentials(ex, creds, url_for(ex))

    vault = SecretResolver.default(options_of(args))  # the keyring is probed lazily, on first use
    return vault, test, SyncService(store, vault.credentials, fetch)


def create_main_window(store, *, language: str | None = None, bridge=None, alerts=None, clock=None,
                       alert_repo=None, accounts=None, autostart=None):
    """Build the main window on an open store (used by run_gui and by the GUI tests). ``autostart``: the
    :func:`build_desktop_integration` behind the settings' "Start at login" (None: no such box)."""
    from PySide6.QtWidgets import QApplication

    from riskwatch.adapters.bundle import bundled_source, bundled_symbols
    from riskwatch.gui.change_hub import ChangeHub
    from riskwatch.gui.main_window import MainWindow
    from riskwatch.gui.ops import OpRunner
    from riskwatch.gui.settings_controller import SettingsController
    from riskwatch.gui.translation import Translator

    app = QApplication.instance()
    hub = ChangeHub()
    # One translator per application: a second one would leave the first one's Qt strings installed
    # (an English window with a German "Abbrechen" after another window was German). Found by its name, so a
    # translator some other code made (and may be deleting) is never taken for the app's.
    translator = app.findChild(Translator, APP_TRANSLATOR)
    if translator is None:
        translator = Translator(app, paths.resource("translations"))
        translator.setObjectName(APP_TRANSLATOR)
    settings = SettingsController(store, hub, translator=translator, autostart=autostart)  # reads the AppSettings
    translator.set_language(language or settings.settings.language)
    from riskwatch.adapters.csv_io import write_text_atomic
    from riskwatch.adapters.rules_io import load_default_rules

    from riskwatch.adapters.market_bundle import bundled_crypto_symbols

    # (symbols, source): the About box names each source in the window's language
    about = ((", ".join(bundled_symbols()), "yahoo"), (", ".join(bundled_crypto_symbols()), "binance_usdt"),
             ("USDT, USDC", "yahoo_stablecoins"), ("BTC", "binance_funding"))
    restore = (lambda: alert_repo.restore_default_rules(load_default_rules())) if alert_repo is not None else None
    window = MainWindow(store, read_rows=read_position_rows, write_positions=write_positions,
                      bridge=bridge, alerts=alerts, about_sources=about, clock=clock, alert_repo=alert_repo,
                      restore_default_rules=restore, write_alert_csv=write_text_atomic,
                      extra_symbols=tuple(bundled_symbols()), closes=history_provider(store),
                      make_replay=lambda: make_replay_service(store, alert_repo.list_rules() if alert_repo else None),
                      accounts=accounts, hub=hub, ops=OpRunner(), settings=settings,
                      market_setup=market_setup(store), read_basket=read_basket, bundled_source=bundled_source,
                      example_positions=example_positions)
    fundamentals_wiring.attach_balance_tab(window, store)
    window.restore_last_tab()
    return window


APP_TRANSLATOR = "riskwatch-app-translator"


def history_provider(store):
    """symbol -> daily closes: the store's bars, with bundled days only before the first stored bar.

    pandas is imported on the first call (the charts tab, a replay), not while the window is being built."""
    provider = None

    def closes(symbol: str):
        nonlocal provider
        if provider is None:
            from riskwatch.services.replay import history_closes

            provider = history_closes(store, bundled_closes)
        return provider(symbol)

    return closes


def make_replay_service(store, rules=None):
    """A replay on a separate in-memory store: stored live data is never touched."""
    from riskwatch.adapters.clock import ManualClock
    from riskwatch.adapters.sqlite_store import SqliteStore
    from riskwatch.services.replay import ReplayService

    return ReplayService(make_store=lambda: SqliteStore(":memory:"), open_alerts=open_alerts,
                         make_clock=ManualClock, closes=history_provider(store), rules=rules,
                         market_panel=build_market_panel(store))


def read_position_rows(path: Path):
    from riskwatch.adapters.csv_io import read_position_rows as _read

    return [(r.line, r.position) for r in _read(path)]


def write_positions(path: Path, positions, fmt: str | None = None) -> None:
    """Export in ``fmt`` (csv_io.EXPORT_FORMATS); without one, JSON for a .json file and plain CSV else."""
    from riskwatch.adapters.csv_io import positions_to_text, write_text_atomic

    fmt = fmt or ("json" if Path(path).suffix.lower() == ".json" else "csv")
    write_text_atomic(Path(path), positions_to_text(positions, fmt))
