"""Higher-order functions and operations on callables (Python 3.11's `functools`),
written for gild from the documented behaviour.
"""

__all__ = [
    "update_wrapper", "wraps", "WRAPPER_ASSIGNMENTS", "WRAPPER_UPDATES", "total_ordering",
    "cache", "cmp_to_key", "lru_cache", "reduce", "partial", "partialmethod",
    "singledispatch", "singledispatchmethod", "cached_property",
]

from reprlib import recursive_repr as _recursive_repr
from collections import namedtuple as _namedtuple

WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__", "__annotations__")
WRAPPER_UPDATES = ("__dict__",)

_MISSING = object()


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Make `wrapper` look like `wrapped` (name, doc, ...) and point `__wrapped__` at it."""
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            continue
        setattr(wrapper, attr, value)
    for attr in updated:
        getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
    # Set last, so a `__wrapped__` copied from `wrapped.__dict__` is replaced.
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator form of `update_wrapper`."""
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


################################################################################
### total_ordering
################################################################################

def _derive(base, combine):
    def method(self, other):
        result = getattr(type(self), base)(self, other)
        if result is NotImplemented:
            return result
        return combine(self, other, result)
    return method


# For each root operation: the three derived ones, from the root's result `r`.
_ORDER_RULES = {
    "__lt__": {
        "__gt__": lambda s, o, r: not r and s != o,
        "__le__": lambda s, o, r: r or s == o,
        "__ge__": lambda s, o, r: not r,
    },
    "__le__": {
        "__ge__": lambda s, o, r: not r or s == o,
        "__lt__": lambda s, o, r: r and s != o,
        "__gt__": lambda s, o, r: not r,
    },
    "__gt__": {
        "__lt__": lambda s, o, r: not r and s != o,
        "__ge__": lambda s, o, r: r or s == o,
        "__le__": lambda s, o, r: not r,
    },
    "__ge__": {
        "__le__": lambda s, o, r: not r or s == o,
        "__gt__": lambda s, o, r: r and s != o,
        "__lt__": lambda s, o, r: not r,
    },
}


def total_ordering(cls):
    """Class decorator filling in the missing rich comparisons from one given one."""
    roots = {op for op in _ORDER_RULES if getattr(cls, op, None) is not getattr(object, op, None)}
    if not roots:
        raise ValueError("must define at least one ordering operation: < > <= >=")
    root = max(roots)
    for name, combine in _ORDER_RULES[root].items():
        if name not in roots:
            method = _derive(root, combine)
            method.__name__ = name
            method.__qualname__ = f"{cls.__qualname__}.{name}"
            setattr(cls, name, method)
    return cls


################################################################################
### cmp_to_key
################################################################################

def cmp_to_key(mycmp):
    """Turn an old-style comparison function into a key function."""
    class K:
        __slots__ = ("obj",)

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None

    K.__name__ = K.__qualname__ = "KeyWrapper"
    K.__module__ = "functools"
    return K


################################################################################
### reduce
################################################################################

def reduce(function, sequence, initial=_MISSING, /):
    """Fold `sequence` from the left with the two-argument `function`."""
    it = iter(sequence)
    if initial is _MISSING:
        for value in it:
            break
        else:
            raise TypeError("reduce() of empty iterable with no initial value")
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


################################################################################
### partial
################################################################################

class partial:
    """A callable that calls `func` with some arguments already supplied."""

    __slots__ = ("func", "args", "keywords", "__dict__", "__weakref__")

    def __new__(cls, func, /, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if type(func) is partial:
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self = super().__new__(cls)
        self.func = func
        self.args = args
        self.keywords = keywords
        return self

    def __call__(self, /, *args, **keywords):
        keywords = {**self.keywords, **keywords}
        return self.func(*self.args, *args, **keywords)

    @_recursive_repr()
    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(a) for a in self.args)
        parts.extend(f"{k}={v!r}" for k, v in self.keywords.items())
        qualname = type(self).__qualname__
        if type(self).__module__ == "functools":
            return f"functools.{qualname}({', '.join(parts)})"
        return f"{qualname}({', '.join(parts)})"

    def __reduce__(self):
        return type(self), (self.func,), (self.func, self.args, self.keywords or None,
                                          getattr(self, "__dict__", None) or None)

    def __setstate__(self, state):
        func, args, kwds, namespace = state
        self.func = func
        self.args = tuple(args)
        self.keywords = dict(kwds) if kwds else {}
        if namespace:
            self.__dict__.update(namespace)

    def __class_getitem__(cls, item):
        from types import GenericAlias
        return GenericAlias(cls, item)


