"""What the ntfy and webhook senders share: one aiohttp session on the loop, a 10 s limit per send, and the
translation of aiohttp's failures into :class:`DeliveryFailed` codes that name no secret.
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Mapping
from urllib.parse import urlsplit

from riskwatch.domain.channels import DeliveryFailed

#: seconds one send may take, connection included
SEND_TIMEOUT_S = 10.0


def host_of(url: str) -> str:
    """The host (and port) of a URL, for an error text: never its path or query (an ntfy topic is a secret
    of sorts: whoever knows it can read the alerts)."""
    try:
        parts = urlsplit(url)
        return parts.netloc.rpartition("@")[2] or "?"
    except ValueError:
        return "?"


class HttpPoster:
    """POSTs with one lazily made :class:`aiohttp.ClientSession` (made on the loop that sends)."""

    def __init__(self, timeout: float = SEND_TIMEOUT_S, ssl_context: ssl.SSLContext | None = None):
        self.timeout = timeout
        self._ssl = ssl_context
        self._session = None

    async def _client(self):
        import aiohttp

        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self.timeout))
        return self._session

    async def post(self, url: str, *, data: bytes, headers: Mapping[str, str]) -> None:
        """POST ``data``; returns on a 2xx answer, raises DeliveryFailed otherwise."""
        import aiohttp

        host = host_of(url)
        try:
            session = await self._client()
            async with asyncio.timeout(self.timeout):
                async with session.post(url, data=data, headers=dict(headers), ssl=self._ssl
                                        if self._ssl is not None else True, allow_redirects=False) as resp:
                    await resp.read()
                    status = resp.status
        except TimeoutError:
            raise DeliveryFailed("timeout", f"{host} did not answer within {self.timeout:g} s") from None
        except aiohttp.ClientSSLError:
            raise DeliveryFailed("tls", f"the TLS handshake with {host} failed") from None
        except aiohttp.ClientConnectorError:
            raise DeliveryFailed("refused", f"could not connect to {host}") from None
        except (aiohttp.ClientError, OSError) as exc:
            raise DeliveryFailed("network", f"{host}: {type(exc).__name__}") from None
        if status in (401, 403):
            raise DeliveryFailed("auth", f"{host} refused the token (HTTP {status})")
        if not 200 <= status < 300:
            raise DeliveryFailed(f"http_{status}", f"{host} answered HTTP {status}")

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None


__all__ = ["HttpPoster", "SEND_TIMEOUT_S", "host_of"]
