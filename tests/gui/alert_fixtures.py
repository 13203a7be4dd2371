"""Shared set-up of the alert GUI tests: a real SQLite store under tmp_path, the default rules, a fixed clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from riskwatch import paths
from riskwatch.adapters.rules_io import load_default_rules
from riskwatch.adapters.sqlite_alerts import AlertRepository
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.domain.model import Asset, AssetKind
from riskwatch.domain.snapshot import MetricValue, Snapshot
from riskwatch.gui.translation import Translator
from riskwatch.services.alerting import AlertService

T0 = datetime(2025, 11, 4, 13, 5, tzinfo=UTC)
DROP = "drop_from_high:30D"
ASSETS = {"BTC": Asset("BTC", AssetKind.CRYPTO), "QQQ": Asset("QQQ", AssetKind.INDEX),
          "MARA": Asset("MARA", AssetKind.EQUITY)}


class Clock:
    def __init__(self, now: datetime = T0):
        self.t = now

    def now(self) -> datetime:
        return self.t


@dataclass
class Stack:
    data_dir: Path
    store: SqliteStore
    repo: AlertRepository
    clock: Clock
    service: AlertService

    def reopen(self) -> AlertRepository:
        """Close the store and open the file again: what a restart would see."""
        self.store.close()
        self.store = SqliteStore.in_dir(self.data_dir)
        self.repo = AlertRepository(self.store)
        return self.repo


def make_stack(data_dir: Path) -> Stack:
    store = SqliteStore.in_dir(data_dir)
    repo = AlertRepository(store)
    repo.seed_default_rules(load_default_rules())
    clock = Clock()
    return Stack(data_dir, store, repo, clock, AlertService(repo, clock))


def snap(btc: float | None = None, qqq: float | None = None, mara: float | None = None,
         ts: datetime = T0) -> Snapshot:
    values = {}
    for sym, v in (("BTC", btc), ("QQQ", qqq), ("MARA", mara)):
        if v is not None:
            values[(sym, DROP)] = MetricValue(v)
    return Snapshot(ts, values, ASSETS)


def local_text(ts: datetime, seconds: bool = False) -> str:
    """How a German window shows ``ts`` (local time of the test machine)."""
    return ts.astimezone().strftime("%d.%m.%Y %H:%M:%S" if seconds else "%d.%m.%Y %H:%M")


class German:
    """Install the German translation (and de_DE number formats) for one test; undo afterwards."""

    def __init__(self):
        self._default = QLocale()
        self.translator = Translator(QApplication.instance(), paths.resource("translations"))

    def __enter__(self) -> German:
        self.translator.set_language("de")
        return self

    def __exit__(self, *exc) -> None:
        app = QApplication.instance()
        app.removeTranslator(self.translator._own)
        app.removeTranslator(self.translator._qt)
        QLocale.setDefault(self._default)
        self.translator.deleteLater()
