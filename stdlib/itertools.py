"""Iterator building blocks (Python 3.11's `itertools`), written for gild.

Each tool is a class so `type()` names and `repr()` look as in CPython; the more involved
ones keep a private generator and forward `__next__` to it.
"""

import sys as _sys

__all__ = [
    "accumulate", "chain", "combinations", "combinations_with_replacement", "compress",
    "count", "cycle", "dropwhile", "filterfalse", "groupby", "islice", "pairwise",
    "permutations", "product", "repeat", "starmap", "takewhile", "tee", "zip_longest",
]

_MISSING = object()


def _as_index(value, message, exc=TypeError):
    if isinstance(value, int):
        return int(value)
    try:
        meth = type(value).__index__
    except AttributeError:
        raise exc(message) from None
    return meth(value)


def _no_kwargs(name, kwargs):
    if kwargs:
        raise TypeError(f"{name}() takes no keyword arguments")


class _Forward:
    """Base for tools whose items come from a private generator `_gen`."""

    __slots__ = ("_gen",)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._gen)


class count:
    __slots__ = ("_n", "_step")

    def __init__(self, start=0, step=1):
        for v in (start, step):
            t = type(v)
            if not any(hasattr(t, m) for m in ("__index__", "__int__", "__float__", "__complex__")):
                raise TypeError("a number is required")
        self._n = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        name = type(self).__name__
        step = self._step
        if type(step) is int and step == 1:
            return f"{name}({self._n!r})"
        return f"{name}({self._n!r}, {step!r})"

    def __reduce__(self):
        return type(self), (self._n, self._step)


class cycle(_Forward):
    __slots__ = ()

    def __init__(self, iterable, /):
        self._gen = self._run(iter(iterable))

    @staticmethod
    def _run(it):
        saved = []
        for item in it:
            yield item
            saved.append(item)
        if not saved:
            return
        while True:
            yield from saved


class repeat:
    __slots__ = ("_obj", "_times")

    def __init__(self, object, times=_MISSING):
        self._obj = object
        if times is _MISSING:
            self._times = None
        else:
            times = _as_index(times, f"'{type(times).__name__}' object cannot be interpreted as an integer")
            self._times = max(times, 0)

    def __iter__(self):
        return self

    def __next__(self):
        if self._times is None:
            return self._obj
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._obj

    def __length_hint__(self):
        if self._times is None:
            raise TypeError("len() of unsized object")
        return self._times

    def __repr__(self):
        if self._times is None:
            return f"{type(self).__name__}({self._obj!r})"
        return f"{type(self).__name__}({self._obj!r}, {self._times})"


class accumulate(_Forward):
    __slots__ = ()

    def __init__(self, iterable, func=None, *, initial=None):
        self._gen = self._run(iter(iterable), func, initial)

    @staticmethod
    def _run(it, func, total):
        if total is None:
            for total in it:
                break
            else:
                return
        yield total
        if func is None:
            for item in it:
                total = total + item
                yield total
        else:
            for item in it:
                total = func(total, item)
                yield total


class chain(_Forward):
    __slots__ = ()

    def __init__(self, *iterables, **kwargs):
        _no_kwargs("chain", kwargs)
        self._gen = self._run(iter(iterables))

    @staticmethod
    def _run(sources):
        for source in sources:
            yield from iter(source)

    @classmethod
    def from_iterable(cls, iterable, /):
        self = cls.__new__(cls)
        self._gen = cls._run(iter(iterable))
        return self

    def __class_getitem__(cls, item):
        from types import GenericAlias
        return GenericAlias(cls, item)


class compress(_Forward):
    __slots__ = ()

    def __init__(self, data, selectors):
        self._gen = (d for d, s in zip(data, selectors) if s)


class dropwhile(_Forward):
    __slots__ = ()

    def __init__(self, predicate, iterable, /):
        self._gen = self._run(predicate, iter(iterable))

    @staticmethod
    def _run(predicate, it):
        for item in it:
            if not predicate(item):
                yield item
                break
        yield from it


class takewhile(_Forward):
    __slots__ = ()

    def __init__(self, predicate, iterable, /):
        self._gen = self._run(predicate, iter(iterable))

    @staticmethod
    def _run(predicate, it):
        for item in it:
            if not predicate(item):
                return
            yield item


class filterfalse(_Forward):
    __slots__ = ()

    def __init__(self, function, iterable, /):
        it = iter(iterable)
        if function is None:
            self._gen = (x for x in it if not x)
        else:
            self._gen = (x for x in it if not function(x))


