"""`riskwatch watch [--once] [--offline]`: the monitor without a window, every refresh interval, until SIGTERM/SIGINT.

The same Monitor as ``check`` (and the desktop app) runs one cycle, then waits for the refresh interval of the
settings; the delivery service runs on a task of its own beside the cycles, so a remote channel that hangs
delays no cycle. Each cycle prints one line (and each new alert event one more) on standard output and logs to
the rotating log in the data folder. SIGTERM or SIGINT ends it within a few seconds (``SHUTDOWN_S``): a cycle in
flight is cancelled (ccxt's requests are coroutines; a blocking Yahoo call in a worker thread is abandoned, as
in ``check_deadline``), then the monitor's feeds and the delivery are closed, each with a bound of its own.

``watch`` holds the data folder's instance lock (adapters/instance_lock.py) for its lifetime: a second
``watch`` or the desktop app on the same folder is refused (exit code 1), so no alert is delivered twice.
``--once`` is ``check`` (same output, same exit codes) and, like every one-shot command, takes no lock.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys
import time

from riskwatch.commands.check import _timeout_seconds
from riskwatch.commands.check_deadline import DEFAULT_TIMEOUT_S
from riskwatch.options import options_of
from riskwatch.texts.catalog import QT_TRANSLATE_NOOP, Texts

log = logging.getLogger("riskwatch.commands.watch")

#: A continuous cycle that has not finished after this long is cancelled (the next one starts on time).
CYCLE_TIMEOUT_S = 60.0
#: After a stop signal: what the cancelled cycle, closing the feeds (side by side with stopping the delivery, then
#: closing its connections) may take at most: 1 + max(2, 2 + 1) s, well within the 5 s a service manager allows.
CANCEL_S, CLOSE_S, SENDERS_CLOSE_S = 1.0, 2.0, 1.0

_MESSAGES = (
    QT_TRANSLATE_NOOP("Cli", "RiskWatch is watching the data folder {directory} every {interval} s with {channels} "
                      "remote channel(s). Stop with Ctrl+C or SIGTERM."),
    QT_TRANSLATE_NOOP("Cli", "{ts}  {events} new alert event(s), {active} active alert(s)"),
    QT_TRANSLATE_NOOP("Cli", "{ts}  no positions to evaluate (import some with: riskwatch positions import FILE)"),
    QT_TRANSLATE_NOOP("Cli", "{ts}  the cycle failed: {detail}"),
    QT_TRANSLATE_NOOP("Cli", "{ts}  the cycle did not finish within {seconds} s; the next one starts on time"),
    QT_TRANSLATE_NOOP("Cli", "no market data from {sources}"),
    QT_TRANSLATE_NOOP("Cli", "RiskWatch stopped watching."),
    QT_TRANSLATE_NOOP("Cli", "--json works only with --once"),
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("watch", help="keep monitoring without a window until SIGTERM/SIGINT (remote channels)",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       description="Run the monitor without a window: one cycle every refresh interval (the "
                                   "setting), alerts delivered through the remote channels (riskwatch channels), "
                                   "logged to riskwatch.log in the data folder, until SIGTERM or SIGINT.",
                       epilog="Only one RiskWatch (watch or the desktop app) may watch a data folder at a time; a\n"
                              "second one is refused with exit code 1. One-shot commands (check, positions,\n"
                              "channels ...) may run beside it.\n"
                              "exit codes: 0 stopped by SIGTERM/SIGINT, 1 another RiskWatch holds the data\n"
                              "folder or the store is unusable, 2 bad arguments; with --once those of check.")
    p.add_argument("--once", action="store_true",
                   help="run one cycle and exit, exactly as `riskwatch check` (same output and exit codes)")
    p.add_argument("--offline", action="store_true", help="do not fetch; evaluate stored (or bundled) prices")
    p.add_argument("--json", action="store_true", help="with --once: print one JSON object (as check --json)")
    p.add_argument("--timeout", type=_timeout_seconds, default=None, metavar="SECONDS",
                   help=f"each cycle ends within this many seconds (default: {DEFAULT_TIMEOUT_S:g} with --once, "
                        f"{CYCLE_TIMEOUT_S:g} otherwise)")
    p.set_defaults(func=run)


def run(args) -> int:
    lang = options_of(args).cli_language()
    if args.once:
        from riskwatch.commands import check

        if args.timeout is None:
            args.timeout = DEFAULT_TIMEOUT_S
        return check.run(args)
    if args.json:
        print("riskwatch: " + Texts(lang).cli("--json works only with --once"), file=sys.stderr)
        return 2
    return _watch(args, lang)


def _watch(args, lang: str) -> int:
    from riskwatch import app, paths
    from riskwatch.adapters.clock import SystemClock
    from riskwatch.adapters.instance_lock import InstanceRunning
    from riskwatch.cli import warn_damaged_row
    from riskwatch.services.settings import load_settings
    from riskwatch.texts.instance import already_running_text

    directory = paths.data_dir(getattr(args, "data_dir", None), options_of(args))
    try:
        lock = app.take_instance_lock(directory, "watch")
    except InstanceRunning as exc:  # said on stderr only: the log file is the other process's
        print("riskwatch: " + already_running_text(exc.directory, exc.pid, exc.holder, lang), file=sys.stderr)
        return 1
    try:
        _start_logging(app, directory)
        store = app.open_store(args, on_damaged_row=warn_damaged_row)
        try:
            clock = SystemClock()
            monitor = app.build_monitor(store, clock, args=args, offline=args.offline)
            delivery = app.build_delivery(store, clock, args=args, alert_service=monitor.alerts)
            interval = load_settings(store).refresh_interval_s
            out = _Report(lang)
            out.started(directory, interval, _enabled_channels(store))
            log.info("watch started on %s: every %s s, offline=%s", directory, interval, args.offline)
            from riskwatch.fundamentals_wiring import build_fundamentals_keeper

            facts = None if args.offline else build_fundamentals_keeper(store, clock, args)
            asyncio.run(_main(monitor, delivery, interval_s=interval, offline=args.offline,
                              cycle_timeout_s=args.timeout or CYCLE_TIMEOUT_S, report=out, facts=facts))
            out.stopped()
            log.info("watch stopped")
        finally:
            store.close()
    finally:
        if lock is not None:
            lock.release()
    return 0


def _enabled_channels(store) -> int:
    from riskwatch.adapters.sqlite_outbox import ChannelRepository

    return sum(1 for c in ChannelRepository(store).list() if c.enabled)


def _start_logging(app, directory) -> None:
    """The rotating log file, and warnings on stderr too (the service manager's journal keeps them)."""
    try:
        app.setup_logging(directory)
    except OSError as exc:  # no log file: the store says what is wrong with the folder, if anything
        print(f"riskwatch: no log file in {directory}: {exc}", file=sys.stderr)
    to_stderr = logging.StreamHandler(sys.stderr)
    to_stderr.setLevel(logging.WARNING)
    to_stderr.setFormatter(logging.Formatter("riskwatch: %(levelname)s %(name)s: %(message)s"))
    logging.getLogger("riskwatch").addHandler(to_stderr)


async def _main(monitor, delivery, *, interval_s: float, offline: bool, cycle_timeout_s: float, report,
                facts=None) -> None:
    """``facts``: the company facts' keeper (``fundamentals_wiring.build_fundamentals_keeper``) or None."""
    from riskwatch import app
    from riskwatch.commands.check_deadline import _DetachedExecutor

    # a blocking call (Yahoo) left running at the stop must not hold up the interpreter's exit
    asyncio.get_running_loop().set_default_executor(_DetachedExecutor())
    stop = asyncio.Event()
    _stop_on_signals(stop)
    delivering = asyncio.create_task(delivery.run(stop), name="riskwatch-delivery") if delivery else None
    keeper = None if offline else app.build_basket_history(monitor, monitor.store)
    keeping = asyncio.create_task(keeper.run(stop), name="riskwatch-basket-history") if keeper else None
    filing = asyncio.create_task(facts.run(stop), name="riskwatch-company-facts") if facts else None
    stopping = asyncio.create_task(stop.wait(), name="riskwatch-stop")
    try:
        while not stop.is_set():
            began = time.monotonic()
            cycle = asyncio.create_task(_cycle(monitor, offline, cycle_timeout_s, report))
            await asyncio.wait({cycle, stopping}, return_when=asyncio.FIRST_COMPLETED)
            if not cycle.done():
                cycle.cancel()
                await asyncio.wait({cycle}, timeout=CANCEL_S)
                break
            rest = interval_s - (time.monotonic() - began)
            if rest > 0:
                await asyncio.wait({stopping}, timeout=rest)
    finally:
        stop.set()
        stopping.cancel()

        async def stop_delivery() -> None:
            if delivering is not None:
                await _bounded(delivering, "stopping the delivery", CLOSE_S)
                await _bounded(delivery.aclose(), "closing the channels' connections", SENDERS_CLOSE_S)

        for task in (keeping, filing):
            if task is not None:
                task.cancel()   # a backfill or refresh in flight resumes from the store next time
                await asyncio.wait({task}, timeout=CANCEL_S)
        await asyncio.gather(_bounded(monitor.aclose(), "closing the market feeds", CLOSE_S), stop_delivery())


async def _cycle(monitor, offline: bool, timeout_s: float, report) -> None:
    """One cycle; a failure is reported and logged, never the end of the watch."""
    from riskwatch.domain.errors import RiskWatchError

    try:
        result = await asyncio.wait_for(monitor.run_cycle(offline=offline), timeout_s)
    except TimeoutError:
        log.warning("cycle did not finish within %.0f s", timeout_s)
        report.timed_out(timeout_s)
    except RiskWatchError as exc:  # a locked or full store, a broken configuration: said, and tried again
        log.error("cycle failed: %s", exc)
        report.failed(str(exc))
    except Exception as exc:
        log.exception("cycle failed")
        report.failed(f"{type(exc).__name__}: {exc}")
    else:
        report.cycle(result)


async def _bounded(awaitable, what: str, seconds: float) -> None:
    task = asyncio.ensure_future(awaitable)
    try:
        await asyncio.wait_for(task, seconds)
    except TimeoutError:
        log.warning("%s took longer than %.0f s; abandoned", what, seconds)
    except Exception:
        log.exception("%s failed", what)


def _stop_on_signals(stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError):  # Windows, or not the main thread
            signal.signal(sig, lambda *_: loop.call_soon_threadsafe(stop.set))


class _Report:
    """The lines on standard output, in the user's language, flushed at once (a journal reads a pipe)."""

    def __init__(self, lang: str):
        from riskwatch.texts.alerts import AlertTexts

        self.texts = Texts(lang)
        self.alert_texts = AlertTexts(self.texts)
        self.lang = lang

    def _say(self, line: str) -> None:
        print(line, flush=True)

    def _now(self) -> str:
        from datetime import datetime

        return datetime.now().astimezone().strftime("%Y-%m-%d %H:%M:%S")

    def started(self, directory, interval: int, channels: int) -> None:
        self._say(self.texts.cli("RiskWatch is watching the data folder {directory} every {interval} s with "
                                 "{channels} remote channel(s). Stop with Ctrl+C or SIGTERM.",
                                 directory=directory, interval=interval, channels=channels))

    def cycle(self, result) -> None:
        if not result.report.assets:
            self._say(self.texts.cli("{ts}  no positions to evaluate (import some with: riskwatch positions import "
                                     "FILE)", ts=self._now()))
            return
        line = self.texts.cli("{ts}  {events} new alert event(s), {active} active alert(s)", ts=self._now(),
                              events=len(result.events), active=len(result.active))
        down = sorted(k for k, s in (getattr(result.market, "sources", None) or {}).items()
                      if str(s.state) == "offline")
        if down:
            line += "; " + self.texts.cli("no market data from {sources}", sources=", ".join(down))
        log.info("cycle: %d new event(s), %d active alert(s)%s", len(result.events), len(result.active),
                 f", offline: {', '.join(down)}" if down else "")
        self._say(line)
        for event in result.events:
            self._say("  " + self.alert_texts.message(event))

    def failed(self, detail: str) -> None:
        self._say(self.texts.cli("{ts}  the cycle failed: {detail}", ts=self._now(), detail=detail))

    def timed_out(self, seconds: float) -> None:
        self._say(self.texts.cli("{ts}  the cycle did not finish within {seconds} s; the next one starts on time",
                                 ts=self._now(), seconds=f"{seconds:g}"))

    def stopped(self) -> None:
        self._say(self.texts.cli("RiskWatch stopped watching."))


__all__ = ["CANCEL_S", "CLOSE_S", "CYCLE_TIMEOUT_S", "SENDERS_CLOSE_S", "register", "run"]
