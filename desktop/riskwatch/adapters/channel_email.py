"""E-mail through SMTP (stdlib ``smtplib`` in a worker thread, at most 10 s per send).

``smtp://user@host:587`` speaks STARTTLS (required: a server that does not offer it is an error, so a
password never crosses the network in the clear); ``smtps://user@host:465`` is TLS from the first byte.
The user name comes from the URL (percent-encoded, ``me%40example.org``), the password from the keyring.
Error texts carry the SMTP reply code and the host, never the server's reply text (some servers echo the
credentials) nor the password.
"""

from __future__ import annotations

import asyncio
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from urllib.parse import unquote, urlsplit

from riskwatch.adapters.channel_http import SEND_TIMEOUT_S
from riskwatch.domain.channels import Channel, DeliveryFailed, Message

DEFAULT_PORTS = {"smtp": 587, "smtps": 465}


def build_mail(channel: Channel, message: Message, sender: str) -> EmailMessage:
    mail = EmailMessage()
    mail["Subject"] = message.title
    mail["From"] = sender
    mail["To"] = channel.to_addr
    mail["Date"] = formatdate(localtime=False, usegmt=True)
    mail["Message-ID"] = make_msgid(domain="riskwatch.local")
    mail.set_content(message.body, charset="utf-8")
    return mail


def _login(client: smtplib.SMTP, user: str, secret: str) -> None:
    """One AUTH attempt with PLAIN or LOGIN (``smtplib.login`` would try every mechanism in turn: more failed
    logins counted against the account, and some servers stall after the first)."""
    client.ehlo_or_helo_if_needed()
    offered = client.esmtp_features.get("auth", "").upper().split()
    mechanism = next((m for m in ("PLAIN", "LOGIN") if m in offered), None)
    if mechanism is None:
        client.login(user, secret)  # CRAM-MD5 or nothing: smtplib says which
        return
    client.user, client.password = user, secret
    try:
        client.auth(mechanism, getattr(client, f"auth_{mechanism.lower()}"))
    finally:
        client.password = ""


class EmailSender:
    kind = "email"

    def __init__(self, timeout: float = SEND_TIMEOUT_S, ssl_context: ssl.SSLContext | None = None):
        self.timeout = timeout
        self._ssl = ssl_context

    def _context(self) -> ssl.SSLContext:
        return self._ssl if self._ssl is not None else ssl.create_default_context()

    def _send_blocking(self, channel: Channel, message: Message, secret: str | None) -> None:
        parts = urlsplit(channel.url)
        scheme, host = parts.scheme.lower(), parts.hostname or ""
        port = parts.port or DEFAULT_PORTS[scheme]
        user = unquote(parts.username) if parts.username else ""
        sender = user if "@" in user else channel.to_addr
        where = f"{host}:{port}"
        try:
            if scheme == "smtps":
                client = smtplib.SMTP_SSL(host, port, timeout=self.timeout, context=self._context())
            else:
                client = smtplib.SMTP(host, port, timeout=self.timeout)
            with client:
                if scheme == "smtp":
                    client.ehlo()
                    if not client.has_extn("starttls"):
                        raise DeliveryFailed("tls", f"{where} offers no STARTTLS; refusing to send in the clear")
                    client.starttls(context=self._context())
                    client.ehlo()
                if user and secret:
                    _login(client, user, secret)
                elif user and not secret:
                    raise DeliveryFailed("no_secret", f"no password for {user} at {where} in the keyring")
                client.send_message(build_mail(channel, message, sender))
        except DeliveryFailed:
            raise
        except smtplib.SMTPAuthenticationError as exc:
            raise DeliveryFailed("auth", f"{where} refused the user name or password (SMTP {exc.smtp_code})") from None
        except smtplib.SMTPRecipientsRefused:
            raise DeliveryFailed("recipient", f"{where} refused the recipient") from None
        except smtplib.SMTPNotSupportedError:
            raise DeliveryFailed("smtp", f"{where} does not support what sending needs (AUTH)") from None
        except smtplib.SMTPResponseException as exc:
            raise DeliveryFailed("smtp", f"{where} answered SMTP {exc.smtp_code}") from None
        except ssl.SSLError:
            raise DeliveryFailed("tls", f"the TLS handshake with {where} failed") from None
        except TimeoutError:
            raise DeliveryFailed("timeout", f"{where} did not answer within {self.timeout:g} s") from None
        except ConnectionRefusedError:
            raise DeliveryFailed("refused", f"could not connect to {where}") from None
        except (smtplib.SMTPException, OSError) as exc:
            raise DeliveryFailed("network", f"{where}: {type(exc).__name__}") from None

    async def send(self, channel: Channel, message: Message, secret: str | None) -> None:
        try:
            await asyncio.wait_for(asyncio.to_thread(self._send_blocking, channel, message, secret),
                                   self.timeout + 1.0)
        except TimeoutError:
            raise DeliveryFailed("timeout", f"the SMTP server did not answer within {self.timeout:g} s") from None

    async def aclose(self) -> None:
        return None


__all__ = ["EmailSender", "build_mail"]
