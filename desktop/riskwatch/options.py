"""Runtime options: every environment variable RiskWatch reads, declared once and read through one object.

After Electrum's ``simple_config.ConfigVar``: each option is declared once on :class:`RuntimeOptions` with its
name, type, default and a one-line description (and the global command-line option that overrides it, if
any). A :class:`RuntimeOptions` reads the values from the environ mapping it is given, so nothing else in the
package touches ``os.environ``: the entry points build one (:func:`options_of`) and pass it on, tests hand in
a plain dict. ``tests/test_options.py`` checks that every ``RISKWATCH_`` name in the package is declared here.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from riskwatch.domain.numbers import typed_language

log = logging.getLogger(__name__)

_TRUE = ("1", "true", "yes", "on")
EXCHANGE_SECRET_SUFFIXES = {"api_key": "API_KEY", "secret": "SECRET", "passphrase": "PASSPHRASE"}
EXCHANGE_SECRET_TEMPLATE = "RISKWATCH_<EXCHANGE>_{API_KEY,SECRET,PASSPHRASE}"
# Read after RISKWATCH_LANG, in this order, for the language of command-line output (POSIX locale order).
LOCALE_VARS = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


def _parse_bool(raw: str) -> bool:
    return raw.strip().lower() in _TRUE


@dataclass(frozen=True)
class EnvOption:
    """One environment variable: read on an instance (``options.offline``), declared on the class."""

    name: str
    parse: Callable[[str], Any]
    default: Any
    description: str
    cli_flag: str | None = None

    def read(self, environ: Mapping[str, str]) -> Any:
        raw = environ.get(self.name)
        if raw is None or not raw.strip():
            return self.default
        try:
            return self.parse(raw)
        except ValueError:
            # a typo in a test hook or tuning knob must not stop the app; the log says why it was ignored
            log.warning("%s=%r is not a valid value; using the default %r", self.name, raw, self.default)
            return self.default

    def __get__(self, instance: RuntimeOptions | None, owner: type) -> Any:
        if instance is None:
            return self
        return self.read(instance.environ)


class RuntimeOptions:
    """The runtime options of one process, read from ``environ`` (the process environment at the entry points).

    Holds no state but the mapping: values are read on access, so a test that changes the mapping sees the
    change.
    """

    data_dir = EnvOption("RISKWATCH_DATA_DIR", lambda s: Path(s).expanduser(), None,
                         "data folder (store, log, window layout); default the platform's user-data folder",
                         cli_flag="--data-dir")
    busy_timeout_s = EnvOption("RISKWATCH_BUSY_TIMEOUT_S", float, None,
                               "seconds a write waits for another process's lock on the store (None: 5)")
    equity_source = EnvOption("RISKWATCH_EQUITY_SOURCE", lambda s: s.strip().lower(), "yahoo",
                              "stock prices: yahoo, or csv/offline/none for imported and cached history only")
    derivatives_api_url = EnvOption("RISKWATCH_DERIVATIVES_API_URL", str.strip, "",
                                    "endpoint of the derivatives venue (funding, open interest); "
                                    "wins over the setting derivatives_api_url")
    edgar_api_url = EnvOption("RISKWATCH_EDGAR_API_URL", str.strip, "",
                              "endpoint of SEC EDGAR's company-facts API (default https://data.sec.gov), e.g. a "
                              "loopback test server", cli_flag="--edgar-api-url")
    edgar_contact = EnvOption("RISKWATCH_EDGAR_CONTACT", str.strip, "",
                              "contact (e-mail) in the User-Agent EDGAR requires; wins over the setting "
                              "edgar_contact")
    inprocess_report = EnvOption("RISKWATCH_INPROCESS_REPORT", _parse_bool, False,
                                 "1: compute the risk report on the loop thread instead of a worker process")
    offline = EnvOption("RISKWATCH_OFFLINE", _parse_bool, False,
                        "1: the desktop app starts without market data (no network)")
    language = EnvOption("RISKWATCH_LANG", str.strip, "",
                         "language of command-line output (de, en); then LC_ALL, LC_MESSAGES, LANG, LANGUAGE")
    startup_probe = EnvOption("RISKWATCH_STARTUP_PROBE", _parse_bool, False,
                              "test hook: print when the window is painted and which heavy modules are loaded")
    exit_after_ms = EnvOption("RISKWATCH_EXIT_AFTER_MS", int, None,
                              "test hook: close the window this many milliseconds after start")

    def __init__(self, environ: Mapping[str, str]):
        self.environ = environ

    @classmethod
    def declared(cls) -> tuple[EnvOption, ...]:
        """Every fixed-name option, in declaration order (the per-exchange key variables are a template)."""
        return tuple(v for v in vars(cls).values() if isinstance(v, EnvOption))

    @property
    def csv_equity_prices(self) -> bool:
        """Stock prices only from imported/cached history (no Yahoo request)."""
        return self.equity_source in ("csv", "offline", "none")

    def xdg_home(self, name: str) -> Path | None:
        """``XDG_DATA_HOME`` or ``XDG_CONFIG_HOME`` (the menu entry and autostart file of ``install-desktop``) when
        set to an absolute path; the XDG Base Directory spec says to ignore a relative one. None: the default."""
        value = self.environ.get(name, "")
        return Path(value) if value and os.path.isabs(value) else None

    def cli_language(self) -> str:
        """``de`` when RISKWATCH_LANG or the locale variables name a German locale, else ``en``."""
        for value in (self.language, *(self.environ.get(var) for var in LOCALE_VARS)):
            if value:
                return typed_language(value)
        return "en"

    def exchange_secret(self, exchange_id: str, item: str) -> str | None:
        """A read-only API key item from ``RISKWATCH_<EXCHANGE>_API_KEY`` and friends (stripped; None if unset).

        The value is returned, never logged."""
        value = self.environ.get(exchange_secret_var(exchange_id, item), "")
        return value.strip() or None


def exchange_secret_var(exchange_id: str, item: str) -> str:
    """``RISKWATCH_KRAKEN_API_KEY`` for (``kraken``, ``api_key``); ``exchange_id`` must be normalised already."""
    return f"RISKWATCH_{exchange_id.upper()}_{EXCHANGE_SECRET_SUFFIXES[item]}"


def options_of(args: Any = None, environ: Mapping[str, str] | None = None) -> RuntimeOptions:
    """The options the entry point attached to ``args`` (``args.options``), else read from ``environ`` (default:
    the process environment, the one place it is read)."""
    given = getattr(args, "options", None)
    if isinstance(given, RuntimeOptions):
        return given
    return RuntimeOptions(os.environ if environ is None else environ)
