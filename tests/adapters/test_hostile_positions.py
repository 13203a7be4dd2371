"""Issue 20 at the positions-file boundary: hostile input is refused with a clear message, never crashes,
never blocks, and nothing accepted can overflow later."""

from __future__ import annotations

import csv
import io
import json
import math
import os
import threading
import time
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from riskwatch.adapters.bundle import load_bundled_closes
from riskwatch.adapters.csv_io import (MAX_POSITION_ROWS, parse_position_rows, parse_positions_csv,
                                       parse_positions_json, positions_to_csv, positions_to_json,
                                       read_position_rows, read_text)
from riskwatch.domain.errors import InputError
from riskwatch.domain.model import Asset, AssetKind, Position
from riskwatch.domain.numbers import MAX_QUANTITY, MIN_POSITIVE, check_cost_basis, check_quantity

HEADER = "symbol,kind,quantity,cost_basis,currency,account,note\n"


def one_problem(text: str):
    with pytest.raises(InputError) as err:
        parse_positions_csv(text, "hostile.csv")
    [problem] = err.value.problems
    return problem, str(err.value)


# -- 1. numbers ----------------------------------------------------------------------------------

@pytest.mark.parametrize("quantity", [
    "1E+999999999",          # representable, but its arithmetic overflows (decimal.Overflow in `check`)
    "1e308", "1e309",        # float max / inf later
    "1" * 400,               # 400 digits
    "1e16",                  # above MAX_QUANTITY
    "1E-999999", "1e-13",    # below MIN_POSITIVE
    "1_000",                 # Decimal accepts underscores; people do not write them
    "١٢٣",                   # Decimal accepts Arabic-Indic digits
    "-1", "nan", "Infinity", "1e",
])
def test_out_of_bounds_or_odd_quantity_is_refused_naming_line_field_and_range(quantity):
    problem, text = one_problem(HEADER + f"BTC,crypto,{quantity},1,USD,,\n")
    assert (problem.line, problem.field) == (2, "quantity")
    assert "line 2" in text and "'quantity'" in text and "expected 0 or a number from 1E-12 to 1E+15" in text
    assert len(text) < 300  # a 400-digit number is not echoed whole


@pytest.mark.parametrize("cost", ["1e400", "1E+999999999", "1e13", "1e-13", "-5", "9" * 400])
def test_out_of_bounds_cost_basis_is_refused(cost):
    problem, text = one_problem(HEADER + f"BTC,crypto,1,{cost},USD,,\n")
    assert (problem.line, problem.field) == (2, "cost_basis")
    assert "expected 0 or a price per unit from 1E-12 to 1E+12" in text


def test_minus_zero_is_zero_and_bounds_are_inclusive():
    rows = parse_positions_csv(HEADER + "BTC,crypto,-0,-0.0,USD,,\nIREN,equity,1e15,1e-12,USD,,\n"
                                        "WULF,equity,0.000000000001,1000000000000,USD,,\n")
    zero, big, small = rows
    assert str(zero.quantity) == "0" and not zero.quantity.is_signed() and not zero.cost_basis.is_signed()
    assert big.quantity == MAX_QUANTITY and big.cost_basis == MIN_POSITIVE
    assert small.quantity == MIN_POSITIVE and small.cost_basis == Decimal("1e12")
    assert "-0" not in positions_to_csv(rows)


def test_check_quantity_is_the_one_domain_check_for_the_dialog_too():
    for bad in ("1E+999999999", "1e16", "1E-999999", "-1", "NaN", "Infinity"):
        with pytest.raises(ValueError, match="quantity"):
            check_quantity(Decimal(bad))
        with pytest.raises(ValueError, match="cost basis"):
            check_cost_basis(Decimal(bad))
    assert check_quantity(Decimal("-0")) == 0 and not check_quantity(Decimal("-0")).is_signed()


def test_json_numbers_that_overflow_floats_or_int_conversion_are_refused():
    digits = "1" * 5000  # json.loads turns this into an int: ValueError (digit limit), not JSONDecodeError
    for raw in ("1e400", digits, "NaN", "Infinity", "1E+999999999"):
        with pytest.raises(InputError) as err:
            parse_positions_json('{"positions": [{"symbol": "BTC", "kind": "crypto", "quantity": ' + raw + "}]}")
        assert err.value.problems[0].field == "positions[0].quantity"


number_text = st.one_of(
    st.from_regex(r"[-+]?[0-9]{1,450}(\.[0-9]{0,60})?([eE][-+]?[0-9]{1,12})?", fullmatch=True),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.floats().map(repr),
    st.integers(min_value=-10**500, max_value=10**500).map(str),
    st.text(alphabet="0123456789.,eE+-_ '\u00a0", max_size=60),
)


