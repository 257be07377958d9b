"""Shallow and deep copies (Python 3.11's `copy`), written for gild from the documented
protocol: `__copy__`/`__deepcopy__`, then the `copyreg` table, then `__reduce_ex__(4)`
(or `__reduce__`); objects without either get the default `object` reduction.
"""

import types
import copyreg
from copyreg import dispatch_table

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error

# Values that are their own copy.
_ATOMIC = {
    type(None), int, float, bool, complex, str, bytes, tuple, frozenset, type, range, slice,
    types.BuiltinFunctionType, type(Ellipsis), type(NotImplemented), types.FunctionType,
    types.CodeType, property,
}
_DEEP_ATOMIC = _ATOMIC - {tuple, frozenset, slice}

_object_reduce_ex = getattr(object, "__reduce_ex__", None)
_object_reduce = getattr(object, "__reduce__", None)
_object_getstate = getattr(object, "__getstate__", None)

# Builtin bases whose value is the constructor argument of a subclass instance.
_VALUE_BASES = (int, float, complex, str, bytes, tuple)


def _default_state(obj):
    getstate = getattr(type(obj), "__getstate__", None)
    if getstate is not None and getstate is not _object_getstate:
        return obj.__getstate__()
    try:
        d = obj.__dict__
    except AttributeError:
        d = None
    state = dict(d) if d else None
    slotnames = copyreg._slotnames(type(obj))
    if slotnames:
        slots = {}
        for name in slotnames:
            try:
                slots[name] = getattr(obj, name)
            except AttributeError:
                pass
        if slots:
            return (state, slots)
    return state


def _default_reduce(obj):
    """What `object.__reduce_ex__(4)` answers for `obj`."""
    cls = type(obj)
    if cls.__module__ == "builtins" and cls not in (list, dict, set, bytearray, object):
        raise TypeError(f"cannot pickle '{cls.__name__}' object")
    state = _default_state(obj)
    if isinstance(obj, (set, frozenset)):
        return cls, (list(obj),), state
    listitems = iter(obj) if isinstance(obj, list) else None
    dictitems = iter(obj.items()) if isinstance(obj, dict) else None
    getnewargs_ex = getattr(cls, "__getnewargs_ex__", None)
    if getnewargs_ex is not None:
        args, kwargs = obj.__getnewargs_ex__()
        if kwargs:
            return copyreg.__newobj_ex__, (cls, tuple(args), dict(kwargs)), state, listitems, dictitems
    else:
        getnewargs = getattr(cls, "__getnewargs__", None)
        if getnewargs is not None:
            args = obj.__getnewargs__()
        else:
            args = ()
            for base in _VALUE_BASES:
                if isinstance(obj, base):
                    args = (base(obj),)
                    break
    return (copyreg.__newobj__, (cls,) + tuple(args), state, listitems, dictitems)


def _reduce(x, cls):
    reductor = dispatch_table.get(cls)
    if reductor is not None:
        return reductor(x)
    reductor = getattr(cls, "__reduce_ex__", None)
    if reductor is not None and reductor is not _object_reduce_ex:
        return x.__reduce_ex__(4)
    reductor = getattr(cls, "__reduce__", None)
    if reductor is not None and reductor is not _object_reduce:
        return x.__reduce__()
    return _default_reduce(x)


def copy(x):
    """A shallow copy of `x`."""
    cls = type(x)
    if cls in _ATOMIC or issubclass(cls, type):
        return x
    if cls in (list, dict, set, bytearray):
        return x.copy()
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    try:
        rv = _reduce(x, cls)
    except TypeError as e:
        if str(e).startswith("cannot pickle"):
            raise
        raise
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


def deepcopy(x, memo=None, _nil=[]):
    """A deep copy of `x`; `memo` maps ids of already copied objects to their copies."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _DEEP_ATOMIC or issubclass(cls, type):
        y = x
    elif cls is list:
        y = []
        memo[d] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is tuple:
        items = [deepcopy(item, memo) for item in x]
        # A tuple that contained itself (through a list) may have been copied meanwhile.
        if d in memo:
            return memo[d]
        if all(a is b for a, b in zip(items, x)):
            y = x
        else:
            y = tuple(items)
    elif cls is types.MethodType:
        y = cls(x.__func__, deepcopy(x.__self__, memo))
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None and not isinstance(x, type):
            y = copier(memo)
        else:
            rv = _reduce(x, cls)
            if isinstance(rv, str):
                y = x
            else:
                y = _reconstruct(x, memo, *rv)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    """Hold on to `x` in the memo so its id cannot be reused during this deepcopy."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None, *, deepcopy=deepcopy):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, "__setstate__"):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        if deep:
            for item in listiter:
                y.append(deepcopy(item, memo))
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
        else:
            for key, value in dictiter:
                y[key] = value
    return y
