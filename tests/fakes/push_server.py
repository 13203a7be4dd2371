"""A loopback HTTP server that records ntfy and webhook POSTs (in a daemon thread, like the fake exchanges).

Per path it can answer a status (``status["/bad"] = 500``), demand a bearer token (``tokens["/t"] = "s3cr3t"``)
or never answer (``hang.add("/slow")``: the handler waits until the server stops).
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Post:
    path: str
    headers: dict[str, str]
    body: bytes
    at: float  # time.perf_counter() when the body had arrived

    def json(self):
        return json.loads(self.body.decode("utf-8"))

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body are two writes: without this, a 40 ms delayed-ACK stall

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_POST(self) -> None:
        fake = self.server.fake
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        path = self.path
        if path in fake.hang:
            fake.stopping.wait(120)
            return
        post = Post(path, {k: v for k, v in self.headers.items()}, body, time.perf_counter())
        token = fake.tokens.get(path)
        if token is not None and self.headers.get("Authorization") != f"Bearer {token}":
            status = 401
        else:
            status = fake.status.get(path, 200)
        with fake.lock:
            (fake.posts if status < 300 else fake.refused).append(post)
            fake.arrived.notify_all()
        answer = b'{"ok":true}'
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: PushServer


class PushServer:
    def __init__(self, host: str = "127.0.0.1"):
        self.status: dict[str, int] = {}
        self.tokens: dict[str, str] = {}
        self.hang: set[str] = set()
        self.posts: list[Post] = []
        self.refused: list[Post] = []
        self.lock = threading.Lock()
        self.arrived = threading.Condition(self.lock)
        self.stopping = threading.Event()
        self._server = _Server((host, 0), _Handler)
        self._server.fake = self
        self._thread = threading.Thread(target=self._server.serve_forever, name="push-server", daemon=True)

    def __enter__(self) -> PushServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()

    def url(self, path: str) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}{path}"

    def posts_to(self, path: str) -> list[Post]:
        with self.lock:
            return [p for p in self.posts if p.path == path]

    def wait_for(self, count: int, timeout: float = 5.0, path: str | None = None) -> list[Post]:
        """Block until ``count`` successful posts (to ``path``) arrived; returns them."""
        deadline = time.monotonic() + timeout
        with self.lock:
            while True:
                found = [p for p in self.posts if path is None or p.path == path]
                left = deadline - time.monotonic()
                if len(found) >= count or left <= 0:
                    return found
                self.arrived.wait(left)