class starmap(_Forward):
    __slots__ = ()

    def __init__(self, function, iterable, /):
        self._gen = self._run(function, iter(iterable))

    @staticmethod
    def _run(function, it):
        for args in it:
            yield function(*args)


class _grouper:
    __slots__ = ("_parent", "_key", "_fetch")

    def __init__(self, parent, key):
        self._parent = parent
        self._key = key
        self._fetch = False  # the parent's current value is this group's first item

    def __iter__(self):
        return self

    def __next__(self):
        parent = self._parent
        if parent._current is not self:
            raise StopIteration
        if self._fetch:
            parent._advance()
        if not (parent._currkey == self._key):
            raise StopIteration
        self._fetch = True
        return parent._currvalue


_grouper.__module__ = "itertools"


class groupby:
    __slots__ = ("_it", "_keyfunc", "_tgtkey", "_currkey", "_currvalue", "_current")

    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        # Both start as the same marker, so the first __next__ reads an item.
        self._tgtkey = self._currkey = _MISSING
        self._currvalue = None
        self._current = None

    def _advance(self):
        value = next(self._it)
        self._currvalue = value
        self._currkey = value if self._keyfunc is None else self._keyfunc(value)

    def __iter__(self):
        return self

    def __next__(self):
        self._current = None
        while self._currkey is self._tgtkey or self._currkey == self._tgtkey:
            self._advance()
        self._tgtkey = self._currkey
        grouper = _grouper(self, self._tgtkey)
        self._current = grouper
        return self._tgtkey, grouper


