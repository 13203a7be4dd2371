"""A loopback HTTP server in SEC EDGAR's XBRL company-facts dialect, serving the real CleanSpark facts.

``GET /api/xbrl/companyfacts/CIK##########.json`` (ten digits, zero-padded) answers EDGAR's company-facts JSON:
``cik`` (a number), ``entityName``, ``facts: {taxonomy: {concept: {"label", "description", "units": {unit:
[{"start"?, "end", "val", "accn", "fy", "fp", "form", "filed", "frame"?}]}}}}``. It serves CleanSpark (CIK
0000827876) from tests/data/fundamentals/clsk_companyfacts.json (built from its four 10-Q filings, see the
SOURCES.md there); :meth:`FakeEdgar.set_companyfacts` serves other documents.

As EDGAR does: 404 (an HTML page) for a CIK it has no facts for or any other path; 403 for a request without
a ``User-Agent`` or with a library's default one (``Python-urllib/…``); gzip when asked for with
``Accept-Encoding: gzip``.

:attr:`FakeEdgar.filed_until` (an ISO date or None) withholds every fact filed after it, so a test can let a
new filing "appear": set it to ``"2025-06-30"`` and the Jun-2025 10-Q is not there yet; set None to publish it.

Fault injection, per endpoint ``"companyfacts"`` or ``"*"``::

    server.inject("companyfacts", "429", times=1)

Kinds: 429 (EDGAR's "Request Rate Threshold Exceeded" page), 403, 500, 503, malformed (200 with the JSON cut
in half), partial (200 with valid JSON whose ``facts`` is empty), no_val (200, the first fact's ``val`` gone),
wrong_cik (200, another company's number), latency / timeout (``seconds`` of delay first), reset (the
connection closed without an answer).

Every request is logged (:meth:`FakeEdgar.requests`) with its arrival time (``time.monotonic()``), path, CIK,
the User-Agent sent (not a secret: EDGAR's rules make it public), the status and the fault applied.
"""

from __future__ import annotations

import copy
import gzip
import json
import re
import time
from dataclasses import dataclass
from pathlib import Path

from tests.fakes.loopback import LoopbackExchange, QuietHandler

try:  # the fixture is optional: the server also runs as a plain script
    import pytest
except ImportError:  # pragma: no cover
    pytest = None  # type: ignore[assignment]

DATA = Path(__file__).resolve().parents[1] / "data" / "fundamentals" / "clsk_companyfacts.json"
CLSK_CIK = "0000827876"
_PATH = re.compile(r"^/api/xbrl/companyfacts/CIK(\d{10})\.json$")
_NOT_FOUND = b"<!DOCTYPE html><html><body><h1>Not Found</h1><p>The requested URL was not found.</p></body></html>"
_RATE_PAGE = (b"<html><head><title>SEC.gov | Request Rate Threshold Exceeded</title></head><body><h1>Your Request "
              b"Originates from an Undeclared Automated Tool</h1><p>To allow for equitable access to all users, "
              b"SEC reserves the right to limit requests ...</p></body></html>")
_FORBIDDEN = b"<html><body><h1>Access Denied</h1><p>Please declare your traffic by updating your user agent.</p></body></html>"


@dataclass(frozen=True)
class RequestRecord:
    t: float                  # time.monotonic() at arrival
    endpoint: str             # "companyfacts" or ""
    path: str
    cik: str | None
    user_agent: str | None
    status: int
    fault: str | None


def load_clsk() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


def withhold_after(doc: dict, filed_until: str) -> dict:
    """``doc`` without the facts filed after ``filed_until`` (concepts and units left empty are dropped)."""
    out = copy.deepcopy(doc)
    for taxonomy in list(out["facts"]):
        concepts = out["facts"][taxonomy]
        for name in list(concepts):
            units = concepts[name]["units"]
            for unit in list(units):
                units[unit] = [e for e in units[unit] if e["filed"] <= filed_until]
                if not units[unit]:
                    del units[unit]
            if not units:
                del concepts[name]
    return out


