"""What the settings dialog does with the remote channels: list, add (the secret to the keyring only), remove,
send a test. The same checks and failure reasons as ``riskwatch channels`` (commands/channels.py), which this
reuses; built in app.py and handed to the GUI, which may not import adapters or commands itself.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

from riskwatch.domain.channels import Channel, ChannelStatus, ItemStatus, OutboxItem

log = logging.getLogger("riskwatch.channels")


class SecretRejected(ValueError):
    """The token or password was not acceptable (``missing``: an SMTP user without a password)."""

    def __init__(self, missing: bool):
        self.missing = missing
        super().__init__("missing" if missing else "malformed")


@dataclass(frozen=True)
class ChannelRow:
    channel: Channel
    status: ChannelStatus | None


@dataclass(frozen=True)
class TestResult:
    item: OutboxItem
    delivered: bool
    reason: str  # one sentence naming the host (never a secret) when not delivered


class ChannelAdmin:
    """``delivery``: a callable returning the running DeliveryService (None until the loop thread built it)."""

    def __init__(self, store, secrets, clock, delivery):
        from riskwatch.adapters.sqlite_outbox import ChannelRepository, Outbox

        self._repo = ChannelRepository(store)
        self._outbox = Outbox(store)
        self._secrets = secrets
        self._clock = clock
        self._delivery = delivery

    @property
    def delivery(self):
        return self._delivery()

    def rows(self) -> list[ChannelRow]:
        summary = self._outbox.summary()
        return [ChannelRow(c, summary.get(c.name)) for c in self._repo.list()]

    def add(self, kind: str, url: str, to_addr: str, min_severity: str, secret: str, name: str = "",
            lang: str = "en") -> Channel:
        """Validate like ``channels add`` (InputError naming the field, SecretRejected), store the secret in the
        keyring, then the channel; nothing is kept when a step fails."""
        from riskwatch.commands.channels import read_secret

        channel = Channel(name or kind, kind, url, to_addr=to_addr, min_severity=min_severity)
        try:
            value = read_secret(io.StringIO(secret), channel, lang)
        except ValueError:
            raise SecretRejected(missing=not secret.strip()) from None
        if self._repo.get(channel.name) is not None:
            from riskwatch.domain.errors import InputError

            raise InputError.single(f"a channel named '{channel.name}' exists already", field="name")
        if value is not None:
            self._secrets.set(channel.name, value)
        try:
            self._repo.add(channel)
        except BaseException:
            if value is not None:  # no secret without its channel
                self._secrets.delete(channel.name)
            raise
        log.info("settings: added %s channel %s (secret %s)", channel.kind, channel.name, "set" if value else "none")
        return channel

    def remove(self, name: str) -> bool:
        gone = self._repo.remove(name)
        self._secrets.delete(name)
        log.info("settings: removed channel %s", name)
        return gone

    async def send_test(self, name: str, lang: str = "en") -> TestResult:
        """Send a test message now (on the loop thread). Like ``channels test``, a failed test is not retried."""
        from riskwatch.commands.channels import reason_text

        delivery = self._delivery()
        if delivery is None:
            raise RuntimeError("the delivery has not started yet")
        item = await delivery.send_test(name)
        if item.status is ItemStatus.SENT:
            return TestResult(item, True, "")
        self._outbox.mark_failed(item.id, item.last_error or "error", None, self._clock.now())
        channel = self._repo.get(name)
        reason = reason_text(item.last_error, channel, lang) if channel is not None else (item.last_error or "")
        return TestResult(item, False, reason)


__all__ = ["ChannelAdmin", "ChannelRow", "SecretRejected", "TestResult"]
