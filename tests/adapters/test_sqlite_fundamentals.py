"""The fundamentals tables (migration 5) on a real SQLite store: the cached company facts, entered figures,
contracts seeded once, maturities."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime

import pytest

from riskwatch.adapters.sqlite_fundamentals import FundamentalsRepository
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.domain.errors import InputError
from riskwatch.domain.fundamentals import ENTERED, SEED_CONTRACTS, Contract, Fact, Maturity

T0 = datetime(2025, 9, 1, 12, tzinfo=UTC)
T1 = datetime(2025, 9, 2, 12, tzinfo=UTC)


@pytest.fixture
def store(tmp_path):
    s = SqliteStore(tmp_path / "rw.sqlite3")
    yield s
    s.close()


@pytest.fixture
def repo(store):
    return FundamentalsRepository(store, now=lambda: T0)


def test_a_new_accession_replaces_the_document_the_same_one_only_moves_the_fetch_time(repo, tmp_path):
    assert repo.cached("clsk") is None
    assert repo.save_companyfacts("CLSK", "0000827876", '{"v":1}', T0, "A-1") is True
    assert repo.save_companyfacts("CLSK", "0000827876", '{"v":2}', T1, "A-1") is False
    cached = repo.cached("CLSK")
    assert (cached.doc_text, cached.newest_accession, cached.fetched_at, cached.stored_at) == ('{"v":1}', "A-1", T1,
                                                                                               T0)
    assert repo.save_companyfacts("CLSK", "0000827876", '{"v":3}', T1, "A-2") is True
    assert repo.cached("CLSK").doc_text == '{"v":3}'
    conn = sqlite3.connect(tmp_path / "rw.sqlite3")
    assert conn.execute("PRAGMA user_version").fetchone()[0] >= 5
    conn.close()


def test_entered_figures_are_labelled_replace_per_period_and_can_be_deleted(repo):
    fact = Fact("clsk", "total_debt", 650e6, date(2025, 9, 30), None, ENTERED, "", "", ENTERED, "  press   release ")
    stored = repo.enter_fact(fact)
    assert stored.symbol == "CLSK" and stored.note == "press release" and stored.source == ENTERED
    repo.enter_fact(Fact("CLSK", "total_debt", 660e6, date(2025, 9, 30), None, ENTERED, "", "", ENTERED))
    (only,) = repo.entered_facts("CLSK")
    assert (only.value, only.form, only.filed, only.accession) == (660e6, ENTERED, None, "")
    assert repo.delete_entered("CLSK", "total_debt", date(2025, 9, 30)) is True
    assert repo.entered_facts("CLSK") == []


@pytest.mark.parametrize("code, value", [("debt", 1.0), ("cash", -1.0), ("cash", float("nan")),
                                         ("shares_outstanding", 0.0)])
def test_a_bad_entered_figure_is_refused_and_nothing_stored(repo, code, value):
    with pytest.raises(InputError):
        repo.enter_fact(Fact("CLSK", code, value, date(2025, 9, 30), None, ENTERED, "", "", ENTERED))
    assert repo.entered_facts() == []


def test_contracts_are_seeded_once_and_a_deleted_seed_stays_deleted(repo, store):
    seeded = repo.contracts()
    assert [(c.symbol, c.counterparty, c.value_usd) for c in seeded] == [
        (c.symbol, c.counterparty, c.value_usd) for c in SEED_CONTRACTS]
    assert all(c.source for c in seeded)
    first = SEED_CONTRACTS[0]
    assert repo.delete_contract(first.symbol, first.counterparty, first.start) is True
    again = FundamentalsRepository(store)
    assert [c.counterparty for c in again.contracts(first.symbol)] == []
    again.save_contract(Contract("CIFR", "AWS", 5.5e9, 15.0, date(2025, 11, 3), "Cipher press release"))
    again.save_contract(Contract("CIFR", "AWS", 5.6e9, 15.0, date(2025, 11, 3), "Cipher press release"))
    assert [(c.value_usd, c.start) for c in again.contracts("CIFR")] == [(5.6e9, date(2025, 11, 3))]
    with pytest.raises(InputError):
        again.save_contract(Contract("CIFR", "X", 1e9, None, None, ""))


def test_maturities_upsert_by_symbol_due_and_note(repo):
    repo.save_maturity(Maturity("CLSK", date(2026, 6, 15), 100e6, "convertible notes"))
    repo.save_maturity(Maturity("CLSK", date(2026, 6, 15), 120e6, "convertible notes"))
    repo.save_maturity(Maturity("CLSK", date(2026, 6, 15), 5e6, "loan"))
    assert [(m.amount_usd, m.note) for m in repo.maturities("CLSK")] == [(120e6, "convertible notes"), (5e6, "loan")]
    assert repo.delete_maturity("CLSK", date(2026, 6, 15), "loan") is True
    assert len(repo.maturities()) == 1
