"""Weak references (PEP 205) and the containers built on them.

The reference and proxy types come from the native `_weakref` module. This module adds
`WeakMethod` (a weak reference to a bound method that lives as long as both the object and
the function), the mappings `WeakValueDictionary` and `WeakKeyDictionary`, `WeakSet` (from
`_weakrefset`) and `finalize` (a callback run when an object dies or at interpreter exit).
"""

import sys

from _weakref import (
    getweakrefcount,
    getweakrefs,
    ref,
    proxy,
    CallableProxyType,
    ProxyType,
    ReferenceType,
    _remove_dead_weakref,
)
from _weakrefset import WeakSet, _IterationGuard

ProxyTypes = (ProxyType, CallableProxyType)

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs",
           "WeakKeyDictionary", "ReferenceType", "ProxyType",
           "CallableProxyType", "ProxyTypes", "WeakValueDictionary",
           "WeakSet", "WeakMethod", "finalize"]

_MISSING = object()


class WeakMethod(ref):
    """A weak reference to a bound method: calling it rebuilds the method while both its
    object and its function are alive, and returns None afterwards."""

    __slots__ = ("_func_ref", "_meth_type", "_alive", "__weakref__")

    def __new__(cls, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}"
                            .format(type(meth))) from None

        def _on_death(_dead, holder=None):
            me = me_ref()
            if me is not None and me._alive:
                # Whichever of the object and the function dies first fires the callback.
                me._alive = False
                if callback is not None:
                    callback(me)

        self = ref.__new__(cls, obj, _on_death)
        self._func_ref = ref(func, _on_death)
        self._meth_type = type(meth)
        self._alive = True
        me_ref = ref(self)
        return self

    def __call__(self):
        obj = super().__call__()
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return self._meth_type(func, obj)

    def __eq__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is other
            return ref.__eq__(self, other) and self._func_ref == other._func_ref
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is not other
            return ref.__ne__(self, other) or self._func_ref != other._func_ref
        return NotImplemented

    __hash__ = ref.__hash__


