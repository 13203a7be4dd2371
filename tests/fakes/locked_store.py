"""A second real process holding ``BEGIN EXCLUSIVE`` on a SQLite file: the store is locked while it runs."""

from __future__ import annotations

import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

_HOLDER = ("import sqlite3, sys, time\n"
           "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
           "c.execute('BEGIN EXCLUSIVE')\n"
           "c.execute('CREATE TABLE IF NOT EXISTS lock_probe (x)')\n"
           "print('locked', flush=True)\n"
           "sys.stdin.read()\n")


@contextmanager
def exclusive_lock(db: Path):
    """Hold a write lock on ``db`` (in another process) for the duration of the ``with`` block."""
    proc = subprocess.Popen([sys.executable, "-c", _HOLDER, str(db)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "locked"
        yield proc
    finally:
        proc.stdin.close()
        proc.wait(timeout=10)
