# A class's __dict__ is a read-only mappingproxy: writing through it must fail, so the
# attribute caches (which trust that a class namespace only changes through
# type.__setattr__) never see a namespace change behind their back.
class C:
    def f(self):
        return 1

print(type(C.__dict__).__name__, type(vars(C)).__name__, C.__dict__ is C.__dict__)
try:
    C.__dict__['f'] = lambda self: 2
except TypeError as e:
    print('TypeError:', e)
print(C().f())

# hasattr caches "C has no g"; a write through the namespace would leave it stale.
c = C()
for _ in range(3):
    print(hasattr(c, 'g'))
try:
    C.__dict__['g'] = lambda self: 'g'
except TypeError as e:
    print('TypeError:', e)
print(hasattr(c, 'g'), 'g' in C.__dict__)

# A LoadAttr site that has cached C's h.
def get(o):
    return o.h

C.h = 1
print([get(c) for _ in range(3)])
for op in (lambda: C.__dict__.__setitem__('h', 2), lambda: C.__dict__.pop('h'), lambda: C.__dict__.update(h=3)):
    try:
        op()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ':', e)
print(get(c), C.h, C.__dict__['h'])
try:
    del C.__dict__['h']
except TypeError as e:
    print('TypeError:', e)

# The supported ways still invalidate the caches.
C.g = lambda self: 'set'
print(hasattr(c, 'g'), c.g(), 'g' in C.__dict__)
setattr(C, 'h', 5)
print(get(c))
del C.h
print(hasattr(c, 'h'), 'h' in vars(C))

# The proxy is live: it sees later changes to the class.
d = C.__dict__
C.k = 'k'
print(d['k'], sorted(k for k in d if not k.startswith('__')))

# Builtin types too.
print(type(int.__dict__).__name__, 'bit_length' in int.__dict__)
try:
    int.__dict__['x'] = 1
except TypeError as e:
    print('TypeError:', e)

# A metaclass and vars() agree.
class Meta(type):
    pass
class E(metaclass=Meta):
    x = 1
print(vars(E)['x'], E.__dict__.get('x'), dict(E.__dict__)['x'])
