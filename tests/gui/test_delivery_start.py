"""The desktop starts the remote channels' delivery on the loop thread (launcher.launch): a row in the outbox
goes out while the window runs, and a channel that never answers does not hold up the shutdown."""

from __future__ import annotations

import argparse
import time
from datetime import datetime, timezone

from riskwatch import launcher
from riskwatch.adapters.sqlite_outbox import ChannelRepository, Outbox
from riskwatch.adapters.sqlite_store import SqliteStore
from riskwatch.domain.channels import Channel, ItemStatus
from tests.fakes.push_server import PushServer


def test_the_desktop_delivers_the_outbox_and_stops_despite_a_hanging_channel(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("RISKWATCH_EQUITY_SOURCE", "csv")
    with PushServer() as push:
        push.hang.add("/hangs")
        store = SqliteStore.in_dir(tmp_path)
        channels, outbox = ChannelRepository(store), Outbox(store)
        channels.add(Channel("hook", "webhook", push.url("/hook")))
        channels.add(Channel("slow", "webhook", push.url("/hangs")))
        now = datetime.now(timezone.utc)
        queued = outbox.enqueue_test("hook", now)   # e.g. left by a `riskwatch check` or the last run
        outbox.enqueue_test("slow", now)
        args = argparse.Namespace(data_dir=None, exchange=None, exchange_api_url="http://127.0.0.1:9", demo=False,
                                  replay_from=None)
        desktop = launcher.launch(args, store, language="en", offline=True)
        qtbot.addWidget(desktop.window)
        try:
            qtbot.waitUntil(lambda: len(push.posts_to("/hook")) == 1, timeout=20000)
            assert push.posts_to("/hook")[0].json()["title"] == "RiskWatch test message"
            qtbot.waitUntil(lambda: outbox.get(queued).status is ItemStatus.SENT, timeout=5000)
            assert desktop.delivery is not None and desktop.delivery.status()["hook"].last_ok is not None
        finally:
            started = time.perf_counter()
            desktop.stop()
            stopped_s = time.perf_counter() - started
            store.close()
    assert stopped_s < 5.0
