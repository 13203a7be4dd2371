"""Delivery of alerts to remote channels (ntfy, webhook, e-mail) from the outbox in the store.

The monitoring cycle never sends: committing the events queues their outbox rows in the same transaction
(``adapters.sqlite_outbox.queue_events``), and :meth:`DeliveryService.deliver` (the service is an AlertSink)
only wakes the delivery task. :meth:`DeliveryService.run` drains the outbox on its own task of the loop
thread, one worker per channel, so a channel that hangs delays neither a cycle nor another channel.

A row is marked sent right after its send succeeded, and a sent row is never sent again. A failed send is
retried with exponential backoff (30 s doubling to 30 min) and given up after ``max_attempts``. An active,
unacknowledged, unsnoozed CRITICAL alert is re-queued every ``reminder_minutes`` (never info or warning).
Secrets are fetched at send time and go only to the sender: never into a log, the store or a message.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from types import SimpleNamespace
from typing import Any, Protocol

from riskwatch.domain.alerts import AlertEvent, AlertState, Severity, active_alerts
from riskwatch.domain.channels import (
    Channel,
    ChannelStatus,
    DeliveryFailed,
    ItemKind,
    Message,
    OutboxItem,
)
from riskwatch.domain.errors import RiskWatchError
from riskwatch.domain.ports import Clock

log = logging.getLogger(__name__)

FIRST_RETRY = timedelta(seconds=30)
MAX_RETRY = timedelta(minutes=30)
MAX_ATTEMPTS = 10
#: how often the outbox is looked at without a wake-up (another process may have queued rows)
POLL_INTERVAL_S = 0.5
#: a send that its sender does not end itself is abandoned after this (the senders limit themselves to 10 s)
SEND_LIMIT_S = 12.0
TEST_HOLD = timedelta(seconds=60)  # a test row waits this long before the outbox would hand it out
_GIVE_UP_AT_ONCE = frozenset({"no_channel", "disabled", "no_sender"})


class Sender(Protocol):
    kind: str

    async def send(self, channel: Channel, message: Message, secret: str | None) -> None:
        """Deliver ``message``; raise DeliveryFailed (a text without the secret) when it did not arrive."""


class OutboxStore(Protocol):
    """``adapters.sqlite_outbox.Outbox``."""

    def due(self, now: datetime, limit: int = 50) -> list[OutboxItem]: ...
    def mark_sent(self, item_id: int, now: datetime) -> bool: ...
    def mark_failed(self, item_id: int, error_code: str, next_try: datetime | None, now: datetime) -> bool: ...
    def enqueue_test(self, channel: str, now: datetime) -> int: ...
    def enqueue_reminder(self, record, now: datetime) -> list[int]: ...
    def last_notice(self, alert_keys) -> dict[str, datetime]: ...
    def get(self, item_id: int) -> OutboxItem | None: ...
    def recent(self, limit: int = 100) -> list[OutboxItem]: ...
    def summary(self) -> dict[str, ChannelStatus]: ...


class ChannelStore(Protocol):
    """``adapters.sqlite_outbox.ChannelRepository``."""

    def list(self) -> list[Channel]: ...
    def get(self, name: str) -> Channel | None: ...


class ChannelSecretStore(Protocol):
    """``adapters.channel_secrets.ChannelSecrets``: a channel's token or password, or None."""

    def get(self, name: str) -> str | None: ...


class AlertStateSource(Protocol):
    def load_state(self) -> AlertState: ...


def retry_delay(attempts: int) -> timedelta:
    """The wait after the ``attempts``-th failure: 30 s, 60 s, 2 min … at most 30 min."""
    return min(FIRST_RETRY * (2 ** max(attempts - 1, 0)), MAX_RETRY)


def _time(text: object) -> datetime | None:
    if not isinstance(text, str) or not text:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


