"""Remote alert channels and the delivery outbox in the SQLite store (tables of migration 4).

"Nothing lost": :func:`queue_events` runs inside the transaction of ``AlertRepository.update`` /
``append_events`` that commits the events, and inserts one ``queued`` row per enabled channel whose minimum
severity the event meets; a process killed after that commit leaves the rows for the next start.
"Nothing twice": :meth:`Outbox.mark_sent` is called right after a send succeeded and only ever moves a
``queued`` row to ``sent``; :meth:`Outbox.due` never returns a sent row.

No secret is ever stored here: a channel's token or password is in the keyring (``channel:<name>``).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone

from riskwatch.adapters.sqlite_errors import StoreRepository
from riskwatch.adapters.sqlite_rows import epoch_ms, utc_from_ms
from riskwatch.domain.alerts import AlertEvent, AlertRecord, EventKind
from riskwatch.domain.channels import Channel, ChannelStatus, ItemKind, ItemStatus, OutboxItem
from riskwatch.domain.errors import InputError

#: The event kinds that reach remote channels: an alert starting or getting worse (a resolution, an
#: acknowledgement or a snooze is the user's own doing or good news, and stays in the history).
REMOTE_KINDS = frozenset({EventKind.FIRED, EventKind.ESCALATED})
_CHANNEL_COLS = "name, kind, url, to_addr, min_severity, enabled"
_ITEM_COLS = ("id, event_id, alert_key, channel, kind, payload, status, attempts, next_try_ts, last_error, "
              "failed_ts, sent_ts, created_ts")
_INSERT_ITEM = ("INSERT INTO alert_outbox (event_id, alert_key, channel, kind, payload, status, attempts, "
                "next_try_ts, created_ts) VALUES (?,?,?,?,?,'queued',0,?,?)")


def _iso(ts: datetime | None) -> str | None:
    return ts.astimezone(timezone.utc).isoformat() if ts is not None else None


def event_payload(e: AlertEvent) -> dict:
    """The fields of an event a message needs, as JSON-able values (the outbox row outlives the process)."""
    return {"v": 1, "kind": str(e.kind), "alert_key": e.alert_key, "rule_key": e.rule_key,
            "rule_name": e.rule_name, "severity": str(e.severity), "member": e.member, "metric": e.metric,
            "value": e.value, "threshold": e.threshold, "ts": _iso(e.ts), "code": e.code,
            "previous_severity": str(e.previous_severity) if e.previous_severity else None,
            "params": {k: v for k, v in dict(e.params).items() if isinstance(v, (str, int, float, bool))},
            "data_as_of": _iso(e.data_as_of), "id": e.id}


def record_payload(r: AlertRecord) -> dict:
    """A reminder's fields: the alert as it stands (its last value and that value's as-of time)."""
    return {"v": 1, "kind": "reminder", "alert_key": r.alert_key, "rule_key": r.rule_key,
            "rule_name": r.rule_name, "severity": str(r.severity), "member": r.member, "metric": r.metric,
            "value": r.last_value if r.last_value is not None else r.fired_value, "threshold": r.threshold,
            "ts": _iso(r.fired_at), "code": r.code, "data_as_of": _iso(r.data_as_of)}


def _enabled_channels(conn: sqlite3.Connection) -> list[Channel]:
    return [c for c in (_row_to_channel(r) for r in conn.execute(
        f"SELECT {_CHANNEL_COLS} FROM alert_channels WHERE enabled = 1 ORDER BY name")) if c is not None]


def queue_events(conn: sqlite3.Connection, events: Sequence[AlertEvent]) -> int:
    """Queue ``events`` (already inserted, with ids) for every enabled channel that takes their severity,
    on the caller's open transaction ``conn``. Returns the number of rows queued."""
    remote = [e for e in events if e.kind in REMOTE_KINDS]
    if not remote:
        return 0
    rows = [(e.id, e.alert_key, c.name, ItemKind.EVENT.value, json.dumps(event_payload(e), sort_keys=True),
             epoch_ms(e.ts), epoch_ms(e.ts))
            for c in _enabled_channels(conn) for e in remote if c.accepts(e.severity)]
    if rows:
        conn.executemany(_INSERT_ITEM, rows)
    return len(rows)


