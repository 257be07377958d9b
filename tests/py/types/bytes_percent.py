# %-formatting of bytes and bytearray.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class B:
    def __bytes__(self):
        return b'<B>'

print(b'%d %i %5d|%-5d|%05d' % (1, 2, 3, 4, 5))
print(b'%s and %b' % (b'bytes', bytearray(b'array')))
print(b'%r %a' % ('str', 'caf\xe9'))
print(b'%x %X %o %#x %e %.2f %g' % (255, 255, 8, 255, 1.5, 3.14159, 0.0001))
print(b'%c%c%c' % (72, b'i', 33))
print(b'%10s|%-6b|%.2s' % (b'right', b'left', b'truncate'))
print(b'%(name)s is %(age)d' % {b'name': b'Ann', b'age': 7})
print(b'%s' % B(), b'%%', b'100%%' % ())
print(bytearray(b'%s-%s') % (b'a', b'b'))
print(b'%s' % (b'\xff\x00',))
t(lambda: b'%s' % 'str')
t(lambda: b'%b' % 1)
t(lambda: b'%c' % 256)
t(lambda: b'%c' % b'ab')
t(lambda: b'%c' % 'a')
t(lambda: b'%d' % b'1')
t(lambda: b'%d %d' % (1,))
t(lambda: b'%d' % (1, 2))
t(lambda: b'%(x)s' % (1,))
t(lambda: b'%y' % 1)
t(lambda: b'%s' % {b'a': 1})
