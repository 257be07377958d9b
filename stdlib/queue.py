"""Synchronised queues for passing items between threads (FIFO, LIFO, priority, and the
unbounded SimpleQueue), written for gild following the documented `queue` API."""

import threading
from time import monotonic as _time

try:
    from collections import deque as _deque
except ImportError:        # collections not available yet: a two-stack FIFO
    class _deque:
        __slots__ = ('_front', '_back')

        def __init__(self):
            self._front = []     # reversed: the next item to leave is last
            self._back = []

        def append(self, item):
            self._back.append(item)

        def popleft(self):
            if not self._front:
                back = self._back
                back.reverse()
                self._front, self._back = back, []
            return self._front.pop()

        def __len__(self):
            return len(self._front) + len(self._back)

try:
    from heapq import heappush as _heappush, heappop as _heappop
except ImportError:        # heapq not available yet: keep the list sorted, largest first
    def _heappush(items, item):
        lo, hi = 0, len(items)
        while lo < hi:
            mid = (lo + hi) // 2
            if item < items[mid]:
                lo = mid + 1
            else:
                hi = mid
        items.insert(lo, item)

    def _heappop(items):
        return items.pop()

__all__ = ['Empty', 'Full', 'Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue']


from _queue import Empty, Full, _QueueCore, _queue_put, _queue_get


def _wait(cond, ready, block, timeout, failure):
    """With `cond` held, wait until `ready()`: raise `failure` if not blocking or when
    `timeout` seconds pass first."""
    if not block:
        if not ready():
            raise failure
    elif timeout is None:
        while not ready():
            cond.wait()
    elif timeout < 0:
        raise ValueError("'timeout' must be a non-negative number")
    else:
        deadline = _time() + timeout
        while not ready():
            left = deadline - _time()
            if left <= 0.0:
                raise failure
            cond.wait(left)


class Queue:
    """A FIFO queue; `maxsize` <= 0 means unbounded.

    `put`, `get` and `qsize` run natively (`_queue._QueueCore`) over this object's
    `mutex`, conditions, `maxsize`, `unfinished_tasks` and storage hooks. A plain Queue
    keeps its items in a native FIFO until `queue` is first read, which turns them into
    the usual `deque`."""

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        cls = type(self)
        native = (cls._init is Queue._init and cls._qsize is Queue._qsize
                  and cls._put is Queue._put and cls._get is Queue._get)
        self._queue = None
        if not native:
            self._init(maxsize)
        # One mutex shared by three conditions.
        self.mutex = threading.Lock()
        self.not_empty = threading.Condition(self.mutex)
        self.not_full = threading.Condition(self.mutex)
        self.all_tasks_done = threading.Condition(self.mutex)
        self.unfinished_tasks = 0
        self._core = _QueueCore(self.mutex, self.not_empty._waiters, self.not_full._waiters, native)

    @property
    def queue(self):
        if self._queue is None:
            items = self._core.detach()
            self._queue = _deque() if items is None else _deque(items)
        return self._queue

    @queue.setter
    def queue(self, value):
        core = getattr(self, '_core', None)
        if core is not None:
            core.detach()
        self._queue = value

    def task_done(self):
        """Mark one fetched item as processed (for join())."""
        with self.all_tasks_done:
            left = self.unfinished_tasks - 1
            if left < 0:
                raise ValueError('task_done() called too many times')
            if left == 0:
                self.all_tasks_done.notify_all()
            self.unfinished_tasks = left

    def join(self):
        """Block until every item put has been marked done."""
        with self.all_tasks_done:
            while self.unfinished_tasks:
                self.all_tasks_done.wait()

    def qsize(self):
        with self.mutex:
            return self._core.qsize(self)

    def empty(self):
        with self.mutex:
            return not self._core.qsize(self)

    def full(self):
        with self.mutex:
            return 0 < self.maxsize <= self._core.qsize(self)

    # put(item, block=True, timeout=None) and get(block=True, timeout=None), native.
    put = _queue_put
    get = _queue_get

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(block=False)

    # Storage hooks, overridden by the other queue kinds.
    def _init(self, maxsize):
        self.queue = _deque()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()


class PriorityQueue(Queue):
    """Items leave lowest first (typically `(priority, data)` tuples)."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        _heappush(self.queue, item)

    def _get(self):
        return _heappop(self.queue)


class LifoQueue(Queue):
    """Items leave most recent first."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    """An unbounded FIFO queue without task tracking."""

    def __init__(self):
        self._items = _deque()
        self._ready = threading.Condition(threading.Lock())

    def put(self, item, block=True, timeout=None):
        """Add `item` (never blocks; the arguments exist for compatibility with Queue)."""
        with self._ready:
            self._items.append(item)
            self._ready.notify()

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get(self, block=True, timeout=None):
        """Remove and return the next item, waiting for one if needed."""
        if timeout is not None and timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        with self._ready:
            if not len(self._items):
                _wait(self._ready, self._items.__len__, block, timeout, Empty)
            return self._items.popleft()

    def get_nowait(self):
        return self.get(block=False)

    def empty(self):
        return len(self._items) == 0

    def qsize(self):
        return len(self._items)
