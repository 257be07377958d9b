"""Container types behind `collections`: `deque` and `defaultdict`.

gild writes these in Python for now; the module name matches CPython's private native
half so `collections` (and user code that imports `_collections`) look the same.
A deque stores its items in a dict keyed by consecutive integers between `_lo`
(inclusive) and `_hi` (exclusive): both ends grow and shrink in O(1), indexing is O(1).
"""

_MISSING = object()


def _index_arg(n):
    if isinstance(n, int):
        return int(n)
    try:
        meth = type(n).__index__
    except AttributeError:
        raise TypeError(f"'{type(n).__name__}' object cannot be interpreted as an integer") from None
    return meth(n)


class _DequeIter:
    __slots__ = ("_deque", "_pos", "_state", "_step", "_left")

    def __init__(self, dq, reverse):
        self._deque = dq
        self._state = dq._state
        self._left = dq._hi - dq._lo
        if reverse:
            self._pos = dq._hi - 1
            self._step = -1
        else:
            self._pos = dq._lo
            self._step = 1

    def __iter__(self):
        return self

    def __next__(self):
        dq = self._deque
        if dq is None:
            raise StopIteration
        if dq._state != self._state:
            self._deque = None
            raise RuntimeError("deque mutated during iteration")
        if self._left <= 0:
            self._deque = None
            raise StopIteration
        item = dq._items[self._pos]
        self._pos += self._step
        self._left -= 1
        return item

    def __length_hint__(self):
        return max(self._left, 0) if self._deque is not None else 0


class _deque_iterator(_DequeIter):
    __slots__ = ()

    def __init__(self, dq):
        _DequeIter.__init__(self, dq, False)


class _deque_reverse_iterator(_DequeIter):
    __slots__ = ()

    def __init__(self, dq):
        _DequeIter.__init__(self, dq, True)


_repr_running = set()


