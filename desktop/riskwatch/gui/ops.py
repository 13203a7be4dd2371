"""The one way to run work off the GUI thread (after Anki's ``QueryOp``).

An :class:`Op` names a parent widget, the work (a coroutine, which runs on the app's loop thread, or a plain
function, which runs in a worker thread), and what happens afterwards: ``success(result)`` and
``failure(exc)`` run on the GUI thread. Without a failure callback the failure is shown to the user, in the
status bar of the parent's window or in a message box, as the op chooses. An op may report progress
(``progress(value)`` on the GUI thread) and can be cancelled through the :class:`OpHandle` it returns.

Callbacks never outlive their parent: when the parent is destroyed before the work finishes, its pending
callbacks are dropped (and the work cancelled where it can be). The callbacks stay on the GUI side, keyed by a
token, because a future lives on in another thread after it completed: if it held the last reference to a
bound method of a widget, that widget would be destroyed on that thread, which corrupts Qt.
"""

from __future__ import annotations

import concurrent.futures
import inspect
import itertools
import logging
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

log = logging.getLogger(__name__)


class ShowFailure(Enum):
    """Where an op without a failure callback shows its failure."""

    STATUS_BAR = "status"
    MESSAGE_BOX = "box"
    LOG = "log"  # background housekeeping the user did not ask for


class Progress:
    """Handed to work that asked for it (``Op.with_progress``): ``report(value)`` from the worker, read
    ``cancelled`` to stop early. Thread-safe."""

    def __init__(self, report: Callable[[Any], None]):
        self._report = report
        self._cancelled = threading.Event()

    def report(self, value: Any) -> None:
        self._report(value)

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()


@dataclass
class Op:
    """What to run and what to do afterwards. ``work``: a coroutine, or a function (with ``progress`` as its
    one argument when ``progress`` is set)."""

    parent: QObject
    work: Any
    success: Callable[[Any], Any] | None = None
    failure: Callable[[BaseException], Any] | None = None
    progress: Callable[[Any], Any] | None = None
    show_failure: ShowFailure = ShowFailure.STATUS_BAR
    failure_title: str = ""


@dataclass
class OpHandle:
    """A running op: ``cancel()`` drops its callbacks and stops the work where it can."""

    future: concurrent.futures.Future
    _runner: Any = field(repr=False)
    _token: int = field(repr=False)
    _progress: Progress | None = field(repr=False, default=None)

    def cancel(self) -> None:
        if self._progress is not None:
            self._progress._cancelled.set()
        self.future.cancel()
        runner = self._runner()
        if runner is not None:
            runner._drop(self._token)

    def done(self) -> bool:
        return self.future.done()


