"""Wall-clock helpers the benchmark scripts share (imported from the script's own folder)."""

from __future__ import annotations

import time


def best(fn, repeat: int) -> float:
    """The best of ``repeat`` wall times of ``fn()``."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def pair(ours, peer, repeat: int) -> tuple[float, float]:
    """Best times of two functions run alternately, so a load change on the machine hits both alike."""
    a, b = [], []
    for _ in range(repeat):
        for fn, out in ((ours, a), (peer, b)):
            t0 = time.perf_counter()
            fn()
            out.append(time.perf_counter() - t0)
    return min(a), min(b)
