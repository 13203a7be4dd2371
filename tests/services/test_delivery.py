"""DeliveryService against loopback servers: a real Monitor cycle commits events, their outbox rows go out once;
retries with backoff and a clear status; a channel that never answers delays neither the cycle nor another
channel; a wrong SMTP password leaks nowhere; reminders of unacknowledged critical alerts only; German and
English texts."""

import asyncio
import logging
import time
from datetime import timedelta

import pytest

from riskwatch.adapters.channel_email import EmailSender
from riskwatch.adapters.channel_secrets import MemoryChannelSecrets
from riskwatch.domain.channels import Channel, ItemKind, ItemStatus
from riskwatch.services.delivery import retry_delay
from riskwatch.services.monitor import Monitor
from tests.fakes.push_server import PushServer
from tests.fakes.smtp_server import SmtpServer
from tests.services.delivery_helpers import Env

TOKEN = "tk_9f8e7d-never-in-a-log"


@pytest.fixture
def push():
    with PushServer() as server:
        yield server


@pytest.fixture
def make_env(tmp_path):
    made = []

    def make(**kw):
        env = Env(tmp_path / f"d{len(made)}", **kw)
        made.append(env)
        return env

    yield make
    for env in made:
        env.close()


def _drain(env) -> int:
    async def go():
        try:
            return await env.delivery.drain_once()
        finally:
            await env.delivery.aclose()
    return asyncio.run(go())


def test_events_of_a_cycle_reach_each_channel_once_in_english(make_env, push):
    env = make_env(secrets=MemoryChannelSecrets({"phone": TOKEN}))
    push.tokens["/topic"] = TOKEN
    env.channels.add(Channel("phone", "ntfy", push.url("/topic")))
    env.channels.add(Channel("hook", "webhook", push.url("/hook"), min_severity="info"))
    events = env.cycle().events
    assert len(events) == 2 and _drain(env) == 4
    texts = sorted(p.text for p in push.posts_to("/topic"))
    assert texts[0].startswith("BTC: Drop from 30-day high −20.0% (threshold −17.0%)")
    assert "Severity: Warning" in texts[0] and "Data as of: " in texts[0] and "Raised: " in texts[0]
    hooks = [p.json() for p in push.posts_to("/hook")]
    assert {h["event"]["id"] for h in hooks} == {e.id for e in events}
    assert all(h["title"].startswith("RiskWatch alert: ") for h in hooks)
    assert _drain(env) == 0 and len(push.posts) == 4                       # nothing twice
    status = env.delivery.status()
    assert status["phone"].last_ok is not None and status["phone"].pending == 0 and status["phone"].healthy


def test_german_messages_name_asset_figure_value_threshold_and_data_time(make_env, push):
    env = make_env(language="de")
    env.channels.add(Channel("hook", "webhook", push.url("/hook")))
    env.cycle()
    _drain(env)
    btc = next(p.json() for p in push.posts_to("/hook") if p.json()["event"]["member"] == "BTC")
    assert btc["title"] == "RiskWatch-Alarm: BTC – Rückgang vom 30-Tage-Hoch"
    lines = btc["message"].splitlines()
    assert lines[0] == "BTC: Rückgang vom 30-Tage-Hoch −20,0 % (Schwellwert −17,0 %)"
    assert lines[1] == "Schweregrad: Warnung"
    assert lines[2].startswith("Datenstand: 22.03.2025") and lines[3].startswith("Ausgelöst: ")


def test_a_failing_channel_retries_with_backoff_then_gives_up(make_env, push):
    env = make_env(max_attempts=3)
    push.status["/down"] = 503
    env.channels.add(Channel("hook", "webhook", push.url("/down")))
    env.cycle()
    assert _drain(env) == 0
    s = env.delivery.status()["hook"]
    assert (s.last_error, s.pending, s.last_ok) == ("http_503", 2, None) and not s.healthy
    env.clock.set(env.clock.now() + retry_delay(1) - timedelta(seconds=1))
    assert _drain(env) == 0 and len(push.refused) == 2                     # not yet due
    env.clock.set(env.clock.now() + timedelta(seconds=1))
    assert _drain(env) == 0 and len(push.refused) == 4                     # the first retry
    assert retry_delay(2) == 2 * retry_delay(1) and retry_delay(30) == timedelta(minutes=30)
    env.clock.set(env.clock.now() + retry_delay(2))
    _drain(env)
    assert [i.status for i in env.outbox.recent()] == [ItemStatus.FAILED] * 2
    env.clock.set(env.clock.now() + timedelta(days=1))
    assert _drain(env) == 0 and len(push.refused) == 6                     # given up after three attempts


def test_a_channel_that_recovers_delivers_at_its_retry(make_env, push):
    env = make_env()
    push.status["/flaky"] = 500
    env.channels.add(Channel("hook", "webhook", push.url("/flaky")))
    env.cycle()
    _drain(env)
    del push.status["/flaky"]
    env.clock.set(env.clock.now() + retry_delay(1))
    assert _drain(env) == 2 and env.delivery.status()["hook"].healthy


