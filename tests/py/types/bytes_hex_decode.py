# hex/fromhex, decode, translate/maketrans of bytes and bytearray.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

b = b'\x00\x01\xab\xff'
print(b.hex(), bytearray(b).hex(), b''.hex())
print(b.hex(':'), b.hex('-', 2), b.hex('-', -2), b.hex(b' ', 3), b.hex(':', -3), b.hex(sep='_', bytes_per_sep=1))
print(b'abcdef'.hex(':', 4), b'abcdef'.hex(':', -4), b'abc'.hex(':', 0))
print(bytes.fromhex('00 01ab  ff'), bytearray.fromhex('de ad be ef'), bytes.fromhex(''), bytes.fromhex(' \t\n'))
print(bytes.fromhex('ABcd'))
t(lambda: bytes.fromhex('zz'))
t(lambda: bytes.fromhex('ab c'))
t(lambda: bytes.fromhex('abc'))
t(lambda: bytes.fromhex('ab é'))
t(lambda: bytes.fromhex(b'ab'))
t(lambda: bytes.fromhex())
t(lambda: b'ab'.hex(':', 'x'))
t(lambda: b'ab'.hex(1))
t(lambda: b'ab'.hex('::'))
t(lambda: b'ab'.hex('é'))
t(lambda: b'ab'.hex(''))

class MyBytes(bytes):
    pass

print(type(MyBytes.fromhex('41')).__name__, MyBytes.fromhex('41'))

print(b'caf\xc3\xa9'.decode(), b'caf\xc3\xa9'.decode('utf-8'), bytearray(b'abc').decode('ascii'))
print(b'\xe9t\xe9'.decode('latin-1'), b'abc'.decode(encoding='ascii', errors='strict'))
print(b'a\xffb'.decode('utf-8', 'replace'), b'a\xffb'.decode('ascii', 'ignore'), b'a\xffb'.decode(errors='backslashreplace'))
t(lambda: b'\xff'.decode())
t(lambda: b'ab\xfe\xff'.decode('ascii'))
t(lambda: b'abc'.decode('utf-9'))
t(lambda: b'abc'.decode(1))
t(lambda: b'abc'.decode('utf-8', 'bogus'))
t(lambda: b'\xff'.decode('utf-8', 'bogus'))

table = bytes.maketrans(b'abc', b'xyz')
print(len(table), table[97:100], bytearray.maketrans(b'a', b'b')[97])
print(b'aabbcc'.translate(table), b'aabbcc'.translate(table, b'b'), b'abc'.translate(None, b'ac'), bytearray(b'abc').translate(None))
print(b'abc'.translate(None, delete=b'b'))
t(lambda: bytes.maketrans(b'ab', b'c'))
t(lambda: bytes.maketrans('a', 'b'))
t(lambda: bytes.maketrans())
t(lambda: b'abc'.translate(b'short'))
t(lambda: b'abc'.translate())
t(lambda: b'abc'.translate(None, b'a', b'b'))
t(lambda: b'abc'.translate(None, x=1))
