# Set lookups that run __eq__/__hash__: colliding hashes, mutation during __eq__,
# exceptions, unhashable elements, set keys looked up as frozensets, iteration checks.
class K:
    def __init__(self, v, h):
        self.v, self.h = v, h
    def __hash__(self):
        return self.h
    def __eq__(self, other):
        print('eq', self.v, getattr(other, 'v', other))
        return isinstance(other, K) and self.v == other.v
    def __repr__(self):
        return 'K(%r)' % self.v

s = {K(1, 5), K(2, 5), K(3, 13)}
print(s)
print(K(2, 5) in s, K(4, 5) in s)
s.add(K(1, 5))
print(len(s))
s.discard(K(2, 5))
print(s)

class Mutator:
    def __init__(self, target):
        self.target = target
    def __hash__(self):
        return 1
    def __eq__(self, other):
        self.target.clear()
        return False

t = set()
t.add(Mutator(t))
t.add(Mutator(t))
print(len(t))

class Boom:
    def __hash__(self):
        return 7
    def __eq__(self, other):
        raise ValueError('no comparing')

b = {Boom()}
try:
    Boom() in b
except ValueError as e:
    print('ValueError', e)
try:
    {[1]}
except TypeError as e:
    print('TypeError', e)
try:
    set().add({})
except TypeError as e:
    print('TypeError', e)
fs = {frozenset([1, 2]), frozenset()}
print({1, 2} in fs, set() in fs, {3} in fs)
fs2 = set(fs)
fs2.remove({1, 2})
fs2.discard(set())
print(fs2)
try:
    fs2.remove({9})
except KeyError as e:
    print('KeyError', e)
it_set = {1, 2, 3}
try:
    for x in it_set:
        it_set.add(x + 10)
except RuntimeError as e:
    print('RuntimeError', e)
print(1 in {1.0}, {1} == {1.0}, {1.0} & {1}, {1} & {1.0}, {1.0} | {1}, {True} | {1})
