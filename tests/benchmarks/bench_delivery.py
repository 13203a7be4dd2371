"""Benchmark: an alert event committed -> its webhook POST arriving at a loopback server (target: ≤ 1 s).

Not collected by pytest. Run::

    python tests/benchmarks/bench_delivery.py [--runs 50]

On a real SQLite store (temporary directory), with one webhook channel pointing at the loopback recorder of the
tests (tests/fakes/push_server.py), the DeliveryService built by ``app.build_delivery`` runs on an asyncio
loop in its own thread (as on the loop thread). Each run commits one fired event through
``AlertRepository.append_events`` (the outbox row commits with it); t0 is taken just before that commit, the
end when the server has read the POST's body. Two ways the delivery learns of the row:

* *woken*: the committing code tells the service (``deliver`` — what AlertService does for its sinks);
* *polled*: nobody tells it (a ``riskwatch check`` in another process committed): the poll interval finds it.

The peer is a bare aiohttp POST of the same size from the same loop to the same server.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for p in (ROOT / "desktop", ROOT):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

from riskwatch import app as rwapp  # noqa: E402
from riskwatch.adapters.channel_secrets import MemoryChannelSecrets  # noqa: E402
from riskwatch.adapters.clock import SystemClock  # noqa: E402
from riskwatch.adapters.sqlite_alerts import AlertRepository  # noqa: E402
from riskwatch.adapters.sqlite_outbox import ChannelRepository  # noqa: E402
from riskwatch.adapters.sqlite_store import SqliteStore  # noqa: E402
from riskwatch.domain.alerts import AlertEvent, AlertState, EventKind, Severity  # noqa: E402
from riskwatch.domain.channels import Channel  # noqa: E402
from tests.fakes.push_server import PushServer  # noqa: E402


def _event(i: int) -> AlertEvent:
    now = datetime.now(UTC)
    return AlertEvent(EventKind.FIRED, f"bench|BTC{i}", "bench", "bench", Severity.WARNING, f"BTC{i}",
                      "drop_from_high:30D", -0.2, -0.17, now, "drop_from_high", data_as_of=now - timedelta(hours=1))


def _stats(name: str, values: list[float]) -> str:
    ms = [v * 1000 for v in values]
    return f"{name:<44} median {statistics.median(ms):7.1f} ms   max {max(ms):7.1f} ms   (n={len(ms)})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=50)
    runs = parser.parse_args(argv).runs
    with tempfile.TemporaryDirectory() as tmp, PushServer() as push:
        store = SqliteStore.in_dir(tmp)
        repo = AlertRepository(store)
        ChannelRepository(store).add(Channel("hook", "webhook", push.url("/hook"), min_severity="info"))
        delivery = rwapp.build_delivery(store, SystemClock(), MemoryChannelSecrets(), language="en")
        loop = asyncio.new_event_loop()
        stop = asyncio.Event()
        done = threading.Event()

        def loop_thread() -> None:
            asyncio.set_event_loop(loop)
            loop.run_until_complete(delivery.run(stop))
            loop.run_until_complete(delivery.aclose())
            done.set()

        threading.Thread(target=loop_thread, name="bench-loop", daemon=True).start()
        time.sleep(0.2)
        results: dict[str, list[float]] = {"woken": [], "polled": []}
        n = 0
        for mode in ("woken", "polled"):
            for _ in range(runs + 1):  # the first is a warm-up
                n += 1
                time.sleep(0.1)  # the last send's worker is done and the service waits again
                t0 = time.perf_counter()
                stored = repo.append_events([_event(n)], AlertState())
                if mode == "woken":
                    delivery.deliver(stored)
                posts = push.wait_for(n, 5.0, "/hook")
                if len(posts) < n:
                    print(f"event {n} did not arrive within 5 s", file=sys.stderr)
                    return 1
                if _ > 0:
                    results[mode].append(posts[-1].at - t0)

        async def bare() -> list[float]:
            import aiohttp

            body = push.posts[-1].body
            out = []
            async with aiohttp.ClientSession() as session:
                for i in range(runs + 1):
                    t0 = time.perf_counter()
                    async with session.post(push.url("/bare"), data=body,
                                            headers={"Content-Type": "application/json"}) as resp:
                        await resp.read()
                    arrived = push.wait_for(i + 1, 5.0, "/bare")[-1].at
                    if i > 0:
                        out.append(arrived - t0)
            return out

        peer = asyncio.run_coroutine_threadsafe(bare(), loop).result(60)
        loop.call_soon_threadsafe(stop.set)
        done.wait(10)
        store.close()
    print(f"commit -> POST arrived, {runs} events each (target ≤ 1000 ms)")
    print(_stats("DeliveryService, woken by the sink", results["woken"]))
    print(_stats("DeliveryService, found by polling", results["polled"]))
    print(_stats("peer: a bare aiohttp POST to the same server", peer))
    worst = max(max(results["woken"]), max(results["polled"]))
    return 0 if worst <= 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
