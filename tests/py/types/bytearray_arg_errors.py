# Argument-count errors of the bytes and bytearray methods (CPython calling-convention messages).
names = ['capitalize','center','count','decode','endswith','expandtabs','find','hex','index','isalnum','join','ljust','lower','lstrip','partition','removeprefix','replace','rfind','rsplit','split','splitlines','startswith','strip','translate','zfill']
for n in names:
    for args in [(), (1,2,3,4,5)]:
        try:
            getattr(b'ab', n)(*args)
            print(n, len(args), 'ok')
        except Exception as e:
            print(n, len(args), type(e).__name__, e)
for n in ['append','extend','insert','pop','remove','clear','reverse','copy']:
    for args in [(), (1,2,3,4,5)]:
        try:
            getattr(bytearray(b'ab'), n)(*args)
            print(n, len(args), 'ok')
        except Exception as e:
            print(n, len(args), type(e).__name__, e)
def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: bytes.fromhex())
t(lambda: bytes.maketrans())
t(lambda: b'a'.upper(1))
t(lambda: bytearray(b'a').upper(1))
t(lambda: bytearray().pop())
t(lambda: bytearray(b'a').pop(5))
t(lambda: bytearray(b'a').remove(5))
t(lambda: bytearray(b'a').remove(500))
t(lambda: bytearray(b'a').append(500))
t(lambda: bytearray(b'a').append('a'))
t(lambda: bytearray(b'a').extend(5))
t(lambda: bytearray(b'a').extend('ab'))
t(lambda: bytearray(b'a').insert(0, 500))
x = bytearray(b'abc')
def s(k, v):
    try:
        x[k] = v
        print(x)
    except Exception as e:
        print(type(e).__name__, e)
s(slice(0,1), 5)
s(slice(0,1), 'ab')
s(slice(0,1), [1, 2])
s(slice(0,3,2), b'xyz')
s(slice(0,1), [300])
s(5, 1)
s(0, 300)
s(0, 'a')
s('a', 1)
s(slice(None), None)
