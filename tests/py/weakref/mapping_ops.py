# Comparison and | operators of the weak mappings.
import weakref
class C: pass
a, b = C(), C()
v = weakref.WeakValueDictionary({1: a}); v2 = weakref.WeakValueDictionary({1: a})
print(v == v2, v == {1: a}, v != {2: b}, (v | {2: b})[2] is b, len({3: b} | v))
k = weakref.WeakKeyDictionary({a: 1})
print(k == {a: 1}, k == v, len(k | {b: 2}))
v |= {5: b}; print(len(v))
try: hash(v)
except TypeError as e: print(e)
