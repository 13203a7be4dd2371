"""Reading user files safely: regular files only, never a device or a pipe, and never too big.

``read_text`` is the one way the importers (positions, price histories) read a file the user named.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from riskwatch.domain.errors import InputError

#: Largest file ``read_text`` reads by default (positions; price files may pass their own limit).
MAX_FILE_BYTES = 50 * 1024 * 1024


def read_text(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Read a regular text file of at most ``max_bytes`` as UTF-8 (with or without BOM), falling back to
    Windows-1252 (German Excel).

    Folders, devices (``/dev/zero``) and pipes are refused before a byte is read: the file is opened
    non-blocking (a FIFO without a writer never blocks) and checked through its descriptor.
    """
    source = str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise InputError.single("file not found", source=source) from None
    except OSError as exc:
        raise InputError.single(f"cannot read the file ({exc.strerror})", source=source) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            what = "a folder" if stat.S_ISDIR(st.st_mode) else "a pipe" if stat.S_ISFIFO(st.st_mode) \
                else "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode) else "not a file"
            raise InputError.single(f"is {what}; expected a regular CSV or JSON file", source=source)
        if st.st_size > max_bytes:
            raise InputError.single(_too_big(st.st_size, max_bytes), source=source)
        with os.fdopen(fd, "rb") as f:
            fd = -1  # the file object owns (and closes) the descriptor now
            raw = f.read(max_bytes + 1)
    except OSError as exc:
        raise InputError.single(f"cannot read the file ({exc.strerror})", source=source) from None
    finally:
        if fd >= 0:
            os.close(fd)
    if len(raw) > max_bytes:  # it grew while we read it
        raise InputError.single(_too_big(len(raw), max_bytes), source=source)
    return decode_text(raw)


def read_stream_text(stream, source: str = "<stdin>", *, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Read at most ``max_bytes`` from a binary stream (standard input) like :func:`read_text`."""
    raw = stream.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise InputError.single(_too_big(len(raw), max_bytes, at_least=True), source=source)
    return decode_text(raw)


def decode_text(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _too_big(size: int, limit: int, at_least: bool = False) -> str:
    mb = 1024 * 1024
    more = "more than " if at_least else ""
    return f"is {more}{size / mb:.1f} MB; expected a file of at most {limit / mb:.0f} MB"


__all__ = ["MAX_FILE_BYTES", "decode_text", "read_stream_text", "read_text"]