class deque:

    __slots__ = ("_items", "_lo", "_hi", "_maxlen", "_state", "__weakref__")
    __hash__ = None

    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        self._items = {}
        self._lo = 0
        self._hi = 0
        self._maxlen = None
        self._state = 0
        return self

    def __init__(self, iterable=_MISSING, maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError("an integer is required")
            if maxlen < 0:
                raise ValueError("maxlen must be non-negative")
            maxlen = int(maxlen)
        self._maxlen = maxlen
        if self._hi != self._lo:
            self.clear()
        if iterable is not _MISSING:
            self.extend(iterable)

    # -- properties -------------------------------------------------------------------

    @property
    def maxlen(self):
        return self._maxlen

    @maxlen.setter
    def maxlen(self, value):
        raise AttributeError("attribute 'maxlen' of 'collections.deque' objects is not writable")

    # -- ends -------------------------------------------------------------------------

    def append(self, x):
        self._state += 1
        if self._maxlen is not None and self._hi - self._lo >= self._maxlen:
            if self._maxlen == 0:
                return
            del self._items[self._lo]
            self._lo += 1
        self._items[self._hi] = x
        self._hi += 1

    def appendleft(self, x):
        self._state += 1
        if self._maxlen is not None and self._hi - self._lo >= self._maxlen:
            if self._maxlen == 0:
                return
            self._hi -= 1
            del self._items[self._hi]
        self._lo -= 1
        self._items[self._lo] = x

    def pop(self):
        if self._hi == self._lo:
            raise IndexError("pop from an empty deque")
        self._state += 1
        self._hi -= 1
        return self._items.pop(self._hi)

    def popleft(self):
        if self._hi == self._lo:
            raise IndexError("pop from an empty deque")
        self._state += 1
        item = self._items.pop(self._lo)
        self._lo += 1
        return item

    def extend(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.appendleft(x)

    def clear(self):
        self._state += 1
        self._items = {}
        self._lo = self._hi = 0

    def _reset(self, items):
        self._state += 1
        self._items = dict(enumerate(items))
        self._lo = 0
        self._hi = len(self._items)

    # -- whole-deque operations -------------------------------------------------------

    def copy(self):
        if type(self) is deque:
            new = deque(maxlen=self._maxlen)
            new._reset(list(self))
            return new
        if self._maxlen is None:
            return type(self)(self)
        return type(self)(self, self._maxlen)

    __copy__ = copy

    def count(self, value):
        state = self._state
        n = 0
        for i in range(self._lo, self._hi):
            item = self._items[i]
            if item is value or item == value:
                n += 1
            if state != self._state:
                raise RuntimeError("deque mutated during iteration")
        return n

    def index(self, value, start=0, stop=None):
        n = len(self)
        start = _index_arg(start)
        if start < 0:
            start = max(start + n, 0)
        stop = n if stop is None else _index_arg(stop)
        if stop < 0:
            stop = max(stop + n, 0)
        stop = min(stop, n)
        state = self._state
        for i in range(start, stop):
            item = self._items[self._lo + i]
            if item is value or item == value:
                return i
            if state != self._state:
                raise RuntimeError("deque mutated during iteration")
        raise ValueError(f"{value!r} is not in deque")

    def insert(self, index, value):
        index = _index_arg(index)
        n = len(self)
        if self._maxlen is not None and n >= self._maxlen:
            raise IndexError("deque already at its maximum size")
        if index < 0:
            index = max(index + n, 0)
        index = min(index, n)
        items = list(self)
        items.insert(index, value)
        self._reset(items)

    def remove(self, value):
        for i in range(len(self)):
            item = self._items[self._lo + i]
            if item is value or item == value:
                del self[i]
                return
        raise ValueError(f"{value!r} is not in deque")

    def reverse(self):
        self._reset(reversed(list(self)))

    def rotate(self, n=1):
        n = _index_arg(n)
        size = len(self)
        if size <= 1:
            return
        n %= size
        if n == 0:
            return
        state = self._state
        if n <= size // 2:
            for _ in range(n):
                self.appendleft(self.pop())
        else:
            for _ in range(size - n):
                self.append(self.popleft())
        self._state = state + 1

    # -- sequence protocol ------------------------------------------------------------

    def __len__(self):
        return self._hi - self._lo

    def __bool__(self):
        return self._hi != self._lo

    def _norm(self, index):
        if not isinstance(index, int):
            try:
                index = type(index).__index__(index)
            except AttributeError:
                raise TypeError(f"sequence index must be integer, not '{type(index).__name__}'") from None
        n = self._hi - self._lo
        if index < 0:
            index += n
        if index < 0 or index >= n:
            raise IndexError("deque index out of range")
        return self._lo + index

    def __getitem__(self, index):
        return self._items[self._norm(index)]

    def __setitem__(self, index, value):
        self._items[self._norm(index)] = value

    def __delitem__(self, index):
        pos = self._norm(index)
        if pos == self._lo:
            self.popleft()
        elif pos == self._hi - 1:
            self.pop()
        else:
            items = list(self)
            del items[pos - self._lo]
            self._reset(items)

    def __contains__(self, value):
        state = self._state
        for i in range(self._lo, self._hi):
            item = self._items[i]
            if item is value or item == value:
                return True
            if state != self._state:
                raise RuntimeError("deque mutated during iteration")
        return False

    def __iter__(self):
        return _deque_iterator(self)

    def __reversed__(self):
        return _deque_reverse_iterator(self)

    def __repr__(self):
        key = id(self)
        if key in _repr_running:
            return "[...]"
        _repr_running.add(key)
        try:
            body = repr(list(self))
        finally:
            _repr_running.discard(key)
        name = type(self).__name__
        if self._maxlen is None:
            return f"{name}({body})"
        return f"{name}({body}, maxlen={self._maxlen})"

    # -- operators --------------------------------------------------------------------

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError(f'can only concatenate deque (not "{type(other).__name__}") to deque')
        new = self.copy()
        new.extend(other)
        return new

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        if not isinstance(n, int) and not hasattr(type(n), "__index__"):
            return NotImplemented
        new = self.copy()
        new *= n
        return new

    __rmul__ = __mul__

    def __imul__(self, n):
        if not isinstance(n, int):
            if not hasattr(type(n), "__index__"):
                raise TypeError(f"can't multiply sequence by non-int of type '{type(n).__name__}'")
            n = type(n).__index__(n)
        if n <= 0:
            self.clear()
            return self
        items = list(self)
        for _ in range(n - 1):
            if self._maxlen is not None and len(self) >= self._maxlen and len(items) >= self._maxlen:
                break
            self.extend(items)
        return self

    def _cmp(self, other, op):
        if not isinstance(other, deque):
            return NotImplemented
        return op(list(self), list(other))

    def __eq__(self, other):
        return self._cmp(other, lambda a, b: a == b)

    def __ne__(self, other):
        return self._cmp(other, lambda a, b: a != b)

    def __lt__(self, other):
        return self._cmp(other, lambda a, b: a < b)

    def __le__(self, other):
        return self._cmp(other, lambda a, b: a <= b)

    def __gt__(self, other):
        return self._cmp(other, lambda a, b: a > b)

    def __ge__(self, other):
        return self._cmp(other, lambda a, b: a >= b)

    def __reduce__(self):
        state = getattr(self, "__dict__", None)
        if self._maxlen is None:
            return type(self), (list(self),), state
        return type(self), (list(self), self._maxlen), state

    def __class_getitem__(cls, item):
        from _types import GenericAlias
        return GenericAlias(cls, item)


deque.__module__ = "collections"


class defaultdict(dict):

    def __init__(self, default_factory=None, /, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        self.default_factory = default_factory
        dict.__init__(self, *args, **kwargs)

    def __missing__(self, key):
        factory = self.default_factory
        if factory is None:
            raise KeyError(key)
        value = factory()
        self[key] = value
        return value

    def __repr__(self):
        key = id(self)
        factory = self.default_factory
        if key in _repr_running:
            body = "{...}"
        else:
            _repr_running.add(key)
            try:
                body = dict.__repr__(self)
            finally:
                _repr_running.discard(key)
        if factory is None:
            frepr = "None"
        elif id(factory) in _repr_running:
            frepr = "..."
        else:
            frepr = repr(factory)
        return f"{type(self).__name__}({frepr}, {body})"

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        args = (self.default_factory,) if self.default_factory is not None else ()
        return type(self), args, None, None, iter(self.items())

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, other)
        new.update(self)
        return new


defaultdict.__module__ = "collections"


# The read-only field descriptor of named tuples: item `index` of the tuple. (No class
# docstring: `__doc__` is a slot, holding each field's own doc.)
class _tuplegetter:
    __slots__ = ("_index", "__doc__")

    def __init__(self, index, doc):
        self._index = index
        self.__doc__ = doc

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return instance[self._index]

    def __set__(self, instance, value):
        raise AttributeError("can't set attribute")

    def __delete__(self, instance):
        raise AttributeError("can't delete attribute")

    def __reduce__(self):
        return type(self), (self._index, self.__doc__)