class DeliveryService:
    """Drains the outbox to the senders; queues reminders; reports per-channel status."""

    def __init__(self, outbox: OutboxStore, channels: ChannelStore, senders: Mapping[str, Sender],
                 secrets: ChannelSecretStore | None, clock: Clock, texts: Any, *, reminder_minutes: int = 60,
                 alerts: AlertStateSource | None = None, max_attempts: int = MAX_ATTEMPTS,
                 poll_interval: float = POLL_INTERVAL_S, send_limit: float = SEND_LIMIT_S):
        """``texts``: a ``texts.alerts.AlertTexts`` or a callable returning the current one (the language may
        change); ``alerts``: where reminders read the alert state (``AlertRepository``); ``reminder_minutes``
        0 turns reminders off."""
        self._outbox = outbox
        self._channels = channels
        self._senders = dict(senders)
        self._secrets = secrets
        self._clock = clock
        self._texts: Callable[[], Any] = texts if callable(texts) and not hasattr(texts, "remote") else (
            lambda: texts)
        self.reminder_minutes = int(reminder_minutes)
        self._alerts = alerts
        self.max_attempts = max(1, int(max_attempts))
        self.poll_interval = poll_interval
        self.send_limit = send_limit
        self._in_flight: set[int] = set()
        self._workers: dict[str, asyncio.Task] = {}
        self._wake: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    # -- the sink side (called on the cycle's thread: returns at once) ----------------------------------
    def deliver(self, events: Sequence[AlertEvent], context: object = None) -> None:
        """AlertSink: the events' outbox rows are committed already; wake the delivery task."""
        self.wake()

    def wake(self) -> None:
        """Look at the outbox now (thread-safe; a no-op before :meth:`run` started)."""
        loop, wake = self._loop, self._wake
        if loop is None or wake is None or loop.is_closed():
            return
        try:
            loop.call_soon_threadsafe(wake.set)
        except RuntimeError:  # the loop closed between the check and the call
            pass

    # -- draining -------------------------------------------------------------------------------------
    async def run(self, stop_event: asyncio.Event) -> None:
        """Deliver until ``stop_event`` is set: one worker task per channel with due rows; on stop, running
        sends get a moment to finish (an interrupted one stays queued and goes out at the next start)."""
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        try:
            while not stop_event.is_set():
                self._wake.clear()
                try:
                    self._start_workers(self._collect())
                except RiskWatchError as exc:  # the store is locked or gone for a moment: try again later
                    log.warning("delivery: the outbox could not be read (%s)", type(exc).__name__)
                waits = [asyncio.ensure_future(self._wake.wait()), asyncio.ensure_future(stop_event.wait())]
                try:
                    await asyncio.wait(waits, timeout=self.poll_interval, return_when=asyncio.FIRST_COMPLETED)
                finally:
                    for w in waits:
                        w.cancel()
        except asyncio.CancelledError:  # the loop is shutting down: no grace for a hanging send
            await self._stop_workers(grace=0)
            raise
        finally:
            await self._stop_workers()
            self._wake = None

    async def drain_once(self) -> int:
        """Queue due reminders, then send every due row (channels side by side); returns how many were sent."""
        groups = self._collect()
        results = await asyncio.gather(*(self._drain_channel(name, items) for name, items in groups.items()))
        return sum(results)

    def _collect(self) -> dict[str, list[OutboxItem]]:
        self.queue_reminders()
        groups: dict[str, list[OutboxItem]] = {}
        for item in self._outbox.due(self._clock.now(), limit=500):
            if item.id not in self._in_flight:
                groups.setdefault(item.channel, []).append(item)
        return groups

    def _start_workers(self, groups: dict[str, list[OutboxItem]]) -> None:
        for name, items in groups.items():
            running = self._workers.get(name)
            if running is not None and not running.done():
                continue  # that channel is busy (perhaps hanging); its rows wait, the others go on
            task = asyncio.ensure_future(self._drain_channel(name, items))
            self._workers[name] = task
            task.add_done_callback(lambda _t: self.wake())

    async def _stop_workers(self, grace: float = 2.0) -> None:
        tasks = [t for t in self._workers.values() if not t.done()]
        if tasks:
            _done, pending = await asyncio.wait(tasks, timeout=grace) if grace > 0 else (set(), set(tasks))
            for t in pending:
                t.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
        self._workers.clear()

    async def _drain_channel(self, name: str, items: list[OutboxItem]) -> int:
        channel = self._channels.get(name)
        sent = 0
        for item in items:
            if item.id in self._in_flight:
                continue
            self._in_flight.add(item.id)
            try:
                sent += await self._deliver(item, channel)
            finally:
                self._in_flight.discard(item.id)
        return sent

    async def _deliver(self, item: OutboxItem, channel: Channel | None) -> int:
        try:
            if channel is None:
                raise DeliveryFailed("no_channel", "the channel was removed")
            if not channel.enabled and item.kind is not ItemKind.TEST:
                raise DeliveryFailed("disabled", "the channel is switched off")
            sender = self._senders.get(str(channel.kind))
            if sender is None:
                raise DeliveryFailed("no_sender", f"no sender for {channel.kind}")
            secret = self._secret(channel.name)
            message = self.message(item)
            try:
                await asyncio.wait_for(sender.send(channel, message, secret), self.send_limit)
            except TimeoutError:
                raise DeliveryFailed("timeout", f"no answer within {self.send_limit:g} s") from None
            del secret
        except DeliveryFailed as exc:
            self._failed(item, exc.code, exc.text)
            return 0
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # a sender's bug: its message may hold anything, so only the type is logged
            self._failed(item, "error", type(exc).__name__)
            return 0
        self._outbox.mark_sent(item.id, self._clock.now())
        log.info("delivery %d (%s) sent to channel %s", item.id, item.kind, item.channel)
        return 1

    def _secret(self, name: str) -> str | None:
        if self._secrets is None:
            return None
        try:
            return self._secrets.get(name)
        except RiskWatchError as exc:
            raise DeliveryFailed("keyring", type(exc).__name__) from None

    def _failed(self, item: OutboxItem, code: str, text: str) -> None:
        attempts = item.attempts + 1
        now = self._clock.now()
        give_up = code in _GIVE_UP_AT_ONCE or attempts >= self.max_attempts
        next_try = None if give_up else now + retry_delay(attempts)
        log.warning("delivery %d to channel %s failed (%s: %s); %s", item.id, item.channel, code, text,
                    "given up" if give_up else f"retry at {next_try:%H:%M:%S}")
        self._outbox.mark_failed(item.id, code, next_try, now)

    # -- messages -------------------------------------------------------------------------------------
    def message(self, item: OutboxItem) -> Message:
        """The title and body of a row in the user's current language."""
        texts = self._texts()
        p = dict(item.payload)
        if item.kind is ItemKind.TEST:
            title, body = texts.remote_test()
            return Message(title, body, Severity.INFO, item.kind, p)
        try:
            severity = Severity(p.get("severity", "warning"))
        except ValueError:
            severity = Severity.WARNING
        event = SimpleNamespace(member=str(p.get("member", "")), metric=str(p.get("metric", "")),
                                value=p.get("value"), threshold=p.get("threshold"), severity=severity,
                                ts=_time(p.get("ts")), data_as_of=_time(p.get("data_as_of")))
        title, body = texts.remote(event, reminder=item.kind is ItemKind.REMINDER)
        return Message(title, body, severity, item.kind, p)

    # -- reminders ------------------------------------------------------------------------------------
    def queue_reminders(self) -> int:
        """Queue a reminder for each active, unacknowledged, unsnoozed critical alert last queued (fired,
        escalated or reminded) at least ``reminder_minutes`` ago; returns the number of rows queued."""
        if self._alerts is None or self.reminder_minutes <= 0:
            return 0
        now = self._clock.now()
        records = [r for r in active_alerts(self._alerts.load_state(), now, include_acknowledged=False,
                                            include_snoozed=False) if r.severity is Severity.CRITICAL]
        if not records:
            return 0
        last = self._outbox.last_notice(r.alert_key for r in records)
        every = timedelta(minutes=self.reminder_minutes)
        queued = 0
        for r in records:
            ref = max(t for t in (r.changed_at, last.get(r.alert_key)) if t is not None)
            if now - ref >= every:
                queued += len(self._outbox.enqueue_reminder(r, now))
        return queued

    # -- tests and status -----------------------------------------------------------------------------
    async def send_test(self, name: str) -> OutboxItem:
        """Queue a test message for channel ``name``, send it now and return its row (status sent, or queued
        with ``last_error`` set for the retry, or failed). InputError when there is no such channel."""
        now = self._clock.now()
        # not due for the outbox until this send has had its time: a watchman on the same store leaves it alone
        item_id = self._outbox.enqueue_test(name, now, not_before=now + TEST_HOLD)
        item = self._outbox.get(item_id)
        if item is not None:
            await self._drain_channel(name, [item])
        return self._outbox.get(item_id) or item  # type: ignore[return-value]

    def status(self) -> dict[str, ChannelStatus]:
        """Per configured channel (name order): last success and failure, queued and given-up counts, the
        last error code. Read from the store, so it also covers deliveries of an earlier run."""
        summary = self._outbox.summary()
        return {c.name: summary.get(c.name, ChannelStatus(c.name)) for c in self._channels.list()}

    def log(self, limit: int = 100) -> list[OutboxItem]:
        """The delivery log, newest first."""
        return self._outbox.recent(limit)

    async def aclose(self) -> None:
        """Close the senders' connections."""
        await self._stop_workers()
        for sender in self._senders.values():
            close = getattr(sender, "aclose", None)
            if close is not None:
                try:
                    await close()
                except Exception as exc:  # closing must not fail the shutdown
                    log.debug("closing a sender failed: %s", type(exc).__name__)


__all__ = ["DeliveryService", "MAX_ATTEMPTS", "Sender", "retry_delay"]
