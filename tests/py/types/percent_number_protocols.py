# print() options and %-formatting of objects that are numbers only through __index__/__int__/__float__.
import sys, io
print('a', 'b', sep='')
print('a', end='')
print()
print(*[1, 2, 3], sep=', ')
print('x', file=sys.stderr)
s = io.StringIO()
print('to', 'buf', file=s, sep='-')
print(repr(s.getvalue()))
try:
    print('a', sep=1)
except TypeError as e:
    print(e)
try:
    print('a', end=[])
except TypeError as e:
    print(e)
try:
    print('a', file=1)
except AttributeError as e:
    print(e)
class W:
    def write(self, s):
        sys.stdout.write('[' + s + ']')
print('w', 1, file=W())
print()
print(1.0, 2.5e-7, 1e16, -0.0, float('nan'), 10**20, 1+0j, 'é', b'\xff', None, True, [1.0, 'a'], {1: (2,)})
print(str(1.0), str(0.1 + 0.2), repr(1e-5), str(12345678901234567890.0))
print('%s %r %a' % ('é', 'é', 'é'))
print('%5.1f%%' % 99.55)
print('%d%%' % 5, '%.0f' % 0.5, '%.0f' % 1.5, '%.0f' % 2.5)
print('%x' % True, '%o' % False, '%e' % 0, '%g' % 100000, '%g' % 1000000, '%#x' % 0, '%+d' % 0)
class I:
    def __index__(self): return 10
class F:
    def __float__(self): return 2.5
class N:
    def __int__(self): return 3
print('%x %d %c' % (I(), I(), I()))
print('%f %e' % (F(), F()))
print('%d' % N())
for fmt, v in [('%x', F()), ('%d', F()), ('%c', F()), ('%f', I()), ('%f', N()), ('%x', N())]:
    try:
        print(fmt % v)
    except TypeError as e:
        print(fmt, e)
for fmt, v in [(b'%x', I()), (b'%d', I()), (b'%c', I()), (b'%d', N()), (b'%x', N()), (b'%f', F())]:
    try:
        print(fmt % v)
    except TypeError as e:
        print(fmt, e)
