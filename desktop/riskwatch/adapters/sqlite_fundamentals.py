"""Miner fundamentals in the SQLite store (tables of migration 5): the EDGAR company facts cached per symbol,
figures entered by hand, AI/HPC contracts and debt maturities.

The cached document is kept as EDGAR sent it (JSON text) with the newest filing's accession number: a fetch that
brings the same accession only moves the fetch time, a new accession replaces the document — in one
transaction, so a failed or invalid fetch leaves the previous document untouched. Contracts are seeded once
from :data:`~riskwatch.domain.fundamentals.SEED_CONTRACTS` at first use; a seeded contract the user deletes
stays deleted.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, timezone

from riskwatch.adapters.sqlite_errors import StoreRepository
from riskwatch.adapters.sqlite_rows import epoch_ms, utc_from_ms
from riskwatch.domain.errors import InputError
from riskwatch.domain.fundamentals import ENTERED, FIGURES, SEED_CONTRACTS, Contract, Fact, Maturity

_SEEDED_KEY = "contracts_seeded"


@dataclass(frozen=True)
class CachedFacts:
    """One symbol's cached company facts: the JSON text, when it was fetched and when it last changed."""

    symbol: str
    cik: str
    doc_text: str
    newest_accession: str
    fetched_at: datetime
    stored_at: datetime


def _bad(field: str, message: str) -> InputError:
    return InputError.single(message, field=field)


def _finite(value: float, field: str, *, positive: bool = False) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise _bad(field, f"expected a number, got {value!r}") from None
    if not math.isfinite(number) or number < 0 or (positive and number == 0):
        raise _bad(field, "expected a finite number above zero" if positive else "expected a finite number ≥ 0")
    return number


def _symbol(symbol: str) -> str:
    text = (symbol or "").strip().upper()
    if not text:
        raise _bad("symbol", "expected a symbol")
    return text


