"""The pieces of CcxtFeed that read ccxt's answers: raw ticker fields, OHLCV pages, the unchecked Bar path."""

from __future__ import annotations

import math
from datetime import UTC, datetime

import pytest

from riskwatch.adapters.ccxt_feed import CcxtFeed, _trusted_bar, raw_last_price
from riskwatch.domain.model import Bar, Timeframe
from riskwatch.domain.validation import raw_price_problem

DAY_MS = 86_400_000
T = 1_767_225_600_000          # 2026-01-01 00:00 UTC


@pytest.mark.parametrize("exchange, info, raw", [
    ("kraken", {"c": ["0.00000", "1.0"], "a": ["1", "1", "1"]}, "0.00000"),
    ("kraken", {"c": ["64000.1", "0.01"]}, "64000.1"),
    ("kraken", {"a": ["1", "1", "1"]}, None),              # the field is absent
    ("kraken", {"c": []}, None),
    ("kraken", None, None),
    ("binance", {"lastPrice": "-1.5"}, "-1.5"),
    ("bitstamp", {"last": "NaN"}, "NaN"),
    ("coinbase", {"price": "0"}, "0"),
    ("someexchange", {"last": "0"}, None),                 # unknown layout: judged on ccxt's values alone
])
def test_raw_last_price_reads_what_the_exchange_sent(exchange, info, raw):
    assert raw_last_price(exchange, info) == raw


@pytest.mark.parametrize("raw, reason", [
    ("0", "zero"), ("0.0000000000", "zero"), ("-0.0", "zero"), ("-3.5", "negative"), ("nan", "non_finite"),
    ("NaN", "non_finite"), ("inf", "non_finite"), ("1e999", "non_finite"), ("", "missing"), ("  ", "missing"),
    (None, "missing"), ("abc", "not_a_number"), ("64000.1", None), (" 1.5 ", None), (0, "zero"), (2.5, None),
    (True, "not_a_number"), (math.nan, "non_finite"),
])
def test_raw_price_problem_names_the_reason(raw, reason):
    assert raw_price_problem(raw) == reason


def test_the_unchecked_bar_path_is_active_and_builds_the_same_bar():
    assert _trusted_bar is not Bar, "Bar changed shape: OHLCV pages now pay for a second validation"
    args = ("ETH", datetime(2026, 1, 2, tzinfo=UTC), 3100.5, 3000.0, 3200.0, 2990.0, None, Timeframe.D1, "kraken")
    fast, checked = _trusted_bar(*args), Bar(*args)
    assert fast == checked and vars(fast) == vars(checked) and hash(fast) == hash(checked)
    with pytest.raises(AttributeError):                # still frozen
        fast.close = 1.0  # type: ignore[misc]


def test_an_ohlcv_page_is_validated_row_by_row_and_counted_by_reason():
    feed = CcxtFeed("kraken")
    rows = [
        [T + 0 * DAY_MS, 1.0, 2.0, 0.5, 1.5, 10.0],           # good
        [T + 1 * DAY_MS, 1.5, 2.0, 1.0, 0.0, 10.0],           # zero close
        [T + 2 * DAY_MS, 1.5, 2.0, -1.0, 1.8, 10.0],          # negative low
        [T + 3 * DAY_MS, None, None, None, 1.9, None],        # only a close: fine
        [T + 4 * DAY_MS, 1.9, 2.0, 1.8, math.nan, 3.0],       # NaN close
        [T + 5 * DAY_MS, 1.9, 2.0, 1.8, None, 3.0],           # no close
        [T + 6 * DAY_MS, 1.9, 2.0, 1.8, 1.95, math.inf],      # bad volume: dropped, the bar is kept
        [T + 7 * DAY_MS, 1.9, 2.0, 1.8, 1.95, -1.0],          # negative volume: likewise
        [None, 1.0, 1.0, 1.0, 1.0, 1.0],                      # no time
        [T + 8 * DAY_MS, 1.0],                                # too short
        "garbage",
        [T + 9 * DAY_MS, 1.0, 2.0, 0.5, 1.5, 10],             # an int volume
    ]
    into: dict[int, Bar] = {}
    newest = feed._collect_bars("ETH", rows, Timeframe.D1, None, None, into)
    assert newest == T + 9 * DAY_MS
    assert sorted(into) == [T, T + 3 * DAY_MS, T + 6 * DAY_MS, T + 7 * DAY_MS, T + 9 * DAY_MS]
    assert into[T] == Bar("ETH", datetime(2026, 1, 1, tzinfo=UTC), 1.5, 1.0, 2.0, 0.5, 10.0, Timeframe.D1, "kraken")
    assert into[T + 3 * DAY_MS] == Bar("ETH", datetime(2026, 1, 4, tzinfo=UTC), 1.9, source="kraken")
    assert into[T + 6 * DAY_MS].volume is None and into[T + 7 * DAY_MS].volume is None
    assert into[T + 9 * DAY_MS].volume == 10
    assert feed.rejections.by_reason() == {"zero": 1, "negative": 1, "non_finite": 1, "missing": 4}


def test_rows_outside_the_requested_range_are_neither_kept_nor_counted():
    feed = CcxtFeed("kraken")
    rows = [[T + i * DAY_MS, 1.0, 1.0, 1.0, 0.0 if i in (0, 5) else 1.0, 1.0] for i in range(6)]
    into: dict[int, Bar] = {}
    assert feed._collect_bars("BTC", rows, Timeframe.D1, T + DAY_MS, T + 4 * DAY_MS, into) == T + 5 * DAY_MS
    assert sorted(into) == [T + DAY_MS, T + 2 * DAY_MS, T + 3 * DAY_MS]
    assert feed.rejections.total() == 0
