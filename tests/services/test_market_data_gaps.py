"""Holes inside the stored history are found and refilled, requesting only what is missing (real ccxt, fake
Kraken, real SQLite store, fake clock)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from riskwatch.domain.model import Bar, Timeframe
from tests.services.test_market_data import BTC, DAY, make_env, today


@pytest.fixture
def env(tmp_path):
    e = make_env(tmp_path)
    yield e
    e.server.stop()
    e.store.close()


def series(env, pair="XXBTZUSD") -> dict[datetime, float]:
    return {datetime.fromtimestamp(r[0], UTC): r[4] for r in env.server.bars(pair, 1440)}


def seed(env, days: list[int], closes: dict[datetime, float] | None = None) -> None:
    """Store BTC bars for ``today - d`` for each d in ``days``, at the fake's prices."""
    closes = closes or series(env)
    env.store.upsert_bars([Bar("BTC", today() - d * DAY, closes[today() - d * DAY], source="kraken") for d in days])


def missing(env) -> list[tuple[datetime, datetime]]:
    return env.store.missing_bar_ranges("BTC", Timeframe.D1, source="kraken", since=today() - 399 * DAY,
                                        until=today())


def test_a_hole_inside_the_stored_history_is_refilled_requesting_only_the_hole_and_the_tail(env):
    hole = range(279, 300)                                    # 21 days, "days 100-120" of the 400-day window
    seed(env, [d for d in range(1, 400) if d not in hole])
    result = env.run(lambda e: e.service.run_cycle([BTC]))
    assert env.ohlc_sinces() == [today() - 299 * DAY, today() - DAY]   # the hole, then the tail; nothing else
    assert result.bars_stored["BTC"] == 21 + 2                # the hole, then yesterday (re-read) and today
    assert missing(env) == []
    stored = env.store.load_bars("BTC", Timeframe.D1, source="kraken")
    assert len(stored) == 400 and stored[0].ts == today() - 399 * DAY and stored[-1].ts == today()
    assert "BTC" not in result.errors and result.rejected == {}


def test_holes_within_one_page_come_with_one_request(env):
    seed(env, [d for d in range(1, 400) if d not in (350, 351, 200, 20)])
    env.run(lambda e: e.service.run_cycle([BTC]))
    assert env.ohlc_sinces() == [today() - 351 * DAY, today() - DAY]      # Kraken's page: 720 bars
    assert missing(env) == []


def test_holes_further_apart_than_a_page_come_with_one_request_each(env, monkeypatch):
    monkeypatch.setattr(type(env.feed), "page_limit", property(lambda self: 100))
    seed(env, [d for d in range(1, 400) if d not in (350, 351, 300, 200, 20)])
    env.run(lambda e: e.service.run_cycle([BTC]))
    assert env.ohlc_sinces() == [today() - 351 * DAY, today() - 200 * DAY, today() - 20 * DAY, today() - DAY]
    assert missing(env) == []


def test_a_hole_the_exchange_cannot_fill_is_asked_for_once_not_every_cycle(tmp_path):
    e = make_env(tmp_path)
    outage = {today() - d * DAY for d in range(40, 46)}       # the exchange itself has no bars these 6 days
    rows = [(int((today() - d * DAY).timestamp()), 100.0, 101.0, 99.0, 100.0 + d % 3, 5.0) for d in range(-3, 500)]
    e.server.set_daily_bars("XXBTZUSD", [r for r in rows if datetime.fromtimestamp(r[0], UTC) not in outage])
    try:
        async def scenario(e):
            await e.service.run_cycle([BTC])                   # backfill: 394 bars, a hole where the outage was
            assert missing(e) == [(today() - 45 * DAY, today() - 40 * DAY)]
            assert e.ohlc_sinces() == [today() - 399 * DAY]
            e.clock.advance(minutes=20)                        # history due again: the hole is asked for once
            second = await e.service.run_cycle([BTC])
            assert e.ohlc_sinces()[1:] == [today() - 45 * DAY, today()]
            assert "BTC" not in second.errors
            for _ in range(3):                                 # and then not again, cycle after cycle
                e.clock.advance(minutes=20)
                await e.service.run_cycle([BTC])
            assert e.ohlc_sinces()[3:] == [today()] * 3
            e.clock.advance(hours=24)                          # after gap_retry: one more try
            await e.service.run_cycle([BTC])
            assert e.ohlc_sinces()[6:] == [today() - 45 * DAY, today()]
            assert missing(e)[0] == (today() - 45 * DAY, today() - 40 * DAY)

        e.run(scenario)
    finally:
        e.server.stop()
        e.store.close()


def test_a_bar_rejected_as_a_spike_is_not_requested_again_by_the_next_cycle(env):
    rows = [(int((today() - i * DAY).timestamp()), 100.0, 101.0, 99.0, 100.0 + (i % 3), 5.0) for i in range(450)]
    spike_ts = int((today() - 10 * DAY).timestamp())
    env.server.set_daily_bars("XXBTZUSD", [(ts, o, 2000.0, lo, 1000.0, v) if ts == spike_ts else (ts, o, h, lo, c, v)
                                           for ts, o, h, lo, c, v in rows])

    async def scenario(e):
        first = await e.service.run_cycle([BTC])
        assert first.rejected == {"BTC": 1} and missing(e) == [(today() - 10 * DAY, today() - 10 * DAY)]
        e.clock.advance(minutes=20)
        second = await e.service.run_cycle([BTC])
        assert e.ohlc_sinces() == [today() - 399 * DAY, today()]     # only the tail: the spike day is known
        assert second.rejected == {}

    env.run(scenario)


def test_a_jump_at_the_end_of_a_hole_is_confirmed_by_the_stored_bar_after_it(env):
    # the price doubles from day 30 on; days 30-35 are missing, day 29 (stored) confirms the new level
    closes = {today() - i * DAY: (200.0 if i <= 30 else 100.0) + (i % 3) for i in range(450)}
    env.server.set_daily_bars("XXBTZUSD", [(int(ts.timestamp()), c, c * 1.01, c * 0.99, c, 5.0)
                                           for ts, c in closes.items()])
    seed(env, [d for d in range(1, 400) if not 30 <= d <= 35], closes)
    result = env.run(lambda e: e.service.run_cycle([BTC]))
    assert missing(env) == [] and result.rejected == {}
    assert env.store.load_bars("BTC", Timeframe.D1, source="kraken", since=today() - 30 * DAY)[0].close == 200.0


def test_a_failed_gap_request_is_an_issue_and_the_hole_is_asked_for_next_time(env):
    seed(env, [d for d in range(1, 400) if d != 100])

    async def scenario(e):
        e.server.inject("OHLC", "503")
        failed = await e.service.run_cycle([BTC])
        assert failed.errors["BTC"].code == "history_unavailable"
        e.server.clear_faults()
        e.clock.advance(minutes=1)                             # the failed check was not recorded: due at once
        healed = await e.service.run_cycle([BTC])
        assert "BTC" not in healed.errors and missing(e) == []
        assert e.ohlc_sinces()[-2:] == [today() - 100 * DAY, today() - DAY]

    env.run(scenario)
