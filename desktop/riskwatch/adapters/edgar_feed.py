"""SEC EDGAR's XBRL "company facts" API: every reported fact of one company, keyless JSON.

``GET {api_url}/api/xbrl/companyfacts/CIK##########.json`` (the CIK zero-padded to ten digits; default
``https://data.sec.gov``) answers ``{"cik", "entityName", "facts": {taxonomy: {concept: {"label",
"description", "units": {unit: [{"start"?, "end", "val", "accn", "fy", "fp", "form", "filed", "frame"?}]}}}}}``.

EDGAR's fair-access rules: a descriptive ``User-Agent`` naming the application and a contact (a request without
one is refused with 403), and at most ten requests a second; this feed spaces its requests by
``min_interval_s`` (0.1 s) whatever thread calls it. The answer is gzip-compressed when asked for.

Every answer is validated before anyone sees it (:func:`check_companyfacts`): a truncated body, a document
without facts, or a fact entry without an end date, a finite value, an accession, a form or a filing date is
:class:`~riskwatch.domain.errors.InvalidData` — the caller stores nothing. Errors are domain errors with
``code``, ``retryable`` and ``source`` (:func:`~riskwatch.adapters.feed_errors.coded_error`):

=======================  ===============  =============
answer                   domain           code
=======================  ===============  =============
429                      RateLimited      rate_limited
403                      DataUnavailable  forbidden
404                      BadSymbol        no_facts      (no XBRL facts: e.g. a foreign filer without them)
5xx                      DataUnavailable  unavailable
timeout                  DataUnavailable  timeout
other network failure    DataUnavailable  network
bad JSON / shape         InvalidData      malformed / partial
=======================  ===============  =============

The call blocks (stdlib ``urllib``); :meth:`EdgarFeed.companyfacts` runs it in a worker thread for async code.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import math
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from datetime import date
from typing import Any

from riskwatch import __version__
from riskwatch.adapters.feed_errors import coded_error
from riskwatch.domain.errors import BadSymbol, DataUnavailable, InvalidData, RateLimited, RiskWatchError

DEFAULT_API_URL = "https://data.sec.gov"
SOURCE = "edgar"
#: EDGAR's limit is ten requests a second per client.
MIN_INTERVAL_S = 0.1
#: A company-facts document of a large filer is tens of megabytes uncompressed; refuse anything far beyond.
MAX_BYTES = 200_000_000
_TAXONOMIES = ("us-gaap", "ifrs-full", "dei", "srt", "invest")


def user_agent(contact: str) -> str:
    """The descriptive User-Agent EDGAR asks for: ``RiskWatch/<version> (<contact>)``."""
    contact = " ".join(contact.split()) or "contact not set"
    return f"RiskWatch/{__version__} ({contact})"


def cik10(cik: str | int) -> str:
    """A CIK as EDGAR's ten digits (``827876`` -> ``0000827876``); ValueError when it is not 1–10 digits."""
    text = str(cik).strip()
    if text.upper().startswith("CIK"):
        text = text[3:]
    if not text.isdigit() or len(text) > 10 or int(text) == 0:
        raise ValueError(f"not a CIK (1 to 10 digits): {cik!r}")
    return text.zfill(10)


