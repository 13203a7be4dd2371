"""gui/ops.py: work off the GUI thread, callbacks on it, and never for a parent that is gone."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from riskwatch.adapters.loop_thread import LoopThread
from riskwatch.gui.ops import Op, OpRunner, ShowFailure


@pytest.fixture
def loop():
    lt = LoopThread().start()
    yield lt
    lt.stop()


@pytest.fixture
def runner(qapp, loop):
    r = OpRunner(loop)
    yield r
    r.close()


def test_a_function_runs_in_a_worker_and_the_callback_in_the_gui_thread(qtbot, runner):
    parent = QWidget()
    qtbot.addWidget(parent)
    gui = threading.get_ident()
    got = []
    runner.query(parent, lambda: threading.get_ident(), lambda worker: got.append((worker, threading.get_ident())))
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert got[0][0] != gui and got[0][1] == gui


def test_a_coroutine_runs_on_the_loop_thread(qtbot, runner):
    parent = QWidget()
    qtbot.addWidget(parent)
    got = []

    async def work():
        return threading.current_thread().name

    runner.query(parent, work(), got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert got == ["riskwatch-loop"]


def test_a_failure_without_a_callback_goes_to_the_status_bar_or_a_message_box(qtbot, runner, monkeypatch):
    window = QMainWindow()
    qtbot.addWidget(window)

    def fail():
        raise ValueError("the store is locked")

    runner.query(window, fail)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "the store is locked", timeout=5000)
    boxes = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: boxes.append((parent, text)))
    runner.run(Op(window, fail, show_failure=ShowFailure.MESSAGE_BOX))
    qtbot.waitUntil(lambda: bool(boxes), timeout=5000)
    assert boxes == [(window, "the store is locked")]


def test_a_failure_callback_gets_the_exception(qtbot, runner):
    parent = QWidget()
    qtbot.addWidget(parent)
    got = []

    def fail():
        raise KeyError("BTC")

    runner.query(parent, fail, got.append, failure=lambda exc: got.append(type(exc)))
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert got == [KeyError]


def test_no_callback_runs_for_a_parent_deleted_before_the_work_finished(qtbot, runner):
    release = threading.Event()
    done_in_worker = threading.Event()
    called = []

    def slow():
        release.wait(10)
        done_in_worker.set()
        return 42

    parent = QWidget()
    handle = runner.run(Op(parent, slow, called.append, lambda exc: called.append(exc)))
    assert runner.pending == 1
    shiboken6.delete(parent)                    # the dialog is closed and deleted while the work runs
    assert runner.pending == 0                  # its callbacks went with it
    with qtbot.waitSignal(runner._delivered, timeout=5000):  # the result did arrive in the GUI thread …
        release.set()
    assert done_in_worker.is_set() and handle.done()
    assert called == []                         # … and was dropped


def test_a_coroutine_of_a_deleted_parent_is_cancelled(qtbot, runner):
    import asyncio

    started = threading.Event()
    called = []

    async def forever():
        started.set()
        await asyncio.sleep(30)

    parent = QWidget()
    handle = runner.query(parent, forever(), called.append)
    assert started.wait(5)
    shiboken6.delete(parent)
    qtbot.waitUntil(handle.done, timeout=5000)
    assert handle.future.cancelled() and called == []


def test_progress_arrives_in_the_gui_thread_and_cancel_stops_the_work(qtbot, runner):
    parent = QWidget()
    qtbot.addWidget(parent)
    gui = threading.get_ident()
    seen, finished = [], []
    stopped = threading.Event()

    def work(progress):
        n = 0
        while not progress.cancelled:
            n += 1
            progress.report(n)
            threading.Event().wait(0.01)
        stopped.set()
        return n

    handle = runner.run(Op(parent, work, finished.append,
                           progress=lambda n: seen.append((n, threading.get_ident() == gui))))
    qtbot.waitUntil(lambda: len(seen) >= 3, timeout=5000)
    handle.cancel()
    qtbot.waitUntil(stopped.is_set, timeout=5000)
    assert all(in_gui for _n, in_gui in seen) and [n for n, _ in seen[:3]] == [1, 2, 3]
    qtbot.waitUntil(handle.done, timeout=5000)
    assert finished == []                       # a cancelled op reports nothing


def test_a_coroutine_without_a_loop_is_refused(qapp):
    r = OpRunner()
    parent = QWidget()

    async def work():
        return 1

    with pytest.raises(RuntimeError):
        r.query(parent, work())
    assert r.pending == 0