@settings(max_examples=400, deadline=None)
@given(quantity=number_text, cost=number_text, german=st.booleans())
def test_nothing_accepted_can_overflow_later(quantity, cost, german):
    buf = io.StringIO()
    delimiter = ";" if german else ","
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\n")
    w.writerows([["symbol", "kind", "quantity", "cost_basis"], ["BTC", "crypto", quantity, cost]])
    try:
        [p] = parse_positions_csv(buf.getvalue())
    except InputError:
        return
    value = p.quantity * p.cost_basis  # default context: Overflow would raise here
    assert math.isfinite(float(p.quantity)) and math.isfinite(float(p.cost_basis))
    assert math.isfinite(float(value)) and math.isfinite(float(p.quantity) * float(p.cost_basis))
    assert p.quantity == 0 or MIN_POSITIVE <= p.quantity <= MAX_QUANTITY


# -- 2. header and empty files -------------------------------------------------------------------

@pytest.mark.parametrize("header,expected", [
    ("symbol,kind,quantity,quantity", "column quantity appears twice (columns 3 and 4)"),
    ("symbol,kind,quantity,symbol", "column symbol appears twice (columns 1 and 4)"),
    ("symbol,kind,qty,quantity", "column quantity appears twice (columns 3 and 4)"),
    ("symbol;kind;Cost Basis;quantity;cost_basis", "column cost_basis appears twice (columns 3 and 5)"),
])
def test_duplicate_columns_are_refused_also_after_aliases(header, expected):
    sep = ";" if ";" in header else ","
    problem, text = one_problem(header + "\n" + sep.join(["BTC", "crypto", "1", "2", "3"]) + "\n")
    assert problem.line == 1 and expected in text


def test_header_only_and_empty_files_are_refused():
    problem, text = one_problem(HEADER)
    assert problem.line == 1 and "no positions" in text
    problem, text = one_problem("\n\n")
    assert "empty" in text
    with pytest.raises(InputError, match="no positions"):
        parse_positions_json('{"positions": []}')


# -- 3. importer limits --------------------------------------------------------------------------

def test_field_over_the_csv_limit_is_a_problem_with_a_line_not_a_traceback():
    problem, text = one_problem(HEADER + "BTC,crypto,1,1,USD,,ok\nIREN,equity,1,1,USD,," + "x" * 200_000 + "\n")
    assert problem.line == 3 and "not valid CSV" in text


def test_deeply_nested_json_is_refused_with_a_clear_message():
    with pytest.raises(InputError, match="nested too deeply"):
        parse_positions_json("[" * 200_000 + "]" * 200_000)
    with pytest.raises(InputError, match="expected text or a number"):
        parse_positions_json('{"positions": [{"symbol": ["BTC"], "kind": "crypto", "quantity": 1}]}')


def test_devices_and_folders_are_refused_before_reading(tmp_path):
    start = time.monotonic()
    with pytest.raises(InputError, match="is a device"):
        read_text("/dev/zero")
    with pytest.raises(InputError, match="is a folder"):
        read_position_rows(tmp_path)
    assert time.monotonic() - start < 2


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_without_writer_is_refused_and_never_blocks(tmp_path):
    fifo = tmp_path / "positions.csv"
    os.mkfifo(fifo)
    outcome: list[BaseException | str] = []

    def read():
        try:
            outcome.append(read_text(fifo))
        except BaseException as exc:  # handed to the test thread
            outcome.append(exc)

    t = threading.Thread(target=read, daemon=True)
    t.start()
    t.join(5)
    if t.is_alive():  # the old code blocks in open(): let it go before failing
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        t.join(5)
        pytest.fail("reading a FIFO blocked")
    [exc] = outcome
    assert isinstance(exc, InputError) and "is a pipe" in str(exc)


def test_files_over_the_size_limit_are_refused(tmp_path):
    big = tmp_path / "big.csv"
    with open(big, "wb") as f:
        f.truncate(51 * 1024 * 1024)  # sparse: costs no disk
    with pytest.raises(InputError, match="at most 50 MB"):
        read_text(big)
    small = tmp_path / "small.csv"
    small.write_text(HEADER + "BTC,crypto,1,,,,\n" * 200)
    with pytest.raises(InputError, match="at most 0 MB"):
        read_text(small, max_bytes=1000)
    assert read_text(small).startswith(HEADER)


def test_too_many_rows_are_refused_up_front():
    text = HEADER + "BTC,crypto,1,1,USD,,\n" * (MAX_POSITION_ROWS + 50_000)
    start = time.monotonic()
    with pytest.raises(InputError, match=f"at most {MAX_POSITION_ROWS} positions"):
        parse_positions_csv(text)
    assert time.monotonic() - start < 2


def test_problem_list_stops_after_fifty_and_counts_the_rest():
    text = HEADER + "".join(f"S{i},bond,1,1,USD,,\n" for i in range(200))
    with pytest.raises(InputError) as err:
        parse_positions_csv(text, "many.csv")
    assert len(err.value.problems) == 50 and err.value.more == 150
    msg = str(err.value)
    assert msg.startswith("many.csv: 200 problems") and msg.endswith("… and 150 more")
    assert "line 51" in msg and "line 52" not in msg


# -- 4. formula injection ------------------------------------------------------------------------

FORMULAS = ['=HYPERLINK("http://evil.example","click")', "@SUM(A1:A9)", "+1+1", "-1+1", "'=1+1", "''@x"]


