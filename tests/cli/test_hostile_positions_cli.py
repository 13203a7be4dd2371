"""Issue 20 through the command line (in-process): hostile positions files exit 2 with one clear message
and leave the store as it was; stored hostile text never reaches the terminal raw."""

from __future__ import annotations

import io
import json
import os
import sys
import time
from decimal import Decimal

import pytest

from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.cli import main
from riskwatch.domain.model import Asset, AssetKind, Position

HEADER = "symbol,kind,quantity,cost_basis,currency,account,note\n"
GOOD = HEADER + "BTC,crypto,0.5,62000,USD,Kraken,cold storage\n"


def cli(data_dir, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def listed(data_dir, capsys) -> list[dict]:
    capsys.readouterr()
    assert cli(data_dir, "positions", "list", "--json") == 0
    return json.loads(capsys.readouterr().out)["positions"]


@pytest.fixture
def store_with_btc(tmp_path, data_dir, capsys):
    src = tmp_path / "good.csv"
    src.write_text(GOOD, encoding="utf-8")
    assert cli(data_dir, "positions", "import", str(src)) == 0
    capsys.readouterr()
    return data_dir


@pytest.mark.parametrize("body,says", [
    ("IREN,equity,1E+999999999,1,USD,,\n", "field 'quantity'"),   # crashed `check` with decimal.Overflow
    ("IREN,equity,1e309,1,USD,,\n", "field 'quantity'"),
    ("IREN,equity,1,1e400,USD,,\n", "field 'cost_basis'"),
    ("IREN,equity,1_000,1,USD,,\n", "field 'quantity'"),
    ("A/../../../../ETC/PASSWD,equity,1,1,USD,,\n", "field 'symbol'"),
    ("bıtf,equity,1,1,USD,,\n", "'ı'"),
    ("IREN,equity,1,1,USD,,\x1b]0;pwned\x07\n", "U+001B"),
])
def test_hostile_rows_exit_2_and_leave_the_store_unchanged(store_with_btc, tmp_path, capsys, body, says):
    src = tmp_path / "hostile.csv"
    src.write_text(HEADER + body, encoding="utf-8")
    assert cli(store_with_btc, "positions", "import", str(src)) == 2
    err = capsys.readouterr().err
    assert "line 2" in err and says in err and "Traceback" not in err and "\x1b" not in err
    assert [p["symbol"] for p in listed(store_with_btc, capsys)] == ["BTC"]


def test_replace_with_a_header_only_file_deletes_nothing(store_with_btc, tmp_path, capsys):
    src = tmp_path / "header_only.csv"
    src.write_text(HEADER, encoding="utf-8")
    assert cli(store_with_btc, "positions", "import", "--replace", str(src)) == 2
    assert "no positions" in capsys.readouterr().err
    assert [p["symbol"] for p in listed(store_with_btc, capsys)] == ["BTC"]
    js = tmp_path / "empty.json"
    js.write_text('{"positions": []}', encoding="utf-8")
    assert cli(store_with_btc, "positions", "import", "--replace", str(js)) == 2
    assert [p["symbol"] for p in listed(store_with_btc, capsys)] == ["BTC"]


def test_plain_import_of_an_empty_file_is_refused(tmp_path, data_dir, capsys):
    src = tmp_path / "empty.csv"
    src.write_text("", encoding="utf-8")
    assert cli(data_dir, "positions", "import", str(src)) == 2
    assert "the file is empty" in capsys.readouterr().err
    src.write_text(HEADER, encoding="utf-8")  # a header and nothing else: was "Imported 0 position(s)"
    assert cli(data_dir, "positions", "import", str(src)) == 2
    assert "has a header but no positions" in capsys.readouterr().err


def test_duplicate_columns_exit_2(store_with_btc, tmp_path, capsys):
    src = tmp_path / "dup.csv"
    src.write_text("symbol,kind,qty,quantity\nIREN,equity,1,400\n", encoding="utf-8")
    assert cli(store_with_btc, "positions", "import", str(src)) == 2
    assert "column quantity appears twice (columns 3 and 4)" in capsys.readouterr().err


def test_devices_and_pipes_are_refused_at_once(tmp_path, data_dir, capsys):
    start = time.monotonic()
    assert cli(data_dir, "positions", "import", "/dev/zero") == 2
    assert "is a device" in capsys.readouterr().err
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "fifo.csv"
        os.mkfifo(fifo)
        assert cli(data_dir, "positions", "import", str(fifo)) == 2
        assert "is a pipe" in capsys.readouterr().err
    assert time.monotonic() - start < 5


def test_oversized_field_and_deep_json_exit_2_without_traceback(tmp_path, data_dir, capsys):
    src = tmp_path / "wide.csv"
    src.write_text(HEADER + "BTC,crypto,1,1,USD,," + "x" * 200_000 + "\n", encoding="utf-8")
    assert cli(data_dir, "positions", "import", str(src)) == 2
    assert "line 2" in capsys.readouterr().err
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    assert cli(data_dir, "positions", "import", str(deep)) == 2
    assert "nested too deeply" in capsys.readouterr().err


def test_list_never_prints_control_characters_already_in_the_store(data_dir, capsys):
    store = SqliteStore.in_dir(data_dir)
    try:  # rows written before imports refused control characters (or by another tool)
        store.add_positions([Position(Asset("BTC", AssetKind.CRYPTO), Decimal("1"),
                                      account="Kra\x1b[2Jken", note="\x1b]0;title\x07red\x9b31m\u202egnp")])
    finally:
        store.close()
    capsys.readouterr()
    assert cli(data_dir, "positions", "list") == 0
    out = capsys.readouterr().out
    assert "BTC" in out and "Kra?[2Jken" in out
    assert not any(ch in out for ch in "\x1b\x07\x9b\u202e")
    assert cli(data_dir, "positions", "list", "--json") == 0
    out = capsys.readouterr().out
    assert not any(ch in out for ch in "\x1b\x07\x9b\u202e")
    assert json.loads(out)["positions"][0]["note"] == "\x1b]0;title\x07red\x9b31m\u202egnp"


def test_formula_cells_are_escaped_on_export_and_round_trip(tmp_path, data_dir, capsys):
    src = tmp_path / "in.csv"
    src.write_text(HEADER + 'BTC,crypto,1,1,USD,@SUM(A1),"=HYPERLINK(""http://x"",""y"")"\n'
                            "IREN,equity,1,1,USD,+1+1,-1+1\n", encoding="utf-8")
    assert cli(data_dir, "positions", "import", str(src)) == 0
    out = tmp_path / "out.csv"
    assert cli(data_dir, "positions", "export", str(out)) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[1] == 'BTC,crypto,1,1,USD,\'@SUM(A1),"\'=HYPERLINK(""http://x"",""y"")"'
    assert lines[2] == "IREN,equity,1,1,USD,'+1+1,'-1+1"
    other = tmp_path / "other"
    assert cli(other, "positions", "import", str(out)) == 0
    out2 = tmp_path / "out2.csv"
    assert cli(other, "positions", "export", str(out2)) == 0
    assert out2.read_bytes() == out.read_bytes()
    assert listed(other, capsys)[0]["note"] == '=HYPERLINK("http://x","y")'


def test_import_from_standard_input(data_dir, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GOOD.encode("utf-8")), encoding="utf-8"))
    assert cli(data_dir, "positions", "import", "-") == 0
    assert "Imported 1 position(s)" in capsys.readouterr().out
    assert [p["symbol"] for p in listed(data_dir, capsys)] == ["BTC"]
