"""`check --json` prints strict JSON whatever the data (no Infinity/NaN), and a stored bar dated in the
future never becomes the live price (issue 20, item 1). In-process through ``cli.main``."""

from __future__ import annotations

import json
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from riskwatch import cli


def _strict(text: str):
    def bad(name):
        raise ValueError(f"non-JSON constant {name}")

    return json.loads(text, parse_constant=bad)


def _run(capsys, *argv: str) -> tuple[int, str]:
    capsys.readouterr()
    code = cli.main(list(argv))
    return code, capsys.readouterr().out


def _import(capsys, d: Path, positions: str, prices: dict[str, list[float]]) -> None:
    (d / "p.csv").write_text("symbol,kind,quantity,cost_basis\n" + positions, encoding="utf-8")
    assert _run(capsys, "--data-dir", str(d), "positions", "import", str(d / "p.csv"))[0] == 0
    for sym, closes in prices.items():
        start = date.today() - timedelta(days=len(closes) - 1)
        rows = "".join(f"{start + timedelta(days=i)},{c!r}\n" for i, c in enumerate(closes))
        (d / f"{sym}.csv").write_text("Date,Close\n" + rows, encoding="utf-8")
        _run(capsys, "--data-dir", str(d), "prices", "import", sym, str(d / f"{sym}.csv"))


def test_a_bar_dated_in_the_future_is_never_the_price(tmp_path, capsys):
    from riskwatch.adapters.sqlite_store import SqliteStore
    from riskwatch.domain.model import Bar

    _import(capsys, tmp_path, "IREN,equity,10,100\n", {"IREN": [10.0] * 30})
    store = SqliteStore.in_dir(tmp_path)
    store.upsert_bars([Bar("IREN", datetime(2030, 1, 2, tzinfo=UTC), 529.0, source="import")])
    store.close()
    code, out = _run(capsys, "--data-dir", str(tmp_path), "check", "--offline", "--json")
    doc = _strict(out)
    iren = next(a for a in doc["assets"] if a["symbol"] == "IREN")
    assert iren["price"] == pytest.approx(10.0) and iren["price_age_s"] > 0
    assert doc["future_bars"] == {"IREN": 1}
    assert code in (0, 1, 2)


# what the importers accept: prices and unit costs from 1e-12 to 1e12 (extremes included on purpose)
prices = st.lists(st.one_of(st.floats(1e-12, 1e12, allow_nan=False, allow_infinity=False),
                            st.sampled_from([1e-12, 1e12, 1.0])), min_size=1, max_size=40)
position = st.tuples(st.sampled_from(["BTC", "IREN", "MARA", "ETH"]),
                     st.sampled_from(["1", "0.00000001", "1000000", "123456789"]),
                     st.sampled_from(["", "0", "100", "0.000000000001", "1000000000000"]))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@example(positions=[("BTC", "123456789", "0.000000000001")], closes={"BTC": [1e12, 1e-12, 1e12]})
@example(positions=[("MARA", "1000000", "0")], closes={"MARA": [1e-12, 1.0, 1e12] * 10})
@given(positions=st.lists(position, min_size=1, max_size=3, unique_by=lambda p: p[0]),
       closes=st.dictionaries(st.sampled_from(["BTC", "IREN", "MARA"]), prices, max_size=3))
def test_check_json_is_strict_json_and_the_exit_code_is_nagios(positions, closes, capsys):
    kinds = {"BTC": "crypto", "ETH": "crypto", "IREN": "equity", "MARA": "equity"}
    rows = "".join(f"{s},{kinds[s]},{q},{c}\n" for s, q, c in positions)
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        _import(capsys, d, rows, closes)
        code, out = _run(capsys, "--data-dir", str(d), "check", "--offline", "--json")
    doc = _strict(out)
    assert code in (0, 1, 2, 3)
    assert doc["exit_code"] == code


def test_non_finite_figures_become_null_with_their_path_listed():
    from riskwatch.commands.check import finite_json

    doc = finite_json({"portfolio": {"pnl_pct": float("inf"), "value": 1.0},
                       "assets": [{"beta_btc_90d": float("nan"), "price": 2.0}]})
    assert doc["portfolio"] == {"pnl_pct": None, "value": 1.0} and doc["assets"][0]["beta_btc_90d"] is None
    assert doc["non_finite"] == ["portfolio.pnl_pct", "assets.0.beta_btc_90d"]
    _strict(json.dumps(doc, allow_nan=False))
