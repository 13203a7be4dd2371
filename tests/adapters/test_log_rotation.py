"""The log is size-bounded (rotated) and every file of it stays private (0600), also after a rollover."""

import logging
import os
import stat

from riskwatch.adapters.private_fs import PrivateRotatingFileHandler


def test_the_log_rotates_and_every_file_is_0600(tmp_path):
    old = os.umask(0o022)  # a typical desktop umask: a plain handler would create 0644 files
    try:
        handler = PrivateRotatingFileHandler(tmp_path / "riskwatch.log", max_bytes=2_000, backups=2)
        log = logging.getLogger("riskwatch.test_rotation")
        log.propagate = False
        log.addHandler(handler)
        try:
            for i in range(400):  # ~40 kB through a 2 kB limit
                log.warning("order book of BTC unavailable, attempt %d", i)
        finally:
            log.removeHandler(handler)
            handler.close()
    finally:
        os.umask(old)
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["riskwatch.log", "riskwatch.log.1", "riskwatch.log.2"]
    assert sum((tmp_path / f).stat().st_size for f in files) < 3 * 2_100
    assert {f: stat.S_IMODE((tmp_path / f).stat().st_mode) for f in files} == dict.fromkeys(files, 0o600)
