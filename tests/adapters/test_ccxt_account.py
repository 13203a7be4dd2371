"""Private exchange calls with real ccxt against the loopback fake Kraken (Balance / BalanceEx).

Also: error mapping, redaction of key material in errors and logs, and the sync service end to end on a real
SQLite store.
"""

from __future__ import annotations

import asyncio
import base64
import logging
import os
import socket
from decimal import Decimal

import pytest

from riskwatch.adapters.ccxt_account import (
    REDACTED,
    RedactingFilter,
    fetch_balances,
    redact,
    redacting_logs,
    test_credentials,
)
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.domain.account_sync import ApiCredentials
from riskwatch.domain.errors import AuthenticationFailed, InvalidData, RateLimited, StoreError
from riskwatch.domain.model import Asset, AssetKind, Position
from riskwatch.services.account_sync import SyncService, apply_sync
from tests.fakes.fake_kraken import FakeKraken, fake_kraken, kraken_signature  # noqa: F401 - pytest fixture

KEY = "RWtestKEY" + "a1B2c3D4e5F6g7H8i9J0" * 2
SECRET = base64.b64encode(bytes(range(7, 71))).decode()
CREDS = ApiCredentials(KEY, SECRET)
FAST = {"rate_limit_ms": 1, "timeout_ms": 3000}


@pytest.fixture
def kraken(fake_kraken):  # noqa: F811 - the fixture imported above
    fake_kraken.set_credentials(KEY, SECRET)
    return fake_kraken


def run(coro):
    return asyncio.run(coro)


def fails(coro) -> AuthenticationFailed:
    with pytest.raises(AuthenticationFailed) as info:
        run(coro)
    err = info.value
    assert KEY not in str(err) and SECRET not in str(err)
    assert err.__cause__ is None and err.__suppress_context__
    return err


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- the fake itself ------------------------------------------------------------------------------------------------
def test_fake_checks_kraken_signature_as_documented():
    sig = kraken_signature("/0/private/AddOrder", "1616492376594", "nonce=1616492376594&ordertype=limit&pair=XBTUSD"
                           "&price=37500&type=buy&volume=1.25",
                           base64.b64decode("kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9q"
                                            "a99HAZtuZuj6F1huXg=="))
    # the example from Kraken's REST authentication guide
    assert sig == "4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ=="


# -- success ------------------------------------------------------------------------------------------------------
def test_fetch_balances_normalises_codes_and_drops_zero(kraken):
    kraken.set_balances({"XXBT": "0.5000000000", "XETH": "2.5", "USDT": "1500.00000000", "ZUSD": "1000.0000",
                         "ZEUR": "0.0000", "SOL": "0", "DOT": "0.00001"})
    balances = run(fetch_balances("kraken", CREDS, kraken.url, **FAST))
    assert balances == {"BTC": Decimal("0.5"), "ETH": Decimal("2.5"), "USDT": Decimal("1500"),
                        "USD": Decimal("1000"), "DOT": Decimal("0.00001")}
    assert str(balances["DOT"]) == "0.00001"
    (private,) = kraken.requests("BalanceEx")
    assert private.auth_headers == ("API-Key", "API-Sign") and private.signature_ok is True
    assert private.status == 200 and set(private.params) == {"nonce"}
    # the request log never holds header values
    assert KEY not in repr(kraken.requests()) and SECRET not in repr(kraken.requests())


def test_test_credentials_makes_one_private_call(kraken):
    assert run(test_credentials("kraken", CREDS, kraken.url, **FAST)) is None
    private = [r for r in kraken.requests() if r.path.startswith("/0/private/")]
    assert [r.endpoint for r in private] == ["BalanceEx"]


def test_plain_balance_endpoint_is_served(kraken):
    import ccxt.async_support as ccxt

    async def go():
        ex = ccxt.kraken({"apiKey": KEY, "secret": SECRET, "enableRateLimit": False})
        ex.urls["api"] = {**ex.urls["api"], "public": kraken.url, "private": kraken.url}
        try:
            return await ex.privatePostBalance()
        finally:
            await ex.close()

    assert run(go())["result"]["XXBT"] == "0.5000000000"


# -- rejections ---------------------------------------------------------------------------------------------------
def test_invalid_key(kraken):
    err = fails(test_credentials("kraken", ApiCredentials("wrong-key", SECRET), kraken.url, **FAST))
    assert err.reason == "authentication"
    assert kraken.requests("BalanceEx")[-1].signature_ok is False