class partialmethod:
    """Like `partial`, but as a descriptor: the result binds like the wrapped method."""

    def __init__(self, func, /, *args, **keywords):
        if not callable(func) and not hasattr(func, "__get__"):
            raise TypeError(f"{func!r} is not callable or a descriptor")
        if isinstance(func, partialmethod):
            self.func = func.func
            self.args = func.args + args
            self.keywords = {**func.keywords, **keywords}
        else:
            self.func = func
            self.args = args
            self.keywords = keywords

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(a) for a in self.args)
        parts.extend(f"{k}={v!r}" for k, v in self.keywords.items())
        return f"{type(self).__module__}.{type(self).__qualname__}({', '.join(parts)})"

    def _make_unbound_method(self):
        def _method(cls_or_self, /, *args, **keywords):
            keywords = {**self.keywords, **keywords}
            return self.func(cls_or_self, *self.args, *args, **keywords)
        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method._partialmethod = self
        return _method

    def __get__(self, obj, cls=None):
        get = getattr(self.func, "__get__", None)
        result = None
        if get is not None and not isinstance(self.func, partial):
            new_func = get(obj, cls)
            if new_func is not self.func:
                result = partial(new_func, *self.args, **self.keywords)
                try:
                    result.__self__ = new_func.__self__
                except AttributeError:
                    pass
        if result is None:
            result = self._make_unbound_method().__get__(obj, cls)
        return result

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, "__isabstractmethod__", False)


################################################################################
### lru_cache
################################################################################

_CacheInfo = _namedtuple("CacheInfo", ["hits", "misses", "maxsize", "currsize"])


class _HashedSeq(list):
    """A key list that hashes once (keys are hashed on every lookup)."""

    __slots__ = ("hashvalue",)

    def __init__(self, items):
        self[:] = items
        self.hashvalue = hash(items)

    def __hash__(self):
        return self.hashvalue


_KWD_MARK = object()


def _make_key(args, kwds, typed):
    key = args
    if kwds:
        key += (_KWD_MARK,)
        for item in kwds.items():
            key += item
    if typed:
        key += tuple(type(v) for v in args)
        if kwds:
            key += tuple(type(v) for v in kwds.values())
    elif len(key) == 1 and type(key[0]) in {int, str}:
        return key[0]
    return _HashedSeq(key)


def lru_cache(maxsize=128, typed=False):
    """Decorator caching a function's results, keeping the `maxsize` most recent ones."""
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        user_function, maxsize = maxsize, 128
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda: {"maxsize": maxsize, "typed": typed}
        return update_wrapper(wrapper, user_function)
    elif maxsize is not None:
        raise TypeError("Expected first argument to be an integer, a callable, or None")

    def decorating_function(user_function):
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda: {"maxsize": maxsize, "typed": typed}
        return update_wrapper(wrapper, user_function)

    return decorating_function


def _lru_cache_wrapper(user_function, maxsize, typed):
    cache = {}
    stats = [0, 0]  # hits, misses

    if maxsize == 0:
        def wrapper(*args, **kwds):
            stats[1] += 1
            return user_function(*args, **kwds)
    elif maxsize is None:
        def wrapper(*args, **kwds):
            key = _make_key(args, kwds, typed)
            result = cache.get(key, _MISSING)
            if result is not _MISSING:
                stats[0] += 1
                return result
            stats[1] += 1
            result = user_function(*args, **kwds)
            cache[key] = result
            return result
    else:
        def wrapper(*args, **kwds):
            key = _make_key(args, kwds, typed)
            result = cache.pop(key, _MISSING)
            if result is not _MISSING:
                # Re-inserting moves the key to the most-recent end.
                cache[key] = result
                stats[0] += 1
                return result
            stats[1] += 1
            result = user_function(*args, **kwds)
            if key not in cache:
                if len(cache) >= maxsize:
                    del cache[next(iter(cache))]
                cache[key] = result
            return result

    def cache_info():
        return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

    def cache_clear():
        cache.clear()
        stats[0] = stats[1] = 0

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    return wrapper