def _row_to_channel(row: tuple) -> Channel | None:
    name, kind, url, to_addr, min_severity, enabled = row
    try:
        return Channel(name, kind, url, to_addr or "", min_severity, bool(enabled))
    except InputError:  # a row edited by hand: left out rather than fatal
        return None


def _row_to_item(row: tuple) -> OutboxItem:
    (iid, event_id, alert_key, channel, kind, payload, status, attempts, next_try, last_error, failed, sent,
     created) = row
    try:
        data = json.loads(payload or "{}")
    except ValueError:
        data = {}
    return OutboxItem(iid, event_id, alert_key, channel, ItemKind(kind), data, ItemStatus(status), attempts,
                      utc_from_ms(next_try), last_error, utc_from_ms(failed) if failed is not None else None,
                      utc_from_ms(sent) if sent is not None else None, utc_from_ms(created))


class ChannelRepository(StoreRepository):
    """The configured remote channels (``alert_channels``); their secrets are elsewhere (the keyring)."""

    def list(self) -> list[Channel]:
        rows = self._read(f"SELECT {_CHANNEL_COLS} FROM alert_channels ORDER BY name")
        return [c for c in (_row_to_channel(r) for r in rows) if c is not None]

    def get(self, name: str) -> Channel | None:
        rows = self._read(f"SELECT {_CHANNEL_COLS} FROM alert_channels WHERE name = ?", (name,))
        return _row_to_channel(rows[0]) if rows else None

    @staticmethod
    def _params(c: Channel) -> tuple:
        return (c.name, c.kind.value, c.url, c.to_addr, c.min_severity.value, int(c.enabled))

    def add(self, channel: Channel) -> Channel:
        """Add a new channel; InputError (field ``name``) when one of that name exists."""
        with self._tx() as conn:
            if conn.execute("SELECT 1 FROM alert_channels WHERE name = ?", (channel.name,)).fetchone():
                raise InputError.single(f"a channel named '{channel.name}' exists already", field="name")
            conn.execute(f"INSERT INTO alert_channels ({_CHANNEL_COLS}) VALUES (?,?,?,?,?,?)", self._params(channel))
        return channel

    def save(self, channel: Channel) -> Channel:
        """Insert or replace a channel (the settings dialog edits one in place)."""
        with self._tx() as conn:
            conn.execute(f"INSERT INTO alert_channels ({_CHANNEL_COLS}) VALUES (?,?,?,?,?,?) ON CONFLICT (name) "
                         "DO UPDATE SET kind=excluded.kind, url=excluded.url, to_addr=excluded.to_addr, "
                         "min_severity=excluded.min_severity, enabled=excluded.enabled", self._params(channel))
        return channel

    def remove(self, name: str) -> bool:
        """Delete a channel; its queued deliveries end as failed (``channel_removed``), in one transaction.
        (The caller deletes its keyring secret.) False when there was no such channel."""
        with self._tx() as conn:
            gone = conn.execute("DELETE FROM alert_channels WHERE name = ?", (name,)).rowcount == 1
            conn.execute("UPDATE alert_outbox SET status='failed', last_error='channel_removed' "
                         "WHERE channel = ? AND status = 'queued'", (name,))
        return gone


