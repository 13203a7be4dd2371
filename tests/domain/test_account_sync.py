"""plan_sync: the diff between an exchange account's balances and the positions held in that account."""

from decimal import Decimal

import pytest

from riskwatch.domain.account_sync import (
    ApiCredentials,
    SyncPlan,
    account_name,
    aggregate_balances,
    classify_code,
    normalize_balance_code,
    plan_sync,
)
from riskwatch.domain.model import Asset, AssetKind, Position

D = Decimal


def pos(symbol, qty, account="Kraken", kind=AssetKind.CRYPTO, cost="0", pid=None, example=False, currency="USD",
        note=""):
    return Position(Asset(symbol, kind, currency), D(qty), D(cost), account, note, pid, example)


def test_classification_and_codes():
    assert classify_code("BTC") is AssetKind.CRYPTO
    assert classify_code("usdt") is AssetKind.STABLECOIN
    assert classify_code("USDC") is AssetKind.STABLECOIN and classify_code("DAI") is AssetKind.STABLECOIN
    assert classify_code("USD") is None and classify_code("EUR") is None and classify_code("ZEUR") is None
    assert normalize_balance_code("XBT.M") == "BTC"
    assert normalize_balance_code("ETH2.S") == "ETH"
    assert normalize_balance_code("DOT.P") == "DOT"
    assert normalize_balance_code("USD.HOLD") == "USD"
    assert normalize_balance_code("XXDG") == "DOGE"
    assert account_name("kraken") == "Kraken" and account_name("okx") == "OKX" and account_name("foo") == "Foo"


def test_new_account_adds_crypto_and_stablecoins_ignores_fiat_and_zero():
    balances = {"BTC": D("0.5000000000"), "ETH": D("2.5"), "USDT": D("1500.00000000"), "USD": D("1000"),
                "EUR": D("0"), "SOL": D("0")}
    plan = plan_sync([], balances, "Kraken")
    assert [(p.symbol, p.quantity, p.asset.kind, p.cost_basis, p.account) for p in plan.added] == [
        ("BTC", D("0.5"), AssetKind.CRYPTO, D("0"), "Kraken"),
        ("ETH", D("2.5"), AssetKind.CRYPTO, D("0"), "Kraken"),
        ("USDT", D("1500"), AssetKind.STABLECOIN, D("0"), "Kraken"),
    ]
    assert str(plan.added[2].quantity) == "1500"  # no exponent, no trailing zeros
    assert plan.changed == plan.removed == plan.unchanged == ()
    assert not plan.is_empty and plan.change_count == 3


def test_changed_keeps_cost_basis_removed_and_unchanged():
    existing = [
        pos("BTC", "0.4", cost="62000", pid=1, note="cold"),
        pos("ETH", "2.5", cost="3000", pid=2),
        pos("SOL", "10", cost="150", pid=3),
        pos("BTC", "1", account="Depot", pid=4),          # another account: untouched
        pos("IREN", "100", kind=AssetKind.EQUITY, pid=5),  # a stock in an account called Kraken: never removed
    ]
    plan = plan_sync(existing, {"BTC": D("0.5"), "ETH": D("2.50"), "USDC": D("10")}, "Kraken")
    assert [p.symbol for p in plan.added] == ["USDC"]
    (change,) = plan.changed
    assert change.symbol == "BTC" and change.old_quantity == D("0.4") and change.new_quantity == D("0.5")
    assert change.delta == D("0.1")
    assert change.after.cost_basis == D("62000") and change.after.note == "cold" and change.after.id == 1
    assert [p.symbol for p in plan.removed] == ["SOL"]
    assert [p.symbol for p in plan.unchanged] == ["ETH"]


def test_account_matched_case_insensitively_and_spelling_kept():
    plan = plan_sync([pos("BTC", "1", account="kraken", pid=1)], {"BTC": D("2"), "ETH": D("1")}, "Kraken")
    assert plan.account == "kraken"
    assert plan.added[0].account == "kraken"
    assert plan.changed[0].after.account == "kraken"


def test_sub_balances_are_folded_and_bad_codes_skipped():
    balances = {"ETH": D("1"), "ETH2.S": D("0.5"), "ETH.F": D("0.25"), "XBT.M": D("0.1"), "BTC": D("0.2"),
                "BAD CODE!": D("3"), "USD.HOLD": D("5")}
    totals, skipped = aggregate_balances(balances)
    assert totals == {"ETH": D("1.75"), "BTC": D("0.3")}
    assert skipped == ("BAD CODE!",)
    plan = plan_sync([], balances, "Kraken")
    assert plan.skipped == ("BAD CODE!",)


def test_example_positions_and_unmanaged_kinds_are_not_touched():
    existing = [pos("BTC", "0.5", account="Kraken", example=True, pid=1)]
    plan = plan_sync(existing, {}, "Kraken")
    assert plan.is_empty and plan.removed == ()
    plan = plan_sync([pos("USDT", "5", kind=AssetKind.STABLECOIN, pid=2)], {}, "Kraken",
                     kinds=(AssetKind.CRYPTO,))
    assert plan.removed == ()
    plan = plan_sync([], {"USDT": D("5")}, "Kraken", kinds=(AssetKind.CRYPTO,))
    assert plan.added == ()


def test_everything_sold_removes_everything_and_up_to_date_is_empty():
    existing = [pos("BTC", "1", pid=1), pos("ETH", "2", pid=2)]
    assert [p.symbol for p in plan_sync(existing, {"USD": D("100")}, "Kraken").removed] == ["BTC", "ETH"]
    same = plan_sync(existing, {"BTC": D("1.000"), "ETH": D("2")}, "Kraken")
    assert same.is_empty and len(same.unchanged) == 2


@pytest.mark.parametrize("bad", [D("-1"), D("NaN"), D("Infinity"), "abc"])
def test_broken_amounts_refuse_the_whole_plan(bad):
    with pytest.raises(ValueError):
        plan_sync([pos("BTC", "1", pid=1)], {"BTC": bad}, "Kraken")


def test_quote_currency_for_new_positions_and_empty_account_name():
    plan = plan_sync([], {"BTC": D("1")}, "Kraken", quote_currency="EUR")
    assert plan.added[0].asset.quote_currency == "EUR"
    with pytest.raises(ValueError):
        plan_sync([], {}, "  ")


def test_plan_is_a_value():
    assert SyncPlan("Kraken").is_empty


def test_credentials_never_show_their_values():
    c = ApiCredentials("the-key-123", "c2VjcmV0", "pass")
    assert "the-key-123" not in repr(c) and "c2VjcmV0" not in str(c) and "pass'" not in repr(c)
    assert c.values() == ("the-key-123", "c2VjcmV0", "pass")
    assert ApiCredentials("k", "s", "").passphrase is None
    with pytest.raises(ValueError):
        ApiCredentials("", "s")
