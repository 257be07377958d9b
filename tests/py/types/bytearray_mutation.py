# bytearray mutation: item/slice assignment and deletion, append/extend/insert/pop/
# remove/clear/reverse/copy, += and *=.
def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)

x = bytearray(b'abcdef')
x[0] = 65
x[-1] = 70
print(x)
x[1:3] = b'XYZ'
print(x)
x[::2] = b'123L'
print(x)
x[2:2] = [48, 49]
print(x)
x[:] = bytearray(b'reset')
print(x)
x[1:4] = range(97, 99)
print(x)
del x[0]
print(x)
del x[-1]
print(x)
del x[::2]
print(x)
x = bytearray(b'0123456789')
del x[2:5]
print(x)
del x[::-3]
print(x)
del x[100:]
print(x)

def assign(k, v):
    y = bytearray(b'abc')
    try:
        y[k] = v
        print(y)
    except Exception as e:
        print(type(e).__name__, e)

assign(slice(0, 1), 5)
assign(slice(0, 1), 'ab')
assign(slice(0, 1), [1, 2])
assign(slice(0, 3, 2), b'xyz')
assign(slice(0, 1), [300])
assign(5, 1)
assign(5, 300)
assign(0, 300)
assign(0, 'a')
assign('a', 1)
assign(slice(None), None)
assign(-4, 1)
t(lambda: bytearray(b'a').__delitem__(3))

y = bytearray()
y.append(1)
y.append(255)
y.extend(b'ab')
y.extend([1, 2])
y.extend(bytearray(b'!'))
y.extend(iter(range(3)))
print(y)
y.insert(0, 120)
y.insert(-1, 121)
y.insert(100, 122)
y.insert(-100, 123)
print(y)
print(y.pop(), y.pop(0), y.pop(-2), y)
y.remove(97)
print(y)
y.reverse()
print(y)
z = y.copy()
z.append(0)
print(y, z, z is y)
y.clear()
print(y, len(y))
t(lambda: bytearray().pop())
t(lambda: bytearray(b'a').pop(5))
t(lambda: bytearray(b'a').remove(5))
t(lambda: bytearray(b'a').remove(500))
t(lambda: bytearray(b'a').append(500))
t(lambda: bytearray(b'a').append('a'))
t(lambda: bytearray(b'a').extend(5))
t(lambda: bytearray(b'a').extend('ab'))
t(lambda: bytearray(b'a').extend([1, 256]))
t(lambda: bytearray(b'a').insert(0, 500))
t(lambda: bytearray(b'a').insert('x', 1))

w = bytearray(b'ab')
alias = w
w += b'cd'
w += bytearray(b'ef')
print(w, alias, w is alias)
w *= 2
print(w, alias is w)
w *= 0
print(w, alias)
v = bytearray(b'x')
t(lambda: v.__iadd__('s'))
try:
    v += 'str'
except TypeError as e:
    print('TypeError', e)
try:
    v += 5
except TypeError as e:
    print('TypeError', e)
try:
    v *= 'a'
except TypeError as e:
    print('TypeError', e)
print(v.__iadd__(b'y'), v.__imul__(2))
print(bytearray(b'ab').__reduce__(), bytearray().__reduce__())
