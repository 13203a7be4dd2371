"""The market panel on the bundled data through the real replay (``app.make_replay_service`` on an in-memory
SqliteStore with the example portfolio): the CD20 basket against an independent pandas computation, the bundled
USDC peg and BTC funding, the regime on the known stress days of 2022–2025 and on a quiet stretch of 2023, and
the user's basket and miner choices (``services.market_regime.MarketSetup``) as the cycle reads them."""

from __future__ import annotations

import gzip
import io
from datetime import UTC, date, datetime, timedelta

import pandas as pd
import pytest

from riskwatch import app, paths
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.domain.alerts import Comparator, EventKind, Rule, Scope, ScopeType, Severity
from riskwatch.domain.baskets import CD20, LISTED_MINERS, MINER_BASKET
from riskwatch.domain.freshness import DataStatus
from riskwatch.domain.model import Portfolio
from riskwatch.services.market_regime import CD20_KEY

DATA = paths.resource("data")
#: (first, last) day of each replayed stretch: Terra/Luna, FTX, the USDC depeg, a quiet summer, the 2025 sell-off
PERIODS = [(date(2022, 5, 9), date(2022, 5, 12)), (date(2022, 11, 7), date(2022, 11, 10)),
           (date(2023, 3, 9), date(2023, 3, 12)), (date(2023, 7, 10), date(2023, 7, 20)),
           (date(2025, 11, 18), date(2025, 11, 21))]


def _store():
    store = SqliteStore(":memory:")
    store.add_positions(app.example_positions())
    return store


@pytest.fixture(scope="module")
def days():
    """{day: CycleResult} of the replayed stretches."""
    store = _store()
    service = app.make_replay_service(store)
    out = {}
    for first, last in PERIODS:
        out.update(dict(service.run(store.portfolio(), first, last)))
    table = "\n".join(f"{d}  {r.regime.level_code:<9} {r.regime.count}/{r.regime.usable}  "
                      + ",".join(x.indicator.code for x in r.regime.readings if x.beyond) for d, r in out.items())
    print("\nregime per replayed day (level, count/usable, indicators beyond):\n" + table)
    store.close()
    return out


# -- an independent computation on the bundled files ----------------------------------------------------------
def _csv(path) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(gzip.decompress(path.read_bytes()).decode("utf-8")))


def _closes(symbol: str) -> pd.Series:
    """The bundled daily closes the app prices ``symbol`` with: Yahoo's history/ file where there is one (BTC),
    else the Binance crypto/ file."""
    path = DATA / "history" / f"{symbol}.csv.gz"
    if not path.is_file():
        path = DATA / "crypto" / f"{symbol}.csv.gz"
    if not path.is_file():
        return pd.Series(dtype=float)
    df = _csv(path)
    return pd.Series(df["close"].astype(float).to_numpy(), index=pd.to_datetime(df["date"], utc=True))


def _factsheet_weights() -> dict[str, float]:
    df = pd.read_csv(DATA / "baskets" / "cd20_2025-03-31.csv")
    # the factsheet prints Aave as "AVE" (its own note says so)
    return {("AAVE" if t == "AVE" else t): float(w) for t, w in zip(df["ticker"], df["weight_pct"], strict=True)}


def _cd20_return_30d(day: date) -> float:
    end, start = pd.Timestamp(day, tz=UTC), pd.Timestamp(day - timedelta(days=30), tz=UTC)
    num = den = 0.0
    for sym, w in _factsheet_weights().items():
        c = _closes(sym)
        if end in c.index and start in c.index:
            num += w * (c[end] / c[start] - 1.0)
            den += w
    return num / den


@pytest.mark.parametrize("day", [date(2025, 11, 20), date(2022, 11, 9)])
def test_the_cd20_30_day_return_is_the_weighted_mean_of_the_bundled_constituents_returns(days, day):
    mv = days[day].report.snapshot.get(CD20, "return:30D")
    expected = _cd20_return_30d(day)
    assert mv.status is DataStatus.OK
    assert mv.value == pytest.approx(expected, abs=1e-12)
    shown = next(b for b in days[day].report.baskets if b.code == CD20)
    assert {"SUI", "HBAR"} <= set(shown.missing)           # not in the bundle: named, not priced at zero
    assert sum(w for _, w in shown.weights) == pytest.approx(1.0)


def test_the_usdc_depeg_is_read_from_the_bundled_close(days):
    df = _csv(DATA / "stablecoins" / "USDC.csv.gz")
    close = float(df.loc[df["date"] == "2023-03-11", "close"].iloc[0])
    assert close == pytest.approx(0.9715, abs=1e-4)
    result = days[date(2023, 3, 11)]
    mv = result.report.snapshot.get("USDC", "peg_deviation")
    assert mv.value == pytest.approx(abs(close - 1.0), abs=1e-15) and mv.status is DataStatus.OK
    assert mv.detail == "sample_data"
    reading = next(r for r in result.regime.readings if r.indicator.code == "usdc_peg")
    assert reading.beyond is True


def test_the_funding_a_day_sees_is_the_last_8_hour_rate_before_its_end(days):
    df = _csv(DATA / "funding" / "BTC_8h.csv.gz")
    at = pd.to_datetime(df["funding_time_utc"], utc=True, format="ISO8601")
    end = pd.Timestamp(datetime(2022, 11, 10, 23, 59, 59, tzinfo=UTC))
    last = df[at <= end].iloc[-1]
    assert str(last["funding_time_utc"]).startswith("2022-11-10T16:00")    # not the 00:00 rate (−0.00119172)
    mv = days[date(2022, 11, 10)].report.snapshot.get("BTC", "funding_8h")
    assert mv.value == float(last["funding_rate"]) == -0.00023833
    assert mv.as_of == datetime(2022, 11, 10, 16, 0, tzinfo=UTC) and mv.status is DataStatus.OK
    assert next(r for r in days[date(2022, 11, 10)].regime.readings
                if r.indicator.code == "btc_funding").beyond is True


