"""Positions export for German Excel (`;`, decimal commas, UTF-8 BOM) reads back exactly (issue 13)."""

from decimal import Decimal

import pytest

from riskwatch import cli
from riskwatch.adapters.csv_io import positions_to_csv, read_positions_file, write_text_atomic
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.domain.model import Asset, AssetKind, Position

POSITIONS = [
    Position(Asset("BTC", AssetKind.CRYPTO), Decimal("0.5"), Decimal("61234.50"), "Kraken", "=HYPERLINK(\"x\")"),
    Position(Asset("IREN", AssetKind.EQUITY), Decimal("1250"), Decimal("14.5"), "Depot; Comdirect", "-5 % ; \"ok\""),
    Position(Asset("ETH", AssetKind.CRYPTO), Decimal("1.000"), Decimal("0"), "", "+1 zweite Zeile"),
    Position(Asset("SOL", AssetKind.CRYPTO), Decimal("1E-12"), Decimal("1E+12"), "Ledger", "@home"),
    Position(Asset("WULF", AssetKind.EQUITY), Decimal("1234.5678"), Decimal("0.000001"), "Depot", "'=already"),
]


def test_german_excel_export_round_trips_exactly(tmp_path):
    text = positions_to_csv(POSITIONS, excel_german=True)
    path = tmp_path / "positions.csv"
    write_text_atomic(path, text)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfsymbol;kind;quantity;cost_basis;currency;account;note\n")
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[1] == 'BTC;crypto;0,5;61234,50;USD;Kraken;"\'=HYPERLINK(""x"")"'
    assert "0,000000000001;1000000000000" in text and "1234,5678;0,000001" in text
    back = read_positions_file(path)
    assert back == POSITIONS
    assert [(p.quantity.as_tuple(), p.note) for p in back] == [(p.quantity.as_tuple(), p.note) for p in POSITIONS]
    # the plain CSV is unchanged
    assert positions_to_csv(POSITIONS[:1], excel_german=False) == (
        "symbol,kind,quantity,cost_basis,currency,account,note\n"
        "BTC,crypto,0.5,61234.50,USD,Kraken,\"'=HYPERLINK(\"\"x\"\")\"\n")


@pytest.fixture
def stored(data_dir):
    s = SqliteStore.in_dir(data_dir)
    for p in POSITIONS:
        s.add_position(p)
    s.close()
    return data_dir


def test_cli_export_excel_de_then_import_gives_the_same_positions(tmp_path, stored, capsys):
    out = tmp_path / "excel.csv"
    assert cli.main(["--data-dir", str(stored), "positions", "export", str(out), "--format", "excel-de"]) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfsymbol;kind;")
    other = tmp_path / "other"
    other.mkdir()
    assert cli.main(["--data-dir", str(other), "positions", "import", str(out)]) == 0
    s = SqliteStore.in_dir(other)
    try:
        assert [(p.key, p.quantity, p.cost_basis, p.note) for p in s.list_positions()] == \
            [(p.key, p.quantity, p.cost_basis, p.note) for p in POSITIONS]
    finally:
        s.close()


def test_cli_export_default_is_plain_csv_and_json_still_works(tmp_path, stored, capsys):
    plain, doc = tmp_path / "plain.csv", tmp_path / "p.json"
    assert cli.main(["--data-dir", str(stored), "positions", "export", str(plain)]) == 0
    assert plain.read_bytes().startswith(b"symbol,kind,quantity")
    assert cli.main(["--data-dir", str(stored), "positions", "export", str(doc), "--json"]) == 0
    assert cli.main(["--data-dir", str(stored), "positions", "export", str(tmp_path / "q.json"),
                     "--format", "json"]) == 0
    assert doc.read_text(encoding="utf-8") == (tmp_path / "q.json").read_text(encoding="utf-8")
    with pytest.raises(SystemExit) as info:
        cli.main(["--data-dir", str(stored), "positions", "export", str(doc), "--json", "--format", "csv"])
    assert info.value.code == 2
