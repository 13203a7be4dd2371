"""The overview follows the user's rules and the metric catalogue: card colours from the enabled portfolio rules,
one figure column per dashboard metric of the catalogue (read from the snapshot)."""

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale

from riskwatch import app as rwapp
from riskwatch.adapters.clock import ManualClock
from riskwatch.adapters.rules_io import load_default_rules
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.domain.alerts import Severity
from riskwatch.domain.catalogue import codes
from riskwatch.domain.model import Asset, AssetKind, Bar, Position
from riskwatch.gui.theme import theme
from riskwatch.gui.views.asset_table import COL_ALERT, COL_DRAWDOWN, COL_DROP, COL_FIRST_FIGURE, FIGURES
from riskwatch.gui.views.dashboard_view import DashboardView
from riskwatch.services.monitor import Monitor

START = datetime(2025, 1, 1, tzinfo=timezone.utc)


@pytest.fixture(autouse=True)
def english_locale():
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def report(data_dir):
    store = SqliteStore.in_dir(data_dir)
    clock = ManualClock(START + timedelta(days=99, hours=20))
    _repo, alerts = rwapp.open_alerts(store, clock)
    btc = [100.0 + i for i in range(60)] + [159.0 - 2 * i for i in range(1, 41)]
    iren = [10.0 + 0.1 * i for i in range(100)]
    store.upsert_bars([Bar("BTC", START + timedelta(days=i), c) for i, c in enumerate(btc)])
    store.upsert_bars([Bar("IREN", START + timedelta(days=i), c) for i, c in enumerate(iren)])
    store.add_position(Position(Asset("BTC", AssetKind.CRYPTO), Decimal("1"), Decimal("100")))
    store.add_position(Position(Asset("IREN", AssetKind.EQUITY), Decimal("10"), Decimal("10")))
    yield Monitor(store, alerts, clock, None).evaluate(store.portfolio(), None, offline=True).report
    store.close()


def _drawdown_rules(warning: float, critical: float, *, enabled: bool = True):
    shipped = next(r for r in load_default_rules() if r.key == "portfolio_drawdown_warning")
    return [replace(shipped, threshold=warning, enabled=enabled),
            replace(shipped, key="portfolio_drawdown_critical", name="Portfolio deep drawdown", threshold=critical,
                    severity=Severity.CRITICAL, enabled=enabled)]


def test_the_drawdown_card_is_coloured_by_the_users_portfolio_rules(qtbot, report):
    d = DashboardView()
    qtbot.addWidget(d)
    d.set_report(report)
    dd = report.portfolio.drawdown
    assert dd is not None and dd < -0.1
    colour = lambda: d.cards["drawdown"].value.styleSheet()  # noqa: E731
    t = theme()
    assert t.card.foreground in colour()                            # no rule: the plain colour
    d.set_rules(_drawdown_rules(dd + 0.05, dd - 0.05))
    assert t.caution in colour()                                    # past the warning threshold only
    d.set_rules(_drawdown_rules(dd + 0.05, dd + 0.01))
    assert t.negative in colour()                                   # past the critical one
    d.set_rules(_drawdown_rules(dd - 0.05, dd - 0.10))
    assert t.positive in colour()                                   # no threshold crossed
    d.set_rules(_drawdown_rules(dd + 0.05, dd + 0.01, enabled=False))
    assert t.card.foreground in colour()                            # disabled rules do not count
    assert t.card.foreground in d.cards["drop"].value.styleSheet()  # no rule on the drop: plain


def test_every_dashboard_metric_of_the_catalogue_has_a_column_read_from_the_snapshot(qtbot, report):
    d = DashboardView()
    qtbot.addWidget(d)
    d.show(report, (), None)
    table = d.assets
    assert [code for code, _ in FIGURES] == list(codes(dashboard=True))
    assert COL_ALERT == COL_FIRST_FIGURE + len(FIGURES)
    shown = [c for c in range(table.columnCount()) if not table.isColumnHidden(c)]
    assert shown == [0, 1, 2, 3, COL_DROP, COL_DRAWDOWN, COL_ALERT]   # today's layout by default
    heads = [table.horizontalHeaderItem(c).text() for c in shown]
    assert heads == ["Symbol", "Price", "Age", "Change 24 h", "Drop from 30-day high", "Drawdown", "Alert"]
    vol = COL_FIRST_FIGURE + [code for code, _ in FIGURES].index("volatility")
    table.columns.set_visible(vol, True)                            # an optional figure, chosen by the user
    assert not table.isColumnHidden(vol)
    assert table.horizontalHeaderItem(vol).text() == "Volatility (90 days)"
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "BTC")
    expected = report.snapshot.value("BTC", "volatility:90D")
    assert expected is not None and table.item(row, vol).text() == f"{expected * 100:.1f}%"
    drop = report.snapshot.value("BTC", "drop_from_high:30D")
    assert table.item(row, COL_DROP).text() == f"\u2212{abs(drop) * 100:.1f}%"