class FakeEdgar(LoopbackExchange):
    thread_name = "fake-edgar"
    endpoints = ("companyfacts",)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.docs: dict[str, dict] = {CLSK_CIK: load_clsk()}
        self.filed_until: str | None = None

    def set_companyfacts(self, cik: str, doc: dict | None) -> None:
        """Serve ``doc`` for ``cik`` (ten digits); None: 404 for it."""
        with self._lock:
            if doc is None:
                self.docs.pop(cik, None)
            else:
                self.docs[cik] = doc

    def document(self, cik: str) -> dict | None:
        with self._lock:
            doc = self.docs.get(cik)
            if doc is None:
                return None
            return withhold_after(doc, self.filed_until) if self.filed_until else copy.deepcopy(doc)


class _Handler(QuietHandler):
    fake: FakeEdgar
    server_version = "FakeEdgar/1.0"

    def _handle(self) -> None:
        fake = self.fake
        arrived = time.monotonic()
        path = self.path.split("?", 1)[0]
        match = _PATH.match(path)
        endpoint = "companyfacts" if match else ""
        cik = match.group(1) if match else None
        agent = self.headers.get("User-Agent")
        fault = fake.take_fault(endpoint) if endpoint else None
        kind = fault.kind if fault else None
        fake.wait(fake.latency)
        if kind in ("latency", "timeout"):
            fake.wait(float(fault.params.get("seconds", 0.1 if kind == "latency" else 30)))  # type: ignore[union-attr]
        status, body, ctype = 200, b"", "application/json"
        if kind == "reset":
            status = 0
        elif not agent or not agent.strip() or agent.startswith("Python-urllib") or kind == "403":
            status, body, ctype = 403, _FORBIDDEN, "text/html"
        elif kind == "429":
            status, body, ctype = 429, _RATE_PAGE, "text/html"
        elif kind in ("500", "503"):
            status, body, ctype = int(kind), b"<html><body>Service Unavailable</body></html>", "text/html"
        elif not endpoint or (doc := fake.document(cik)) is None:  # type: ignore[arg-type]
            status, body, ctype = 404, _NOT_FOUND, "text/html"
        else:
            body = self._faulted(doc, kind)
        # logged before the answer goes out, so a client that has its answer finds its request in the log
        fake.record(RequestRecord(arrived, endpoint, path, cik, agent, status, kind))
        if status == 0:
            self.close_connection = True
        elif status == 200:
            self._send_doc(body)
        else:
            self._send(status, body, ctype)

    @staticmethod
    def _faulted(doc: dict, kind: str | None) -> bytes:
        if kind == "partial":
            doc = {"cik": doc["cik"], "entityName": doc["entityName"], "facts": {}}
        elif kind == "no_val":
            first = next(iter(next(iter(doc["facts"].values())).values()))
            del next(iter(first["units"].values()))[0]["val"]
        elif kind == "wrong_cik":
            doc = {**doc, "cik": 1}
        body = json.dumps(doc).encode()
        return body[: len(body) // 2] if kind == "malformed" else body

    def _send_doc(self, body: bytes) -> None:
        gzipped = "gzip" in (self.headers.get("Accept-Encoding") or "")
        if gzipped:
            body = gzip.compress(body)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


FakeEdgar.handler = _Handler

if pytest is not None:
    @pytest.fixture
    def fake_edgar():
        """A started :class:`FakeEdgar`; stopped after the test."""
        server = FakeEdgar().start()
        try:
            yield server
        finally:
            server.stop()


def main(argv: list[str] | None = None) -> int:  # pragma: no cover - manual use
    import argparse

    parser = argparse.ArgumentParser(description="Run the fake EDGAR company-facts API on loopback.")
    parser.add_argument("--port", type=int, default=8797)
    args = parser.parse_args(argv)
    server = FakeEdgar(port=args.port).start()
    print(f"fake EDGAR listening on {server.url}  (riskwatch --edgar-api-url {server.url})", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
