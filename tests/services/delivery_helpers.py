"""What the delivery tests share: a real store with default rules, a portfolio whose BTC falls (warning or
critical events from a real offline Monitor cycle), and a DeliveryService built by app.build_delivery."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from riskwatch import app as rwapp
from riskwatch.adapters.channel_secrets import MemoryChannelSecrets
from riskwatch.adapters.clock import ManualClock
from riskwatch.adapters.rules_io import load_default_rules
from riskwatch.adapters.sqlite_alerts import AlertRepository
from riskwatch.adapters.sqlite_outbox import ChannelRepository, Outbox
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.domain.model import Asset, AssetKind, Bar, Position
from riskwatch.services.alerting import AlertService
from riskwatch.services.monitor import Monitor

START = datetime(2025, 1, 1, tzinfo=timezone.utc)
NOW = START + timedelta(days=80, hours=12)
BTC = Asset("BTC", AssetKind.CRYPTO)


def falling_btc(store, *, depth: float = 20.0) -> None:
    """60 flat days at 100, then 20 days down to ``100 - depth`` (20: warning, 35: critical)."""
    closes = [100.0] * 60 + [100.0 - depth * i / 20 for i in range(1, 21)]
    store.upsert_bars([Bar("BTC", START + timedelta(days=i), c) for i, c in enumerate(closes)])
    store.add_position(Position(BTC, Decimal("2"), Decimal("50")))


class Env:
    """A store in ``directory`` with the shipped rules, a manual clock, the alert service and the delivery."""

    def __init__(self, directory, *, depth: float = 20.0, secrets=None, language: str = "en", seed: bool = True,
                 **delivery):
        self.store = SqliteStore.in_dir(directory)
        self.repo = AlertRepository(self.store)
        self.repo.seed_default_rules(load_default_rules())
        self.clock = ManualClock(NOW)
        self.alerts = AlertService(self.repo, self.clock)
        self.channels = ChannelRepository(self.store)
        self.outbox = Outbox(self.store)
        self.secrets = secrets if secrets is not None else MemoryChannelSecrets()
        if seed:
            falling_btc(self.store, depth=depth)
        self.delivery = rwapp.build_delivery(self.store, self.clock, self.secrets, alert_service=self.alerts,
                                             language=language)
        for key, value in delivery.items():
            setattr(self.delivery, key, value)

    def cycle(self):
        """One real offline Monitor cycle (commits its events and their outbox rows)."""
        return asyncio.run(Monitor(self.store, self.alerts, self.clock, None).run_cycle(offline=True))

    def close(self) -> None:
        self.store.close()