def test_a_channel_that_never_answers_delays_neither_the_cycle_nor_another_channel(make_env, push):
    env = make_env()
    push.hang.add("/hangs")
    env.channels.add(Channel("slow", "ntfy", push.url("/hangs")))
    env.channels.add(Channel("fast", "webhook", push.url("/fast")))

    async def go():
        stop = asyncio.Event()
        runner = asyncio.create_task(env.delivery.run(stop))
        await asyncio.sleep(0.05)
        monitor = Monitor(env.store, env.alerts, env.clock, None)
        started = time.perf_counter()
        result = await monitor.run_cycle(offline=True)
        cycle_s = time.perf_counter() - started
        arrived = await asyncio.to_thread(push.wait_for, 2, 3.0, "/fast")
        waited = time.perf_counter() - started
        # a second cycle while the slow channel still hangs: as quick as the first
        env.clock.set(env.clock.now() + timedelta(minutes=5))
        again = time.perf_counter()
        await monitor.run_cycle(offline=True)
        second_s = time.perf_counter() - again
        stop.set()
        await runner
        await env.delivery.aclose()
        return result, cycle_s, second_s, arrived, waited

    result, cycle_s, second_s, arrived, waited = asyncio.run(go())
    assert len(result.events) == 2 and len(arrived) == 2
    assert waited < 1.5 and cycle_s < 0.5 and second_s < 0.5
    slow = [i for i in env.outbox.recent() if i.channel == "slow"]
    assert [i.status for i in slow] == [ItemStatus.QUEUED] * 2             # still there for the next start


def test_a_wrong_smtp_password_gives_a_clear_status_and_leaks_nowhere(make_env, caplog, tmp_path):
    caplog.set_level(logging.DEBUG)
    password = "wr0ng-Passw0rd!"
    with SmtpServer(password="the real one") as smtp:
        env = make_env(secrets=MemoryChannelSecrets({"mail": password}))
        env.delivery._senders["email"] = EmailSender(ssl_context=smtp.client_context())
        env.channels.add(Channel("mail", "email", f"smtp://alerts%40example.org@127.0.0.1:{smtp.port}",
                                 to_addr="me@example.org"))
        env.cycle()
        assert _drain(env) == 0 and smtp.messages == []
    s = env.delivery.status()["mail"]
    assert s.last_error == "auth" and s.pending == 2
    assert {i.last_error for i in env.outbox.recent()} == {"auth"}
    assert password not in caplog.text and "channel mail failed (auth" in caplog.text
    env.store.close()
    for f in (tmp_path / "d0").iterdir():
        assert password.encode() not in f.read_bytes(), f


def test_the_token_is_never_written_to_the_store(make_env, push, tmp_path):
    env = make_env(secrets=MemoryChannelSecrets({"phone": TOKEN}))
    env.channels.add(Channel("phone", "ntfy", push.url("/t")))
    env.cycle()
    _drain(env)
    assert push.posts_to("/t")[0].headers["Authorization"] == f"Bearer {TOKEN}"
    env.store.close()
    for f in (tmp_path / "d0").iterdir():
        assert TOKEN.encode() not in f.read_bytes(), f


def test_reminders_repeat_an_unacknowledged_critical_alert_only(make_env, push):
    env = make_env(depth=35.0)
    env.channels.add(Channel("hook", "webhook", push.url("/hook"), min_severity="info"))
    env.cycle()
    _drain(env)
    first = len(push.posts)
    critical = [r for r in env.repo.active_alerts() if r.severity == "critical"]
    warnings = [r for r in env.repo.active_alerts() if r.severity != "critical"]
    assert len(critical) == 1 and warnings                                  # the portfolio drawdown is a warning
    env.clock.set(env.clock.now() + timedelta(minutes=59))
    assert _drain(env) == 0
    env.clock.set(env.clock.now() + timedelta(minutes=1))
    assert _drain(env) == 1
    reminder = push.posts[-1].json()
    assert reminder["kind"] == "reminder" and reminder["event"]["member"] == critical[0].member
    assert reminder["title"].startswith("RiskWatch reminder: ") and "not acknowledged" in reminder["message"]
    env.clock.set(env.clock.now() + timedelta(minutes=30))
    assert _drain(env) == 0                                                 # spaced from the last reminder
    env.clock.set(env.clock.now() + timedelta(minutes=30))
    assert _drain(env) == 1
    env.alerts.acknowledge(critical[0].alert_key)
    env.clock.set(env.clock.now() + timedelta(hours=5))
    assert _drain(env) == 0 and len(push.posts) == first + 2


def test_a_test_message_is_sent_at_once_and_logged(make_env, push):
    env = make_env()
    env.channels.add(Channel("hook", "webhook", push.url("/hook"), enabled=False))

    async def go():
        try:
            return await env.delivery.send_test("hook")
        finally:
            await env.delivery.aclose()

    item = asyncio.run(go())
    assert item.status is ItemStatus.SENT and item.kind is ItemKind.TEST
    assert push.posts_to("/hook")[0].json()["title"] == "RiskWatch test message"
    assert env.delivery.log(5)[0].id == item.id
