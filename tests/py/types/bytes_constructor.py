# bytes() and bytearray() constructors: every source kind and the errors.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class WithBytes:
    def __bytes__(self):
        return b'from __bytes__'

class BadBytes:
    def __bytes__(self):
        return 'not bytes'

class Idx:
    def __index__(self):
        return 4

def gen():
    yield 104
    yield 105

print(bytes(), bytearray())
print(bytes(3), bytearray(2))
print(bytes([72, 105]), bytearray((0, 255)))
print(bytes(range(65, 70)), bytearray(range(3)))
print(bytes(gen()), bytearray(gen()))
print(bytes('héllo', 'utf-8'), bytearray('héllo', 'latin-1'))
print(bytes('abc', encoding='ascii'), bytes(source='x', encoding='utf-8', errors='strict'))
print(bytes('é', 'ascii', 'replace'), bytes('é', 'ascii', errors='ignore'))
print(bytes(b'copy'), bytes(bytearray(b'from array')), bytearray(b'from bytes'))
print(bytes(WithBytes()), bytes(Idx()), bytearray(Idx()))
print(bytes(True), bytes(False))
print(bytes({1: 'a', 2: 'b'}))
t(lambda: bytes(BadBytes()))
t(lambda: bytearray(WithBytes()))
t(lambda: bytes('abc'))
t(lambda: bytearray('abc'))
t(lambda: bytes(1, 'utf-8'))
t(lambda: bytes(errors='strict'))
t(lambda: bytes(encoding='utf-8'))
t(lambda: bytes('a', 1))
t(lambda: bytes('a', 'no-such-codec'))
t(lambda: bytes('é', 'ascii'))
t(lambda: bytes(-1))
t(lambda: bytearray(-5))
t(lambda: bytes([256]))
t(lambda: bytes([-1]))
t(lambda: bytearray([256]))
t(lambda: bytes(['a']))
t(lambda: bytes([1.0]))
t(lambda: bytes(1.5))
t(lambda: bytearray(1.5))
t(lambda: bytes(None))
t(lambda: bytes(1, 2, 3, 4))
t(lambda: bytes(x=1))
t(lambda: bytearray(x=1))

class MyBytes(bytes):
    pass

class MyArray(bytearray):
    pass

mb = MyBytes(b'sub')
print(type(mb).__name__, mb, len(mb), mb == b'sub')
ma = MyArray(b'sub')
print(type(ma).__name__, ma, len(ma))
print(type(mb.upper()).__name__, type(ma.upper()).__name__)