def test_invalid_signature_from_a_wrong_secret(kraken):
    other = base64.b64encode(os.urandom(64)).decode()
    err = fails(test_credentials("kraken", ApiCredentials(KEY, other), kraken.url, **FAST))
    assert err.reason == "authentication" and "Invalid signature" in str(err)


def test_secret_that_is_not_base64(kraken):
    err = fails(test_credentials("kraken", ApiCredentials(KEY, "not base64 at all!"), kraken.url, **FAST))
    assert err.reason == "authentication"


def test_permission_denied(kraken):
    kraken.set_credentials(KEY, SECRET, permissions=())
    err = fails(fetch_balances("kraken", CREDS, kraken.url, **FAST))
    assert err.reason == "permission"


@pytest.mark.parametrize("fault", ["permission", "invalid_key", "invalid_signature", "nonce"])
def test_injected_private_errors(kraken, fault):
    kraken.inject("BalanceEx", fault, times=1)
    err = fails(test_credentials("kraken", CREDS, kraken.url, **FAST))
    assert err.reason == {"permission": "permission", "nonce": "clock"}.get(fault, "authentication")


def test_nonce_not_increasing_is_a_clock_problem(kraken):
    kraken._last_nonce[KEY] = 10 ** 15  # the server saw a nonce from far in the future (clock ran ahead before)
    err = fails(fetch_balances("kraken", CREDS, kraken.url, **FAST))
    assert err.reason == "clock"


def test_unreachable_port():
    err = fails(test_credentials("kraken", CREDS, f"http://127.0.0.1:{free_port()}", **FAST))
    assert err.reason == "unreachable"


def test_server_error_and_rate_limit(kraken):
    kraken.inject("BalanceEx", "503", times=1)
    assert fails(fetch_balances("kraken", CREDS, kraken.url, **FAST)).reason == "unreachable"
    kraken.inject("BalanceEx", "lockout", times=1)
    with pytest.raises(RateLimited):
        run(fetch_balances("kraken", CREDS, kraken.url, **FAST))


def test_malformed_answer_is_not_an_empty_account(kraken):
    kraken.inject("BalanceEx", "malformed", times=2)
    with pytest.raises(InvalidData) as info:
        run(fetch_balances("kraken", CREDS, kraken.url, **FAST))
    assert info.value.code == "malformed"
    with pytest.raises(InvalidData):
        run(test_credentials("kraken", CREDS, kraken.url, **FAST))


def test_empty_result_without_error_is_an_empty_account(kraken):
    kraken.set_balances({})
    assert run(fetch_balances("kraken", CREDS, kraken.url, **FAST)) == {}
    kraken.inject("BalanceEx", "empty", times=1)  # {"error":[],"result":{}}: well-formed, nothing held
    assert run(fetch_balances("kraken", CREDS, kraken.url, **FAST)) == {}


# -- redaction ----------------------------------------------------------------------------------------------------
def test_redact_removes_values_headers_and_base64_forms():
    raw = base64.b64decode(SECRET)
    text = (f"POST /0/private/BalanceEx {{'API-Key': '{KEY}', 'API-Sign': 'abcDEF+/12345=='}} nonce=1&"
            f"signature=0a1b2c secret={SECRET} unpadded {SECRET.rstrip('=')} urlsafe "
            f"{base64.urlsafe_b64encode(raw).decode()} key-b64 {base64.b64encode(KEY.encode()).decode()} "
            f"hex {raw.hex()} EAPI:Invalid key")
    out = redact(text, CREDS)
    for leaked in (KEY, SECRET, SECRET.rstrip("="), base64.urlsafe_b64encode(raw).decode(), raw.hex(),
                   "abcDEF+/12345==", "0a1b2c", base64.b64encode(KEY.encode()).decode()):
        assert leaked not in out
    assert "EAPI:Invalid key" in out and REDACTED in out
    assert redact("nothing secret here", CREDS) == "nothing secret here"


def test_redacting_filter_cleans_messages_args_and_exceptions():
    flt = RedactingFilter(CREDS)
    try:
        raise ValueError(f"boom {SECRET}")
    except ValueError:
        import sys

        rec = logging.LogRecord("ccxt.base.exchange", logging.DEBUG, __file__, 1, "Request: %s %s",
                                ({"API-Key": KEY, "API-Sign": "sig=="}, f"nonce=1&k={KEY}"), sys.exc_info())
    assert flt.filter(rec) is True
    text = logging.Formatter().format(rec)
    assert KEY not in text and SECRET not in text and "sig==" not in text and "boom" in text