class Outbox(StoreRepository):
    """The deliveries to remote channels (``alert_outbox``): what is due, what was sent, what failed."""

    def due(self, now: datetime, limit: int = 50) -> list[OutboxItem]:
        """Queued rows whose next try is at or before ``now``, oldest first (never a sent row)."""
        rows = self._read(f"SELECT {_ITEM_COLS} FROM alert_outbox WHERE status = 'queued' AND next_try_ts <= ? "
                          "ORDER BY next_try_ts, id LIMIT ?", (epoch_ms(now), int(limit)))
        return [_row_to_item(r) for r in rows]

    def get(self, item_id: int) -> OutboxItem | None:
        rows = self._read(f"SELECT {_ITEM_COLS} FROM alert_outbox WHERE id = ?", (int(item_id),))
        return _row_to_item(rows[0]) if rows else None

    def mark_sent(self, item_id: int, now: datetime) -> bool:
        """Record a successful send (only a queued row moves; True when it did)."""
        with self._tx() as conn:
            return conn.execute("UPDATE alert_outbox SET status='sent', sent_ts=?, attempts=attempts+1 "
                                "WHERE id=? AND status='queued'", (epoch_ms(now), int(item_id))).rowcount == 1

    def mark_failed(self, item_id: int, error_code: str, next_try: datetime | None, now: datetime) -> bool:
        """Record a failed attempt: retried at ``next_try``, or given up (status ``failed``) when it is None."""
        status = ItemStatus.QUEUED if next_try is not None else ItemStatus.FAILED
        with self._tx() as conn:
            return conn.execute(
                "UPDATE alert_outbox SET status=?, attempts=attempts+1, last_error=?, failed_ts=?, "
                "next_try_ts=COALESCE(?, next_try_ts) WHERE id=? AND status='queued'",
                (status.value, str(error_code)[:64], epoch_ms(now),
                 epoch_ms(next_try) if next_try is not None else None, int(item_id))).rowcount == 1

    def enqueue_test(self, channel: str, now: datetime, *, not_before: datetime | None = None) -> int:
        """Queue a test message for one channel (enabled or not); returns the row id. ``not_before``: when the
        outbox may hand it out (the sender of the test sends it itself; a watchman polling the same store must
        not send it a second time meanwhile)."""
        with self._tx() as conn:
            if not conn.execute("SELECT 1 FROM alert_channels WHERE name = ?", (channel,)).fetchone():
                raise InputError.single(f"there is no channel named '{channel}'", field="name")
            payload = json.dumps({"v": 1, "kind": "test", "ts": _iso(now)})
            due = epoch_ms(not_before or now)
            return conn.execute(_INSERT_ITEM, (None, None, channel, ItemKind.TEST.value, payload, due,
                                               epoch_ms(now))).lastrowid

    def enqueue_reminder(self, record: AlertRecord, now: datetime) -> list[int]:
        """Queue a reminder of ``record`` for every enabled channel that takes its severity; the row ids."""
        payload = json.dumps(record_payload(record), sort_keys=True)
        with self._tx() as conn:
            return [conn.execute(_INSERT_ITEM, (None, record.alert_key, c.name, ItemKind.REMINDER.value, payload,
                                                epoch_ms(now), epoch_ms(now))).lastrowid
                    for c in _enabled_channels(conn) if c.accepts(record.severity)]

    def last_notice(self, alert_keys: Iterable[str]) -> dict[str, datetime]:
        """When each alert was last queued (event or reminder), for the spacing of reminders."""
        keys = list(alert_keys)
        if not keys:
            return {}
        rows = self._read(f"SELECT alert_key, MAX(created_ts) FROM alert_outbox WHERE alert_key IN "
                          f"({','.join('?' * len(keys))}) GROUP BY alert_key", keys)
        return {k: utc_from_ms(ts) for k, ts in rows}

    def recent(self, limit: int = 100) -> list[OutboxItem]:
        """The delivery log, newest first."""
        rows = self._read(f"SELECT {_ITEM_COLS} FROM alert_outbox ORDER BY id DESC LIMIT ?", (int(limit),))
        return [_row_to_item(r) for r in rows]

    def summary(self) -> dict[str, ChannelStatus]:
        """Per channel: the last success and failure, queued and failed counts, the last error code."""
        out: dict[str, ChannelStatus] = {}
        rows = self._read(
            "SELECT channel, MAX(sent_ts), MAX(failed_ts), SUM(status='queued'), SUM(status='failed'), "
            "(SELECT o2.last_error FROM alert_outbox o2 WHERE o2.channel = o.channel AND o2.failed_ts IS NOT NULL "
            " ORDER BY o2.failed_ts DESC, o2.id DESC LIMIT 1) FROM alert_outbox o GROUP BY channel")
        for name, ok, failed, pending, gave_up, error in rows:
            out[name] = ChannelStatus(name, utc_from_ms(ok) if ok is not None else None,
                                      utc_from_ms(failed) if failed is not None else None, int(pending or 0),
                                      int(gave_up or 0), error)
        return out


__all__ = ["ChannelRepository", "Outbox", "REMOTE_KINDS", "event_payload", "queue_events", "record_payload"]
