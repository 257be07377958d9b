# WeakSet / WeakValueDictionary defer removals while being iterated.
import weakref

class T:
    def __init__(self, n):
        self.n = n

items = [T(i) for i in range(6)]
ws = weakref.WeakSet(items)
seen = 0
for t in ws:
    if seen == 0:
        del items[:3]
    seen += 1
del t
print('len after', len(ws), 'seen >= 3', seen >= 3)
wv = weakref.WeakValueDictionary((t.n, t) for t in items)
for k in list(wv.keys()):
    pass
print(sorted(wv.keys()))
it = iter(wv.items())
next(it)
items.pop()
print(len(wv))
del it
print(len(wv), sorted(wv))
print(wv.get(3).n, wv.get(99, 'dflt'), wv.pop(4).n, len(wv))
wv.setdefault(7, items[0])
print(sorted(wv))
s2 = weakref.WeakSet([items[0]])
print(s2 <= ws, len(ws | s2), len(ws & s2), len(ws - s2))