class OpRunner(QObject):
    """Runs ops; create it in the GUI thread (app.py) and hand it to whoever starts work.

    ``loop``: an object with ``submit(coro) -> concurrent.futures.Future`` (the LoopThread); it may be set
    later with :meth:`set_loop` (the loop thread starts after the first paint). Plain functions run in a
    small pool of worker threads owned here."""

    _delivered = Signal(int, object, object, bool)  # token, result, exception, cancelled
    _progressed = Signal(int, object)

    def __init__(self, loop: Any = None, *, workers: int = 2, parent: QObject | None = None):
        super().__init__(parent)
        self._loop = loop
        self._workers = workers
        self._pool: concurrent.futures.ThreadPoolExecutor | None = None
        self._tokens = itertools.count()
        self._pending: dict[int, Op] = {}
        self._futures: dict[int, concurrent.futures.Future] = {}
        self._delivered.connect(self._on_self_delivered)
        self._progressed.connect(self._on_self_progressed)

    def set_loop(self, loop: Any) -> None:
        self._loop = loop

    @property
    def has_loop(self) -> bool:
        return self._loop is not None

    @property
    def pending(self) -> int:
        return len(self._pending)

    def query(self, parent: QObject, work: Any, success: Callable[[Any], Any] | None = None, **kw: Any) -> OpHandle:
        """``run(Op(parent, work, success, ...))``."""
        return self.run(Op(parent, work, success, **kw))

    def bind(self, parent: QObject, *, show_failure: ShowFailure = ShowFailure.LOG
             ) -> Callable[..., concurrent.futures.Future]:
        """A ``run(work, on_done=None, on_error=None) -> Future`` callable whose callbacks belong to ``parent``
        (for widgets that take such a callable, e.g. the sync and API-key dialogs)."""
        ref = weakref.ref(self)

        def run(work: Any, on_done: Callable[[Any], Any] | None = None,
                on_error: Callable[[BaseException], Any] | None = None) -> concurrent.futures.Future:
            runner = ref()
            if runner is None:
                raise RuntimeError("the op runner is gone")
            return runner.run(Op(parent, work, on_done, on_error, show_failure=show_failure)).future

        return run

    def run(self, op: Op) -> OpHandle:
        token = next(self._tokens)
        emit, progress_emit = _weak_emitters(self, token)
        progress = Progress(progress_emit) if op.progress is not None else None
        self._pending[token] = op
        _watch_parent(self, op.parent)
        try:
            future = self._submit(op.work, progress)
        except BaseException:
            self._pending.pop(token, None)
            raise
        self._futures[token] = future

        def finished(f: concurrent.futures.Future) -> None:  # worker/loop thread: touches no GUI-side object
            if f.cancelled():
                emit(None, None, True)
                return
            exc = f.exception()
            emit(None if exc is not None else f.result(), exc, False)

        future.add_done_callback(finished)
        return OpHandle(future, weakref.ref(self), token, progress)

    def close(self) -> None:
        """Cancel what is pending and stop the worker threads (at application exit)."""
        for token in list(self._futures):
            self._futures[token].cancel()
        self._pending.clear()
        self._futures.clear()
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

    # -- internals ------------------------------------------------------------------------------------
    def _submit(self, work: Any, progress: Progress | None) -> concurrent.futures.Future:
        if inspect.iscoroutine(work):
            if self._loop is None:
                work.close()
                raise RuntimeError("no loop thread to run the coroutine on")
            return self._loop.submit(work)
        if not callable(work):
            raise TypeError(f"an op runs a coroutine or a function, not {type(work).__name__}")
        if self._pool is None:
            self._pool = concurrent.futures.ThreadPoolExecutor(self._workers, thread_name_prefix="riskwatch-op")
        return self._pool.submit(work, progress) if progress is not None else self._pool.submit(work)

    def _drop(self, token: int) -> None:
        self._pending.pop(token, None)
        self._futures.pop(token, None)

    def _drop_parent(self, parent_id: int) -> None:
        for token, op in list(self._pending.items()):
            if id(op.parent) == parent_id:
                future = self._futures.get(token)
                if future is not None:
                    future.cancel()
                self._drop(token)

    @Slot(int, object, object, bool)
    def _on_self_delivered(self, token: int, value: Any, error: Any, cancelled: bool) -> None:
        op = self._pending.pop(token, None)
        self._futures.pop(token, None)
        if op is None or cancelled or not _alive(op.parent):
            return
        try:
            if error is None:
                if op.success is not None:
                    op.success(value)
            elif op.failure is not None:
                op.failure(error)
            else:
                show_failure(op, error)
        except Exception:
            log.exception("GUI callback failed")

    @Slot(int, object)
    def _on_self_progressed(self, token: int, value: Any) -> None:
        op = self._pending.get(token)
        if op is None or op.progress is None or not _alive(op.parent):
            return
        try:
            op.progress(value)
        except Exception:
            log.exception("progress callback failed")


def show_failure(op: Op, error: BaseException) -> None:
    """Tell the user: the parent window's status bar, or a message box (or only the log)."""
    text = str(error) or type(error).__name__
    log.warning("background operation failed: %s", text, exc_info=error)
    if op.show_failure is ShowFailure.LOG:
        return
    window = op.parent.window() if isinstance(op.parent, QWidget) else None
    if op.show_failure is ShowFailure.STATUS_BAR and isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, 8000)
        return
    if window is None and op.show_failure is ShowFailure.STATUS_BAR:
        return  # no window to show it in: the log has it
    QMessageBox.warning(window, op.failure_title or "RiskWatch", text)


def _alive(obj: QObject) -> bool:
    try:
        return shiboken6.isValid(obj)
    except TypeError:  # not a Qt object: alive as long as someone holds it
        return True


def _watch_parent(runner: OpRunner, parent: QObject) -> None:
    """Drop the parent's callbacks as soon as it is destroyed (not only when the result arrives)."""
    if not isinstance(parent, QObject) or parent.property("_riskwatch_ops_watched"):
        return
    parent.setProperty("_riskwatch_ops_watched", True)
    ref = weakref.ref(runner)
    pid = id(parent)

    def on_destroyed(*_args: Any) -> None:
        r = ref()
        if r is not None and shiboken6.isValid(r):
            r._drop_parent(pid)

    parent.destroyed.connect(on_destroyed)


def _weak_emitters(runner: OpRunner, token: int) -> tuple[Callable[..., None], Callable[[Any], None]]:
    """The signal emitters without a strong reference to the runner (see the module docstring)."""
    ref = weakref.ref(runner)

    def emit(value: Any, error: Any, cancelled: bool) -> None:
        target = ref()
        if target is not None:
            try:
                target._delivered.emit(token, value, error, cancelled)
            except RuntimeError:  # the runner's C++ object is gone (application exit)
                pass

    def progress(value: Any) -> None:
        target = ref()
        if target is not None:
            try:
                target._progressed.emit(token, value)
            except RuntimeError:
                pass

    return emit, progress


__all__ = ["Op", "OpHandle", "OpRunner", "Progress", "ShowFailure", "show_failure"]