def _opt_date(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


class FundamentalsRepository(StoreRepository):
    """The fundamentals tables of ``store`` (a ``SqliteStore``). ``now`` stamps entries (default: UTC now)."""

    def __init__(self, store, now=None):
        super().__init__(store)
        self._now = now or (lambda: datetime.now(timezone.utc))

    # -- companies EDGAR cannot serve -------------------------------------------------------------------------
    def mark_unavailable(self, symbol: str, code: str, at: datetime) -> None:
        """EDGAR answered that it has no facts for the company (a foreign filer without XBRL): kept, so that the
        tab and ``check`` say so and the refresh does not ask again at every run."""
        self._store.set_setting(f"fundamentals.unavailable.{_symbol(symbol)}", f"{code} {at.isoformat()}")

    def clear_unavailable(self, symbol: str) -> None:
        if self.unavailable(symbol) is not None:
            self._store.set_setting(f"fundamentals.unavailable.{_symbol(symbol)}", "")

    def unavailable(self, symbol: str) -> tuple[str, datetime] | None:
        """(code, since) when EDGAR said it has no facts for ``symbol``; None otherwise."""
        text = (self._store.get_setting(f"fundamentals.unavailable.{_symbol(symbol)}", "") or "").strip()
        code, _, at = text.partition(" ")
        try:
            return (code, datetime.fromisoformat(at)) if code and at else None
        except ValueError:
            return None

    # -- cached company facts ---------------------------------------------------------------------------------
    def cached(self, symbol: str) -> CachedFacts | None:
        rows = self._read("SELECT symbol, cik, doc, accession, fetched_ts, stored_ts FROM fundamentals_companyfacts "
                          "WHERE symbol = ?", (_symbol(symbol),))
        if not rows:
            return None
        sym, cik, doc, accn, fetched, stored = rows[0]
        return CachedFacts(sym, cik, doc, accn, utc_from_ms(fetched), utc_from_ms(stored))

    def save_companyfacts(self, symbol: str, cik: str, doc_text: str, fetched_at: datetime,
                          newest_accession: str) -> bool:
        """Store a fetched document; True when it was stored (new, or a new accession), False when the cached
        one has the same accession (only its fetch time moves)."""
        sym = _symbol(symbol)
        with self._tx() as conn:
            row = conn.execute("SELECT accession, cik FROM fundamentals_companyfacts WHERE symbol = ?",
                               (sym,)).fetchone()
            if row is not None and row[0] == newest_accession and row[1] == cik:
                conn.execute("UPDATE fundamentals_companyfacts SET fetched_ts = ? WHERE symbol = ?",
                             (epoch_ms(fetched_at), sym))
                return False
            conn.execute("INSERT OR REPLACE INTO fundamentals_companyfacts (symbol, cik, doc, accession, fetched_ts, "
                         "stored_ts) VALUES (?,?,?,?,?,?)",
                         (sym, cik, doc_text, newest_accession, epoch_ms(fetched_at), epoch_ms(fetched_at)))
            return True

    # -- entered figures --------------------------------------------------------------------------------------
    def entered_facts(self, symbol: str | None = None) -> list[Fact]:
        sql = "SELECT symbol, code, period_end, value, note FROM fundamentals_entered"
        params: tuple = ()
        if symbol is not None:
            sql += " WHERE symbol = ?"
            params = (_symbol(symbol),)
        rows = self._read(sql + " ORDER BY symbol, code, period_end", params)
        return [Fact(sym, code, value, date.fromisoformat(end), None, ENTERED, "", "", ENTERED, note)
                for sym, code, end, value, note in rows]

    def enter_fact(self, fact: Fact, entered_at: datetime | None = None) -> Fact:
        """Store (or replace) an entered figure of ``fact.code`` and period end; returns it as stored."""
        sym = _symbol(fact.symbol)
        if fact.code not in FIGURES:
            raise _bad("code", f"expected one of {', '.join(FIGURES)}, got {fact.code!r}")
        value = _finite(fact.value, "value", positive=fact.code == "shares_outstanding")
        if not isinstance(fact.period_end, date):
            raise _bad("period_end", "expected a date (YYYY-MM-DD)")
        note = " ".join((fact.note or "").split())
        with self._tx() as conn:
            conn.execute("INSERT OR REPLACE INTO fundamentals_entered (symbol, code, period_end, value, note, "
                         "entered_ts) VALUES (?,?,?,?,?,?)",
                         (sym, fact.code, fact.period_end.isoformat(), value, note,
                          epoch_ms(entered_at or self._now())))
        return Fact(sym, fact.code, value, fact.period_end, None, ENTERED, "", "", ENTERED, note)

    def delete_entered(self, symbol: str, code: str, period_end: date) -> bool:
        with self._tx() as conn:
            cur = conn.execute("DELETE FROM fundamentals_entered WHERE symbol = ? AND code = ? AND period_end = ?",
                               (_symbol(symbol), code, period_end.isoformat()))
            return cur.rowcount > 0

    # -- contracts --------------------------------------------------------------------------------------------
    def contracts(self, symbol: str | None = None) -> list[Contract]:
        self._seed_contracts()
        sql = "SELECT symbol, counterparty, value_usd, term_years, start, source, note FROM fundamentals_contracts"
        params: tuple = ()
        if symbol is not None:
            sql += " WHERE symbol = ?"
            params = (_symbol(symbol),)
        rows = self._read(sql + " ORDER BY symbol, id", params)
        return [Contract(sym, cp, value, term, _opt_date(start), source, note)
                for sym, cp, value, term, start, source, note in rows]

    def save_contract(self, contract: Contract) -> None:
        """Add a contract, or replace the one of the same symbol, counterparty and start."""
        self._seed_contracts()
        with self._tx() as conn:
            self._insert_contract(conn, contract)

    def delete_contract(self, symbol: str, counterparty: str, start: date | None = None) -> bool:
        self._seed_contracts()
        with self._tx() as conn:
            cur = conn.execute("DELETE FROM fundamentals_contracts WHERE symbol = ? AND counterparty = ? AND "
                               "start = ?", (_symbol(symbol), counterparty, start.isoformat() if start else ""))
            return cur.rowcount > 0

    @staticmethod
    def _insert_contract(conn, c: Contract) -> None:
        counterparty = " ".join((c.counterparty or "").split())
        if not counterparty:
            raise _bad("counterparty", "expected the counterparty's name")
        source = " ".join((c.source or "").split())
        if not source:
            raise _bad("source", "expected where the contract was reported (a press release, a news URL)")
        value = _finite(c.value_usd, "value_usd", positive=True)
        term = _finite(c.term_years, "term_years", positive=True) if c.term_years is not None else None
        conn.execute("INSERT OR REPLACE INTO fundamentals_contracts (symbol, counterparty, value_usd, term_years, "
                     "start, source, note) VALUES (?,?,?,?,?,?,?)",
                     (_symbol(c.symbol), counterparty, value, term, c.start.isoformat() if c.start else "", source,
                      c.note or ""))

    def _seed_contracts(self) -> None:
        if self._read("SELECT 1 FROM fundamentals_meta WHERE key = ?", (_SEEDED_KEY,)):
            return
        with self._tx() as conn:
            if conn.execute("SELECT 1 FROM fundamentals_meta WHERE key = ?", (_SEEDED_KEY,)).fetchone():
                return  # another process seeded in between
            if conn.execute("SELECT COUNT(*) FROM fundamentals_contracts").fetchone()[0] == 0:
                for contract in SEED_CONTRACTS:
                    self._insert_contract(conn, contract)
            conn.execute("INSERT INTO fundamentals_meta (key, value) VALUES (?, ?)",
                         (_SEEDED_KEY, self._now().isoformat()))

    # -- maturities -------------------------------------------------------------------------------------------
    def maturities(self, symbol: str | None = None) -> list[Maturity]:
        sql = "SELECT symbol, due, amount_usd, note FROM fundamentals_maturities"
        params: tuple = ()
        if symbol is not None:
            sql += " WHERE symbol = ?"
            params = (_symbol(symbol),)
        rows = self._read(sql + " ORDER BY symbol, due, id", params)
        return [Maturity(sym, date.fromisoformat(due), amount, note) for sym, due, amount, note in rows]

    def save_maturity(self, maturity: Maturity) -> None:
        """Add a maturity, or replace the amount of the one with the same symbol, due date and note."""
        amount = _finite(maturity.amount_usd, "amount_usd", positive=True)
        with self._tx() as conn:
            conn.execute("INSERT INTO fundamentals_maturities (symbol, due, amount_usd, note) VALUES (?,?,?,?) "
                         "ON CONFLICT (symbol, due, note) DO UPDATE SET amount_usd = excluded.amount_usd",
                         (_symbol(maturity.symbol), maturity.due.isoformat(), amount, maturity.note or ""))

    def delete_maturity(self, symbol: str, due: date, note: str = "") -> bool:
        with self._tx() as conn:
            cur = conn.execute("DELETE FROM fundamentals_maturities WHERE symbol = ? AND due = ? AND note = ?",
                               (_symbol(symbol), due.isoformat(), note))
            return cur.rowcount > 0


__all__ = ["CachedFacts", "FundamentalsRepository"]
