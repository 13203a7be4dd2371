"""Remote alert channels (ntfy, JSON webhook, e-mail) and the outbox items that carry an alert to them.

A :class:`Channel` holds no secret: a token or SMTP password lives in the keyring (user ``channel:<name>``)
and is handed to the sender at send time. An :class:`OutboxItem` is one delivery to one channel, queued in
the store in the same transaction that committed its event, so a crash neither loses nor repeats it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from types import MappingProxyType

from riskwatch.domain.errors import InputError, RiskWatchError
from riskwatch.domain.rules import Severity

NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,31}$")
# scheme://[user[:password]@]host[:port][/path?query]; parsed by hand, the domain imports no urllib
_URL_RE = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*)://(?:(?P<user>[^:@/?#]*)(?P<pw>:[^@/?#]*)?@)?"
                     r"(?P<host>\[[0-9A-Fa-f:.]+\]|[^:/?#@\[\]\s]+)(?::(?P<port>[0-9]{1,5}))?(?P<path>/[^?#\s]*)?"
                     r"(?P<query>[?#]\S*)?$")
# A deliberately loose address check: the SMTP server is the judge; this only catches obvious typos.
_ADDR_RE = re.compile(r"^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$")


class ChannelKind(StrEnum):
    NTFY = "ntfy"
    WEBHOOK = "webhook"
    EMAIL = "email"


class ItemKind(StrEnum):
    """Why an outbox row exists: an alert event, a reminder of an unacknowledged critical alert, a test."""

    EVENT = "event"
    REMINDER = "reminder"
    TEST = "test"


class ItemStatus(StrEnum):
    QUEUED = "queued"
    SENT = "sent"
    FAILED = "failed"  # given up after the last retry


class DeliveryFailed(RiskWatchError):
    """A send did not succeed. ``code`` is stable (for texts and the status bar): ``timeout``, ``refused``,
    ``auth``, ``http_<status>``, ``tls``, ``smtp``, ``no_secret``, ``bad_channel``; ``text`` never contains a
    password or token (senders build it from status codes and host names only)."""

    def __init__(self, code: str, text: str = ""):
        self.code = code
        self.text = text
        super().__init__(f"{code}: {text}" if text else code)


def _severity(value: Severity | str) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        raise InputError.single(f"'{value}' is not a severity (info, warning or critical)",
                                field="min_severity") from None


@dataclass(frozen=True)
class Channel:
    """One remote channel. ``url``: the ntfy topic URL, the webhook URL, or ``smtp://user@host:587`` /
    ``smtps://user@host:465`` for e-mail (never with a password in it); ``to_addr``: e-mail only."""

    name: str
    kind: ChannelKind
    url: str
    to_addr: str = ""
    min_severity: Severity = Severity.WARNING
    enabled: bool = True

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not NAME_RE.match(self.name):
            raise InputError.single(f"'{self.name}' is not a channel name (a-z, 0-9, _ and -, at most 32, "
                                    "starting with a letter or digit)", field="name")
        try:
            object.__setattr__(self, "kind", ChannelKind(self.kind))
        except ValueError:
            raise InputError.single(f"'{self.kind}' is not a channel kind (ntfy, webhook or email)",
                                    field="kind") from None
        object.__setattr__(self, "min_severity", _severity(self.min_severity))
        object.__setattr__(self, "enabled", bool(self.enabled))
        object.__setattr__(self, "to_addr", (self.to_addr or "").strip())
        self._check_url()
        if self.kind is ChannelKind.EMAIL and not _ADDR_RE.match(self.to_addr):
            raise InputError.single(f"'{self.to_addr}' is not an e-mail address", field="to_addr")

    def _check_url(self) -> None:
        url = (self.url or "").strip() if isinstance(self.url, str) else ""
        parts = _URL_RE.match(url)
        schemes = ("smtp", "smtps") if self.kind is ChannelKind.EMAIL else ("http", "https")
        if parts is None or parts["scheme"].lower() not in schemes:
            raise InputError.single(f"expected a URL starting with {' or '.join(s + '://' for s in schemes)} "
                                    "and naming a host", field="url")
        if parts["pw"] is not None:  # never echo the URL: it holds the secret
            raise InputError.single("the URL must not contain a password; it goes into the keyring",
                                    field="url")
        if parts["port"] is not None and not 0 < int(parts["port"]) < 65536:
            raise InputError.single(f"port {parts['port']} is out of range", field="url")
        if self.kind is ChannelKind.EMAIL and (parts["path"] not in (None, "/") or parts["query"]):
            raise InputError.single("an SMTP URL is smtp://user@host:port (no path)", field="url")
        object.__setattr__(self, "url", url)

    @property
    def secret_user(self) -> str:
        """The keyring user name of this channel's token or password."""
        return secret_user(self.name)

    def accepts(self, severity: Severity | str) -> bool:
        """Whether an event of ``severity`` goes to this channel (enabled and at least ``min_severity``)."""
        return self.enabled and Severity(severity).rank >= self.min_severity.rank

    def display_url(self) -> str:
        """The URL for lists and logs (it holds no secret, but the user name of an SMTP URL is kept)."""
        return self.url


def secret_user(name: str) -> str:
    return f"channel:{name}"


@dataclass(frozen=True)
class Message:
    """What a sender sends: a title and a body in the user's language, plus the fields a webhook posts."""

    title: str
    body: str
    severity: Severity
    kind: ItemKind
    fields: Mapping[str, object] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", MappingProxyType(dict(self.fields)))


@dataclass(frozen=True)
class OutboxItem:
    """One row of the outbox. ``payload``: the event (or reminder/test) fields as stored (JSON-able)."""

    id: int
    event_id: int | None
    alert_key: str | None
    channel: str
    kind: ItemKind
    payload: Mapping[str, object]
    status: ItemStatus
    attempts: int
    next_try: datetime
    last_error: str | None = None
    failed_at: datetime | None = None
    sent_at: datetime | None = None
    created_at: datetime | None = None


@dataclass(frozen=True)
class ChannelStatus:
    """For the status bar and the delivery log: the latest outcome of one channel."""

    name: str
    last_ok: datetime | None = None
    last_failed: datetime | None = None
    pending: int = 0
    failed: int = 0
    last_error: str | None = None  # a DeliveryFailed code

    @property
    def healthy(self) -> bool:
        return self.last_failed is None or (self.last_ok is not None and self.last_ok >= self.last_failed)


__all__ = ["Channel", "ChannelKind", "ChannelStatus", "DeliveryFailed", "ItemKind", "ItemStatus", "Message",
           "NAME_RE", "OutboxItem", "secret_user"]
