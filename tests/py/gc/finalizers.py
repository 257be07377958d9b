# __del__ of objects in cycles runs once (PEP 442), also when a finaliser resurrects.
import gc

gc.collect()

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('__del__', self.name)

n = Noisy('self-cycle'); n.me = n
del n
print('collect ->', gc.collect())

saved = []
class Phoenix:
    calls = 0
    def __del__(self):
        Phoenix.calls += 1
        print('Phoenix.__del__ call', Phoenix.calls)
        saved.append(self)

p = Phoenix(); p.me = p
del p
print('first collect found', gc.collect())
print('resurrected:', len(saved), gc.is_finalized(saved[0]))
saved.clear()
print('second collect found', gc.collect())
print('__del__ calls', Phoenix.calls)

# An object only reachable from a cycle is freed with it.
holder = Noisy('holder')
holder.child = Noisy('child')
holder.me = holder
del holder
gc.collect()
print('is_finalized of a fresh object:', gc.is_finalized(Noisy('tmp')))

# A generator suspended in a cycle gets closed (its finally runs).
def gen():
    try:
        yield 1
        yield 2
    finally:
        print('generator finally')

g = gen()
next(g)
box = [g]
box.append(box)
del g, box
gc.collect()
print('end')
