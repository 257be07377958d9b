"""Thread objects and synchronisation primitives, written for gild over the native
`_thread` module (following the documented `threading` API of Python 3.11).

Blocking waits all end in `_thread` lock acquisitions, which release the GIL.
"""

import sys as _sys
import _thread
from time import monotonic as _time

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread',
           'enumerate', 'main_thread', 'TIMEOUT_MAX', 'Event', 'Lock', 'RLock',
           'Semaphore', 'BoundedSemaphore', 'Thread', 'Barrier',
           'BrokenBarrierError', 'Timer', 'ThreadError', 'ExceptHookArgs',
           'setprofile', 'settrace', 'local', 'stack_size', 'excepthook',
           'get_native_id', 'getprofile', 'gettrace']

try:
    import _gil
    _name_thread = _gil._set_thread_name
except ImportError:          # another interpreter: no observable GIL
    def _name_thread(name):
        pass

_start_thread = _thread._start
_allocate_lock = _thread.allocate_lock
get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
ThreadError = _thread.error
TIMEOUT_MAX = _thread.TIMEOUT_MAX
Lock = _thread.allocate_lock
_CRLock = _thread.RLock
ExceptHookArgs = _thread._ExceptHookArgs
excepthook = __excepthook__ = _thread._excepthook
stack_size = _thread.stack_size
try:
    _cond_wait = _thread._cond_wait
    _cond_notify = _thread._cond_notify
except AttributeError:       # not gild: no native condition path
    _cond_wait = _cond_notify = None

_trace_hook = None
_profile_hook = None


def settrace(func):
    """Set a trace function for threads started from now on."""
    global _trace_hook
    _trace_hook = func


def gettrace():
    return _trace_hook


def setprofile(func):
    """Set a profile function for threads started from now on."""
    global _profile_hook
    _profile_hook = func


def getprofile():
    return _profile_hook


def RLock(*args, **kwargs):
    """A reentrant lock: the owning thread may acquire it again."""
    return _CRLock(*args, **kwargs)


# ---- Condition ---------------------------------------------------------------

class Condition:
    """A condition variable over a lock (an RLock unless one is given)."""

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        for name in ('_release_save', '_acquire_restore', '_is_owned'):
            method = getattr(lock, name, None)
            if method is not None:
                setattr(self, name, method)
        self._waiters = []
        # A `_thread` lock takes gild's native wait/notify path.
        self._native = _cond_wait is not None and (type(lock) is _thread.LockType or type(lock) is _CRLock)

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *exc):
        return self._lock.__exit__(*exc)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    # Fallbacks for plain locks (an RLock provides its own).
    def _release_save(self):
        self._lock.release()

    def _acquire_restore(self, state):
        self._lock.acquire()

    def _is_owned(self):
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        """Release the lock, block until notified or `timeout` passes, re-acquire.
        Returns False only on timeout."""
        if self._native:
            return _cond_wait(self._lock, self._waiters, timeout)
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        gate = _allocate_lock()
        gate.acquire()
        self._waiters.append(gate)
        state = self._release_save()
        notified = False
        try:
            if timeout is None:
                gate.acquire()
                notified = True
            elif timeout > 0:
                notified = gate.acquire(True, timeout)
            else:
                notified = gate.acquire(False)
            return notified
        finally:
            self._acquire_restore(state)
            if not notified:
                try:
                    self._waiters.remove(gate)
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        """Wait until `predicate()` is true (or `timeout` passes); return its last value."""
        deadline = None
        remaining = timeout
        result = predicate()
        while not result:
            if remaining is not None:
                if deadline is None:
                    deadline = _time() + remaining
                else:
                    remaining = deadline - _time()
                    if remaining <= 0:
                        break
            self.wait(remaining)
            result = predicate()
        return result

    def notify(self, n=1):
        """Wake up to `n` threads waiting on this condition."""
        if self._native:
            return _cond_notify(self._lock, self._waiters, n)
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        # Counted down as a number, so that any n comparable with 0 works (1.5 wakes two).
        waiters = self._waiters
        while waiters and n > 0:
            waiters.pop(0).release()
            n -= 1

    def notify_all(self):
        """Wake every waiting thread."""
        self.notify(len(self._waiters))

    def notifyAll(self):
        self.notify_all()


# ---- Semaphores --------------------------------------------------------------

class Semaphore:
    """A counter decremented by acquire() (blocking at zero) and incremented by release()."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        cls = self.__class__
        return "<%s.%s at %#x: value=%d>" % (cls.__module__, cls.__qualname__, id(self), self._value)

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        deadline = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    return False
                if timeout is not None:
                    if deadline is None:
                        deadline = _time() + timeout
                    else:
                        timeout = deadline - _time()
                        if timeout <= 0:
                            return False
                self._cond.wait(timeout)
            self._value -= 1
            return True

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            self._value += n
            for _ in range(n):
                self._cond.notify()

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A semaphore that refuses to be released above its initial value."""

    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def __repr__(self):
        cls = self.__class__
        return "<%s.%s at %#x: value=%d/%d>" % (cls.__module__, cls.__qualname__, id(self),
                                                self._value, self._initial_value)

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            for _ in range(n):
                self._cond.notify()


