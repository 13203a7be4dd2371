"""Run the command line in this process as a fresh ``python -m riskwatch`` would run it, in milliseconds.

A subprocess costs 1-1.5 s (the interpreter, then ccxt/pandas imports). :func:`run_main` calls
``riskwatch.cli.main(argv)`` instead and returns the same ``CompletedProcess`` that ``tests.conftest.run_cli``
returns, so a test asserts exit code, stdout and stderr exactly as before. For the duration of the call the
process looks as a new one would: the environment is exactly ``env`` (default :func:`tests.conftest.cli_env`),
stdin holds ``input`` (empty otherwise), stdout/stderr are captured as bytes and decoded as ``text=True``
decodes them, an uncaught exception prints its traceback and exits 1, warnings and log records with no handler
reach stderr (Python's last-resort handler), and no keyring backend has been chosen yet. Afterwards everything
is put back: environment, streams, working directory, ``sys.argv``, signal handlers, log handlers and levels,
the keyring choice and the in-memory test keyring.

What only a real process shows stays in subprocess tests (marked ``subprocess``): the interpreter's exit, a
closed pipe, signals, the desktop window and its report worker, a killed import, another user.
"""

from __future__ import annotations

import io
import logging
import os
import signal
import subprocess
import sys
import traceback
import warnings
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import ROOT, cli_env

#: The filters of a fresh interpreter (PYTHONWARNINGS included), before pytest adds its own per test.
_STARTUP_FILTERS = list(warnings.filters)
_SIGNALS = tuple(s for s in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGPIPE", None)) if s is not None)
_MAIN = str(ROOT / "desktop" / "riskwatch" / "__main__.py")


def run_main(*args: str, data_dir: Path | None = None, input: str | None = None, env: dict | None = None,
             timeout: float | None = None) -> subprocess.CompletedProcess:
    """``run_cli``'s twin without the process (``timeout`` is accepted for the same signature and unused)."""
    del timeout
    from riskwatch import cli

    argv = (["--data-dir", str(data_dir)] if data_dir is not None else []) + list(args)
    out, err = _Stream("strict"), _Stream("backslashreplace")
    stdin = io.TextIOWrapper(io.BytesIO((input or "").encode("utf-8")), encoding="utf-8")
    with _fresh_process(env if env is not None else cli_env(), argv, stdin, out.text, err.text):
        try:
            code = cli.main(argv)
        except SystemExit as exc:  # argparse (--help, usage errors) and any sys.exit(...)
            code = _exit_code(exc.code, err.text)
        except Exception:  # what the interpreter does with an uncaught exception
            traceback.print_exc(file=err.text)
            code = 1
    return subprocess.CompletedProcess([sys.executable, "-m", "riskwatch", *argv], code, out.value(), err.value())


class _Stream:
    """A pipe's worth of bytes behind a UTF-8 text stream (``.buffer`` included, never a terminal)."""

    def __init__(self, errors: str):
        self._bytes = io.BytesIO()
        self.text = io.TextIOWrapper(self._bytes, encoding="utf-8", errors=errors, write_through=True)

    def value(self) -> str:
        self.text.flush()
        # subprocess.run(text=True) decodes with universal newlines
        return self._bytes.getvalue().decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


def _exit_code(code, stderr) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=stderr)
    return 1


@contextmanager
def _fresh_process(env: dict, argv: list[str], stdin, stdout, stderr):
    saved_env = dict(os.environ)
    saved_streams = sys.stdin, sys.stdout, sys.stderr
    saved_argv, saved_cwd = sys.argv, os.getcwd()
    saved_signals = {s: signal.getsignal(s) for s in _SIGNALS}
    os.environ.clear()
    os.environ.update(env)
    sys.stdin, sys.stdout, sys.stderr = stdin, stdout, stderr
    sys.argv = [_MAIN, *argv]
    os.chdir(ROOT)
    try:
        with _fresh_logging(), _fresh_keyring(), warnings.catch_warnings():
            warnings.resetwarnings()
            warnings.filters.extend(_STARTUP_FILTERS)
            warnings.showwarning = _warning_to_stderr
            yield
    finally:
        os.chdir(saved_cwd)
        sys.argv = saved_argv
        sys.stdin, sys.stdout, sys.stderr = saved_streams
        os.environ.clear()
        os.environ.update(saved_env)
        for s, handler in saved_signals.items():
            if handler is not None and signal.getsignal(s) != handler:
                signal.signal(s, handler)


def _warning_to_stderr(message, category, filename, lineno, file=None, line=None):
    sys.stderr.write(warnings.formatwarning(message, category, filename, lineno, line))


@contextmanager
def _fresh_logging():
    """No handler on the root logger (pytest's go back afterwards), so records nobody handles reach stderr
    through ``logging.lastResort`` as in a new process; handlers the command adds are closed afterwards."""
    loggers = [logging.getLogger(), *(lg for lg in logging.Logger.manager.loggerDict.values()
                                      if isinstance(lg, logging.Logger))]
    saved = {lg: (list(lg.handlers), lg.level, lg.propagate, lg.disabled) for lg in loggers}
    root = logging.getLogger()
    root.handlers = []
    root.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for lg in [logging.getLogger(), *(lg for lg in logging.Logger.manager.loggerDict.values()
                                          if isinstance(lg, logging.Logger))]:
            handlers, level, propagate, disabled = saved.get(lg, ([], logging.NOTSET, True, False))
            for h in lg.handlers:
                if h not in handlers:
                    h.close()
            lg.handlers = handlers
            lg.setLevel(level)
            lg.propagate, lg.disabled = propagate, disabled


@contextmanager
def _fresh_keyring():
    """keyring picks its backend once per process from PYTHON_KEYRING_BACKEND; the test keyring that keeps its
    values in memory starts empty in every process."""
    import keyring.core

    from tests.fakes.memory_keyring import MemoryKeyring

    saved_backend, saved_values = keyring.core._keyring_backend, dict(MemoryKeyring._store)
    keyring.core._keyring_backend = None
    MemoryKeyring.clear()
    try:
        yield
    finally:
        keyring.core._keyring_backend = saved_backend
        MemoryKeyring.clear()
        MemoryKeyring._store.update(saved_values)
