"""The three senders against real loopback servers: ntfy headers and token, the webhook's JSON, e-mail over
STARTTLS and SSL with AUTH; failures carry a code and a text that never holds the token or password."""

import asyncio
import logging
import socket
from datetime import datetime, timezone

import pytest

from riskwatch.adapters.channel_email import EmailSender
from riskwatch.adapters.channel_ntfy import NtfySender
from riskwatch.adapters.channel_webhook import WebhookSender
from riskwatch.domain.channels import Channel, DeliveryFailed, ItemKind, Message
from riskwatch.domain.rules import Severity
from tests.fakes.push_server import PushServer
from tests.fakes.smtp_server import SmtpServer

TOKEN = "tk_s3cr3t-token-value"
PASSWORD = "correct horse"
MSG = Message("RiskWatch-Alarm: BTC – Rückgang vom 30-Tage-Hoch", "BTC: Rückgang −20,0 % (Schwellwert −17,0 %)",
              Severity.CRITICAL, ItemKind.EVENT,
              {"member": "BTC", "metric": "drop_from_high:30D", "value": -0.2, "threshold": -0.17,
               "data_as_of": "2025-03-22T00:00:00+00:00"})


@pytest.fixture
def push():
    with PushServer() as server:
        yield server


def _send(sender, channel, secret, message=MSG):
    async def go():
        try:
            await sender.send(channel, message, secret)
        finally:
            await sender.aclose()
    asyncio.run(go())


def test_ntfy_posts_the_body_with_title_priority_tags_and_the_token(push):
    push.tokens["/rw-alerts"] = TOKEN
    _send(NtfySender(), Channel("phone", "ntfy", push.url("/rw-alerts")), TOKEN)
    (post,) = push.posts_to("/rw-alerts")
    assert post.text == MSG.body
    assert post.headers["Priority"] == "5" and post.headers["Tags"] == "rotating_light"
    assert post.headers["Authorization"] == f"Bearer {TOKEN}"
    from email.header import decode_header, make_header
    assert str(make_header(decode_header(post.headers["Title"]))) == MSG.title  # RFC 2047, as ntfy reads it


def test_ntfy_without_a_token_sends_no_authorization(push):
    _send(NtfySender(), Channel("phone", "ntfy", push.url("/open")), None)
    (post,) = push.posts_to("/open")
    assert "Authorization" not in post.headers


def test_a_wrong_token_is_an_auth_failure_that_does_not_name_the_token(push, caplog):
    push.tokens["/rw-alerts"] = "the-right-one"
    caplog.set_level(logging.DEBUG)
    with pytest.raises(DeliveryFailed) as err:
        _send(NtfySender(), Channel("phone", "ntfy", push.url("/rw-alerts")), TOKEN)
    assert err.value.code == "auth"
    assert TOKEN not in str(err.value) and TOKEN not in err.value.text and TOKEN not in caplog.text
    assert "rw-alerts" not in str(err.value)  # the topic is as good as a password: not in errors either


def test_the_webhook_posts_json_with_the_event_its_as_of_time_and_the_text(push):
    _send(WebhookSender(), Channel("hook", "webhook", push.url("/hook")), None)
    (post,) = push.posts_to("/hook")
    body = post.json()
    assert post.headers["Content-Type"].startswith("application/json")
    assert body["message"] == MSG.body and body["title"] == MSG.title and body["severity"] == "critical"
    assert body["event"]["member"] == "BTC" and body["event"]["threshold"] == -0.17
    assert body["data_as_of"] == "2025-03-22T00:00:00+00:00" and body["kind"] == "event"


def test_an_http_error_and_a_closed_port_have_their_codes(push):
    push.status["/down"] = 503
    with pytest.raises(DeliveryFailed) as err:
        _send(WebhookSender(), Channel("hook", "webhook", push.url("/down")), None)
    assert err.value.code == "http_503"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(DeliveryFailed) as err:
        _send(WebhookSender(), Channel("hook", "webhook", f"http://127.0.0.1:{port}/x"), None)
    assert err.value.code == "refused"


def test_a_server_that_never_answers_times_out_within_the_limit(push):
    push.hang.add("/slow")
    started = datetime.now(timezone.utc)
    with pytest.raises(DeliveryFailed) as err:
        _send(NtfySender(timeout=0.5), Channel("phone", "ntfy", push.url("/slow")), None)
    assert err.value.code == "timeout"
    assert (datetime.now(timezone.utc) - started).total_seconds() < 2.0


@pytest.mark.parametrize("implicit", [False, True], ids=["starttls", "ssl"])
def test_email_over_tls_with_auth_arrives_in_utf8(implicit):
    with SmtpServer(implicit_tls=implicit, password=PASSWORD) as smtp:
        scheme = "smtps" if implicit else "smtp"
        channel = Channel("mail", "email", f"{scheme}://alerts%40example.org@127.0.0.1:{smtp.port}",
                          to_addr="me@example.org")
        _send(EmailSender(ssl_context=smtp.client_context()), channel, PASSWORD)
        ((mail_from, rcpts, mail),) = smtp.messages
    assert mail_from == "alerts@example.org" and rcpts == ["me@example.org"]
    assert mail["Subject"] == MSG.title and mail.get_content().strip() == MSG.body
    assert smtp.auth_attempts == [("alerts@example.org", smtp.auth_attempts[0][1])]


def test_a_wrong_smtp_password_is_an_auth_failure_without_the_password(caplog):
    caplog.set_level(logging.DEBUG)
    with SmtpServer(password="the real one") as smtp:
        channel = Channel("mail", "email", f"smtp://alerts%40example.org@127.0.0.1:{smtp.port}",
                          to_addr="me@example.org")
        with pytest.raises(DeliveryFailed) as err:
            _send(EmailSender(ssl_context=smtp.client_context()), channel, PASSWORD)
        assert smtp.messages == []
    assert err.value.code == "auth"
    assert PASSWORD not in str(err.value) and PASSWORD not in caplog.text


def test_an_smtp_server_without_starttls_gets_no_password_in_the_clear():
    with SmtpServer(starttls=False) as smtp:
        channel = Channel("mail", "email", f"smtp://alerts%40example.org@127.0.0.1:{smtp.port}",
                          to_addr="me@example.org")
        with pytest.raises(DeliveryFailed) as err:
            _send(EmailSender(ssl_context=smtp.client_context()), channel, PASSWORD)
        assert smtp.auth_attempts == []
    assert err.value.code == "tls"


def test_an_untrusted_certificate_is_refused():
    with SmtpServer(implicit_tls=True) as smtp:
        channel = Channel("mail", "email", f"smtps://alerts%40example.org@127.0.0.1:{smtp.port}",
                          to_addr="me@example.org")
        with pytest.raises(DeliveryFailed) as err:
            _send(EmailSender(), channel, PASSWORD)  # the system's CAs do not know the test's certificate
        assert smtp.auth_attempts == []
    assert err.value.code == "tls"
