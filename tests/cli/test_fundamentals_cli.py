"""`riskwatch fundamentals …` in-process against the loopback EDGAR (``--edgar-api-url``) and a real store."""

from __future__ import annotations

import json

import pytest

from tests.cli.inprocess import run_main
from tests.conftest import cli_env
from tests.fakes.fake_edgar import FakeEdgar


@pytest.fixture
def edgar():
    """The loopback EDGAR serving CleanSpark's facts."""
    with FakeEdgar() as server:
        yield server

ENV = cli_env(RISKWATCH_LANG="en", RISKWATCH_EDGAR_CONTACT="ops@example.org")


def test_refresh_then_show_the_figures_with_period_end_and_filing(edgar, data_dir):
    r = run_main("--edgar-api-url", edgar.url, "fundamentals", "refresh", "CLSK", data_dir=data_dir, env=ENV)
    assert r.returncode == 0, r.stderr
    assert "CLSK: new filing stored (0000827876-25-000005)" in r.stdout
    assert edgar.requests()[0].user_agent.endswith("(ops@example.org)")
    again = run_main("--edgar-api-url", edgar.url, "fundamentals", "refresh", "CLSK", data_dir=data_dir, env=ENV)
    assert "fetched less than a day ago" in again.stdout and len(edgar.requests()) == 1

    shown = run_main("fundamentals", "show", "CLSK", "--json", data_dir=data_dir, env=ENV)
    doc = json.loads(shown.stdout)
    assert doc["cik"] == "0000827876" and doc["newest_accession"] == "0000827876-25-000005"
    debt = doc["figures"]["total_debt"]
    assert debt["period_end"] == "2025-06-30" and debt["accession"] == "0000827876-25-000005"
    assert debt["form"] == "10-Q" and debt["source"] == "edgar"
    table = run_main("fundamentals", "show", "CLSK", data_dir=data_dir, env=ENV)
    assert table.returncode == 0 and "total_debt" in table.stdout and "10-Q" in table.stdout


def test_the_environment_points_edgar_elsewhere_too(edgar, data_dir):
    env = dict(ENV, RISKWATCH_EDGAR_API_URL=edgar.url)
    r = run_main("fundamentals", "refresh", "CLSK", data_dir=data_dir, env=env)
    assert r.returncode == 0 and len(edgar.requests()) == 1


def test_a_failed_refresh_exits_1_and_an_unknown_symbol_2(edgar, data_dir):
    edgar.inject("companyfacts", "429", times=1)
    r = run_main("--edgar-api-url", edgar.url, "fundamentals", "refresh", "CLSK", data_dir=data_dir, env=ENV)
    assert r.returncode == 1 and "CLSK: not refreshed" in r.stderr and "429" in r.stderr
    bad = run_main("--edgar-api-url", edgar.url, "fundamentals", "refresh", "AAPL", data_dir=data_dir, env=ENV)
    assert bad.returncode == 2 and "no SEC CIK is known for AAPL" in bad.stderr
    assert len(edgar.requests()) == 1


def test_refresh_without_symbols_takes_the_held_miners(edgar, data_dir, tmp_path):
    csv = tmp_path / "p.csv"
    csv.write_text("symbol,kind,quantity,cost_basis,currency\nCLSK,equity,10,100,USD\nBTC,crypto,1,30000,USD\n")
    assert run_main("positions", "import", str(csv), data_dir=data_dir, env=ENV).returncode == 0
    r = run_main("--edgar-api-url", edgar.url, "fundamentals", "refresh", data_dir=data_dir, env=ENV)
    assert r.returncode == 0, r.stderr
    assert [q.cik for q in edgar.requests()] == ["0000827876"]


def test_set_reads_a_typed_number_and_the_entered_figure_is_labelled(data_dir):
    env = dict(ENV, RISKWATCH_LANG="de")
    r = run_main("fundamentals", "set", "CLSK", "total_debt", "1.250.000,5", "--period-end", "2025-09-30",
                 "--note", "press release", data_dir=data_dir, env=env)
    assert r.returncode == 0, r.stderr
    doc = json.loads(run_main("fundamentals", "show", "CLSK", "--json", data_dir=data_dir, env=ENV).stdout)
    debt = doc["figures"]["total_debt"]
    assert (debt["value"], debt["source"], debt["note"], debt["period_end"]) == (1250000.5, "entered",
                                                                                 "press release", "2025-09-30")
    assert "entered" in run_main("fundamentals", "show", "CLSK", data_dir=data_dir, env=ENV).stdout


def test_set_with_bad_input_says_so_exits_2_and_stores_nothing(data_dir):
    for argv in (("CLSK", "total_debt", "12x", "--period-end", "2025-09-30"),
                 ("CLSK", "total_debt", "1,250.5", "--period-end", "2025-09-31"),
                 ("CLSK", "cash", "-5", "--period-end", "2025-09-30"),
                 ("CLSK", "debt", "5", "--period-end", "2025-09-30")):
        r = run_main("fundamentals", "set", *argv, data_dir=data_dir, env=ENV)
        assert r.returncode == 2, (argv, r.stderr)
        assert r.stderr.strip() and "Traceback" not in r.stderr
    doc = json.loads(run_main("fundamentals", "show", "CLSK", "--json", data_dir=data_dir, env=ENV).stdout)
    assert doc["figures"] == {}


def test_contracts_lists_the_seeded_deals_with_their_source(data_dir):
    r = run_main("fundamentals", "contracts", "--json", data_dir=data_dir, env=ENV)
    contracts = json.loads(r.stdout)["contracts"]
    assert {(c["symbol"], c["counterparty"]) for c in contracts} == {("IREN", "Microsoft"), ("WULF", "Fluidstack")}
    assert all(c["source"] for c in contracts)
    one = run_main("fundamentals", "contracts", "IREN", data_dir=data_dir, env=ENV)
    assert "Microsoft" in one.stdout and "Fluidstack" not in one.stdout


def test_an_entered_figure_dated_in_the_future_is_refused_and_nothing_is_stored(data_dir):
    r = run_main("fundamentals", "set", "CLSK", "total_debt", "5", "--period-end", "2099-12-31", data_dir=data_dir)
    assert r.returncode == 2 and "2099-12-31" in r.stderr and "future" in r.stderr
    shown = run_main("fundamentals", "show", "CLSK", "--json", data_dir=data_dir)
    assert "2099" not in shown.stdout


def test_show_says_when_edgar_has_no_facts_for_the_company(data_dir):
    with FakeEdgar() as edgar:
        r = run_main("--edgar-api-url", edgar.url, "fundamentals", "refresh", "IREN", data_dir=data_dir, env=ENV)
        assert r.returncode == 1
    shown = run_main("fundamentals", "show", "IREN", data_dir=data_dir, env=ENV)
    assert shown.returncode == 0 and "no XBRL facts for IREN" in shown.stdout
