from decimal import Decimal

import numpy as np
import pytest

from riskwatch.adapters.csv_io import (parse_position_rows, parse_positions_csv, parse_positions_json,
                                       parse_price_csv, positions_to_csv, positions_to_json, read_price_csv)
from riskwatch.domain.errors import InputError
from riskwatch.domain.model import AssetKind, Timeframe
from tests.conftest import shared_data

HEADER = "symbol,kind,quantity,cost_basis,currency,account,note\n"


def test_positions_happy_path_comma_file():
    text = HEADER + "BTC,crypto,0.5,62000,USD,Kraken,cold\nIREN,equity,400,14.50,USD,Depot,\n"
    rows = parse_position_rows(text, "p.csv")
    assert [r.line for r in rows] == [2, 3]
    btc, iren = (r.position for r in rows)
    assert btc.asset.kind is AssetKind.CRYPTO and btc.quantity == Decimal("0.5") and btc.note == "cold"
    assert iren.cost_basis == Decimal("14.50") and iren.account == "Depot"


def test_positions_semicolon_file_with_german_decimals_bom_and_case():
    text = "\ufeffSymbol;Kind;Quantity;Cost_Basis;Currency;Account;Note\r\nbtc;Crypto;0,25;58.000,50;eur;Börse;Ä Ö Ü\r\n"
    [p] = parse_positions_csv(text.lstrip("\ufeff"))
    assert p.symbol == "BTC" and p.quantity == Decimal("0.25") and p.cost_basis == Decimal("58000.50")
    assert p.asset.quote_currency == "EUR" and p.account == "Börse" and p.note == "Ä Ö Ü"


def test_positions_optional_columns_default():
    [p] = parse_positions_csv("symbol,kind,quantity\nWULF,equity,100\n")
    assert p.cost_basis == 0 and p.asset.quote_currency == "USD" and p.account == "" and p.note == ""


def test_every_bad_row_is_listed_with_line_and_field():
    text = HEADER + "\n".join([
        "BTC,crypto,0.5,1,USD,,",          # 2 ok
        "XYZ,bond,1,1,USD,,",              # 3 unknown kind
        "IREN,equity,abc,1,USD,,",         # 4 non-numeric quantity
        "WULF,equity,inf,1,USD,,",         # 5 non-finite quantity
        "CORZ,equity,1,-5,USD,,",          # 6 negative cost basis
        ",equity,1,1,USD,,",               # 7 empty symbol
        "BTC,crypto,1,1,USD,,",            # 8 duplicate symbol+account of line 2
        "CLSK,equity,NaN,1,USD,,",         # 9 NaN quantity
    ]) + "\n"
    with pytest.raises(InputError) as err:
        parse_positions_csv(text, "bad.csv")
    got = [(p.line, p.field) for p in err.value.problems]
    assert got == [(3, "kind"), (4, "quantity"), (5, "quantity"), (6, "cost_basis"), (7, "symbol"), (8, "symbol"),
                   (9, "quantity")]
    msg = str(err.value)
    assert "bad.csv" in msg and "line 3" in msg and "unknown kind 'bond'" in msg and "also on line 2" in msg


def test_missing_required_column_and_empty_file():
    with pytest.raises(InputError, match="missing column"):
        parse_positions_csv("symbol,quantity\nBTC,1\n")
    with pytest.raises(InputError, match="empty"):
        parse_positions_csv("")


def test_export_import_round_trips_exactly():
    text = HEADER + ('BTC,crypto,0.12345678,61234.5678,USD,Kraken,"note, with comma"\n'
                     'IREN,equity,400,14.50,USD,,"Zeile mit ""Zitat"" und Ümlaut"\n')
    positions = parse_positions_csv(text)
    again = parse_positions_csv(positions_to_csv(positions))
    assert again == positions
    assert parse_positions_json(positions_to_json(positions)) == positions
    assert positions_to_csv(again) == positions_to_csv(positions)


# -- price files --------------------------------------------------------------------------------

def test_yahoo_style_uses_adj_close():
    text = ("Date,Open,High,Low,Close,Adj Close,Volume\n"
            "2024-01-03,10,11,9,10.5,10.0,1000\n2024-01-02,9,10,8,9.5,9.0,900\n")
    p = parse_price_csv(text)
    assert p.close_column == "Adj Close" and p.timeframe is Timeframe.D1
    assert list(p.closes) == [9.0, 10.0]  # sorted by date
    assert str(p.frame.index.tz) == "UTC" and p.frame.index[0].isoformat() == "2024-01-02T00:00:00+00:00"


def test_lowercase_close_only_with_extra_columns():
    p = parse_price_csv("date,close,comment\n2024-01-02,5,a\n2024-01-03,6,b\n")
    assert p.close_column == "close" and list(p.closes) == [5.0, 6.0]
    assert np.isnan(p.frame["open"]).all()


def test_dates_with_time_and_timezone_keep_the_written_date():
    text = ("Date,Close\n2021-06-21 04:00:00+00:00,3.9\n2021-06-22 00:00:00-04:00,4.1\n"
            "2021-06-23 04:00:00+00:00,4.2\n")
    p = parse_price_csv(text)
    assert [d.strftime("%Y-%m-%d") for d in p.frame.index] == ["2021-06-21", "2021-06-22", "2021-06-23"]


def test_german_dates_and_semicolons():
    p = parse_price_csv("Date;Close\n04.11.2025;101.234,5\n05.11.2025;99.000\n")
    assert list(p.closes) == [101234.5, 99000.0]


def test_intraday_files_keep_utc_times():
    text = "timestamp,close\n2025-11-04T10:00:00Z,1\n2025-11-04T11:00:00Z,2\n2025-11-04T12:00:00Z,3\n"
    p = parse_price_csv(text)
    assert p.timeframe is Timeframe.H1 and p.frame.index[1].hour == 11


@pytest.mark.parametrize("row,field,needle", [
    ("2024-01-04,0", "Close", "positive"),
    ("2024-01-04,-3", "Close", "positive"),
    ("2024-01-04,inf", "Close", "finite"),
    ("2024-01-04,nan", "Close", "empty"),
    ("2024-01-04,", "Close", "empty"),
    ("not-a-date,5", "date", "not a date"),
    ("2024-01-02,5", "Date", "duplicate date 2024-01-02"),
])
def test_bad_price_rows_reject_the_file_with_line_numbers(row, field, needle):
    text = f"Date,Close\n2024-01-02,1\n2024-01-03,2\n{row}\n"
    with pytest.raises(InputError) as err:
        parse_price_csv(text, "prices.csv")
    [problem] = err.value.problems
    assert problem.line == 4 and problem.field == field and needle in problem.message


def test_price_file_without_date_or_close_column():
    with pytest.raises(InputError, match="no date column"):
        parse_price_csv("when,close\nx,1\n")
    with pytest.raises(InputError, match="no close column"):
        parse_price_csv("date,open\n2024-01-01,1\n")


def test_real_btc_history_parses():
    p = read_price_csv(shared_data("btc_usd_daily.csv"))
    assert len(p.frame) == 4091 and p.frame.index.is_monotonic_increasing and p.frame.index.is_unique
    assert p.frame.index[0].strftime("%Y-%m-%d") == "2014-09-18"
    bars = p.bars("BTC")
    assert bars[0].close == pytest.approx(424.44000244140625) and bars[0].volume == 34483200.0
