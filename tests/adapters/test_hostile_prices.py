"""Hostile price-history files (issue 20): bad data is refused with its line and field, never stored
wrapped, never a traceback."""

from __future__ import annotations

import io
from datetime import datetime, timedelta, timezone

import numpy as np
import pytest

from riskwatch.adapters.price_csv import MAX_PRICE_ROWS, parse_price_csv, read_price_source
from riskwatch.adapters.text_files import MAX_FILE_BYTES
from riskwatch.domain.errors import InputError

NOW = datetime(2025, 11, 10, 15, 30, tzinfo=timezone.utc)  # tomorrow is 2025-11-11


def problems_of(text: str, now: datetime = NOW) -> list[tuple[int | None, str | None, str]]:
    with pytest.raises(InputError) as err:
        parse_price_csv(text, "prices.csv", now=now)
    return [(p.line, p.field, p.message) for p in err.value.problems]


@pytest.mark.parametrize("date, needle", [
    ("9999-01-01", "in the future"),              # was stored as 1815-03-31 (ns overflow)
    ("0001-01-01", "too old"),                    # was stored as 1754-08-30
    ("9999-01-01 00:00:00", "in the future"),
    ("2262-04-12 00:00:00+00:00", "in the future"),
    ("1677-09-21", "too old"),
    ("1989-12-31", "too old"),
    ("2025-11-12", "in the future"),              # the day after tomorrow
    ("2030-01-01", "in the future"),              # a future bar would become the live price
    ("12.11.2025", "in the future"),              # German form, same bound
    ("99999999999", "in the future"),             # epoch seconds in the year 5138
    ("-99999999999", "too old"),
    ("now", "relative date"),
    ("today", "relative date"),
    ("Yesterday", "relative date"),
    ("tomorrow", "relative date"),
    ("next week", "relative date"),
    ("1e5", "not a date"),
])
def test_implausible_dates_are_refused_with_line_and_field(date, needle):
    [(line, field, message)] = problems_of(f"Date,Close\n2024-01-02,1\n{date},2\n2024-01-03,3\n")
    assert (line, field) == (3, "date") and needle in message
    assert "1990-01-01" in message or "relative" in message or "not a date" in message


def test_two_relative_dates_are_two_problems_not_one_stored_row():
    problems = problems_of("Date,Close\nnow,1\ntoday,2\n2024-01-02,3\n")
    assert [(line, field) for line, field, _ in problems] == [(2, "date"), (3, "date")]


def test_dates_at_the_edges_of_the_range_are_accepted():
    p = parse_price_csv("Date,Close\n2025-11-11,3\n1990-01-01,1\n2025-11-10 23:00:00-05:00,2\n", now=NOW)
    assert [d.strftime("%Y-%m-%d") for d in p.frame.index] == ["1990-01-01", "2025-11-10", "2025-11-11"]


def test_the_bound_follows_the_injected_clock():
    text = "Date,Close\n2025-11-10,1\n2025-11-12,2\n"
    assert len(parse_price_csv(text, now=datetime(2025, 11, 11, tzinfo=timezone.utc)).frame) == 2
    assert problems_of(text, now=datetime(2025, 11, 10, 23, 59, tzinfo=timezone.utc))[0][0] == 3


def test_every_supported_date_form_still_parses():
    forms = ["2021-06-21", "2021-06-22 04:00:00+00:00", "2021-06-23T00:00:00-04:00", "24.06.2021",
             "2021/06/25", '"Jun 26, 2021"', "1624838400", "1624924800000"]  # epoch s and ms: 06-28, 06-29
    p = parse_price_csv("Date,Close\n" + "".join(f"{f},{i + 1}\n" for i, f in enumerate(reversed(forms))),
                        now=NOW)
    assert [d.strftime("%m-%d") for d in p.frame.index] == ["06-21", "06-22", "06-23", "06-24", "06-25",
                                                            "06-26", "06-28", "06-29"]
    assert list(p.closes) == [8.0, 7.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0]


@pytest.mark.parametrize("header, needle", [
    ("Date,Close,Close", "column Close appears twice (columns 2 and 3"),
    ("Date,Adj Close,adj_close", "(columns 2 and 3: 'Adj Close' and 'adj_close')"),
    ("Date,Close,date", "column date appears twice (columns 1 and 3"),
    ("Date,Volume,Close,VOLUME", "column VOLUME appears twice (columns 2 and 4"),
])
def test_duplicate_columns_are_refused_naming_the_column_and_positions(header, needle):
    n = header.count(",") + 1
    row = ",".join(["2024-01-02"] + ["5"] * (n - 1))
    [(line, field, message)] = problems_of(f"{header}\n{row}\n")
    assert line == 1 and needle in message


