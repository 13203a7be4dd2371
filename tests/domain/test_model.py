import dataclasses
from datetime import datetime, timezone
from decimal import Decimal

import pytest

from riskwatch.domain.errors import InputError
from riskwatch.domain.model import Asset, AssetKind, Bar, Portfolio, Position, Quote, Timeframe
from riskwatch.domain.numbers import parse_number
from riskwatch.domain.portfolio_ops import plan_import


def btc(qty="0.5", cost="60000", account=""):
    return Position(Asset("BTC", AssetKind.CRYPTO), Decimal(qty), Decimal(cost), account)


def test_asset_normalises_symbol_kind_and_currency():
    a = Asset(" iren ", "equity", "usd")
    assert a.symbol == "IREN" and a.kind is AssetKind.EQUITY and a.quote_currency == "USD"
    assert a.is_miner
    assert not Asset("BTC", AssetKind.CRYPTO).is_miner


@pytest.mark.parametrize("symbol", ["", "   ", "BTC USD", "ÄÖÜ", "X" * 40])
def test_asset_rejects_bad_symbols(symbol):
    with pytest.raises(ValueError):
        Asset(symbol, AssetKind.CRYPTO)


def test_asset_rejects_unknown_kind_and_currency():
    with pytest.raises(ValueError, match="unknown kind 'bond'"):
        Asset("BTC", "bond")
    with pytest.raises(ValueError, match="currency"):
        Asset("BTC", AssetKind.CRYPTO, "US Dollar")


def test_position_is_frozen_and_exact():
    p = btc("0.1", "0.3")
    assert p.cost_value == Decimal("0.03")  # Decimal, no float rounding
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.quantity = Decimal("1")  # type: ignore[misc]


@pytest.mark.parametrize("qty,cost", [("-1", "1"), ("1", "-1"), ("NaN", "1"), ("1", "Infinity")])
def test_position_rejects_negative_and_non_finite(qty, cost):
    with pytest.raises(ValueError):
        btc(qty, cost)


def test_position_requires_decimal():
    with pytest.raises(TypeError):
        Position(Asset("BTC", AssetKind.CRYPTO), 0.5, Decimal(1))  # type: ignore[arg-type]


def test_portfolio_rejects_duplicate_symbol_account_but_allows_other_accounts():
    Portfolio((btc(account="Kraken"), btc(account="Ledger")))
    with pytest.raises(InputError, match="held twice"):
        Portfolio((btc(account="Kraken"), btc(account="Kraken")))


def test_portfolio_symbols_and_example_flag():
    p = Portfolio((btc(), Position(Asset("IREN", "equity"), Decimal(10), Decimal(5), is_example=True)))
    assert p.symbols == ("BTC", "IREN")
    assert not p.is_example


def test_bar_and_quote_validation():
    ts = datetime(2025, 11, 4, tzinfo=timezone.utc)
    b = Bar("btc", ts, 100.0, timeframe="1d")
    assert b.symbol == "BTC" and b.timeframe is Timeframe.D1
    for bad in (0.0, -1.0, float("nan"), float("inf")):
        with pytest.raises(ValueError):
            Bar("BTC", ts, bad)
        with pytest.raises(ValueError):
            Quote("BTC", bad, ts, "kraken")
    with pytest.raises(ValueError, match="timezone"):
        Bar("BTC", datetime(2025, 11, 4), 1.0)


@pytest.mark.parametrize("text,expected", [
    ("1234.56", "1234.56"), ("1,234.56", "1234.56"), ("1234,56", "1234.56"), ("1.234,56", "1234.56"),
    ("1 234,56", "1234.56"), ("1.234.567", "1234567"), ("-0,5", "-0.5"), ("\u22123,2", "-3.2"), ("0.00000001", "1E-8"),
])
def test_parse_number_english_and_german(text, expected):
    assert parse_number(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["", "abc", "nan", "inf", "-Infinity", "1,2,3", "1.2.3"])
def test_parse_number_rejects(text):
    with pytest.raises(ValueError):
        parse_number(text)


def test_plan_import_lists_every_conflicting_line():
    existing = [btc(account="Kraken")]
    rows = [(2, btc(account="Kraken")), (3, btc(account="Ledger"))]
    with pytest.raises(InputError) as err:
        plan_import(existing, rows, replace=False, source="f.csv")
    assert [p.line for p in err.value.problems] == [2]
    plan = plan_import(existing, rows, replace=True)
    assert plan.replace and len(plan.positions) == 2


@pytest.mark.parametrize("text,german,expected", [
    ("99.000", False, "99.000"), ("99.000", True, "99000"), ("14.50", True, "14.50"), ("0.5", True, "0.5"),
    ("1.234,5", True, "1234.5"), ("1.234.567", False, "1234567"),
])
def test_parse_number_in_german_files(text, german, expected):
    assert parse_number(text, german) == Decimal(expected)
