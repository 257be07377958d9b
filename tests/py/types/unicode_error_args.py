# Unicode errors carry CPython's argument tuple and format str() from their attributes.
def show(e):
    print(type(e).__name__, e.args)
    print(' ', str(e))
    print(' ', e.encoding if hasattr(e, 'encoding') else '-', repr(e.object), e.start, e.end, e.reason)

for f in [lambda: b'\xff'.decode(), lambda: b'ab\xc3'.decode('utf-8'), lambda: bytearray(b'a\x80\x81').decode('ascii'),
          lambda: 'caf\xe9'.encode('ascii'), lambda: 'ab\u20ac\u20acc'.encode('latin-1'), lambda: str(b'\xfe', 'utf-8')]:
    try:
        f()
    except UnicodeError as e:
        show(e)

e = UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'invalid start byte')
show(e)
print(repr(e))
e.end = 3
print(str(e))
e.start = -5
print(str(e))
show(UnicodeDecodeError('ascii', bytearray(b'xyz'), 1, 3, 'nope'))
show(UnicodeEncodeError('ascii', '\U0001f600x', 0, 1, 'emoji'))
show(UnicodeEncodeError('ascii', 'a\u1234', 1, 2, 'bmp'))
show(UnicodeEncodeError('ascii', 'abc', 0, 10, 'clamped'))
t = UnicodeTranslateError('\xe9t\xe9', 0, 1, 'no map')
print(t.args, str(t))
print(str(UnicodeTranslateError('abc', 0, 2, 'two')))
print(str(UnicodeDecodeError('x', b'', 0, 0, 'empty')))

def t(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: UnicodeDecodeError())
t(lambda: UnicodeDecodeError('a', b'b', 0, 1))
t(lambda: UnicodeDecodeError(1, b'b', 0, 1, 'r'))
t(lambda: UnicodeDecodeError('a', 'str', 0, 1, 'r'))
t(lambda: UnicodeDecodeError('a', b'b', 'x', 1, 'r'))
t(lambda: UnicodeDecodeError('a', b'b', 0, 1, 2))
t(lambda: UnicodeEncodeError('a', b'b', 0, 1, 'r'))
t(lambda: UnicodeTranslateError('a', 0, 1))
print(UnicodeError('plain').args, str(UnicodeError('plain', 2)))

class MyDecodeError(UnicodeDecodeError):
    pass

m = MyDecodeError('utf-8', b'\x80', 0, 1, 'custom')
print(type(m).__name__, m.args, str(m), isinstance(m, ValueError))
try:
    raise UnicodeDecodeError('utf-8', b'\xc3(', 0, 1, 'invalid continuation byte')
except ValueError as e:
    print('caught', e)
