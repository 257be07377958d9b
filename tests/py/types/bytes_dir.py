# The public attributes of bytes and bytearray match CPython's.
print([n for n in dir(bytes) if not n.startswith('_')])
print([n for n in dir(bytearray) if not n.startswith('_')])
for name in ['__bytes__', '__getnewargs__', '__mod__', '__rmod__', '__iadd__', '__imul__', '__alloc__', '__setitem__', '__delitem__']:
    print(name, hasattr(bytes, name), hasattr(bytearray, name))
print(bytes.__hash__ is not None, bytearray.__hash__)
print(b'abc'.__getnewargs__(), b'x'.__bytes__(), type(bytes.__dict__['maketrans']).__name__)
print(bytearray(b'abc').__alloc__() >= 3, bytes.__mod__(b'%d', 5), bytes.__rmod__(b'x', 1))
