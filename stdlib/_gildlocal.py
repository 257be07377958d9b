"""`_thread._local` (`threading.local`): data whose attributes are separate for each thread.

Written in Python over `_thread._tls()`, each Python thread's own dictionary (emptied when
the thread ends). `_thread` loads this module the first time `_thread._local` is asked for.
"""

import _thread
import _weakref

_thread_data = _thread._tls     # this Python thread's dictionary (emptied at its end)


def _class_attr(cls, name):
    for klass in cls.__mro__:
        d = klass.__dict__
        if name in d:
            return d[name]
    return None


def _is_data_descriptor(attr):
    t = type(attr)
    return hasattr(t, '__get__') and (hasattr(t, '__set__') or hasattr(t, '__delete__'))


_local_cleanups = set()     # the weak references that remove a dead local's entries


def _local_cleanup(key, dicts):
    def cleanup(ref):
        _local_cleanups.discard(ref)
        for data in dicts:
            data.pop(key, None)
    return cleanup


def _local_dict(self):
    key = object.__getattribute__(self, '_local__key')
    data = _thread_data()
    d = data.get(key)
    if d is None:
        d = data[key] = {}
        object.__getattribute__(self, '_local__dicts').append(data)
        args, kwargs = object.__getattribute__(self, '_local__init_args')
        init = type(self).__init__
        if init is not object.__init__:
            init(self, *args, **kwargs)
    return d


class _local:
    """Data whose attributes are separate for each thread."""

    __module__ = '_thread'
    __slots__ = ('_local__key', '_local__init_args', '_local__dicts', '__weakref__')

    def __new__(cls, *args, **kwargs):
        if (args or kwargs) and cls.__init__ is object.__init__:
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        object.__setattr__(self, '_local__init_args', (args, kwargs))
        # The key of this local's entry in each thread's dictionary: an object of its
        # own, kept alive by those entries, so no later local can have the same one.
        key = object()
        object.__setattr__(self, '_local__key', key)
        data = _thread_data()
        data[key] = {}
        # The thread dictionaries holding an entry for this local: when the local dies,
        # its entries go too (the values die with it, as in CPython).
        dicts = [data]
        object.__setattr__(self, '_local__dicts', dicts)
        _local_cleanups.add(_weakref.ref(self, _local_cleanup(key, dicts)))
        return self

    def __getattribute__(self, name):
        if name == '__dict__':
            return _local_dict(self)
        if name.startswith('_local__') or name == '__class__':
            return object.__getattribute__(self, name)
        d = _local_dict(self)
        attr = _class_attr(type(self), name)
        if attr is not None and _is_data_descriptor(attr):
            return type(attr).__get__(attr, self, type(self))
        if name in d:
            return d[name]
        return object.__getattribute__(self, name)

    def __setattr__(self, name, value):
        if name == '__dict__':
            raise AttributeError("%r object attribute '__dict__' is read-only" % type(self).__name__)
        d = _local_dict(self)
        attr = _class_attr(type(self), name)
        if attr is not None and _is_data_descriptor(attr):
            return type(attr).__set__(attr, self, value)
        d[name] = value

    def __delattr__(self, name):
        if name == '__dict__':
            raise AttributeError("%r object attribute '__dict__' is read-only" % type(self).__name__)
        d = _local_dict(self)
        attr = _class_attr(type(self), name)
        if attr is not None and _is_data_descriptor(attr):
            return type(attr).__delete__(attr, self)
        try:
            del d[name]
        except KeyError:
            raise AttributeError(name) from None