def test_export_escapes_formula_cells_and_import_round_trips_exactly():
    positions = [Position(Asset(f"S{i}", AssetKind.EQUITY), Decimal("1"), Decimal("2"), account=f, note=f)
                 for i, f in enumerate(FORMULAS)]
    positions.append(Position(Asset("PLAIN", AssetKind.EQUITY), Decimal("1"), note="'just a quote"))
    text = positions_to_csv(positions)
    for rec in list(csv.DictReader(io.StringIO(text)))[:-1]:
        assert rec["account"].startswith("'") and rec["note"].startswith("'")
    assert text.splitlines()[-1].endswith(",'just a quote")
    back = parse_positions_csv(text)
    assert [(p.account, p.note) for p in back] == [(p.account, p.note) for p in positions]
    assert positions_to_csv(back) == text
    doc = json.loads(positions_to_json(positions))
    assert [p["note"] for p in doc["positions"]][: len(FORMULAS)] == FORMULAS  # JSON stays unescaped


def test_tab_and_cr_led_cells_already_stored_are_escaped_on_export():
    positions = [Position(Asset("BTC", AssetKind.CRYPTO), Decimal("1"), note="\t=1+1"),
                 Position(Asset("IREN", AssetKind.EQUITY), Decimal("1"), note="\r@x")]
    recs = list(csv.DictReader(io.StringIO(positions_to_csv(positions), newline="")))
    assert [r["note"] for r in recs] == ["'\t=1+1", "'\r@x"]


def test_quantities_are_never_escaped():
    [rec] = csv.DictReader(io.StringIO(positions_to_csv(
        [Position(Asset("BTC", AssetKind.CRYPTO), Decimal("0"), Decimal("0"))])))
    assert rec["quantity"] == "0" and rec["cost_basis"] == "0"


# -- 5. control characters -----------------------------------------------------------------------

@pytest.mark.parametrize("field,value,code", [
    ("note", "\x1b[2J\x1b[31mpwned", "U+001B"),
    ("note", "a\x9bb", "U+009B"),
    ("account", "Kra\x00ken", "U+0000"),
    ("note", "abc\u202eevil", "U+202E"),
    ("account", "x\x7f", "U+007F"),
])
def test_control_characters_in_text_fields_are_refused(field, value, code):
    rec = {"symbol": "BTC", "kind": "crypto", "quantity": "1", "account": "", "note": ""}
    rec[field] = value
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(rec), lineterminator="\n")
    w.writeheader()
    w.writerow(rec)
    problem, text = one_problem(buf.getvalue())
    assert problem.field == field and code in text and "\x1b" not in text and "\x9b" not in text


def test_json_export_never_carries_raw_c1_or_bidi_characters():
    p = Position(Asset("BTC", AssetKind.CRYPTO), Decimal("1"), note="a\x9b31mb\u202e\x1b")
    text = positions_to_json([p])
    assert "\x9b" not in text and "\u202e" not in text and "\x1b" not in text
    assert json.loads(text)["positions"][0]["note"] == p.note


# -- 6. symbols ----------------------------------------------------------------------------------

@pytest.mark.parametrize("symbol,says", [
    ("A/../../../../ETC/PASSWD", "'..'"),
    ("bıtf", "'ı'"), ("maßa", "'ß'"), ("ＢＴＣ", "'Ｂ'"),
    ("/etc/passwd", "starting with a letter or digit"), (".hidden", "starting with a letter or digit"),
    ("a\\b", "not a valid symbol"), ("A//B", "empty parts"), ("A/", "empty parts"), ("X" * 33, "at most 32"),
])
def test_unsafe_symbols_are_refused_in_the_domain(symbol, says):
    with pytest.raises(ValueError) as err:
        Asset(symbol, AssetKind.EQUITY)
    assert says in str(err.value)
    problem, _ = one_problem(HEADER + f"{symbol},equity,1,,,,\n")
    assert problem.field == "symbol"


@pytest.mark.parametrize("symbol,stored", [("btc/usdt", "BTC/USDT"), ("brk.b", "BRK.B"), ("GC=F", "GC=F"),
                                           ("binance:btc", "BINANCE:BTC"), ("x_y", "X_Y"), ("btc-usd", "BTC-USD")])
def test_exchange_symbols_stay_accepted(symbol, stored):
    assert Asset(symbol, AssetKind.CRYPTO).symbol == stored


def test_bundled_history_is_looked_up_never_joined_into_a_path():
    assert load_bundled_closes("BTC") is not None
    assert load_bundled_closes("./btc") is None and load_bundled_closes("../history/BTC") is None


# -- 7. kinds as the window shows them -----------------------------------------------------------

def test_kind_names_of_the_german_and_english_window_are_accepted():
    rows = parse_position_rows("symbol;kind;quantity\nIREN;Aktie;1\nBTC;Krypto;1\nQQQ;Index;1\n"
                               "USDT;Stablecoin;1\nMARA;Stock;1\n")
    assert [r.position.asset.kind for r in rows] == [AssetKind.EQUITY, AssetKind.CRYPTO, AssetKind.INDEX,
                                                     AssetKind.STABLECOIN, AssetKind.EQUITY]
