"""What the fake exchanges share: an HTTP server on loopback in a daemon thread, a queue of injected faults
per endpoint, a request log, and a handler that answers quietly.

A fake subclasses :class:`LoopbackExchange` (its own routes, answers and ``RequestRecord``) and its handler
subclasses :class:`QuietHandler` (implementing ``_handle``).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Fault:
    kind: str
    remaining: int | None
    params: dict = field(default_factory=dict)


class QuietHandler(BaseHTTPRequestHandler):
    """Answers GET (and POST where the fake allows it) through ``_handle``; logs nothing."""

    fake: Any

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self._handle()

    def _handle(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _send(self, status: int, body: bytes, content_type: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


class LoopbackExchange:
    """Lifecycle, faults and request log. ``now`` returns epoch seconds (default ``time.time``)."""

    handler: type[QuietHandler] = QuietHandler
    thread_name = "fake-exchange"
    request_queue_size = 128  # bursts of concurrent connects (ccxt fetches markets in parallel)

    def __init__(self, *, now: Callable[[], float] | None = None, host: str = "127.0.0.1", port: int = 0):
        self.now = now or time.time
        self.latency = 0.0
        self._host, self._port = host, port
        self._lock = threading.RLock()
        self._faults: dict[str, list[Fault]] = {}
        self._log: list = []
        self._stop = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle --------------------------------------------------------------------------------
    def start(self):
        handler = type("Handler", (self.handler,), {"fake": self})
        server_cls = type("Server", (ThreadingHTTPServer,), {"request_queue_size": self.request_queue_size})
        self._server = server_cls((self._host, self._port), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name=self.thread_name, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(5)
            self._thread = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("server not started")
        return self._server.server_address[1]

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("server not started")
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    # -- faults and the request log -----------------------------------------------------------------
    def inject(self, endpoint: str, kind: str, times: int | None = None, **params: object) -> None:
        """Apply fault ``kind`` to the next ``times`` requests of ``endpoint`` ("*" = any); None = until cleared."""
        with self._lock:
            self._faults.setdefault(endpoint, []).append(Fault(kind, times, dict(params)))

    def clear_faults(self, endpoint: str | None = None) -> None:
        with self._lock:
            if endpoint is None:
                self._faults.clear()
            else:
                self._faults.pop(endpoint, None)

    def requests(self, endpoint: str | None = None) -> list:
        with self._lock:
            return [r for r in self._log if endpoint is None or r.endpoint == endpoint]

    def clear_log(self) -> None:
        with self._lock:
            self._log.clear()

    # -- plumbing used by the handler -------------------------------------------------------------
    def take_fault(self, endpoint: str) -> Fault | None:
        with self._lock:
            for key in (endpoint, "*"):
                queue = self._faults.get(key)
                if not queue:
                    continue
                fault = queue[0]
                if fault.remaining is not None:
                    fault.remaining -= 1
                    if fault.remaining <= 0:
                        queue.pop(0)
                return fault
        return None

    def record(self, rec: object) -> None:
        with self._lock:
            self._log.append(rec)

    def wait(self, seconds: float) -> None:
        if seconds > 0:
            self._stop.wait(seconds)
