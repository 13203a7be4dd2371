"""An SMTP server on loopback (aiosmtpd) with a self-signed certificate: STARTTLS on one port or TLS from the
first byte, AUTH with one user and password, and the messages it accepted.

``client_context()`` is an SSL context that trusts exactly this server's certificate, so the sender's TLS is
checked for real (hostname included), not switched off.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import ssl
import tempfile
import warnings
from email import message_from_bytes, policy
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def self_signed(directory: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
                                                        x509.DNSName("localhost")]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = directory / "cert.pem", directory / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_file, key_file


class _Handler:
    def __init__(self, server: SmtpServer):
        self.server = server

    async def handle_DATA(self, smtp, session, envelope):
        self.server.messages.append((envelope.mail_from, list(envelope.rcpt_tos),
                                     message_from_bytes(envelope.original_content or envelope.content,
                                                        policy=policy.default)))
        return "250 OK"


class _QuietController(Controller):
    def factory(self):
        with warnings.catch_warnings():  # "AUTH without requiring TLS": the socket is TLS from the first byte
            warnings.simplefilter("ignore", UserWarning)
            return super().factory()


class SmtpServer:
    """``implicit_tls``: TLS from the first byte (smtps://), else STARTTLS required before AUTH (smtp://)."""

    def __init__(self, *, user: str = "alerts@example.org", password: str = "correct horse",
                 implicit_tls: bool = False, starttls: bool = True):
        self.user, self.password = user, password
        self.messages: list = []
        self.auth_attempts: list[tuple[str, str]] = []
        self._dir = tempfile.TemporaryDirectory()
        self.cert, key = self_signed(Path(self._dir.name))
        server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        server_ctx.load_cert_chain(self.cert, key)
        self.port = _free_port()
        options = dict(authenticator=self._authenticate, auth_required=True, auth_require_tls=True)
        if implicit_tls:  # aiosmtpd does not count TLS from the first byte as TLS for AUTH; it is, though
            options["auth_require_tls"] = False
            self._controller = _QuietController(_Handler(self), hostname="127.0.0.1", port=self.port,
                                                ssl_context=server_ctx, **options)
        else:
            self._controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port,
                                          tls_context=server_ctx if starttls else None,
                                          require_starttls=starttls, **options)

    def _authenticate(self, server, session, envelope, mechanism, auth_data):
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        login, password = auth_data.login.decode(), auth_data.password.decode()
        self.auth_attempts.append((login, mechanism))
        # handled=False: aiosmtpd answers 235 or 535 itself
        return AuthResult(success=login == self.user and password == self.password, handled=False)

    def client_context(self) -> ssl.SSLContext:
        ctx = ssl.create_default_context(cafile=str(self.cert))
        return ctx

    def __enter__(self) -> SmtpServer:
        self._controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self._controller.stop()
        self._dir.cleanup()