class islice(_Forward):
    __slots__ = ()

    def __init__(self, iterable, *args):
        if len(args) < 1:
            raise TypeError(f"islice expected at least 2 arguments, got {len(args) + 1}")
        if len(args) > 3:
            raise TypeError(f"islice expected at most 4 arguments, got {len(args) + 1}")
        if len(args) == 1:
            start, stop, step = None, args[0], None
        else:
            start, stop, step = (list(args) + [None])[:3]
        if stop is not None:
            try:
                stop = _as_index(stop, "")
            except TypeError:
                stop = -1
            if stop < 0 or stop > _sys.maxsize:
                raise ValueError("Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
        if start is None:
            start = 0
        else:
            try:
                start = _as_index(start, "")
            except TypeError:
                start = -1
            if start < 0 or start > _sys.maxsize:
                raise ValueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
        if step is None:
            step = 1
        else:
            try:
                step = _as_index(step, "")
            except TypeError:
                step = 0
            if step <= 0 or step > _sys.maxsize:
                raise ValueError("Step for islice() must be a positive integer or None.")
        self._gen = self._run(iter(iterable), start, stop, step)

    @staticmethod
    def _run(it, start, stop, step):
        nexti = start
        i = 0
        if stop is not None and stop <= start:
            # CPython still consumes up to `stop` items.
            for _ in zip(range(stop), it):
                pass
            return
        for item in it:
            if i == nexti:
                yield item
                nexti += step
                if stop is not None and nexti >= stop:
                    # Consume the skipped items up to `stop`, as CPython does.
                    for _ in zip(range(stop - i - 1), it):
                        pass
                    return
            i += 1
            if stop is not None and i >= stop:
                return


class pairwise(_Forward):
    __slots__ = ()

    def __init__(self, iterable, /):
        self._gen = self._run(iter(iterable))

    @staticmethod
    def _run(it):
        for a in it:
            break
        else:
            return
        for b in it:
            yield a, b
            a = b


class zip_longest(_Forward):
    __slots__ = ()

    def __init__(self, *iterables, fillvalue=None, **kwargs):
        if kwargs:
            raise TypeError("zip_longest() got an unexpected keyword argument '%s'" % next(iter(kwargs)))
        its = [iter(x) for x in iterables]
        self._gen = self._run(its, fillvalue)

    @staticmethod
    def _run(its, fill):
        active = len(its)
        if not active:
            return
        while True:
            values = []
            for i, it in enumerate(its):
                if it is None:
                    values.append(fill)
                    continue
                for value in it:
                    values.append(value)
                    break
                else:
                    active -= 1
                    if not active:
                        return
                    its[i] = None
                    values.append(fill)
            yield tuple(values)


class product(_Forward):
    __slots__ = ()

    def __init__(self, *iterables, repeat=1):
        repeat = _as_index(repeat, f"'{type(repeat).__name__}' object cannot be interpreted as an integer")
        if repeat < 0:
            raise ValueError("repeat argument cannot be negative")
        pools = [tuple(p) for p in iterables] * repeat
        self._gen = self._run(pools)

    @staticmethod
    def _run(pools):
        if any(not p for p in pools):
            return
        n = len(pools)
        indices = [0] * n
        yield tuple(p[0] for p in pools)
        while True:
            for i in reversed(range(n)):
                indices[i] += 1
                if indices[i] < len(pools[i]):
                    break
                indices[i] = 0
            else:
                return
            yield tuple(pools[j][indices[j]] for j in range(n))


def _need_r(name, iterable, r):
    if iterable is _MISSING:
        raise TypeError(f"{name}() missing required argument 'iterable' (pos 1)")
    if r is _MISSING:
        raise TypeError(f"{name}() missing required argument 'r' (pos 2)")


def _check_r(r):
    r = _as_index(r, f"Expected int as r")
    if r < 0:
        raise ValueError("r must be non-negative")
    return r


class permutations(_Forward):
    __slots__ = ()

    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        r = len(pool) if r is None else _check_r(r)
        self._gen = self._run(pool, r)

    @staticmethod
    def _run(pool, r):
        n = len(pool)
        if r > n:
            return
        indices = list(range(n))
        cycles = list(range(n, n - r, -1))
        yield tuple(pool[i] for i in indices[:r])
        while n:
            for i in reversed(range(r)):
                cycles[i] -= 1
                if cycles[i] == 0:
                    indices[i:] = indices[i + 1:] + indices[i:i + 1]
                    cycles[i] = n - i
                else:
                    j = cycles[i]
                    indices[i], indices[-j] = indices[-j], indices[i]
                    yield tuple(pool[i] for i in indices[:r])
                    break
            else:
                return


class combinations(_Forward):
    __slots__ = ()

    def __init__(self, iterable=_MISSING, r=_MISSING):
        _need_r(type(self).__name__, iterable, r)
        pool = tuple(iterable)
        self._gen = self._run(pool, _check_r(r))

    @staticmethod
    def _run(pool, r):
        n = len(pool)
        if r > n:
            return
        indices = list(range(r))
        yield tuple(pool[i] for i in indices)
        while True:
            for i in reversed(range(r)):
                if indices[i] != i + n - r:
                    break
            else:
                return
            indices[i] += 1
            for j in range(i + 1, r):
                indices[j] = indices[j - 1] + 1
            yield tuple(pool[i] for i in indices)


class combinations_with_replacement(_Forward):
    __slots__ = ()

    def __init__(self, iterable=_MISSING, r=_MISSING):
        _need_r(type(self).__name__, iterable, r)
        pool = tuple(iterable)
        self._gen = self._run(pool, _check_r(r))

    @staticmethod
    def _run(pool, r):
        n = len(pool)
        if not n and r:
            return
        indices = [0] * r
        yield tuple(pool[i] for i in indices)
        while True:
            for i in reversed(range(r)):
                if indices[i] != n - 1:
                    break
            else:
                return
            indices[i:] = [indices[i] + 1] * (r - i)
            yield tuple(pool[i] for i in indices)


class _tee_link:
    """One buffered item shared by every iterator of a `tee` group."""

    __slots__ = ("value", "next")

    def __init__(self):
        self.next = None


class _tee:
    __slots__ = ("_source", "_link", "__weakref__")

    def __init__(self, iterable):
        if isinstance(iterable, _tee):
            self._source = iterable._source
            self._link = iterable._link
        else:
            self._source = iter(iterable)
            self._link = _tee_link()

    def __iter__(self):
        return self

    def __next__(self):
        link = self._link
        if link.next is None:
            value = next(self._source)
            link.value = value
            link.next = _tee_link()
        self._link = link.next
        return link.value

    def __copy__(self):
        return _tee(self)


_tee.__module__ = "itertools"


def tee(iterable, n=2, /):
    """Return `n` independent iterators over `iterable`."""
    n = _as_index(n, f"'{type(n).__name__}' object cannot be interpreted as an integer")
    if n < 0:
        raise ValueError("n must be >= 0")
    if n == 0:
        return ()
    it = iter(iterable)
    copier = getattr(type(it), "__copy__", None)
    first = it if copier is not None and isinstance(it, _tee) else _tee(it)
    result = [first]
    for _ in range(n - 1):
        result.append(_tee(first))
    return tuple(result)
