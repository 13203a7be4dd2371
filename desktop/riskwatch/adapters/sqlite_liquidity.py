"""The history of the liquidity signals in the SQLite store (table ``liquidity_signals``, migration 3).

One row per (scope, metric, cycle time): the value (``NULL`` when the signal was unavailable) and its
:class:`~riskwatch.domain.snapshot.DataStatus`. The liquidity collector appends each cycle's values (one
transaction per cycle) and reads the stored ``depth_2pct`` of the last 7 days back for ``depth_2pct_ratio``;
the liquidity view charts the history of one signal. The history survives restarts; :meth:`prune` drops rows
older than the retention the collector asks for.
"""

from __future__ import annotations

import math
import sqlite3
import statistics
from collections.abc import Mapping
from datetime import datetime

from riskwatch.domain.freshness import DataStatus
from riskwatch.adapters.sqlite_errors import StoreRepository, translate
from riskwatch.adapters.sqlite_rows import BadField, stored_float
from riskwatch.adapters.sqlite_store import epoch_ms, ts_range, utc_from_ms
from riskwatch.domain.errors import DamagedRow
from riskwatch.domain.snapshot import MetricValue


def _finite(value: float | None) -> float | None:
    if value is None:
        return None
    try:
        v = float(value)
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


class LiquidityHistory(StoreRepository):
    """Liquidity signal history on a :class:`SqliteStore`. Thread-safe through the store's lock."""

    def append(self, values: Mapping[tuple[str, str], MetricValue], ts: datetime) -> int:
        """Store one cycle's values at ``ts`` in ONE transaction; returns the number of rows written.

        A value that is not usable (status other than ok, or not a finite number) is stored as ``NULL`` with its
        status, so the history shows the gap. Writing the same (scope, metric, ts) again replaces the row.
        """
        t = epoch_ms(ts)
        rows = []
        for (scope, metric), mv in values.items():
            value = _finite(mv.value) if mv.status == DataStatus.OK else None
            status = DataStatus.MISSING if mv.status == DataStatus.OK and value is None else mv.status
            rows.append((str(scope), str(metric), t, value, str(status)))
        if not rows:
            return 0
        try:
            with self._store.transaction() as conn:
                conn.executemany(
                    "INSERT INTO liquidity_signals (scope, metric, ts, value, status) VALUES (?,?,?,?,?) "
                    "ON CONFLICT (scope, metric, ts) DO UPDATE SET value=excluded.value, status=excluded.status",
                    rows)
        except sqlite3.Error as exc:
            raise translate(exc, self._store.path) from None
        return len(rows)

    def load(self, scope: str, metric: str, since: datetime | None = None,
             until: datetime | None = None) -> list[tuple[datetime, float | None]]:
        """``[(ts, value), ...]`` oldest first; ``value`` is None where the signal was unavailable."""
        sql = "SELECT ts, value FROM liquidity_signals WHERE scope = ? AND metric = ?"
        params: list = [scope, metric]
        between, bounds = ts_range(since, until)
        sql += between
        params += bounds
        sql += " ORDER BY ts"
        return self._points(self._read(sql, params))

    def _points(self, rows) -> list[tuple[datetime, float | None]]:
        """Rows (ts, value) as points; a value that is not a finite number is reported and read as missing."""
        out, bad = [], []
        for ts, v in rows:
            try:
                out.append((utc_from_ms(ts), stored_float(v, "value")))
            except BadField as exc:
                bad.append(DamagedRow("liquidity_signals", ts, exc.field, exc.message))
                out.append((utc_from_ms(ts), None))
            except (TypeError, ValueError, OverflowError) as exc:
                bad.append(DamagedRow("liquidity_signals", ts, "ts", str(exc)))
        if bad:
            self._store.report_damaged("liquidity_signals", bad)
        return out

    def median(self, scope: str, metric: str, since: datetime, until: datetime | None = None) -> float | None:
        """Median of the available values in [since, until]; None when there is none."""
        vals = [v for _, v in self.load(scope, metric, since, until) if v is not None]
        return float(statistics.median(vals)) if vals else None

    def latest(self, scope: str, metric: str) -> tuple[datetime, float | None] | None:
        rows = self._read("SELECT ts, value FROM liquidity_signals WHERE scope = ? AND metric = ? "
                          "ORDER BY ts DESC LIMIT 1", (scope, metric))
        points = self._points(rows)
        return points[0] if points else None

    def series(self) -> list[tuple[str, str]]:
        """Every stored (scope, metric) pair."""
        return [(s, m) for s, m in self._read(
            "SELECT DISTINCT scope, metric FROM liquidity_signals ORDER BY scope, metric")]

    def prune(self, before: datetime) -> int:
        """Delete rows older than ``before`` (one transaction); returns how many went."""
        try:
            with self._store.transaction() as conn:
                return conn.execute("DELETE FROM liquidity_signals WHERE ts < ?", (epoch_ms(before),)).rowcount
        except sqlite3.Error as exc:
            raise translate(exc, self._store.path) from None

    def count(self) -> int:
        return int(self._read("SELECT COUNT(*) FROM liquidity_signals")[0][0])


__all__ = ["LiquidityHistory"]
