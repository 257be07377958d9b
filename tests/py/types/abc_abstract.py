# abc: abstract methods block instantiation (CPython's message), register, subclass hooks
import abc
from collections.abc import *
import collections
class A(abc.ABC):
    @abc.abstractmethod
    def b(self): pass
    @abc.abstractmethod
    def a(self): pass
class B(A):
    def a(self): pass
class C(B):
    def b(self): pass
for c in (A, B, C):
    try: print(type(c()).__name__)
    except TypeError as e: print(e)
print(sorted(A.__abstractmethods__), B.__abstractmethods__, C.__abstractmethods__)
print(isinstance({}, Mapping), isinstance([], Sequence), isinstance((), MutableSequence), issubclass(dict, MutableMapping), isinstance(iter([]), Iterator))
print(isinstance(3, Hashable), isinstance([], Hashable), isinstance(len, Callable), isinstance(x for x in []), Generator) if False else None
print(isinstance((x for x in []), Generator), isinstance("s", Iterable), isinstance(5, Iterable), issubclass(set, Set), issubclass(frozenset, MutableSet))
class MyMap(Mapping):
    def __init__(self, d): self.d = d
    def __getitem__(self, k): return self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
m = MyMap({'a': 1, 'b': 2})
print(m.get('a'), 'b' in m, list(m.keys()), list(m.items()), list(m.values()), m == {'a': 1, 'b': 2}, dict(m))
class Seq(Sequence):
    def __getitem__(self, i): return [1, 2, 3][i]
    def __len__(self): return 3
s = Seq(); print(list(s), 2 in s, s.index(3), s.count(1), list(reversed(s)))
class Reg(abc.ABC): pass
Reg.register(int)
print(isinstance(1, Reg), issubclass(bool, Reg), issubclass(str, Reg))
try: Reg.register(3)
except TypeError as e: print(e)
class MS(MutableSet):
    def __init__(self, it=()): self.s = set(it)
    def __contains__(self, x): return x in self.s
    def __iter__(self): return iter(sorted(self.s))
    def __len__(self): return len(self.s)
    def add(self, x): self.s.add(x)
    def discard(self, x): self.s.discard(x)
a = MS([1, 2, 3]); print(list(a & {2, 3, 4}), list(a | {9}), list(a - {1}), a <= MS([1,2,3,4]))
print(collections.abc.Sized, type(Mapping))
try: Mapping()
except TypeError as e: print(e)
print(object.__subclasshook__(int), Reg.__subclasshook__(int), hasattr(object, "__subclasshook__"))