# ---- Event -------------------------------------------------------------------

class Event(_thread._Event):
    """A flag that threads can wait for. `set`, `clear`, `is_set` and `wait(timeout=None)`
    are native (`_thread._Event`): a waiter blocks on the event itself, without the GIL."""

    def __init__(self):
        pass

    def __repr__(self):
        cls = self.__class__
        status = 'set' if self.is_set() else 'unset'
        return "<%s.%s at %#x: %s>" % (cls.__module__, cls.__qualname__, id(self), status)

    @property
    def _flag(self):
        return self.is_set()

    def isSet(self):
        import warnings
        warnings.warn('isSet() is deprecated, use is_set() instead', DeprecationWarning, stacklevel=2)
        return self.is_set()


# ---- Barrier -----------------------------------------------------------------

class BrokenBarrierError(RuntimeError):
    pass


_FILLING, _DRAINING, _RESETTING, _BROKEN = 0, 1, -1, -2


class Barrier:
    """`parties` threads wait until all have arrived, then are released together."""

    def __init__(self, parties, action=None, timeout=None):
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = _FILLING
        self._count = 0

    def __repr__(self):
        cls = self.__class__
        if self.broken:
            return "<%s.%s at %#x: broken>" % (cls.__module__, cls.__qualname__, id(self))
        return "<%s.%s at %#x: waiters=%d/%d>" % (cls.__module__, cls.__qualname__, id(self),
                                                  self.n_waiting, self.parties)

    def wait(self, timeout=None):
        """Wait for the others; returns this thread's arrival index (0 .. parties-1)."""
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            # Threads of the previous cycle must leave before a new one starts.
            while self._state in (_DRAINING, _RESETTING):
                if not self._cond.wait_for(lambda: self._state not in (_DRAINING, _RESETTING), timeout):
                    self._break()
                    raise BrokenBarrierError
            if self._state == _BROKEN:
                raise BrokenBarrierError
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._trip()
                else:
                    self._await_trip(timeout)
                return index
            finally:
                self._count -= 1
                if self._count == 0 and self._state in (_DRAINING, _RESETTING):
                    self._state = _FILLING
                    self._cond.notify_all()

    def _trip(self):
        try:
            if self._action:
                self._action()
            self._state = _DRAINING
            self._cond.notify_all()
        except:
            self._break()
            raise

    def _await_trip(self, timeout):
        if not self._cond.wait_for(lambda: self._state != _FILLING, timeout):
            self._break()
            raise BrokenBarrierError
        if self._state < 0:
            raise BrokenBarrierError

    def reset(self):
        """Return the barrier to its initial state; current waiters get BrokenBarrierError."""
        with self._cond:
            if self._count > 0:
                if self._state == _FILLING:
                    self._state = _RESETTING
                elif self._state == _BROKEN:
                    self._state = _RESETTING
            else:
                self._state = _FILLING
            self._cond.notify_all()

    def abort(self):
        """Break the barrier: waiting and future calls raise BrokenBarrierError."""
        with self._cond:
            self._break()

    def _break(self):
        self._state = _BROKEN
        self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        if self._state == _FILLING:
            return self._count
        return 0

    @property
    def broken(self):
        return self._state == _BROKEN


# ---- Thread ------------------------------------------------------------------

_registry_lock = _allocate_lock()
_active = {}        # ident -> Thread, for running threads
_dangling = set()
_name_counter = 0
_shutting_down = False
_atexit_calls = []


def _new_name(template):
    global _name_counter
    with _registry_lock:
        _name_counter += 1
        return template % _name_counter


