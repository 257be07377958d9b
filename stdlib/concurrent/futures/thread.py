"""ThreadPoolExecutor: runs submitted calls on a pool of worker threads (gild's
implementation of the documented `concurrent.futures` API)."""

import os
import queue
import threading

from . import _base

_pools = []                 # live executors, stopped at interpreter exit
_exiting = False
_exit_lock = threading.Lock()


def _at_exit():
    global _exiting
    with _exit_lock:
        _exiting = True
    for pool in list(_pools):
        pool._wake_workers()
    for pool in list(_pools):
        for t in list(pool._threads):
            t.join()


threading._register_atexit(_at_exit)


class BrokenThreadPool(_base.BrokenExecutor):
    """A worker's initializer failed: the pool cannot run work any more."""


class _WorkItem:
    __slots__ = ('future', 'fn', 'args', 'kwargs')

    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
            self = None
        else:
            self.future.set_result(result)


def _worker(pool, initializer, initargs):
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            import sys
            sys.stderr.write('Exception in initializer:\n')
            exc = sys.exc_info()[1]
            sys.excepthook(type(exc), exc, exc.__traceback__)
            pool._initializer_failed()
            return
    work = pool._work_queue
    while True:
        item = work.get(block=True)
        if item is not None:
            item.run()
            del item
            pool._idle.release()
            continue
        # None: wake-up to check for shutdown.
        if _exiting or pool._shutdown:
            pool._shutdown = True
            work.put(None)      # pass the wake-up on to the next worker
            return


class ThreadPoolExecutor(_base.Executor):
    """An executor running calls on up to `max_workers` threads."""

    _counter = 0

    def __init__(self, max_workers=None, thread_name_prefix='',
                 initializer=None, initargs=()):
        if max_workers is None:
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._work_queue = queue.SimpleQueue()
        self._idle = threading.Semaphore(0)
        self._threads = set()
        self._broken = False
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        ThreadPoolExecutor._counter += 1
        self._thread_name_prefix = thread_name_prefix or ("ThreadPoolExecutor-%d" % ThreadPoolExecutor._counter)
        self._initializer = initializer
        self._initargs = initargs
        _pools.append(self)

    def submit(self, fn, /, *args, **kwargs):
        """Schedule `fn(*args, **kwargs)`; returns its Future."""
        with self._shutdown_lock, _exit_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)
            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _exiting:
                raise RuntimeError('cannot schedule new futures after interpreter shutdown')
            future = _base.Future()
            self._work_queue.put(_WorkItem(future, fn, args, kwargs))
            self._add_worker_if_needed()
            return future

    def _add_worker_if_needed(self):
        if self._idle.acquire(timeout=0):
            return
        n = len(self._threads)
        if n < self._max_workers:
            t = threading.Thread(name='%s_%d' % (self._thread_name_prefix, n),
                                 target=_worker, args=(self, self._initializer, self._initargs))
            t.start()
            self._threads.add(t)

    def _initializer_failed(self):
        with self._shutdown_lock:
            self._broken = 'A thread initializer failed, the thread pool is not usable anymore'
            for item in self._drain():
                item.future.set_exception(BrokenThreadPool(self._broken))

    def _drain(self):
        """Remove and return the queued work items."""
        items = []
        while True:
            try:
                item = self._work_queue.get_nowait()
            except queue.Empty:
                return items
            if item is not None:
                items.append(item)

    def _wake_workers(self):
        self._work_queue.put(None)

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Stop accepting work; optionally cancel queued calls and wait for the workers."""
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                for item in self._drain():
                    item.future.cancel()
            self._work_queue.put(None)
        if wait:
            for t in list(self._threads):
                t.join()
        if self in _pools and (wait or not self._threads):
            _pools.remove(self)