def test_the_regime_on_the_known_stress_days_and_a_quiet_summer(days):
    level = {d: (r.regime.level_code, r.regime.count) for d, r in days.items()}
    assert level[date(2022, 5, 11)] == ("stressed", 6)      # Terra/Luna: funding negative, BTC moving with QQQ
    assert level[date(2022, 11, 9)] == ("stressed", 5)      # FTX
    # two days before it: QQQ's intramonth drop, and the miners moving more with BTC than in the 90 days before
    assert level[date(2022, 11, 7)] == ("pressure", 2)
    assert level[date(2023, 3, 11)] == ("stressed", 4)      # the USDC depeg: both pegs, funding, miners
    assert level[date(2025, 11, 21)] == ("stressed", 5)     # the 2025 sell-off
    beyond_0311 = {r.indicator.code for r in days[date(2023, 3, 11)].regime.readings if r.beyond}
    assert beyond_0311 == {"miners_drop", "usdt_peg", "usdc_peg", "btc_funding"}
    quiet = [d for d in days if date(2023, 7, 10) <= d <= date(2023, 7, 20)]
    assert len(quiet) == 11 and all(level[d] == ("calm", 0) for d in quiet)
    for d in days:   # a replay has every bundled series current: nothing stale, a plain reading
        assert days[d].regime.stale == ()
        mv = days[d].report.snapshot.get("market", "regime_level")
        assert mv.status is DataStatus.OK and mv.value == float(days[d].regime.level)


def test_a_rule_on_the_cd20_basket_fires_in_the_november_2025_replay():
    rule = Rule("cd20_15", "CD20 15 % down", "return", Scope(ScopeType.ASSET, CD20), Comparator("<="), -0.15,
                Severity.WARNING, window="30D")
    store = _store()
    service = app.make_replay_service(store, rules=[rule])
    fired = [(d, e) for d, r in service.run(store.portfolio(), date(2025, 10, 25), date(2025, 11, 21))
             for e in r.events if e.rule_key == "cd20_15" and e.kind is EventKind.FIRED]
    store.close()
    assert fired, "the CD20 rule never fired"
    day, event = fired[0]
    assert day == date(2025, 11, 1) and event.member == CD20 and event.value <= -0.15


# -- MarketSetup: what the user chose, as the cycle reads it --------------------------------------------------
def test_a_user_basket_is_saved_read_back_and_priced_by_the_replay():
    store = _store()
    setup = app.market_setup(store)
    assert setup.cd20().origin == "factsheet" and len(setup.cd20().weights) == 20
    saved = setup.set_cd20([("btc", 60), ("ETH", 40)], date(2025, 9, 30))
    back = app.market_setup(store).cd20()
    assert back == saved and back.weights == (("BTC", 60.0), ("ETH", 40.0)) and back.origin == "user"
    assert back.as_of == date(2025, 9, 30)
    day = date(2025, 11, 20)
    (_, result), = app.make_replay_service(store).run(store.portfolio(), day, day)
    end, start = pd.Timestamp(day, tz=UTC), pd.Timestamp(day - timedelta(days=30), tz=UTC)
    btc, eth = _closes("BTC"), _closes("ETH")
    expected = 0.6 * (btc[end] / btc[start] - 1) + 0.4 * (eth[end] / eth[start] - 1)
    assert result.report.snapshot.get(CD20, "return:30D").value == pytest.approx(expected, abs=1e-12)
    assert setup.reset_cd20().origin == "factsheet"
    store.close()


def test_a_stored_basket_that_does_not_parse_falls_back_to_the_factsheet(caplog):
    store = _store()
    for bad in ("{not json", '{"weights": [["BTC", -5]]}', '{"as_of": "31.03.2025", "weights": [["BTC", 1]]}'):
        store.set_setting(CD20_KEY, bad)
        basket = app.market_setup(store).cd20()
        assert basket.origin == "factsheet" and basket.as_of == date(2025, 3, 31) and len(basket.weights) == 20
    assert "unreadable" in caplog.text
    store.close()


def test_the_miner_basket_holds_the_users_miners_or_all_nine_listed():
    store = _store()
    setup = app.market_setup(store)
    portfolio = store.portfolio()
    held = {p.asset.symbol for p in portfolio.positions} & set(LISTED_MINERS)
    _, miners = setup.baskets(portfolio)
    assert miners.code == MINER_BASKET and miners.origin == "held" and set(miners.symbols) == held
    assert len(held) == 5 and {w for _, w in miners.weights} == {1.0}
    setup.set_miner_mode("listed")
    _, miners = app.market_setup(store).baskets(portfolio)
    assert miners.origin == "listed" and miners.symbols == LISTED_MINERS
    setup.set_miner_mode("held")
    no_miners = Portfolio(tuple(p for p in portfolio.positions if p.asset.symbol not in LISTED_MINERS))
    _, miners = setup.baskets(no_miners)
    assert miners.origin == "listed" and miners.symbols == LISTED_MINERS   # none held: the nine listed ones
    with pytest.raises(ValueError):
        setup.set_miner_mode("all")
    store.close()