def cache(user_function, /):
    """An unbounded `lru_cache`."""
    return lru_cache(maxsize=None)(user_function)


################################################################################
### singledispatch
################################################################################

def _find_impl(cls, registry):
    mro = getattr(cls, "__mro__", (cls, object))
    for klass in mro:
        if klass in registry:
            best = klass
            break
    else:
        best = None
    # Types registered without being in the MRO (ABCs with `register`, or virtual
    # subclasses) match through issubclass; the most specific one wins.
    for typ in registry:
        if typ in mro or typ is object:
            continue
        try:
            match = issubclass(cls, typ)
        except TypeError:
            continue
        if match:
            if best is None or best is object or (typ not in mro and issubclass(typ, best)):
                best = typ
    return registry.get(best) if best is not None else None


def singledispatch(func):
    """Turn `func` into a generic function dispatching on the type of its first argument."""
    registry = {}
    dispatch_cache = {}

    def dispatch(cls):
        try:
            return dispatch_cache[cls]
        except (KeyError, TypeError):
            pass
        impl = _find_impl(cls, registry)
        try:
            dispatch_cache[cls] = impl
        except TypeError:
            pass
        return impl

    def _is_valid_dispatch_type(cls):
        if isinstance(cls, type):
            return True
        try:
            from typing import get_args
            from types import UnionType
            import typing
            if isinstance(cls, UnionType) or getattr(cls, "__origin__", None) is typing.Union:
                return all(isinstance(arg, type) for arg in get_args(cls))
        except ImportError:
            pass
        return False

    def register(cls, func=None):
        if _is_valid_dispatch_type(cls):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                raise TypeError(f"Invalid first argument to `register()`. {cls!r} is not a class or union type.")
            annotations = getattr(cls, "__annotations__", {})
            if not annotations:
                raise TypeError(
                    f"Invalid first argument to `register()`: {cls!r}. "
                    f"Use either `@register(some_class)` or plain `@register` "
                    f"on an annotated function.")
            func = cls
            argname, cls = next(iter(annotations.items()))
            if isinstance(cls, str):
                try:
                    from typing import get_type_hints
                    argname, cls = next(iter(get_type_hints(func).items()))
                except ImportError:
                    pass
            if not _is_valid_dispatch_type(cls):
                raise TypeError(f"Invalid annotation for {argname!r}. {cls!r} is not a class.")
        args = getattr(cls, "__args__", None)
        if args is not None and not isinstance(cls, type):
            for arg in args:
                registry[arg] = func
        else:
            registry[cls] = func
        dispatch_cache.clear()
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f"{funcname} requires at least 1 positional argument")
        return dispatch(args[0].__class__)(*args, **kw)

    funcname = getattr(func, "__name__", "singledispatch function")
    registry[object] = func
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    wrapper._clear_cache = dispatch_cache.clear
    update_wrapper(wrapper, func)
    return wrapper


class singledispatchmethod:
    """A method dispatching on the type of its first non-self argument."""

    def __init__(self, func):
        if not callable(func) and not hasattr(func, "__get__"):
            raise TypeError(f"{func!r} is not callable or a descriptor")
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        def _method(*args, **kwargs):
            method = self.dispatcher.dispatch(args[0].__class__)
            return method.__get__(obj, cls)(*args, **kwargs)

        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method.register = self.register
        update_wrapper(_method, self.func)
        return _method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, "__isabstractmethod__", False)


################################################################################
### cached_property
################################################################################

class cached_property:
    """A property computed once per instance, then stored in the instance `__dict__`."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError(
                "Cannot assign the same cached_property to two different names "
                f"({self.attrname!r} and {name!r}).")

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError("Cannot use cached_property instance without calling __set_name__ on it.")
        try:
            cache = instance.__dict__
        except AttributeError:
            raise TypeError(
                f"No '__dict__' attribute on {type(instance).__name__!r} "
                f"instance to cache {self.attrname!r} property.") from None
        value = cache.get(self.attrname, _MISSING)
        if value is _MISSING:
            value = self.func(instance)
            try:
                cache[self.attrname] = value
            except TypeError:
                raise TypeError(
                    f"The '__dict__' attribute on {type(instance).__name__!r} instance "
                    f"does not support item assignment for caching {self.attrname!r} property.") from None
        return value

    def __class_getitem__(cls, item):
        from types import GenericAlias
        return GenericAlias(cls, item)