def test_unknown_duplicate_columns_are_still_ignored():
    p = parse_price_csv("Date,Close,note,note\n2024-01-02,5,a,b\n", now=NOW)
    assert list(p.closes) == [5.0]


@pytest.mark.parametrize("row", [
    '2024-01-03,"' + "x" * 140_000 + '"',        # over the csv module's field limit: was a _csv.Error traceback
    '"' + "2" * 131_073 + '",4',                   # in the date column
])
def test_a_line_the_csv_module_cannot_read_is_a_problem_with_its_line(row):
    [(line, field, message)] = problems_of(f"Date,Close\n2024-01-02,1\n{row}\n2024-01-04,5\n")
    assert line == 3 and "not valid CSV" in message and len(message) < 200


def test_bad_prices_and_volumes_reject_the_file_line_by_line():
    rows = ["2024-01-02,1,10",
            "2024-01-03,1e400,10",                 # overflows a float
            "2024-01-04," + "9" * 400 + ",10",     # a 400-digit price
            "2024-01-05,1e12,10",                  # at the sane bound
            "2024-01-06,2,1e400",                  # was a ValueError traceback
            "2024-01-07,2,1e19",                   # an absurd volume
            "2024-01-08,2,inf",
            "2024-01-09,2,-1",
            "2024-01-10,999999999999,0"]           # just below the bound, zero volume: fine
    problems = problems_of("Date,Close,Volume\n" + "\n".join(rows) + "\n")
    assert [(line, field) for line, field, _ in problems] == [
        (3, "Close"), (4, "Close"), (5, "Close"), (6, "Volume"), (7, "Volume"), (8, "Volume"), (9, "Volume")]
    assert all(len(message) < 160 for _, _, message in problems)
    assert "below 1e12" in problems[2][2] and "volume from 0 to 1e18" in problems[4][2]


def test_at_most_50_problems_are_listed_and_the_rest_counted():
    days = [datetime(2024, 1, 1) + timedelta(days=i) for i in range(200)]
    text = "Date,Close\n" + "".join(f"{d:%Y-%m-%d},{-i - 1}\n" for i, d in enumerate(days))
    with pytest.raises(InputError) as err:
        parse_price_csv(text, "prices.csv", now=NOW)
    assert len(err.value.problems) == 50 and err.value.more == 150
    assert err.value.problems[0].line == 2 and err.value.problems[-1].line == 51
    assert "… and 150 more" in str(err.value)


def test_a_file_with_too_many_rows_is_refused_before_parsing():
    text = "Date,Close\n" + "2024-01-02,1\n" * (MAX_PRICE_ROWS + 1)
    with pytest.raises(InputError) as err:
        parse_price_csv(text, "prices.csv", now=NOW)
    [problem] = err.value.problems
    assert problem.line is None and f"at most {MAX_PRICE_ROWS} rows" in problem.message


def test_dash_reads_standard_input():
    stdin = io.BytesIO(b"Date,Close\n2024-01-03,2\n2024-01-02,1\n")
    p = read_price_source("-", stdin=stdin, now=NOW)
    assert p.source == "<stdin>" and list(p.closes) == [1.0, 2.0]


def test_standard_input_keeps_the_size_limit():
    stdin = io.BytesIO(b"Date,Close\n" + b"2" * MAX_FILE_BYTES)
    with pytest.raises(InputError, match="MB"):
        read_price_source("-", stdin=stdin, now=NOW)


def test_hostile_dates_never_reach_the_frame_wrapped():
    """Whatever is accepted lies in the plausible range (a property check over generated dates)."""
    rng = np.random.default_rng(20)
    years = sorted(set(rng.integers(1, 10_000, 300).tolist()) | {1990, 2001, 2025, 2026, 2262, 2263})
    with pytest.raises(InputError) as err:
        parse_price_csv("Date,Close\n" + "".join(f"{y:04d}-06-15,1\n" for y in years), now=NOW)
    accepted_years = [y for y in years if 1990 <= y <= 2025]
    assert len(err.value.problems) + err.value.more == len(years) - len(accepted_years)
    ok = "Date,Close\n" + "".join(f"{y:04d}-06-15,1\n" for y in accepted_years)
    p = parse_price_csv(ok, now=NOW)
    assert list(p.frame.index.year) == accepted_years