class KeyedRef(ref):
    """A weak reference that remembers the dictionary key it is stored under, so the
    callback knows which entry to delete."""

    __slots__ = ("key",)

    def __new__(cls, ob, callback, key):
        self = ref.__new__(cls, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


def _pairs(other, kwargs):
    """The (key, value) pairs of a mapping or iterable of pairs, then of `kwargs`."""
    if other is not None:
        if hasattr(other, "keys"):
            for k in other.keys():
                yield k, other[k]
        else:
            for k, v in other:
                yield k, v
    for k, v in kwargs.items():
        yield k, v


class WeakValueDictionary:
    """A mapping whose values are held weakly: an entry goes away when its value dies."""

    def __init__(self, other=(), /, **kw):
        def _value_died(wr, owner_ref=ref(self), _drop=_remove_dead_weakref):
            owner = owner_ref()
            if owner is None:
                return
            if owner._iterating:
                owner._pending_removals.append(wr.key)
            else:
                # Only delete the entry if it still holds this dead reference.
                _drop(owner.data, wr.key)

        self._remove = _value_died
        self._pending_removals = []
        self._iterating = set()
        self.data = {}
        self.update(other, **kw)

    def _commit_removals(self):
        pending = self._pending_removals
        data = self.data
        while pending:
            _remove_dead_weakref(data, pending.pop())

    def _flush(self):
        if self._pending_removals:
            self._commit_removals()

    def __getitem__(self, key):
        self._flush()
        obj = self.data[key]()
        if obj is None:
            raise KeyError(key)
        return obj

    def __delitem__(self, key):
        self._flush()
        del self.data[key]

    def __len__(self):
        self._flush()
        return len(self.data)

    def __contains__(self, key):
        self._flush()
        try:
            obj = self.data[key]()
        except KeyError:
            return False
        return obj is not None

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def __setitem__(self, key, value):
        self._flush()
        self.data[key] = KeyedRef(value, self._remove, key)

    def copy(self):
        self._flush()
        new = self.__class__()
        with _IterationGuard(self):
            for key, wr in self.data.items():
                obj = wr()
                if obj is not None:
                    new[key] = obj
        return new

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy
        self._flush()
        new = self.__class__()
        with _IterationGuard(self):
            for key, wr in self.data.items():
                obj = wr()
                if obj is not None:
                    new[deepcopy(key, memo)] = obj
        return new

    def get(self, key, default=None):
        self._flush()
        try:
            wr = self.data[key]
        except KeyError:
            return default
        obj = wr()
        return default if obj is None else obj

    def items(self):
        self._flush()
        with _IterationGuard(self):
            for k, wr in self.data.items():
                v = wr()
                if v is not None:
                    yield k, v

    def keys(self):
        self._flush()
        with _IterationGuard(self):
            for k, wr in self.data.items():
                if wr() is not None:
                    yield k

    __iter__ = keys

    def itervaluerefs(self):
        """Iterate over the weak references to the values (they may die meanwhile)."""
        self._flush()
        with _IterationGuard(self):
            yield from self.data.values()

    def valuerefs(self):
        """A list of the weak references to the values."""
        self._flush()
        return list(self.data.values())

    def values(self):
        self._flush()
        with _IterationGuard(self):
            for wr in self.data.values():
                obj = wr()
                if obj is not None:
                    yield obj

    def popitem(self):
        self._flush()
        while True:
            key, wr = self.data.popitem()
            obj = wr()
            if obj is not None:
                return key, obj

    def pop(self, key, *args):
        self._flush()
        try:
            obj = self.data.pop(key)()
        except KeyError:
            obj = None
        if obj is None:
            if args:
                return args[0]
            raise KeyError(key)
        return obj

    def setdefault(self, key, default=None):
        try:
            obj = self.data[key]()
        except KeyError:
            obj = None
        if obj is None:
            self._flush()
            self.data[key] = KeyedRef(default, self._remove, key)
            return default
        return obj

    def update(self, other=None, /, **kwargs):
        self._flush()
        data = self.data
        for key, value in _pairs(other, kwargs):
            data[key] = KeyedRef(value, self._remove, key)

    def clear(self):
        self._flush()
        self.data.clear()

    def __eq__(self, other):
        if not isinstance(other, (WeakValueDictionary, dict)):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__ = None

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if hasattr(other, "keys"):
            result = self.copy()
            result.update(other)
            return result
        return NotImplemented

    def __ror__(self, other):
        if hasattr(other, "keys"):
            result = self.__class__()
            result.update(other)
            result.update(self)
            return result
        return NotImplemented

    def __class_getitem__(cls, item):
        return cls


class WeakKeyDictionary:
    """A mapping whose keys are held weakly: an entry goes away when its key dies. Keys
    must be hashable and accept weak references."""

    def __init__(self, dict=None):
        self.data = {}

        def _key_died(wr, owner_ref=ref(self)):
            owner = owner_ref()
            if owner is None:
                return
            if owner._iterating:
                owner._pending_removals.append(wr)
            else:
                try:
                    del owner.data[wr]
                except KeyError:
                    pass

        self._remove = _key_died
        self._pending_removals = []
        self._iterating = set()
        self._dirty_len = False
        if dict is not None:
            self.update(dict)

    def _commit_removals(self):
        # The dead references can no longer be hashed by referent, but they kept their
        # hash, so deleting them by identity still finds them.
        pending = self._pending_removals
        data = self.data
        while pending:
            try:
                del data[pending.pop()]
            except KeyError:
                pass

    def _scrub_removals(self):
        live = self.data
        self._pending_removals = [k for k in self._pending_removals if k in live]
        self._dirty_len = False

    def __delitem__(self, key):
        self._dirty_len = True
        del self.data[ref(key)]

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __len__(self):
        if self._dirty_len and self._pending_removals:
            self._scrub_removals()
        return len(self.data) - len(self._pending_removals)

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def copy(self):
        new = self.__class__()
        with _IterationGuard(self):
            for wr, value in self.data.items():
                obj = wr()
                if obj is not None:
                    new[obj] = value
        return new

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy
        new = self.__class__()
        with _IterationGuard(self):
            for wr, value in self.data.items():
                obj = wr()
                if obj is not None:
                    new[obj] = deepcopy(value, memo)
        return new

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def items(self):
        with _IterationGuard(self):
            for wr, value in self.data.items():
                key = wr()
                if key is not None:
                    yield key, value

    def keys(self):
        with _IterationGuard(self):
            for wr in self.data:
                obj = wr()
                if obj is not None:
                    yield obj

    __iter__ = keys

    def values(self):
        with _IterationGuard(self):
            for wr, value in self.data.items():
                if wr() is not None:
                    yield value

    def keyrefs(self):
        """A list of the weak references to the keys."""
        return list(self.data)

    def popitem(self):
        self._dirty_len = True
        while True:
            wr, value = self.data.popitem()
            obj = wr()
            if obj is not None:
                return obj, value

    def pop(self, key, *args):
        self._dirty_len = True
        return self.data.pop(ref(key), *args)

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def update(self, dict=None, /, **kwargs):
        data = self.data
        for key, value in _pairs(dict, kwargs):
            data[ref(key, self._remove)] = value

    def clear(self):
        self.data.clear()
        self._pending_removals = []

    def __eq__(self, other):
        if not isinstance(other, (WeakKeyDictionary, dict)):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__ = None

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if hasattr(other, "keys"):
            result = self.copy()
            result.update(other)
            return result
        return NotImplemented

    def __ror__(self, other):
        if hasattr(other, "keys"):
            result = self.__class__()
            result.update(other)
            result.update(self)
            return result
        return NotImplemented

    def __class_getitem__(cls, item):
        return cls


class _FinalizerState:
    """What a `finalize` object will call, and when."""

    __slots__ = ("weakref", "func", "args", "kwargs", "atexit", "index")


class finalize:
    """finalize(obj, func, /, *args, **kwargs): call `func(*args, **kwargs)` once, when `obj`
    is garbage collected, when the finalizer is called, or at interpreter exit (if its
    `atexit` attribute is true, the default), whichever comes first.

    The finalizer holds `func`, `args` and `kwargs` strongly and `obj` weakly, so they must
    not refer to `obj` themselves or it never dies."""

    __slots__ = ()
    _registry = {}
    _shutdown = False
    _next_index = 0
    _dirty = False
    _registered_with_atexit = False

    def __init__(self, obj, func, /, *args, **kwargs):
        if not finalize._registered_with_atexit:
            import atexit
            atexit.register(finalize._exitfunc)
            finalize._registered_with_atexit = True
        state = _FinalizerState()
        state.weakref = ref(obj, self)
        state.func = func
        state.args = args
        state.kwargs = kwargs or None
        state.atexit = True
        state.index = finalize._next_index
        finalize._next_index += 1
        self._registry[self] = state
        finalize._dirty = True

    def __call__(self, _=None):
        """Run the callback now unless it already ran; returns its result (or None)."""
        state = self._registry.pop(self, None)
        if state is not None and not self._shutdown:
            return state.func(*state.args, **(state.kwargs or {}))

    def detach(self):
        """Unregister; returns (obj, func, args, kwargs) while still alive, else None."""
        state = self._registry.get(self)
        obj = state and state.weakref()
        if obj is not None and self._registry.pop(self, None):
            return (obj, state.func, state.args, state.kwargs or {})

    def peek(self):
        """(obj, func, args, kwargs) while alive, without unregistering; else None."""
        state = self._registry.get(self)
        obj = state and state.weakref()
        if obj is not None:
            return (obj, state.func, state.args, state.kwargs or {})

    @property
    def alive(self):
        """Whether the finalizer is still pending."""
        return self in self._registry

    @property
    def atexit(self):
        """Whether the callback runs at interpreter exit if the object is still alive."""
        state = self._registry.get(self)
        return bool(state) and state.atexit

    @atexit.setter
    def atexit(self, value):
        state = self._registry.get(self)
        if state:
            state.atexit = bool(value)

    def __repr__(self):
        state = self._registry.get(self)
        obj = state and state.weakref()
        if obj is None:
            return "<%s object at %#x; dead>" % (type(self).__name__, id(self))
        return "<%s object at %#x; for %r at %#x>" % (
            type(self).__name__, id(self), type(obj).__name__, id(obj))

    @classmethod
    def _select_for_exit(cls):
        # Pending finalizers marked for exit, newest first.
        chosen = [(f, s) for (f, s) in cls._registry.items() if s.atexit]
        chosen.sort(key=lambda item: item[1].index)
        return [f for (f, s) in chosen]

    @classmethod
    def _exitfunc(cls):
        # Run at interpreter exit, newest first; finalizers created while these run are
        # picked up too.
        reenable_gc = False
        try:
            if cls._registry:
                try:
                    import gc
                    if gc.isenabled():
                        reenable_gc = True
                        gc.disable()
                except ImportError:
                    gc = None
                pending = None
                while True:
                    if pending is None or finalize._dirty:
                        pending = cls._select_for_exit()
                        finalize._dirty = False
                    if not pending:
                        break
                    f = pending.pop()
                    try:
                        f()
                    except Exception:
                        sys.excepthook(*sys.exc_info())
                    assert f not in cls._registry
        finally:
            finalize._shutdown = True
            if reenable_gc:
                gc.enable()
