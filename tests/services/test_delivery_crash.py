"""Nothing lost, nothing twice: a process commits alert events and is SIGKILLed before it sends them (the next
DeliveryService sends each exactly once), or right after it sent them (the next one sends nothing)."""

import asyncio
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from riskwatch import app as rwapp
from riskwatch.adapters.channel_secrets import MemoryChannelSecrets
from riskwatch.adapters.clock import ManualClock
from riskwatch.adapters.sqlite_outbox import Outbox
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.domain.channels import ItemStatus
from tests.fakes.push_server import PushServer
from tests.services.delivery_helpers import NOW

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

CHILD = textwrap.dedent("""
    import asyncio, os, signal, sys
    from riskwatch.domain.channels import Channel
    from tests.services.delivery_helpers import Env

    directory, url, send_first = sys.argv[1], sys.argv[2], sys.argv[3] == "send"
    env = Env(directory)
    env.channels.add(Channel("hook", "webhook", url, min_severity="info"))
    events = env.cycle().events          # committed, with their outbox rows
    print(len(events), flush=True)
    if send_first:
        asyncio.run(env.delivery.drain_once())
    os.kill(os.getpid(), signal.SIGKILL)  # no close, no flush, no atexit
""")


def _child(directory: Path, url: str, mode: str) -> int:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "desktop")]),
               QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", CHILD, str(directory), url, mode], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    return int(proc.stdout.split()[0])


def _next_start(directory: Path) -> tuple[int, list]:
    store = SqliteStore.in_dir(directory)
    try:
        delivery = rwapp.build_delivery(store, ManualClock(NOW), MemoryChannelSecrets(), language="en")

        async def go():
            try:
                return await delivery.drain_once()
            finally:
                await delivery.aclose()

        sent = asyncio.run(go())
        return sent, Outbox(store).recent()
    finally:
        store.close()


@pytest.mark.subprocess
def test_killed_between_commit_and_delivery_the_next_start_sends_each_event_once(tmp_path):
    with PushServer() as push:
        committed = _child(tmp_path, push.url("/hook"), "commit")
        assert committed == 2 and push.posts == []
        sent, rows = _next_start(tmp_path)
        assert sent == 2 and [r.status for r in rows] == [ItemStatus.SENT] * 2
        assert sorted(p.json()["event"]["id"] for p in push.posts) == sorted(r.event_id for r in rows)
        again, _ = _next_start(tmp_path)
        assert again == 0 and len(push.posts) == 2


@pytest.mark.subprocess
def test_killed_after_delivery_nothing_is_sent_again(tmp_path):
    with PushServer() as push:
        committed = _child(tmp_path, push.url("/hook"), "send")
        assert committed == 2 and len(push.posts) == 2
        sent, rows = _next_start(tmp_path)
        assert sent == 0 and len(push.posts) == 2
        assert [r.status for r in rows] == [ItemStatus.SENT] * 2
