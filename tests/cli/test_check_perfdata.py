"""`check` perfdata in the Nagios plugin format (issue 15): ``'label'=value[UOM];warn;crit;min;max`` with UOM
only ``%``, ``s``, ``B``, ``c`` or none; fractions in percent, ages in seconds, money without a unit; warn/crit
from the user's enabled rules. In-process (tests/cli/inprocess.py), real SQLite."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import date, timedelta

import pytest

from riskwatch.adapters.sqlite_alerts import AlertRepository
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.commands.check_perfdata import label, number
from tests.cli.inprocess import run_main

_NUM = r"-?[0-9]+(?:\.[0-9]+)?"
_RANGE = rf"(?:@?(?:~|{_NUM})?(?::(?:{_NUM})?)?)?"
#: One item of the plugin grammar (Nagios plugin development guidelines, "Performance data").
ITEM = re.compile(rf"^(?:'(?:[^']|'')+'|[^'= ]+)=(?:{_NUM}(?:%|s|B|KB|MB|GB|TB|us|ms|c)?|U)"
                  rf"(?:;{_RANGE}(?:;{_RANGE}(?:;(?:{_NUM})?(?:;(?:{_NUM})?)?)?)?)?$")


def perf_items(first_line: str) -> dict[str, list[str]]:
    text, bar, perf = first_line.partition(" | ")
    assert bar, f"no perfdata on the first line: {first_line!r}"
    items = {}
    for item in re.findall(r"(?:'(?:[^']|'')+'|[^' ]+)=[^ ]*", perf):
        assert ITEM.match(item), f"not in the plugin format: {item!r}"
        name, _, rest = item.partition("=")
        items[name] = rest.split(";")
    assert " ".join(f"{k}={';'.join(v)}" for k, v in items.items()) == perf  # nothing else on the line
    return items


def setup(tmp_path, data_dir, closes):
    pos = tmp_path / "p.csv"
    pos.write_text("symbol,kind,quantity,cost_basis\nBTC,crypto,1,50\n", encoding="utf-8")
    assert run_main("positions", "import", str(pos), data_dir=data_dir).returncode == 0
    start = date.today() - timedelta(days=len(closes) - 1)
    prices = tmp_path / "btc.csv"
    prices.write_text("Date,Close\n" + "".join(f"{start + timedelta(days=i)},{c}\n" for i, c in enumerate(closes)),
                      encoding="utf-8")
    assert run_main("prices", "import", "BTC", str(prices), data_dir=data_dir).returncode == 0


def test_perfdata_follows_the_plugin_grammar_with_units_and_thresholds(tmp_path, data_dir):
    setup(tmp_path, data_dir, [100.0] * 60 + [82.2])
    r = run_main("check", "--offline", data_dir=data_dir)
    assert r.returncode == 1, r.stdout + r.stderr
    first = r.stdout.splitlines()[0]
    assert first.startswith("RISKWATCH WARNING - ") and "BTC drop_from_high:30D −17.8%" in first
    items = perf_items(first)
    assert "USD" not in first.partition(" | ")[2]
    # money: no unit, min 0
    assert items["portfolio_value"] == ["82.2", "", "", "0", ""]
    # fractions in percent; warn/crit from the shipped rules (−17 % warning, −25 % critical), range syntax
    assert items["BTC_drop_from_high_30d"] == ["-17.8%", "-17:", "-25:", "-100", "0"]
    assert items["portfolio_drawdown"] == ["-17.8%", "-15:", "", "-100", "0"]
    # a figure without a rule: empty warn/crit
    assert items["portfolio_drop_from_high_30d"] == ["-17.8%", "", "", "-100", "0"]
    # the drawdown window is named
    assert "portfolio_max_drawdown_800d" in items and "BTC_max_drawdown_800d" in items
    assert not any(k.endswith("_max_drawdown") for k in items)
    # ages in seconds
    assert re.fullmatch(rf"{_NUM}s", items["BTC_price_age"][0])
    # a liquidity figure never fetched offline: U, its rule's threshold still given (> 50 bps)
    assert items["BTC_spread_bps"] == ["U", "~:50", "", "0", ""]
    assert "BTC_days_to_liquidate" not in items  # a stock's figure: a coin never has it


def test_warn_and_crit_follow_the_users_rules(tmp_path, data_dir):
    setup(tmp_path, data_dir, [100.0] * 90)
    assert run_main("check", "--offline", data_dir=data_dir).returncode == 0  # seeds the shipped rules
    store = SqliteStore.in_dir(data_dir)
    repo = AlertRepository(store)
    rules = {r.key: r for r in repo.list_rules()}
    repo.save_rule(dataclasses.replace(rules["btc_drop_30d_warning"], threshold=-0.1))
    repo.save_rule(dataclasses.replace(rules["portfolio_drawdown_warning"], enabled=False))
    store.close()
    r = run_main("check", "--offline", data_dir=data_dir)
    assert r.returncode == 0, r.stdout
    items = perf_items(r.stdout.splitlines()[0])
    assert items["BTC_drop_from_high_30d"][:3] == ["0%", "-10:", "-25:"]
    assert items["portfolio_drawdown"][:3] == ["0%", "", ""]  # the disabled rule gives no threshold


def test_the_json_carries_the_same_perfdata_and_the_window(tmp_path, data_dir):
    setup(tmp_path, data_dir, [100.0] * 60 + [82.2])
    r = run_main("check", "--offline", "--json", data_dir=data_dir)
    doc = json.loads(r.stdout)
    human = run_main("check", "--offline", data_dir=data_dir).stdout.splitlines()[0]
    age = re.compile(r"BTC_price_age=[^ ]*")  # the clock moved on between the runs
    assert age.sub("", doc["perfdata"]) == age.sub("", human.partition(" | ")[2])
    assert doc["max_drawdown_window_days"] == 800
    assert doc["portfolio"]["max_drawdown_800d"] == doc["portfolio"]["max_drawdown"]
    assert doc["assets"][0]["max_drawdown_800d"] == pytest.approx(-0.178)


@pytest.mark.parametrize(("text", "quoted"), [
    ("BTC_drawdown", "BTC_drawdown"), ("BRK B_drawdown", "'BRK B_drawdown'"), ("a=b", "'a=b'"),
    ("it's", "'it''s'")])
def test_labels_are_quoted_when_they_must_be(text, quoted):
    assert label(text) == quoted
    assert ITEM.match(f"{label(text)}=1;;;;")


@pytest.mark.parametrize(("x", "text"), [(-17.8, "-17.8"), (-17.799999999999997, "-17.8"), (98070.61, "98070.61"),
                                         (1e12, "1000000000000"), (1e-12, "0"), (-0.0, "0"), (3.0, "3")])
def test_numbers_are_plain_decimals(x, text):
    assert number(x) == text
