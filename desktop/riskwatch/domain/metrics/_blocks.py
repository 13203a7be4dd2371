"""The blocked-scan engine under the window metrics (van Herk / Gil-Werman on the time grid of the data).

A (T, A) panel is laid out as (L, nb, A) blocks of L grid cells (``[i, b]`` = grid row ``b * L + i``) so a
prefix or suffix scan along axis 0 runs over wide rows instead of one long dependency chain per column. Long
panels are processed in time slabs of whole blocks (a few MB each), in scratch buffers that the calling thread
keeps for its next computation (:func:`_work`): fresh memory costs page faults on every call, reused memory does
not. Nothing here calls BLAS: its worker threads would spin on the second core after every call.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NamedTuple

import numpy as np


_LOOP_MIN_WIDTH = 256  # below this row width, ufunc.accumulate beats a Python loop over rows


def _to_blocks(x: np.ndarray, L: int, fill: float, g: np.ndarray | None = None, G: int | None = None,
               work: _Work | None = None, name: str = "B") -> np.ndarray:
    """(T, A) -> (L, nb, A) with [i, b] = grid row b*L + i; grid rows are ``g`` (None: 0..T-1)."""
    T, A = x.shape
    G = T if G is None else G
    nb = -(-G // L)
    B = np.empty((L, nb, A)) if work is None else work.get(name, (L, nb, A))
    if g is not None:
        B.fill(fill)
        B[g % L, g // L] = x
        return B
    full = T // L
    if full:
        B[:, :full] = x[:full * L].reshape(full, L, A).transpose(1, 0, 2)
    if full < nb:
        rem = T - full * L
        B[:rem, full] = x[full * L:]
        B[rem:, full] = fill
    return B


class _Work:
    """Scratch buffers reused across slabs and calls: fresh memory costs page faults, reused memory does not."""

    def __init__(self) -> None:
        self._bufs: dict[str, np.ndarray] = {}

    def get(self, name: str, shape: tuple[int, ...]) -> np.ndarray:
        n = math.prod(shape)
        buf = self._bufs.get(name)
        if buf is None or buf.size < n:
            buf = self._bufs[name] = np.empty(n)
        return buf[:n].reshape(shape)

    @property
    def nbytes(self) -> int:
        return sum(b.nbytes for b in self._bufs.values())


_SCRATCH_KEEP = 64 << 20  # scratch bytes a thread keeps for its next computation
_scratch = threading.local()


@contextmanager
def _work() -> Iterator[_Work]:
    """Scratch for one computation, taken from (and given back to) the calling thread's cache.

    Slabs bound the scratch (a few MB per buffer) whatever the panel size; a nested computation gets its own.
    Nothing returned to a caller may be a scratch buffer.
    """
    work = getattr(_scratch, "work", None) or _Work()
    _scratch.work = None
    try:
        yield work
    finally:
        if work.nbytes <= _SCRATCH_KEEP:
            _scratch.work = work


def _scan(B: np.ndarray, op: np.ufunc, reverse: bool = False, out: np.ndarray | None = None) -> np.ndarray:
    """Prefix (or suffix) ``op``-scan along axis 0 of a blocked array; ``out`` may be ``B``."""
    out = np.empty_like(B) if out is None else out
    L = B.shape[0]
    if B[0].size < _LOOP_MIN_WIDTH or L <= 2:
        if reverse:
            op.accumulate(B[::-1], axis=0, out=out[::-1])
        else:
            op.accumulate(B, axis=0, out=out)
        return out
    rows_in, rows_out = list(B), list(out)
    if reverse:
        rows_in.reverse()
        rows_out.reverse()
    prev = rows_out[0]
    prev[...] = rows_in[0]
    for cur_in, cur_out in zip(rows_in[1:], rows_out[1:]):
        op(prev, cur_in, out=cur_out)
        prev = cur_out
    return out


def _running(x: np.ndarray, op: np.ufunc) -> np.ndarray:
    """``op.accumulate(x, axis=0)`` (single series and narrow panels; wide panels use the blocked engine)."""
    return op.accumulate(x, axis=0)


class _Grid(NamedTuple):
    k: int                  # window length in grid cells
    G: int                  # grid size
    g: np.ndarray | None    # grid row of each observation (None: the observations are the grid)


def _grid(t: np.ndarray, wns: int) -> _Grid | None:
    """Lay the timestamps on a regular grid (step = gcd of the spacings); None when too sparse."""
    T = len(t)
    if T < 2:
        return _Grid(1, T, None)
    d = np.diff(t)
    dmin = int(d.min())
    if dmin == int(d.max()):
        return _Grid(-(-wns // dmin), T, None)
    step = int(np.gcd.reduce(d))
    G = int((t[-1] - t[0]) // step) + 1
    if G > 4 * T + 1024:
        return None
    return _Grid(-(-wns // step), G, (t - t[0]) // step)


_SLAB_ELEMS = 1 << 20  # ~8 MB of blocked data per slab (fewer, wider scan rows); the scratch is kept per thread


class _Slab(NamedTuple):
    c0: int                # first block computed (one block before o0 except in the first slab)
    o0: int                # first block written
    o1: int                # end block
    rows: slice            # observation rows of blocks [c0, o1)
    out_rows: slice        # observation rows of blocks [o0, o1)
    g: np.ndarray | None   # grid cell of each row in ``rows`` relative to block c0 (None: regular)
    g_out: np.ndarray | None


def _slabs(T: int, A: int, L: int, grid: _Grid) -> list[_Slab]:
    """Time slabs of whole blocks for the van Herk scans; each overlaps the previous by one block."""
    nb = -(-grid.G // L)
    per = max(8, _SLAB_ELEMS // max(1, L * A))
    out, o0 = [], 0
    while o0 < nb:
        c0 = max(0, o0 - 1)
        o1 = min(nb, c0 + per)
        if grid.g is None:
            rows, orow = slice(c0 * L, min(o1 * L, T)), slice(o0 * L, min(o1 * L, T))
            out.append(_Slab(c0, o0, o1, rows, orow, None, None))
        else:
            r0, r1, q0 = np.searchsorted(grid.g, (c0 * L, o1 * L, o0 * L))
            gs = grid.g[r0:r1] - c0 * L
            out.append(_Slab(c0, o0, o1, slice(r0, r1), slice(q0, r1), gs, gs[q0 - r0:] - (o0 - c0) * L))
        o0 = o1
    return out


def _put(out: np.ndarray, R: np.ndarray, g: np.ndarray | None, op=np.subtract, arg=1.0) -> None:
    """out (rows, A) ← op(blocked R, arg), transposed back to time order (the op rides on the copy)."""
    T = out.shape[0]
    L = R.shape[0]
    if g is not None:
        gi, gb = g % L, g // L
        op(R[gi, gb], arg if np.ndim(arg) == 0 else arg[gi, gb], out=out)
        return
    full = T // L
    if full:
        view = np.reshape(out[:full * L], (full, L, out.shape[1]), copy=False)
        op(R[:, :full].transpose(1, 0, 2), arg if np.ndim(arg) == 0 else arg[:, :full].transpose(1, 0, 2), out=view)
    if full * L < T:
        op(R[:T - full * L, full], arg if np.ndim(arg) == 0 else arg[:T - full * L, full], out=out[full * L:])