def test_ccxt_debug_logging_never_shows_key_material(kraken, caplog, tmp_path):
    """ccxt logs every request's headers (API-Key, API-Sign) at DEBUG: the filter must catch them."""
    log_file = tmp_path / "riskwatch.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    rw = logging.getLogger("riskwatch")
    rw.addHandler(handler)
    caplog.set_level(logging.DEBUG)
    try:
        run(fetch_balances("kraken", CREDS, kraken.url, **FAST))
        fails(test_credentials("kraken", ApiCredentials(KEY, base64.b64encode(b"x" * 64).decode()), kraken.url,
                               **FAST))
    finally:
        rw.removeHandler(handler)
        handler.close()
    records = caplog.records
    assert any("API-Key" in r.getMessage() for r in records), "ccxt's request log was expected"
    assert "private call to kraken failed" in log_file.read_text(encoding="utf-8")
    text = "\n".join(r.getMessage() for r in records) + log_file.read_text(encoding="utf-8")
    assert KEY not in text and SECRET not in text
    # filters are removed when the call ends
    assert not logging.getLogger("ccxt.base.exchange").filters
    assert not any(isinstance(f, RedactingFilter) for h in logging.getLogger().handlers for f in h.filters)


def test_redacting_logs_is_scoped():
    with redacting_logs(CREDS) as flt:
        assert flt in logging.getLogger("riskwatch").filters
    assert flt not in logging.getLogger("riskwatch").filters


# -- sync service end to end ----------------------------------------------------------------------------------------
@pytest.fixture
def store(tmp_path):
    s = SqliteStore.in_dir(tmp_path)
    yield s
    s.close()


def service(store, kraken, creds=CREDS):
    async def fetch(exchange, c):
        return await fetch_balances(exchange, c, kraken.url, **FAST)

    return SyncService(store, lambda ex: creds if ex == "kraken" else None, fetch)


def test_sync_fetch_plan_apply(store, kraken):
    kraken.set_balances({"XXBT": "0.75", "XETH": "1.0", "USDT": "250", "ZUSD": "99"})
    store.add_positions([
        Position(Asset("BTC", AssetKind.CRYPTO), Decimal("0.5"), Decimal("60000"), "Kraken"),
        Position(Asset("SOL", AssetKind.CRYPTO), Decimal("10"), Decimal("100"), "Kraken"),
        Position(Asset("IREN", AssetKind.EQUITY), Decimal("100"), Decimal("10"), "Depot"),
    ])
    svc = service(store, kraken)
    plan = run(svc.plan("kraken"))
    assert [p.symbol for p in plan.added] == ["ETH", "USDT"]
    assert [(c.symbol, c.new_quantity) for c in plan.changed] == [("BTC", Decimal("0.75"))]
    assert [p.symbol for p in plan.removed] == ["SOL"]
    svc.apply(plan)
    held = {(p.symbol, p.account): p for p in store.list_positions()}
    assert set(held) == {("BTC", "Kraken"), ("ETH", "Kraken"), ("USDT", "Kraken"), ("IREN", "Depot")}
    assert held[("BTC", "Kraken")].quantity == Decimal("0.75")
    assert held[("BTC", "Kraken")].cost_basis == Decimal("60000")
    assert held[("USDT", "Kraken")].asset.kind is AssetKind.STABLECOIN
    assert run(svc.plan("kraken")).is_empty


def test_rejected_key_leaves_positions_untouched(store, kraken):
    store.add_position(Position(Asset("BTC", AssetKind.CRYPTO), Decimal("0.5"), Decimal("60000"), "Kraken"))
    before = store.list_positions()
    svc = service(store, kraken, ApiCredentials("wrong", SECRET))
    with pytest.raises(AuthenticationFailed):
        run(svc.plan("kraken"))
    assert store.list_positions() == before
    with pytest.raises(AuthenticationFailed) as info:
        run(svc.plan("binance"))
    assert info.value.reason == "missing"


def test_apply_is_one_transaction(store, kraken):
    kraken.set_balances({"XXBT": "1", "XETH": "2"})
    store.add_position(Position(Asset("SOL", AssetKind.CRYPTO), Decimal("1"), Decimal("1"), "Kraken"))
    svc = service(store, kraken)
    plan = run(svc.plan("kraken"))
    before = store.list_positions()
    store.delete_position(before[0].id)  # the SOL position vanished meanwhile: the plan is stale
    store.add_position(before[0])
    with pytest.raises(StoreError):
        apply_sync(store, plan)
    assert [p.symbol for p in store.list_positions()] == ["SOL"]  # nothing of the plan was applied
