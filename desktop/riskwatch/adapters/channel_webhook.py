"""A generic JSON webhook: one POST per message with the event's fields, the data's as-of time and the text.

Body (``application/json``)::

    {"source": "riskwatch", "kind": "event|reminder|test", "title": "…", "message": "…",
     "severity": "critical", "event": {"member": "BTC", "metric": "drop_from_high:30D", "value": -0.2,
     "threshold": -0.17, "ts": "…", "data_as_of": "…", …}, "data_as_of": "…"}

With a token, ``Authorization: Bearer <token>``.
"""

from __future__ import annotations

import json

from riskwatch.adapters.channel_http import SEND_TIMEOUT_S, HttpPoster
from riskwatch.domain.channels import Channel, Message


def webhook_body(message: Message) -> dict:
    fields = dict(message.fields)
    return {"source": "riskwatch", "kind": str(message.kind), "title": message.title, "message": message.body,
            "severity": str(message.severity), "event": fields, "data_as_of": fields.get("data_as_of")}


class WebhookSender:
    kind = "webhook"

    def __init__(self, timeout: float = SEND_TIMEOUT_S, poster: HttpPoster | None = None):
        self._poster = poster if poster is not None else HttpPoster(timeout)

    async def send(self, channel: Channel, message: Message, secret: str | None) -> None:
        headers = {"Content-Type": "application/json; charset=utf-8"}
        if secret:
            headers["Authorization"] = f"Bearer {secret}"
        data = json.dumps(webhook_body(message), ensure_ascii=False, default=str).encode("utf-8")
        await self._poster.post(channel.url, data=data, headers=headers)

    async def aclose(self) -> None:
        await self._poster.aclose()


__all__ = ["WebhookSender", "webhook_body"]
