"""Alert rules, alert state and the alert history in the SQLite store (tables of migrations 1 and 2).

Rules live in ``alert_rules``; a rule's key is its ``builtin_key`` (shipped and imported rules) or
``user.<id>`` for a rule made in the editor. The engine state is one row per alert in ``alert_state`` (the
:class:`AlertRecord` as JSON). Events are appended to ``alert_events``.

The "committed before shown" guarantee: :meth:`AlertRepository.update` (and :meth:`append_events`) write the
new events *and* the new state in one transaction; callers tell listeners only after it returned. The same
transaction queues the events' deliveries to the remote channels (``sqlite_outbox.queue_events``).
``update`` also reads rules and state inside that (``BEGIN IMMEDIATE``) transaction, so an acknowledge from
the GUI thread and an evaluation on the loop thread, or a ``riskwatch check`` in another process, cannot
overwrite each other's state.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import datetime, timezone

from riskwatch.adapters.sqlite_errors import StoreRepository
from riskwatch.adapters.sqlite_outbox import queue_events
from riskwatch.adapters.sqlite_rows import BadField
from riskwatch.adapters.sqlite_store import epoch_ms, ts_range
from riskwatch.domain.alerts import (
    AlertEvent,
    AlertRecord,
    AlertState,
    EventKind,
    Rule,
    Scope,
    Severity,
    active_alerts,
    check_rules,
)
from riskwatch.domain.errors import DamagedRow, InputError, StoreError

log = logging.getLogger(__name__)
#: The default rules every data directory marked with the first versions' seeded flag ("1") was offered.
FIRST_DEFAULT_KEYS = frozenset({"btc_drop_30d_warning", "btc_drop_30d_critical", "miner_drop_30d_warning",
                                "portfolio_drawdown_warning", "qqq_drop_30d_info", "stale_price_info"})
SEEDED_KEY = "alert_rules_seeded"
_RULE_COLS = ('id, name, metric, scope, "window", comparator, threshold, severity, hysteresis, cooldown_s, '
              'enabled, builtin_key, escalation_group, message_code')
_EVENT_COLS = "id, kind, severity, scope_key, metric, value, threshold, ts, payload, alert_key, rule_key"

UpdateFn = Callable[[list[Rule], AlertState], tuple[Sequence[AlertEvent], AlertState]]


def _many(value) -> list[str] | None:
    """A filter value: None, one value or several (enums become their values)."""
    if value is None:
        return None
    items = [value] if isinstance(value, str) or not isinstance(value, Iterable) else list(value)
    return [str(v) for v in items]  # the enums are StrEnums


def _user_id(key: str) -> int:
    try:
        return int(key[5:])
    except ValueError:
        raise InputError.single(f"'{key}' is not a key the store assigned (user.<number>)", field="key") from None


class AlertRepository(StoreRepository):
    """Rules, state and history of the alert engine on a :class:`SqliteStore`."""

    # -- rules ------------------------------------------------------------------------------------
    @staticmethod
    def _row_to_rule(row: tuple) -> Rule:
        (rid, name, metric, scope, window, comparator, threshold, severity, hysteresis, cooldown_s, enabled,
         builtin_key, group, code) = row
        try:
            return Rule(key=builtin_key or f"user.{rid}", name=name, metric=metric, scope=Scope.parse(scope),
                        comparator=comparator, threshold=threshold, severity=severity, window=window,
                        hysteresis=hysteresis, cooldown=cooldown_s, enabled=bool(enabled),
                        escalation_group=group, message_code=code, id=rid)
        except (InputError, ValueError, TypeError) as exc:
            field = exc.problems[0].field if isinstance(exc, InputError) and exc.problems else None
            raise BadField(field or "rule", str(exc)) from None

    def _rules(self, conn: sqlite3.Connection | None = None) -> list[Rule]:
        """Every rule that parses; a damaged row is skipped and reported (store.skipped_rows())."""
        out, bad = [], []
        for row in self._read(f"SELECT {_RULE_COLS} FROM alert_rules ORDER BY id", (), conn):
            try:
                out.append(self._row_to_rule(row))
            except BadField as exc:
                bad.append(DamagedRow("alert_rules", row[0], exc.field, exc.message))
        self._store.report_damaged("alert_rules", bad)
        return out

    @staticmethod
    def _rule_params(r: Rule) -> tuple:
        return (r.name, r.metric, r.scope.encode(), r.window, r.comparator.value, r.threshold, r.severity.value,
                r.hysteresis, int(round(r.cooldown.total_seconds())), int(r.enabled), r.escalation_group,
                r.message_code)

    _SET = ('name=?, metric=?, scope=?, "window"=?, comparator=?, threshold=?, severity=?, hysteresis=?, '
            'cooldown_s=?, enabled=?, escalation_group=?, message_code=?')
    _INSERT = ('INSERT INTO alert_rules (name, metric, scope, "window", comparator, threshold, severity, '
               'hysteresis, cooldown_s, enabled, escalation_group, message_code, builtin_key) '
               'VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)')
    _UPSERT_SET = ", ".join(
        f"{c}=excluded.{c}" for c in ("name", "metric", "scope", '"window"', "comparator", "threshold", "severity",
                                      "hysteresis", "cooldown_s", "enabled", "escalation_group", "message_code"))

    def list_rules(self) -> list[Rule]:
        return self._rules()

    def get_rule(self, key: str) -> Rule | None:
        return next((r for r in self._rules() if r.key == key), None)

    def save_rule(self, rule: Rule) -> Rule:
        """Insert or update one rule and return it as stored (a new editor rule gets key ``user.<id>``).

        The whole rule set is validated first (InputError, nothing written)."""
        with self._tx() as conn:
            current = self._rules(conn)
            check_rules([r for r in current if r.key != rule.key or not rule.key] + [rule])
            if rule.key.startswith("user."):
                rid = _user_id(rule.key)
                cur = conn.execute(f"UPDATE alert_rules SET {self._SET} WHERE id=? AND builtin_key IS NULL",
                                   (*self._rule_params(rule), rid))
                if cur.rowcount != 1:
                    raise StoreError(f"alert rule {rule.key} no longer exists")
                return replace(rule, id=rid)
            if not rule.key:
                rid = conn.execute(self._INSERT, (*self._rule_params(rule), None)).lastrowid
                return replace(rule, key=f"user.{rid}", id=rid)
            conn.execute(self._INSERT + f" ON CONFLICT (builtin_key) DO UPDATE SET {self._UPSERT_SET}",
                         (*self._rule_params(rule), rule.key))
            rid = conn.execute("SELECT id FROM alert_rules WHERE builtin_key=?", (rule.key,)).fetchone()[0]
            return replace(rule, id=rid)

    def delete_rule(self, key: str) -> bool:
        """Delete a rule; its active alerts resolve (reason ``rule_removed``) at the next evaluation."""
        with self._tx() as conn:
            if key.startswith("user."):
                cur = conn.execute("DELETE FROM alert_rules WHERE id=? AND builtin_key IS NULL", (_user_id(key),))
            else:
                cur = conn.execute("DELETE FROM alert_rules WHERE builtin_key=?", (key,))
            return cur.rowcount == 1

    def seed_default_rules(self, rules: Sequence[Rule]) -> bool:
        """Insert the shipped rules that were never offered to this data directory; idempotent.

        The settings row ``alert_rules_seeded`` lists the keys of every default rule offered so far, so a rule
        shipped by a newer version reaches an existing data directory once, while a default rule the user
        deleted is not brought back. (Data directories of the first versions stored ``1`` there: the rules of
        the first release and every default rule they still have count as offered.) Returns True when it
        inserted a rule."""
        with self._tx() as conn:
            row = conn.execute("SELECT value FROM settings WHERE key=?", (SEEDED_KEY,)).fetchone()
            offered = self._offered_keys(conn, row[0] if row else None)
            added = []
            for r in rules:
                self._require_builtin(r)
                if r.key in offered:
                    continue
                cur = conn.execute(self._INSERT + " ON CONFLICT (builtin_key) DO NOTHING",
                                   (*self._rule_params(r), r.key))
                if cur.rowcount:
                    added.append(r.key)
            if added:
                check_rules(self._rules(conn))
                if row is not None:
                    log.info("new default alert rules added: %s", ", ".join(added))
            self._mark_seeded(conn, offered | {r.key for r in rules})
            return bool(added)

    def _offered_keys(self, conn: sqlite3.Connection, value: str | None) -> set[str]:
        if value is None:
            return set()
        try:
            keys = json.loads(value)
        except ValueError:
            keys = None
        if isinstance(keys, list):
            return {str(k) for k in keys}
        # the first versions' flag "1": they shipped at least FIRST_DEFAULT_KEYS; any other default rule the
        # directory still has was offered too
        present = {k for (k,) in conn.execute("SELECT builtin_key FROM alert_rules WHERE builtin_key IS NOT NULL")}
        return present | FIRST_DEFAULT_KEYS

    def restore_default_rules(self, rules: Sequence[Rule]) -> list[Rule]:
        """Put every shipped rule back to its shipped settings (re-creating deleted ones, keeping row ids);
        the user's own rules stay. One transaction; returns all rules."""
        with self._tx() as conn:
            for r in rules:
                self._require_builtin(r)
                conn.execute(self._INSERT + f" ON CONFLICT (builtin_key) DO UPDATE SET {self._UPSERT_SET}",
                             (*self._rule_params(r), r.key))
            stored = self._rules(conn)
            check_rules(stored)
            row = conn.execute("SELECT value FROM settings WHERE key=?", (SEEDED_KEY,)).fetchone()
            self._mark_seeded(conn, self._offered_keys(conn, row[0] if row else None) | {r.key for r in rules})
            # in the shipped order (a re-created rule has a new row id), the user's own after them
            order = {r.key: i for i, r in enumerate(rules)}
            return sorted(stored, key=lambda r: (order.get(r.key, len(order)), r.id or 0))

    @staticmethod
    def _require_builtin(rule: Rule) -> None:
        if not rule.key or rule.key.startswith("user."):
            raise ValueError(f"default rule '{rule.name}' needs a builtin key, got '{rule.key}'")

    @staticmethod
    def _mark_seeded(conn: sqlite3.Connection, keys: set[str]) -> None:
        conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (SEEDED_KEY, json.dumps(sorted(keys))))

    # -- state ------------------------------------------------------------------------------------
    def _state(self, conn: sqlite3.Connection | None = None) -> AlertState:
        records, bad = {}, []
        for key, text in self._read("SELECT alert_key, record FROM alert_state", (), conn):
            try:  # a damaged record is dropped: the alert is evaluated afresh (and fires again if it still holds)
                records[key] = AlertRecord.from_dict(json.loads(text))
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                bad.append(DamagedRow("alert_state", key, "record", str(exc) or type(exc).__name__))
        self._store.report_damaged("alert_state", bad)
        return AlertState(records)

    def load_state(self) -> AlertState:
        return self._state()

    @staticmethod
    def _write_state(conn: sqlite3.Connection, state: AlertState) -> None:
        old = dict(conn.execute("SELECT alert_key, record FROM alert_state").fetchall())
        new = {k: json.dumps(r.to_dict(), sort_keys=True) for k, r in state.records.items()}
        gone = [(k,) for k in old if k not in new]
        if gone:
            conn.executemany("DELETE FROM alert_state WHERE alert_key=?", gone)
        rows = [(k, int(r.active), r.severity.value, r.member, epoch_ms(r.changed_at), new[k])
                for k, r in state.records.items() if old.get(k) != new[k]]
        if rows:
            conn.executemany(
                "INSERT INTO alert_state (alert_key, active, severity, scope_key, changed_ts, record) "
                "VALUES (?,?,?,?,?,?) ON CONFLICT (alert_key) DO UPDATE SET active=excluded.active, "
                "severity=excluded.severity, scope_key=excluded.scope_key, changed_ts=excluded.changed_ts, "
                "record=excluded.record", rows)

    # -- events -----------------------------------------------------------------------------------
    def _insert_events(self, conn: sqlite3.Connection, events: Sequence[AlertEvent]) -> list[AlertEvent]:
        if not events:
            return []
        ids = {(bk or f"user.{rid}"): rid for rid, bk in conn.execute("SELECT id, builtin_key FROM alert_rules")}
        out = []
        for e in events:
            payload = {"v": 1, "ts": e.ts.isoformat(), "code": e.code, "rule_name": e.rule_name,
                       "previous_severity": e.previous_severity.value if e.previous_severity else None,
                       "params": dict(e.params),
                       "data_as_of": e.data_as_of.isoformat() if e.data_as_of is not None else None}
            cur = conn.execute(
                "INSERT INTO alert_events (rule_id, kind, severity, scope_key, metric, value, threshold, ts, "
                "payload, alert_key, rule_key) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (ids.get(e.rule_key), e.kind.value, e.severity.value, e.member, e.metric, e.value, e.threshold,
                 epoch_ms(e.ts), json.dumps(payload, sort_keys=True, default=str), e.alert_key, e.rule_key))
            out.append(replace(e, id=cur.lastrowid))
        return out

    def append_events(self, events: Sequence[AlertEvent], state: AlertState) -> list[AlertEvent]:
        """Write ``events`` and the new ``state`` in ONE transaction; returns the events with their ids."""
        with self._tx() as conn:
            stored = self._insert_events(conn, events)
            queue_events(conn, stored)  # the remote deliveries commit with their events (sqlite_outbox.py)
            self._write_state(conn, state)
        return stored

    def update(self, fn: UpdateFn) -> tuple[list[AlertEvent], AlertState]:
        """Read rules and state, call ``fn(rules, state) -> (events, new_state)`` and write events and state,
        all in one transaction (nothing is written when ``fn`` raises). Returns the stored events."""
        with self._tx() as conn:
            rules, state = self._rules(conn), self._state(conn)
            events, new_state = fn(rules, state)
            stored = self._insert_events(conn, events)
            queue_events(conn, stored)
            self._write_state(conn, new_state)
        return stored, new_state

    @staticmethod
    def _row_to_event(row: tuple) -> AlertEvent:
        eid, kind, severity, member, metric, value, threshold, ts, payload, akey, rkey = row
        p = json.loads(payload or "{}")
        when = (datetime.fromisoformat(p["ts"]) if p.get("ts")
                else datetime.fromtimestamp(ts / 1000, tz=timezone.utc))
        prev = p.get("previous_severity")
        data_as_of = datetime.fromisoformat(p["data_as_of"]).astimezone(timezone.utc) if p.get("data_as_of") else None
        return AlertEvent(EventKind(kind), akey, rkey, p.get("rule_name", ""), Severity(severity), member, metric,
                          value, threshold, when.astimezone(timezone.utc), p.get("code", metric),
                          Severity(prev) if prev else None, p.get("params", {}), eid, data_as_of)

    def list_events(self, *, since: datetime | None = None, until: datetime | None = None,
                    severity: Severity | str | Iterable | None = None, kind: EventKind | str | Iterable | None = None,
                    scope: str | Iterable[str] | None = None, alert_key: str | None = None,
                    limit: int | None = None, newest_first: bool = False) -> list[AlertEvent]:
        """The alert history, oldest first (``newest_first`` for the history tab). ``since``/``until`` are
        inclusive; ``severity``, ``kind`` and ``scope`` (a member such as ``"BTC"`` or ``"portfolio"``) take one
        value or several."""
        sql = f"SELECT {_EVENT_COLS} FROM alert_events WHERE 1=1"
        params: list = []
        between, bounds = ts_range(since, until)
        sql += between
        params += bounds
        for column, value in (("severity", severity), ("kind", kind), ("scope_key", scope), ("alert_key", alert_key)):
            values = _many(value)
            if values is not None:
                sql += f" AND {column} IN ({','.join('?' * len(values))})"
                params += values
        sql += " ORDER BY ts DESC, id DESC" if newest_first else " ORDER BY ts, id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        out, bad = [], []
        for row in self._read(sql, params):
            try:
                out.append(self._row_to_event(row))
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                bad.append(DamagedRow("alert_events", row[0], None, str(exc) or type(exc).__name__))
        self._store.report_damaged("alert_events", bad)
        return out

    def active_alerts(self, now: datetime | None = None, *, include_acknowledged: bool = True,
                      include_snoozed: bool = True) -> list[AlertRecord]:
        return active_alerts(self._state(), now, include_acknowledged=include_acknowledged,
                             include_snoozed=include_snoozed)


__all__ = ["AlertRepository", "SEEDED_KEY"]
