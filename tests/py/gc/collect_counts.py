# gc.collect() returns how many unreachable objects it found.
import gc

gc.collect()

class A:
    pass

a = A(); a.me = a
del a
print('self cycle', gc.collect())
l = []; l.append(l)
del l
print('list cycle', gc.collect())
d = {}; d['d'] = d
del d
print('dict cycle', gc.collect())
a = A(); b = A(); a.b = b; b.a = a
del a, b
print('two instances', gc.collect())
a = A(); a.items = [a, {'back': a}]
del a
print('instance, list and dict', gc.collect())
print('nothing left', gc.collect())

# Reachable cycles stay.
keep = A(); keep.me = keep
print('reachable', gc.collect(), keep.me is keep)

# Generations: collecting generation 0 still finds young garbage.
c = []; c.append(c)
del c
print('gen0', gc.collect(0))
print('bad generation:', end=' ')
try:
    gc.collect(3)
except ValueError as e:
    print(e)
