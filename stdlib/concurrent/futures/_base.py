"""Futures, the Executor interface, `wait` and `as_completed` (gild's implementation of the
documented `concurrent.futures` API)."""

import threading
import time

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'
_AS_COMPLETED = '_AS_COMPLETED'

PENDING = 'PENDING'
RUNNING = 'RUNNING'
CANCELLED = 'CANCELLED'
CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED'
FINISHED = 'FINISHED'

_STATE_TO_DESCRIPTION_MAP = {
    PENDING: "pending",
    RUNNING: "running",
    CANCELLED: "cancelled",
    CANCELLED_AND_NOTIFIED: "cancelled",
    FINISHED: "finished",
}


class Error(Exception):
    """Base class for the module's exceptions."""


class CancelledError(Error):
    """The future was cancelled."""


TimeoutError = TimeoutError


class InvalidStateError(Error):
    """The operation is not allowed in the future's current state."""


class BrokenExecutor(RuntimeError):
    """The executor can no longer run work."""


class _Waiter:
    """Collects futures as they finish, for `wait` and `as_completed`."""

    def __init__(self, mode, pending_count=0):
        self.mode = mode
        self.pending_count = pending_count    # for ALL_COMPLETED / FIRST_EXCEPTION
        self.event = threading.Event()
        self.lock = threading.Lock()
        self.finished_futures = []

    def _arrived(self, future, failed):
        with self.lock:
            self.finished_futures.append(future)
            if self.mode in (FIRST_COMPLETED, _AS_COMPLETED):
                self.event.set()
                return
            self.pending_count -= 1
            if (self.mode == FIRST_EXCEPTION and failed) or self.pending_count <= 0:
                self.event.set()

    def add_result(self, future):
        self._arrived(future, False)

    def add_exception(self, future):
        self._arrived(future, True)

    def add_cancelled(self, future):
        self._arrived(future, self.mode == FIRST_EXCEPTION)

    def take_finished(self):
        with self.lock:
            got = self.finished_futures
            self.finished_futures = []
            if self.mode == _AS_COMPLETED:
                self.event.clear()
            return got


class Future:
    """The eventual result of an asynchronous call."""

    def __init__(self):
        self._condition = threading.Condition()
        self._state = PENDING
        self._result = None
        self._exception = None
        self._waiters = []
        self._done_callbacks = []

    def _invoke_callbacks(self):
        for callback in self._done_callbacks:
            try:
                callback(self)
            except Exception as exc:
                _log_callback_error(self, exc)

    def __repr__(self):
        with self._condition:
            desc = _STATE_TO_DESCRIPTION_MAP[self._state]
            if self._state == FINISHED:
                if self._exception is not None:
                    return '<%s at %#x state=%s raised %s>' % (
                        self.__class__.__name__, id(self), desc, self._exception.__class__.__name__)
                return '<%s at %#x state=%s returned %s>' % (
                    self.__class__.__name__, id(self), desc, self._result.__class__.__name__)
            return '<%s at %#x state=%s>' % (self.__class__.__name__, id(self), desc)

    def cancel(self):
        """Cancel unless running or finished; True if the future is now cancelled."""
        with self._condition:
            if self._state in (RUNNING, FINISHED):
                return False
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                return True
            self._state = CANCELLED
            self._condition.notify_all()
        self._invoke_callbacks()
        return True

    def cancelled(self):
        with self._condition:
            return self._state in (CANCELLED, CANCELLED_AND_NOTIFIED)

    def running(self):
        with self._condition:
            return self._state == RUNNING

    def done(self):
        with self._condition:
            return self._state in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED)

    def _outcome(self):
        if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
            raise CancelledError()
        if self._exception is not None:
            try:
                raise self._exception
            finally:
                self = None
        return self._result

    def _wait_done(self, timeout):
        if self._state not in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED):
            self._condition.wait(timeout)
        return self._state in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED)

    def result(self, timeout=None):
        """The call's return value (re-raising its exception), waiting up to `timeout`."""
        try:
            with self._condition:
                if not self._wait_done(timeout):
                    raise TimeoutError()
                return self._outcome()
        finally:
            self = None

    def exception(self, timeout=None):
        """The call's exception (None if it returned), waiting up to `timeout`."""
        with self._condition:
            if not self._wait_done(timeout):
                raise TimeoutError()
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                raise CancelledError()
            return self._exception

    def add_done_callback(self, fn):
        """Call `fn(future)` when the future finishes (now, if it already has)."""
        with self._condition:
            if self._state not in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED):
                self._done_callbacks.append(fn)
                return
        try:
            fn(self)
        except Exception as exc:
            _log_callback_error(self, exc)

    def set_running_or_notify_cancel(self):
        """For executors: mark running (True) or, if cancelled, notify waiters (False)."""
        with self._condition:
            if self._state == CANCELLED:
                self._state = CANCELLED_AND_NOTIFIED
                for waiter in self._waiters:
                    waiter.add_cancelled(self)
                return False
            if self._state == PENDING:
                self._state = RUNNING
                return True
            raise RuntimeError('Future in unexpected state')

    def _finish(self, result, exception):
        with self._condition:
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED):
                raise InvalidStateError('{}: {!r}'.format(self._state, self))
            self._result = result
            self._exception = exception
            self._state = FINISHED
            for waiter in self._waiters:
                if exception is None:
                    waiter.add_result(self)
                else:
                    waiter.add_exception(self)
            self._condition.notify_all()
        self._invoke_callbacks()

    def set_result(self, result):
        self._finish(result, None)

    def set_exception(self, exception):
        self._finish(None, exception)