class Thread:
    """A thread of control: `target(*args, **kwargs)` or an overridden `run()`."""

    _initialized = False

    def __init__(self, group=None, target=None, name=None,
                 args=(), kwargs=None, *, daemon=None):
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _new_name("Thread-%d")
            if target is not None:
                target_name = getattr(target, '__name__', None)
                if target_name is not None:
                    name += " (%s)" % target_name
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            self._daemonic = bool(daemon)
        else:
            self._daemonic = current_thread().daemon
        self._ident = None
        self._native_id = None
        self._started_flag = False
        self._finished = _allocate_lock()   # held while the thread runs
        self._is_stopped = False
        self._initialized = True
        self._stderr = _sys.stderr

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        status = "initial"
        if self._started_flag:
            status = "started"
        if self._is_stopped or (self._started_flag and not self.is_alive()):
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):
        """Start the thread's activity; at most once per Thread object."""
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started_flag:
            raise RuntimeError("threads can only be started once")
        self._finished.acquire()
        # The new thread is registered here, before start() returns, without waiting for
        # it to run; it takes `_registry_lock` before anything else, so it cannot run
        # ahead of its registration even if the GIL switches meanwhile.
        with _registry_lock:
            try:
                self._ident, self._native_id = _start_thread(self._bootstrap, self._name)
            except Exception:
                self._finished.release()
                raise
            self._started_flag = True
            _active[self._ident] = self

    def run(self):
        """The thread's activity: calls the target. Subclasses may override it."""
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            del self._target, self._args, self._kwargs

    def _bootstrap(self):
        try:
            with _registry_lock:
                pass            # start() has registered this thread
            if _trace_hook is not None and hasattr(_sys, 'settrace'):
                _sys.settrace(_trace_hook)
            if _profile_hook is not None and hasattr(_sys, 'setprofile'):
                _sys.setprofile(_profile_hook)
            try:
                self.run()
            except:
                self._report(*_sys.exc_info())
        finally:
            self._finish()

    def _report(self, exc_type, exc_value, exc_tb):
        try:
            excepthook(ExceptHookArgs((exc_type, exc_value, exc_tb, self)))
        except BaseException as hook_error:
            # The hook itself failed: fall back to sys.excepthook for its error.
            hook = getattr(_sys, 'excepthook', None)
            if hook is not None:
                hook(type(hook_error), hook_error, hook_error.__traceback__)
        finally:
            exc_type = exc_value = exc_tb = None

    def _finish(self):
        with _registry_lock:
            _active.pop(self._ident, None)
        self._is_stopped = True
        self._finished.release()

    def join(self, timeout=None):
        """Wait until the thread ends (or `timeout` seconds pass)."""
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started_flag:
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if self._is_stopped:
            return
        if timeout is None:
            if self._finished.acquire():
                self._finished.release()
        else:
            if timeout < 0:
                timeout = 0
            if self._finished.acquire(True, timeout):
                self._finished.release()

    @property
    def name(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._name

    @name.setter
    def name(self, name):
        assert self._initialized, "Thread.__init__() not called"
        self._name = str(name)
        if self._ident is not None and self._ident == get_ident():
            _name_thread(self._name)

    @property
    def ident(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._ident

    @property
    def native_id(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._native_id

    def is_alive(self):
        """True from just before run() starts until just after it ends."""
        assert self._initialized, "Thread.__init__() not called"
        return self._started_flag and not self._is_stopped

    @property
    def daemon(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started_flag:
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        return self.daemon

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def getName(self):
        return self.name

    def setName(self, name):
        self.name = name


class Timer(Thread):
    """Call `function(*args, **kwargs)` after `interval` seconds unless cancelled."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        """Stop the timer if it has not fired yet."""
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class _MainThread(Thread):
    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._started_flag = True
        self._ident = get_ident()
        self._native_id = get_native_id()
        self._finished.acquire()
        with _registry_lock:
            _active[self._ident] = self


class _DummyThread(Thread):
    """Stands for a thread not started by this module (always alive, daemonic)."""

    def __init__(self):
        Thread.__init__(self, name=_new_name("Dummy-%d"), daemon=True)
        self._started_flag = True
        self._ident = get_ident()
        self._native_id = get_native_id()
        with _registry_lock:
            _active[self._ident] = self

    def is_alive(self):
        return True

    def join(self, timeout=None):
        raise RuntimeError("cannot join a dummy thread")


def current_thread():
    """The Thread object of the calling thread."""
    try:
        return _active[get_ident()]
    except KeyError:
        return _DummyThread()


currentThread = current_thread


def main_thread():
    return _main_thread


def active_count():
    """The number of Thread objects currently alive."""
    with _registry_lock:
        return len(_active)


activeCount = active_count


def enumerate():
    """The Thread objects currently alive (including daemonic and dummy ones)."""
    with _registry_lock:
        return list(_active.values())


def _register_atexit(func, *args, **kwargs):
    """Call `func` when the interpreter shuts down, before non-daemon threads are joined."""
    if _shutting_down:
        raise RuntimeError("can't register atexit after shutdown")
    _atexit_calls.append((func, args, kwargs))


def _shutdown():
    """Called by the interpreter at exit: wait for all non-daemon threads."""
    global _shutting_down
    if _main_thread._is_stopped:
        return
    _shutting_down = True
    for func, args, kwargs in reversed(_atexit_calls):
        func(*args, **kwargs)
    _main_thread._is_stopped = True
    _main_thread._finished.release()
    me = get_ident()
    while True:
        with _registry_lock:
            pending = [t for t in _active.values()
                       if not t._daemonic and t._ident != me and not isinstance(t, _DummyThread)]
        if not pending:
            return
        for t in pending:
            t.join()


# ---- thread-local data -------------------------------------------------------

from _thread import _local

local = _local

_main_thread = _MainThread()
