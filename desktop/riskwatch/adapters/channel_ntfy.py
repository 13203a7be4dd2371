"""ntfy (https://ntfy.sh or a self-hosted server): the message body POSTed to the topic URL.

Title, priority and tags go in headers (``Title``, ``Priority`` 3/4/5 for info/warning/critical, ``Tags``);
a title that is not ASCII is sent RFC 2047-encoded, which ntfy decodes. With a token,
``Authorization: Bearer <token>``.
"""

from __future__ import annotations

from email.header import Header

from riskwatch.adapters.channel_http import SEND_TIMEOUT_S, HttpPoster
from riskwatch.domain.channels import Channel, Message
from riskwatch.domain.rules import Severity

PRIORITY = {Severity.INFO: "3", Severity.WARNING: "4", Severity.CRITICAL: "5"}
TAGS = {Severity.INFO: "information_source", Severity.WARNING: "warning", Severity.CRITICAL: "rotating_light"}


def header_text(text: str) -> str:
    """A header value: as it is when ASCII, else RFC 2047 (``=?utf-8?b?…?=``)."""
    flat = " ".join(text.split())
    try:
        flat.encode("ascii")
        return flat
    except UnicodeEncodeError:
        return Header(flat, "utf-8").encode(maxlinelen=10_000)


class NtfySender:
    kind = "ntfy"

    def __init__(self, timeout: float = SEND_TIMEOUT_S, poster: HttpPoster | None = None):
        self._poster = poster if poster is not None else HttpPoster(timeout)

    async def send(self, channel: Channel, message: Message, secret: str | None) -> None:
        headers = {"Title": header_text(message.title), "Priority": PRIORITY[message.severity],
                   "Tags": TAGS[message.severity], "Content-Type": "text/plain; charset=utf-8"}
        if secret:
            headers["Authorization"] = f"Bearer {secret}"
        await self._poster.post(channel.url, data=message.body.encode("utf-8"), headers=headers)

    async def aclose(self) -> None:
        await self._poster.aclose()


__all__ = ["NtfySender", "header_text"]