def _log_callback_error(future, exc):
    import sys
    sys.stderr.write('exception calling callback for %r\n' % (future,))
    try:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    except Exception:
        pass


class DoneAndNotDoneFutures(tuple):
    """`(done, not_done)` sets returned by `wait`."""

    def __new__(cls, done, not_done):
        return tuple.__new__(cls, (done, not_done))

    @property
    def done(self):
        return self[0]

    @property
    def not_done(self):
        return self[1]

    def __repr__(self):
        return 'DoneAndNotDoneFutures(done=%r, not_done=%r)' % (self[0], self[1])


def _finished_split(fs):
    done = set()
    not_done = set()
    for f in fs:
        if f._state in (CANCELLED_AND_NOTIFIED, FINISHED):
            done.add(f)
        else:
            not_done.add(f)
    return done, not_done


class _Watch:
    """Install a waiter on several futures (their conditions taken in a fixed order)."""

    def __init__(self, fs, waiter):
        self.fs = sorted(fs, key=id)
        self.waiter = waiter

    def __enter__(self):
        for f in self.fs:
            f._condition.acquire()
        return self

    def __exit__(self, *exc):
        for f in reversed(self.fs):
            f._condition.release()

    def remove(self):
        for f in self.fs:
            with f._condition:
                f._waiters.remove(self.waiter)


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the futures `fs`; returns `(done, not_done)` sets."""
    fs = set(fs)
    watch = _Watch(fs, None)
    with watch:
        done, not_done = _finished_split(fs)
        if return_when == FIRST_COMPLETED and done:
            return DoneAndNotDoneFutures(done, not_done)
        if return_when == FIRST_EXCEPTION and any(
                not f.cancelled() and f._exception is not None for f in done):
            return DoneAndNotDoneFutures(done, not_done)
        if not not_done:
            return DoneAndNotDoneFutures(done, not_done)
        if return_when == FIRST_COMPLETED:
            waiter = _Waiter(FIRST_COMPLETED)
        elif return_when in (FIRST_EXCEPTION, ALL_COMPLETED):
            waiter = _Waiter(return_when, len(not_done))
        else:
            raise ValueError("Invalid return condition: %r" % return_when)
        watch.waiter = waiter
        for f in fs:
            f._waiters.append(waiter)
    waiter.event.wait(timeout)
    watch.remove()
    done.update(waiter.take_finished())
    return DoneAndNotDoneFutures(done, fs - done)


def as_completed(fs, timeout=None):
    """Yield the futures of `fs` as they complete (finished or cancelled)."""
    end_time = None if timeout is None else timeout + time.monotonic()
    fs = set(fs)
    total = len(fs)
    watch = _Watch(fs, None)
    with watch:
        finished, pending = _finished_split(fs)
        waiter = _Waiter(_AS_COMPLETED)
        watch.waiter = waiter
        for f in fs:
            f._waiters.append(waiter)
    try:
        yield from finished
        while pending:
            if timeout is None:
                wait_for = None
            else:
                wait_for = end_time - time.monotonic()
                if wait_for < 0:
                    raise TimeoutError('%d (of %d) futures unfinished' % (len(pending), total))
            waiter.event.wait(wait_for)
            arrived = waiter.take_finished()
            for f in arrived:
                if f in pending:
                    pending.remove(f)
                    yield f
    finally:
        watch.remove()


class Executor:
    """Runs calls asynchronously; subclasses provide `submit`."""

    def submit(self, fn, /, *args, **kwargs):
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Like map(fn, *iterables), running the calls concurrently; results in order."""
        end_time = None if timeout is None else timeout + time.monotonic()
        futures = [self.submit(fn, *args) for args in zip(*iterables)]

        def results():
            try:
                futures.reverse()
                while futures:
                    if end_time is None:
                        yield futures.pop().result()
                    else:
                        yield futures.pop().result(end_time - time.monotonic())
            finally:
                for f in futures:
                    f.cancel()
        return results()

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False
