def gen():
    yield 1
g = gen()
print(g.__name__, g.__qualname__, repr(g).startswith("<generator object gen at"))
print(g.gi_running, g.gi_code.co_name, g.gi_suspended)
next(g)
print(g.gi_suspended)
list(g)
def running():
    yield g2.gi_running
g2 = running()
print(next(g2))
def self_next():
    yield next(g3)
g3 = self_next()
try:
    next(g3)
except ValueError as e:
    print(e)