class EdgarFeed:
    """The company-facts client. ``clock`` (``now()``) is kept for the callers that stamp the fetch time."""

    source = SOURCE

    def __init__(self, api_url: str | None = None, *, user_agent: str, timeout_s: float = 20.0, clock: Any = None,
                 min_interval_s: float = MIN_INTERVAL_S, monotonic: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep):
        if not user_agent.strip():
            raise ValueError("EDGAR needs a descriptive User-Agent")
        self.api_url = (api_url or DEFAULT_API_URL).rstrip("/")
        self.user_agent = user_agent
        self.timeout_s = timeout_s
        self.clock = clock
        self.min_interval_s = min_interval_s
        self._monotonic = monotonic
        self._sleep = sleep
        self._pace = threading.Lock()
        self._last: float | None = None

    def url_for(self, cik: str | int) -> str:
        return f"{self.api_url}/api/xbrl/companyfacts/CIK{cik10(cik)}.json"

    async def companyfacts(self, cik: str | int) -> dict:
        """:meth:`fetch_companyfacts` in a worker thread, so the event loop keeps going."""
        return await asyncio.to_thread(self.fetch_companyfacts, cik)

    def fetch_companyfacts(self, cik: str | int) -> dict:
        """The validated company-facts document of ``cik`` (blocks; raises the domain errors above)."""
        url = self.url_for(cik)
        body = self._get(url, cik10(cik))
        try:
            doc = json.loads(body)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise self._error(InvalidData, f"the answer for CIK {cik10(cik)} is not JSON ({exc})", "malformed",
                              False) from None
        problem = check_companyfacts(doc, int(cik10(cik)))
        if problem:
            raise self._error(InvalidData, f"the answer for CIK {cik10(cik)} is incomplete: {problem}", "partial",
                              False)
        return doc

    # -- HTTP -------------------------------------------------------------------------------------------------
    def _wait_turn(self) -> None:
        """Sleep until ``min_interval_s`` has passed since the previous request began (under the lock)."""
        if self._last is not None:
            wait = self._last + self.min_interval_s - self._monotonic()
            if wait > 0:
                self._sleep(wait)
        self._last = self._monotonic()

    def _get(self, url: str, cik: str) -> bytes:
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent, "Accept": "application/json",
                                                       "Accept-Encoding": "gzip"})
        with self._pace:
            self._wait_turn()
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as answer:
                body = answer.read(MAX_BYTES + 1)
                encoding = (answer.headers.get("Content-Encoding") or "").lower()
        except urllib.error.HTTPError as exc:
            raise self._http_error(exc.code, cik) from None
        except TimeoutError as exc:
            raise self._error(DataUnavailable, f"EDGAR did not answer within {self.timeout_s:g} s ({exc})",
                              "timeout", True) from None
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, TimeoutError):
                raise self._error(DataUnavailable, f"EDGAR did not answer within {self.timeout_s:g} s",
                                  "timeout", True) from None
            raise self._error(DataUnavailable, f"EDGAR could not be reached at {self.api_url} ({reason})",
                              "network", True) from None
        except Exception as exc:  # http.client.IncompleteRead and friends: the body broke off
            raise self._error(InvalidData, f"the answer for CIK {cik} broke off ({type(exc).__name__})",
                              "malformed", True) from None
        if len(body) > MAX_BYTES:
            raise self._error(InvalidData, f"the answer for CIK {cik} is larger than {MAX_BYTES} bytes",
                              "malformed", False)
        if encoding == "gzip":
            try:
                body = gzip.decompress(body)
            except (OSError, EOFError) as exc:
                raise self._error(InvalidData, f"the answer for CIK {cik} is not valid gzip ({exc})", "malformed",
                                  False) from None
        return body

    def _http_error(self, status: int, cik: str) -> RiskWatchError:
        if status == 429:
            return self._error(RateLimited, "EDGAR asked to slow down (HTTP 429: more than ten requests a second)",
                               "rate_limited", True)
        if status == 403:
            return self._error(DataUnavailable, "EDGAR refused the request (HTTP 403): it requires a descriptive "
                               f"User-Agent with a contact; sent: {self.user_agent!r} (set an e-mail address with "
                               "RISKWATCH_EDGAR_CONTACT or the setting edgar_contact)", "forbidden", False)
        if status == 404:
            return self._error(BadSymbol, f"EDGAR has no XBRL facts for CIK {cik} (a company that files without "
                               "XBRL, such as some foreign filers)", "no_facts", False)
        if status >= 500:
            return self._error(DataUnavailable, f"EDGAR is unavailable (HTTP {status})", "unavailable", True)
        return self._error(DataUnavailable, f"EDGAR answered HTTP {status}", "http_error", False)

    def _error(self, cls: type[RiskWatchError], message: str, code: str, retryable: bool) -> RiskWatchError:
        return coded_error(cls, f"edgar: {message}", code, retryable, self.source)


# -- validation -----------------------------------------------------------------------------------------------
def check_companyfacts(doc: Any, cik: int | None = None) -> str:
    """'' when ``doc`` has the company-facts shape (and, given ``cik``, is that company's), else what is wrong."""
    if not isinstance(doc, dict):
        return "the document is not a JSON object"
    if cik is not None and _as_int(doc.get("cik")) != cik:
        return f"cik {doc.get('cik')!r} is not the company asked for ({cik})"
    if not isinstance(doc.get("entityName"), str):
        return "entityName is missing"
    facts = doc.get("facts")
    if not isinstance(facts, dict) or not any(isinstance(facts.get(t), dict) and facts[t] for t in _TAXONOMIES):
        return "facts holds no us-gaap, ifrs-full or dei concepts"
    for taxonomy, concepts in facts.items():
        if not isinstance(concepts, dict):
            return f"facts.{taxonomy} is not an object"
        for name, concept in concepts.items():
            units = concept.get("units") if isinstance(concept, dict) else None
            if not isinstance(units, dict) or not units:
                return f"{taxonomy}:{name} has no units"
            for unit, entries in units.items():
                if not isinstance(entries, list) or not entries:
                    return f"{taxonomy}:{name} [{unit}] has no facts"
                for i, entry in enumerate(entries):
                    problem = _entry_problem(entry)
                    if problem:
                        return f"{taxonomy}:{name} [{unit}] fact {i + 1}: {problem}"
    return ""


def _entry_problem(entry: Any) -> str:
    if not isinstance(entry, dict):
        return "not an object"
    for key in ("end", "filed") + (("start",) if "start" in entry else ()):
        if not _is_date(entry.get(key)):
            return f"{key} is not a date"
    val = entry.get("val")
    if isinstance(val, bool) or not isinstance(val, (int, float)) or not math.isfinite(val):
        return "val is not a finite number"
    for key in ("accn", "form"):
        if not isinstance(entry.get(key), str) or not entry[key]:
            return f"{key} is missing"
    if entry.get("fy") is not None and _as_int(entry["fy"]) is None:
        return "fy is not a year"
    return ""


def _is_date(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return None


__all__ = ["DEFAULT_API_URL", "EdgarFeed", "check_companyfacts", "cik10", "user_agent"]
